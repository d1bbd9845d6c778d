/* test-save.c — a failed save never costs the user the file they had
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

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

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

static void
test_backup_kept (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("chorus-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "response.chorus", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *old_contents = NULL;
  g_autofree char *backup_contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (chorus_project_save_file (project, path, &error));
  g_assert_true (g_file_get_contents (path, &old_contents, NULL, NULL));

  chorus_project_set_organisation (project, "Changed");
  g_assert_true (chorus_project_save_file (project, path, &error));
  g_assert_no_error (error);

  /* The previous version is there as FILE~, and nothing else was left. */
  g_assert_true (g_file_get_contents (backup, &backup_contents, NULL, NULL));
  g_assert_cmpstr (backup_contents, ==, old_contents);
  g_assert_cmpuint (count_files (dir), ==, 2);

  g_remove (path);
  g_remove (backup);
  g_rmdir (dir);
}

/* A folder that does not exist (here: below a regular file, which even root
 * cannot write into) fails cleanly. */
static void
test_unwritable_folder (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("chorus-save-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "response.chorus", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));
  g_assert_false (chorus_project_save_file (project, path, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "response.chorus"));
  g_assert_nonnull (strstr (error->message, "Not a directory"));
  g_assert_true (chorus_project_get_file (project) != NULL);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_remove (blocker);
  g_rmdir (dir);
}

/* A full disk, simulated with a file-size limit: writing the temporary file
 * fails part-way, as it would on ENOSPC. The original must survive intact. */
static void
test_full_disk (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("chorus-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "response.chorus", NULL);
  g_autofree char *original = g_strdup ("the user's previous response\n");
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  struct rlimit old_limit, small = { 4096, 4096 };
  gboolean saved;

  g_assert_true (g_file_set_contents (path, original, -1, NULL));

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  small.rlim_max = old_limit.rlim_max;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  saved = chorus_project_save_file (project, path, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);

  g_assert_false (saved);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "response.chorus"));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, original);
  g_assert_cmpuint (count_files (dir), ==, 1);
  /* The failed save did not mark the project saved. */
  g_assert_cmpstr (g_file_peek_path (chorus_project_get_file (project)), !=, path);

  g_remove (path);
  g_rmdir (dir);
}

/* A folder the saver may not write into. Root may write anywhere, so as
 * root the test saves over /proc/version instead: a real file in a folder
 * in which not even root can create one. */
static void
test_read_only_folder (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_files = 1;

  if (getuid () != 0)
    {
      dir = g_dir_make_tmp ("chorus-save-XXXXXX", NULL);
      path = g_build_filename (dir, "response.chorus", NULL);
      g_assert_true (g_file_set_contents (path, "the user's previous response\n", -1, NULL));
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    }
  else
    path = g_strdup ("/proc/version");

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_false (chorus_project_save_file (project, path, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “"));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);
  /* The project is still where it was, and still unsaved to @path. */
  g_assert_cmpstr (g_file_peek_path (chorus_project_get_file (project)), !=, path);

  if (dir != NULL)
    {
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
      g_assert_cmpuint (count_files (dir), ==, n_files);
      g_remove (path);
      g_rmdir (dir);
    }
}

/* The rename is what fails here (a folder has the file's name): the
 * temporary file, already written, must go. */
static void
test_target_is_a_folder (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("chorus-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "response.chorus", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_false (chorus_project_save_file (project, path, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "response.chorus"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_rmdir (path);
  g_rmdir (dir);
}

/* Saving keeps a private file private (projects may name people), and
 * saving through a link replaces what it points to, not the link. */
static void
test_mode_and_links_kept (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("chorus-save-XXXXXX", NULL);
  g_autofree char *real_dir = g_build_filename (dir, "synced", NULL);
  g_autofree char *path = g_build_filename (real_dir, "response.chorus", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *link = g_build_filename (dir, "response.chorus", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (path, "previous\n", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (symlink ("synced/response.chorus", link), ==, 0);

  g_assert_true (chorus_project_save_file (project, link, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "synced/response.chorus");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_remove (link);
  g_remove (path);
  g_remove (backup);
  g_rmdir (real_dir);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/save/backup-kept", test_backup_kept);
  g_test_add_func ("/save/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/save/full-disk", test_full_disk);
  g_test_add_func ("/save/read-only-folder", test_read_only_folder);
  g_test_add_func ("/save/target-is-a-folder", test_target_is_a_folder);
  g_test_add_func ("/save/mode-and-links-kept", test_mode_and_links_kept);

  return g_test_run ();
}
