/* chorus-draft-pane.c — our response to one question: status, chosen option, answer,
 * partner responses
 *
 * Sits beside the input for a question, so it is laid out for a narrow column (about 320
 * pixels) and scrolls on its own. Every control writes through ChorusProject: a status or
 * option change is one undo step, and the texts commit after a pause in typing (see
 * ChorusDraftText). The pane follows the project's "changed" signal, so undo, redo and a
 * colleague's merged work show at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-draft-pane-private.h"
#include "chorus-status-icon.h"

G_DEFINE_FINAL_TYPE (ChorusDraftPane, chorus_draft_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define OPTION_ID_KEY "chorus-option-id"

static const char *
get_question_id (ChorusDraftPane *self)
{
  return self->question != NULL ? chorus_question_get_id (self->question) : NULL;
}

static const char *
get_chosen_option (ChorusDraftPane *self)
{
  ChorusDraft *answer;

  if (self->project == NULL || self->question == NULL)
    return NULL;

  answer = chorus_project_get_answer (self->project, get_question_id (self));
  return answer != NULL ? chorus_draft_get_option_id (answer) : NULL;
}

static void
chorus_draft_pane_update_status (ChorusDraftPane *self)
{
  ChorusDraftStatus status = CHORUS_DRAFT_STATUS_NOT_STARTED;

  if (self->project != NULL && self->question != NULL)
    status = chorus_project_get_answer_status (self->project, get_question_id (self));

  self->updating = TRUE;
  adw_combo_row_set_selected (self->status_row, status);
  self->updating = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->status_row),
                            self->project != NULL && self->question != NULL);
}

static void
chorus_draft_pane_update_chosen (ChorusDraftPane *self)
{
  const char *chosen = get_chosen_option (self);

  self->updating = TRUE;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->options_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      const char *option_id = g_object_get_data (G_OBJECT (check), OPTION_ID_KEY);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strcmp0 (option_id, chosen) == 0);
    }

  self->updating = FALSE;
}

static void
chorus_draft_pane_option_toggled_cb (ChorusDraftPane *self,
                                     GtkCheckButton  *check)
{
  const char *option_id = g_object_get_data (G_OBJECT (check), OPTION_ID_KEY);

  /* Only the button turned on speaks; the one turned off by the group says nothing. */
  if (self->updating || !gtk_check_button_get_active (check))
    return;

  if (self->project == NULL || self->question == NULL)
    return;

  if (g_strcmp0 (option_id, get_chosen_option (self)) == 0)
    return;

  chorus_project_set_answer_option (self->project, get_question_id (self), option_id);
}

static GtkWidget *
create_option_row (ChorusDraftPane *self,
                   const char      *option_id,
                   const char      *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), OPTION_ID_KEY, g_strdup (option_id), g_free);

  if (self->no_option_check != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->no_option_check);
  else
    self->no_option_check = GTK_CHECK_BUTTON (check);

  g_signal_connect_object (check, "toggled",
                           G_CALLBACK (chorus_draft_pane_option_toggled_cb),
                           self, G_CONNECT_SWAPPED);

  /* Option labels come from the consultation document, not Pango markup: an "&" must show. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  /* Option labels can be long ("Option 3 – 4 PCTs (North, South, Southend and Thurrock)"):
   * wrap them in the narrow pane instead of cutting them off. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);

  return row;
}

/* A single-choice question has a handful of options, so plain rows are fine here. */
static void
chorus_draft_pane_rebuild_options (ChorusDraftPane *self)
{
  guint n_options = self->question != NULL ? chorus_question_get_n_options (self->question) : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->options_list))) != NULL)
    gtk_list_box_remove (self->options_list, child);
  self->no_option_check = NULL;

  if (n_options > 0)
    {
      gtk_list_box_append (self->options_list,
                           create_option_row (self, NULL, _("No option chosen")));

      for (guint i = 0; i < n_options; i++)
        gtk_list_box_append (self->options_list,
                             create_option_row (self,
                                                chorus_question_get_option_id (self->question, i),
                                                chorus_question_get_option_label (self->question, i)));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->options_group), n_options > 0);
  chorus_draft_pane_update_chosen (self);
}

static void
chorus_draft_pane_status_selected_cb (ChorusDraftPane *self,
                                      GParamSpec      *pspec,
                                      AdwComboRow     *row)
{
  guint status = adw_combo_row_get_selected (row);

  if (self->updating || self->project == NULL || self->question == NULL)
    return;

  if (status >= CHORUS_N_DRAFT_STATUSES ||
      status == chorus_project_get_answer_status (self->project, get_question_id (self)))
    return;

  chorus_project_set_answer_status (self->project, get_question_id (self), status);
}

/* The status list's rows: the outline's status icon beside the status's name. Built in code
 * because the row turns the item's nick into a ChorusDraftStatus, which a
 * GtkBuilderListItemFactory cannot do without a closure. */
static void
chorus_draft_pane_setup_status_cb (GtkSignalListItemFactory *factory,
                                   GtkListItem              *list_item,
                                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = chorus_status_icon_new ();
  GtkWidget *label = gtk_label_new (NULL);

  /* The label says it; the icon would only repeat it to a screen reader. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (list_item, box);
}

static void
chorus_draft_pane_bind_status_cb (GtkSignalListItemFactory *factory,
                                  GtkListItem              *list_item,
                                  gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  GtkStringObject *nick = gtk_list_item_get_item (list_item);
  ChorusDraftStatus status = CHORUS_DRAFT_STATUS_NOT_STARTED;

  /* The item, not the position: the combo row shows its chosen item through the factory too,
   * in a list item whose position means nothing. */
  if (!chorus_draft_status_from_string (gtk_string_object_get_string (nick), &status))
    g_return_if_reached ();

  chorus_status_icon_set_status (CHORUS_STATUS_ICON (icon), status);
  gtk_label_set_label (GTK_LABEL (label), chorus_draft_status_get_label (status));
}

static void
chorus_draft_pane_project_changed_cb (ChorusDraftPane *self,
                                      ChorusProject   *project)
{
  chorus_draft_pane_update_status (self);
  chorus_draft_pane_update_chosen (self);
}

GtkWidget *
chorus_draft_pane_new (void)
{
  return g_object_new (CHORUS_TYPE_DRAFT_PANE, NULL);
}

ChorusProject *
chorus_draft_pane_get_project (ChorusDraftPane *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_PANE (self), NULL);

  return self->project;
}

void
chorus_draft_pane_set_project (ChorusDraftPane *self,
                               ChorusProject   *project)
{
  g_return_if_fail (CHORUS_IS_DRAFT_PANE (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  /* A question belongs to one project's consultation; this also commits pending typing. */
  chorus_draft_pane_set_question (self, NULL);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_object (project, "changed",
                             G_CALLBACK (chorus_draft_pane_project_changed_cb),
                             self, G_CONNECT_SWAPPED);

  chorus_draft_text_set_project (self->answer_text, project);
  chorus_partner_responses_set_project (self->partner_responses, project);
  chorus_draft_pane_update_status (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

ChorusQuestion *
chorus_draft_pane_get_question (ChorusDraftPane *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_PANE (self), NULL);

  return self->question;
}

void
chorus_draft_pane_set_question (ChorusDraftPane *self,
                                ChorusQuestion  *question)
{
  g_return_if_fail (CHORUS_IS_DRAFT_PANE (self));
  g_return_if_fail (question == NULL || CHORUS_IS_QUESTION (question));

  if (self->question == question)
    return;

  /* What was typed for the last question goes to the last question. */
  chorus_draft_pane_commit (self);

  g_set_object (&self->question, question);

  chorus_draft_text_set_target (self->answer_text, CHORUS_DRAFT_KIND_ANSWER,
                                get_question_id (self), NULL);
  chorus_partner_responses_set_target_id (self->partner_responses, get_question_id (self));
  chorus_draft_pane_update_status (self);
  chorus_draft_pane_rebuild_options (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

gboolean
chorus_draft_pane_commit (ChorusDraftPane *self)
{
  gboolean changed;

  g_return_val_if_fail (CHORUS_IS_DRAFT_PANE (self), FALSE);

  changed = chorus_draft_text_commit (self->answer_text);
  changed |= chorus_partner_responses_commit (self->partner_responses);

  return changed;
}

static void
chorus_draft_pane_dispose (GObject *object)
{
  ChorusDraftPane *self = (ChorusDraftPane *)object;
  GtkWidget *child;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  self->no_option_check = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_DRAFT_PANE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->question);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_draft_pane_parent_class)->dispose (object);
}

static void
chorus_draft_pane_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChorusDraftPane *self = CHORUS_DRAFT_PANE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_draft_pane_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChorusDraftPane *self = CHORUS_DRAFT_PANE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      chorus_draft_pane_set_project (self, g_value_get_object (value));
      break;

    case PROP_QUESTION:
      chorus_draft_pane_set_question (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_draft_pane_class_init (ChorusDraftPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_draft_pane_dispose;
  object_class->get_property = chorus_draft_pane_get_property;
  object_class->set_property = chorus_draft_pane_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, CHORUS_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHORUS_TYPE_DRAFT_TEXT);
  g_type_ensure (CHORUS_TYPE_PARTNER_RESPONSES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-draft-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, status_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, options_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, options_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, answer_text);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftPane, partner_responses);
  gtk_widget_class_bind_template_callback (widget_class, chorus_draft_pane_status_selected_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-draft-pane");
}

static void
chorus_draft_pane_init (ChorusDraftPane *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The statuses' nicks, in ChorusDraftStatus order: the selected position is the status. */
  for (guint status = 0; status < CHORUS_N_DRAFT_STATUSES; status++)
    gtk_string_list_append (statuses, chorus_draft_status_to_string (status));

  g_signal_connect (factory, "setup", G_CALLBACK (chorus_draft_pane_setup_status_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (chorus_draft_pane_bind_status_cb), NULL);
  adw_combo_row_set_factory (self->status_row, factory);

  self->updating = TRUE;
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->updating = FALSE;

  chorus_draft_pane_update_status (self);
  chorus_draft_pane_rebuild_options (self);
}
