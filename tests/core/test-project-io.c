/* test-project-io.c — load, save and load again gives the same project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include <chorus.h>

#include "test-dump.h"

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                "trafford-staff-response.chorus", NULL);
}

static void
test_example_round_trip (void)
{
  g_autofree char *path = example_path ();
  g_autofree char *on_disk = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  g_autoptr(ChorusProject) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *dump_first = NULL;
  g_autofree char *dump_again = NULL;

  g_assert_no_error (error);
  g_assert_false (chorus_project_get_modified (project));
  g_assert_false (chorus_project_can_undo (project));
  g_assert_nonnull (chorus_project_get_file (project));
  g_assert_cmpstr (chorus_project_get_organisation (project), ==, "NHS Trafford");
  g_assert_cmpstr (chorus_project_get_contact_name (project), ==, "Mike Barker");
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_items (project)), ==, 108);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_activities (project)), ==, 4);

  /* Saving what was loaded gives back the file byte for byte. */
  first = chorus_project_to_bytes (project);
  g_assert_true (g_file_get_contents (path, &on_disk, &length, NULL));
  g_assert_cmpuint (g_bytes_get_size (first), ==, length);
  g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first), on_disk, length);

  again = chorus_project_load_bytes (first, "again.chorus", &error);
  g_assert_no_error (error);
  second = chorus_project_to_bytes (again);
  g_assert_true (g_bytes_equal (first, second));

  dump_first = dump_project (project);
  dump_again = dump_project (again);
  g_assert_cmpstr (dump_first, ==, dump_again);
}

/* Every field the model has, set through the API, survives a save and load. */
static void
test_everything_round_trips (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  g_autoptr(ChorusProject) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ChorusGroup *public;
  ChorusActivity *letters;
  ChorusTheme *theme;
  ChorusItem *item;
  const char *keywords[] = { "money", "£", "<angle> & \"quotes\"", NULL };

  g_assert_no_error (error);
  chorus_project_set_contact_phone (project, "0161 873 9538\t(ext. 2)");
  public = chorus_project_add_group (project, "Public & patients", FALSE);
  letters = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_WRITTEN_SUBMISSION,
                                         "Letters \"from\" <patients>");
  chorus_project_set_activity_dates (project, letters, "Oct 2010\nNov 2010");
  theme = chorus_project_add_theme (project, "Money 💷", NULL);
  chorus_project_set_theme_keywords (project, theme, keywords);
  chorus_project_set_theme_description (project, theme, "Line one\n\nLine three");
  item = chorus_project_add_item (project, "c-q3", public, letters,
                                  "Café naïve e\u0301 — 👩‍⚕️ says: \"no\" & <yes>\n\n  indented");
  chorus_project_set_item_author (project, item, "Dr. O’Brien");
  chorus_project_set_item_publish (project, item, FALSE);
  chorus_project_set_item_stance (project, item, CHORUS_STANCE_MIXED);
  chorus_project_add_coding (project, item, theme, 0, 4);
  chorus_project_add_coding (project, item, theme, 14, 16);
  chorus_project_set_answer_status (project, "c-q4", CHORUS_DRAFT_STATUS_IN_REVIEW);

  bytes = chorus_project_to_bytes (project);
  again = chorus_project_load_bytes (bytes, "again.chorus", &error);
  g_assert_no_error (error);

  before = dump_project (project);
  after = dump_project (again);
  g_assert_cmpstr (before, ==, after);
}

static void
test_save_and_reload (void)
{
  g_autofree char *path = example_path ();
  g_autofree char *dir = g_dir_make_tmp ("chorus-project-io-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.chorus", NULL);
  g_autofree char *backup = g_strconcat (copy, "~", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  g_autoptr(ChorusProject) reloaded = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  chorus_project_set_organisation (project, "NHS Trafford (staff)");
  g_assert_true (chorus_project_get_modified (project));
  g_assert_true (chorus_project_save_file (project, copy, &error));
  g_assert_no_error (error);
  g_assert_false (chorus_project_get_modified (project));

  reloaded = chorus_project_load_file (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chorus_project_get_organisation (reloaded), ==, "NHS Trafford (staff)");

  /* A second save of the same model is byte-identical. */
  g_assert_true (g_file_get_contents (copy, &first, NULL, NULL));
  g_assert_true (chorus_project_save_file (reloaded, copy, &error));
  g_assert_true (g_file_get_contents (copy, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);

  g_remove (copy);
  g_remove (backup);
  g_rmdir (dir);
}

static void
test_validate (void)
{
  g_autofree char *path = example_path ();
  g_autofree char *consultation = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                         "patient-led-nhs-essex.consultation.xml", NULL);
  g_autoptr(GError) error = NULL;
  ChorusFileKind kind;

  g_assert_true (chorus_file_validate (path, &kind, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, CHORUS_FILE_KIND_PROJECT);
  g_assert_true (chorus_file_validate (consultation, &kind, &error));
  g_assert_cmpint (kind, ==, CHORUS_FILE_KIND_CONSULTATION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project-io/example-round-trip", test_example_round_trip);
  g_test_add_func ("/project-io/everything-round-trips", test_everything_round_trips);
  g_test_add_func ("/project-io/save-and-reload", test_save_and_reload);
  g_test_add_func ("/project-io/validate", test_validate);

  return g_test_run ();
}
