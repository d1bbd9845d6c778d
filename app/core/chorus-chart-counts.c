/* chorus-chart-counts.c — the counts ChorusStats does not keep
 *
 * ChorusStats cross-tabulates themes by group and by activity, and questions
 * by stance, over all the input. A chart filtered to one group *and* one
 * activity, or to one document and a group, needs counts over a subset the
 * statistics do not have. Rather than grow ChorusStats by a dimension per
 * combination (a theme x group x activity x question cube would be large), a
 * chart that needs them passes once over the items as ChorusStats recorded them,
 * here, and keeps the result until the project changes. Everything else reads
 * ChorusStats.
 *
 * If these filters become common, this is the code to move into
 * chorus-stats.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-chart-private.h"
#include "chorus-model-private.h"

GHashTable *
_chorus_chart_document_questions (ChorusConsultation *consultation,
                                  const char         *document_id)
{
  ChorusDocument *document;
  GListModel *sections;
  GHashTable *set;

  document = chorus_consultation_find_document (consultation, document_id);
  if (document == NULL)
    return NULL;

  set = g_hash_table_new (NULL, NULL);
  sections = chorus_document_get_sections (document);
  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
      GListModel *questions = chorus_section_get_questions (section);

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);

          g_hash_table_add (set, (gpointer) g_intern_string (chorus_question_get_id (question)));
        }
    }

  return set;
}

/* Maps interned ids of a list model to position + 1 (0 = absent). */
static GHashTable *
index_ids (GListModel  *model,
           const char *(*get_id) (gpointer))
{
  GHashTable *index = g_hash_table_new (NULL, NULL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      g_hash_table_insert (index, (gpointer) g_intern_string (get_id (object)),
                           GUINT_TO_POINTER (i + 1));
    }

  return index;
}

ChorusChartCounts *
_chorus_chart_counts_new (ChorusProject           *project,
                          const ChorusChartFilter *filter,
                          ChorusChartSplit         split)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  g_autoptr(GHashTable) theme_index = NULL;
  g_autoptr(GHashTable) slot_index = NULL;
  g_autoptr(GHashTable) question_index = NULL;
  g_autoptr(GHashTable) document_questions = NULL;
  const ChorusStatsItems *stats_items;
  ChorusChartCounts *counts;

  theme_index = index_ids (G_LIST_MODEL (chorus_project_get_codebook (project)),
                           (const char *(*) (gpointer)) chorus_theme_get_id);
  question_index = index_ids (chorus_consultation_get_questions (consultation),
                              (const char *(*) (gpointer)) chorus_question_get_id);

  counts = g_new0 (ChorusChartCounts, 1);
  counts->n_themes = g_hash_table_size (theme_index);
  counts->n_questions = g_hash_table_size (question_index);
  counts->n_slots = 1;

  if (split == CHORUS_CHART_SPLIT_GROUPS)
    {
      slot_index = index_ids (chorus_project_get_groups (project),
                              (const char *(*) (gpointer)) chorus_group_get_id);
      counts->n_slots += g_hash_table_size (slot_index);
    }
  else if (split == CHORUS_CHART_SPLIT_ACTIVITIES)
    {
      slot_index = index_ids (chorus_project_get_activities (project),
                              (const char *(*) (gpointer)) chorus_activity_get_id);
      counts->n_slots += g_hash_table_size (slot_index);
    }

  counts->theme_slot_counts = g_new0 (guint, MAX (counts->n_themes, 1) * counts->n_slots);
  counts->question_stance_counts = g_new0 (guint, MAX (counts->n_questions, 1) * CHORUS_N_STANCES);

  if (filter->document_id != NULL)
    {
      document_questions = _chorus_chart_document_questions (consultation, filter->document_id);
      /* An unknown document: nothing passes. */
      if (document_questions == NULL)
        return counts;
    }

  /* The statistics recorded where each item was counted: one pass over those arrays, without
   * visiting the item objects. Their theme and question slots are positions in the codebook
   * and the consultation, as the indexes above. */
  stats_items = _chorus_stats_get_items (chorus_project_get_stats (project), project);
  for (guint i = 0; i < stats_items->n_items; i++)
    {
      /* Item ids are interned, so the filters compare pointers. */
      const char *group_id = stats_items->group_ids[i];
      const char *activity_id = stats_items->activity_ids[i];
      int q = stats_items->question_slots[i];
      guint slot = 0;

      if (filter->group_id != NULL && group_id != filter->group_id)
        continue;
      if (filter->activity_id != NULL && activity_id != filter->activity_id)
        continue;
      if (document_questions != NULL &&
          !g_hash_table_contains (document_questions, stats_items->question_ids[i]))
        continue;

      counts->n_items++;

      if (q >= 0 && (guint) q < counts->n_questions)
        counts->question_stance_counts[(guint) q * CHORUS_N_STANCES + stats_items->stances[i]]++;

      if (split == CHORUS_CHART_SPLIT_GROUPS && group_id != NULL)
        slot = GPOINTER_TO_UINT (g_hash_table_lookup (slot_index, group_id));
      else if (split == CHORUS_CHART_SPLIT_ACTIVITIES && activity_id != NULL)
        slot = GPOINTER_TO_UINT (g_hash_table_lookup (slot_index, activity_id));

      /* The statistics list each theme of an item once. */
      for (guint k = stats_items->theme_offsets[i]; k < stats_items->theme_offsets[i + 1]; k++)
        {
          guint t = stats_items->themes[k];

          if (t < counts->n_themes)
            counts->theme_slot_counts[t * counts->n_slots + slot]++;
        }
    }

  return counts;
}

void
_chorus_chart_counts_free (ChorusChartCounts *counts)
{
  if (counts == NULL)
    return;

  g_free (counts->theme_slot_counts);
  g_free (counts->question_stance_counts);
  g_free (counts);
}
