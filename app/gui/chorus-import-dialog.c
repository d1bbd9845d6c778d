/* chorus-import-dialog.c — the assistant that imports a survey's CSV export
 *
 * Three pages, as the core prepares an import in two steps: the file (its encoding and first
 * rows), the mapping (each column to a question, and the group and activity the answers come
 * from) and a summary of what the import will do. The summary is not a guess: the import is
 * rehearsed on a copy of the project in a worker thread, so the counts are the core's own.
 * Import then applies it to the real project as one undo step, on the main thread because the
 * model and the views bound to it live there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-gui-util.h"
#include "chorus-import-dialog-private.h"
#include "chorus-resources.h"

/* The core refuses larger files; checking first spares reading them into memory. */
#define MAX_FILE_SIZE (256 * 1024 * 1024)
/* Enough rows to recognise the columns; the preview is not the place to read the survey. */
#define PREVIEW_ROWS 50
/* Cells past the last column listed on the summary; the report counts the rest. */
#define MAX_UNASSIGNED_SHOWN 50

G_DEFINE_FINAL_TYPE (ChorusImportDialog, chorus_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The encodings offered when the file is not UTF-8: those survey tools and spreadsheets
 * write in Europe. The core's guess, Windows-1252, comes first. */
static const struct {
  const char *iconv_name;
  const char *label;
} encodings[] = {
  { "WINDOWS-1252", N_("Windows-1252 (Western European)") },
  { "ISO-8859-15", N_("ISO 8859-15 (Western European)") },
  { "WINDOWS-1250", N_("Windows-1250 (Central European)") },
  { "MACINTOSH", N_("Mac OS Roman") },
};

static void chorus_import_dialog_update_actions    (ChorusImportDialog *self);
static void chorus_import_dialog_update_duplicates (ChorusImportDialog *self);

static void
report_free (ChorusImportReport *report)
{
  chorus_import_report_clear (report);
  g_free (report);
}

static void
show_page (ChorusImportDialog *self,
           const char         *page)
{
  gboolean early = g_str_equal (page, "loading") || g_str_equal (page, "error") ||
                   g_str_equal (page, "preview");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->cancel_button, early);
  gtk_widget_set_visible (self->back_button, !early);
  gtk_widget_set_visible (self->import_button, g_str_equal (page, "summary"));
  gtk_widget_set_visible (self->next_button,
                          g_str_equal (page, "preview") || g_str_equal (page, "mapping"));
  chorus_import_dialog_update_actions (self);
}

const char *
_chorus_import_dialog_get_page (ChorusImportDialog *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
_chorus_import_dialog_is_busy (ChorusImportDialog *self)
{
  const char *page = _chorus_import_dialog_get_page (self);

  return g_str_equal (page, "loading") ||
         (g_str_equal (page, "summary") &&
          g_str_equal (gtk_stack_get_visible_child_name (self->summary_stack), "running"));
}

static gboolean
any_column_answers_a_question (ChorusImportDialog *self)
{
  if (self->import == NULL)
    return FALSE;

  for (guint i = 0; i < chorus_csv_import_get_n_columns (self->import); i++)
    if (chorus_csv_import_get_column_role (self->import, i) == CHORUS_CSV_COLUMN_QUESTION)
      return TRUE;

  return FALSE;
}

static void
chorus_import_dialog_update_actions (ChorusImportDialog *self)
{
  const char *page = _chorus_import_dialog_get_page (self);
  gboolean busy = _chorus_import_dialog_is_busy (self);
  gboolean can_next = FALSE;

  if (g_str_equal (page, "preview"))
    /* Ragged rows are imported only when the user has said so. */
    can_next = chorus_csv_import_get_n_ragged_rows (self->import) == 0 ||
               gtk_check_button_get_active (self->accept_ragged_check);
  else if (g_str_equal (page, "mapping"))
    can_next = any_column_answers_a_question (self) &&
               chorus_import_target_read (&self->target, self->project, self->group_row,
                                          GTK_EDITABLE (self->new_group_row), self->activity_row,
                                          GTK_EDITABLE (self->new_activity_row), self->kind_row);

  else if (g_str_equal (page, "summary"))
    /* Ctrl+Return carries on to the end: on the last page, "next" is Import. */
    can_next = !busy && self->rehearsal != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next", can_next);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back",
                                 !busy && (g_str_equal (page, "mapping") ||
                                           g_str_equal (page, "summary")));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.import",
                                 !busy && g_str_equal (page, "summary") && self->rehearsal != NULL);
}

/* Reading ------------------------------------------------------------------------------- */

typedef struct
{
  GFile *file;
  char  *encoding;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data->encoding);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length = 0;
  ChorusCsvImport *import;

  info = g_file_query_info (data->file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  if (info == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  display_name = g_strdup (g_file_info_get_display_name (info));
  if (g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_TOO_LARGE,
                               _("%s is larger than 256 MB, too large to be a survey export"),
                               display_name);
      return;
    }

  if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->encoding != NULL)
    {
      g_autofree char *converted = g_convert (contents, length, "UTF-8", data->encoding,
                                              NULL, &length, &error);

      if (converted == NULL)
        {
          g_task_return_new_error (task, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                                   _("%s cannot be read as %s: %s"), display_name,
                                   data->encoding, error->message);
          return;
        }
      g_free (contents);
      contents = g_steal_pointer (&converted);
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  import = chorus_csv_import_new_from_bytes (bytes, display_name, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, g_object_unref);
}

static char *
first_line (const char *text,
            guint       max_chars)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  const char *end = strchr (stripped, '\n');
  g_autofree char *line = end ? g_strndup (stripped, end - stripped) : g_strdup (stripped);

  if (g_utf8_strlen (line, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, max_chars);

      return g_strconcat (cut, "…", NULL);
    }
  if (end != NULL)
    return g_strconcat (line, " …", NULL);

  return g_steal_pointer (&line);
}

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_list_item_set_child (list_item, label);
}

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 ChorusImportDialog       *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  guint row = gtk_list_item_get_position (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  if (self->import == NULL || row >= chorus_csv_import_get_n_rows (self->import))
    return;

  text = first_line (chorus_csv_import_get_cell (self->import, row, column), 120);
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), *text != '\0' ? text : NULL);
}

static void
line_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ChorusImportDialog       *self)
{
  GtkStringObject *line = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));

  gtk_label_set_label (label, gtk_string_object_get_string (line));
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (label), "numeric");
}

static GtkColumnViewColumn *
preview_column_new (ChorusImportDialog *self,
                    const char         *title,
                    GCallback           bind,
                    guint               column)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (preview_setup_cb), NULL);
  g_signal_connect_object (factory, "bind", bind, self, 0);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (view_column, TRUE);

  return view_column;
}

static void
fill_preview (ChorusImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkColumnViewColumn) line_column = NULL;
  guint n_rows = MIN (chorus_csv_import_get_n_rows (self->import), PREVIEW_ROWS);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }

  /* The file's line, so that a row can be found in a spreadsheet or matched to an error. */
  line_column = preview_column_new (self, _("Line"), G_CALLBACK (line_bind_cb), 0);
  gtk_column_view_append_column (self->preview_view, line_column);

  for (guint i = 0; i < chorus_csv_import_get_n_columns (self->import); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autofree char *title = first_line (chorus_csv_import_get_header (self->import, i), 40);

      column = preview_column_new (self, title, G_CALLBACK (preview_bind_cb), i);
      gtk_column_view_column_set_fixed_width (column, 200);
      gtk_column_view_append_column (self->preview_view, column);
    }

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *line = g_strdup_printf ("%u", chorus_csv_import_get_row_line (self->import,
                                                                                     row));

      gtk_string_list_append (lines, line);
    }

  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&lines)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (selection));
}

static void
fill_file_rows (ChorusImportDialog *self)
{
  guint n_rows = chorus_csv_import_get_n_rows (self->import);
  guint n_columns = chorus_csv_import_get_n_columns (self->import);
  guint n_ragged = chorus_csv_import_get_n_ragged_rows (self->import);
  const char *encoding = chorus_csv_import_get_encoding (self->import);
  g_autofree char *rows = g_strdup_printf (ngettext ("%u row", "%u rows", n_rows), n_rows);
  g_autofree char *columns = g_strdup_printf (ngettext ("%u column", "%u columns", n_columns),
                                              n_columns);
  g_autofree char *summary = NULL;

  /* Translators: "10 rows, 12 columns" */
  summary = g_strdup_printf (_("%s, %s"), rows, columns);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row),
                                 chorus_csv_import_get_display_name (self->import));
  adw_action_row_set_subtitle (self->file_row, summary);
  adw_window_title_set_subtitle (self->window_title,
                                 chorus_csv_import_get_display_name (self->import));

  /* Only a file that is not UTF-8 needs a choice: UTF-8 and UTF-16 are unambiguous, while
   * any 8-bit encoding reads a Windows-1252 file without error, just with wrong letters. */
  gtk_widget_set_visible (GTK_WIDGET (self->encoding_row),
                          self->forced_encoding != NULL ||
                          g_strcmp0 (encoding, "Windows-1252") == 0);

  gtk_widget_set_visible (self->ragged_box, n_ragged > 0);
  if (n_ragged > 0)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (ngettext ("%u row has a different number of cells than the "
                                        "header, the first on line %u. Check that the file is "
                                        "the survey tool’s export and not edited by hand.",
                                        "%u rows have a different number of cells than the "
                                        "header, the first on line %u. Check that the file is "
                                        "the survey tool’s export and not edited by hand.",
                                        n_ragged),
                              n_ragged, chorus_csv_import_get_first_ragged_line (self->import));
      gtk_label_set_label (self->ragged_label, text);
    }
}

static void
column_selected_cb (AdwComboRow        *row,
                    GParamSpec         *pspec,
                    ChorusImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  guint selected = adw_combo_row_get_selected (row);
  ChorusConsultation *consultation = chorus_project_get_consultation (self->project);
  GListModel *questions;

  switch (selected)
    {
    case CHORUS_IMPORT_COLUMN_CHOICE_IGNORE:
      chorus_csv_import_set_column_role (self->import, column, CHORUS_CSV_COLUMN_IGNORE);
      break;

    case CHORUS_IMPORT_COLUMN_CHOICE_AUTHOR:
      chorus_csv_import_set_column_role (self->import, column, CHORUS_CSV_COLUMN_AUTHOR);
      break;

    case CHORUS_IMPORT_COLUMN_CHOICE_RESPONDENT_ID:
      chorus_csv_import_set_column_role (self->import, column, CHORUS_CSV_COLUMN_RESPONDENT_ID);
      break;

    default:
      questions = chorus_consultation_get_questions (consultation);
      if (selected - CHORUS_IMPORT_COLUMN_N_CHOICES < g_list_model_get_n_items (questions))
        {
          g_autoptr(ChorusQuestion) question =
            g_list_model_get_item (questions, selected - CHORUS_IMPORT_COLUMN_N_CHOICES);

          chorus_csv_import_set_column_question (self->import, column,
                                                 chorus_question_get_id (question));
        }
      break;
    }

  chorus_import_dialog_update_duplicates (self);
  chorus_import_dialog_update_actions (self);
}

static guint
column_choice (ChorusImportDialog *self,
               guint               column)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (self->project);
  const char *question_id = chorus_csv_import_get_column_question (self->import, column);
  int index;

  switch (chorus_csv_import_get_column_role (self->import, column))
    {
    case CHORUS_CSV_COLUMN_AUTHOR:
      return CHORUS_IMPORT_COLUMN_CHOICE_AUTHOR;

    case CHORUS_CSV_COLUMN_RESPONDENT_ID:
      return CHORUS_IMPORT_COLUMN_CHOICE_RESPONDENT_ID;

    case CHORUS_CSV_COLUMN_QUESTION:
      index = chorus_consultation_get_question_index (consultation, question_id);
      return index >= 0 ? CHORUS_IMPORT_COLUMN_N_CHOICES + (guint) index
                        : CHORUS_IMPORT_COLUMN_CHOICE_IGNORE;

    case CHORUS_CSV_COLUMN_IGNORE:
    default:
      return CHORUS_IMPORT_COLUMN_CHOICE_IGNORE;
    }
}

static char *
column_subtitle (ChorusImportDialog *self,
                 guint               column)
{
  const char *how = NULL;
  g_autofree char *sample = NULL;

  for (guint row = 0; row < chorus_csv_import_get_n_rows (self->import) && sample == NULL; row++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (chorus_csv_import_get_cell (self->import, row,
                                                                               column)));

      if (*cell != '\0')
        sample = first_line (cell, 80);
    }

  switch (chorus_csv_import_get_column_match (self->import, column))
    {
    case CHORUS_IMPORT_MATCH_NUMBER:
      how = _("matched by its number");
      break;
    case CHORUS_IMPORT_MATCH_TEXT:
      how = _("matched by its words");
      break;
    case CHORUS_IMPORT_MATCH_COLUMN:
      how = _("recognised by its name");
      break;
    case CHORUS_IMPORT_MATCH_NONE:
      how = chorus_csv_import_get_column_role (self->import, column) == CHORUS_CSV_COLUMN_IGNORE
              ? _("no question found") : NULL;
      break;
    case CHORUS_IMPORT_MATCH_HEADING:
    case CHORUS_IMPORT_MATCH_USER:
    default:
      break;
    }

  if (sample == NULL)
    sample = g_strdup (_("All cells empty"));

  if (how == NULL)
    return g_steal_pointer (&sample);

  /* Translators: a column's first answer, then how it was matched to a question */
  return g_strdup_printf (_("%s — %s"), sample, how);
}

/* One row per column. A survey has tens of columns (the core refuses more than 4,096), so a
 * boxed list of combo rows, the GNOME idiom for one choice per setting, is light enough; the
 * thousands of rows live in the preview's GtkColumnView. */
static void
fill_columns (ChorusImportDialog *self)
{
  g_autoptr(GtkExpression) expression = chorus_import_string_expression ();
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list))) != NULL)
    gtk_list_box_remove (self->columns_list, child);
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint i = 0; i < chorus_csv_import_get_n_columns (self->import); i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *title = first_line (chorus_csv_import_get_header (self->import, i), 120);
      g_autofree char *subtitle = column_subtitle (self, i);

      /* Headers and answers are the survey's text, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      adw_combo_row_set_expression (row, expression);
      adw_combo_row_set_model (row, G_LIST_MODEL (self->question_labels));
      adw_combo_row_set_selected (row, column_choice (self, i));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_selected_cb), self, 0);

      gtk_list_box_append (self->columns_list, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ChorusImportDialog *self = CHORUS_IMPORT_DIALOG (source);
  g_autoptr(ChorusCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  import = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (import == NULL)
    {
      /* Translators: %s is what went wrong, with the file and line */
      description = g_strdup_printf (_("%s\n\nNothing was imported. Export the survey again "
                                       "from the survey tool, or correct the line named here "
                                       "in a text editor, then import it again."),
                                     error->message);
      chorus_status_page_set_description_text (self->error_page, description);
      show_page (self, "error");
      return;
    }

  g_set_object (&self->import, import);
  chorus_csv_import_guess_mapping (import, chorus_project_get_consultation (self->project));

  fill_file_rows (self);
  fill_preview (self);
  fill_columns (self);
  gtk_check_button_set_active (self->accept_ragged_check, FALSE);
  chorus_import_dialog_update_duplicates (self);
  show_page (self, "preview");
}

static void
chorus_import_dialog_load (ChorusImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *loading = NULL;
  LoadData *data = g_new0 (LoadData, 1);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Translators: %s is a file name */
  loading = g_strdup_printf (_("Reading “%s”…"), basename);
  gtk_label_set_label (self->loading_label, loading);
  adw_window_title_set_subtitle (self->window_title, basename);
  show_page (self, "loading");

  data->file = g_object_ref (self->file);
  data->encoding = g_strdup (self->forced_encoding);
  task = g_task_new (self, self->cancellable, load_cb, NULL);
  g_task_set_source_tag (task, chorus_import_dialog_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

static void
encoding_selected_cb (ChorusImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);
  const char *chosen;

  if (selected >= G_N_ELEMENTS (encodings) || self->import == NULL)
    return;

  /* The core's own detection is the first entry. */
  chosen = selected == 0 ? NULL : encodings[selected].iconv_name;
  if (g_strcmp0 (chosen, self->forced_encoding) == 0)
    return;

  g_free (self->forced_encoding);
  self->forced_encoding = g_strdup (chosen);
  chorus_import_dialog_load (self);
}

static void
accept_ragged_cb (ChorusImportDialog *self)
{
  if (self->import != NULL)
    chorus_csv_import_set_accept_ragged (self->import,
                                         gtk_check_button_get_active (self->accept_ragged_check));
  chorus_import_dialog_update_actions (self);
}

/* Mapping ------------------------------------------------------------------------------- */

static void
chorus_import_dialog_update_duplicates (ChorusImportDialog *self)
{
  ChorusGroup *group = NULL;
  ChorusActivity *activity = NULL;
  g_autofree char *subtitle = NULL;

  self->n_duplicates = 0;

  /* A new group or activity has no items yet, so nothing can be a duplicate. */
  if (self->import != NULL &&
      chorus_import_target_read (&self->target, self->project, self->group_row,
                                 GTK_EDITABLE (self->new_group_row), self->activity_row,
                                 GTK_EDITABLE (self->new_activity_row), self->kind_row) &&
      self->target.group_id != NULL && self->target.activity_id != NULL)
    {
      group = chorus_project_find_group (self->project, self->target.group_id);
      activity = chorus_project_find_activity (self->project, self->target.activity_id);
      self->n_duplicates = chorus_csv_import_count_duplicates (self->import, self->project,
                                                               group, activity);
    }

  /* Offered only when the core sees a re-import, and then on by default: importing the same
   * export twice is the likely mistake. */
  if (self->n_duplicates > 0 && !gtk_widget_get_visible (GTK_WIDGET (self->duplicates_row)))
    gtk_switch_set_active (self->duplicates_switch, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_row), self->n_duplicates > 0);

  subtitle = g_strdup_printf (ngettext ("%u answer is already in the project with this group "
                                        "and activity",
                                        "%u answers are already in the project with this group "
                                        "and activity",
                                        self->n_duplicates),
                              self->n_duplicates);
  adw_action_row_set_subtitle (self->duplicates_row, subtitle);
}

static void
target_changed_cb (ChorusImportDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->new_group_row),
                          chorus_import_target_row_is_new (self->group_row));
  gtk_widget_set_visible (GTK_WIDGET (self->new_activity_row),
                          chorus_import_target_row_is_new (self->activity_row));
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row),
                          chorus_import_target_row_is_new (self->activity_row));
  chorus_import_dialog_update_duplicates (self);
  chorus_import_dialog_update_actions (self);
}

/* Rehearsal ----------------------------------------------------------------------------- */

typedef struct
{
  GBytes             *project_bytes;
  ChorusCsvImport    *import;
  ChorusImportTarget  target;
  gboolean            skip_duplicates;
} RehearsalData;

static void
rehearsal_data_free (RehearsalData *data)
{
  g_clear_pointer (&data->project_bytes, g_bytes_unref);
  g_clear_object (&data->import);
  chorus_import_target_clear (&data->target);
  g_free (data);
}

static void
rehearse_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  RehearsalData *data = task_data;
  g_autoptr(ChorusProject) copy = NULL;
  g_autoptr(GError) error = NULL;
  ChorusImportReport *report;
  ChorusGroup *group;
  ChorusActivity *activity;

  copy = chorus_project_load_bytes (data->project_bytes, NULL, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  chorus_import_target_resolve (&data->target, copy, &group, &activity);
  report = g_new0 (ChorusImportReport, 1);
  chorus_import_report_init (report);
  if (!chorus_csv_import_apply (data->import, copy, group, activity, data->skip_duplicates,
                                report, &error))
    {
      report_free (report);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The items belong to the copy, which goes with this thread. */
  g_ptr_array_set_size (report->items, 0);
  g_task_return_pointer (task, report, (GDestroyNotify) report_free);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
fill_summary (ChorusImportDialog *self)
{
  ChorusImportReport *report = self->rehearsal;
  g_autofree char *title = NULL;
  const char *group_name = self->target.new_group_name;
  const char *activity_title = self->target.new_activity_title;
  GtkWidget *child;

  if (self->target.group_id != NULL)
    group_name = chorus_group_get_name (chorus_project_find_group (self->project,
                                                                   self->target.group_id));
  if (self->target.activity_id != NULL)
    {
      ChorusActivity *activity = chorus_project_find_activity (self->project,
                                                               self->target.activity_id);

      activity_title = chorus_activity_get_title (activity);
    }

  /* Translators: "26 items will be added to Staff, Online staff survey" */
  title = g_strdup_printf (ngettext ("%u item will be added to %s, %s",
                                     "%u items will be added to %s, %s",
                                     report->n_created),
                           report->n_created, group_name, activity_title);
  gtk_label_set_label (self->summary_title, title);

  set_count (self->rows_read_label, report->n_read);
  set_count (self->created_label, report->n_created);
  set_count (self->empty_label, report->n_skipped_empty);
  set_count (self->unmapped_label, report->n_skipped_unmapped);
  set_count (self->duplicates_label, report->n_skipped_duplicate);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unassigned_list))) != NULL)
    gtk_list_box_remove (self->unassigned_list, child);

  for (guint i = 0; i < report->unassigned->len && i < MAX_UNASSIGNED_SHOWN; i++)
    {
      ChorusImportLine *line = g_ptr_array_index (report->unassigned, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *text = first_line (line->text, 120);

      /* Translators: where a cell is, then why it was not imported */
      subtitle = g_strdup_printf (_("Line %u — %s"), line->line, line->reason);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->unassigned_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unassigned_group), report->unassigned->len > 0);
}

static void
rehearse_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ChorusImportDialog *self = CHORUS_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  ChorusImportReport *report;

  report = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (report == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, chorus_toast_new_text (error->message));
      show_page (self, "mapping");
      return;
    }

  g_clear_pointer (&self->rehearsal, report_free);
  self->rehearsal = report;
  fill_summary (self);
  gtk_stack_set_visible_child_name (self->summary_stack, "done");
  chorus_import_dialog_update_actions (self);
}

static void
chorus_import_dialog_rehearse (ChorusImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  RehearsalData *data = g_new0 (RehearsalData, 1);

  g_clear_pointer (&self->rehearsal, report_free);
  gtk_stack_set_visible_child_name (self->summary_stack, "running");
  show_page (self, "summary");

  /* The copy is made here, where the project lives; reading it back and importing into it
   * happen in the worker, away from the window. */
  data->project_bytes = chorus_project_to_bytes (self->project);
  data->import = g_object_ref (self->import);
  chorus_import_target_copy (&data->target, &self->target);
  data->skip_duplicates = gtk_widget_get_visible (GTK_WIDGET (self->duplicates_row)) &&
                          gtk_switch_get_active (self->duplicates_switch);

  task = g_task_new (self, self->cancellable, rehearse_cb, NULL);
  g_task_set_source_tag (task, chorus_import_dialog_rehearse);
  g_task_set_task_data (task, data, (GDestroyNotify) rehearsal_data_free);
  g_task_run_in_thread (task, rehearse_thread);
}

/* Actions ------------------------------------------------------------------------------- */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusImportDialog *self = CHORUS_IMPORT_DIALOG (widget);
  const char *page = _chorus_import_dialog_get_page (self);

  if (g_str_equal (page, "summary"))
    show_page (self, "mapping");
  else if (g_str_equal (page, "mapping"))
    show_page (self, "preview");
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ChorusImportDialog *self = CHORUS_IMPORT_DIALOG (widget);
  const char *page = _chorus_import_dialog_get_page (self);

  if (g_str_equal (page, "preview"))
    {
      show_page (self, "mapping");
      chorus_import_dialog_update_duplicates (self);
    }
  else if (g_str_equal (page, "mapping"))
    {
      chorus_import_dialog_rehearse (self);
    }
  else if (g_str_equal (page, "summary"))
    {
      gtk_widget_activate_action (widget, "assistant.import", NULL);
    }
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ChorusImportDialog *self = CHORUS_IMPORT_DIALOG (widget);
  g_auto(ChorusImportReport) report = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  ChorusGroup *group;
  ChorusActivity *activity;
  gboolean skip_duplicates;
  gboolean applied;

  skip_duplicates = gtk_widget_get_visible (GTK_WIDGET (self->duplicates_row)) &&
                    gtk_switch_get_active (self->duplicates_switch);

  /* A new group or activity and the items are one step: undo takes the import away whole. */
  label = g_strdup_printf (_("Import “%s”"), chorus_csv_import_get_display_name (self->import));
  chorus_import_report_init (&report);
  chorus_project_begin_group (self->project, label);
  chorus_import_target_resolve (&self->target, self->project, &group, &activity);
  applied = chorus_csv_import_apply (self->import, self->project, group, activity,
                                     skip_duplicates, &report, &error);
  chorus_project_end_group (self->project);

  if (!applied)
    {
      /* The group and activity were made before the import failed: take them back too. */
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

/* GObject ------------------------------------------------------------------------------- */

ChorusImportDialog *
chorus_import_dialog_new (GtkWindow     *parent,
                          ChorusProject *project,
                          GFile         *file)
{
  ChorusImportDialog *self;
  g_autoptr(GtkStringList) labels = NULL;
  static const char *first_labels[] = {
    N_("Ignore"),
    N_("Author (personal data)"),
    N_("Respondent ID"),
    NULL
  };
  const char *translated[G_N_ELEMENTS (first_labels)] = { NULL };

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CHORUS_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->file = g_object_ref (file);

  for (guint i = 0; first_labels[i] != NULL; i++)
    translated[i] = _(first_labels[i]);
  self->question_labels =
    chorus_import_question_labels (chorus_project_get_consultation (project), translated);

  chorus_import_target_setup_rows (project, self->group_row, self->activity_row, self->kind_row,
                                   CHORUS_ACTIVITY_KIND_ONLINE_SURVEY);
  target_changed_cb (self);
  chorus_import_dialog_load (self);

  return self;
}

ChorusProject *
chorus_import_dialog_get_project (ChorusImportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_IMPORT_DIALOG (self), NULL);

  return self->project;
}

GFile *
chorus_import_dialog_get_file (ChorusImportDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_IMPORT_DIALOG (self), NULL);

  return self->file;
}

static void
chorus_import_dialog_dispose (GObject *object)
{
  ChorusImportDialog *self = CHORUS_IMPORT_DIALOG (object);

  /* A worker still running finds the dialog gone and returns without touching it. */
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (chorus_import_dialog_parent_class)->dispose (object);
}

static void
chorus_import_dialog_finalize (GObject *object)
{
  ChorusImportDialog *self = CHORUS_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->project);
  g_clear_object (&self->question_labels);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rehearsal, report_free);
  g_clear_pointer (&self->forced_encoding, g_free);
  chorus_import_target_clear (&self->target);

  G_OBJECT_CLASS (chorus_import_dialog_parent_class)->finalize (object);
}

static void
chorus_import_dialog_class_init (ChorusImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_import_dialog_dispose;
  object_class->finalize = chorus_import_dialog_finalize;

  /**
   * ChorusImportDialog::imported:
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
                                               "/io/github/chorus_app/Chorus/ui/chorus-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, loading_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, ragged_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, ragged_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, accept_ragged_check);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, new_group_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, activity_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, new_activity_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, duplicates_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, summary_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, summary_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, rows_read_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, created_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, empty_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, unmapped_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, duplicates_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, unassigned_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusImportDialog, unassigned_list);
  gtk_widget_class_bind_template_callback (widget_class, encoding_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, accept_ragged_cb);
  gtk_widget_class_bind_template_callback (widget_class, target_changed_cb);

  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.import", NULL, import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "assistant.next", NULL);
}

static void
chorus_import_dialog_init (ChorusImportDialog *self)
{
  g_autoptr(GtkStringList) encoding_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) expression = chorus_import_string_expression ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->column_rows = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    gtk_string_list_append (encoding_labels, _(encodings[i].label));
  adw_combo_row_set_expression (self->encoding_row, expression);
  adw_combo_row_set_model (self->encoding_row, G_LIST_MODEL (encoding_labels));
}
