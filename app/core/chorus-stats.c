/* chorus-stats.c — every count the charts, exports and CLI show, in one pass
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-model-private.h"

struct _ChorusStats
{
  gatomicrefcount  ref_count;

  guint            n_items;
  guint            n_codings;
  guint            n_coded_items;

  /* Dimension indexes, keyed by interned id; value is index + 1. Slot 0 of
   * the group and activity dimensions counts items with none. */
  GHashTable      *theme_index;
  GHashTable      *group_index;
  GHashTable      *activity_index;
  GHashTable      *question_index;
  GHashTable      *document_index;
  guint            n_themes;
  guint            n_groups;      /* including the "none" slot */
  guint            n_activities;  /* including the "none" slot */
  guint            n_questions;
  guint            n_documents;

  guint           *theme_counts;              /* [theme] */
  guint           *group_counts;              /* [group] */
  guint           *activity_counts;           /* [activity] */
  guint            stance_counts[CHORUS_N_STANCES];
  guint           *question_counts;           /* [question] */
  guint           *question_stance_counts;    /* [question][stance] */
  guint           *theme_group_counts;        /* [theme][group] */
  guint           *theme_activity_counts;     /* [theme][activity] */
  guint           *question_theme_counts;     /* [question][theme] */
  guint           *question_group_activity_counts; /* [question][group][activity] */
  guint            status_counts[CHORUS_N_DRAFT_STATUSES];
  guint           *document_status_counts;    /* [document][status] */

  /* Where each item was counted, for the passes that need more than the counts (a chart's
   * "Other", a combination of filters). Made on first request, not with the counts: most
   * changes are made with no chart on screen, and it would add half again to every count. */
  GMutex           items_lock;
  gboolean         items_recorded;
  ChorusStatsItems items;
};

G_DEFINE_BOXED_TYPE (ChorusStats, chorus_stats, chorus_stats_ref, chorus_stats_unref)

static void
index_add (GHashTable *index,
           const char *id,
           guint       position)
{
  g_hash_table_insert (index, (gpointer) g_intern_string (id), GUINT_TO_POINTER (position + 1));
}

/* Position of @id in @index, or -1. @id need not be interned. */
static int
index_lookup (GHashTable *index,
              const char *id)
{
  if (id == NULL)
    return -1;

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, g_intern_string (id))) - 1;
}

/* For the per-item loop, where ids are already interned. */
static inline int
index_lookup_interned (GHashTable *index,
                       const char *interned)
{
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, interned)) - 1;
}

static void
count_items (ChorusStats   *self,
             ChorusProject *project)
{
  GListModel *items = chorus_project_get_items (project);
  g_autofree guint *seen = g_new0 (guint, MAX (self->n_themes, 1));

  self->n_items = g_list_model_get_n_items (items);

  for (guint i = 0; i < self->n_items; i++)
    {
      ChorusItem *item = g_list_model_get_item (items, i);
      GArray *codings = _chorus_item_get_codings (item);
      int q = index_lookup_interned (self->question_index, chorus_item_get_question_id (item));
      /* Unknown ids cannot happen in a loaded project; count them as "none" if they do. */
      guint g = (guint) MAX (0, index_lookup_interned (self->group_index,
                                                       chorus_item_get_group_id (item)) + 1);
      guint a = (guint) MAX (0, index_lookup_interned (self->activity_index,
                                                       chorus_item_get_activity_id (item)) + 1);
      ChorusStance stance = chorus_item_get_stance (item);

      self->group_counts[g]++;
      self->activity_counts[a]++;
      self->stance_counts[stance]++;

      if (q >= 0)
        {
          self->question_counts[q]++;
          self->question_stance_counts[q * CHORUS_N_STANCES + stance]++;
          self->question_group_activity_counts[((guint) q * self->n_groups + g) * self->n_activities + a]++;
        }

      if (codings != NULL && codings->len > 0)
        {
          self->n_codings += codings->len;
          self->n_coded_items++;

          for (guint c = 0; c < codings->len; c++)
            {
              int t = index_lookup_interned (self->theme_index,
                                             g_array_index (codings, ChorusCoding, c).theme_id);

              /* An item counts once per theme, however many spans carry it. */
              if (t < 0 || seen[t] == i + 1)
                continue;
              seen[t] = i + 1;

              self->theme_counts[t]++;
              self->theme_group_counts[(guint) t * self->n_groups + g]++;
              self->theme_activity_counts[(guint) t * self->n_activities + a]++;
              if (q >= 0)
                self->question_theme_counts[(guint) q * self->n_themes + (guint) t]++;
            }
        }

      g_object_unref (item);
    }
}

static void
count_coverage (ChorusStats   *self,
                ChorusProject *project)
{
  GListModel *questions = chorus_consultation_get_questions (chorus_project_get_consultation (project));

  for (guint q = 0; q < self->n_questions; q++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
      ChorusDraftStatus status =
        chorus_project_get_answer_status (project, chorus_question_get_id (question));
      ChorusSection *section = chorus_question_get_section (question);
      ChorusDocument *document = section ? chorus_section_get_document (section) : NULL;
      int d = document ? index_lookup (self->document_index, chorus_document_get_id (document)) : -1;

      self->status_counts[status]++;
      if (d >= 0)
        self->document_status_counts[(guint) d * CHORUS_N_DRAFT_STATUSES + status]++;
    }
}

ChorusStats *
chorus_stats_new (ChorusProject *project)
{
  ChorusConsultation *consultation;
  GListModel *model;
  ChorusStats *self;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);

  consultation = chorus_project_get_consultation (project);
  self = g_new0 (ChorusStats, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->items_lock);
  self->theme_index = g_hash_table_new (NULL, NULL);
  self->group_index = g_hash_table_new (NULL, NULL);
  self->activity_index = g_hash_table_new (NULL, NULL);
  self->question_index = g_hash_table_new (NULL, NULL);
  self->document_index = g_hash_table_new (NULL, NULL);

  model = G_LIST_MODEL (chorus_project_get_codebook (project));
  self->n_themes = g_list_model_get_n_items (model);
  for (guint i = 0; i < self->n_themes; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (model, i);
      index_add (self->theme_index, chorus_theme_get_id (theme), i);
    }

  model = chorus_project_get_groups (project);
  self->n_groups = g_list_model_get_n_items (model) + 1;
  for (guint i = 0; i + 1 < self->n_groups; i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (model, i);
      index_add (self->group_index, chorus_group_get_id (group), i);
    }

  model = chorus_project_get_activities (project);
  self->n_activities = g_list_model_get_n_items (model) + 1;
  for (guint i = 0; i + 1 < self->n_activities; i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (model, i);
      index_add (self->activity_index, chorus_activity_get_id (activity), i);
    }

  model = chorus_consultation_get_questions (consultation);
  self->n_questions = g_list_model_get_n_items (model);
  for (guint i = 0; i < self->n_questions; i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (model, i);
      index_add (self->question_index, chorus_question_get_id (question), i);
    }

  model = chorus_consultation_get_documents (consultation);
  self->n_documents = g_list_model_get_n_items (model);
  for (guint i = 0; i < self->n_documents; i++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (model, i);
      index_add (self->document_index, chorus_document_get_id (document), i);
    }

  self->theme_counts = g_new0 (guint, MAX (self->n_themes, 1));
  self->group_counts = g_new0 (guint, self->n_groups);
  self->activity_counts = g_new0 (guint, self->n_activities);
  self->question_counts = g_new0 (guint, MAX (self->n_questions, 1));
  self->question_stance_counts = g_new0 (guint, MAX (self->n_questions, 1) * CHORUS_N_STANCES);
  self->theme_group_counts = g_new0 (guint, MAX (self->n_themes, 1) * self->n_groups);
  self->theme_activity_counts = g_new0 (guint, MAX (self->n_themes, 1) * self->n_activities);
  self->question_theme_counts = g_new0 (guint, MAX (self->n_questions, 1) * MAX (self->n_themes, 1));
  self->question_group_activity_counts =
    g_new0 (guint, MAX (self->n_questions, 1) * self->n_groups * self->n_activities);
  self->document_status_counts = g_new0 (guint, MAX (self->n_documents, 1) * CHORUS_N_DRAFT_STATUSES);

  count_items (self, project);
  count_coverage (self, project);

  return self;
}

ChorusStats *
chorus_stats_ref (ChorusStats *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
chorus_stats_unref (ChorusStats *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->theme_index);
  g_hash_table_unref (self->group_index);
  g_hash_table_unref (self->activity_index);
  g_hash_table_unref (self->question_index);
  g_hash_table_unref (self->document_index);
  g_free (self->theme_counts);
  g_free (self->group_counts);
  g_free (self->activity_counts);
  g_free (self->question_counts);
  g_free (self->question_stance_counts);
  g_free (self->theme_group_counts);
  g_free (self->theme_activity_counts);
  g_free (self->question_theme_counts);
  g_free (self->question_group_activity_counts);
  g_free (self->document_status_counts);
  g_free (self->items.group_ids);
  g_free (self->items.activity_ids);
  g_free (self->items.question_ids);
  g_free (self->items.question_slots);
  g_free (self->items.stances);
  g_free (self->items.theme_offsets);
  g_free (self->items.themes);
  g_mutex_clear (&self->items_lock);
  g_free (self);
}

static void
record_items (ChorusStats   *self,
              ChorusProject *project)
{
  GListModel *items = chorus_project_get_items (project);
  guint n_items = MIN (g_list_model_get_n_items (items), self->n_items);
  g_autofree guint *seen = g_new0 (guint, MAX (self->n_themes, 1));
  GArray *item_themes = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->n_codings);

  self->items.n_items = n_items;
  self->items.n_themes = self->n_themes;
  self->items.group_ids = g_new (const char *, MAX (n_items, 1));
  self->items.activity_ids = g_new (const char *, MAX (n_items, 1));
  self->items.question_ids = g_new (const char *, MAX (n_items, 1));
  self->items.question_slots = g_new (int, MAX (n_items, 1));
  self->items.stances = g_new (guint8, MAX (n_items, 1));
  self->items.theme_offsets = g_new (guint, n_items + 1);

  for (guint i = 0; i < n_items; i++)
    {
      ChorusItem *item = g_list_model_get_item (items, i);
      GArray *codings = _chorus_item_get_codings (item);
      const char *question_id = chorus_item_get_question_id (item);

      self->items.group_ids[i] = chorus_item_get_group_id (item);
      self->items.activity_ids[i] = chorus_item_get_activity_id (item);
      self->items.question_ids[i] = question_id;
      self->items.question_slots[i] = index_lookup_interned (self->question_index, question_id);
      self->items.stances[i] = (guint8) chorus_item_get_stance (item);
      self->items.theme_offsets[i] = item_themes->len;

      for (guint c = 0; codings != NULL && c < codings->len; c++)
        {
          int t = index_lookup_interned (self->theme_index,
                                         g_array_index (codings, ChorusCoding, c).theme_id);
          guint slot;

          /* Each theme of an item once, as the counts have it. */
          if (t < 0 || seen[t] == i + 1)
            continue;
          seen[t] = i + 1;
          slot = (guint) t;
          g_array_append_val (item_themes, slot);
        }

      g_object_unref (item);
    }

  self->items.theme_offsets[n_items] = item_themes->len;
  self->items.themes = (guint *) (void *) g_array_free (item_themes, FALSE);
}

const ChorusStatsItems *
_chorus_stats_get_items (ChorusStats   *self,
                         ChorusProject *project)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);

  g_mutex_lock (&self->items_lock);
  if (!self->items_recorded)
    {
      record_items (self, project);
      self->items_recorded = TRUE;
    }
  g_mutex_unlock (&self->items_lock);

  return &self->items;
}

int
_chorus_stats_get_theme_slot (ChorusStats *self,
                              const char  *theme_id)
{
  g_return_val_if_fail (self != NULL, -1);

  return index_lookup (self->theme_index, theme_id);
}

guint
chorus_stats_get_n_items (ChorusStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_items;
}

guint
chorus_stats_get_n_codings (ChorusStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_codings;
}

guint
chorus_stats_get_n_coded_items (ChorusStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_coded_items;
}

guint
chorus_stats_count_theme (ChorusStats *self,
                          const char  *theme_id)
{
  int t;

  g_return_val_if_fail (self != NULL, 0);

  t = index_lookup (self->theme_index, theme_id);
  return t < 0 ? 0 : self->theme_counts[t];
}

/* Slot of a group or activity id: 0 for NULL ("none"), -1 if unknown. */
static int
slot_lookup (GHashTable *index,
             const char *id)
{
  int position;

  if (id == NULL)
    return 0;

  position = index_lookup (index, id);
  return position < 0 ? -1 : position + 1;
}

guint
chorus_stats_count_group (ChorusStats *self,
                          const char  *group_id)
{
  int g;

  g_return_val_if_fail (self != NULL, 0);

  g = slot_lookup (self->group_index, group_id);
  return g < 0 ? 0 : self->group_counts[g];
}

guint
chorus_stats_count_activity (ChorusStats *self,
                             const char  *activity_id)
{
  int a;

  g_return_val_if_fail (self != NULL, 0);

  a = slot_lookup (self->activity_index, activity_id);
  return a < 0 ? 0 : self->activity_counts[a];
}

guint
chorus_stats_count_stance (ChorusStats  *self,
                           ChorusStance  stance)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) stance < CHORUS_N_STANCES, 0);

  return self->stance_counts[stance];
}

guint
chorus_stats_count_question (ChorusStats *self,
                             const char  *question_id)
{
  int q;

  g_return_val_if_fail (self != NULL, 0);

  q = index_lookup (self->question_index, question_id);
  return q < 0 ? 0 : self->question_counts[q];
}

guint
chorus_stats_count_question_stance (ChorusStats  *self,
                                    const char   *question_id,
                                    ChorusStance  stance)
{
  int q;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) stance < CHORUS_N_STANCES, 0);

  q = index_lookup (self->question_index, question_id);
  return q < 0 ? 0 : self->question_stance_counts[(guint) q * CHORUS_N_STANCES + stance];
}

guint
chorus_stats_count_theme_group (ChorusStats *self,
                                const char  *theme_id,
                                const char  *group_id)
{
  int t, g;

  g_return_val_if_fail (self != NULL, 0);

  t = index_lookup (self->theme_index, theme_id);
  g = slot_lookup (self->group_index, group_id);
  if (t < 0 || g < 0)
    return 0;

  return self->theme_group_counts[(guint) t * self->n_groups + (guint) g];
}

guint
chorus_stats_count_theme_activity (ChorusStats *self,
                                   const char  *theme_id,
                                   const char  *activity_id)
{
  int t, a;

  g_return_val_if_fail (self != NULL, 0);

  t = index_lookup (self->theme_index, theme_id);
  a = slot_lookup (self->activity_index, activity_id);
  if (t < 0 || a < 0)
    return 0;

  return self->theme_activity_counts[(guint) t * self->n_activities + (guint) a];
}

guint
chorus_stats_count_question_theme (ChorusStats *self,
                                   const char  *question_id,
                                   const char  *theme_id)
{
  int q, t;

  g_return_val_if_fail (self != NULL, 0);

  q = index_lookup (self->question_index, question_id);
  t = index_lookup (self->theme_index, theme_id);
  if (q < 0 || t < 0)
    return 0;

  return self->question_theme_counts[(guint) q * self->n_themes + (guint) t];
}

guint
chorus_stats_count_question_group_activity (ChorusStats *self,
                                            const char  *question_id,
                                            const char  *group_id,
                                            const char  *activity_id)
{
  int q, g, a;

  g_return_val_if_fail (self != NULL, 0);

  q = index_lookup (self->question_index, question_id);
  g = slot_lookup (self->group_index, group_id);
  a = slot_lookup (self->activity_index, activity_id);
  if (q < 0 || g < 0 || a < 0)
    return 0;

  return self->question_group_activity_counts[((guint) q * self->n_groups + (guint) g) *
                                               self->n_activities + (guint) a];
}

guint
chorus_stats_count_status (ChorusStats       *self,
                           ChorusDraftStatus  status)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) status < CHORUS_N_DRAFT_STATUSES, 0);

  return self->status_counts[status];
}

guint
chorus_stats_count_document_status (ChorusStats       *self,
                                    const char        *document_id,
                                    ChorusDraftStatus  status)
{
  int d;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) status < CHORUS_N_DRAFT_STATUSES, 0);

  d = index_lookup (self->document_index, document_id);
  return d < 0 ? 0 : self->document_status_counts[(guint) d * CHORUS_N_DRAFT_STATUSES + status];
}
