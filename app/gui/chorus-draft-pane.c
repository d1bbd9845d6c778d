/* chorus-draft-pane.c — the organisation's answer to one question
 *
 * Beside the input, so the user reads what people said while writing: the status of the
 * answer, the option chosen for a choice question, the answer itself with its word count, and
 * the response of each partner organisation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "chorus-draft-pane.h"
#include "chorus-draft-text.h"

struct _ChorusDraftPane
{
  GtkWidget        parent_instance;

  ChorusProject   *project;
  ChorusQuestion  *question;
  /* Set while the controls are filled from the project, so that doing so is not an edit. */
  gboolean         loading;

  GtkDropDown     *status_dropdown;
  GtkBox          *options_box;
  GtkListBox      *options_list;
  ChorusDraftText *answer_text;
  GtkBox          *partners_box;
};

G_DEFINE_FINAL_TYPE (ChorusDraftPane, chorus_draft_pane, GTK_TYPE_WIDGET)

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
chorus_draft_pane_option_toggled_cb (ChorusDraftPane *self,
                                     GtkCheckButton  *button)
{
  const char *option_id;

  if (self->loading || self->question == NULL || !gtk_check_button_get_active (button))
    return;

  option_id = g_object_get_data (G_OBJECT (button), "option-id");
  chorus_project_set_answer_option (self->project, chorus_question_get_id (self->question),
                                    option_id);
}

static void
chorus_draft_pane_build_options (ChorusDraftPane *self)
{
  GtkCheckButton *group = NULL;
  guint n_options = self->question != NULL ? chorus_question_get_n_options (self->question) : 0;

  clear_box (GTK_WIDGET (self->options_list));
  gtk_widget_set_visible (GTK_WIDGET (self->options_box), n_options > 0);

  /* "None" first: an option can be taken back. */
  for (int i = -1; i < (int) n_options; i++)
    {
      const char *label = i < 0 ? _("No option chosen")
                                : chorus_question_get_option_label (self->question, (guint) i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      if (i >= 0)
        g_object_set_data_full (G_OBJECT (check), "option-id",
                                g_strdup (chorus_question_get_option_id (self->question, (guint) i)),
                                g_free);
      g_signal_connect_object (check, "toggled",
                               G_CALLBACK (chorus_draft_pane_option_toggled_cb),
                               self, G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->options_list, row);
    }
}

static void
chorus_draft_pane_build_partners (ChorusDraftPane *self)
{
  GListModel *groups = self->project != NULL ? chorus_project_get_groups (self->project) : NULL;
  guint n_partners = 0;

  clear_box (GTK_WIDGET (self->partners_box));

  for (guint i = 0; groups != NULL && self->question != NULL &&
                    i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);
      g_autofree char *heading = NULL;
      g_autofree char *placeholder = NULL;
      GtkWidget *label;
      GtkWidget *editor;

      if (!chorus_group_get_partner (group))
        continue;

      /* Translators: %s is a partner organisation */
      heading = g_strdup_printf (_("Response from %s"), chorus_group_get_name (group));
      label = gtk_label_new (heading);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (label, 12);
      gtk_box_append (self->partners_box, label);

      editor = chorus_draft_text_new ();
      /* Translators: %s is a partner organisation */
      placeholder = g_strdup_printf (_("What %s says on this question, if anything"),
                                     chorus_group_get_name (group));
      chorus_draft_text_set_label (CHORUS_DRAFT_TEXT (editor), heading, placeholder);
      chorus_draft_text_set_target (CHORUS_DRAFT_TEXT (editor), self->project,
                                    CHORUS_DRAFT_KIND_PARTNER_RESPONSE,
                                    chorus_question_get_id (self->question), group);
      gtk_box_append (self->partners_box, editor);
      n_partners++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->partners_box), n_partners > 0);
}

static void
chorus_draft_pane_load (ChorusDraftPane *self)
{
  ChorusDraft *answer = NULL;
  const char *option_id = NULL;
  ChorusDraftStatus status = CHORUS_DRAFT_STATUS_NOT_STARTED;
  GtkWidget *row;
  int position = 0;

  if (self->project != NULL && self->question != NULL)
    {
      answer = chorus_project_get_answer (self->project, chorus_question_get_id (self->question));
      status = chorus_project_get_answer_status (self->project,
                                                 chorus_question_get_id (self->question));
    }
  if (answer != NULL)
    option_id = chorus_draft_get_option_id (answer);

  self->loading = TRUE;

  gtk_drop_down_set_selected (self->status_dropdown, status);

  /* The rows are "none", then the options in order. */
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->options_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row), position++)
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      const char *row_option = g_object_get_data (G_OBJECT (check), "option-id");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strcmp0 (row_option, option_id) == 0);
    }

  self->loading = FALSE;
}

static void
chorus_draft_pane_status_changed_cb (ChorusDraftPane *self,
                                     GParamSpec      *pspec,
                                     GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->loading || self->question == NULL || selected >= CHORUS_N_DRAFT_STATUSES)
    return;

  /* Typing and then marking final is two steps, in that order. */
  chorus_draft_text_commit (self->answer_text);
  chorus_project_set_answer_status (self->project, chorus_question_get_id (self->question),
                                    (ChorusDraftStatus) selected);
}

static void
chorus_draft_pane_project_changed_cb (ChorusDraftPane *self,
                                      ChorusProject   *project)
{
  chorus_draft_pane_load (self);
}

static void
chorus_draft_pane_update_target (ChorusDraftPane *self)
{
  gboolean has_question = self->project != NULL && self->question != NULL;

  chorus_draft_text_set_target (self->answer_text, self->project, CHORUS_DRAFT_KIND_ANSWER,
                                has_question ? chorus_question_get_id (self->question) : NULL,
                                NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_dropdown), has_question);
  chorus_draft_pane_build_options (self);
  chorus_draft_pane_build_partners (self);
  chorus_draft_pane_load (self);
}

void
chorus_draft_pane_set_project (ChorusDraftPane *self,
                               ChorusProject   *project)
{
  g_return_if_fail (CHORUS_IS_DRAFT_PANE (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  chorus_draft_pane_commit (self);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);
  g_clear_object (&self->question);

  if (project != NULL)
    {
      g_signal_connect_object (project, "changed",
                               G_CALLBACK (chorus_draft_pane_project_changed_cb),
                               self, G_CONNECT_SWAPPED);
      /* A partner added or renamed on the engagement page gets its editor. */
      g_signal_connect_object (chorus_project_get_groups (project), "items-changed",
                               G_CALLBACK (chorus_draft_pane_build_partners),
                               self, G_CONNECT_SWAPPED);
    }

  chorus_draft_pane_update_target (self);
}

void
chorus_draft_pane_set_question (ChorusDraftPane *self,
                                ChorusQuestion  *question)
{
  g_return_if_fail (CHORUS_IS_DRAFT_PANE (self));
  g_return_if_fail (question == NULL || CHORUS_IS_QUESTION (question));

  if (self->question == question)
    return;

  chorus_draft_pane_commit (self);
  g_set_object (&self->question, question);
  chorus_draft_pane_update_target (self);
}

void
chorus_draft_pane_commit (ChorusDraftPane *self)
{
  g_return_if_fail (CHORUS_IS_DRAFT_PANE (self));

  chorus_draft_text_commit (self->answer_text);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->partners_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (CHORUS_IS_DRAFT_TEXT (child))
      chorus_draft_text_commit (CHORUS_DRAFT_TEXT (child));
}

GtkTextView *
chorus_draft_pane_get_answer_view (ChorusDraftPane *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_PANE (self), NULL);
  return chorus_draft_text_get_text_view (self->answer_text);
}

GtkDropDown *
chorus_draft_pane_get_status_dropdown (ChorusDraftPane *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_PANE (self), NULL);
  return self->status_dropdown;
}

static void
chorus_draft_pane_dispose (GObject *object)
{
  ChorusDraftPane *self = CHORUS_DRAFT_PANE (object);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (chorus_project_get_groups (self->project), self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_DRAFT_PANE);
  /* The template's root box has no id, so dispose_template leaves it. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  g_clear_object (&self->question);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_draft_pane_parent_class)->dispose (object);
}

static void
chorus_draft_pane_class_init (ChorusDraftPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_draft_pane_dispose;

  g_type_ensure (CHORUS_TYPE_DRAFT_TEXT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-draft-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, options_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, options_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, answer_text);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, partners_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_draft_pane_init (ChorusDraftPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  chorus_draft_text_set_label (self->answer_text, _("Our answer"),
                               _("Write the organisation’s answer to this question. The input "
                                 "is beside you."));
  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (chorus_draft_pane_status_changed_cb),
                           self, G_CONNECT_SWAPPED);
  chorus_draft_pane_update_target (self);
}

GtkWidget *
chorus_draft_pane_new (void)
{
  return g_object_new (CHORUS_TYPE_DRAFT_PANE, NULL);
}
