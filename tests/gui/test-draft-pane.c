/* test-draft-pane.c — the draft editor, the draft pane and the section page on the example
 * response, under Xvfb (suite "gui")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-draft-pane-private.h"
#include "chorus-gui-test.h"
#include "chorus-section-page-private.h"

static ChorusProject *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GError) error = NULL;
  ChorusProject *project;

  project = chorus_project_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

/* A fresh response to the Essex consultation, whose question is single-choice. */
static ChorusProject *
new_essex_project (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "patient-led-nhs-essex.consultation.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) consultation = NULL;

  consultation = chorus_consultation_load_file (path, &error);
  g_assert_no_error (error);

  return chorus_project_new (consultation);
}

static ChorusQuestion *
find_question (ChorusProject *project,
               const char    *question_id)
{
  ChorusQuestion *question =
    chorus_consultation_find_question (chorus_project_get_consultation (project), question_id);

  g_assert_nonnull (question);
  return question;
}

static const char *
answer_text (ChorusProject *project,
             const char    *question_id)
{
  ChorusDraft *answer = chorus_project_get_answer (project, question_id);

  return answer != NULL ? chorus_draft_get_text (answer) : NULL;
}

static char *
buffer_text (ChorusDraftText *editor)
{
  GtkTextBuffer *buffer = chorus_draft_text_get_buffer (editor);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Types @text at the end of the editor one character at a time, as a user would. */
static void
type_text (ChorusDraftText *editor,
           const char      *text)
{
  GtkTextBuffer *buffer = chorus_draft_text_get_buffer (editor);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, p,
                                                                 g_utf8_next_char (p) - p,
                                                                 TRUE));
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop, as a user pausing would, until the editor has committed by itself. */
static void
wait_for_commit (ChorusDraftText *editor)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (5, set_flag_cb, &timed_out);

  while (chorus_draft_text_has_pending_edit (editor) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout);
}

static GtkWindow *
create_window (GtkWidget *child,
               int        width,
               int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  g_object_ref (window);
  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  chorus_gui_test_flush ();
  g_assert_finalize_object (window);
}

static ChorusDraftPane *
create_pane (ChorusProject *project,
             const char    *question_id,
             GtkWindow    **window)
{
  ChorusDraftPane *pane = CHORUS_DRAFT_PANE (chorus_draft_pane_new ());

  *window = create_window (GTK_WIDGET (pane), 360, 700);
  chorus_draft_pane_set_project (pane, project);
  chorus_draft_pane_set_question (pane, find_question (project, question_id));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (pane));

  return pane;
}

static void
assert_word_count_label (ChorusDraftText *editor)
{
  g_autofree char *text = buffer_text (editor);
  guint n_words = chorus_count_words (text);
  g_autofree char *expected = g_strdup_printf (ngettext ("%u word", "%u words", n_words), n_words);
  GtkWidget *label = NULL;

  /* The word count is the editor's only GtkLabel that is not the placeholder. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (editor));
       w != NULL;
       w = gtk_widget_get_first_child (w))
    if (GTK_IS_BOX (w))
      label = gtk_widget_get_last_child (w);

  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpuint (chorus_draft_text_get_n_words (editor), ==, n_words);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, expected);
}

static void
test_pane_shows_answer (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GtkWindow *window;
  ChorusDraftPane *pane = create_pane (project, "c-q1", &window);
  g_autofree char *shown = buffer_text (pane->answer_text);

  g_assert_nonnull (answer_text (project, "c-q1"));
  g_assert_cmpstr (shown, ==, answer_text (project, "c-q1"));
  g_assert_cmpuint (adw_combo_row_get_selected (pane->status_row), ==,
                    CHORUS_DRAFT_STATUS_FINAL);
  /* A free-text question offers no options. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pane->options_group)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (pane->answer_text)));
  assert_word_count_label (pane->answer_text);
  g_assert_cmpuint (chorus_draft_text_get_n_words (pane->answer_text), >, 20);

  destroy_window (window);
}

static void
test_pane_typing_commits_after_pause (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GtkWindow *window;
  ChorusDraftPane *pane = create_pane (project, "c-q10", &window);
  g_autofree char *before = g_strdup (answer_text (project, "c-q10"));
  g_autofree char *expected = g_strconcat (before, " Dentists agreed.", NULL);
  g_autofree char *shown = NULL;

  type_text (pane->answer_text, " Dentists agreed.");

  /* Held while the user types... */
  g_assert_true (chorus_draft_text_has_pending_edit (pane->answer_text));
  g_assert_cmpstr (answer_text (project, "c-q10"), ==, before);
  assert_word_count_label (pane->answer_text);

  /* ...and written after the pause. */
  wait_for_commit (pane->answer_text);
  g_assert_cmpstr (answer_text (project, "c-q10"), ==, expected);
  g_assert_true (chorus_project_get_modified (project));
  g_assert_cmpstr (chorus_project_get_undo_label (project), ==, "Edit answer");

  /* Undo restores the old text, and the view follows. */
  g_assert_true (chorus_project_undo (project));
  g_assert_cmpstr (answer_text (project, "c-q10"), ==, before);
  shown = buffer_text (pane->answer_text);
  g_assert_cmpstr (shown, ==, before);
  g_assert_false (chorus_draft_text_has_pending_edit (pane->answer_text));
  assert_word_count_label (pane->answer_text);
  g_assert_false (chorus_project_get_modified (project));

  destroy_window (window);
}

static void
test_pane_burst_is_one_step (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GtkWindow *window;
  ChorusDraftPane *pane = create_pane (project, "c-q10", &window);
  g_autofree char *before = g_strdup (answer_text (project, "c-q10"));
  g_autofree char *shown = NULL;

  g_assert_false (chorus_project_can_undo (project));

  /* Fourteen keystrokes, then an explicit commit (as the window does before saving). */
  type_text (pane->answer_text, " More to come.");
  g_assert_true (chorus_draft_text_commit (pane->answer_text));
  g_assert_false (chorus_draft_text_commit (pane->answer_text));
  g_assert_cmpstr (answer_text (project, "c-q10"), !=, before);

  /* One undo takes all fourteen away, and leaves nothing more to undo. */
  g_assert_true (chorus_project_undo (project));
  g_assert_cmpstr (answer_text (project, "c-q10"), ==, before);
  g_assert_false (chorus_project_can_undo (project));
  shown = buffer_text (pane->answer_text);
  g_assert_cmpstr (shown, ==, before);

  /* Redo brings the burst back whole. */
  g_assert_true (chorus_project_redo (project));
  g_clear_pointer (&shown, g_free);
  shown = buffer_text (pane->answer_text);
  g_assert_true (g_str_has_suffix (shown, " More to come."));

  destroy_window (window);
}

/* The action Ctrl+Z runs inside the editor, from a controller that sees the key before
 * GtkTextView's own bindings do; NULL when none does. */
static char *
capture_shortcut_action (GtkWidget  *widget,
                         const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *triggers = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_auto(GStrv) alternatives = g_strsplit (triggers, "|", -1);

          if (g_strv_contains ((const char * const *) alternatives, trigger))
            return gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));
        }
    }

  return NULL;
}

/* Ctrl+Z in the editor right after typing undoes that typing, not the step before it. */
static void
test_pane_undo_action_commits_first (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GtkWindow *window;
  ChorusDraftPane *pane = create_pane (project, "c-q10", &window);
  g_autofree char *before = g_strdup (answer_text (project, "c-q10"));
  g_autofree char *shown = NULL;

  chorus_project_set_answer_status (project, "c-q10", CHORUS_DRAFT_STATUS_IN_REVIEW);
  type_text (pane->answer_text, " Typed just now.");

  /* Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y reach the project's history, not the text view's. */
  {
    g_autofree char *undo = capture_shortcut_action (GTK_WIDGET (pane->answer_text), "<Control>z");
    g_autofree char *redo = capture_shortcut_action (GTK_WIDGET (pane->answer_text), "<Shift><Control>z");
    g_autofree char *redo_y = capture_shortcut_action (GTK_WIDGET (pane->answer_text), "<Control>y");

    g_assert_cmpstr (undo, ==, "action(draft-text.undo)");
    g_assert_cmpstr (redo, ==, "action(draft-text.redo)");
    g_assert_cmpstr (redo_y, ==, "action(draft-text.redo)");
  }

  /* The text view's own history is off: the project's is the one that counts. */
  g_assert_false (gtk_text_buffer_get_enable_undo (chorus_draft_text_get_buffer (pane->answer_text)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane->answer_text),
                                             "draft-text.undo", NULL));

  g_assert_cmpstr (answer_text (project, "c-q10"), ==, before);
  shown = buffer_text (pane->answer_text);
  g_assert_cmpstr (shown, ==, before);
  /* The status change before the typing is still there. */
  g_assert_cmpint (chorus_project_get_answer_status (project, "c-q10"), ==,
                   CHORUS_DRAFT_STATUS_IN_REVIEW);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane->answer_text),
                                             "draft-text.redo", NULL));
  g_clear_pointer (&shown, g_free);
  shown = buffer_text (pane->answer_text);
  g_assert_true (g_str_has_suffix (shown, " Typed just now."));
  g_assert_true (g_str_has_suffix (answer_text (project, "c-q10"), " Typed just now."));

  destroy_window (window);
}

static void
test_pane_keeps_cursor_on_unrelated_change (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GtkWindow *window;
  ChorusDraftPane *pane = create_pane (project, "c-q10", &window);
  GtkTextBuffer *buffer = chorus_draft_text_get_buffer (pane->answer_text);
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 25);
  gtk_text_buffer_place_cursor (buffer, &iter);

  chorus_project_set_answer_status (project, "c-q10", CHORUS_DRAFT_STATUS_FINAL);

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 25);
  g_assert_cmpuint (adw_combo_row_get_selected (pane->status_row), ==,
                    CHORUS_DRAFT_STATUS_FINAL);

  destroy_window (window);
}

/* The label the status row shows on screen (not the ones in its closed popover). */
static const char *
shown_status_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      !g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), "Status"))
    return gtk_label_get_label (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *label = shown_status_label (child);

      if (label != NULL)
        return label;
    }

  return NULL;
}

static void
test_pane_status (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GtkWindow *window;
  ChorusDraftPane *pane = create_pane (project, "c-q10", &window);

  g_assert_cmpint (chorus_project_get_answer_status (project, "c-q10"), ==,
                   CHORUS_DRAFT_STATUS_DRAFTING);
  g_assert_cmpstr (shown_status_label (GTK_WIDGET (pane->status_row)), ==,
                   chorus_draft_status_get_label (CHORUS_DRAFT_STATUS_DRAFTING));

  adw_combo_row_set_selected (pane->status_row, CHORUS_DRAFT_STATUS_IN_REVIEW);
  g_assert_cmpint (chorus_project_get_answer_status (project, "c-q10"), ==,
                   CHORUS_DRAFT_STATUS_IN_REVIEW);
  g_assert_cmpstr (chorus_project_get_undo_label (project), ==, "Change answer status");

  g_assert_true (chorus_project_undo (project));
  g_assert_false (chorus_project_can_undo (project));
  g_assert_cmpint (chorus_project_get_answer_status (project, "c-q10"), ==,
                   CHORUS_DRAFT_STATUS_DRAFTING);
  g_assert_cmpuint (adw_combo_row_get_selected (pane->status_row), ==,
                    CHORUS_DRAFT_STATUS_DRAFTING);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (pane));
  g_assert_cmpstr (shown_status_label (GTK_WIDGET (pane->status_row)), ==,
                   chorus_draft_status_get_label (CHORUS_DRAFT_STATUS_DRAFTING));

  /* Following the project is not an edit: nothing new to undo, the redo is still there. */
  g_assert_false (chorus_project_can_undo (project));
  g_assert_true (chorus_project_can_redo (project));

  destroy_window (window);
}

static GtkCheckButton *
option_check (ChorusDraftPane *pane,
              guint            position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (pane->options_list, position);

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

static void
test_pane_options (void)
{
  g_autoptr(ChorusProject) project = new_essex_project ();
  ChorusQuestion *question = find_question (project, "e-q1");
  GtkWindow *window;
  ChorusDraftPane *pane = create_pane (project, "e-q1", &window);
  GtkListBoxRow *row;
  ChorusDraft *answer;

  /* "No option chosen", then the question's options in order. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pane->options_group)));
  g_assert_nonnull (gtk_list_box_get_row_at_index (pane->options_list,
                                                   chorus_question_get_n_options (question)));
  g_assert_null (gtk_list_box_get_row_at_index (pane->options_list,
                                                chorus_question_get_n_options (question) + 1));
  row = gtk_list_box_get_row_at_index (pane->options_list, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   chorus_question_get_option_label (question, 1));
  g_assert_true (gtk_check_button_get_active (option_check (pane, 0)));

  /* Clicking the row chooses the option, as one undo step. */
  gtk_widget_activate (GTK_WIDGET (row));
  answer = chorus_project_get_answer (project, "e-q1");
  g_assert_nonnull (answer);
  g_assert_cmpstr (chorus_draft_get_option_id (answer), ==,
                   chorus_question_get_option_id (question, 1));
  g_assert_cmpstr (chorus_project_get_undo_label (project), ==, "Choose option");
  g_assert_true (gtk_check_button_get_active (option_check (pane, 2)));
  g_assert_false (gtk_check_button_get_active (option_check (pane, 0)));

  /* "No option chosen" clears the choice. */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (pane->options_list, 0)));
  g_assert_null (chorus_draft_get_option_id (answer));

  /* Undo twice: back to option 2, then to no answer at all; the buttons follow. */
  g_assert_true (chorus_project_undo (project));
  g_assert_true (gtk_check_button_get_active (option_check (pane, 2)));
  g_assert_true (chorus_project_undo (project));
  g_assert_null (chorus_project_get_answer (project, "e-q1"));
  g_assert_true (gtk_check_button_get_active (option_check (pane, 0)));
  g_assert_false (chorus_project_can_undo (project));

  destroy_window (window);
}

static void
test_pane_partner_response (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusGroup *council = chorus_project_find_group (project, "trafford-council");
  g_autofree char *council_before = NULL;
  GtkWindow *window;
  ChorusDraftPane *pane;
  ChorusGroup *forum;
  GtkWidget *council_editor;
  GtkWidget *forum_editor;
  g_autofree char *shown = NULL;

  g_assert_nonnull (council);
  council_before = g_strdup (chorus_project_get_partner_response (project, council, "d-q1"));
  g_assert_nonnull (council_before);

  pane = create_pane (project, "d-q1", &window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pane->partner_responses)));

  council_editor = chorus_partner_responses_get_editor (pane->partner_responses,
                                                        "trafford-council");
  g_assert_nonnull (council_editor);
  shown = buffer_text (CHORUS_DRAFT_TEXT (council_editor));
  g_assert_cmpstr (shown, ==, council_before);

  /* A second partner appears as a row of its own... */
  forum = chorus_project_add_group (project, "Patients’ Forum", TRUE);
  forum_editor = chorus_partner_responses_get_editor (pane->partner_responses,
                                                      chorus_group_get_id (forum));
  g_assert_nonnull (forum_editor);
  g_assert_null (chorus_project_get_partner_response (project, forum, "d-q1"));

  /* ...and what is typed there is that partner's response, not the council's. */
  type_text (CHORUS_DRAFT_TEXT (forum_editor), "The forum welcomes HealthWatch.");
  g_assert_true (chorus_draft_pane_commit (pane));
  g_assert_cmpstr (chorus_project_get_partner_response (project, forum, "d-q1"), ==,
                   "The forum welcomes HealthWatch.");
  g_assert_cmpstr (chorus_project_get_partner_response (project, council, "d-q1"), ==,
                   council_before);
  g_assert_null (answer_text (project, "d-q1"));
  g_assert_cmpstr (chorus_project_get_undo_label (project), ==, "Edit partner response");

  g_assert_true (chorus_project_undo (project));
  g_assert_null (chorus_project_get_partner_response (project, forum, "d-q1"));

  destroy_window (window);
}

static void
test_pane_switch_question_commits (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GtkWindow *window;
  ChorusDraftPane *pane = create_pane (project, "c-q10", &window);
  g_autofree char *expected = g_strconcat (answer_text (project, "c-q10"), " Unsaved words.", NULL);
  g_autofree char *shown = NULL;

  type_text (pane->answer_text, " Unsaved words.");
  g_assert_true (chorus_draft_text_has_pending_edit (pane->answer_text));

  /* Straight on to the next question, before the pause. */
  chorus_draft_pane_set_question (pane, find_question (project, "c-q11"));

  g_assert_cmpstr (answer_text (project, "c-q10"), ==, expected);
  g_assert_false (chorus_draft_text_has_pending_edit (pane->answer_text));
  shown = buffer_text (pane->answer_text);
  g_assert_cmpstr (shown, ==, answer_text (project, "c-q11"));
  g_assert_cmpuint (adw_combo_row_get_selected (pane->status_row), ==,
                    CHORUS_DRAFT_STATUS_IN_REVIEW);

  /* A question never answered: an empty editor, and looking at it writes nothing. */
  chorus_draft_pane_set_question (pane, find_question (project, "d-q2"));
  g_clear_pointer (&shown, g_free);
  shown = buffer_text (pane->answer_text);
  g_assert_null (chorus_project_get_answer (project, "d-q2"));
  g_assert_cmpstr (shown, ==, "");
  g_assert_false (chorus_draft_pane_commit (pane));
  g_assert_cmpuint (chorus_draft_text_get_n_words (pane->answer_text), ==, 0);

  destroy_window (window);
}

/* The first widget of @type under @widget, depth first; what AdwPreferencesGroup builds inside
 * is its own business, so the test does not count on its shape. */
static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
question_activated_cb (ChorusSectionPage *page,
                       const char        *question_id,
                       char             **activated)
{
  g_free (*activated);
  *activated = g_strdup (question_id);
}

static void
test_section_page (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  ChorusSection *section = chorus_consultation_find_section (consultation,
                                                             "commissioning-consortia");
  ChorusDocument *document = chorus_consultation_find_document (consultation, "commissioning");
  ChorusSectionPage *page = CHORUS_SECTION_PAGE (chorus_section_page_new ());
  GtkWindow *window = create_window (GTK_WIDGET (page), 800, 600);
  g_autofree char *before = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *activated = NULL;
  GtkWidget *group;
  GtkWidget *row;

  g_signal_connect (page, "question-activated", G_CALLBACK (question_activated_cb), &activated);
  chorus_section_page_set_project (page, project);
  chorus_section_page_set_target (page, G_OBJECT (section));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (page));

  g_assert_cmpstr (gtk_label_get_label (page->title_label), ==, chorus_section_get_title (section));
  /* One summary row per question of the section. */
  g_assert_cmpuint (page->question_rows->len, ==,
                    g_list_model_get_n_items (chorus_section_get_questions (section)));
  /* The core keeps no partner responses per section. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->partner_responses)));

  /* The section's key points, edited and undone. */
  before = g_strdup (chorus_project_get_key_points (project, "commissioning-consortia"));
  g_assert_nonnull (before);
  shown = buffer_text (page->key_points_text);
  g_assert_cmpstr (shown, ==, before);

  expected = g_strconcat (before, "\n\nGovernance matters most.", NULL);
  type_text (page->key_points_text, "\n\nGovernance matters most.");
  wait_for_commit (page->key_points_text);
  g_assert_cmpstr (chorus_project_get_key_points (project, "commissioning-consortia"), ==,
                   expected);
  g_assert_cmpstr (chorus_project_get_undo_label (project), ==, "Edit key points");
  g_assert_true (chorus_project_undo (project));
  g_clear_pointer (&shown, g_free);
  shown = buffer_text (page->key_points_text);
  g_assert_cmpstr (shown, ==, before);

  /* Clicking a question in the summary asks for it. */
  group = gtk_widget_get_first_child (GTK_WIDGET (page->questions_box));
  g_assert_nonnull (group);
  row = find_widget_of_type (group, ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  row = gtk_widget_get_next_sibling (row);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  gtk_widget_activate (row);
  {
    g_autoptr(ChorusQuestion) second = g_list_model_get_item (chorus_section_get_questions (section), 1);

    g_assert_cmpstr (activated, ==, chorus_question_get_id (second));
  }

  /* Typing, then straight to the document: the section keeps what was typed, the document
   * shows its own key points and its partners' responses. */
  type_text (page->key_points_text, " Pending.");
  chorus_section_page_set_target (page, G_OBJECT (document));
  g_assert_true (g_str_has_suffix (chorus_project_get_key_points (project, "commissioning-consortia"),
                                   " Pending."));
  g_clear_pointer (&shown, g_free);
  shown = buffer_text (page->key_points_text);
  g_assert_cmpstr (shown, ==, chorus_project_get_key_points (project, "commissioning"));
  g_assert_cmpstr (gtk_label_get_label (page->title_label), ==, chorus_document_get_title (document));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page->partner_responses)));
  g_assert_nonnull (chorus_partner_responses_get_editor (page->partner_responses,
                                                         "trafford-council"));
  g_assert_cmpuint (page->question_rows->len, >,
                    g_list_model_get_n_items (chorus_section_get_questions (section)));

  destroy_window (window);
}

static void
save_png (GtkWidget  *widget,
          const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
assert_row_shows_verbatim (GtkWidget  *row,
                           const char *title)
{
  g_assert_true (ADW_IS_PREFERENCES_ROW (row));
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
  g_assert_true (chorus_gui_test_has_label (row, title));
}

#define MARKUP_QUESTION "Should health & social care <b>merge</b>?"
#define MARKUP_OPTION "Yes & <i>soon</i>"
#define MARKUP_PARTNER "Age UK & Carers Trust <b>"
#define MARKUP_SECTION "Costs & <b>benefits</b>"

/* Names and texts come from users and consultation documents; an "&" or "<b>" in them is text
 * to show, not Pango markup (which would blank the row's title). */
static void
test_user_text_not_markup (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<consultation xmlns=\"https://chorus-app.github.io/ns/consultation/1\" version=\"1\""
    " id=\"markup\">\n"
    "  <title>Markup</title>\n"
    "  <document id=\"doc\">\n"
    "    <title>Doc</title>\n"
    "    <section id=\"sec\">\n"
    "      <title>Costs &amp; &lt;b&gt;benefits&lt;/b&gt;</title>\n"
    "      <question id=\"m-q1\" number=\"Q1\" kind=\"single-choice\">\n"
    "        <text>Should health &amp; social care &lt;b&gt;merge&lt;/b&gt;?</text>\n"
    "        <option id=\"opt-1\">Yes &amp; &lt;i&gt;soon&lt;/i&gt;</option>\n"
    "        <option id=\"opt-2\">No</option>\n"
    "      </question>\n"
    "    </section>\n"
    "  </document>\n"
    "</consultation>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) consultation = NULL;
  g_autoptr(ChorusProject) project = NULL;
  ChorusGroup *partner;
  ChorusSectionPage *page;
  GtkWindow *window;
  ChorusDraftPane *pane;
  GtkWidget *editor;
  GtkWidget *row;

  consultation = chorus_consultation_load_bytes (bytes, "markup.consultation.xml", &error);
  g_assert_no_error (error);
  project = chorus_project_new (consultation);
  g_assert_cmpstr (chorus_question_get_text (find_question (project, "m-q1")), ==,
                   MARKUP_QUESTION);
  partner = chorus_project_add_group (project, MARKUP_PARTNER, TRUE);

  /* The draft pane: the option row and the partner's row. */
  pane = create_pane (project, "m-q1", &window);
  assert_row_shows_verbatim (GTK_WIDGET (gtk_list_box_get_row_at_index (pane->options_list, 1)),
                             MARKUP_OPTION);
  editor = chorus_partner_responses_get_editor (pane->partner_responses,
                                                chorus_group_get_id (partner));
  g_assert_nonnull (editor);
  assert_row_shows_verbatim (gtk_widget_get_ancestor (editor, ADW_TYPE_EXPANDER_ROW),
                             MARKUP_PARTNER);
  destroy_window (window);

  /* The section page: the question's summary row, its text the title and its number first. */
  page = CHORUS_SECTION_PAGE (chorus_section_page_new ());
  window = create_window (GTK_WIDGET (page), 800, 600);
  chorus_section_page_set_project (page, project);
  chorus_section_page_set_target (page, G_OBJECT (chorus_consultation_find_section (consultation,
                                                                                     "sec")));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (page));
  row = find_widget_of_type (GTK_WIDGET (page->questions_box), ADW_TYPE_ACTION_ROW);
  g_assert_nonnull (row);
  assert_row_shows_verbatim (row, MARKUP_QUESTION);
  g_assert_true (chorus_gui_test_has_label (row, "Q1"));

  /* The document: its questions under their sections' titles. */
  chorus_section_page_set_target (page, G_OBJECT (chorus_consultation_find_document (consultation,
                                                                                      "doc")));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (page));
  g_assert_true (chorus_gui_test_has_label (GTK_WIDGET (page->questions_box), MARKUP_SECTION));
  destroy_window (window);
}

/* Pictures to look at (in the build directory), at the sizes the window gives: the pane in a
 * 320-pixel column, the section page in an 800×600 window. */
static void
test_screenshots (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  GtkWindow *window;
  ChorusDraftPane *pane = CHORUS_DRAFT_PANE (chorus_draft_pane_new ());
  ChorusSectionPage *page;

  window = create_window (GTK_WIDGET (pane), 320, 600);
  chorus_draft_pane_set_project (pane, project);
  chorus_draft_pane_set_question (pane, find_question (project, "d-q11"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (chorus_partner_responses_get_editor (pane->partner_responses, "trafford-council"),
                                                                            ADW_TYPE_EXPANDER_ROW)),
                                 TRUE);
  /* GtkTextView measures long texts in idle steps; let it finish before taking the picture. */
  chorus_gui_test_flush ();
  for (guint i = 0; i < 3; i++)
    chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "draft-pane.png");
  destroy_window (window);

  page = CHORUS_SECTION_PAGE (chorus_section_page_new ());
  window = create_window (GTK_WIDGET (page), 800, 600);
  chorus_section_page_set_project (page, project);
  chorus_section_page_set_target (page,
                                  G_OBJECT (chorus_consultation_find_section (chorus_project_get_consultation (project),
                                                                              "democratic-healthwatch")));
  /* GtkTextView measures long texts in idle steps; let it finish before taking the picture. */
  chorus_gui_test_flush ();
  for (guint i = 0; i < 3; i++)
    chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
  save_png (GTK_WIDGET (window), "section-page.png");
  destroy_window (window);

  {
    g_autoptr(ChorusProject) essex = new_essex_project ();

    pane = CHORUS_DRAFT_PANE (chorus_draft_pane_new ());
    window = create_window (GTK_WIDGET (pane), 320, 600);
    chorus_draft_pane_set_project (pane, essex);
    chorus_draft_pane_set_question (pane, find_question (essex, "e-q1"));
    for (guint i = 0; i < 3; i++)
      chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
    save_png (GTK_WIDGET (window), "draft-pane-options.png");
    destroy_window (window);
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Before loading the stylesheet: the widgets' classes bring the resources in with them. */
  g_type_ensure (CHORUS_TYPE_DRAFT_PANE);
  g_type_ensure (CHORUS_TYPE_SECTION_PAGE);
  chorus_gui_test_load_resources ();

  g_test_add_func ("/draft-pane/shows-answer", test_pane_shows_answer);
  g_test_add_func ("/draft-pane/typing-commits-after-pause", test_pane_typing_commits_after_pause);
  g_test_add_func ("/draft-pane/burst-is-one-step", test_pane_burst_is_one_step);
  g_test_add_func ("/draft-pane/undo-action-commits-first", test_pane_undo_action_commits_first);
  g_test_add_func ("/draft-pane/keeps-cursor", test_pane_keeps_cursor_on_unrelated_change);
  g_test_add_func ("/draft-pane/status", test_pane_status);
  g_test_add_func ("/draft-pane/options", test_pane_options);
  g_test_add_func ("/draft-pane/partner-response", test_pane_partner_response);
  g_test_add_func ("/draft-pane/switch-question-commits", test_pane_switch_question_commits);
  g_test_add_func ("/section-page/key-points", test_section_page);
  g_test_add_func ("/draft-pane/user-text-not-markup", test_user_text_not_markup);
  g_test_add_func ("/draft-pane/screenshots", test_screenshots);

  return g_test_run ();
}
