/* test-import-dialog.c — the import assistants driven as a user would: set the file, go
 * through the pages with their actions, correct a mapping, import; under Xvfb (suite "gui")
 *
 * Each page is also rendered to import-*.png in the build directory, to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "chorus-gui-test.h"
#include "chorus-import-dialog-private.h"
#include "chorus-merge-dialog-private.h"
#include "chorus-notes-import-dialog-private.h"

/* Fixtures ---------------------------------------------------------------------------- */

static void
add_question (ChorusSection *section,
              const char    *id,
              const char    *number,
              const char    *text)
{
  g_autoptr(ChorusQuestion) question = chorus_question_new (id, number, text,
                                                            CHORUS_QUESTION_KIND_FREE_TEXT);

  chorus_section_add_question (section, question);
}

/* The questions the fixtures in tests/data/import/ answer, with the ids their .expected
 * files use: commissioning (Q1–Q10) and HealthWatch, whose numbering restarts at Q1. */
static ChorusConsultation *
make_consultation (const char *id,
                   const char *title)
{
  ChorusConsultation *consultation = chorus_consultation_new (id, title);
  g_autoptr(ChorusDocument) commissioning = chorus_document_new ("commissioning",
                                                                 "Commissioning for patients");
  g_autoptr(ChorusDocument) healthwatch = chorus_document_new ("healthwatch",
                                                               "Local democratic legitimacy in health");
  g_autoptr(ChorusSection) gp = chorus_section_new ("gp-consortia", "GP consortia");
  g_autoptr(ChorusSection) hw = chorus_section_new ("establishing-healthwatch",
                                                    "Establishing HealthWatch");

  add_question (gp, "c1", "Q1", "How can GP consortia best be supported in developing their own "
                "capacity and capability in commissioning?");
  add_question (gp, "c2", "Q2", "What support will GP consortia need to access and evaluate "
                "external providers of commissioning services?");
  add_question (gp, "c3", "Q3", "In what practical ways can the NHS Commissioning Board most "
                "effectively engage GP consortia in influencing the commissioning of national and "
                "regional specialised services and the commissioning of maternity services?");
  add_question (gp, "c4", "Q4", "Are there other activities that could be undertaken by the NHS "
                "Commissioning Board to support efficient and effective local commissioning?");
  add_question (gp, "c5", "Q5", "Should there be a minimum and/or maximum population size for GP "
                "consortia?");
  add_question (gp, "c6", "Q6", "How can the NHS Commissioning Board and GP consortia best work "
                "together to ensure effective commissioning of low volume services?");
  add_question (gp, "c7", "Q7", "What safeguards are likely to be most effective in ensuring "
                "transparency and fairness in commissioning services from primary care and in "
                "promoting patient choice?");
  add_question (gp, "c8", "Q8", "What support will GP consortia need to help them manage "
                "financial risk?");
  add_question (gp, "c9", "Q9", "What features should be considered essential for the governance "
                "of GP consortia?");
  add_question (gp, "c10", "Q10", "What are the key elements that you would expect to see "
                "reflected in a commissioning outcomes framework?");
  add_question (hw, "h1", "Q1", "What needs to happen for local HealthWatch to fulfil its new "
                "functions around health complaints advocacy?");
  add_question (hw, "h2", "Q2", "What needs to happen for local HealthWatch to support people "
                "making choices, in particular to support people who do not have the means or "
                "capacity to make choices about their care?");
  add_question (hw, "h3", "Q3", "How should local HealthWatch work with the local authority and "
                "GP consortia to influence commissioning decisions?");
  add_question (hw, "h4", "Q4", "What needs to happen for local Healthwatch to support the needs "
                "of vulnerable people – such as older or very frail people?");

  chorus_document_add_section (commissioning, gp);
  chorus_document_add_section (healthwatch, hw);
  chorus_consultation_add_document (consultation, commissioning);
  chorus_consultation_add_document (consultation, healthwatch);

  return consultation;
}

static ChorusProject *
make_project (void)
{
  g_autoptr(ChorusConsultation) consultation =
    make_consultation ("liberating-the-nhs-2010", "Equity and Excellence: Liberating the NHS");

  return chorus_project_new (consultation);
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static guint
n_items (ChorusProject *project)
{
  return g_list_model_get_n_items (chorus_project_get_items (project));
}

static guint
count_items_for (ChorusProject *project,
                 const char    *question_id)
{
  GListModel *items = chorus_project_get_items (project);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (chorus_item_get_question_id (item), question_id) == 0)
        count++;
    }

  return count;
}

/* Items per question in a .expected file ("question-id<TAB>text" lines). */
static guint
count_expected_for (const char *name,
                    const char *question_id)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *prefix = g_strconcat (question_id, "\t", NULL);
  guint count = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      count++;

  return count;
}

/* Every item has this group and activity. */
static void
assert_items_from (ChorusProject *project,
                   const char    *group_name,
                   const char    *activity_title)
{
  GListModel *items = chorus_project_get_items (project);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);
      ChorusGroup *group = chorus_project_find_group (project, chorus_item_get_group_id (item));
      ChorusActivity *activity = chorus_project_find_activity (project,
                                                               chorus_item_get_activity_id (item));

      g_assert_nonnull (group);
      g_assert_nonnull (activity);
      g_assert_cmpstr (chorus_group_get_name (group), ==, group_name);
      g_assert_cmpstr (chorus_activity_get_title (activity), ==, activity_title);
    }
}

/* Windows and pictures ------------------------------------------------------------------- */

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = g_strdup_printf ("import-%s.png", name);
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, file_name, NULL);
  int width, height;

  for (guint i = 0; i < 3; i++)
    chorus_gui_test_wait_for_draw (window);
  chorus_gui_test_flush ();

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
imported_cb (GtkWidget  *dialog,
             const char *report,
             char      **out)
{
  g_assert_null (*out);
  *out = g_strdup (report);
}

static void
present (GtkWindow *dialog,
         char      **report)
{
  g_object_ref (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), report);
  /* The smallest window Chorus supports. */
  gtk_window_set_default_size (dialog, 800, 600);
  gtk_window_present (dialog);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (dialog));
}

/* Closes the dialog if it is still open, and checks nothing else holds it. A worker thread
 * drops its task, and with it the task's reference to the dialog, a moment after the main
 * loop has run the task's callback: so wait a little before asking. */
static void
finish (GtkWindow *dialog)
{
  gpointer weak = dialog;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (dialog);
  chorus_gui_test_flush ();

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_object_unref (dialog);
  while (weak != NULL && g_get_monotonic_time () < deadline)
    {
      chorus_gui_test_flush ();
      g_usleep (1000);
    }
  g_assert_null (weak);
}

static void
activate (gpointer    dialog,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), action, NULL));
  chorus_gui_test_flush ();
}

/* What a user sees: a button whose action is disabled is insensitive. */
static gboolean
button_enabled (GtkWidget *button)
{
  chorus_gui_test_flush ();
  return gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button);
}

static void
wait_until_idle (ChorusImportDialog *dialog)
{
  while (_chorus_import_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  chorus_gui_test_flush ();
}

static ChorusImportDialog *
open_csv (ChorusProject  *project,
          const char     *name,
          char          **report)
{
  g_autoptr(GFile) file = fixture (name);
  ChorusImportDialog *dialog = chorus_import_dialog_new (NULL, project, file);

  present (GTK_WINDOW (dialog), report);
  wait_until_idle (dialog);

  return dialog;
}

static AdwComboRow *
column_row (ChorusImportDialog *dialog,
            guint               column)
{
  g_assert_cmpuint (column, <, dialog->column_rows->len);
  return g_ptr_array_index (dialog->column_rows, column);
}

static const char *
selected_label (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item ? gtk_string_object_get_string (item) : NULL;
}

/* Survey CSV ------------------------------------------------------------------------------ */

static void
test_csv_survey (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autofree char *report = NULL;
  ChorusImportDialog *dialog = open_csv (project, "survey-staff.csv", &report);
  static const char * const questions[] = { "c1", "c2", "c5", "c8", "h3" };
  ChorusActivity *activity;
  GListModel *columns;
  GListModel *rows;

  /* The file: read in the background, its first rows previewed under their headings. */
  g_assert_cmpstr (_chorus_import_dialog_get_page (dialog), ==, "preview");
  columns = gtk_column_view_get_columns (dialog->preview_view);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 1 + 10);
  rows = G_LIST_MODEL (gtk_column_view_get_model (dialog->preview_view));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 10);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->encoding_row)));
  g_assert_false (gtk_widget_get_visible (dialog->ragged_box));
  g_assert_true (button_enabled (dialog->next_button));
  save_screenshot (GTK_WIDGET (dialog), "csv-1-preview");

  /* The mapping, as the core guessed it: "Q1." is commissioning's Q1, "Q3." HealthWatch's. */
  activate (dialog, "assistant.next");
  g_assert_cmpstr (_chorus_import_dialog_get_page (dialog), ==, "mapping");
  g_assert_true (g_str_has_prefix (selected_label (column_row (dialog, 3)), "Q1 How can GP"));
  g_assert_true (g_str_has_prefix (selected_label (column_row (dialog, 7)), "Q3 How should local"));
  g_assert_cmpstr (selected_label (column_row (dialog, 8)), ==, "Ignore");   /* Your name */
  g_assert_cmpstr (selected_label (column_row (dialog, 9)), ==, "Ignore");   /* comments */

  /* No group or activity yet: new ones, the activity named as a survey. */
  g_assert_true (chorus_import_target_row_is_new (dialog->group_row));
  g_assert_true (chorus_import_target_row_is_new (dialog->activity_row));
  g_assert_cmpint (adw_combo_row_get_selected (dialog->kind_row), ==,
                   CHORUS_ACTIVITY_KIND_ONLINE_SURVEY);
  /* A group needs a name before the import can go on. */
  g_assert_false (button_enabled (dialog->next_button));
  gtk_editable_set_text (GTK_EDITABLE (dialog->new_group_row), "Staff");
  g_assert_true (button_enabled (dialog->next_button));

  /* The user's correction: "Any other comments" answer Q10. */
  adw_combo_row_set_selected (column_row (dialog, 9), CHORUS_IMPORT_COLUMN_N_CHOICES + 9);
  g_assert_true (g_str_has_prefix (selected_label (column_row (dialog, 9)), "Q10 "));
  save_screenshot (GTK_WIDGET (dialog), "csv-2-mapping");

  /* The summary: the core's counts, rehearsed on a copy; the project is untouched so far. */
  activate (dialog, "assistant.next");
  wait_until_idle (dialog);
  g_assert_cmpstr (_chorus_import_dialog_get_page (dialog), ==, "summary");
  g_assert_cmpuint (n_items (project), ==, 0);
  g_assert_false (chorus_project_can_undo (project));
  g_assert_cmpstr (gtk_label_get_label (dialog->rows_read_label), ==, "10");
  g_assert_cmpstr (gtk_label_get_label (dialog->created_label), ==, "28");
  /* 6 mapped columns x 10 rows - 28 answers */
  g_assert_cmpstr (gtk_label_get_label (dialog->empty_label), ==, "32");
  /* dates 10, teams 8, one name */
  g_assert_cmpstr (gtk_label_get_label (dialog->unmapped_label), ==, "19");
  g_assert_nonnull (strstr (gtk_label_get_label (dialog->summary_title), "28 items"));
  g_assert_true (button_enabled (dialog->import_button));
  save_screenshot (GTK_WIDGET (dialog), "csv-3-summary");

  activate (dialog, "assistant.import");
  g_assert_nonnull (report);
  g_assert_nonnull (strstr (report, "10 rows read, 28 items created"));
  g_assert_nonnull (strstr (report, "32 empty cells"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  finish (GTK_WINDOW (dialog));

  /* Exactly the expected items, under their questions, group and activity. */
  g_assert_cmpuint (n_items (project), ==, 28);
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    g_assert_cmpuint (count_items_for (project, questions[i]), ==,
                      count_expected_for ("survey-staff.expected", questions[i]));
  g_assert_cmpuint (count_items_for (project, "c10"), ==, 2);
  assert_items_from (project, "Staff", "Online staff survey");
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_activities (project)), ==, 1);
  activity = g_list_model_get_item (chorus_project_get_activities (project), 0);
  g_assert_cmpint (chorus_activity_get_kind (activity), ==, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY);
  g_object_unref (activity);

  /* One undo takes away the items, the new group and the new activity. */
  g_assert_cmpstr (chorus_project_get_undo_label (project), ==, "Import “survey-staff.csv”");
  g_assert_true (chorus_project_undo (project));
  g_assert_cmpuint (n_items (project), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_groups (project)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_activities (project)), ==, 0);
  g_assert_false (chorus_project_can_undo (project));
}

static void
test_csv_reimport (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autofree char *first_report = NULL;
  g_autofree char *report = NULL;
  ChorusImportDialog *dialog;

  chorus_project_add_group (project, "Trafford Council", TRUE);
  chorus_project_add_group (project, "Staff", FALSE);
  chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_BRIEFING, "Staff briefing");
  chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY, "Online staff survey");

  /* The first import: the existing group (not the partner) and survey are chosen. */
  dialog = open_csv (project, "survey-staff.csv", &first_report);
  activate (dialog, "assistant.next");
  g_assert_cmpstr (selected_label (dialog->group_row), ==, "Staff");
  g_assert_cmpstr (selected_label (dialog->activity_row), ==, "Online staff survey");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->new_group_row)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog->duplicates_row)));
  activate (dialog, "assistant.next");
  wait_until_idle (dialog);
  activate (dialog, "assistant.import");
  finish (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_items (project), ==, 26);
  assert_items_from (project, "Staff", "Online staff survey");

  /* The same export again: the assistant offers to skip what is already there, and does. */
  dialog = open_csv (project, "survey-staff.csv", &report);
  activate (dialog, "assistant.next");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->duplicates_row)));
  g_assert_true (gtk_switch_get_active (dialog->duplicates_switch));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (dialog->duplicates_row), "26 answers"));
  activate (dialog, "assistant.next");
  wait_until_idle (dialog);
  g_assert_cmpstr (gtk_label_get_label (dialog->created_label), ==, "0");
  g_assert_cmpstr (gtk_label_get_label (dialog->duplicates_label), ==, "26");
  /* Ctrl+Return's action imports from the last page. */
  activate (dialog, "assistant.next");
  g_assert_nonnull (strstr (report, "26 duplicates already in the project"));
  finish (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_items (project), ==, 26);
}

static void
test_csv_windows_1252 (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autofree char *report = NULL;
  ChorusImportDialog *dialog = open_csv (project, "survey-cp1252.csv", &report);

  /* Not UTF-8: the encoding is offered, the core's guess first, and the preview reads right. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->encoding_row)));
  g_assert_cmpint (adw_combo_row_get_selected (dialog->encoding_row), ==, 0);
  g_assert_true (g_str_has_prefix (selected_label (dialog->encoding_row), "Windows-1252"));
  g_assert_cmpstr (chorus_csv_import_get_cell (dialog->import, 0, 3), ==,
                   "Training on budgets – £5,000 a year per practice");

  /* Another encoding reads the file again, converted from it. */
  adw_combo_row_set_selected (dialog->encoding_row, 1);
  wait_until_idle (dialog);
  g_assert_cmpstr (_chorus_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpstr (chorus_csv_import_get_cell (dialog->import, 0, 3), !=,
                   "Training on budgets – £5,000 a year per practice");
  adw_combo_row_set_selected (dialog->encoding_row, 0);
  wait_until_idle (dialog);
  g_assert_cmpstr (chorus_csv_import_get_cell (dialog->import, 0, 3), ==,
                   "Training on budgets – £5,000 a year per practice");
  save_screenshot (GTK_WIDGET (dialog), "csv-4-windows-1252");

  activate (dialog, "assistant.next");
  gtk_editable_set_text (GTK_EDITABLE (dialog->new_group_row), "Finance staff");
  activate (dialog, "assistant.next");
  wait_until_idle (dialog);
  g_assert_cmpstr (gtk_label_get_label (dialog->created_label), ==, "6");
  activate (dialog, "assistant.import");
  g_assert_nonnull (strstr (report, "converted from Windows-1252 to UTF-8"));
  finish (GTK_WINDOW (dialog));

  g_assert_cmpuint (n_items (project), ==, 6);
  g_assert_cmpuint (count_items_for (project, "c5"), ==, 2);
  assert_items_from (project, "Finance staff", "Online staff survey");
}

static void
test_csv_malformed (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autofree char *report = NULL;
  ChorusImportDialog *dialog = open_csv (project, "gui/unterminated-quote.csv", &report);
  const char *description;

  /* The line and the problem, and what to do; no way forward. */
  g_assert_cmpstr (_chorus_import_dialog_get_page (dialog), ==, "error");
  description = adw_status_page_get_description (dialog->error_page);
  g_assert_nonnull (strstr (description, "unterminated-quote.csv:4: unterminated quoted cell"));
  g_assert_nonnull (strstr (description, "Nothing was imported"));
  g_assert_false (button_enabled (dialog->next_button));
  g_assert_false (button_enabled (dialog->import_button));
  save_screenshot (GTK_WIDGET (dialog), "csv-5-malformed");
  finish (GTK_WINDOW (dialog));

  g_assert_null (report);
  g_assert_cmpuint (n_items (project), ==, 0);
  g_assert_false (chorus_project_can_undo (project));
}

static void
test_csv_ragged (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autofree char *report = NULL;
  ChorusImportDialog *dialog = open_csv (project, "gui/ragged-rows.csv", &report);
  ChorusImportLine *line;

  /* Rows of the wrong length: named, and nothing goes on until the user accepts. */
  g_assert_cmpstr (_chorus_import_dialog_get_page (dialog), ==, "preview");
  g_assert_true (gtk_widget_get_visible (dialog->ragged_box));
  g_assert_nonnull (strstr (gtk_label_get_label (dialog->ragged_label), "2 rows"));
  g_assert_nonnull (strstr (gtk_label_get_label (dialog->ragged_label), "line 3"));
  g_assert_false (button_enabled (dialog->next_button));
  save_screenshot (GTK_WIDGET (dialog), "csv-6-ragged");

  gtk_check_button_set_active (dialog->accept_ragged_check, TRUE);
  g_assert_true (button_enabled (dialog->next_button));
  activate (dialog, "assistant.next");
  gtk_editable_set_text (GTK_EDITABLE (dialog->new_group_row), "Staff");
  activate (dialog, "assistant.next");
  wait_until_idle (dialog);

  /* The cell past the last column is listed, with its line. */
  g_assert_cmpstr (gtk_label_get_label (dialog->created_label), ==, "5");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->unassigned_group)));
  g_assert_cmpuint (dialog->rehearsal->unassigned->len, ==, 1);
  line = g_ptr_array_index (dialog->rehearsal->unassigned, 0);
  g_assert_cmpuint (line->line, ==, 4);
  g_assert_cmpstr (line->text, ==, "Extra cell past the end");
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (dialog->unassigned_list)));

  activate (dialog, "assistant.import");
  finish (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_items (project), ==, 5);
}

/* Focus-group notes ------------------------------------------------------------------------ */

static ChorusNotesImportDialog *
open_notes (ChorusProject  *project,
            const char     *name,
            char          **report)
{
  g_autoptr(GFile) file = fixture (name);
  ChorusNotesImportDialog *dialog = chorus_notes_import_dialog_new (NULL, project, file);

  present (GTK_WINDOW (dialog), report);
  while (g_str_equal (_chorus_notes_import_dialog_get_page (dialog), "loading"))
    g_main_context_iteration (NULL, TRUE);
  chorus_gui_test_flush ();

  return dialog;
}

static AdwComboRow *
place_row_at_line (ChorusNotesImportDialog *dialog,
                   guint                    line)
{
  g_autofree char *prefix = g_strdup_printf ("Line %u ", line);

  for (guint i = 0; i < dialog->place_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (dialog->place_rows, i);

      if (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), prefix))
        return row;
    }

  g_assert_not_reached ();
}

static void
test_notes_focus_group (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autofree char *report = NULL;
  ChorusNotesImportDialog *dialog;
  AdwComboRow *row;
  static const char * const questions[] = { "c1", "c2", "c10" };

  chorus_project_add_group (project, "Staff", FALSE);
  chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY, "Online staff survey");
  dialog = open_notes (project, "focus-group-1.md", &report);

  /* A session of its own: the existing group, a new focus group. */
  g_assert_cmpstr (_chorus_notes_import_dialog_get_page (dialog), ==, "notes");
  g_assert_cmpstr (selected_label (dialog->group_row), ==, "Staff");
  g_assert_true (chorus_import_target_row_is_new (dialog->activity_row));
  g_assert_cmpint (adw_combo_row_get_selected (dialog->kind_row), ==,
                   CHORUS_ACTIVITY_KIND_FOCUS_GROUP);
  gtk_editable_set_text (GTK_EDITABLE (dialog->new_activity_row), "Focus group 1");

  /* What the notes place nowhere is listed, each with its line, for the user to place. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->unassigned_group)));
  g_assert_cmpstr (gtk_label_get_label (dialog->placed_label), ==, "11 items will be added");
  row = place_row_at_line (dialog, 26);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "We ran out of time before the last question.");
  place_row_at_line (dialog, 1);
  place_row_at_line (dialog, 3);
  g_assert_cmpstr (selected_label (row), ==, "Keep Unassigned");

  /* Placed under Q4, it joins the preview and the count. */
  adw_combo_row_set_selected (row, 1 + 3);
  g_assert_true (g_str_has_prefix (selected_label (row), "Q4 "));
  g_assert_cmpstr (gtk_label_get_label (dialog->placed_label), ==, "12 items will be added");
  save_screenshot (GTK_WIDGET (dialog), "notes-1");
  /* Tall enough to see the preview under the pieces to place. */
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 1400);
  save_screenshot (GTK_WIDGET (dialog), "notes-2-tall");

  activate (dialog, "assistant.import");
  g_assert_nonnull (report);
  g_assert_nonnull (strstr (report, "12 items created"));
  finish (GTK_WINDOW (dialog));

  g_assert_cmpuint (n_items (project), ==, 12);
  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    g_assert_cmpuint (count_items_for (project, questions[i]), ==,
                      count_expected_for ("focus-group-1.expected", questions[i]));
  g_assert_cmpuint (count_items_for (project, "c4"), ==, 1);
  assert_items_from (project, "Staff", "Focus group 1");

  /* One undo: the items and the new activity go, the group that was there stays. */
  g_assert_true (chorus_project_undo (project));
  g_assert_cmpuint (n_items (project), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_activities (project)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_groups (project)), ==, 1);
}

/* Whether a GtkLabel under @widget shows text containing @text once Pango has read it. */
static gboolean
shows_rendered_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_rendered_text (child, text))
      return TRUE;

  return FALSE;
}

/* The error page's description is Pango markup to AdwStatusPage: a file name with "&" or "<"
 * in the message must still be shown, as it is. */
static void
test_notes_unreadable_markup (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autofree char *report = NULL;
  ChorusNotesImportDialog *dialog = open_notes (project, "gui/no such & <notes>.txt", &report);

  g_assert_cmpstr (_chorus_notes_import_dialog_get_page (dialog), ==, "error");
  g_assert_true (shows_rendered_text (GTK_WIDGET (dialog->error_page), "no such & <notes>.txt"));
  g_assert_true (shows_rendered_text (GTK_WIDGET (dialog->error_page), "Nothing was imported"));
  finish (GTK_WINDOW (dialog));
}

static void
test_notes_unreadable (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autofree char *report = NULL;
  ChorusNotesImportDialog *dialog = open_notes (project, "gui/no-such-notes.txt", &report);

  g_assert_cmpstr (_chorus_notes_import_dialog_get_page (dialog), ==, "error");
  g_assert_nonnull (strstr (adw_status_page_get_description (dialog->error_page),
                            "Nothing was imported"));
  g_assert_false (button_enabled (dialog->import_button));
  finish (GTK_WINDOW (dialog));
  g_assert_null (report);
  g_assert_false (chorus_project_can_undo (project));
}

/* Merging a colleague's copy ----------------------------------------------------------------- */

static ChorusMergeDialog *
open_merge (ChorusProject  *project,
            const char     *path,
            char          **report)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChorusMergeDialog *dialog = chorus_merge_dialog_new (NULL, project, file);

  present (GTK_WINDOW (dialog), report);
  while (g_str_equal (_chorus_merge_dialog_get_page (dialog), "loading"))
    g_main_context_iteration (NULL, TRUE);
  chorus_gui_test_flush ();

  return dialog;
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

static void
save_project (ChorusProject *project,
              const char    *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (chorus_project_save_file (project, path, &error));
  g_assert_no_error (error);
}

static void
remove_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_merge_conflicts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chorus-merge-XXXXXX", NULL);
  g_autofree char *shared_path = g_build_filename (dir, "shared.chorus", NULL);
  g_autofree char *theirs_path = g_build_filename (dir, "colleague.chorus", NULL);
  g_autoptr(ChorusProject) ours = make_project ();
  g_autoptr(ChorusProject) theirs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *item_id = NULL;
  ChorusMergeDialog *dialog;
  ChorusGroup *staff = chorus_project_add_group (ours, "Staff", FALSE);
  ChorusActivity *groups = chorus_project_add_activity (ours, CHORUS_ACTIVITY_KIND_FOCUS_GROUP,
                                                        "Staff focus groups");
  ChorusItem *item;
  GtkToggleButton *take_item = NULL;
  GtkToggleButton *take_answer = NULL;

  /* One file, opened by two people. */
  chorus_project_add_item (ours, "c1", staff, groups, "By employing PCT staff!");
  item = chorus_project_add_item (ours, "c5", staff, groups, "NO - not relevant");
  item_id = g_strdup (chorus_item_get_id (item));
  save_project (ours, shared_path);
  theirs = chorus_project_load_file (shared_path, &error);
  g_assert_no_error (error);

  /* Both change the same item and answer; they add input and a theme. */
  chorus_project_set_item_text (ours, item, "No – not relevant");
  chorus_project_set_answer_text (ours, "c1", "Our answer to Q1.");
  chorus_project_set_item_text (theirs, chorus_project_find_item (theirs, item_id),
                                "NO - irrelevant");
  chorus_project_set_answer_text (theirs, "c1", "Their answer to Q1.");
  chorus_project_add_item (theirs, "h3",
                           chorus_project_find_group (theirs, chorus_group_get_id (staff)),
                           chorus_project_find_activity (theirs, chorus_activity_get_id (groups)),
                           "Use charities to deliver the message");
  chorus_project_add_theme (theirs, "Access", NULL);
  save_project (theirs, theirs_path);

  dialog = open_merge (ours, theirs_path, &report);

  /* What will be added, and both versions of each conflict; nothing changed yet. */
  g_assert_cmpstr (_chorus_merge_dialog_get_page (dialog), ==, "review");
  g_assert_cmpstr (gtk_label_get_label (dialog->items_added_label), ==, "1");
  g_assert_cmpstr (gtk_label_get_label (dialog->themes_label), ==, "1 new, 0 already here");
  g_assert_cmpstr (gtk_label_get_label (dialog->summary_title), ==,
                   "1 new item from colleague.chorus");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog->conflicts_group)));
  g_assert_cmpuint (dialog->take_theirs_buttons->len, ==, 2);
  g_assert_true (shows_text (GTK_WIDGET (dialog->conflicts_box), "No – not relevant"));
  g_assert_true (shows_text (GTK_WIDGET (dialog->conflicts_box), "NO - irrelevant"));
  g_assert_true (shows_text (GTK_WIDGET (dialog->conflicts_box), "Our answer to Q1."));
  g_assert_true (shows_text (GTK_WIDGET (dialog->conflicts_box), "Their answer to Q1."));
  g_assert_true (shows_text (GTK_WIDGET (dialog->conflicts_box), "Input under Q5"));
  g_assert_cmpuint (n_items (ours), ==, 2);
  g_assert_cmpstr (chorus_project_get_undo_label (ours), !=, "Merge “colleague.chorus”");

  for (guint i = 0; i < dialog->rehearsal->report.conflicts->len; i++)
    {
      ChorusMergeConflict *conflict = g_ptr_array_index (dialog->rehearsal->report.conflicts, i);

      if (conflict->kind == CHORUS_MERGE_CONFLICT_ITEM)
        take_item = g_ptr_array_index (dialog->take_theirs_buttons, i);
      else if (conflict->kind == CHORUS_MERGE_CONFLICT_ANSWER)
        take_answer = g_ptr_array_index (dialog->take_theirs_buttons, i);
    }
  g_assert_nonnull (take_item);
  g_assert_nonnull (take_answer);

  /* Mine by default; all theirs, all mine, then theirs for the item alone. */
  g_assert_false (gtk_toggle_button_get_active (take_item));
  activate (dialog, "assistant.take-all-theirs");
  g_assert_true (gtk_toggle_button_get_active (take_item));
  g_assert_true (gtk_toggle_button_get_active (take_answer));
  activate (dialog, "assistant.keep-all-mine");
  g_assert_false (gtk_toggle_button_get_active (take_answer));
  gtk_toggle_button_set_active (take_item, TRUE);
  save_screenshot (GTK_WIDGET (dialog), "merge-1-review");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 1300);
  save_screenshot (GTK_WIDGET (dialog), "merge-2-review-tall");

  activate (dialog, "assistant.merge");
  g_assert_nonnull (report);
  g_assert_nonnull (strstr (report, "1 item added"));
  g_assert_nonnull (strstr (report, "2 conflicts: 1 kept as yours, 1 taken from theirs"));
  finish (GTK_WINDOW (dialog));

  g_assert_cmpuint (n_items (ours), ==, 3);
  g_assert_cmpuint (count_items_for (ours, "h3"), ==, 1);
  g_assert_cmpstr (chorus_item_get_text (chorus_project_find_item (ours, item_id)), ==,
                   "NO - irrelevant");
  g_assert_cmpstr (chorus_draft_get_text (chorus_project_get_answer (ours, "c1")), ==,
                   "Our answer to Q1.");
  g_assert_nonnull (chorus_codebook_find_by_name (chorus_project_get_codebook (ours), "Access"));

  /* One undo takes the merge and the chosen theirs away together. */
  g_assert_cmpstr (chorus_project_get_undo_label (ours), ==, "Merge “colleague.chorus”");
  g_assert_true (chorus_project_undo (ours));
  g_assert_cmpuint (n_items (ours), ==, 2);
  g_assert_cmpstr (chorus_item_get_text (chorus_project_find_item (ours, item_id)), ==,
                   "No – not relevant");
  g_assert_null (chorus_codebook_find_by_name (chorus_project_get_codebook (ours), "Access"));

  remove_files (dir);
}

static void
test_merge_other_consultation (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chorus-merge-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "essex.chorus", NULL);
  g_autoptr(ChorusConsultation) essex =
    make_consultation ("patient-led-nhs-essex-2005", "Commissioning a Patient-led NHS in Essex");
  g_autoptr(ChorusProject) theirs = chorus_project_new (essex);
  g_autoptr(ChorusProject) ours = make_project ();
  g_autofree char *report = NULL;
  ChorusMergeDialog *dialog;
  const char *description;

  chorus_project_add_item (theirs, "c1", NULL, NULL, "Essex input");
  save_project (theirs, path);

  /* Refused, saying which consultations, and what to do. */
  dialog = open_merge (ours, path, &report);
  g_assert_cmpstr (_chorus_merge_dialog_get_page (dialog), ==, "error");
  description = adw_status_page_get_description (dialog->error_page);
  g_assert_nonnull (strstr (description, "answers “Commissioning a Patient-led NHS in Essex”"));
  g_assert_nonnull (strstr (description, "not “Equity and Excellence: Liberating the NHS”"));
  g_assert_nonnull (strstr (description, "Nothing was merged"));
  g_assert_false (button_enabled (dialog->merge_button));
  save_screenshot (GTK_WIDGET (dialog), "merge-3-refused");
  finish (GTK_WINDOW (dialog));

  g_assert_null (report);
  g_assert_cmpuint (n_items (ours), ==, 0);
  g_assert_false (chorus_project_can_undo (ours));
  remove_files (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chorus_gui_test_load_resources ();
  /* Pages slide in; the pictures and the checks want them in place. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add_func ("/import-dialog/csv/survey", test_csv_survey);
  g_test_add_func ("/import-dialog/csv/reimport", test_csv_reimport);
  g_test_add_func ("/import-dialog/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/import-dialog/csv/malformed", test_csv_malformed);
  g_test_add_func ("/import-dialog/csv/ragged", test_csv_ragged);
  g_test_add_func ("/import-dialog/notes/focus-group", test_notes_focus_group);
  g_test_add_func ("/import-dialog/notes/unreadable", test_notes_unreadable);
  g_test_add_func ("/notes-import/unreadable-name-not-markup", test_notes_unreadable_markup);
  g_test_add_func ("/import-dialog/merge/conflicts", test_merge_conflicts);
  g_test_add_func ("/import-dialog/merge/other-consultation", test_merge_other_consultation);

  return g_test_run ();
}
