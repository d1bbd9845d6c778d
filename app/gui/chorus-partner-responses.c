/* chorus-partner-responses.c — partner organisations' own responses to one target
 *
 * A partner organisation (a group marked as partner, such as the local council) writes its
 * own response, printed after ours. This is one expander row per partner group, each with
 * a ChorusDraftText for that group's response to the target: a question on the draft pane, a
 * document on the section page. The list hides itself when the project has no partners.
 *
 * Projects have a handful of partners, so the rows are plain widgets rebuilt when the set of
 * partners changes, not a list view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "chorus-draft-text.h"
#include "chorus-partner-responses.h"

struct _ChorusPartnerResponses
{
  GtkWidget             parent_instance;

  ChorusProject        *project;
  char                 *target_id;
  /* The partner groups the rows were built for, as "id\tname\n…", to tell when to rebuild. */
  char                 *partners_key;
  /* group id -> ChorusDraftText (owned by the rows) */
  GHashTable           *editors;

  AdwPreferencesGroup  *group;
  GtkListBox           *list;
};

G_DEFINE_FINAL_TYPE (ChorusPartnerResponses, chorus_partner_responses, GTK_TYPE_WIDGET)

static char *
build_partners_key (ChorusProject *project)
{
  GString *key = g_string_new (NULL);
  GListModel *groups;

  if (project == NULL)
    return g_string_free (key, FALSE);

  groups = chorus_project_get_groups (project);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);

      if (chorus_group_get_partner (group))
        g_string_append_printf (key, "%s\t%s\n",
                                chorus_group_get_id (group), chorus_group_get_name (group));
    }

  return g_string_free (key, FALSE);
}

static void
update_subtitle_cb (ChorusDraftText *editor,
                    GParamSpec      *pspec,
                    AdwExpanderRow  *row)
{
  guint n_words = chorus_draft_text_get_n_words (editor);
  g_autofree char *subtitle = NULL;

  if (n_words == 0)
    subtitle = g_strdup (_("No response yet"));
  else
    /* Translators: the length of a partner's response, under the partner's name */
    subtitle = g_strdup_printf (ngettext ("%u word", "%u words", n_words), n_words);

  adw_expander_row_set_subtitle (row, subtitle);
}

static GtkWidget *
create_row (ChorusPartnerResponses *self,
            ChorusGroup            *group)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *editor_row = gtk_list_box_row_new ();
  GtkWidget *editor = chorus_draft_text_new ();
  g_autofree char *label = NULL;
  g_autofree char *placeholder = NULL;

  /* Partner names are user text ("Age UK & Carers Trust"), not Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_group_get_name (group));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);

  /* Translators: the accessible name of the editor of a partner's response */
  label = g_strdup_printf (_("Response from %s"), chorus_group_get_name (group));
  /* Translators: shown in the empty editor of a partner's response */
  placeholder = g_strdup_printf (_("Paste or type what %s said…"), chorus_group_get_name (group));

  chorus_draft_text_set_project (CHORUS_DRAFT_TEXT (editor), self->project);
  chorus_draft_text_set_label (CHORUS_DRAFT_TEXT (editor), label);
  chorus_draft_text_set_placeholder_text (CHORUS_DRAFT_TEXT (editor), placeholder);
  gtk_widget_set_margin_top (editor, 12);
  gtk_widget_set_margin_bottom (editor, 6);
  gtk_widget_set_margin_start (editor, 12);
  gtk_widget_set_margin_end (editor, 12);
  g_signal_connect_object (editor, "notify::n-words", G_CALLBACK (update_subtitle_cb), row, 0);
  chorus_draft_text_set_target (CHORUS_DRAFT_TEXT (editor), CHORUS_DRAFT_KIND_PARTNER_RESPONSE,
                                self->target_id, chorus_group_get_id (group));
  update_subtitle_cb (CHORUS_DRAFT_TEXT (editor), NULL, ADW_EXPANDER_ROW (row));

  /* The editor is not a button: no hover highlight, no activation. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (editor_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (editor_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (editor_row), editor);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), editor_row);

  g_hash_table_insert (self->editors, g_strdup (chorus_group_get_id (group)), editor);

  return row;
}

static void
chorus_partner_responses_rebuild (ChorusPartnerResponses *self)
{
  g_autofree char *key = build_partners_key (self->project);
  GtkWidget *child;

  if (g_strcmp0 (key, self->partners_key) == 0)
    return;

  /* Recorded first: the commit below changes the project, which calls this again. */
  g_free (self->partners_key);
  self->partners_key = g_steal_pointer (&key);

  /* Nothing typed is lost when a partner is renamed or another is added. */
  chorus_partner_responses_commit (self);

  g_hash_table_remove_all (self->editors);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  if (self->project != NULL)
    {
      GListModel *groups = chorus_project_get_groups (self->project);

      for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);

          if (chorus_group_get_partner (group))
            gtk_list_box_append (self->list, create_row (self, group));
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self),
                          self->target_id != NULL && g_hash_table_size (self->editors) > 0);
}

static void
chorus_partner_responses_project_changed_cb (ChorusPartnerResponses *self,
                                             ChorusProject          *project)
{
  chorus_partner_responses_rebuild (self);
}

GtkWidget *
chorus_partner_responses_new (void)
{
  return g_object_new (CHORUS_TYPE_PARTNER_RESPONSES, NULL);
}

void
chorus_partner_responses_set_project (ChorusPartnerResponses *self,
                                      ChorusProject          *project)
{
  g_return_if_fail (CHORUS_IS_PARTNER_RESPONSES (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  chorus_partner_responses_commit (self);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);
  g_clear_pointer (&self->target_id, g_free);

  if (project != NULL)
    g_signal_connect_object (project, "changed",
                             G_CALLBACK (chorus_partner_responses_project_changed_cb),
                             self, G_CONNECT_SWAPPED);

  /* Rows of another project's groups go, even when their names match. */
  g_clear_pointer (&self->partners_key, g_free);
  chorus_partner_responses_rebuild (self);
}

void
chorus_partner_responses_set_target_id (ChorusPartnerResponses *self,
                                        const char             *target_id)
{
  GHashTableIter iter;
  gpointer group_id;
  gpointer editor;

  g_return_if_fail (CHORUS_IS_PARTNER_RESPONSES (self));

  if (g_strcmp0 (self->target_id, target_id) == 0)
    return;

  g_free (self->target_id);
  self->target_id = g_strdup (target_id);

  /* Each editor commits its pending edit to the previous target first. */
  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, &group_id, &editor))
    chorus_draft_text_set_target (editor, CHORUS_DRAFT_KIND_PARTNER_RESPONSE, target_id, group_id);

  gtk_widget_set_visible (GTK_WIDGET (self),
                          self->target_id != NULL && g_hash_table_size (self->editors) > 0);
}

gboolean
chorus_partner_responses_commit (ChorusPartnerResponses *self)
{
  GHashTableIter iter;
  gpointer editor;
  gboolean changed = FALSE;

  g_return_val_if_fail (CHORUS_IS_PARTNER_RESPONSES (self), FALSE);

  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, NULL, &editor))
    changed |= chorus_draft_text_commit (editor);

  return changed;
}

GtkWidget *
chorus_partner_responses_get_editor (ChorusPartnerResponses *self,
                                     const char             *group_id)
{
  g_return_val_if_fail (CHORUS_IS_PARTNER_RESPONSES (self), NULL);

  return g_hash_table_lookup (self->editors, group_id);
}

static void
chorus_partner_responses_dispose (GObject *object)
{
  ChorusPartnerResponses *self = (ChorusPartnerResponses *)object;
  GtkWidget *child;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  if (self->editors != NULL)
    g_hash_table_remove_all (self->editors);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_PARTNER_RESPONSES);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_partner_responses_parent_class)->dispose (object);
}

static void
chorus_partner_responses_finalize (GObject *object)
{
  ChorusPartnerResponses *self = (ChorusPartnerResponses *)object;

  g_clear_pointer (&self->editors, g_hash_table_unref);
  g_clear_pointer (&self->target_id, g_free);
  g_clear_pointer (&self->partners_key, g_free);

  G_OBJECT_CLASS (chorus_partner_responses_parent_class)->finalize (object);
}

static void
chorus_partner_responses_class_init (ChorusPartnerResponsesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_partner_responses_dispose;
  object_class->finalize = chorus_partner_responses_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-partner-responses.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusPartnerResponses, group);
  gtk_widget_class_bind_template_child (widget_class, ChorusPartnerResponses, list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-partner-responses");
}

static void
chorus_partner_responses_init (ChorusPartnerResponses *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
