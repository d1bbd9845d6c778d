/* chorus-import-target.c — the group and activity rows the import assistants share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-import-target.h"

/* Dropdown labels longer than this are cut at a word: the popover stays narrower than an
 * 800-pixel window. */
#define QUESTION_LABEL_CHARS 64

/* The ids behind a row's entries, in order; the last entry, "New…", has none. */
#define ROW_IDS_KEY "chorus-import-target-ids"

void
chorus_import_target_clear (ChorusImportTarget *target)
{
  g_clear_pointer (&target->group_id, g_free);
  g_clear_pointer (&target->new_group_name, g_free);
  g_clear_pointer (&target->activity_id, g_free);
  g_clear_pointer (&target->new_activity_title, g_free);
}

void
chorus_import_target_copy (ChorusImportTarget       *dest,
                           const ChorusImportTarget *src)
{
  dest->group_id = g_strdup (src->group_id);
  dest->new_group_name = g_strdup (src->new_group_name);
  dest->activity_id = g_strdup (src->activity_id);
  dest->new_activity_title = g_strdup (src->new_activity_title);
  dest->new_activity_kind = src->new_activity_kind;
}

GtkExpression *
chorus_import_string_expression (void)
{
  return gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
}

static void
set_row_entries (AdwComboRow *row,
                 GPtrArray   *labels,
                 GPtrArray   *ids,
                 guint        selected)
{
  g_autoptr(GtkStringList) model = NULL;
  g_autoptr(GtkExpression) expression = chorus_import_string_expression ();

  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (ids, NULL);
  model = gtk_string_list_new ((const char * const *) labels->pdata);
  g_object_set_data_full (G_OBJECT (row), ROW_IDS_KEY,
                          g_strdupv ((char **) ids->pdata), (GDestroyNotify) g_strfreev);

  adw_combo_row_set_expression (row, expression);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

void
chorus_import_target_setup_rows (ChorusProject      *project,
                                 AdwComboRow        *group_row,
                                 AdwComboRow        *activity_row,
                                 AdwComboRow        *kind_row,
                                 ChorusActivityKind  kind)
{
  GListModel *groups = chorus_project_get_groups (project);
  GListModel *activities = chorus_project_get_activities (project);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = chorus_import_string_expression ();
  guint n_groups = g_list_model_get_n_items (groups);
  guint n_activities = g_list_model_get_n_items (activities);
  guint selected = G_MAXUINT;

  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);

      g_ptr_array_add (labels, (gpointer) chorus_group_get_name (group));
      g_ptr_array_add (ids, (gpointer) chorus_group_get_id (group));
      /* Input comes from respondents; partners write their own responses. */
      if (selected == G_MAXUINT && !chorus_group_get_partner (group))
        selected = i;
    }
  g_ptr_array_add (labels, _("New Group…"));
  set_row_entries (group_row, labels, ids, selected == G_MAXUINT ? n_groups : selected);

  g_ptr_array_set_size (labels, 0);
  g_ptr_array_set_size (ids, 0);
  selected = G_MAXUINT;
  for (guint i = 0; i < n_activities; i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, i);

      g_ptr_array_add (labels, (gpointer) chorus_activity_get_title (activity));
      g_ptr_array_add (ids, (gpointer) chorus_activity_get_id (activity));
      if (selected == G_MAXUINT && chorus_activity_get_kind (activity) == kind)
        selected = i;
    }
  g_ptr_array_add (labels, _("New Activity…"));
  set_row_entries (activity_row, labels, ids, selected == G_MAXUINT ? n_activities : selected);

  for (ChorusActivityKind k = CHORUS_ACTIVITY_KIND_BRIEFING; k <= CHORUS_ACTIVITY_KIND_OTHER; k++)
    gtk_string_list_append (kinds, chorus_activity_kind_get_label (k));
  adw_combo_row_set_expression (kind_row, expression);
  adw_combo_row_set_model (kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (kind_row, kind);
}

gboolean
chorus_import_target_row_is_new (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);

  return model != NULL && adw_combo_row_get_selected (row) + 1 == g_list_model_get_n_items (model);
}

static const char *
row_selected_id (AdwComboRow *row)
{
  char **ids = g_object_get_data (G_OBJECT (row), ROW_IDS_KEY);
  guint selected = adw_combo_row_get_selected (row);

  if (ids == NULL || selected >= g_strv_length (ids))
    return NULL;

  return ids[selected];
}

static char *
entry_text (GtkEditable *editable)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (editable));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

gboolean
chorus_import_target_read (ChorusImportTarget *target,
                           ChorusProject      *project,
                           AdwComboRow        *group_row,
                           GtkEditable        *new_group_name,
                           AdwComboRow        *activity_row,
                           GtkEditable        *new_activity,
                           AdwComboRow        *kind_row)
{
  chorus_import_target_clear (target);

  if (chorus_import_target_row_is_new (group_row))
    target->new_group_name = entry_text (new_group_name);
  else
    target->group_id = g_strdup (row_selected_id (group_row));

  if (chorus_import_target_row_is_new (activity_row))
    {
      target->new_activity_title = entry_text (new_activity);
      target->new_activity_kind = adw_combo_row_get_selected (kind_row);
      if (target->new_activity_kind > CHORUS_ACTIVITY_KIND_OTHER)
        target->new_activity_kind = CHORUS_ACTIVITY_KIND_OTHER;
    }
  else
    {
      target->activity_id = g_strdup (row_selected_id (activity_row));
    }

  return (target->group_id != NULL || target->new_group_name != NULL) &&
         (target->activity_id != NULL || target->new_activity_title != NULL);
}

void
chorus_import_target_resolve (const ChorusImportTarget  *target,
                              ChorusProject             *project,
                              ChorusGroup              **group,
                              ChorusActivity           **activity)
{
  if (target->group_id != NULL)
    *group = chorus_project_find_group (project, target->group_id);
  else if (target->new_group_name != NULL)
    *group = chorus_project_add_group (project, target->new_group_name, FALSE);
  else
    *group = NULL;

  if (target->activity_id != NULL)
    *activity = chorus_project_find_activity (project, target->activity_id);
  else if (target->new_activity_title != NULL)
    *activity = chorus_project_add_activity (project, target->new_activity_kind,
                                             target->new_activity_title);
  else
    *activity = NULL;
}

char *
chorus_import_question_label (ChorusQuestion *question)
{
  const char *text = chorus_question_get_text (question);
  GString *label = g_string_new (chorus_question_get_number (question));
  const char *cut = text;
  guint n_chars = 0;

  /* Cut after the last whole word that fits. */
  for (const char *p = text; *p != '\0' && n_chars < QUESTION_LABEL_CHARS;
       p = g_utf8_next_char (p), n_chars++)
    if (g_unichar_isspace (g_utf8_get_char (p)))
      cut = p;

  g_string_append_c (label, ' ');
  if (g_utf8_strlen (text, -1) <= QUESTION_LABEL_CHARS || cut == text)
    {
      g_string_append (label, text);
    }
  else
    {
      g_string_append_len (label, text, cut - text);
      g_string_append (label, "…");
    }

  return g_string_free (label, FALSE);
}

GtkStringList *
chorus_import_question_labels (ChorusConsultation *consultation,
                               const char * const *first_labels)
{
  GtkStringList *labels = gtk_string_list_new (first_labels);
  GListModel *questions = chorus_consultation_get_questions (consultation);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);
      g_autofree char *label = chorus_import_question_label (question);

      gtk_string_list_append (labels, label);
    }

  return labels;
}
