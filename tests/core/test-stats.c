/* test-stats.c — the counts charts, exports and the CLI share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <chorus.h>

static ChorusConsultation *
make_consultation (void)
{
  ChorusConsultation *consultation = chorus_consultation_new ("c", "Consultation");
  const char *documents[] = { "d1", "d2" };

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(ChorusDocument) document = chorus_document_new (documents[d], documents[d]);
      g_autoptr(ChorusSection) section = NULL;
      g_autofree char *section_id = g_strdup_printf ("%s-s", documents[d]);

      section = chorus_section_new (section_id, "Section");
      for (guint q = 1; q <= 2; q++)
        {
          g_autofree char *id = g_strdup_printf ("%s-q%u", documents[d], q);
          g_autofree char *number = g_strdup_printf ("Q%u", q);
          g_autoptr(ChorusQuestion) question =
            chorus_question_new (id, number, "Question?", CHORUS_QUESTION_KIND_FREE_TEXT);

          chorus_section_add_question (section, question);
        }
      chorus_document_add_section (document, section);
      chorus_consultation_add_document (consultation, document);
    }

  return consultation;
}

/* Six items, counted by hand:
 *
 *   item  question  group    activity  stance    themes (spans)
 *   1     d1-q1     staff    survey    agree     quality x2 spans, finance
 *   2     d1-q1     staff    focus     disagree  quality
 *   3     d1-q2     public   survey    agree     -
 *   4     d2-q1     -        -         unset     finance
 *   5     d2-q1     public   focus     mixed     quality, finance
 *   6     d2-q2     staff    survey    neutral   -
 */
static void
test_hand_counted (void)
{
  g_autoptr(ChorusConsultation) consultation = make_consultation ();
  g_autoptr(ChorusProject) project = chorus_project_new (consultation);
  ChorusGroup *staff = chorus_project_add_group (project, "Staff", FALSE);
  ChorusGroup *public = chorus_project_add_group (project, "Public", FALSE);
  ChorusActivity *survey = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY, "Survey");
  ChorusActivity *focus = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_FOCUS_GROUP, "Focus");
  ChorusTheme *quality = chorus_project_add_theme (project, "Quality", NULL);
  ChorusTheme *finance = chorus_project_add_theme (project, "Finance", NULL);
  ChorusTheme *unused = chorus_project_add_theme (project, "Unused", NULL);
  ChorusItem *items[6];
  g_autoptr(ChorusStats) stats = NULL;

  items[0] = chorus_project_add_item (project, "d1-q1", staff, survey, "Local services when you need them");
  items[1] = chorus_project_add_item (project, "d1-q1", staff, focus, "No waiting");
  items[2] = chorus_project_add_item (project, "d1-q2", public, survey, "The best patient experience");
  items[3] = chorus_project_add_item (project, "d2-q1", NULL, NULL, "To have a say, to have a choice");
  items[4] = chorus_project_add_item (project, "d2-q1", public, focus, "More emphasis on prevention");
  items[5] = chorus_project_add_item (project, "d2-q2", staff, survey, "Health and social care working together");

  chorus_project_set_item_stance (project, items[0], CHORUS_STANCE_AGREE);
  chorus_project_set_item_stance (project, items[1], CHORUS_STANCE_DISAGREE);
  chorus_project_set_item_stance (project, items[2], CHORUS_STANCE_AGREE);
  chorus_project_set_item_stance (project, items[4], CHORUS_STANCE_MIXED);
  chorus_project_set_item_stance (project, items[5], CHORUS_STANCE_NEUTRAL);

  chorus_project_add_coding (project, items[0], quality, 0, 5);
  chorus_project_add_coding (project, items[0], quality, 6, 14);
  chorus_project_add_coding (project, items[0], finance, 0, G_MAXUINT);
  chorus_project_add_coding (project, items[1], quality, 0, G_MAXUINT);
  chorus_project_add_coding (project, items[3], finance, 0, G_MAXUINT);
  chorus_project_add_coding (project, items[4], quality, 0, G_MAXUINT);
  chorus_project_add_coding (project, items[4], finance, 0, 4);

  chorus_project_set_answer_status (project, "d1-q1", CHORUS_DRAFT_STATUS_FINAL);
  chorus_project_set_answer_status (project, "d1-q2", CHORUS_DRAFT_STATUS_DRAFTING);
  chorus_project_set_answer_text (project, "d2-q1", "Draft text, status not started");

  stats = chorus_stats_ref (chorus_project_get_stats (project));

  g_assert_cmpuint (chorus_stats_get_n_items (stats), ==, 6);
  g_assert_cmpuint (chorus_stats_get_n_codings (stats), ==, 7);
  g_assert_cmpuint (chorus_stats_get_n_coded_items (stats), ==, 4);

  /* An item counts once per theme, however many spans carry it. */
  g_assert_cmpuint (chorus_stats_count_theme (stats, "quality"), ==, 3);
  g_assert_cmpuint (chorus_stats_count_theme (stats, "finance"), ==, 3);
  g_assert_cmpuint (chorus_stats_count_theme (stats, chorus_theme_get_id (unused)), ==, 0);
  g_assert_cmpuint (chorus_stats_count_theme (stats, "no-such-theme"), ==, 0);

  g_assert_cmpuint (chorus_stats_count_group (stats, "staff"), ==, 3);
  g_assert_cmpuint (chorus_stats_count_group (stats, "public"), ==, 2);
  g_assert_cmpuint (chorus_stats_count_group (stats, NULL), ==, 1);
  g_assert_cmpuint (chorus_stats_count_activity (stats, "survey"), ==, 3);
  g_assert_cmpuint (chorus_stats_count_activity (stats, "focus"), ==, 2);
  g_assert_cmpuint (chorus_stats_count_activity (stats, NULL), ==, 1);

  g_assert_cmpuint (chorus_stats_count_stance (stats, CHORUS_STANCE_AGREE), ==, 2);
  g_assert_cmpuint (chorus_stats_count_stance (stats, CHORUS_STANCE_DISAGREE), ==, 1);
  g_assert_cmpuint (chorus_stats_count_stance (stats, CHORUS_STANCE_MIXED), ==, 1);
  g_assert_cmpuint (chorus_stats_count_stance (stats, CHORUS_STANCE_NEUTRAL), ==, 1);
  g_assert_cmpuint (chorus_stats_count_stance (stats, CHORUS_STANCE_UNSET), ==, 1);

  g_assert_cmpuint (chorus_stats_count_question (stats, "d1-q1"), ==, 2);
  g_assert_cmpuint (chorus_stats_count_question (stats, "d1-q2"), ==, 1);
  g_assert_cmpuint (chorus_stats_count_question (stats, "d2-q1"), ==, 2);
  g_assert_cmpuint (chorus_stats_count_question (stats, "d2-q2"), ==, 1);
  g_assert_cmpuint (chorus_stats_count_question_stance (stats, "d1-q1", CHORUS_STANCE_AGREE), ==, 1);
  g_assert_cmpuint (chorus_stats_count_question_stance (stats, "d1-q1", CHORUS_STANCE_DISAGREE), ==, 1);
  g_assert_cmpuint (chorus_stats_count_question_stance (stats, "d2-q1", CHORUS_STANCE_UNSET), ==, 1);

  g_assert_cmpuint (chorus_stats_count_theme_group (stats, "quality", "staff"), ==, 2);
  g_assert_cmpuint (chorus_stats_count_theme_group (stats, "quality", "public"), ==, 1);
  g_assert_cmpuint (chorus_stats_count_theme_group (stats, "finance", NULL), ==, 1);
  g_assert_cmpuint (chorus_stats_count_theme_activity (stats, "finance", "survey"), ==, 1);
  g_assert_cmpuint (chorus_stats_count_theme_activity (stats, "quality", "focus"), ==, 2);
  g_assert_cmpuint (chorus_stats_count_question_theme (stats, "d1-q1", "quality"), ==, 2);
  g_assert_cmpuint (chorus_stats_count_question_theme (stats, "d2-q1", "finance"), ==, 2);
  g_assert_cmpuint (chorus_stats_count_question_group_activity (stats, "d1-q1", "staff", "survey"), ==, 1);
  g_assert_cmpuint (chorus_stats_count_question_group_activity (stats, "d2-q1", NULL, NULL), ==, 1);
  g_assert_cmpuint (chorus_stats_count_question_group_activity (stats, "d2-q2", "public", "survey"), ==, 0);

  /* Coverage: d1-q1 final, d1-q2 drafting, d2-q1 has text but no status yet, d2-q2 nothing. */
  g_assert_cmpuint (chorus_stats_count_status (stats, CHORUS_DRAFT_STATUS_FINAL), ==, 1);
  g_assert_cmpuint (chorus_stats_count_status (stats, CHORUS_DRAFT_STATUS_DRAFTING), ==, 1);
  g_assert_cmpuint (chorus_stats_count_status (stats, CHORUS_DRAFT_STATUS_NOT_STARTED), ==, 2);
  g_assert_cmpuint (chorus_stats_count_document_status (stats, "d1", CHORUS_DRAFT_STATUS_FINAL), ==, 1);
  g_assert_cmpuint (chorus_stats_count_document_status (stats, "d2", CHORUS_DRAFT_STATUS_NOT_STARTED), ==, 2);

  /* The snapshot we hold is immutable; the project's next one sees the edit. */
  chorus_project_remove_item (project, items[0]);
  g_assert_cmpuint (chorus_stats_get_n_items (stats), ==, 6);
  g_assert_cmpuint (chorus_stats_get_n_items (chorus_project_get_stats (project)), ==, 5);
  g_assert_cmpuint (chorus_stats_count_theme (chorus_project_get_stats (project), "quality"), ==, 2);
}

static GHashTable *
read_expected_counts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example-counts.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *equals = strchr (lines[i], '=');

      if (lines[i][0] == '#' || equals == NULL)
        continue;
      *equals = '\0';
      g_hash_table_insert (counts, g_strdup (g_strstrip (lines[i])),
                           GUINT_TO_POINTER (g_ascii_strtoull (equals + 1, NULL, 10)));
    }

  return counts;
}

/* The example project's counts against tests/data/example-counts.txt, which
 * was computed independently of libchorus and checked against seed 004. */
static void
test_example_project (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GHashTable) expected = read_expected_counts ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  ChorusStats *stats;
  GHashTableIter iter;
  gpointer key, value;
  guint checked = 0;

  g_assert_no_error (error);
  stats = chorus_project_get_stats (project);

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      guint want = GPOINTER_TO_UINT (value);
      g_auto(GStrv) parts = g_strsplit (name, ".", 3);
      guint got;

      if (g_str_equal (name, "items"))
        got = chorus_stats_get_n_items (stats);
      else if (g_str_equal (name, "codings"))
        got = chorus_stats_get_n_codings (stats);
      else if (g_str_equal (name, "coded_items"))
        got = chorus_stats_get_n_coded_items (stats);
      else if (g_str_equal (parts[0], "stance"))
        {
          ChorusStance stance;
          g_assert_true (chorus_stance_from_string (parts[1], &stance));
          got = chorus_stats_count_stance (stats, stance);
        }
      else if (g_str_equal (parts[0], "status"))
        {
          ChorusDraftStatus status;
          g_assert_true (chorus_draft_status_from_string (parts[1], &status));
          got = chorus_stats_count_status (stats, status);
        }
      else if (g_str_equal (parts[0], "group"))
        got = chorus_stats_count_group (stats, parts[1]);
      else if (g_str_equal (parts[0], "activity"))
        got = chorus_stats_count_activity (stats, parts[1]);
      else if (g_str_equal (parts[0], "theme"))
        got = chorus_stats_count_theme (stats, parts[1]);
      else if (g_str_equal (parts[0], "question"))
        got = chorus_stats_count_question (stats, parts[1]);
      else if (g_str_equal (parts[0], "theme_group"))
        got = chorus_stats_count_theme_group (stats, parts[1], parts[2]);
      else
        {
          g_test_message ("unknown key %s in example-counts.txt", name);
          continue;
        }

      if (got != want)
        g_error ("%s: libchorus counts %u, expected %u", name, got, want);
      checked++;
    }

  /* Every item, every stance, and per-question counts at the least. */
  g_assert_cmpuint (checked, >, 20);
  g_assert_cmpuint (chorus_stats_get_n_items (stats), >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/hand-counted", test_hand_counted);
  g_test_add_func ("/stats/example-project", test_example_project);

  return g_test_run ();
}
