/* chorus-merge.c — bringing a colleague's copy of the project into ours
 *
 * There is no common ancestor to compare with, so the rules are those of
 * someone collating by hand: what only one side has is kept; a field empty
 * on one side is filled from the other (a stance, an author, an answer not
 * yet written); codings of the same text are added together; and only when
 * both sides wrote different things is it a conflict, where ours stays until
 * the user takes theirs. Nothing of theirs is lost: a conflict keeps their
 * whole version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-import-private.h"

/* The report ------------------------------------------------------------------------ */

static void
merge_conflict_free (gpointer data)
{
  ChorusMergeConflict *conflict = data;

  g_free (conflict->target_id);
  g_free (conflict->group_id);
  g_clear_object (&conflict->ours);
  g_clear_object (&conflict->theirs);
  g_free (conflict);
}

void
chorus_merge_report_init (ChorusMergeReport *report)
{
  g_return_if_fail (report != NULL);

  memset (report, 0, sizeof *report);
  report->conflicts = g_ptr_array_new_with_free_func (merge_conflict_free);
  report->messages = g_ptr_array_new_with_free_func (g_free);
}

void
chorus_merge_report_clear (ChorusMergeReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->display_name, g_free);
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_clear_pointer (&report->messages, g_ptr_array_unref);
}

static void
append_excerpt (GString    *out,
                const char *text)
{
  g_autofree char *flat = g_strdup (text ? text : "");

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) > 60)
    {
      *g_utf8_offset_to_pointer (flat, 59) = '\0';
      g_string_append_printf (out, "“%s…”", flat);
    }
  else
    {
      g_string_append_printf (out, "“%s”", flat);
    }
}

static const char *
conflict_text (GObject *object)
{
  if (object == NULL)
    return "";
  if (CHORUS_IS_ITEM (object))
    return chorus_item_get_text (CHORUS_ITEM (object));

  return chorus_draft_get_text (CHORUS_DRAFT (object));
}

static void
append_field (GString    *out,
              const char *field,
              const char *ours,
              const char *theirs)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append (out, "; ");
  /* TRANSLATORS: a field of a conflict: "stance: ours “agree”, theirs “disagree”" */
  g_string_append_printf (out, _("%s: ours “%s”, theirs “%s”"), field, ours ? ours : "",
                          theirs ? theirs : "");
}

/* What differs between the two versions: the text when it does, else the
 * fields, so that a conflict over a stance does not show two equal texts. */
static void
describe_difference (GString *out,
                     GObject *ours,
                     GObject *theirs)
{
  if (g_strcmp0 (conflict_text (ours), conflict_text (theirs)) != 0)
    {
      g_string_append (out, _("ours "));
      append_excerpt (out, conflict_text (ours));
      g_string_append (out, _(", theirs "));
      append_excerpt (out, conflict_text (theirs));
      return;
    }

  if (CHORUS_IS_ITEM (ours))
    {
      ChorusItem *a = CHORUS_ITEM (ours);
      ChorusItem *b = CHORUS_ITEM (theirs);

      if (g_strcmp0 (chorus_item_get_question_id (a), chorus_item_get_question_id (b)) != 0)
        append_field (out, _("question"), chorus_item_get_question_id (a),
                      chorus_item_get_question_id (b));
      if (g_strcmp0 (chorus_item_get_group_id (a), chorus_item_get_group_id (b)) != 0)
        append_field (out, _("group"), chorus_item_get_group_id (a), chorus_item_get_group_id (b));
      if (g_strcmp0 (chorus_item_get_activity_id (a), chorus_item_get_activity_id (b)) != 0)
        append_field (out, _("activity"), chorus_item_get_activity_id (a),
                      chorus_item_get_activity_id (b));
      if (chorus_item_get_stance (a) != chorus_item_get_stance (b))
        append_field (out, _("stance"), chorus_stance_get_label (chorus_item_get_stance (a)),
                      chorus_stance_get_label (chorus_item_get_stance (b)));
      if (g_strcmp0 (chorus_item_get_author (a), chorus_item_get_author (b)) != 0)
        append_field (out, _("author"), chorus_item_get_author (a), chorus_item_get_author (b));
    }
  else
    {
      ChorusDraft *a = CHORUS_DRAFT (ours);
      ChorusDraft *b = CHORUS_DRAFT (theirs);

      if (g_strcmp0 (chorus_draft_get_option_id (a), chorus_draft_get_option_id (b)) != 0)
        append_field (out, _("option"), chorus_draft_get_option_id (a),
                      chorus_draft_get_option_id (b));
    }
}

char *
chorus_merge_report_format (const ChorusMergeReport *report)
{
  GString *out = g_string_new (NULL);
  const char *name;

  g_return_val_if_fail (report != NULL, NULL);

  name = report->display_name ? report->display_name : "";

  /* TRANSLATORS: %s is a project file; the counts follow */
  g_string_append_printf (out, _("%s: "), name);
  g_string_append_printf (out, ngettext ("%u item added", "%u items added", report->n_items_added),
                          report->n_items_added);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u already here", "%u already here",
                                         report->n_items_unchanged),
                          report->n_items_unchanged);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u filled in from theirs", "%u filled in from theirs",
                                         report->n_items_updated),
                          report->n_items_updated);
  if (report->n_items_skipped > 0)
    {
      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%u skipped", "%u skipped", report->n_items_skipped),
                              report->n_items_skipped);
    }
  g_string_append_c (out, '\n');

  g_string_append_printf (out, ngettext ("Groups: %u added", "Groups: %u added",
                                         report->n_groups_added),
                          report->n_groups_added);
  g_string_append_printf (out, ngettext (", %u matched", ", %u matched", report->n_groups_matched),
                          report->n_groups_matched);
  g_string_append_printf (out, ngettext ("; activities: %u added", "; activities: %u added",
                                         report->n_activities_added),
                          report->n_activities_added);
  g_string_append_printf (out, ngettext (", %u matched", ", %u matched",
                                         report->n_activities_matched),
                          report->n_activities_matched);
  g_string_append_printf (out, ngettext ("; themes: %u added", "; themes: %u added",
                                         report->n_themes_added),
                          report->n_themes_added);
  g_string_append_printf (out, ngettext (", %u matched\n", ", %u matched\n",
                                         report->n_themes_matched),
                          report->n_themes_matched);

  if (report->n_drafts_filled > 0)
    g_string_append_printf (out, ngettext ("%u answer or key points filled in from theirs\n",
                                           "%u answers or key points filled in from theirs\n",
                                           report->n_drafts_filled),
                            report->n_drafts_filled);

  for (guint i = 0; report->messages != NULL && i < report->messages->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (report->messages, i));

  if (report->conflicts != NULL && report->conflicts->len > 0)
    {
      g_string_append_printf (out,
                              ngettext ("%u conflict; ours was kept:\n",
                                        "%u conflicts; ours were kept:\n",
                                        report->conflicts->len),
                              report->conflicts->len);

      for (guint i = 0; i < report->conflicts->len; i++)
        {
          const ChorusMergeConflict *conflict = g_ptr_array_index (report->conflicts, i);

          switch (conflict->kind)
            {
            case CHORUS_MERGE_CONFLICT_ITEM:
              /* TRANSLATORS: %s is an item id */
              g_string_append_printf (out, _("  input %s: "), conflict->target_id);
              break;

            case CHORUS_MERGE_CONFLICT_ANSWER:
              /* TRANSLATORS: %s is a question id */
              g_string_append_printf (out, _("  answer to %s: "), conflict->target_id);
              break;

            case CHORUS_MERGE_CONFLICT_KEY_POINTS:
              g_string_append_printf (out, _("  key points of %s: "), conflict->target_id);
              break;

            case CHORUS_MERGE_CONFLICT_PARTNER_RESPONSE:
            default:
              /* TRANSLATORS: the first %s is a group id, the second a question or document id */
              g_string_append_printf (out, _("  response of %s to %s: "), conflict->group_id,
                                      conflict->target_id);
              break;
            }

          describe_difference (out, conflict->ours, conflict->theirs);
          if (conflict->resolved)
            g_string_append (out, _(" (theirs taken)"));
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

/* Merging -------------------------------------------------------------------------- */

typedef struct
{
  ChorusProject     *self;
  ChorusProject     *other;
  ChorusMergeReport *report;
  GHashTable        *groups;      /* their id -> our id (interned) */
  GHashTable        *activities;  /* their id -> our id (interned) */
  GHashTable        *themes;      /* their id -> our id (interned) */
  GHashTable        *by_content;  /* content key -> GQueue of our items not yet matched */
  GHashTable        *matched;     /* our items already matched to one of theirs */
} Merge;

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a ? a : "", -1);
  g_autofree char *fb = g_utf8_casefold (b ? b : "", -1);

  return g_str_equal (fa, fb);
}

static const char *
map_id (GHashTable *map,
        const char *their_id)
{
  return their_id ? g_hash_table_lookup (map, their_id) : NULL;
}

static void
fill_respondent (Merge *merge)
{
  ChorusProject *self = merge->self;
  ChorusProject *other = merge->other;

  if (!_chorus_nonempty (chorus_project_get_organisation (self)))
    chorus_project_set_organisation (self, chorus_project_get_organisation (other));
  if (!_chorus_nonempty (chorus_project_get_contact_name (self)))
    chorus_project_set_contact_name (self, chorus_project_get_contact_name (other));
  if (!_chorus_nonempty (chorus_project_get_contact_role (self)))
    chorus_project_set_contact_role (self, chorus_project_get_contact_role (other));
  if (!_chorus_nonempty (chorus_project_get_contact_email (self)))
    chorus_project_set_contact_email (self, chorus_project_get_contact_email (other));
  if (!_chorus_nonempty (chorus_project_get_contact_phone (self)))
    chorus_project_set_contact_phone (self, chorus_project_get_contact_phone (other));
}

static void
merge_groups (Merge *merge)
{
  GListModel *theirs = chorus_project_get_groups (merge->other);
  GListModel *ours = chorus_project_get_groups (merge->self);
  guint n = g_list_model_get_n_items (theirs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusGroup) their = g_list_model_get_item (theirs, i);
      ChorusGroup *our = chorus_project_find_group (merge->self, chorus_group_get_id (their));

      for (guint j = 0; our == NULL && j < g_list_model_get_n_items (ours); j++)
        {
          g_autoptr(ChorusGroup) candidate = g_list_model_get_item (ours, j);

          if (same_name (chorus_group_get_name (candidate), chorus_group_get_name (their)))
            our = candidate;
        }

      if (our == NULL)
        {
          our = chorus_project_add_group (merge->self, chorus_group_get_name (their),
                                          chorus_group_get_partner (their));
          merge->report->n_groups_added++;
        }
      else
        {
          merge->report->n_groups_matched++;
          /* Their partner responses need the group to be a partner here. */
          if (chorus_group_get_partner (their) && !chorus_group_get_partner (our))
            chorus_project_set_group_partner (merge->self, our, TRUE);
        }

      g_hash_table_insert (merge->groups, (gpointer) g_intern_string (chorus_group_get_id (their)),
                           (gpointer) g_intern_string (chorus_group_get_id (our)));
    }
}

static void
merge_activities (Merge *merge)
{
  GListModel *theirs = chorus_project_get_activities (merge->other);
  GListModel *ours = chorus_project_get_activities (merge->self);
  guint n = g_list_model_get_n_items (theirs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusActivity) their = g_list_model_get_item (theirs, i);
      ChorusActivity *our = chorus_project_find_activity (merge->self,
                                                          chorus_activity_get_id (their));

      for (guint j = 0; our == NULL && j < g_list_model_get_n_items (ours); j++)
        {
          g_autoptr(ChorusActivity) candidate = g_list_model_get_item (ours, j);

          if (same_name (chorus_activity_get_title (candidate), chorus_activity_get_title (their)))
            our = candidate;
        }

      if (our == NULL)
        {
          our = chorus_project_add_activity (merge->self, chorus_activity_get_kind (their),
                                             chorus_activity_get_title (their));
          merge->report->n_activities_added++;
        }
      else
        {
          merge->report->n_activities_matched++;
        }

      /* Details the facilitator wrote down and we did not. */
      if (!_chorus_nonempty (chorus_activity_get_dates (our)) &&
          _chorus_nonempty (chorus_activity_get_dates (their)))
        chorus_project_set_activity_dates (merge->self, our, chorus_activity_get_dates (their));
      if (!_chorus_nonempty (chorus_activity_get_involved (our)) &&
          _chorus_nonempty (chorus_activity_get_involved (their)))
        chorus_project_set_activity_involved (merge->self, our,
                                              chorus_activity_get_involved (their));
      if (!_chorus_nonempty (chorus_activity_get_number_involved (our)) &&
          _chorus_nonempty (chorus_activity_get_number_involved (their)))
        chorus_project_set_activity_number_involved (merge->self, our,
                                                     chorus_activity_get_number_involved (their));

      g_hash_table_insert (merge->activities,
                           (gpointer) g_intern_string (chorus_activity_get_id (their)),
                           (gpointer) g_intern_string (chorus_activity_get_id (our)));
    }
}

static void
merge_themes (Merge *merge)
{
  ChorusCodebook *theirs = chorus_project_get_codebook (merge->other);
  ChorusCodebook *ours = chorus_project_get_codebook (merge->self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (theirs));
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusTheme) their = g_list_model_get_item (G_LIST_MODEL (theirs), i);
      ChorusTheme *our = chorus_codebook_find_by_name (ours, chorus_theme_get_name (their));

      if (our == NULL)
        {
          const char * const *keywords = chorus_theme_get_keywords (their);

          our = chorus_project_add_theme (merge->self, chorus_theme_get_name (their), NULL);
          chorus_project_set_theme_colour (merge->self, our, chorus_theme_get_colour (their));
          if (_chorus_nonempty (chorus_theme_get_description (their)))
            chorus_project_set_theme_description (merge->self, our,
                                                  chorus_theme_get_description (their));
          if (keywords != NULL && keywords[0] != NULL)
            chorus_project_set_theme_keywords (merge->self, our, keywords);
          g_ptr_array_add (added, g_object_ref (their));
          merge->report->n_themes_added++;
        }
      else
        {
          if (!_chorus_nonempty (chorus_theme_get_description (our)) &&
              _chorus_nonempty (chorus_theme_get_description (their)))
            chorus_project_set_theme_description (merge->self, our,
                                                  chorus_theme_get_description (their));
          merge->report->n_themes_matched++;
        }

      g_hash_table_insert (merge->themes, (gpointer) g_intern_string (chorus_theme_get_id (their)),
                           (gpointer) g_intern_string (chorus_theme_get_id (our)));
    }

  /* Parents once every theme is here: a child may come before its parent. */
  for (guint i = 0; i < added->len; i++)
    {
      ChorusTheme *their = g_ptr_array_index (added, i);
      const char *parent_id = map_id (merge->themes, chorus_theme_get_parent_id (their));
      ChorusTheme *our = chorus_codebook_find_theme (ours, map_id (merge->themes,
                                                                   chorus_theme_get_id (their)));

      if (parent_id != NULL && our != NULL)
        chorus_project_set_theme_parent (merge->self, our,
                                         chorus_codebook_find_theme (ours, parent_id));
    }
}

/* Their item with our ids for group, activity and themes, detached from any
 * project: what "take theirs" applies, and what the report shows. */
static ChorusItem *
map_item (Merge      *merge,
          ChorusItem *their)
{
  ChorusItem *copy;

  copy = _chorus_item_new_take (g_strdup (chorus_item_get_id (their)),
                                chorus_item_get_question_id (their),
                                map_id (merge->groups, chorus_item_get_group_id (their)),
                                map_id (merge->activities, chorus_item_get_activity_id (their)),
                                g_strdup (chorus_item_get_text (their)),
                                chorus_item_get_stance (their),
                                g_strdup (chorus_item_get_author (their)),
                                chorus_item_get_publish (their));

  for (guint i = 0; i < chorus_item_get_n_codings (their); i++)
    {
      guint start, end;
      const char *theme_id = chorus_item_get_coding (their, i, &start, &end);
      const char *ours = map_id (merge->themes, theme_id);

      if (ours != NULL)
        _chorus_item_add_coding (copy, ours, start, end);
    }

  return copy;
}

static char *
content_key (ChorusItem *item)
{
  return g_strjoin ("\037", chorus_item_get_question_id (item),
                    chorus_item_get_group_id (item) ? chorus_item_get_group_id (item) : "",
                    chorus_item_get_activity_id (item) ? chorus_item_get_activity_id (item) : "",
                    chorus_item_get_text (item), NULL);
}

static void
index_our_items (Merge *merge)
{
  GListModel *items = chorus_project_get_items (merge->self);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);
      g_autofree char *key = content_key (item);
      GQueue *queue = g_hash_table_lookup (merge->by_content, key);

      if (queue == NULL)
        {
          queue = g_queue_new ();
          g_hash_table_insert (merge->by_content, g_steal_pointer (&key), queue);
        }
      g_queue_push_tail (queue, item);
    }
}

/* One of our items with @copy's content that no item of theirs has claimed. */
static ChorusItem *
take_by_content (Merge      *merge,
                 ChorusItem *copy)
{
  g_autofree char *key = content_key (copy);
  GQueue *queue = g_hash_table_lookup (merge->by_content, key);

  while (queue != NULL && !g_queue_is_empty (queue))
    {
      ChorusItem *item = g_queue_pop_head (queue);

      if (!g_hash_table_contains (merge->matched, item))
        return item;
    }

  return NULL;
}

static gboolean
has_coding (ChorusItem *item,
            const char *theme_id,
            guint       start,
            guint       end)
{
  for (guint i = 0; i < chorus_item_get_n_codings (item); i++)
    {
      guint s, e;
      const char *t = chorus_item_get_coding (item, i, &s, &e);

      if (s == start && e == end && g_strcmp0 (t, theme_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
add_conflict (Merge                   *merge,
              ChorusMergeConflictKind  kind,
              const char              *target_id,
              const char              *group_id,
              gpointer                 ours,
              gpointer                 theirs)
{
  ChorusMergeConflict *conflict = g_new0 (ChorusMergeConflict, 1);

  conflict->kind = kind;
  conflict->target_id = g_strdup (target_id);
  conflict->group_id = g_strdup (group_id);
  conflict->ours = g_object_ref (ours);
  conflict->theirs = g_object_ref (theirs);
  g_ptr_array_add (merge->report->conflicts, conflict);
}

/* Our item and their version of it: fill what is empty here, add their
 * codings when the text is the same, and report what both set differently. */
static void
merge_item (Merge      *merge,
            ChorusItem *our,
            ChorusItem *copy)
{
  ChorusProject *self = merge->self;
  gboolean same_text = g_str_equal (chorus_item_get_text (our), chorus_item_get_text (copy));
  gboolean conflict = !same_text;
  gboolean updated = FALSE;
  const char *ours_id, *theirs_id;

  g_hash_table_add (merge->matched, our);

  if (chorus_item_get_question_id (our) != chorus_item_get_question_id (copy))
    conflict = TRUE;

  ours_id = chorus_item_get_group_id (our);
  theirs_id = chorus_item_get_group_id (copy);
  if (ours_id == NULL && theirs_id != NULL)
    {
      chorus_project_set_item_group (self, our, chorus_project_find_group (self, theirs_id));
      updated = TRUE;
    }
  else if (theirs_id != NULL && ours_id != theirs_id)
    conflict = TRUE;

  ours_id = chorus_item_get_activity_id (our);
  theirs_id = chorus_item_get_activity_id (copy);
  if (ours_id == NULL && theirs_id != NULL)
    {
      chorus_project_set_item_activity (self, our, chorus_project_find_activity (self, theirs_id));
      updated = TRUE;
    }
  else if (theirs_id != NULL && ours_id != theirs_id)
    conflict = TRUE;

  if (chorus_item_get_stance (our) == CHORUS_STANCE_UNSET &&
      chorus_item_get_stance (copy) != CHORUS_STANCE_UNSET)
    {
      chorus_project_set_item_stance (self, our, chorus_item_get_stance (copy));
      updated = TRUE;
    }
  else if (chorus_item_get_stance (copy) != CHORUS_STANCE_UNSET &&
           chorus_item_get_stance (our) != chorus_item_get_stance (copy))
    conflict = TRUE;

  if (chorus_item_get_author (our) == NULL && chorus_item_get_author (copy) != NULL)
    {
      chorus_project_set_item_author (self, our, chorus_item_get_author (copy));
      updated = TRUE;
    }
  else if (chorus_item_get_author (copy) != NULL &&
           g_strcmp0 (chorus_item_get_author (our), chorus_item_get_author (copy)) != 0)
    conflict = TRUE;

  /* Someone decided this should not be published: that decision stands. */
  if (chorus_item_get_publish (our) && !chorus_item_get_publish (copy))
    {
      chorus_project_set_item_publish (self, our, FALSE);
      updated = TRUE;
    }

  if (same_text)
    {
      ChorusCodebook *codebook = chorus_project_get_codebook (self);

      for (guint i = 0; i < chorus_item_get_n_codings (copy); i++)
        {
          guint start, end;
          const char *theme_id = chorus_item_get_coding (copy, i, &start, &end);
          ChorusTheme *theme = chorus_codebook_find_theme (codebook, theme_id);

          if (theme != NULL && !has_coding (our, theme_id, start, end) &&
              chorus_project_add_coding (self, our, theme, start, end))
            updated = TRUE;
        }
    }

  if (conflict)
    add_conflict (merge, CHORUS_MERGE_CONFLICT_ITEM, chorus_item_get_id (our), NULL, our, copy);
  else if (updated)
    merge->report->n_items_updated++;
  else
    merge->report->n_items_unchanged++;
}

/* A new item for us, with their content. The item gets an id of ours: the
 * project mints item ids (see docs/import.md); a later merge of the same file
 * recognises it by its content. */
static void
add_item (Merge      *merge,
          ChorusItem *copy)
{
  ChorusProject *self = merge->self;
  ChorusCodebook *codebook = chorus_project_get_codebook (self);
  ChorusItem *item;

  item = chorus_project_add_item (self, chorus_item_get_question_id (copy),
                                  chorus_project_find_group (self, chorus_item_get_group_id (copy)),
                                  chorus_project_find_activity (self,
                                                                chorus_item_get_activity_id (copy)),
                                  chorus_item_get_text (copy));
  if (chorus_item_get_stance (copy) != CHORUS_STANCE_UNSET)
    chorus_project_set_item_stance (self, item, chorus_item_get_stance (copy));
  if (chorus_item_get_author (copy) != NULL)
    chorus_project_set_item_author (self, item, chorus_item_get_author (copy));
  if (!chorus_item_get_publish (copy))
    chorus_project_set_item_publish (self, item, FALSE);

  for (guint i = 0; i < chorus_item_get_n_codings (copy); i++)
    {
      guint start, end;
      const char *theme_id = chorus_item_get_coding (copy, i, &start, &end);
      ChorusTheme *theme = chorus_codebook_find_theme (codebook, theme_id);

      if (theme != NULL)
        chorus_project_add_coding (self, item, theme, start, end);
    }

  /* Not to be matched again by a later item of theirs with the same words. */
  g_hash_table_add (merge->matched, item);
  merge->report->n_items_added++;
}

static void
merge_items (Merge *merge)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (merge->self);
  GListModel *theirs = chorus_project_get_items (merge->other);
  guint n = g_list_model_get_n_items (theirs);

  index_our_items (merge);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusItem) their = g_list_model_get_item (theirs, i);
      g_autoptr(ChorusItem) copy = NULL;
      ChorusItem *our;

      if (chorus_consultation_find_question (consultation,
                                             chorus_item_get_question_id (their)) == NULL)
        {
          merge->report->n_items_skipped++;
          g_ptr_array_add (merge->report->messages,
                           g_strdup_printf (_("Input %s answers question “%s”, which this "
                                              "project’s consultation does not have; not "
                                              "merged"),
                                            chorus_item_get_id (their),
                                            chorus_item_get_question_id (their)));
          continue;
        }

      copy = map_item (merge, their);
      our = chorus_project_find_item (merge->self, chorus_item_get_id (their));
      if (our != NULL && g_hash_table_contains (merge->matched, our))
        our = NULL;
      if (our == NULL)
        our = take_by_content (merge, copy);

      if (our != NULL)
        merge_item (merge, our, copy);
      else
        add_item (merge, copy);
    }
}

static gboolean
draft_target_exists (ChorusConsultation *consultation,
                     ChorusDraft        *draft)
{
  const char *target = chorus_draft_get_target_id (draft);

  switch (chorus_draft_get_kind (draft))
    {
    case CHORUS_DRAFT_KIND_ANSWER:
      return chorus_consultation_find_question (consultation, target) != NULL;

    case CHORUS_DRAFT_KIND_KEY_POINTS:
      return chorus_consultation_find_document (consultation, target) != NULL ||
             chorus_consultation_find_section (consultation, target) != NULL;

    case CHORUS_DRAFT_KIND_PARTNER_RESPONSE:
    default:
      return g_strcmp0 (target, chorus_consultation_get_id (consultation)) == 0 ||
             chorus_consultation_find_document (consultation, target) != NULL ||
             chorus_consultation_find_question (consultation, target) != NULL;
    }
}

static void
set_draft_text (ChorusProject *self,
                ChorusDraft   *copy,
                const char    *text)
{
  const char *target = chorus_draft_get_target_id (copy);

  switch (chorus_draft_get_kind (copy))
    {
    case CHORUS_DRAFT_KIND_ANSWER:
      chorus_project_set_answer_text (self, target, text);
      break;

    case CHORUS_DRAFT_KIND_KEY_POINTS:
      chorus_project_set_key_points (self, target, text);
      break;

    case CHORUS_DRAFT_KIND_PARTNER_RESPONSE:
    default:
      chorus_project_set_partner_response (self,
                                           chorus_project_find_group (self,
                                                                      chorus_draft_get_group_id (copy)),
                                           target, text);
      break;
    }
}

static ChorusMergeConflictKind
conflict_kind (ChorusDraftKind kind)
{
  switch (kind)
    {
    case CHORUS_DRAFT_KIND_ANSWER:
      return CHORUS_MERGE_CONFLICT_ANSWER;
    case CHORUS_DRAFT_KIND_KEY_POINTS:
      return CHORUS_MERGE_CONFLICT_KEY_POINTS;
    case CHORUS_DRAFT_KIND_PARTNER_RESPONSE:
    default:
      return CHORUS_MERGE_CONFLICT_PARTNER_RESPONSE;
    }
}

static void
merge_drafts (Merge *merge)
{
  ChorusProject *self = merge->self;
  ChorusConsultation *consultation = chorus_project_get_consultation (self);
  GListModel *theirs = chorus_project_get_drafts (merge->other);
  guint n = g_list_model_get_n_items (theirs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusDraft) their = g_list_model_get_item (theirs, i);
      g_autoptr(ChorusDraft) copy = NULL;
      ChorusDraftKind kind = chorus_draft_get_kind (their);
      const char *target = chorus_draft_get_target_id (their);
      const char *group_id = map_id (merge->groups, chorus_draft_get_group_id (their));
      ChorusDraft *our;
      gboolean conflict = FALSE;
      gboolean filled = FALSE;

      if (!draft_target_exists (consultation, their) ||
          (kind == CHORUS_DRAFT_KIND_PARTNER_RESPONSE && group_id == NULL))
        {
          g_ptr_array_add (merge->report->messages,
                           g_strdup_printf (_("A draft for “%s”, which this project’s "
                                              "consultation does not have, was not merged"),
                                            target));
          continue;
        }

      copy = _chorus_draft_new_full (kind, target, group_id, chorus_draft_get_text (their),
                                     chorus_draft_get_option_id (their),
                                     chorus_draft_get_status (their));
      our = chorus_project_find_draft (self, kind, target, group_id);

      if (_chorus_nonempty (chorus_draft_get_text (their)))
        {
          if (our == NULL || !_chorus_nonempty (chorus_draft_get_text (our)))
            {
              set_draft_text (self, copy, chorus_draft_get_text (their));
              filled = TRUE;
            }
          else if (!g_str_equal (chorus_draft_get_text (our), chorus_draft_get_text (their)))
            {
              conflict = TRUE;
            }
        }

      our = chorus_project_find_draft (self, kind, target, group_id);

      if (kind == CHORUS_DRAFT_KIND_ANSWER)
        {
          ChorusQuestion *question = chorus_consultation_find_question (consultation, target);
          const char *option = chorus_draft_get_option_id (their);

          if (option != NULL && chorus_question_find_option (question, option) != NULL)
            {
              if (our == NULL || chorus_draft_get_option_id (our) == NULL)
                {
                  chorus_project_set_answer_option (self, target, option);
                  filled = TRUE;
                }
              else if (!g_str_equal (chorus_draft_get_option_id (our), option))
                {
                  conflict = TRUE;
                }
            }

          if (chorus_project_get_answer_status (self, target) == CHORUS_DRAFT_STATUS_NOT_STARTED &&
              chorus_draft_get_status (their) != CHORUS_DRAFT_STATUS_NOT_STARTED)
            {
              chorus_project_set_answer_status (self, target, chorus_draft_get_status (their));
              filled = TRUE;
            }
          our = chorus_project_find_draft (self, kind, target, group_id);
        }

      if (conflict)
        add_conflict (merge, conflict_kind (kind), target, group_id, our, copy);
      else if (filled)
        merge->report->n_drafts_filled++;
    }
}

static char *
project_display_name (ChorusProject *project)
{
  GFile *file = chorus_project_get_file (project);

  if (file != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        return g_filename_display_basename (path);
    }

  return g_strdup (_("the other project"));
}

gboolean
chorus_project_merge (ChorusProject      *self,
                      ChorusProject      *other,
                      ChorusMergeReport  *report,
                      GError            **error)
{
  g_auto(ChorusMergeReport) local_report = { 0 };
  g_autoptr(GHashTable) groups = NULL;
  g_autoptr(GHashTable) activities = NULL;
  g_autoptr(GHashTable) themes = NULL;
  g_autoptr(GHashTable) by_content = NULL;
  g_autoptr(GHashTable) matched = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  ChorusConsultation *ours;
  ChorusConsultation *theirs;
  Merge merge;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_PROJECT (other), FALSE);
  g_return_val_if_fail (self != other, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ours = chorus_project_get_consultation (self);
  theirs = chorus_project_get_consultation (other);
  name = project_display_name (other);

  if (g_strcmp0 (chorus_consultation_get_id (ours), chorus_consultation_get_id (theirs)) != 0)
    {
      /* TRANSLATORS: %s: a file; then the titles of two consultations */
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_WRONG_KIND,
                   _("%s answers “%s”, not “%s”; only projects for the same consultation can be "
                     "merged"),
                   name, chorus_consultation_get_title (theirs),
                   chorus_consultation_get_title (ours));
      return FALSE;
    }

  if (report == NULL)
    {
      chorus_merge_report_init (&local_report);
      report = &local_report;
    }
  chorus_merge_report_clear (report);
  chorus_merge_report_init (report);
  report->display_name = g_strdup (name);

  groups = g_hash_table_new (g_str_hash, g_str_equal);
  activities = g_hash_table_new (g_str_hash, g_str_equal);
  themes = g_hash_table_new (g_str_hash, g_str_equal);
  by_content = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_queue_free);
  matched = g_hash_table_new (NULL, NULL);

  merge = (Merge) { self, other, report, groups, activities, themes, by_content, matched };

  /* TRANSLATORS: an undo step; %s is a file name */
  label = g_strdup_printf (_("Merge “%s”"), name);
  chorus_project_begin_group (self, label);
  fill_respondent (&merge);
  merge_groups (&merge);
  merge_activities (&merge);
  merge_themes (&merge);
  merge_items (&merge);
  merge_drafts (&merge);
  chorus_project_end_group (self);

  return TRUE;
}

/* Taking theirs --------------------------------------------------------------------- */

static gboolean
take_item (ChorusProject       *self,
           ChorusMergeConflict *conflict)
{
  ChorusItem *our = chorus_project_find_item (self, conflict->target_id);
  ChorusItem *their = CHORUS_ITEM (conflict->theirs);
  ChorusCodebook *codebook = chorus_project_get_codebook (self);

  if (our == NULL || (GObject *) our != conflict->ours ||
      chorus_consultation_find_question (chorus_project_get_consultation (self),
                                         chorus_item_get_question_id (their)) == NULL)
    return FALSE;

  chorus_project_set_item_text (self, our, chorus_item_get_text (their));
  chorus_project_set_item_question (self, our, chorus_item_get_question_id (their));
  chorus_project_set_item_group (self, our,
                                 chorus_project_find_group (self, chorus_item_get_group_id (their)));
  chorus_project_set_item_activity (self, our,
                                    chorus_project_find_activity (self,
                                                                  chorus_item_get_activity_id (their)));
  chorus_project_set_item_stance (self, our, chorus_item_get_stance (their));
  chorus_project_set_item_author (self, our, chorus_item_get_author (their));
  chorus_project_set_item_publish (self, our, chorus_item_get_publish (their));

  for (guint i = chorus_item_get_n_codings (our); i > 0; i--)
    chorus_project_remove_coding (self, our, i - 1);
  for (guint i = 0; i < chorus_item_get_n_codings (their); i++)
    {
      guint start, end;
      const char *theme_id = chorus_item_get_coding (their, i, &start, &end);
      ChorusTheme *theme = chorus_codebook_find_theme (codebook, theme_id);

      if (theme != NULL)
        chorus_project_add_coding (self, our, theme, start, end);
    }

  return TRUE;
}

static gboolean
take_draft (ChorusProject       *self,
            ChorusMergeConflict *conflict)
{
  ChorusDraft *their = CHORUS_DRAFT (conflict->theirs);
  ChorusDraftKind kind = chorus_draft_get_kind (their);
  const char *target = chorus_draft_get_target_id (their);
  ChorusConsultation *consultation = chorus_project_get_consultation (self);

  if (!draft_target_exists (consultation, their) ||
      (kind == CHORUS_DRAFT_KIND_PARTNER_RESPONSE &&
       chorus_project_find_group (self, chorus_draft_get_group_id (their)) == NULL))
    return FALSE;

  set_draft_text (self, their, chorus_draft_get_text (their));

  if (kind == CHORUS_DRAFT_KIND_ANSWER)
    {
      ChorusQuestion *question = chorus_consultation_find_question (consultation, target);
      const char *option = chorus_draft_get_option_id (their);

      if (option == NULL || chorus_question_find_option (question, option) != NULL)
        chorus_project_set_answer_option (self, target, option);
      chorus_project_set_answer_status (self, target, chorus_draft_get_status (their));
    }

  return TRUE;
}

gboolean
chorus_project_merge_take_theirs (ChorusProject       *self,
                                  ChorusMergeConflict *conflict)
{
  gboolean taken;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (conflict != NULL, FALSE);

  if (conflict->resolved)
    return FALSE;

  chorus_project_begin_group (self, _("Take their version"));
  if (conflict->kind == CHORUS_MERGE_CONFLICT_ITEM)
    taken = take_item (self, conflict);
  else
    taken = take_draft (self, conflict);
  chorus_project_end_group (self);

  conflict->resolved = taken;

  return taken;
}
