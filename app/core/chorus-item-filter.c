/* chorus-item-filter.c — which input items to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "chorus-model-private.h"
#include "chorus-item-filter.h"

struct _ChorusItemFilter
{
  GObject        parent_instance;

  /* Weak: the filter belongs to a view of the project, never the other way round. */
  ChorusProject *project;

  char          *question_id;
  char          *document_id;
  char          *section_id;
  char          *group_id;
  char          *activity_id;
  GStrv          theme_ids;
  ChorusStance   stance;

  char          *text;
  /* The search text folded for comparison, and whether it is plain ASCII, in which case the
   * items' text is compared byte by byte without folding it (100,000 items, every keystroke). */
  char          *folded_text;
  gboolean       text_is_ascii;
};

G_DEFINE_FINAL_TYPE (ChorusItemFilter, chorus_item_filter, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
chorus_item_filter_emit (ChorusItemFilter       *self,
                         ChorusItemFilterChange  change)
{
  g_signal_emit (self, signals[CHANGED], 0, (int) change);
}

/* Replaces *@field with @value; returns how the set of matches moved, or -1 when nothing
 * changed. Any criterion is stricter than none. */
static int
chorus_item_filter_replace (char       **field,
                            const char  *value)
{
  const char *old = *field;

  if (g_strcmp0 (old, value) == 0)
    return -1;

  g_free (*field);
  *field = g_strdup (value);

  if (old == NULL)
    return CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT;
  if (value == NULL)
    return CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT;
  return CHORUS_ITEM_FILTER_CHANGE_DIFFERENT;
}

static void
chorus_item_filter_set_field (ChorusItemFilter  *self,
                              char             **field,
                              const char        *value)
{
  int change;

  g_return_if_fail (CHORUS_IS_ITEM_FILTER (self));

  change = chorus_item_filter_replace (field, value);
  if (change >= 0)
    chorus_item_filter_emit (self, change);
}

static void
chorus_item_filter_dispose (GObject *object)
{
  ChorusItemFilter *self = CHORUS_ITEM_FILTER (object);

  g_clear_weak_pointer (&self->project);

  G_OBJECT_CLASS (chorus_item_filter_parent_class)->dispose (object);
}

static void
chorus_item_filter_finalize (GObject *object)
{
  ChorusItemFilter *self = CHORUS_ITEM_FILTER (object);

  g_free (self->question_id);
  g_free (self->document_id);
  g_free (self->section_id);
  g_free (self->group_id);
  g_free (self->activity_id);
  g_strfreev (self->theme_ids);
  g_free (self->text);
  g_free (self->folded_text);

  G_OBJECT_CLASS (chorus_item_filter_parent_class)->finalize (object);
}

static void
chorus_item_filter_class_init (ChorusItemFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_item_filter_dispose;
  object_class->finalize = chorus_item_filter_finalize;

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
chorus_item_filter_init (ChorusItemFilter *self)
{
  self->stance = CHORUS_ITEM_FILTER_ANY_STANCE;
}

ChorusItemFilter *
chorus_item_filter_new (ChorusProject *project)
{
  ChorusItemFilter *self;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);

  self = g_object_new (CHORUS_TYPE_ITEM_FILTER, NULL);
  g_set_weak_pointer (&self->project, project);

  return self;
}

const char *
chorus_item_filter_get_question_id (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), NULL);
  return self->question_id;
}

void
chorus_item_filter_set_question_id (ChorusItemFilter *self,
                                    const char       *question_id)
{
  chorus_item_filter_set_field (self, &self->question_id, question_id);
}

const char *
chorus_item_filter_get_document_id (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), NULL);
  return self->document_id;
}

void
chorus_item_filter_set_document_id (ChorusItemFilter *self,
                                    const char       *document_id)
{
  chorus_item_filter_set_field (self, &self->document_id, document_id);
}

const char *
chorus_item_filter_get_section_id (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), NULL);
  return self->section_id;
}

void
chorus_item_filter_set_section_id (ChorusItemFilter *self,
                                   const char       *section_id)
{
  chorus_item_filter_set_field (self, &self->section_id, section_id);
}

const char *
chorus_item_filter_get_group_id (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), NULL);
  return self->group_id;
}

void
chorus_item_filter_set_group_id (ChorusItemFilter *self,
                                 const char       *group_id)
{
  chorus_item_filter_set_field (self, &self->group_id, group_id);
}

const char *
chorus_item_filter_get_activity_id (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), NULL);
  return self->activity_id;
}

void
chorus_item_filter_set_activity_id (ChorusItemFilter *self,
                                    const char       *activity_id)
{
  chorus_item_filter_set_field (self, &self->activity_id, activity_id);
}

const char *
chorus_item_filter_get_theme_id (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), NULL);

  /* Only a single theme is "the" theme; a set of them is not. */
  if (self->theme_ids != NULL && self->theme_ids[0] != NULL && self->theme_ids[1] == NULL)
    return self->theme_ids[0];

  return NULL;
}

/* Returns the change, or -1 when the set is the same. */
static int
chorus_item_filter_replace_themes (ChorusItemFilter   *self,
                                   const char * const *theme_ids)
{
  gboolean had = self->theme_ids != NULL;
  gboolean has = theme_ids != NULL && theme_ids[0] != NULL;

  if (!had && !has)
    return -1;
  if (had && has && g_strv_equal ((const char * const *) self->theme_ids, theme_ids))
    return -1;

  g_clear_pointer (&self->theme_ids, g_strfreev);
  if (has)
    self->theme_ids = g_strdupv ((char **) theme_ids);

  if (!had)
    return CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT;
  if (!has)
    return CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT;
  return CHORUS_ITEM_FILTER_CHANGE_DIFFERENT;
}

void
chorus_item_filter_set_theme_ids (ChorusItemFilter   *self,
                                  const char * const *theme_ids)
{
  int change;

  g_return_if_fail (CHORUS_IS_ITEM_FILTER (self));

  change = chorus_item_filter_replace_themes (self, theme_ids);
  if (change >= 0)
    chorus_item_filter_emit (self, change);
}

void
chorus_item_filter_set_theme_id (ChorusItemFilter *self,
                                 const char       *theme_id)
{
  const char *theme_ids[] = { theme_id, NULL };

  chorus_item_filter_set_theme_ids (self, theme_ids);
}

const char * const *
chorus_item_filter_get_theme_ids (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), NULL);
  return (const char * const *) self->theme_ids;
}

ChorusStance
chorus_item_filter_get_stance (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), CHORUS_ITEM_FILTER_ANY_STANCE);
  return self->stance;
}

static int
chorus_item_filter_replace_stance (ChorusItemFilter *self,
                                   ChorusStance      stance)
{
  ChorusStance old = self->stance;

  if (old == stance)
    return -1;

  self->stance = stance;

  if (old == CHORUS_ITEM_FILTER_ANY_STANCE)
    return CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT;
  if (stance == CHORUS_ITEM_FILTER_ANY_STANCE)
    return CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT;
  return CHORUS_ITEM_FILTER_CHANGE_DIFFERENT;
}

void
chorus_item_filter_set_stance (ChorusItemFilter *self,
                               ChorusStance      stance)
{
  int change;

  g_return_if_fail (CHORUS_IS_ITEM_FILTER (self));
  g_return_if_fail (stance == CHORUS_ITEM_FILTER_ANY_STANCE ||
                    ((int) stance >= 0 && stance < CHORUS_N_STANCES));

  change = chorus_item_filter_replace_stance (self, stance);
  if (change >= 0)
    chorus_item_filter_emit (self, change);
}

const char *
chorus_item_filter_get_text (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), NULL);
  return self->text;
}

static int
chorus_item_filter_replace_text (ChorusItemFilter *self,
                                 const char       *text)
{
  g_autofree char *old_folded = NULL;
  g_autofree char *stripped = NULL;
  int change;

  if (text != NULL)
    {
      stripped = g_strstrip (g_strdup (text));
      if (*stripped == '\0')
        g_clear_pointer (&stripped, g_free);
    }

  if (g_strcmp0 (self->text, stripped) == 0)
    return -1;

  old_folded = g_steal_pointer (&self->folded_text);
  g_free (self->text);
  self->text = g_steal_pointer (&stripped);

  if (self->text != NULL)
    {
      self->folded_text = _chorus_text_fold (self->text);
      self->text_is_ascii = _chorus_text_is_ascii (self->folded_text);
    }

  /* Typing more of a word narrows; deleting some widens. */
  if (old_folded == NULL)
    change = CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT;
  else if (self->folded_text == NULL)
    change = CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (self->folded_text, old_folded) != NULL)
    change = CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old_folded, self->folded_text) != NULL)
    change = CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT;
  else
    change = CHORUS_ITEM_FILTER_CHANGE_DIFFERENT;

  return change;
}

void
chorus_item_filter_set_text (ChorusItemFilter *self,
                             const char       *text)
{
  int change;

  g_return_if_fail (CHORUS_IS_ITEM_FILTER (self));

  change = chorus_item_filter_replace_text (self, text);
  if (change >= 0)
    chorus_item_filter_emit (self, change);
}

gboolean
chorus_item_filter_is_unfiltered (ChorusItemFilter *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), TRUE);

  return self->group_id == NULL &&
         self->activity_id == NULL &&
         self->theme_ids == NULL &&
         self->stance == CHORUS_ITEM_FILTER_ANY_STANCE &&
         self->text == NULL;
}

void
chorus_item_filter_clear (ChorusItemFilter *self)
{
  gboolean changed = FALSE;

  g_return_if_fail (CHORUS_IS_ITEM_FILTER (self));

  changed |= chorus_item_filter_replace (&self->group_id, NULL) >= 0;
  changed |= chorus_item_filter_replace (&self->activity_id, NULL) >= 0;
  changed |= chorus_item_filter_replace_themes (self, NULL) >= 0;
  changed |= chorus_item_filter_replace_stance (self, CHORUS_ITEM_FILTER_ANY_STANCE) >= 0;
  changed |= chorus_item_filter_replace_text (self, NULL) >= 0;

  if (changed)
    chorus_item_filter_emit (self, CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT);
}

void
chorus_item_filter_set_from_hit (ChorusItemFilter     *self,
                                 const ChorusChartHit *hit)
{
  const char *group_id = NULL;
  const char *activity_id = NULL;

  g_return_if_fail (CHORUS_IS_ITEM_FILTER (self));
  g_return_if_fail (hit != NULL);

  /* "Without a group" is "" here, NULL in a hit. */
  if (hit->fields & CHORUS_CHART_HIT_GROUP)
    group_id = hit->group_id != NULL ? hit->group_id : "";
  if (hit->fields & CHORUS_CHART_HIT_ACTIVITY)
    activity_id = hit->activity_id != NULL ? hit->activity_id : "";

  chorus_item_filter_replace (&self->question_id,
                              (hit->fields & CHORUS_CHART_HIT_QUESTION) ? hit->question_id : NULL);
  chorus_item_filter_replace (&self->document_id,
                              (hit->fields & CHORUS_CHART_HIT_DOCUMENT) ? hit->document_id : NULL);
  chorus_item_filter_replace (&self->section_id,
                              (hit->fields & CHORUS_CHART_HIT_SECTION) ? hit->section_id : NULL);
  chorus_item_filter_replace (&self->group_id, group_id);
  chorus_item_filter_replace (&self->activity_id, activity_id);

  if (hit->fields & CHORUS_CHART_HIT_OTHER_THEMES)
    chorus_item_filter_replace_themes (self, hit->theme_ids);
  else if (hit->fields & CHORUS_CHART_HIT_THEME)
    chorus_item_filter_replace_themes (self, (const char *[]) { hit->theme_id, NULL });
  else
    chorus_item_filter_replace_themes (self, NULL);

  chorus_item_filter_replace_stance (self,
                                     (hit->fields & CHORUS_CHART_HIT_STANCE)
                                       ? hit->stance : CHORUS_ITEM_FILTER_ANY_STANCE);
  chorus_item_filter_replace_text (self, NULL);

  chorus_item_filter_emit (self, CHORUS_ITEM_FILTER_CHANGE_DIFFERENT);
}

static gboolean
id_matches (const char *wanted,
            const char *actual)
{
  if (wanted == NULL)
    return TRUE;
  if (*wanted == '\0')
    return actual == NULL || *actual == '\0';
  return g_strcmp0 (wanted, actual) == 0;
}

static gboolean
chorus_item_filter_text_matches (ChorusItemFilter *self,
                                 const char       *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  if (self->text_is_ascii)
    return _chorus_text_find_ascii_folded (text, self->folded_text) != NULL;

  folded = _chorus_text_fold (text);
  return strstr (folded, self->folded_text) != NULL;
}

static gboolean
chorus_item_filter_place_matches (ChorusItemFilter *self,
                                  ChorusItem       *item)
{
  ChorusQuestion *question;
  ChorusSection *section;

  if (self->question_id != NULL &&
      g_strcmp0 (self->question_id, chorus_item_get_question_id (item)) != 0)
    return FALSE;

  if (self->document_id == NULL && self->section_id == NULL)
    return TRUE;

  if (self->project == NULL)
    return FALSE;

  question = chorus_consultation_find_question (chorus_project_get_consultation (self->project),
                                                chorus_item_get_question_id (item));
  section = question != NULL ? chorus_question_get_section (question) : NULL;
  if (section == NULL)
    return FALSE;

  if (self->section_id != NULL &&
      g_strcmp0 (self->section_id, chorus_section_get_id (section)) != 0)
    return FALSE;

  if (self->document_id != NULL)
    {
      ChorusDocument *document = chorus_section_get_document (section);

      if (document == NULL ||
          g_strcmp0 (self->document_id, chorus_document_get_id (document)) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
chorus_item_filter_matches (ChorusItemFilter *self,
                            ChorusItem       *item)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_FILTER (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_ITEM (item), FALSE);

  /* Cheapest first: most items fail on the question. */
  if (!chorus_item_filter_place_matches (self, item))
    return FALSE;

  if (!id_matches (self->group_id, chorus_item_get_group_id (item)))
    return FALSE;

  if (!id_matches (self->activity_id, chorus_item_get_activity_id (item)))
    return FALSE;

  if (self->stance != CHORUS_ITEM_FILTER_ANY_STANCE &&
      chorus_item_get_stance (item) != self->stance)
    return FALSE;

  if (self->theme_ids != NULL)
    {
      gboolean any = FALSE;

      for (guint i = 0; self->theme_ids[i] != NULL && !any; i++)
        any = chorus_item_has_theme (item, self->theme_ids[i]);

      if (!any)
        return FALSE;
    }

  if (self->folded_text != NULL &&
      !chorus_item_filter_text_matches (self, chorus_item_get_text (item)) &&
      !chorus_item_filter_text_matches (self, chorus_item_get_author (item)))
    return FALSE;

  return TRUE;
}
