/* test-export-dialog.c — exporting through the export dialog, and printing, under Xvfb
 * (suite "gui")
 *
 * Every export goes through the dialog's own path (chorus_export_dialog_export_to() is what
 * the file chooser's "Export" button calls) and the files are checked from the outside, as
 * the department would read them: pdfinfo, xmllint against the schema, a strict CSV parse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "chorus-export-dialog-private.h"
#include "chorus-gui-test.h"
#include "chorus-print-operation.h"

#define A4_WIDTH      595.276
#define A4_HEIGHT     841.890
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

/* Helpers -------------------------------------------------------------------- */

static char *
source_path (const char *relative)
{
  return g_build_filename (g_getenv ("CHORUS_SOURCE_ROOT"), relative, NULL);
}

static ChorusProject *
load_example (void)
{
  g_autofree char *path = source_path ("resources/examples/trafford-staff-response.chorus");
  g_autoptr(GError) error = NULL;
  ChorusProject *project = chorus_project_load_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("chorus-export-dialog-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* The tool's full path, or NULL with the test skipped. */
static char *
find_tool (const char *name)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
    }

  return path;
}

/* Runs a tool, returning its standard output and setting @succeeded. */
static char *
run_tool (const char * const *argv,
          gboolean           *succeeded)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  *succeeded = g_spawn_check_wait_status (status, NULL);
  if (!*succeeded)
    g_test_message ("%s: %s", argv[0], err);

  return out;
}

static guint
pdf_page_count (const char *pdfinfo,
                const char *path)
{
  const char *argv[] = { pdfinfo, path, NULL };
  gboolean succeeded;
  g_autofree char *out = run_tool (argv, &succeeded);
  const char *pages;

  g_assert_true (succeeded);
  pages = strstr (out, "\nPages:");
  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static guint
layout_page_count (ChorusProject             *project,
                   const ChorusExportOptions *options,
                   double                     width,
                   double                     height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusPageLayout) layout = NULL;

  layout = chorus_export_layout_new (project, options, width, height, &error);
  g_assert_no_error (error);

  return chorus_page_layout_get_n_pages (layout);
}

static gboolean
file_starts_with (const char *path,
                  const char *prefix)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return length >= strlen (prefix) && memcmp (contents, prefix, strlen (prefix)) == 0;
}

static GtkWindow *
create_parent (void)
{
  GtkWindow *parent = GTK_WINDOW (adw_window_new ());

  g_object_ref (parent);
  gtk_window_set_default_size (parent, 800, 600);
  gtk_window_present (parent);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (parent));

  return parent;
}

static void
destroy_parent (GtkWindow *parent)
{
  gtk_window_destroy (parent);
  chorus_gui_test_flush ();
  g_assert_finalize_object (parent);
}

/* A dialog the test holds a reference to, so that it can check, once the dialog has closed
 * itself, that nothing else still does. */
static ChorusExportDialog *
create_dialog (GtkWindow          *parent,
               ChorusProject      *project,
               ChorusExportFormat  format)
{
  ChorusExportDialog *dialog = chorus_export_dialog_new (parent, project, format);

  g_object_ref (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (dialog));

  return dialog;
}

static void
exported_cb (ChorusExportDialog  *dialog,
             GFile               *file,
             GFile              **exported)
{
  g_assert_null (*exported);
  *exported = g_object_ref (file);
}

static void
wait_until_done (ChorusExportDialog *dialog)
{
  while (chorus_export_dialog_get_exporting (dialog))
    g_main_context_iteration (NULL, TRUE);
  chorus_gui_test_flush ();
}

/* Exports through the dialog and returns the file it announced, or NULL. */
static GFile *
export_with_dialog (ChorusExportDialog *dialog,
                    const char         *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GFile *exported = NULL;
  gulong handler;

  handler = g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  chorus_export_dialog_export_to (dialog, file);

  /* The window stays usable: the progress page shows while the worker writes. */
  g_assert_true (chorus_export_dialog_get_exporting (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "progress");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->export_button)));

  wait_until_done (dialog);
  g_clear_signal_handler (&handler, dialog);

  return exported;
}

/* Tests ---------------------------------------------------------------------- */

static void
test_options (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GtkWindow *parent = create_parent ();
  ChorusExportDialog *dialog = create_dialog (parent, project, CHORUS_EXPORT_FORMAT_XML);
  g_autofree char *name = NULL;
  ChorusExportOptions options;

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* XML: coded input on offer, the PDF's page options not. */
  g_assert_true (gtk_check_button_get_active (dialog->xml_check));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->pages_group)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->input_row)));

  /* Choosing PDF, as a click on its row does, switches the options shown and the name. */
  gtk_widget_activate (gtk_widget_get_ancestor (GTK_WIDGET (dialog->pdf_check),
                                                ADW_TYPE_ACTION_ROW));
  g_assert_cmpint (chorus_export_dialog_get_format (dialog), ==, CHORUS_EXPORT_FORMAT_PDF);
  g_assert_false (gtk_check_button_get_active (dialog->xml_check));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->pages_group)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->input_row)));

  name = chorus_export_dialog_dup_default_name (dialog);
  g_assert_true (g_str_has_prefix (name, chorus_project_get_organisation (project)));
  g_assert_true (g_str_has_suffix (name, " response.pdf"));
  g_clear_pointer (&name, g_free);

  chorus_export_dialog_set_format (dialog, CHORUS_EXPORT_FORMAT_CSV);
  g_assert_true (gtk_check_button_get_active (dialog->csv_check));
  name = chorus_export_dialog_dup_default_name (dialog);
  g_assert_true (g_str_has_suffix (name, " response.csv"));
  g_clear_pointer (&name, g_free);

  /* An organisation with a slash must not turn the name into a folder. */
  chorus_project_set_organisation (project, "Health/Care Partnership");
  name = chorus_export_dialog_dup_default_name (dialog);
  g_assert_null (strchr (name, G_DIR_SEPARATOR));

  /* The switches are the options the core gets; the defaults are the core's. */
  chorus_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.paper_size, ==, CHORUS_PAPER_SIZE_A4);
  g_assert_true (options.include_input_tables);
  g_assert_true (options.include_charts);
  g_assert_false (options.include_unpublished);
  g_assert_false (options.redact_authors);
  g_assert_false (options.include_input);

  adw_combo_row_set_selected (dialog->paper_row, 1);
  gtk_switch_set_active (dialog->tables_switch, FALSE);
  gtk_switch_set_active (dialog->charts_switch, FALSE);
  gtk_switch_set_active (dialog->unpublished_switch, TRUE);
  gtk_switch_set_active (dialog->redact_switch, TRUE);
  gtk_switch_set_active (dialog->input_switch, TRUE);
  chorus_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.paper_size, ==, CHORUS_PAPER_SIZE_LETTER);
  g_assert_false (options.include_input_tables);
  g_assert_false (options.include_charts);
  g_assert_true (options.include_unpublished);
  g_assert_true (options.redact_authors);
  g_assert_true (options.include_input);

  /* Escape closes an idle dialog. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);
  chorus_gui_test_flush ();
  g_assert_finalize_object (dialog);
  destroy_parent (parent);
}

static void
test_export_pdf (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *pdfinfo = find_tool ("pdfinfo");
  g_autofree char *pdftotext = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text_path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *organisation = NULL;
  g_autoptr(GFile) exported = NULL;
  GtkWindow *parent;
  ChorusExportDialog *dialog;
  ChorusExportOptions options;
  guint expected_pages;

  if (pdfinfo == NULL || (pdftotext = find_tool ("pdftotext")) == NULL)
    return;

  dir = make_temp_dir ();
  path = g_build_filename (dir, "response.pdf", NULL);
  text_path = g_build_filename (dir, "response.txt", NULL);
  organisation = g_strdup (chorus_project_get_organisation (project));

  parent = create_parent ();
  dialog = create_dialog (parent, project, CHORUS_EXPORT_FORMAT_PDF);
  chorus_export_dialog_get_options (dialog, &options);
  expected_pages = layout_page_count (project, &options, A4_WIDTH, A4_HEIGHT);

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);
    gulong handler = g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);

    chorus_export_dialog_export_to (dialog, file);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "progress");

    /* The window goes on editing while the worker exports the copy taken at the start. */
    chorus_project_set_organisation (project, "Renamed While Exporting");

    wait_until_done (dialog);
    g_signal_handler_disconnect (dialog, handler);
  }

  /* Done: announced, and the dialog closed itself. */
  g_assert_nonnull (exported);
  g_assert_cmpstr (g_file_peek_path (exported), ==, path);
  g_assert_finalize_object (dialog);

  g_assert_true (file_starts_with (path, "%PDF-"));
  g_assert_cmpuint (pdf_page_count (pdfinfo, path), ==, expected_pages);

  {
    const char *argv[] = { pdftotext, "-raw", path, text_path, NULL };
    gboolean succeeded;
    g_autofree char *out = run_tool (argv, &succeeded);

    g_assert_true (succeeded);
    g_assert_true (g_file_get_contents (text_path, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, organisation));
    g_assert_null (strstr (text, "Renamed While Exporting"));
  }

  /* Nothing but the PDF (and the text we made from it): no temporary file left over. */
  g_assert_cmpuint (count_files (dir), ==, 2);

  remove_dir (dir);
  destroy_parent (parent);
}

static void
test_export_xml (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *xmllint = find_tool ("xmllint");
  g_autofree char *schema = source_path ("resources/schemas/submission.rng");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) exported = NULL;
  GtkWindow *parent;
  ChorusExportDialog *dialog;

  if (xmllint == NULL)
    return;

  dir = make_temp_dir ();
  path = g_build_filename (dir, "response.xml", NULL);
  parent = create_parent ();
  dialog = create_dialog (parent, project, CHORUS_EXPORT_FORMAT_XML);

  /* With the coded input: the item list the schema checks too. */
  gtk_switch_set_active (dialog->input_switch, TRUE);
  exported = export_with_dialog (dialog, path);
  g_assert_nonnull (exported);
  g_assert_finalize_object (dialog);

  {
    const char *argv[] = { xmllint, "--noout", "--relaxng", schema, path, NULL };
    gboolean succeeded;
    g_autofree char *out = run_tool (argv, &succeeded);

    g_assert_true (succeeded);
  }

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<submission xmlns=\"" CHORUS_SUBMISSION_NAMESPACE "\""));
  g_assert_nonnull (strstr (contents, "<item "));

  remove_dir (dir);
  destroy_parent (parent);
}

/* Records in RFC 4180 CSV: line ends outside quotes. */
static guint
count_csv_records (const char *csv)
{
  gboolean quoted = FALSE;
  guint records = 0;

  for (const char *p = csv; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && p[0] == '\r' && p[1] == '\n')
        records++;
    }

  g_assert_false (quoted);
  return records;
}

static void
test_export_csv (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GListModel *items = chorus_project_get_items (project);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "response.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) exported = NULL;
  GtkWindow *parent = create_parent ();
  ChorusExportDialog *dialog = create_dialog (parent, project, CHORUS_EXPORT_FORMAT_CSV);
  guint n_published = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      n_published += chorus_item_get_publish (item);
    }
  g_assert_cmpuint (n_published, >, 0);

  exported = export_with_dialog (dialog, path);
  g_assert_nonnull (exported);
  g_assert_finalize_object (dialog);

  /* A header and one row per item the dialog's options let through (published ones). */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFItem ID,"));
  g_assert_cmpuint (count_csv_records (contents), ==, n_published + 1);

  remove_dir (dir);
  destroy_parent (parent);
}

static void
test_export_unwritable (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *not_a_folder = g_build_filename (dir, "a-file", NULL);
  g_autofree char *path = g_build_filename (not_a_folder, "response.pdf", NULL);
  g_autoptr(GFile) exported = NULL;
  GtkWindow *parent = create_parent ();
  ChorusExportDialog *dialog = create_dialog (parent, project, CHORUS_EXPORT_FORMAT_PDF);
  const char *body;

  g_assert_true (g_file_set_contents (not_a_folder, "not a folder", -1, NULL));

  exported = export_with_dialog (dialog, path);
  g_assert_null (exported);

  /* The user is told what happened, to which file, and what to do; the dialog stays so
   * that they can choose another place. */
  g_assert_nonnull (dialog->error_dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->error_dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog->error_dialog))
                 == GTK_WINDOW (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog->error_dialog), ==,
                   "Could Not Export the Response");
  body = adw_message_dialog_get_body (dialog->error_dialog);
  g_assert_nonnull (strstr (body, "response.pdf"));
  g_assert_nonnull (strstr (body, g_strerror (ENOTDIR)));
  g_assert_nonnull (strstr (body, "Nothing was saved"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "options");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog->export_button)));

  /* Nothing written anywhere. */
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* Closing the message leaves the dialog as it was. */
  {
    GtkWidget *error_dialog = GTK_WIDGET (dialog->error_dialog);

    g_object_add_weak_pointer (G_OBJECT (error_dialog), (gpointer *) &error_dialog);
    /* As Escape does. */
    gtk_window_close (GTK_WINDOW (error_dialog));
    chorus_gui_test_flush ();
    g_assert_null (error_dialog);
  }
  g_assert_null (dialog->error_dialog);

  gtk_window_destroy (GTK_WINDOW (dialog));
  chorus_gui_test_flush ();
  g_assert_finalize_object (dialog);
  remove_dir (dir);
  destroy_parent (parent);
}

/* A project big enough that its PDF takes a while to write. */
static ChorusProject *
load_large_project (guint n_extra)
{
  ChorusProject *project = load_example ();
  GListModel *items = chorus_project_get_items (project);
  guint n = g_list_model_get_n_items (items);

  chorus_project_begin_group (project, "Add items");
  for (guint i = 0; i < n_extra; i++)
    {
      g_autoptr(ChorusItem) model = g_list_model_get_item (items, i % n);

      chorus_project_add_item (project, chorus_item_get_question_id (model), NULL, NULL,
                               chorus_item_get_text (model));
    }
  chorus_project_end_group (project);

  return project;
}

static void
test_export_cancel (void)
{
  g_autoptr(ChorusProject) project = load_large_project (4000);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "response.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) exported = NULL;
  GtkWindow *parent = create_parent ();
  ChorusExportDialog *dialog = create_dialog (parent, project, CHORUS_EXPORT_FORMAT_PDF);
  gulong handler;

  handler = g_signal_connect (dialog, "exported", G_CALLBACK (exported_cb), &exported);
  chorus_export_dialog_export_to (dialog, file);

  /* Cancel in the middle: once the worker has reported some progress. */
  while (g_atomic_int_get (&dialog->progress) == 0 && chorus_export_dialog_get_exporting (dialog))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (chorus_export_dialog_get_exporting (dialog));
  g_assert_cmpint (g_atomic_int_get (&dialog->progress), <, 1000000);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL);

  wait_until_done (dialog);

  /* Stopped quietly: no file, no error, back to the options to try again. */
  g_assert_null (exported);
  g_assert_null (dialog->error_dialog);
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog->stack), ==, "options");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* Closing the dialog mid-export stops the worker too, and the dialog goes once it has. */
  chorus_export_dialog_export_to (dialog, file);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_until_done (dialog);
  g_signal_handler_disconnect (dialog, handler);
  chorus_gui_test_flush ();
  g_assert_null (exported);
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_assert_finalize_object (dialog);

  remove_dir (dir);
  destroy_parent (parent);
}

static void
print_to_pdf (ChorusProject *project,
              GtkPaperSize  *paper,
              const char    *path)
{
  g_autoptr(ChorusPrintOperation) operation = chorus_print_operation_new (project);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), page_setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (chorus_print_operation_get_layout_error (operation));
}

static char *
pdf_text (const char *pdftotext,
          const char *path)
{
  const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
  gboolean succeeded;
  char *text = run_tool (argv, &succeeded);

  g_assert_true (succeeded);
  return text;
}

static void
test_print (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *pdfinfo = find_tool ("pdfinfo");
  g_autofree char *pdftotext = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr(GError) error = NULL;
  ChorusExportOptions options;

  if (pdfinfo == NULL || (pdftotext = find_tool ("pdftotext")) == NULL)
    return;

  dir = make_temp_dir ();
  printed = g_build_filename (dir, "printed.pdf", NULL);
  exported = g_build_filename (dir, "exported.pdf", NULL);
  chorus_export_options_init (&options);

  /* A4: as many pages as the export's layout, and the same text on them, line for line. */
  print_to_pdf (project, a4, printed);
  g_assert_true (file_starts_with (printed, "%PDF-"));
  g_assert_cmpuint (pdf_page_count (pdfinfo, printed), ==,
                    layout_page_count (project, &options, A4_WIDTH, A4_HEIGHT));

  g_assert_true (chorus_export_pdf (project, exported, &options, &error));
  g_assert_no_error (error);
  printed_text = pdf_text (pdftotext, printed);
  exported_text = pdf_text (pdftotext, exported);
  g_assert_cmpstr (printed_text, ==, exported_text);

  /* US Letter is laid out anew for its sheet. */
  print_to_pdf (project, letter, printed);
  options.paper_size = CHORUS_PAPER_SIZE_LETTER;
  g_assert_cmpuint (pdf_page_count (pdfinfo, printed), ==,
                    layout_page_count (project, &options, LETTER_WIDTH, LETTER_HEIGHT));

  {
    const char *argv[] = { pdfinfo, printed, NULL };
    gboolean succeeded;
    g_autofree char *info = run_tool (argv, &succeeded);

    g_assert_true (succeeded);
    g_assert_nonnull (strstr (info, "612 x 792 pts"));
  }

  remove_dir (dir);
}

/* Not a test: CHORUS_EXPORT_DIALOG_SCREENSHOT=out.png renders the dialog, to look at;
 * CHORUS_EXPORT_DIALOG_FORMAT=0|1|2 picks the format, CHORUS_EXPORT_DIALOG_PROGRESS=1 shows
 * a real export of a large project part way through. */
static void
save_screenshot (const char *path)
{
  gboolean progress = g_getenv ("CHORUS_EXPORT_DIALOG_PROGRESS") != NULL;
  g_autoptr(ChorusProject) project = progress ? load_large_project (4000) : load_example ();
  GtkWindow *parent = create_parent ();
  ChorusExportDialog *dialog = create_dialog (parent, project, CHORUS_EXPORT_FORMAT_PDF);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (dialog));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *export_path = g_build_filename (dir, "NHS Trafford response.pdf", NULL);
  int width, height;

  if (g_getenv ("CHORUS_EXPORT_DIALOG_FORMAT") != NULL)
    chorus_export_dialog_set_format (dialog, atoi (g_getenv ("CHORUS_EXPORT_DIALOG_FORMAT")));

  if (progress)
    {
      g_autoptr(GFile) file = g_file_new_for_path (export_path);

      chorus_export_dialog_export_to (dialog, file);
      while (g_atomic_int_get (&dialog->progress) < 400000)
        g_main_context_iteration (NULL, TRUE);
    }

  /* Past the stack's crossfade. */
  for (guint i = 0; i < 20; i++)
    chorus_gui_test_wait_for_draw (GTK_WIDGET (dialog));

  width = gtk_widget_get_width (GTK_WIDGET (dialog));
  height = gtk_widget_get_height (GTK_WIDGET (dialog));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (dialog)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));

  chorus_export_dialog_cancel (dialog);
  wait_until_done (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  chorus_gui_test_flush ();
  g_assert_finalize_object (dialog);
  destroy_parent (parent);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *screenshot;

  /* The print and the export date their title pages alike. */
  g_setenv ("SOURCE_DATE_EPOCH", "1286496000", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Links and registers the GResource, which lives in a static library. */
  g_type_ensure (CHORUS_TYPE_EXPORT_DIALOG);
  chorus_gui_test_load_resources ();

  screenshot = g_getenv ("CHORUS_EXPORT_DIALOG_SCREENSHOT");
  if (screenshot != NULL)
    {
      save_screenshot (screenshot);
      return 0;
    }

  g_test_add_func ("/export-dialog/options", test_options);
  g_test_add_func ("/export-dialog/pdf", test_export_pdf);
  g_test_add_func ("/export-dialog/xml", test_export_xml);
  g_test_add_func ("/export-dialog/csv", test_export_csv);
  g_test_add_func ("/export-dialog/unwritable", test_export_unwritable);
  g_test_add_func ("/export-dialog/cancel", test_export_cancel);
  g_test_add_func ("/print-operation/export-filename", test_print);

  return g_test_run ();
}
