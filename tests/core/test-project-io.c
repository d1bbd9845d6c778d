/* test-project-io.c — load, save and load again gives the same project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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

static ChorusConsultation *
load_liberating_the_nhs (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "liberating-the-nhs.consultation.xml", NULL);
  g_autoptr(GError) error = NULL;
  ChorusConsultation *consultation = chorus_consultation_load_file (path, &error);

  g_assert_no_error (error);
  return consultation;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
sorted_dump (ChorusProject *project)
{
  g_autofree char *dump = dump_project (project);
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);

  qsort (lines, g_strv_length (lines), sizeof (char *), compare_lines);
  return g_strjoinv ("\n", lines);
}

/* The order and the omissions of docs/file-format.md, "Writing". */
static void
test_written_order (void)
{
  g_autoptr(ChorusConsultation) consultation = load_liberating_the_nhs ();
  g_autoptr(ChorusProject) project = chorus_project_new (consultation);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ChorusProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ChorusGroup *council, *staff;
  ChorusItem *item;
  const char *xml;
  const char *expected[] = {
    "<answer question=\"t-q1\" status=\"",
    "<answer question=\"t-q2\" status=\"final\">",
    "<key-points target=\"regulating\">",
    "<key-points target=\"transparency\">",
    "<partner-response group=\"", "target=\"t-q1\">",
    "<partner-response group=\"", "target=\"transparency\">",
  };

  staff = chorus_project_add_group (project, "Staff", FALSE);
  council = chorus_project_add_group (project, "Trafford Council", TRUE);

  /* Made in the reverse of the order they are written in. */
  chorus_project_set_partner_response (project, council, "transparency", "General.");
  chorus_project_set_partner_response (project, council, "t-q1", "On Q1.");
  chorus_project_set_key_points (project, "transparency", "Point.");
  chorus_project_set_key_points (project, "regulating", "Point.");
  chorus_project_set_answer_status (project, "t-q2", CHORUS_DRAFT_STATUS_FINAL);
  chorus_project_set_answer_text (project, "t-q1", "Answer.");

  item = chorus_project_add_item (project, "t-q1", staff, NULL, "Unset stance, published");
  g_assert_nonnull (item);
  item = chorus_project_add_item (project, "t-q1", staff, NULL, "Agrees, private");
  chorus_project_set_item_stance (project, item, CHORUS_STANCE_AGREE);
  chorus_project_set_item_publish (project, item, FALSE);

  bytes = chorus_project_to_bytes (project);
  xml = g_bytes_get_data (bytes, NULL);

  for (guint i = 0, at = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *found = strstr (xml + at, expected[i]);

      if (found == NULL)
        g_error ("“%s” is not written, or not in order", expected[i]);
      at = (guint) (found - xml) + 1;
    }

  /* Stance only when set; publish only when false. */
  g_assert_nonnull (strstr (xml, "<item id=\""));
  g_assert_null (strstr (xml, "stance=\"unset\""));
  g_assert_null (strstr (xml, "publish=\"true\""));
  g_assert_nonnull (strstr (xml, "stance=\"agree\" publish=\"false\">"));
  /* Two-space indentation, one element per line. */
  g_assert_nonnull (strstr (xml, "\n  <drafts>\n    <answer "));

  /* The same drafts; a list of drafts has no order of its own. */
  again = chorus_project_load_bytes (bytes, "again.chorus", &error);
  g_assert_no_error (error);
  before = sorted_dump (project);
  after = sorted_dump (again);
  g_assert_cmpstr (before, ==, after);
}

/* Empty lists, empty and blank strings, line breaks and tabs in
 * attributes: what a half-finished project holds. */
static void
test_edge_strings_round_trip (void)
{
  g_autoptr(ChorusConsultation) consultation = load_liberating_the_nhs ();
  g_autoptr(ChorusProject) project = chorus_project_new (consultation);
  g_autoptr(ChorusProject) empty_again = NULL;
  g_autoptr(ChorusProject) again = NULL;
  g_autoptr(GBytes) empty = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ChorusGroup *group;
  ChorusActivity *activity;
  ChorusItem *item;

  /* Nothing at all yet. */
  empty = chorus_project_to_bytes (project);
  empty_again = chorus_project_load_bytes (empty, "empty.chorus", &error);
  g_assert_no_error (error);
  second = chorus_project_to_bytes (empty_again);
  g_assert_true (g_bytes_equal (empty, second));
  g_clear_pointer (&second, g_bytes_unref);

  chorus_project_set_organisation (project, "   ");
  chorus_project_set_contact_role (project, "Line one\nLine two\tand a tab");
  group = chorus_project_add_group (project, "  spaced  ", FALSE);
  activity = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_OTHER, "\n");
  chorus_project_set_activity_involved (project, activity, "Windows\r\nline ends");
  item = chorus_project_add_item (project, "t-q1", group, activity, " ");
  chorus_project_set_item_author (project, item, "A. N. Other\n(volunteer)");
  chorus_project_add_item (project, "t-q2", NULL, NULL, "]]> <![CDATA[ &#1; --> <!--");

  bytes = chorus_project_to_bytes (project);
  again = chorus_project_load_bytes (bytes, "again.chorus", &error);
  g_assert_no_error (error);
  before = dump_project (project);
  after = dump_project (again);
  g_assert_cmpstr (before, ==, after);
  second = chorus_project_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, second));
}

/* The model keeps characters XML cannot carry out (see
 * _chorus_text_sanitize()); one set behind its back must still not make
 * a file that cannot be opened again. */
static void
test_unwritable_characters (void)
{
  g_autoptr(ChorusConsultation) consultation = load_liberating_the_nhs ();
  g_autoptr(ChorusProject) project = chorus_project_new (consultation);
  g_autoptr(ChorusProject) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusGroup) reloaded = NULL;
  ChorusGroup *group = chorus_project_add_group (project, "Staff", FALSE);

  g_object_set (group, "name", "bell\x07 and \xEF\xBF\xBE", NULL);
  bytes = chorus_project_to_bytes (project);
  again = chorus_project_load_bytes (bytes, "again.chorus", &error);
  g_assert_no_error (error);
  reloaded = g_list_model_get_item (chorus_project_get_groups (again), 0);
  g_assert_cmpstr (chorus_group_get_name (reloaded), ==, "bell\xEF\xBF\xBD and \xEF\xBF\xBD");
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
  g_test_add_func ("/project-io/written-order", test_written_order);
  g_test_add_func ("/project-io/edge-strings-round-trip", test_edge_strings_round_trip);
  g_test_add_func ("/project-io/unwritable-characters", test_unwritable_characters);

  return g_test_run ();
}
