/* test-search.c — the window's search finds questions, drafts and input by their words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

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

/* Every item the input filter finds for a word, and nothing else, is among the results,
 * each pointing at its own question. */
static void
test_finds_every_item (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(ChorusItemFilter) filter = chorus_item_filter_new (project);
  g_autoptr(GListModel) results = chorus_search_project (project, "GP", 100000);
  GListModel *items = chorus_project_get_items (project);
  guint n_expected = 0, n_found = 0;

  chorus_item_filter_set_text (filter, "GP");
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      if (chorus_item_filter_matches (filter, item) &&
          g_strrstr (chorus_item_get_text (item), "GP") != NULL)
        n_expected++;
    }
  g_assert_cmpuint (n_expected, >, 3);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(ChorusSearchResult) result = g_list_model_get_item (results, i);
      ChorusItem *item;

      if (chorus_search_result_get_kind (result) != CHORUS_SEARCH_RESULT_ITEM)
        continue;

      item = chorus_project_find_item (project, chorus_search_result_get_item_id (result));
      g_assert_nonnull (item);
      g_assert_cmpstr (chorus_search_result_get_question_id (result), ==,
                       chorus_item_get_question_id (item));
      g_assert_nonnull (g_strstr_len (chorus_search_result_get_snippet (result), -1, "GP"));
      n_found++;
    }

  /* The filter also looks at authors and ignores case; the search does the same on text. */
  g_assert_cmpuint (n_found, >=, n_expected);
}

/* Questions come first, then drafts, then input; a cap is respected. */
static void
test_order_and_cap (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) capped = NULL;
  ChorusSearchResultKind last = CHORUS_SEARCH_RESULT_QUESTION;
  gboolean saw[3] = { FALSE, };

  chorus_project_set_answer_text (project, "t-q1", "We support commissioning by GP consortia.");
  results = chorus_search_project (project, "commissioning", 1000);
  g_assert_cmpuint (g_list_model_get_n_items (results), >, 3);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(ChorusSearchResult) result = g_list_model_get_item (results, i);
      ChorusSearchResultKind kind = chorus_search_result_get_kind (result);
      /* Indexed by kind (question, item, draft): where it belongs in the list. */
      guint rank[] = { 0, 2, 1 };

      g_assert_cmpuint (rank[kind], >=, rank[last]);
      last = kind;
      saw[kind] = TRUE;
      g_assert_nonnull (chorus_search_result_get_title (result));
    }
  g_assert_true (saw[CHORUS_SEARCH_RESULT_QUESTION]);
  g_assert_true (saw[CHORUS_SEARCH_RESULT_DRAFT]);
  g_assert_true (saw[CHORUS_SEARCH_RESULT_ITEM]);

  capped = chorus_search_project (project, "commissioning", 5);
  g_assert_cmpuint (g_list_model_get_n_items (capped), ==, 5);
}

/* A snippet is one line around the match, cut with an ellipsis. */
static void
test_snippet (void)
{
  g_autoptr(ChorusConsultation) consultation = chorus_consultation_new ("c", "C");
  g_autoptr(ChorusDocument) document = chorus_document_new ("d", "D");
  g_autoptr(ChorusSection) section = chorus_section_new ("s", "S");
  g_autoptr(ChorusQuestion) question = chorus_question_new ("q", "Q1", "Anything else?", CHORUS_QUESTION_KIND_FREE_TEXT);
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(ChorusSearchResult) result = NULL;
  GString *text = g_string_new (NULL);

  chorus_section_add_question (section, question);
  chorus_document_add_section (document, section);
  chorus_consultation_add_document (consultation, document);
  project = chorus_project_new (consultation);

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "filler words\n");
  g_string_append (text, "the Ambulance service");
  for (guint i = 0; i < 40; i++)
    g_string_append (text, " and more");
  chorus_project_add_item (project, "q", NULL, NULL, text->str);
  g_string_free (text, TRUE);

  results = chorus_search_project (project, "ambulance", 10);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  g_assert_true (g_str_has_prefix (chorus_search_result_get_snippet (result), "…"));
  g_assert_true (g_str_has_suffix (chorus_search_result_get_snippet (result), "…"));
  g_assert_nonnull (strstr (chorus_search_result_get_snippet (result), "Ambulance"));
  g_assert_null (strchr (chorus_search_result_get_snippet (result), '\n'));
  g_assert_cmpstr (chorus_search_result_get_title (result), ==, "Q1 · Input");

  g_clear_object (&results);
  results = chorus_search_project (project, "   ", 10);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/finds-every-item", test_finds_every_item);
  g_test_add_func ("/search/order-and-cap", test_order_and_cap);
  g_test_add_func ("/search/snippet", test_snippet);

  return g_test_run ();
}
