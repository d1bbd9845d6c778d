/* chorus-merge-dialog.c — the assistant that merges a colleague's copy of the project
 *
 * chorus_project_merge() changes the project at once, so the review page comes from a
 * rehearsal: the merge is run on a copy of our project, in a worker thread, and its report
 * shows what will be added and what both sides changed. The user chooses mine or theirs for
 * each conflict; Merge then runs the merge on the real project and takes theirs where asked,
 * all inside one undo step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-gui-util.h"
#include "chorus-merge-dialog-private.h"
#include "chorus-resources.h"

G_DEFINE_FINAL_TYPE (ChorusMergeDialog, chorus_merge_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char *
_chorus_merge_dialog_get_page (ChorusMergeDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static void
show_page (ChorusMergeDialog *self,
           const char        *page)
{
  gboolean review = g_str_equal (page, "review");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->merge_button, review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.merge", review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.keep-all-mine", review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.take-all-theirs", review);
}

static void
rehearsal_free (ChorusMergeRehearsal *rehearsal)
{
  chorus_merge_report_clear (&rehearsal->report);
  g_clear_object (&rehearsal->copy);
  g_clear_object (&rehearsal->theirs);
  g_free (rehearsal);
}

/* Rehearsal ------------------------------------------------------------------------------ */

typedef struct
{
  GFile  *file;
  GBytes *ours;
} RehearsalData;

static void
rehearsal_data_free (RehearsalData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->ours, g_bytes_unref);
  g_free (data);
}

static void
rehearse_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RehearsalData *data = task_data;
  g_autofree char *path = g_file_get_path (data->file);
  g_autoptr(GError) error = NULL;
  ChorusMergeRehearsal *rehearsal;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Chorus merges projects saved on this computer only. Save the "
                                 "file to a folder here and merge it from there."));
      return;
    }

  rehearsal = g_new0 (ChorusMergeRehearsal, 1);
  chorus_merge_report_init (&rehearsal->report);
  rehearsal->theirs = chorus_project_load_file (path, &error);
  if (rehearsal->theirs != NULL)
    rehearsal->copy = chorus_project_load_bytes (data->ours, NULL, &error);

  if (rehearsal->copy == NULL ||
      !chorus_project_merge (rehearsal->copy, rehearsal->theirs, &rehearsal->report, &error))
    {
      rehearsal_free (rehearsal);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, rehearsal, (GDestroyNotify) rehearsal_free);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
set_added_matched (GtkLabel *label,
                   guint     added,
                   guint     matched)
{
  /* Translators: "2 new, 3 already here", for themes, groups or activities */
  g_autofree char *text = g_strdup_printf (_("%u new, %u already here"), added, matched);

  gtk_label_set_label (label, text);
}

/* Where a draft or key points belong, in the user's words. */
static char *
target_title (ChorusProject *project,
              const char    *target_id)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  ChorusQuestion *question = chorus_consultation_find_question (consultation, target_id);
  ChorusSection *section;
  ChorusDocument *document;

  if (question != NULL)
    return g_strdup (chorus_question_get_number (question));
  if ((section = chorus_consultation_find_section (consultation, target_id)) != NULL)
    return g_strdup (chorus_section_get_title (section));
  if ((document = chorus_consultation_find_document (consultation, target_id)) != NULL)
    return g_strdup (chorus_document_get_title (document));

  return g_strdup (target_id);
}

static char *
conflict_title (ChorusMergeDialog   *self,
                ChorusMergeConflict *conflict)
{
  g_autofree char *target = NULL;
  ChorusGroup *group;

  switch (conflict->kind)
    {
    case CHORUS_MERGE_CONFLICT_ITEM:
      target = target_title (self->project,
                             chorus_item_get_question_id (CHORUS_ITEM (conflict->ours)));
      /* Translators: %s is a question number */
      return g_strdup_printf (_("Input under %s"), target);

    case CHORUS_MERGE_CONFLICT_ANSWER:
      target = target_title (self->project, conflict->target_id);
      /* Translators: %s is a question number */
      return g_strdup_printf (_("Answer to %s"), target);

    case CHORUS_MERGE_CONFLICT_KEY_POINTS:
      target = target_title (self->project, conflict->target_id);
      /* Translators: %s is a question number, or a section or document title */
      return g_strdup_printf (_("Key points for %s"), target);

    case CHORUS_MERGE_CONFLICT_PARTNER_RESPONSE:
    default:
      target = target_title (self->project, conflict->target_id);
      group = chorus_project_find_group (self->rehearsal->copy, conflict->group_id);
      /* Translators: a partner organisation's response; "Trafford Council on Q3" */
      return g_strdup_printf (_("%s on %s"), group ? chorus_group_get_name (group) : "", target);
    }
}

/* One side of a conflict as the user reads it: the text, and under it what else can differ
 * (the question, stance and author of input; the option chosen in an answer). */
static void
describe_side (ChorusMergeDialog  *self,
               GObject            *side,
               char              **text,
               char              **details)
{
  GString *more = g_string_new (NULL);

  if (CHORUS_IS_ITEM (side))
    {
      ChorusItem *item = CHORUS_ITEM (side);
      g_autofree char *question = target_title (self->project, chorus_item_get_question_id (item));

      *text = g_strdup (chorus_item_get_text (item));
      g_string_append (more, question);
      if (chorus_item_get_stance (item) != CHORUS_STANCE_UNSET)
        g_string_append_printf (more, " · %s",
                                chorus_stance_get_label (chorus_item_get_stance (item)));
      if (chorus_item_get_author (item) != NULL)
        g_string_append_printf (more, " · %s", chorus_item_get_author (item));
    }
  else
    {
      ChorusDraft *draft = CHORUS_DRAFT (side);
      const char *body = chorus_draft_get_text (draft);

      *text = g_strdup (body != NULL && *body != '\0' ? body : _("(empty)"));
      if (chorus_draft_get_option_id (draft) != NULL)
        /* Translators: the option chosen in an answer */
        g_string_append_printf (more, _("Option: %s"), chorus_draft_get_option_id (draft));
    }

  *details = g_string_free (more, FALSE);
}

static GtkWidget *
side_new (const char *caption,
          const char *text,
          const char *details)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (caption);
  GtkWidget *body = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_yalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);

  if (*details != '\0')
    {
      GtkWidget *more = gtk_label_new (details);

      gtk_label_set_xalign (GTK_LABEL (more), 0);
      gtk_label_set_wrap (GTK_LABEL (more), TRUE);
      gtk_widget_add_css_class (more, "caption");
      gtk_widget_add_css_class (more, "dim-label");
      gtk_box_append (GTK_BOX (box), more);
    }

  return box;
}

/* A card per conflict: both versions side by side, and mine or theirs. Conflicts are the
 * edits both sides made to the same thing, a handful, so plain widgets are fine. */
static GtkWidget *
conflict_card_new (ChorusMergeDialog   *self,
                   ChorusMergeConflict *conflict)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *choice = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *mine = gtk_toggle_button_new_with_mnemonic (_("Keep _Mine"));
  GtkWidget *theirs = gtk_toggle_button_new_with_mnemonic (_("Take _Theirs"));
  g_autofree char *title = conflict_title (self, conflict);
  g_autofree char *ours_text = NULL;
  g_autofree char *ours_details = NULL;
  g_autofree char *theirs_text = NULL;
  g_autofree char *theirs_details = NULL;
  GtkWidget *heading = gtk_label_new (title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "merge-conflict");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (card), heading);

  describe_side (self, conflict->ours, &ours_text, &ours_details);
  describe_side (self, conflict->theirs, &theirs_text, &theirs_details);
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), side_new (_("Yours"), ours_text, ours_details));
  gtk_box_append (GTK_BOX (sides), side_new (_("Theirs"), theirs_text, theirs_details));
  gtk_box_append (GTK_BOX (card), sides);

  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (mine), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  gtk_widget_add_css_class (choice, "linked");
  gtk_widget_set_halign (choice, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (choice), mine);
  gtk_box_append (GTK_BOX (choice), theirs);
  gtk_box_append (GTK_BOX (card), choice);

  g_ptr_array_add (self->take_theirs_buttons, theirs);

  return card;
}

static void
fill_review (ChorusMergeDialog *self)
{
  ChorusMergeReport *report = &self->rehearsal->report;
  g_autofree char *title = NULL;
  GtkWidget *child;

  if (report->n_items_added == 0 && report->n_items_updated == 0 && report->n_drafts_filled == 0 &&
      report->n_themes_added == 0 && report->n_groups_added == 0 && report->n_activities_added == 0)
    title = g_strdup (_("Nothing new in this copy"));
  else
    /* Translators: the headline of a merge */
    title = g_strdup_printf (ngettext ("%u new item from %s", "%u new items from %s",
                                       report->n_items_added),
                             report->n_items_added, report->display_name);
  gtk_label_set_label (self->summary_title, title);

  set_count (self->items_added_label, report->n_items_added);
  set_count (self->items_updated_label, report->n_items_updated);
  set_count (self->items_unchanged_label, report->n_items_unchanged);
  set_count (self->drafts_label, report->n_drafts_filled);
  set_added_matched (self->themes_label, report->n_themes_added, report->n_themes_matched);
  set_added_matched (self->groups_label, report->n_groups_added, report->n_groups_matched);
  set_added_matched (self->activities_label, report->n_activities_added,
                     report->n_activities_matched);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->messages_list))) != NULL)
    gtk_list_box_remove (self->messages_list, child);
  for (guint i = 0; report->messages != NULL && i < report->messages->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     g_ptr_array_index (report->messages, i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_append (self->messages_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->messages_group),
                          report->messages != NULL && report->messages->len > 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_box))) != NULL)
    gtk_box_remove (self->conflicts_box, child);
  g_ptr_array_set_size (self->take_theirs_buttons, 0);
  for (guint i = 0; i < report->conflicts->len; i++)
    gtk_box_append (self->conflicts_box,
                    conflict_card_new (self, g_ptr_array_index (report->conflicts, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group), report->conflicts->len > 0);
}

static void
rehearse_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ChorusMergeDialog *self = CHORUS_MERGE_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  ChorusMergeRehearsal *rehearsal;

  rehearsal = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (rehearsal == NULL)
    {
      if (g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_WRONG_KIND))
        /* Translators: %s says which consultations the two projects answer */
        description = g_strdup_printf (_("%s.\n\nNothing was merged. Ask your colleague for "
                                         "their copy of this response."),
                                       error->message);
      else
        /* Translators: %s is what went wrong, with the file */
        description = g_strdup_printf (_("%s\n\nNothing was merged. Ask your colleague to save "
                                         "their copy again and send it once more."),
                                       error->message);
      chorus_status_page_set_description_text (self->error_page, description);
      show_page (self, "error");
      return;
    }

  g_clear_pointer (&self->rehearsal, rehearsal_free);
  self->rehearsal = rehearsal;
  fill_review (self);
  show_page (self, "review");
}

/* Actions ------------------------------------------------------------------------------- */

static void
choose_all (ChorusMergeDialog *self,
            gboolean           theirs)
{
  for (guint i = 0; i < self->take_theirs_buttons->len; i++)
    {
      GtkToggleButton *take_theirs = g_ptr_array_index (self->take_theirs_buttons, i);
      GtkWidget *keep_mine = gtk_widget_get_prev_sibling (GTK_WIDGET (take_theirs));

      gtk_toggle_button_set_active (theirs ? take_theirs : GTK_TOGGLE_BUTTON (keep_mine), TRUE);
    }
}

static void
keep_all_mine_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_all (CHORUS_MERGE_DIALOG (widget), FALSE);
}

static void
take_all_theirs_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_all (CHORUS_MERGE_DIALOG (widget), TRUE);
}

static gboolean
same_conflict (const ChorusMergeConflict *a,
               const ChorusMergeConflict *b)
{
  return a->kind == b->kind && g_strcmp0 (a->target_id, b->target_id) == 0 &&
         g_strcmp0 (a->group_id, b->group_id) == 0;
}

/* Did the user choose theirs for this conflict of the real merge? The rehearsal found the
 * same conflicts on the copy; they are matched by what they are about. */
static gboolean
wants_theirs (ChorusMergeDialog         *self,
              const ChorusMergeConflict *conflict)
{
  GPtrArray *rehearsed = self->rehearsal->report.conflicts;

  for (guint i = 0; i < rehearsed->len && i < self->take_theirs_buttons->len; i++)
    if (same_conflict (g_ptr_array_index (rehearsed, i), conflict))
      return gtk_toggle_button_get_active (g_ptr_array_index (self->take_theirs_buttons, i));

  return FALSE;
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ChorusMergeDialog *self = CHORUS_MERGE_DIALOG (widget);
  g_auto(ChorusMergeReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;
  GPtrArray *conflicts;
  guint n_theirs = 0;
  gboolean merged;

  label = g_strdup_printf (_("Merge “%s”"), self->rehearsal->report.display_name);
  chorus_merge_report_init (&report);
  chorus_project_begin_group (self->project, label);
  merged = chorus_project_merge (self->project, self->rehearsal->theirs, &report, &error);
  for (guint i = 0; merged && i < report.conflicts->len; i++)
    {
      ChorusMergeConflict *conflict = g_ptr_array_index (report.conflicts, i);

      if (wants_theirs (self, conflict) &&
          chorus_project_merge_take_theirs (self->project, conflict))
        n_theirs++;
    }
  chorus_project_end_group (self->project);

  if (!merged)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, chorus_toast_new_text (error->message));
      return;
    }

  /* The core's report says ours were kept; here the user chose, so say what they chose. */
  conflicts = g_steal_pointer (&report.conflicts);
  summary = chorus_merge_report_format (&report);
  report.conflicts = conflicts;
  if (conflicts->len > 0)
    /* Translators: "3 conflicts: 1 kept as yours, 2 taken from theirs" */
    text = g_strdup_printf (ngettext ("%s%u conflict: %u kept as yours, %u taken from theirs\n",
                                      "%s%u conflicts: %u kept as yours, %u taken from theirs\n",
                                      conflicts->len),
                            summary, conflicts->len, conflicts->len - n_theirs, n_theirs);
  else
    text = g_steal_pointer (&summary);

  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, text);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject ------------------------------------------------------------------------------- */

ChorusMergeDialog *
chorus_merge_dialog_new (GtkWindow     *parent,
                         ChorusProject *project,
                         GFile         *file)
{
  ChorusMergeDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *loading = NULL;
  RehearsalData *data;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CHORUS_TYPE_MERGE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->file = g_object_ref (file);

  basename = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, basename);
  /* Translators: %s is a file name */
  loading = g_strdup_printf (_("Comparing “%s” with this project…"), basename);
  gtk_label_set_label (self->loading_label, loading);
  show_page (self, "loading");

  /* The copy is made here, where the project lives; everything else happens in the worker. */
  data = g_new0 (RehearsalData, 1);
  data->file = g_object_ref (file);
  data->ours = chorus_project_to_bytes (project);
  task = g_task_new (self, self->cancellable, rehearse_cb, NULL);
  g_task_set_source_tag (task, chorus_merge_dialog_new);
  g_task_set_task_data (task, data, (GDestroyNotify) rehearsal_data_free);
  g_task_run_in_thread (task, rehearse_thread);

  return self;
}

ChorusProject *
chorus_merge_dialog_get_project (ChorusMergeDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_MERGE_DIALOG (self), NULL);

  return self->project;
}

GFile *
chorus_merge_dialog_get_file (ChorusMergeDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_MERGE_DIALOG (self), NULL);

  return self->file;
}

static void
chorus_merge_dialog_dispose (GObject *object)
{
  ChorusMergeDialog *self = CHORUS_MERGE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_MERGE_DIALOG);

  G_OBJECT_CLASS (chorus_merge_dialog_parent_class)->dispose (object);
}

static void
chorus_merge_dialog_finalize (GObject *object)
{
  ChorusMergeDialog *self = CHORUS_MERGE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->project);
  g_clear_pointer (&self->rehearsal, rehearsal_free);
  g_clear_pointer (&self->take_theirs_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_merge_dialog_parent_class)->finalize (object);
}

static void
chorus_merge_dialog_class_init (ChorusMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_merge_dialog_dispose;
  object_class->finalize = chorus_merge_dialog_finalize;

  /**
   * ChorusMergeDialog::imported:
   * @report: what the merge did, as chorus_merge_report_format() writes it, with the user's
   *   choices for the conflicts
   *
   * The merge is in the project, as one undo step.
   */
  signals[SIGNAL_IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The resources live in a static library; naming them here keeps the linker from dropping
   * them from a program that uses the assistant without the window. */
  (void) chorus_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, merge_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, summary_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, items_added_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, items_updated_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, items_unchanged_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, themes_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, groups_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, activities_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, drafts_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, messages_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, messages_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusMergeDialog, conflicts_box);

  gtk_widget_class_install_action (widget_class, "assistant.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "assistant.keep-all-mine", NULL,
                                   keep_all_mine_action);
  gtk_widget_class_install_action (widget_class, "assistant.take-all-theirs", NULL,
                                   take_all_theirs_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "assistant.merge", NULL);
}

static void
chorus_merge_dialog_init (ChorusMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->take_theirs_buttons = g_ptr_array_new ();
}
