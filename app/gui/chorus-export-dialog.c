/* chorus-export-dialog.c — export the response as PDF, XML or CSV, in the background
 *
 * The dialog offers what ChorusExportOptions offers, then asks where to save. The export
 * runs in a worker thread on a copy of the project: the window keeps editing the original,
 * and libchorus's model is not safe to read from one thread while another changes it. The
 * copy is the project serialised on this thread (chorus_project_to_bytes(), a fraction of a
 * second even at 100,000 items) and parsed again in the worker.
 *
 * The core writes atomically (a temporary file beside the target, renamed over it at the
 * end), so a failed or cancelled export leaves no partial file behind, and an earlier file
 * of the same name stays as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-export-dialog-private.h"
#include "chorus-gui-util.h"
#include "chorus-resources.h"

/* How often the progress bar follows the worker. */
#define PROGRESS_INTERVAL_MS 100
#define PROGRESS_SCALE       1000000

G_DEFINE_ENUM_TYPE (ChorusExportFormat, chorus_export_format,
                    G_DEFINE_ENUM_VALUE (CHORUS_EXPORT_FORMAT_PDF, "pdf"),
                    G_DEFINE_ENUM_VALUE (CHORUS_EXPORT_FORMAT_XML, "xml"),
                    G_DEFINE_ENUM_VALUE (CHORUS_EXPORT_FORMAT_CSV, "csv"))

G_DEFINE_FINAL_TYPE (ChorusExportDialog, chorus_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_FORMAT,
  PROP_EXPORTING,
  N_PROPS
};

enum {
  SIGNAL_EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* What the worker thread needs, and nothing it shares with the window. */
typedef struct
{
  GBytes              *snapshot;
  GFile               *file;
  char                *path;
  ChorusExportFormat   format;
  ChorusExportOptions  options;
  gint                *progress;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->snapshot, g_bytes_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->path, g_free);
  g_free (job);
}

static const char *
format_extension (ChorusExportFormat format)
{
  switch (format)
    {
    case CHORUS_EXPORT_FORMAT_XML:
      return ".xml";
    case CHORUS_EXPORT_FORMAT_CSV:
      return ".csv";
    case CHORUS_EXPORT_FORMAT_PDF:
    default:
      return ".pdf";
    }
}

static void
chorus_export_dialog_update_actions (ChorusExportDialog *self)
{
  gboolean exporting = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file",
                                 !exporting && self->file_chooser == NULL);
}

static void
chorus_export_dialog_show_error (ChorusExportDialog *self,
                                 const char         *heading,
                                 const char         *body)
{
  AdwMessageDialog *dialog;

  if (self->error_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->error_dialog));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  /* The body carries the file name and the system's reason: plain text, never markup. */
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  self->error_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->error_dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The worker thread ---------------------------------------------------------- */

static void
export_progress_cb (double   fraction,
                    gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (job->progress, (gint) (CLAMP (fraction, 0.0, 1.0) * PROGRESS_SCALE));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean exported = FALSE;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Only a bug could make the copy fail to load: it was written a moment ago. */
  project = chorus_project_load_bytes (job->snapshot, NULL, &error);
  if (project == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->options.cancellable = cancellable;
  job->options.progress = export_progress_cb;
  job->options.progress_data = job;

  switch (job->format)
    {
    case CHORUS_EXPORT_FORMAT_PDF:
      exported = chorus_export_pdf (project, job->path, &job->options, &error);
      break;

    case CHORUS_EXPORT_FORMAT_XML:
      exported = chorus_export_xml (project, job->path, &job->options, &error);
      break;

    case CHORUS_EXPORT_FORMAT_CSV:
      exported = chorus_export_csv (project, job->path, &job->options, &error);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!exported)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Back on the main thread ------------------------------------------------------- */

static gboolean
chorus_export_dialog_progress_cb (gpointer user_data)
{
  ChorusExportDialog *self = user_data;
  gint progress = g_atomic_int_get (&self->progress);

  /* XML and CSV report no progress, and the PDF none while the copy loads. */
  if (progress == 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, (double) progress / PROGRESS_SCALE);

  return G_SOURCE_CONTINUE;
}

static void
chorus_export_dialog_export_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  g_autoptr(ChorusExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean exported;

  exported = g_task_propagate_boolean (G_TASK (result), &error);

  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);
  g_clear_object (&self->cancellable);

  if (self->disposed)
    return;

  chorus_export_dialog_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);

  if (exported)
    {
      /* The file is complete even when the user closed the dialog just too late to stop it:
       * say so, so that the window can offer to open it. */
      g_signal_emit (self, signals[SIGNAL_EXPORTED], 0, job->file);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "options");

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *body = NULL;

      /* Translators: the first %s is the reason, e.g. "Could not export to “response.pdf”:
       * No space left on device" */
      body = g_strdup_printf (_("%s\n\nNothing was saved. Check that the folder exists, that "
                                "you may write to it and that the disk has space, or choose "
                                "another folder, and export again."),
                              error->message);
      chorus_export_dialog_show_error (self, _("Could Not Export the Response"), body);
    }
}

void
chorus_export_dialog_export_to (ChorusExportDialog *self,
                                GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *description = NULL;
  ExportJob *job;

  g_return_if_fail (CHORUS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  display_name = g_file_get_parse_name (file);

  job = g_new0 (ExportJob, 1);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      g_autofree char *body = NULL;

      export_job_free (job);
      body = g_strdup_printf (_("“%s” is not a folder on this computer. Export to a local "
                                "folder, then copy the file there."), display_name);
      chorus_export_dialog_show_error (self, _("Could Not Export the Response"), body);
      return;
    }

  job->file = g_object_ref (file);
  job->format = self->format;
  job->snapshot = chorus_project_to_bytes (self->project);
  job->progress = &self->progress;
  chorus_export_dialog_get_options (self, &job->options);

  self->cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->progress, 0);

  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *display_basename = g_filename_display_name (basename);

    /* Translators: %s is the name of the file being written, without its folder */
    description = g_strdup_printf (_("Saving “%s”"), display_basename);
  }
  chorus_status_page_set_description_text (self->progress_page, description);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  self->progress_timeout_id = g_timeout_add (PROGRESS_INTERVAL_MS,
                                             chorus_export_dialog_progress_cb, self);
  chorus_export_dialog_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);

  /* The dialog is not the task's source object: the worker thread may drop the task's last
   * reference, and a widget must be finalised on the main thread. The callback holds this
   * reference instead, so closing the dialog mid-export is safe. */
  task = g_task_new (NULL, self->cancellable, chorus_export_dialog_export_cb,
                     g_object_ref (self));
  g_task_set_source_tag (task, chorus_export_dialog_export_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

void
chorus_export_dialog_cancel (ChorusExportDialog *self)
{
  g_return_if_fail (CHORUS_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
chorus_export_dialog_get_exporting (ChorusExportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_EXPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

/* Choosing the file ------------------------------------------------------------- */

char *
chorus_export_dialog_dup_default_name (ChorusExportDialog *self)
{
  const char *organisation;
  g_autofree char *stem = NULL;

  g_return_val_if_fail (CHORUS_IS_EXPORT_DIALOG (self), NULL);

  organisation = chorus_project_get_organisation (self->project);
  if (organisation != NULL && organisation[0] != '\0')
    {
      /* Translators: the name an export is offered under, without extension: "NHS Trafford
       * response" */
      stem = g_strdup_printf (_("%s response"), organisation);
      /* An organisation "A/B" must not send the file into a folder "A". */
      g_strdelimit (stem, G_DIR_SEPARATOR_S, '-');
      g_strstrip (stem);
    }
  else
    {
      stem = g_strdup (_("Response"));
    }

  return g_strconcat (stem, format_extension (self->format), NULL);
}

static GtkFileFilter *
format_filter (ChorusExportFormat format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  switch (format)
    {
    case CHORUS_EXPORT_FORMAT_XML:
      gtk_file_filter_set_name (filter, _("XML Documents"));
      gtk_file_filter_add_mime_type (filter, "application/xml");
      gtk_file_filter_add_suffix (filter, "xml");
      break;

    case CHORUS_EXPORT_FORMAT_CSV:
      gtk_file_filter_set_name (filter, _("CSV Spreadsheets"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
      break;

    case CHORUS_EXPORT_FORMAT_PDF:
    default:
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      break;
    }

  return filter;
}

static void
chorus_export_dialog_file_chooser_response_cb (ChorusExportDialog   *self,
                                               int                   response,
                                               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->file_chooser);
  chorus_export_dialog_update_actions (self);

  if (file != NULL)
    chorus_export_dialog_export_to (self, file);
}

static void
chorus_export_dialog_choose_file_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  ChorusExportDialog *self = CHORUS_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = format_filter (self->format);
  g_autofree char *name = chorus_export_dialog_dup_default_name (self);
  GFile *project_file = chorus_project_get_file (self->project);

  self->file_chooser = gtk_file_chooser_native_new (_("Export Response"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Export"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), name);

  /* Beside the project, where its earlier exports most likely are. */
  if (project_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (project_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->file_chooser), folder, NULL);
    }

  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (chorus_export_dialog_file_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  chorus_export_dialog_update_actions (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
chorus_export_dialog_cancel_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  ChorusExportDialog *self = CHORUS_EXPORT_DIALOG (widget);

  /* While exporting, Cancel stops the export and keeps the dialog, so that the user can
   * change an option and export again; otherwise it closes the dialog. */
  if (self->cancellable != NULL)
    chorus_export_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static gboolean
chorus_export_dialog_close_request (GtkWindow *window)
{
  ChorusExportDialog *self = CHORUS_EXPORT_DIALOG (window);

  if (self->cancellable == NULL)
    return GTK_WINDOW_CLASS (chorus_export_dialog_parent_class)->close_request (window);

  /* Out of the way at once; destroyed when the worker has stopped and cleaned up. */
  self->close_when_done = TRUE;
  chorus_export_dialog_cancel (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  return TRUE;
}

/* Options ----------------------------------------------------------------------- */

static void
chorus_export_dialog_format_toggled_cb (ChorusExportDialog *self,
                                        GtkCheckButton     *button)
{
  if (!gtk_check_button_get_active (button))
    return;

  if (button == self->xml_check)
    chorus_export_dialog_set_format (self, CHORUS_EXPORT_FORMAT_XML);
  else if (button == self->csv_check)
    chorus_export_dialog_set_format (self, CHORUS_EXPORT_FORMAT_CSV);
  else
    chorus_export_dialog_set_format (self, CHORUS_EXPORT_FORMAT_PDF);
}

ChorusExportFormat
chorus_export_dialog_get_format (ChorusExportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_EXPORT_DIALOG (self), CHORUS_EXPORT_FORMAT_PDF);

  return self->format;
}

void
chorus_export_dialog_set_format (ChorusExportDialog *self,
                                 ChorusExportFormat  format)
{
  GtkCheckButton *check;

  g_return_if_fail (CHORUS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= CHORUS_EXPORT_FORMAT_CSV);

  switch (format)
    {
    case CHORUS_EXPORT_FORMAT_XML:
      check = self->xml_check;
      break;
    case CHORUS_EXPORT_FORMAT_CSV:
      check = self->csv_check;
      break;
    case CHORUS_EXPORT_FORMAT_PDF:
    default:
      check = self->pdf_check;
      break;
    }

  /* Only the options a format uses are shown. */
  gtk_widget_set_visible (GTK_WIDGET (self->pages_group), format == CHORUS_EXPORT_FORMAT_PDF);
  gtk_widget_set_visible (GTK_WIDGET (self->input_row), format == CHORUS_EXPORT_FORMAT_XML);

  if (!gtk_check_button_get_active (check))
    gtk_check_button_set_active (check, TRUE);

  if (self->format == format)
    return;

  self->format = format;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

void
chorus_export_dialog_get_options (ChorusExportDialog  *self,
                                  ChorusExportOptions *options)
{
  g_return_if_fail (CHORUS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  chorus_export_options_init (options);
  options->paper_size = adw_combo_row_get_selected (self->paper_row) == 1
                        ? CHORUS_PAPER_SIZE_LETTER : CHORUS_PAPER_SIZE_A4;
  options->include_input_tables = gtk_switch_get_active (self->tables_switch);
  options->include_charts = gtk_switch_get_active (self->charts_switch);
  options->include_input = gtk_switch_get_active (self->input_switch);
  options->include_unpublished = gtk_switch_get_active (self->unpublished_switch);
  options->redact_authors = gtk_switch_get_active (self->redact_switch);
}

ChorusProject *
chorus_export_dialog_get_project (ChorusExportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_EXPORT_DIALOG (self), NULL);

  return self->project;
}

/* Opening the result ------------------------------------------------------------- */

static void
chorus_export_dialog_open_file_cb (GObject      *object,
                                   GAsyncResult *result,
                                   gpointer      user_data)
{
  g_autoptr(GtkWindow) parent = user_data;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Open the File"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nThe file was exported; open it from the Files "
                                    "app instead."),
                                  error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
chorus_export_dialog_open_file (GtkWindow *parent,
                                GFile     *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  /* GtkFileLauncher is GTK 4.10; this goes through the OpenURI portal when there is one. */
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL,
                     chorus_export_dialog_open_file_cb, g_object_ref (parent));
}

/* GObject ------------------------------------------------------------------------ */

ChorusExportDialog *
chorus_export_dialog_new (GtkWindow          *parent,
                          ChorusProject      *project,
                          ChorusExportFormat  format)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);

  return g_object_new (CHORUS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "project", project,
                       "format", format,
                       NULL);
}

static void
chorus_export_dialog_dispose (GObject *object)
{
  ChorusExportDialog *self = (ChorusExportDialog *)object;

  /* The worker finishes on its own; its callback sees this and touches nothing. */
  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
      g_clear_object (&self->file_chooser);
    }

  g_clear_handle_id (&self->progress_timeout_id, g_source_remove);

  if (self->error_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->error_dialog),
                                    (gpointer *) &self->error_dialog);
      self->error_dialog = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_export_dialog_parent_class)->dispose (object);
}

static void
chorus_export_dialog_finalize (GObject *object)
{
  ChorusExportDialog *self = (ChorusExportDialog *)object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (chorus_export_dialog_parent_class)->finalize (object);
}

static void
chorus_export_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChorusExportDialog *self = CHORUS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;

    case PROP_EXPORTING:
      g_value_set_boolean (value, chorus_export_dialog_get_exporting (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_export_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChorusExportDialog *self = CHORUS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    case PROP_FORMAT:
      chorus_export_dialog_set_format (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_export_dialog_class_init (ChorusExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = chorus_export_dialog_dispose;
  object_class->finalize = chorus_export_dialog_finalize;
  object_class->get_property = chorus_export_dialog_get_property;
  object_class->set_property = chorus_export_dialog_set_property;

  window_class->close_request = chorus_export_dialog_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL,
                       CHORUS_TYPE_EXPORT_FORMAT, CHORUS_EXPORT_FORMAT_PDF,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ChorusExportDialog::exported:
   * @file: the exported file, complete on disk
   */
  signals[SIGNAL_EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  /* The resources live in a static library; naming them keeps the linker from dropping them
   * from a program (a test) that uses this dialog but not the window. */
  (void) chorus_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, pdf_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, xml_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, pages_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, tables_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, charts_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, input_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, input_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, unpublished_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, redact_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusExportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, chorus_export_dialog_format_toggled_cb);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL,
                                   chorus_export_dialog_choose_file_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL,
                                   chorus_export_dialog_cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "export.choose-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "export.cancel", NULL);
}

static void
chorus_export_dialog_init (ChorusExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The template checks no format; "format" is set at construction and checks one. */
  chorus_export_dialog_set_format (self, CHORUS_EXPORT_FORMAT_PDF);
}
