/* test-item-filter.c — the input list's filters and a chart click select the right items
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

static guint
count_matches (ChorusProject    *project,
               ChorusItemFilter *filter)
{
  GListModel *items = chorus_project_get_items (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      n += chorus_item_filter_matches (filter, item);
    }

  return n;
}

static void
record_change_cb (ChorusItemFilter *filter,
                  int               change,
                  gpointer          user_data)
{
  GArray *changes = user_data;

  g_array_append_val (changes, change);
}

/* Every theme, group, activity, stance and question selects exactly as many items as the
 * statistics count for it. */
static void
test_matches_statistics (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(ChorusItemFilter) filter = chorus_item_filter_new (project);
  ChorusStats *stats = chorus_project_get_stats (project);
  GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (project));
  GListModel *groups = chorus_project_get_groups (project);
  GListModel *activities = chorus_project_get_activities (project);
  GListModel *questions = chorus_consultation_get_questions (chorus_project_get_consultation (project));

  g_assert_true (chorus_item_filter_is_unfiltered (filter));
  g_assert_cmpuint (count_matches (project, filter), ==, chorus_stats_get_n_items (stats));
  g_assert_cmpuint (g_list_model_get_n_items (themes), >, 10);

  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);

      chorus_item_filter_set_theme_id (filter, chorus_theme_get_id (theme));
      g_assert_false (chorus_item_filter_is_unfiltered (filter));
      g_assert_cmpuint (count_matches (project, filter), ==,
                        chorus_stats_count_theme (stats, chorus_theme_get_id (theme)));
    }
  chorus_item_filter_clear (filter);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);

      chorus_item_filter_set_group_id (filter, chorus_group_get_id (group));
      g_assert_cmpuint (count_matches (project, filter), ==,
                        chorus_stats_count_group (stats, chorus_group_get_id (group)));
    }
  chorus_item_filter_set_group_id (filter, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, i);

      chorus_item_filter_set_activity_id (filter, chorus_activity_get_id (activity));
      g_assert_cmpuint (count_matches (project, filter), ==,
                        chorus_stats_count_activity (stats, chorus_activity_get_id (activity)));
    }
  chorus_item_filter_set_activity_id (filter, NULL);

  for (ChorusStance stance = 0; stance < CHORUS_N_STANCES; stance++)
    {
      chorus_item_filter_set_stance (filter, stance);
      g_assert_cmpuint (count_matches (project, filter), ==,
                        chorus_stats_count_stance (stats, stance));
    }
  chorus_item_filter_set_stance (filter, CHORUS_ITEM_FILTER_ANY_STANCE);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);

      chorus_item_filter_set_question_id (filter, chorus_question_get_id (question));
      g_assert_cmpuint (count_matches (project, filter), ==,
                        chorus_stats_count_question (stats, chorus_question_get_id (question)));
    }

  g_assert_true (chorus_item_filter_is_unfiltered (filter));
}

/* Criteria combine: a question and a theme together, and a document holds its questions. */
static void
test_combined (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(ChorusItemFilter) filter = chorus_item_filter_new (project);
  ChorusStats *stats = chorus_project_get_stats (project);
  GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (project));
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  GListModel *documents = chorus_consultation_get_documents (consultation);
  GListModel *questions = chorus_consultation_get_questions (consultation);
  guint total = 0;

  for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);

      chorus_item_filter_set_question_id (filter, chorus_question_get_id (question));
      for (guint t = 0; t < g_list_model_get_n_items (themes); t++)
        {
          g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, t);

          chorus_item_filter_set_theme_id (filter, chorus_theme_get_id (theme));
          g_assert_cmpuint (count_matches (project, filter), ==,
                            chorus_stats_count_question_theme (stats,
                                                               chorus_question_get_id (question),
                                                               chorus_theme_get_id (theme)));
        }
      chorus_item_filter_set_theme_id (filter, NULL);
    }
  chorus_item_filter_set_question_id (filter, NULL);

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);

      chorus_item_filter_set_document_id (filter, chorus_document_get_id (document));
      total += count_matches (project, filter);
    }
  /* Every item answers a question in exactly one document. */
  g_assert_cmpuint (total, ==, chorus_stats_get_n_items (stats));
}

/* The search ignores case, also beyond ASCII, and finds authors too. */
static void
test_text (void)
{
  g_autoptr(ChorusConsultation) consultation = chorus_consultation_new ("c", "C");
  g_autoptr(ChorusDocument) document = chorus_document_new ("d", "D");
  g_autoptr(ChorusSection) section = chorus_section_new ("s", "S");
  g_autoptr(ChorusQuestion) question = chorus_question_new ("q", "1", "Q?", CHORUS_QUESTION_KIND_FREE_TEXT);
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusItemFilter) filter = NULL;
  ChorusItem *care, *cafe, *author;

  chorus_section_add_question (section, question);
  chorus_document_add_section (document, section);
  chorus_consultation_add_document (consultation, document);
  project = chorus_project_new (consultation);
  filter = chorus_item_filter_new (project);

  care = chorus_project_add_item (project, "q", NULL, NULL, "Better CARE closer to home");
  cafe = chorus_project_add_item (project, "q", NULL, NULL, "The CAFÉ at the hospital closes early");
  author = chorus_project_add_item (project, "q", NULL, NULL, "Parking");
  chorus_project_set_item_author (project, author, "Dr Careful");

  chorus_item_filter_set_text (filter, "  care ");
  g_assert_cmpstr (chorus_item_filter_get_text (filter), ==, "care");
  g_assert_true (chorus_item_filter_matches (filter, care));
  g_assert_false (chorus_item_filter_matches (filter, cafe));
  g_assert_true (chorus_item_filter_matches (filter, author));

  chorus_item_filter_set_text (filter, "café");
  g_assert_false (chorus_item_filter_matches (filter, care));
  g_assert_true (chorus_item_filter_matches (filter, cafe));

  chorus_item_filter_set_text (filter, "   ");
  g_assert_null (chorus_item_filter_get_text (filter));
  g_assert_true (chorus_item_filter_is_unfiltered (filter));
  g_assert_true (chorus_item_filter_matches (filter, care));
}

/* Narrowing the search says so, so that a list only re-checks what it shows. */
static void
test_changes (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(ChorusItemFilter) filter = chorus_item_filter_new (project);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (int));

  g_signal_connect (filter, "changed", G_CALLBACK (record_change_cb), changes);

  chorus_item_filter_set_text (filter, "car");
  chorus_item_filter_set_text (filter, "care");
  chorus_item_filter_set_text (filter, "care");      /* no change, no signal */
  chorus_item_filter_set_text (filter, "car");
  chorus_item_filter_set_text (filter, "staff");
  chorus_item_filter_set_stance (filter, CHORUS_STANCE_AGREE);
  chorus_item_filter_clear (filter);
  chorus_item_filter_clear (filter);                 /* nothing to clear, no signal */

  g_assert_cmpuint (changes->len, ==, 6);
  g_assert_cmpint (g_array_index (changes, int, 0), ==, CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpint (g_array_index (changes, int, 1), ==, CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpint (g_array_index (changes, int, 2), ==, CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT);
  g_assert_cmpint (g_array_index (changes, int, 3), ==, CHORUS_ITEM_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpint (g_array_index (changes, int, 4), ==, CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpint (g_array_index (changes, int, 5), ==, CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT);
}

/* Clicking any bar, segment or cell of any chart selects exactly the items it counts. */
static void
test_chart_hits (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(ChorusItemFilter) filter = chorus_item_filter_new (project);
  ChorusChartKind kinds[] = { CHORUS_CHART_KIND_THEMES, CHORUS_CHART_KIND_STANCE,
                              CHORUS_CHART_KIND_HEATMAP };
  guint n_checked = 0;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint stacked = 0; stacked < 2; stacked++)
      {
        g_autoptr(ChorusChart) chart = chorus_chart_new (kinds[k], project);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 2400);
        cairo_t *cr = cairo_create (surface);

        chorus_chart_set_stack_by_group (chart, stacked);
        chorus_chart_render (chart, cr, 900, 2400);

        for (guint r = 0; r < chorus_chart_get_n_regions (chart); r++)
          {
            cairo_rectangle_t rect;
            ChorusChartHit hit;

            g_assert_true (chorus_chart_get_region (chart, r, &rect, &hit));
            if (hit.target == CHORUS_CHART_TARGET_HEADING)
              continue;

            chorus_item_filter_set_from_hit (filter, &hit);

            /* "Other" adds up its themes' counts (docs/charts.md), so an item coded with two
             * of them counts twice there and shows once in the list. */
            if (hit.fields & CHORUS_CHART_HIT_OTHER_THEMES)
              {
                guint n = count_matches (project, filter);

                g_assert_cmpuint (n, <=, hit.count);
                g_assert_cmpuint (n, >, 0);
                n_checked++;
                continue;
              }

            if (hit.count != count_matches (project, filter))
              g_error ("chart %u region %u “%s”: the chart counts %u, the filter selects %u",
                       kinds[k], r, hit.text, hit.count, count_matches (project, filter));
            n_checked++;
          }

        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }

  g_assert_cmpuint (n_checked, >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item-filter/matches-statistics", test_matches_statistics);
  g_test_add_func ("/item-filter/combined", test_combined);
  g_test_add_func ("/item-filter/text", test_text);
  g_test_add_func ("/item-filter/changes", test_changes);
  g_test_add_func ("/item-filter/chart-hits", test_chart_hits);

  return g_test_run ();
}
