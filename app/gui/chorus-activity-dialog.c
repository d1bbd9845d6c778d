/* chorus-activity-dialog.c — add an engagement activity, or edit one
 *
 * One row of the submission's "Summary of consultation activities" table: kind, title, dates,
 * who was involved and how many. Confirming makes one undo step; cancelling changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-activity-dialog-private.h"

G_DEFINE_FINAL_TYPE (ChorusActivityDialog, chorus_activity_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
chorus_activity_dialog_get_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
chorus_activity_dialog_get_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
chorus_activity_dialog_title_changed_cb (ChorusActivityDialog *self)
{
  g_autofree char *title = chorus_activity_dialog_get_entry_text (self->title_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "activity.apply", *title != '\0');
}

static void
chorus_activity_dialog_fill (ChorusActivityDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (ChorusActivityKind kind = CHORUS_ACTIVITY_KIND_BRIEFING;
       kind <= CHORUS_ACTIVITY_KIND_OTHER;
       kind++)
    gtk_string_list_append (kinds, chorus_activity_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  if (self->activity == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Activity"));
      adw_window_title_set_title (self->window_title, _("New Activity"));
      gtk_button_set_label (self->apply_button, _("_Add"));
    }
  else
    {
      const char *dates = chorus_activity_get_dates (self->activity);
      const char *involved = chorus_activity_get_involved (self->activity);
      const char *number = chorus_activity_get_number_involved (self->activity);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Activity"));
      adw_window_title_set_title (self->window_title, _("Edit Activity"));
      gtk_button_set_label (self->apply_button, _("_Save"));
      adw_combo_row_set_selected (self->kind_row, chorus_activity_get_kind (self->activity));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             chorus_activity_get_title (self->activity));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->dates_view),
                                dates ? dates : "", -1);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->involved_view),
                                involved ? involved : "", -1);
      gtk_editable_set_text (GTK_EDITABLE (self->number_row), number ? number : "");
    }

  chorus_activity_dialog_title_changed_cb (self);
}

static void
chorus_activity_dialog_apply_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  ChorusActivityDialog *self = CHORUS_ACTIVITY_DIALOG (widget);
  ChorusActivityKind kind = adw_combo_row_get_selected (self->kind_row);
  g_autofree char *title = chorus_activity_dialog_get_entry_text (self->title_row);
  g_autofree char *dates = chorus_activity_dialog_get_view_text (self->dates_view);
  g_autofree char *involved = chorus_activity_dialog_get_view_text (self->involved_view);
  g_autofree char *number = chorus_activity_dialog_get_entry_text (self->number_row);

  if (*title == '\0')
    return;

  if (kind > CHORUS_ACTIVITY_KIND_OTHER)
    kind = CHORUS_ACTIVITY_KIND_OTHER;

  if (self->activity == NULL)
    {
      chorus_project_begin_group (self->project, _("Add activity"));
      self->activity = g_object_ref (chorus_project_add_activity (self->project, kind, title));
    }
  else
    {
      chorus_project_begin_group (self->project, _("Edit activity"));
      chorus_project_set_activity_kind (self->project, self->activity, kind);
      chorus_project_set_activity_title (self->project, self->activity, title);
    }

  /* An unset field is NULL, which an empty one must not overwrite as an edit. */
  if (g_strcmp0 (dates, chorus_activity_get_dates (self->activity) ?: "") != 0)
    chorus_project_set_activity_dates (self->project, self->activity, dates);
  if (g_strcmp0 (involved, chorus_activity_get_involved (self->activity) ?: "") != 0)
    chorus_project_set_activity_involved (self->project, self->activity, involved);
  if (g_strcmp0 (number, chorus_activity_get_number_involved (self->activity) ?: "") != 0)
    chorus_project_set_activity_number_involved (self->project, self->activity, number);

  chorus_project_end_group (self->project);

  g_signal_emit (self, signals[SIGNAL_APPLIED], 0, self->activity);
  gtk_window_close (GTK_WINDOW (self));
}

ChorusActivityDialog *
chorus_activity_dialog_new (ChorusProject  *project,
                            ChorusActivity *activity)
{
  ChorusActivityDialog *self;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (activity == NULL || CHORUS_IS_ACTIVITY (activity), NULL);

  self = g_object_new (CHORUS_TYPE_ACTIVITY_DIALOG, NULL);
  self->project = g_object_ref (project);
  self->activity = activity ? g_object_ref (activity) : NULL;
  chorus_activity_dialog_fill (self);

  return self;
}

ChorusActivity *
chorus_activity_dialog_get_activity (ChorusActivityDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_ACTIVITY_DIALOG (self), NULL);

  return self->activity;
}

static void
chorus_activity_dialog_dispose (GObject *object)
{
  ChorusActivityDialog *self = (ChorusActivityDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_ACTIVITY_DIALOG);

  g_clear_object (&self->activity);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_activity_dialog_parent_class)->dispose (object);
}

static void
chorus_activity_dialog_class_init (ChorusActivityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_activity_dialog_dispose;

  signals[SIGNAL_APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CHORUS_TYPE_ACTIVITY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-activity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusActivityDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusActivityDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusActivityDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusActivityDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusActivityDialog, dates_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusActivityDialog, involved_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusActivityDialog, number_row);
  gtk_widget_class_bind_template_callback (widget_class, chorus_activity_dialog_title_changed_cb);

  gtk_widget_class_install_action (widget_class, "activity.apply", NULL,
                                   chorus_activity_dialog_apply_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "activity.apply", NULL);
}

static void
chorus_activity_dialog_init (ChorusActivityDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
