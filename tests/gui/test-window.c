/* test-window.c — the main window on the example response, under Xvfb (suite "gui")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "chorus-gui-test.h"
#include "chorus-gui-util.h"
#include "chorus-item-row.h"
#include "chorus-outline-node.h"
#include "chorus-question-page.h"
#include "chorus-row-label.h"
#include "chorus-export-dialog.h"
#include "chorus-import-dialog.h"
#include "chorus-notes-import-dialog.h"
#include "chorus-theme-dialog-private.h"
#include "chorus-window-private.h"

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                "trafford-staff-response.chorus", NULL);
}

static ChorusProject *
load_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GError) error = NULL;
  ChorusProject *project;

  project = chorus_project_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);

  return project;
}

/* A window the test owns: GTK keeps toplevels alive until they are destroyed, so the test
 * takes its own reference to check, at the end, that nothing else still holds one. */
static ChorusWindow *
create_window (void)
{
  ChorusWindow *window = chorus_window_new (NULL);

  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
destroy_window (ChorusWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  chorus_gui_test_flush ();
  g_assert_finalize_object (window);
}

static void
expand_all (GtkTreeListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (model, i);

      gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

static guint
count_widgets_of_type (GtkWidget *widget,
                       GType      type)
{
  guint count = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_widgets_of_type (child, type);

  return count;
}

static void
test_window_welcome (void)
{
  ChorusWindow *window = create_window ();

  g_assert_null (chorus_window_get_project (window));
  g_assert_true (chorus_window_is_empty (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Chorus");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->sidebar_button)));

  destroy_window (window);
}

static void
test_window_outline (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  g_autoptr(ChorusStats) stats = chorus_stats_ref (chorus_project_get_stats (project));
  ChorusWindow *window = create_window ();
  GListModel *rows;
  guint n_questions = 0;
  guint n_documents = 0;

  chorus_window_set_project (window, project);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (chorus_window_get_project (window) == project);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "project");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==,
                   "trafford-staff-response.chorus");
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==,
                   chorus_project_get_organisation (project));

  /* The list view shows the tree model the window built. */
  rows = G_LIST_MODEL (gtk_list_view_get_model (window->outline_view));
  g_assert_true (rows == G_LIST_MODEL (window->outline_selection));

  expand_all (window->outline_model);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(ChorusOutlineNode) node = gtk_tree_list_row_get_item (row);
      ChorusQuestion *question = chorus_outline_node_get_question (node);

      if (chorus_outline_node_get_kind (node) == CHORUS_OUTLINE_NODE_DOCUMENT)
        n_documents++;

      if (question == NULL)
        continue;

      /* Questions come in document order, with the project's counts and status. */
      g_assert_cmpint (chorus_consultation_get_question_index (consultation,
                                                               chorus_question_get_id (question)),
                       ==, n_questions);
      g_assert_cmpuint (chorus_outline_node_get_n_items (node), ==,
                        chorus_stats_count_question (stats, chorus_question_get_id (question)));
      g_assert_cmpint (chorus_outline_node_get_status (node), ==,
                       chorus_project_get_answer_status (project,
                                                         chorus_question_get_id (question)));
      n_questions++;
    }

  g_assert_cmpuint (n_questions, >, 0);
  g_assert_cmpuint (n_questions, ==, chorus_consultation_get_n_questions (consultation));
  g_assert_cmpuint (n_documents, ==,
                    g_list_model_get_n_items (chorus_consultation_get_documents (consultation)));

  /* And the rows are on screen. */
  g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window->outline_view),
                                           GTK_TYPE_TREE_EXPANDER), >, 0);

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
test_window_select_question (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  g_autoptr(ChorusStats) stats = chorus_stats_ref (chorus_project_get_stats (project));
  GListModel *questions = chorus_consultation_get_questions (consultation);
  ChorusWindow *window = create_window ();
  guint n_with_items = 0;

  chorus_window_set_project (window, project);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));

  /* The window opens on the first question. */
  {
    g_autoptr(ChorusQuestion) first = g_list_model_get_item (questions, 0);

    g_assert_true (chorus_question_page_get_question (window->question_page) == first);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "question");
  }

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);
      const char *question_id = chorus_question_get_id (question);
      guint expected = chorus_stats_count_question (stats, question_id);
      GListModel *items;
      GtkTreeListRow *selected;
      g_autoptr(ChorusOutlineNode) node = NULL;

      g_assert_true (chorus_window_select_question (window, question_id));

      selected = gtk_single_selection_get_selected_item (window->outline_selection);
      node = gtk_tree_list_row_get_item (selected);
      g_assert_true (chorus_outline_node_get_question (node) == question);
      g_assert_true (chorus_question_page_get_question (window->question_page) == question);

      items = chorus_question_page_get_items (window->question_page);
      g_assert_cmpuint (g_list_model_get_n_items (items), ==, expected);

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(ChorusItem) item = g_list_model_get_item (items, j);

          g_assert_cmpstr (chorus_item_get_question_id (item), ==, question_id);
        }

      if (expected > 0)
        {
          n_with_items++;

          /* Rows actually appear for the input. */
          chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
          g_assert_cmpuint (count_widgets_of_type (GTK_WIDGET (window->question_page),
                                                   CHORUS_TYPE_ITEM_ROW), >, 0);
        }
    }

  /* The example has input under its questions; a test that never saw any proves little. */
  g_assert_cmpuint (n_with_items, >, 0);

  g_assert_false (chorus_window_select_question (window, "no-such-question"));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
test_window_modified_title (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();

  chorus_window_set_project (window, project);

  g_assert_false (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  chorus_project_set_organisation (project, "Trafford Partnership");
  g_assert_true (chorus_project_get_modified (project));
  g_assert_true (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "•"));
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==,
                   "Trafford Partnership");

  g_assert_true (chorus_project_undo (project));
  g_assert_false (chorus_project_get_modified (project));
  g_assert_false (g_str_has_suffix (gtk_window_get_title (GTK_WINDOW (window)), "•"));

  destroy_window (window);
  g_assert_finalize_object (g_steal_pointer (&project));
}

static void
project_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  gboolean *notified = user_data;

  *notified = TRUE;
}

static void
test_window_open_file (void)
{
  g_autofree char *example = example_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chorus-test-window-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "staff response.chorus", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  gsize length;
  ChorusWindow *window = create_window ();
  gboolean notified = FALSE;

  g_assert_true (g_file_get_contents (example, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, &error));

  g_signal_connect (window, "notify::project", G_CALLBACK (project_notify_cb), &notified);
  chorus_window_open_file (window, file);

  /* While the worker thread reads, the window knows which file is coming. */
  g_assert_false (chorus_window_is_empty (window));
  g_assert_true (g_file_equal (chorus_window_get_file (window), file));

  while (!notified)
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (chorus_window_get_project (window));
  g_assert_true (g_file_equal (chorus_window_get_file (window), file));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "project");
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "staff response.chorus");

  /* The bundled example, however it is opened, is a template: saving never writes over it. */
  notified = FALSE;
  chorus_window_open_file (window, example_file);
  while (!notified)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (chorus_project_get_file (chorus_window_get_project (window)));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Example Response");

  destroy_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
test_window_open_broken (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chorus-test-window-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  ChorusWindow *window;
  AdwMessageDialog *dialog;
  gint64 deadline;

  g_assert_no_error (error);
  path = g_build_filename (dir, "broken.chorus", NULL);
  g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<project xmlns=\"oops\">\n  <unclosed>\n",
                       -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  window = create_window ();
  chorus_window_open_file (window, file);

  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((dialog = find_message_dialog (GTK_WINDOW (window))) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* The dialog names the file and quotes the library's message, which names it too. */
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.chorus"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.chorus"));

  /* Nothing was opened, and the window is usable again. */
  g_assert_null (chorus_window_get_project (window));
  g_assert_true (chorus_window_is_empty (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "welcome");

  /* Escape, like a click on "Close", closes the dialog with its close response. */
  g_object_ref (dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  chorus_gui_test_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_finalize_object (dialog);

  destroy_window (window);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Runs the main loop until @window has a message dialog, for at most 20 seconds. */
static AdwMessageDialog *
wait_for_message_dialog (GtkWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog (window)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return dialog;
}

static void
close_dialog (AdwMessageDialog *dialog,
              const char       *response)
{
  adw_message_dialog_response (dialog, response);
  chorus_gui_test_flush ();
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("chorus-test-window-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Closing a window with unsaved changes asks first; "Cancel" keeps it, "Discard" closes it.
 * A window with nothing unsaved closes without asking. */
static void
test_window_unsaved_prompt (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  AdwMessageDialog *dialog;

  chorus_window_set_project (window, project);

  /* Nothing changed: no question. */
  g_assert_true (_chorus_window_confirm_close (window));
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));

  chorus_project_set_organisation (project, "NHS Trafford (edited)");
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_message_dialog (GTK_WINDOW (window));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "trafford-staff-response.chorus"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));

  /* Cancel: the window and the edit are still there. */
  close_dialog (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (chorus_project_get_organisation (project), ==, "NHS Trafford (edited)");

  /* Undoing back to the saved state makes the question unnecessary again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (chorus_project_get_modified (project));
  g_assert_true (_chorus_window_confirm_close (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (chorus_project_get_modified (project));
  gtk_window_close (GTK_WINDOW (window));
  dialog = wait_for_message_dialog (GTK_WINDOW (window));
  close_dialog (dialog, "discard");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));

  destroy_window (window);
}

/* Save writes the file, clears the unsaved marker and keeps the previous version as FILE~;
 * the example opens as an unsaved copy, so its first save needs a new name. */
static void
test_window_save (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "response.chorus", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChorusProject) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  ChorusWindow *window = create_window ();
  ChorusProject *project;
  gint64 deadline;

  chorus_window_open_example (window);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (chorus_window_get_project (window) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  project = chorus_window_get_project (window);

  /* The installed example is never written to. */
  g_assert_null (chorus_project_get_file (project));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Example Response");

  chorus_project_set_file (project, file);
  chorus_project_set_organisation (project, "Saved Trust");
  g_assert_true (g_str_has_suffix (adw_window_title_get_title (window->window_title), "•"));

  g_assert_true (chorus_window_save (window));
  g_assert_false (chorus_project_get_modified (project));
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "response.chorus");

  reloaded = chorus_project_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chorus_project_get_organisation (reloaded), ==, "Saved Trust");

  chorus_project_set_organisation (project, "Saved Twice");
  g_assert_true (chorus_window_save (window));
  g_assert_true (g_file_get_contents (backup, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Saved Trust"));

  destroy_window (window);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_remove (backup), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A failed save says why and loses nothing: the response stays open and unsaved. */
static void
test_window_save_fails (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing-folder", "response.chorus", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  AdwMessageDialog *dialog;

  chorus_window_set_project (window, project);
  chorus_project_set_file (project, file);
  chorus_project_set_organisation (project, "Unsaved Trust");

  g_assert_false (chorus_window_save (window));
  dialog = wait_for_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "response.chorus"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  close_dialog (dialog, "close");

  g_assert_true (chorus_project_get_modified (project));
  g_assert_cmpstr (chorus_project_get_organisation (project), ==, "Unsaved Trust");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Let the window go without the unsaved-changes question. */
  chorus_project_mark_saved (project);
  destroy_window (window);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The first AdwActionRow under @widget titled @title, depth first. */
static GtkWidget *
find_row_titled (GtkWidget  *widget,
                 const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_titled (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* An unsaved edit reaches a recovery copy, by itself, a moment after it is made; restoring
 * the copy in a new window brings the edit back, unsaved; saving removes the copy. */
static void
test_window_autosave_restore (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "response.chorus", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusRecoveryEntry) entry = NULL;
  g_autofree char *key = NULL;
  ChorusWindow *window = create_window ();
  ChorusWindow *second;
  ChorusProject *restored;
  gint64 deadline;

  g_settings_set_uint (settings, "autosave-interval", 1);
  g_assert_true (chorus_project_save_file (project, path, &error));
  g_assert_no_error (error);

  chorus_window_set_project (window, project);
  key = g_strdup (chorus_window_get_recovery_key (window));
  g_assert_nonnull (key);
  g_assert_null (chorus_recovery_find (key));

  chorus_project_set_organisation (project, "Recovered Trust");

  /* The timer writes the copy in a worker thread. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((entry = chorus_recovery_find (key)) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_true (g_file_equal (entry->original, file));

  /* The next start finds it on the welcome page of a new window, its folder in the row so
   * that two copies of files of the same name can be told apart; and restores it. */
  second = create_window ();
  {
    GtkWidget *row = find_row_titled (GTK_WIDGET (second->welcome_page), "response.chorus");
    g_autofree char *dir_name = g_path_get_basename (dir);
    const char *subtitle;

    g_assert_nonnull (row);
    subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
    g_assert_nonnull (strstr (subtitle, dir_name));
    g_assert_nonnull (strstr (subtitle, " · "));
  }
  gtk_widget_activate_action (GTK_WIDGET (second), "win.restore-recovery", "s", key);
  restored = chorus_window_get_project (second);
  g_assert_nonnull (restored);
  g_assert_cmpstr (chorus_project_get_organisation (restored), ==, "Recovered Trust");
  g_assert_true (chorus_project_get_modified (restored));
  g_assert_true (g_file_equal (chorus_project_get_file (restored), file));
  g_assert_cmpstr (chorus_window_get_recovery_key (second), ==, key);

  /* A clean save of the restored response removes the copy. */
  g_assert_true (chorus_window_save (second));
  g_assert_null (chorus_recovery_find (key));

  chorus_project_mark_saved (project);
  destroy_window (second);
  destroy_window (window);
  g_settings_reset (settings, "autosave-interval");

  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_remove (backup);
  }
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The search finds input by its words and jumps to the question it answers. */
static void
test_window_search (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  GListModel *results;
  g_autoptr(ChorusSearchResult) first = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(ChorusOutlineNode) node = NULL;
  guint n;

  chorus_window_set_project (window, project);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_true (gtk_search_bar_get_search_mode (window->search_bar));

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "HealthWatch");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  results = G_LIST_MODEL (window->search_selection);
  n = g_list_model_get_n_items (results);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "results");

  first = g_list_model_get_item (results, 0);
  g_signal_emit_by_name (window->search_results_view, "activate", 0);
  row = gtk_single_selection_get_selected_item (window->outline_selection);
  g_assert_nonnull (row);
  row = g_object_ref (row);
  node = gtk_tree_list_row_get_item (row);
  g_assert_cmpstr (chorus_question_get_id (chorus_outline_node_get_question (node)), ==,
                   chorus_search_result_get_question_id (first));

  gtk_editable_set_text (GTK_EDITABLE (window->search_entry), "zzzz-no-such-words");
  g_signal_emit_by_name (window->search_entry, "search-changed");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "no-results");

  gtk_search_bar_set_search_mode (window->search_bar, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->sidebar_stack), ==, "outline");

  destroy_window (window);
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* A survey or notes file dropped on the window opens its import assistant on that file; the
 * import actions need a response to import into. */
static void
test_window_import_actions (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autofree char *survey = g_test_build_filename (G_TEST_DIST, "data", "import", "survey-staff.csv", NULL);
  g_autofree char *notes = g_test_build_filename (G_TEST_DIST, "data", "import", "focus-group-1.md", NULL);
  g_autoptr(GFile) survey_file = g_file_new_for_path (survey);
  g_autoptr(GFile) notes_file = g_file_new_for_path (notes);
  g_autofree char *survey_uri = g_file_get_uri (survey_file);
  g_autofree char *notes_uri = g_file_get_uri (notes_file);
  ChorusWindow *window = create_window ();
  GtkWindow *dialog;

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-csv-file", "s",
                                              survey_uri) &&
                  find_toplevel_of_type (CHORUS_TYPE_IMPORT_DIALOG) != NULL);

  chorus_window_set_project (window, project);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-csv-file", "s",
                                             survey_uri));
  dialog = find_toplevel_of_type (CHORUS_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (g_file_equal (chorus_import_dialog_get_file (CHORUS_IMPORT_DIALOG (dialog)),
                               survey_file));
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  gtk_window_destroy (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-notes-file", "s",
                                             notes_uri));
  dialog = find_toplevel_of_type (CHORUS_TYPE_NOTES_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
  chorus_gui_test_flush ();

  destroy_window (window);
}

/* Clicking a theme's bar on the dashboard lists exactly the items the core counts for it,
 * from every question; choosing a question goes back to that question's input. */
static void
test_window_dashboard_click (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (project));
  ChorusStats *stats = chorus_project_get_stats (project);

  chorus_window_set_project (window, project);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "dashboard");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "dashboard");

  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);
      ChorusChartHit hit = { 0, };
      GListModel *shown;

      hit.target = CHORUS_CHART_TARGET_BAR;
      hit.fields = CHORUS_CHART_HIT_THEME;
      hit.theme_id = chorus_theme_get_id (theme);
      g_signal_emit_by_name (window->dashboard, "show-items", &hit);

      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "question");
      shown = chorus_question_page_get_items (window->question_page);
      g_assert_cmpuint (g_list_model_get_n_items (shown), ==,
                        chorus_stats_count_theme (stats, chorus_theme_get_id (theme)));
      for (guint j = 0; j < g_list_model_get_n_items (shown); j++)
        {
          g_autoptr(ChorusItem) item = g_list_model_get_item (shown, j);

          g_assert_true (chorus_item_has_theme (item, chorus_theme_get_id (theme)));
        }
    }

  g_assert_true (chorus_window_select_question (window, "t-q1"));
  g_assert_cmpuint (g_list_model_get_n_items (chorus_question_page_get_items (window->question_page)), <=,
                    chorus_stats_count_question (stats, "t-q1"));

  destroy_window (window);
}

/* The outline folds away at the same window width on every page: at 800 pixels it overlays
 * the dashboard and the engagement page as it does a question, and at 1,000 it stays beside
 * all three, so moving between pages never makes it jump in and out. */
static void
test_window_sidebar_folds_alike (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  static const char * const views[] = { "questions", "dashboard", "engagement" };
  static const int widths[] = { 800, 1000 };

  chorus_window_set_project (window, project);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 600);
      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          if (v == 0)
            g_assert_true (chorus_window_select_question (window, "t-q1"));
          else
            gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", views[v]);
          chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
          chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
          g_test_message ("%d px, %s", widths[w], views[v]);
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, widths[w]);
          g_assert_cmpint (adw_flap_get_folded (window->flap), ==, widths[w] < 900);
        }
    }

  destroy_window (window);
}

/* A toast names a file or repeats an error as it is: its title is markup, so "&" and "<" in
 * them must reach the screen as themselves, not blank the toast. */
static void
test_window_toast_text_verbatim (void)
{
  const char *message = "“Q&A <draft>.pdf” is not a response";
  g_autoptr(AdwToast) toast = g_object_ref_sink (chorus_toast_new_text (message));
  g_autofree char *shown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pango_parse_markup (adw_toast_get_title (toast), -1, 0, NULL, &shown, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (shown, ==, message);
}

/* Moving the keyboard focus through the sidebar's places does not change the page (GtkListBox
 * selects the row under the focus); activating one does. Leaving the search with Escape puts
 * the focus back on the page. */
static void
test_window_places_follow_activation (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  GtkWidget *focus;

  chorus_window_set_project (window, project);
  g_assert_true (chorus_window_select_question (window, "t-q1"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "question");

  /* What a Tab onto the row does. */
  gtk_list_box_select_row (window->places_list, window->dashboard_row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "question");
  g_assert_null (gtk_list_box_get_selected_row (window->places_list));

  /* A click or Enter. */
  g_signal_emit_by_name (window->dashboard_row, "activate");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "dashboard");
  g_assert_true (gtk_list_box_get_selected_row (window->places_list) == window->dashboard_row);

  gtk_list_box_select_row (window->places_list, window->engagement_row);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "dashboard");
  g_assert_true (gtk_list_box_get_selected_row (window->places_list) == window->dashboard_row);

  /* Back to a question: the places show nothing selected. */
  g_assert_true (chorus_window_select_question (window, "t-q1"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "question");
  g_assert_null (gtk_list_box_get_selected_row (window->places_list));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->search_entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (window->search_entry)));
  gtk_search_bar_set_search_mode (window->search_bar, FALSE);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (window->content_stack)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->content_stack), ==, "question");

  destroy_window (window);
}

/* A screen reader names each outline row by its number, question, input count and status:
 * the row is what takes the focus, and GTK 4.8 gives it no name of its own. */
static void
test_window_outline_rows_named (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n_questions = 0;

  chorus_window_set_project (window, project);
  expand_all (window->outline_model);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
  chorus_gui_test_collect (GTK_WIDGET (window->outline_view), CHORUS_TYPE_ROW_LABEL, labels);
  g_assert_cmpuint (labels->len, >, 0);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *row_label = g_ptr_array_index (labels, i);
      const char *label = chorus_row_label_get_label (CHORUS_ROW_LABEL (row_label));
      GtkWidget *row = row_label;
      g_autofree char *error = NULL;

      g_assert_nonnull (label);
      while (!GTK_IS_LIST_VIEW (gtk_widget_get_parent (row)))
        row = gtk_widget_get_parent (row);
      error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      g_assert_null (error);

      if (g_str_has_prefix (label, "Q1, How can the proposed Outcome Framework support equality"))
        {
          g_autofree char *items = g_strdup_printf (", %u items, ",
                                                    chorus_stats_count_question (chorus_project_get_stats (project), "t-q1"));

          g_assert_nonnull (strstr (label, items));
          g_assert_true (g_str_has_suffix (label, chorus_draft_status_get_label (
                                             chorus_project_get_answer_status (project, "t-q1"))));
          n_questions++;
        }
    }
  g_assert_cmpuint (n_questions, ==, 1);

  destroy_window (window);
}

/* Ctrl+Shift+N starts a new theme from anywhere in the window, opening the themes pane to show
 * it, as the shortcuts window says. */
static void
test_window_new_theme_anywhere (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  GListModel *codebook = G_LIST_MODEL (chorus_project_get_codebook (project));
  guint before = g_list_model_get_n_items (codebook);
  ChorusThemeDialog *dialog = NULL;

  /* Wide enough for the pane to sit beside the page rather than over it. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 800);
  chorus_window_set_project (window, project);
  g_assert_true (chorus_window_select_question (window, "t-q1"));
  g_assert_false (gtk_toggle_button_get_active (window->codebook_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-theme", NULL));
  g_assert_true (gtk_toggle_button_get_active (window->codebook_button));
  for (guint attempt = 0; attempt < 100 && dialog == NULL; attempt++)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (CHORUS_IS_THEME_DIALOG (l->data) && gtk_widget_get_visible (l->data))
          dialog = l->data;
      if (dialog == NULL)
        g_main_context_iteration (NULL, TRUE);
    }
  g_assert_nonnull (dialog);

  gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), "Estates and buildings");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "theme.apply", NULL));
  chorus_gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (codebook), ==, before + 1);
  g_assert_nonnull (chorus_codebook_find_by_name (CHORUS_CODEBOOK (codebook), "Estates and buildings"));

  chorus_project_mark_saved (project);
  destroy_window (window);
}

static gboolean
focus_is_in (ChorusWindow *window,
             GtkWidget    *pane)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

/* F6 moves the focus from pane to pane (outline, input, answer) and round again; Shift+F6 goes
 * back. */
static void
test_window_focus_panes (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  GtkWidget *sidebar;

  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  chorus_window_set_project (window, project);
  g_assert_true (chorus_window_select_question (window, "t-q1"));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
  sidebar = adw_flap_get_flap (window->flap);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (window->outline_view)));
  g_assert_true (focus_is_in (window, sidebar));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-pane", "b", FALSE);
  g_assert_true (focus_is_in (window, GTK_WIDGET (window->question_page)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-pane", "b", FALSE);
  g_assert_true (focus_is_in (window, GTK_WIDGET (window->draft_pane)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-pane", "b", FALSE);
  g_assert_true (focus_is_in (window, GTK_WIDGET (window->outline_view)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-pane", "b", TRUE);
  g_assert_true (focus_is_in (window, GTK_WIDGET (window->draft_pane)));

  destroy_window (window);
}

/* Export › XML opens the export dialog on XML, for this response. */
static void
test_window_export_action (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  ChorusWindow *window = create_window ();
  GtkWindow *dialog;

  chorus_window_set_project (window, project);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", "xml"));
  dialog = find_toplevel_of_type (CHORUS_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (chorus_export_dialog_get_format (CHORUS_EXPORT_DIALOG (dialog)), ==,
                   CHORUS_EXPORT_FORMAT_XML);
  g_assert_true (chorus_export_dialog_get_project (CHORUS_EXPORT_DIALOG (dialog)) == project);
  gtk_window_destroy (dialog);
  chorus_gui_test_flush ();

  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("chorus-test-data-XXXXXX", NULL);

  /* Recovery copies and recent files go to a folder of the test's own. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chorus_gui_test_load_resources ();

  g_test_add_func ("/window/welcome", test_window_welcome);
  g_test_add_func ("/window/outline", test_window_outline);
  g_test_add_func ("/window/select-question", test_window_select_question);
  g_test_add_func ("/window/modified-title", test_window_modified_title);
  g_test_add_func ("/window/open-file", test_window_open_file);
  g_test_add_func ("/window/open-broken", test_window_open_broken);
  g_test_add_func ("/window/unsaved-prompt", test_window_unsaved_prompt);
  g_test_add_func ("/window/save", test_window_save);
  g_test_add_func ("/window/save-fails", test_window_save_fails);
  g_test_add_func ("/window/autosave-restore", test_window_autosave_restore);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/import-actions", test_window_import_actions);
  g_test_add_func ("/window/dashboard-click", test_window_dashboard_click);
  g_test_add_func ("/window/export-action", test_window_export_action);
  g_test_add_func ("/window/sidebar-folds-alike", test_window_sidebar_folds_alike);
  g_test_add_func ("/window/toast-text-verbatim", test_window_toast_text_verbatim);
  g_test_add_func ("/window/places-follow-activation", test_window_places_follow_activation);
  g_test_add_func ("/window/outline-rows-named", test_window_outline_rows_named);
  g_test_add_func ("/window/new-theme-anywhere", test_window_new_theme_anywhere);
  g_test_add_func ("/window/focus-panes", test_window_focus_panes);

  return g_test_run ();
}
