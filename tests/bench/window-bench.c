/* window-bench.c — how quickly the window answers on a large response
 *
 *   tools/with-xvfb window-bench FILE.chorus
 *
 * Opens FILE in a ChorusWindow (as the application does, minus the worker thread's parsing,
 * which tests/bench/run-bench measures as "load"), then times what a user does to the input
 * list: going to the question with the most input, choosing a group, typing a search word
 * letter by letter, choosing a theme, and clearing the filters with Escape; each until the list
 * has been refiltered and the window has drawn the result. Prints one line per step, in
 * milliseconds. A benchmark, not a test: nothing here asserts a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "chorus-window-private.h"

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Until the window has painted a frame showing what was just changed. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

/* Row widgets the list keeps, visible or not. */
static guint
count_rows (GtkWidget *widget)
{
  guint n = g_str_equal (G_OBJECT_TYPE_NAME (widget), "ChorusItemRow");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_rows (child);
  return n;
}

static gint64 step_start;

static void
begin (void)
{
  step_start = g_get_monotonic_time ();
}

static void
end (ChorusWindow *window,
     const char   *what)
{
  gint64 refiltered = g_get_monotonic_time ();
  guint shown;

  wait_for_frame (GTK_WIDGET (window));
  shown = g_list_model_get_n_items (chorus_question_page_get_items (window->question_page));
  /* GTK 4.8's list view keeps about 200 row widgets bound, whatever fits on screen: their
   * layout is most of the time to the next frame. */
  g_print ("%-44s %8.1f ms to refilter, %8.1f ms to the next frame  (%u items shown, %u rows bound)\n",
           what,
           (refiltered - step_start) / 1000.0,
           (g_get_monotonic_time () - step_start) / 1000.0,
           shown, count_rows (GTK_WIDGET (window)));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  ChorusWindow *window;
  ChorusStats *stats;
  ChorusItemFilter *filter;
  GListModel *questions;
  const char *busiest = NULL;
  guint most = 0;
  const char *word = "staff";
  gint64 start;

  if (argc != 2)
    {
      g_printerr ("Usage: window-bench FILE.chorus (under a display, e.g. tools/with-xvfb)\n");
      return 2;
    }

  gtk_init ();
  adw_init ();

  start = g_get_monotonic_time ();
  project = chorus_project_load_file (argv[1], &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  stats = chorus_project_get_stats (project);
  g_print ("%-44s %8.1f ms  (%u items)\n", "load the file (parse and validate)",
           (g_get_monotonic_time () - start) / 1000.0, chorus_stats_get_n_items (stats));

  window = chorus_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (GTK_WIDGET (window));

  begin ();
  chorus_window_set_project (window, project);
  end (window, "show it (outline, first question, charts)");

  questions = chorus_consultation_get_questions (chorus_project_get_consultation (project));
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);
      guint n = chorus_stats_count_question (stats, chorus_question_get_id (question));

      if (n > most)
        {
          most = n;
          busiest = chorus_question_get_id (question);
        }
    }

  begin ();
  chorus_window_select_question (window, busiest);
  end (window, "go to the question with the most input");

  filter = chorus_question_page_get_filter (window->question_page);

  begin ();
  {
    g_autoptr(ChorusGroup) group = g_list_model_get_item (chorus_project_get_groups (project), 0);

    chorus_item_filter_set_group_id (filter, chorus_group_get_id (group));
  }
  end (window, "choose a group");

  for (guint length = 1; length <= strlen (word); length++)
    {
      g_autofree char *typed = g_strndup (word, length);
      g_autofree char *what = g_strdup_printf ("type “%s”", typed);

      begin ();
      chorus_item_filter_set_text (filter, typed);
      end (window, what);
    }

  begin ();
  {
    g_autoptr(ChorusTheme) theme = g_list_model_get_item (G_LIST_MODEL (chorus_project_get_codebook (project)), 0);

    chorus_item_filter_set_theme_id (filter, chorus_theme_get_id (theme));
  }
  end (window, "choose a theme");

  begin ();
  gtk_widget_activate_action (GTK_WIDGET (window->question_page), "input.clear-filters", NULL);
  end (window, "clear the filters (Escape)");

  begin ();
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (gtk_widget_get_template_child (GTK_WIDGET (window->question_page), CHORUS_TYPE_QUESTION_PAGE, "items_view")));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  }
  end (window, "scroll to the middle of the list");

  chorus_project_mark_saved (project);
  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
