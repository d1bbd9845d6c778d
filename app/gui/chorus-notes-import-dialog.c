/* chorus-notes-import-dialog.c — the assistant that imports a focus group's notes
 *
 * One page, since notes need little setting up: the session the notes come from (a group and
 * an activity), the pieces the core could not place, each with a dropdown to place it, and a
 * preview of what goes under each question, redrawn as pieces are placed. Import adds it all,
 * with any new group and activity, as one undo step; what is still unplaced stays in the
 * report's unassigned lines, never lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-gui-util.h"
#include "chorus-notes-import-dialog-private.h"
#include "chorus-resources.h"

/* The first entry of a piece's dropdown; the consultation's questions follow. */
#define KEEP_UNASSIGNED 0

G_DEFINE_FINAL_TYPE (ChorusNotesImportDialog, chorus_notes_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
_chorus_notes_import_dialog_get_page (ChorusNotesImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
show_page (ChorusNotesImportDialog *self,
           const char              *page)
{
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->import_button, g_str_equal (page, "notes"));
}

static void
update_actions (ChorusNotesImportDialog *self)
{
  gboolean ready = self->import != NULL &&
                   g_str_equal (_chorus_notes_import_dialog_get_page (self), "notes") &&
                   chorus_import_target_read (&self->target, self->project, self->group_row,
                                              GTK_EDITABLE (self->new_group_row),
                                              self->activity_row,
                                              GTK_EDITABLE (self->new_activity_row),
                                              self->kind_row);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.import", ready);
}

static gboolean
block_is_placed_input (ChorusNotesImport *import,
                       guint              block)
{
  return chorus_notes_import_get_block_kind (import, block) == CHORUS_NOTES_BLOCK_INPUT &&
         chorus_notes_import_get_block_question (import, block) != NULL;
}

static GtkWidget *
text_row_new (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Notes are the facilitator's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 4);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

/* What goes where: for each question, in the consultation's order, its pieces. Notes run to
 * tens or hundreds of pieces, so rebuilding these rows when one is placed is cheap. */
static void
fill_preview (ChorusNotesImportDialog *self)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (self->project);
  GListModel *questions = chorus_consultation_get_questions (consultation);
  guint n_blocks = chorus_notes_import_get_n_blocks (self->import);
  g_autofree char *placed = NULL;
  guint n_placed = 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_box))) != NULL)
    gtk_box_remove (self->preview_box, child);

  for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
      const char *question_id = chorus_question_get_id (question);
      GtkWidget *list = NULL;

      for (guint b = 0; b < n_blocks; b++)
        {
          g_autofree char *line = NULL;

          if (!block_is_placed_input (self->import, b) ||
              g_strcmp0 (chorus_notes_import_get_block_question (self->import, b),
                         question_id) != 0)
            continue;

          if (list == NULL)
            {
              /* The whole question here: there is room, unlike in a dropdown. */
              g_autofree char *heading_text = NULL;
              GtkWidget *heading;

              heading_text = g_strdup_printf ("%s %s", chorus_question_get_number (question),
                                              chorus_question_get_text (question));
              heading = gtk_label_new (heading_text);

              gtk_label_set_xalign (GTK_LABEL (heading), 0);
              gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
              gtk_widget_add_css_class (heading, "heading");
              gtk_widget_set_margin_top (heading, 6);
              gtk_box_append (self->preview_box, heading);

              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, heading_text, -1);
              gtk_box_append (self->preview_box, list);
            }

          /* Translators: where a piece of the notes starts */
          line = g_strdup_printf (_("Line %u"),
                                  chorus_notes_import_get_block_line (self->import, b));
          gtk_list_box_append (GTK_LIST_BOX (list),
                               text_row_new (chorus_notes_import_get_block_text (self->import, b),
                                             line));
          n_placed++;
        }
    }

  placed = g_strdup_printf (ngettext ("%u item will be added", "%u items will be added",
                                      n_placed),
                            n_placed);
  gtk_label_set_label (self->placed_label, placed);
}

static void
place_selected_cb (AdwComboRow             *row,
                   GParamSpec              *pspec,
                   ChorusNotesImportDialog *self)
{
  guint block = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "block"));
  guint selected = adw_combo_row_get_selected (row);
  ChorusConsultation *consultation = chorus_project_get_consultation (self->project);
  GListModel *questions = chorus_consultation_get_questions (consultation);
  g_autoptr(ChorusQuestion) question = NULL;

  if (selected != KEEP_UNASSIGNED && selected - 1 < g_list_model_get_n_items (questions))
    question = g_list_model_get_item (questions, selected - 1);

  chorus_notes_import_set_block_question (self->import, block,
                                          question ? chorus_question_get_id (question) : NULL);
  fill_preview (self);
}

/* The pieces to place: input under no question, and headings or labels that might be input.
 * Listed once, so a piece placed by mistake can be put back. */
static void
fill_unassigned (ChorusNotesImportDialog *self)
{
  g_autoptr(GtkExpression) expression = chorus_import_string_expression ();
  guint n_blocks = chorus_notes_import_get_n_blocks (self->import);

  for (guint b = 0; b < n_blocks; b++)
    {
      ChorusNotesBlockKind kind = chorus_notes_import_get_block_kind (self->import, b);
      AdwComboRow *row;
      g_autofree char *subtitle = NULL;

      if (kind == CHORUS_NOTES_BLOCK_QUESTION || block_is_placed_input (self->import, b))
        continue;

      subtitle = g_strdup_printf (kind == CHORUS_NOTES_BLOCK_OTHER
                                    /* Translators: where a heading or label of the notes is */
                                    ? _("Line %u — a heading or label; place it if it is input")
                                    /* Translators: where a piece of input is */
                                    : _("Line %u — under no question the notes name"),
                                  chorus_notes_import_get_block_line (self->import, b));
      row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     chorus_notes_import_get_block_text (self->import, b));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_expression (row, expression);
      adw_combo_row_set_model (row, G_LIST_MODEL (self->place_labels));
      adw_combo_row_set_selected (row, KEEP_UNASSIGNED);
      g_object_set_data (G_OBJECT (row), "block", GUINT_TO_POINTER (b));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (place_selected_cb), self, 0);
      gtk_list_box_append (self->unassigned_list, GTK_WIDGET (row));
      g_ptr_array_add (self->place_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->unassigned_group), self->place_rows->len > 0);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(ChorusNotesImportDialog) self = user_data;
  g_autoptr(ChorusNotesImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  import = chorus_notes_import_new_from_file_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_cancellable_is_cancelled (self->cancellable))
    return;

  if (import == NULL)
    {
      /* Translators: %s is what went wrong, with the file */
      description = g_strdup_printf (_("%s\n\nNothing was imported. Save the notes as plain "
                                       "text (.txt or .md) and import them again."),
                                     error->message);
      chorus_status_page_set_description_text (self->error_page, description);
      show_page (self, "error");
      update_actions (self);
      return;
    }

  self->import = g_steal_pointer (&import);
  chorus_notes_import_guess (self->import, chorus_project_get_consultation (self->project));
  fill_unassigned (self);
  fill_preview (self);
  show_page (self, "notes");
  update_actions (self);
}

static void
target_changed_cb (ChorusNotesImportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->new_group_row),
                          chorus_import_target_row_is_new (self->group_row));
  gtk_widget_set_visible (GTK_WIDGET (self->new_activity_row),
                          chorus_import_target_row_is_new (self->activity_row));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row),
                          chorus_import_target_row_is_new (self->activity_row));
  update_actions (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusNotesImportDialog *self = CHORUS_NOTES_IMPORT_DIALOG (widget);
  g_auto(ChorusImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  ChorusGroup *group;
  ChorusActivity *activity;
  gboolean applied;

  /* A new group or activity and the items are one step: undo takes the import away whole. */
  label = g_strdup_printf (_("Import “%s”"),
                           chorus_notes_import_get_display_name (self->import));
  chorus_import_report_init (&report);
  chorus_project_begin_group (self->project, label);
  chorus_import_target_resolve (&self->target, self->project, &group, &activity);
  applied = chorus_notes_import_apply (self->import, self->project, group, activity,
                                       gtk_switch_get_active (self->duplicates_switch),
                                       &report, &error);
  chorus_project_end_group (self->project);

  if (!applied)
    {
      if (chorus_project_can_undo (self->project) &&
          g_strcmp0 (chorus_project_get_undo_label (self->project), label) == 0)
        chorus_project_undo (self->project);

      adw_toast_overlay_add_toast (self->toast_overlay, chorus_toast_new_text (error->message));
      return;
    }

  text = chorus_import_report_format (&report);
  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, text);
  gtk_window_destroy (GTK_WINDOW (self));
}

ChorusNotesImportDialog *
chorus_notes_import_dialog_new (GtkWindow     *parent,
                                ChorusProject *project,
                                GFile         *file)
{
  ChorusNotesImportDialog *self;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *loading = NULL;
  const char *first_labels[] = { _("Keep Unassigned"), NULL };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CHORUS_TYPE_NOTES_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->file = g_object_ref (file);
  self->place_labels =
    chorus_import_question_labels (chorus_project_get_consultation (project), first_labels);

  chorus_import_target_setup_rows (project, self->group_row, self->activity_row, self->kind_row,
                                   CHORUS_ACTIVITY_KIND_FOCUS_GROUP);
  target_changed_cb (self);

  basename = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, basename);
  /* Translators: %s is a file name */
  loading = g_strdup_printf (_("Reading “%s”…"), basename);
  gtk_label_set_label (self->loading_label, loading);
  show_page (self, "loading");

  path = g_file_get_path (file);
  if (path == NULL)
    {
      chorus_status_page_set_description_text (self->error_page,
                                               _("Chorus reads notes from this computer only. Save "
                                                 "them to a folder here and import them from "
                                                 "there."));
      show_page (self, "error");
    }
  else
    {
      chorus_notes_import_new_from_file_async (path, self->cancellable, load_cb,
                                               g_object_ref (self));
    }

  update_actions (self);
  return self;
}

ChorusProject *
chorus_notes_import_dialog_get_project (ChorusNotesImportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT_DIALOG (self), NULL);

  return self->project;
}

GFile *
chorus_notes_import_dialog_get_file (ChorusNotesImportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT_DIALOG (self), NULL);

  return self->file;
}

static void
chorus_notes_import_dialog_dispose (GObject *object)
{
  ChorusNotesImportDialog *self = CHORUS_NOTES_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_NOTES_IMPORT_DIALOG);

  G_OBJECT_CLASS (chorus_notes_import_dialog_parent_class)->dispose (object);
}

static void
chorus_notes_import_dialog_finalize (GObject *object)
{
  ChorusNotesImportDialog *self = CHORUS_NOTES_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->project);
  g_clear_object (&self->place_labels);
  g_clear_pointer (&self->place_rows, g_ptr_array_unref);
  chorus_import_target_clear (&self->target);

  G_OBJECT_CLASS (chorus_notes_import_dialog_parent_class)->finalize (object);
}

static void
chorus_notes_import_dialog_class_init (ChorusNotesImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_notes_import_dialog_dispose;
  object_class->finalize = chorus_notes_import_dialog_finalize;

  /**
   * ChorusNotesImportDialog::imported:
   * @report: the import's report, as chorus_import_report_format() writes it
   *
   * The items are in the project, as one undo step.
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The resources live in a static library; naming them here keeps the linker from dropping
   * them from a program that uses the assistant without the window. */
  (void) chorus_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-notes-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, new_group_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, activity_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, new_activity_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, duplicates_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, unassigned_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, unassigned_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, placed_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusNotesImportDialog, preview_box);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);

  gtk_widget_class_install_action (widget_class, "assistant.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "assistant.import", NULL);
}

static void
chorus_notes_import_dialog_init (ChorusNotesImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->place_rows = g_ptr_array_new ();
}
