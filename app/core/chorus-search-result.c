/* chorus-search-result.c — finding questions, input and drafts by their words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "chorus-model-private.h"
#include "chorus-search-result.h"

/* Characters of context either side of a match in a snippet. */
#define SNIPPET_BEFORE 30
#define SNIPPET_LENGTH 110

struct _ChorusSearchResult
{
  GObject                 parent_instance;

  ChorusSearchResultKind  kind;
  char                   *question_id;
  char                   *target_id;
  char                   *item_id;
  char                   *title;
  char                   *snippet;
};

G_DEFINE_FINAL_TYPE (ChorusSearchResult, chorus_search_result, G_TYPE_OBJECT)

static void
chorus_search_result_finalize (GObject *object)
{
  ChorusSearchResult *self = CHORUS_SEARCH_RESULT (object);

  g_free (self->question_id);
  g_free (self->target_id);
  g_free (self->item_id);
  g_free (self->title);
  g_free (self->snippet);

  G_OBJECT_CLASS (chorus_search_result_parent_class)->finalize (object);
}

static void
chorus_search_result_class_init (ChorusSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chorus_search_result_finalize;
}

static void
chorus_search_result_init (ChorusSearchResult *self)
{
}

ChorusSearchResultKind
chorus_search_result_get_kind (ChorusSearchResult *self)
{
  g_return_val_if_fail (CHORUS_IS_SEARCH_RESULT (self), CHORUS_SEARCH_RESULT_QUESTION);
  return self->kind;
}

const char *
chorus_search_result_get_question_id (ChorusSearchResult *self)
{
  g_return_val_if_fail (CHORUS_IS_SEARCH_RESULT (self), NULL);
  return self->question_id;
}

const char *
chorus_search_result_get_target_id (ChorusSearchResult *self)
{
  g_return_val_if_fail (CHORUS_IS_SEARCH_RESULT (self), NULL);
  return self->target_id;
}

const char *
chorus_search_result_get_item_id (ChorusSearchResult *self)
{
  g_return_val_if_fail (CHORUS_IS_SEARCH_RESULT (self), NULL);
  return self->item_id;
}

const char *
chorus_search_result_get_title (ChorusSearchResult *self)
{
  g_return_val_if_fail (CHORUS_IS_SEARCH_RESULT (self), NULL);
  return self->title;
}

const char *
chorus_search_result_get_snippet (ChorusSearchResult *self)
{
  g_return_val_if_fail (CHORUS_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

typedef struct
{
  char     *folded;
  gboolean  ascii;
  guint     max_results;
  guint     n_results;
  /* Each kind in its own list, joined in order at the end. */
  GListStore *questions;
  GListStore *drafts;
  GListStore *items;
} Search;

/* Where in @text the search text starts, in bytes; -1 when it is not there. A non-ASCII
 * search is matched on the folded text, whose offsets differ: the snippet then starts at the
 * beginning. */
static gssize
search_find (Search     *search,
             const char *text)
{
  if (text == NULL || *text == '\0')
    return -1;

  if (search->ascii)
    {
      const char *found = _chorus_text_find_ascii_folded (text, search->folded);

      return found != NULL ? found - text : -1;
    }
  else
    {
      g_autofree char *folded = _chorus_text_fold (text);

      return strstr (folded, search->folded) != NULL ? 0 : -1;
    }
}

static char *
make_snippet (const char *text,
              gssize      match)
{
  const char *start = text + match;
  const char *end;
  GString *snippet = g_string_new (NULL);
  gboolean cut_start = FALSE;

  for (guint i = 0; i < SNIPPET_BEFORE && start > text; i++)
    start = g_utf8_prev_char (start);
  cut_start = start > text;

  end = start;
  for (guint i = 0; i < SNIPPET_LENGTH && *end != '\0'; i++)
    end = g_utf8_next_char (end);

  if (cut_start)
    g_string_append (snippet, "…");
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* One line, whatever the text's paragraphs. */
      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      g_string_append_unichar (snippet, c);
    }
  if (*end != '\0')
    g_string_append (snippet, "…");

  return g_string_free (snippet, FALSE);
}

static gboolean
search_add (Search                 *search,
            GListStore             *store,
            ChorusSearchResultKind  kind,
            const char             *question_id,
            const char             *target_id,
            const char             *item_id,
            char                   *title,
            const char             *text)
{
  g_autoptr(ChorusSearchResult) result = NULL;
  gssize match;

  if (search->n_results >= search->max_results)
    {
      g_free (title);
      return FALSE;
    }

  match = search_find (search, text);
  if (match < 0)
    {
      g_free (title);
      return TRUE;
    }

  result = g_object_new (CHORUS_TYPE_SEARCH_RESULT, NULL);
  result->kind = kind;
  result->question_id = g_strdup (question_id);
  result->target_id = g_strdup (target_id);
  result->item_id = g_strdup (item_id);
  result->title = title;
  result->snippet = make_snippet (text, match);
  g_list_store_append (store, result);
  search->n_results++;

  return TRUE;
}

static const char *
question_number (ChorusConsultation *consultation,
                 const char         *question_id)
{
  ChorusQuestion *question = chorus_consultation_find_question (consultation, question_id);

  return question != NULL ? chorus_question_get_number (question) : "";
}

static void
search_drafts (Search        *search,
               ChorusProject *project)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  GListModel *drafts = chorus_project_get_drafts (project);

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ChorusDraft) draft = g_list_model_get_item (drafts, i);
      const char *target_id = chorus_draft_get_target_id (draft);
      ChorusQuestion *question = chorus_consultation_find_question (consultation, target_id);
      const char *question_id = question != NULL ? target_id : NULL;
      const char *place;
      char *title;

      if (question != NULL)
        place = chorus_question_get_number (question);
      else if (chorus_consultation_find_section (consultation, target_id) != NULL)
        place = chorus_section_get_title (chorus_consultation_find_section (consultation, target_id));
      else if (chorus_consultation_find_document (consultation, target_id) != NULL)
        place = chorus_document_get_title (chorus_consultation_find_document (consultation, target_id));
      else
        place = "";

      switch (chorus_draft_get_kind (draft))
        {
        case CHORUS_DRAFT_KIND_KEY_POINTS:
          /* Translators: where a search found its text; %s is a section's title */
          title = g_strdup_printf (_("%s · Key points"), place);
          break;

        case CHORUS_DRAFT_KIND_PARTNER_RESPONSE:
          {
            ChorusGroup *group = chorus_project_find_group (project, chorus_draft_get_group_id (draft));

            /* Translators: %s is a question number or section title, then a partner's name */
            title = g_strdup_printf (_("%s · Response from %s"), place,
                                     group != NULL ? chorus_group_get_name (group) : "");
          }
          break;

        case CHORUS_DRAFT_KIND_ANSWER:
        default:
          /* Translators: %s is a question number */
          title = g_strdup_printf (_("%s · Our answer"), place);
          break;
        }

      if (!search_add (search, search->drafts, CHORUS_SEARCH_RESULT_DRAFT, question_id, target_id,
                       NULL, title, chorus_draft_get_text (draft)))
        return;
    }
}

GListModel *
chorus_search_project (ChorusProject *project,
                       const char    *text,
                       guint          max_results)
{
  ChorusConsultation *consultation;
  g_autofree char *stripped = NULL;
  GListModel *questions;
  GListModel *items;
  GListStore *results;
  Search search = { 0, };

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);

  results = g_list_store_new (CHORUS_TYPE_SEARCH_RESULT);
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0' || max_results == 0)
    return G_LIST_MODEL (results);

  consultation = chorus_project_get_consultation (project);
  search.folded = _chorus_text_fold (stripped);
  search.ascii = _chorus_text_is_ascii (search.folded);
  search.max_results = max_results;
  search.questions = g_list_store_new (CHORUS_TYPE_SEARCH_RESULT);
  search.drafts = g_list_store_new (CHORUS_TYPE_SEARCH_RESULT);
  search.items = g_list_store_new (CHORUS_TYPE_SEARCH_RESULT);

  questions = chorus_consultation_get_questions (consultation);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);
      const char *id = chorus_question_get_id (question);
      g_autofree char *haystack = g_strdup_printf ("%s %s", chorus_question_get_number (question),
                                                   chorus_question_get_text (question));

      if (!search_add (&search, search.questions, CHORUS_SEARCH_RESULT_QUESTION, id, id, NULL,
                       g_strdup (chorus_question_get_number (question)), haystack))
        break;
    }

  search_drafts (&search, project);

  items = chorus_project_get_items (project);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);
      const char *question_id = chorus_item_get_question_id (item);
      ChorusGroup *group = chorus_project_find_group (project, chorus_item_get_group_id (item));
      char *title;

      if (group != NULL)
        /* Translators: where a search found its text; a question number, then a group */
        title = g_strdup_printf (_("%s · Input from %s"),
                                 question_number (consultation, question_id),
                                 chorus_group_get_name (group));
      else
        /* Translators: where a search found its text; %s is a question number */
        title = g_strdup_printf (_("%s · Input"), question_number (consultation, question_id));

      if (!search_add (&search, search.items, CHORUS_SEARCH_RESULT_ITEM, question_id, question_id,
                       chorus_item_get_id (item), title, chorus_item_get_text (item)))
        break;
    }

  {
    GListStore *parts[] = { search.questions, search.drafts, search.items };

    for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (parts[p])); i++)
        {
          g_autoptr(GObject) result = g_list_model_get_item (G_LIST_MODEL (parts[p]), i);

          g_list_store_append (results, result);
        }
  }

  g_object_unref (search.questions);
  g_object_unref (search.drafts);
  g_object_unref (search.items);
  g_free (search.folded);

  return G_LIST_MODEL (results);
}
