/* test-recovery.c — unsaved work survives a crash, and goes away after a save
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <chorus.h>

static ChorusProject *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GError) error = NULL;
  ChorusProject *project = chorus_project_load_file (path, &error);

  g_assert_no_error (error);
  return project;
}

/* An edit written to a recovery copy comes back on restore, belonging to the original file
 * and marked unsaved, so that the next Save writes it there. */
static void
test_write_and_restore (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(GFile) original = g_object_ref (chorus_project_get_file (project));
  g_autofree char *key = chorus_recovery_key_for_file (original);
  g_autofree char *key_again = chorus_recovery_key_for_file (original);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ChorusRecoveryEntry) entry = NULL;
  g_autoptr(ChorusProject) restored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (key, ==, key_again);
  g_assert_null (chorus_recovery_find (key));

  chorus_project_set_organisation (project, "NHS Trafford (recovered)");
  bytes = chorus_project_to_bytes (project);
  g_assert_true (chorus_recovery_write (key, bytes, original, "NHS Trafford", &error));
  g_assert_no_error (error);

  entries = chorus_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);

  entry = chorus_recovery_find (key);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->title, ==, "NHS Trafford");
  g_assert_true (g_file_equal (entry->original, original));

  restored = chorus_recovery_restore (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chorus_project_get_organisation (restored), ==, "NHS Trafford (recovered)");
  g_assert_true (g_file_equal (chorus_project_get_file (restored), original));
  g_assert_true (chorus_project_get_modified (restored));

  chorus_recovery_discard (key);
  g_assert_null (chorus_recovery_find (key));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = chorus_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
}

/* A response that was never saved is recovered too, without a file; several are listed
 * newest first. */
static void
test_untitled (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *first = chorus_recovery_new_key ();
  g_autofree char *second = chorus_recovery_new_key ();
  g_autoptr(GBytes) bytes = chorus_project_to_bytes (project);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(ChorusProject) restored = NULL;
  g_autoptr(GError) error = NULL;
  ChorusRecoveryEntry *newest;

  g_assert_cmpstr (first, !=, second);
  g_assert_true (chorus_recovery_write (first, bytes, NULL, "First", &error));
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (chorus_recovery_write (second, bytes, NULL, "Second", &error));
  g_assert_no_error (error);

  entries = chorus_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 2);
  newest = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (newest->title, ==, "Second");
  g_assert_null (newest->original);

  restored = chorus_recovery_restore (newest, &error);
  g_assert_no_error (error);
  g_assert_null (chorus_project_get_file (restored));
  g_assert_true (chorus_project_get_modified (restored));

  chorus_recovery_discard (first);
  chorus_recovery_discard (second);
}

/* A key is a file name in the recovery folder, never a path out of it. */
static void
test_hostile_key (void)
{
  g_assert_null (chorus_recovery_find ("../../etc/passwd"));
  g_assert_null (chorus_recovery_find (""));
}

/* A copy whose note is missing, or whose project is broken, is not offered as valid. */
static void
test_broken_copy (void)
{
  g_autofree char *key = chorus_recovery_new_key ();
  g_autoptr(GBytes) garbage = g_bytes_new_static ("<not-a-project", 14);
  g_autoptr(ChorusRecoveryEntry) entry = NULL;
  g_autoptr(ChorusProject) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (chorus_recovery_write (key, garbage, NULL, "Broken", &error));
  entry = chorus_recovery_find (key);
  g_assert_nonnull (entry);

  restored = chorus_recovery_restore (entry, &error);
  g_assert_null (restored);
  g_assert_nonnull (error);
  chorus_recovery_discard (key);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("chorus-test-recovery-XXXXXX", NULL);

  /* A private data folder: the tests never see or touch the user's recovery copies. (Not
   * G_TEST_OPTION_ISOLATE_DIRS, whose GLib 2.74 implementation leaks what it sets.) */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/write-and-restore", test_write_and_restore);
  g_test_add_func ("/recovery/untitled", test_untitled);
  g_test_add_func ("/recovery/hostile-key", test_hostile_key);
  g_test_add_func ("/recovery/broken-copy", test_broken_copy);

  return g_test_run ();
}
