/* test-dashboard.c — the dashboard on the example response, under Xvfb (suite "gui")
 *
 * Pointer and keys reach the widgets the way GTK delivers them to their controllers: the
 * click gesture's "released", the motion controller's "motion", and the widget's own key
 * bindings, found by key and activated. GTK 4.8 has no public way to synthesise events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-card-grid.h"
#include "chorus-dashboard-private.h"
#include "chorus-gui-test.h"

typedef struct
{
  ChorusProject   *project;
  GtkWindow       *window;
  ChorusDashboard *dashboard;
} Fixture;

/* What a "show-items" emission carried, copied: the hit's strings die with the emission. */
typedef struct
{
  guint                n_emissions;
  ChorusChartTarget    target;
  ChorusChartHitFields fields;
  char                *theme_id;
  char                *group_id;
  guint                count;
  char                *text;
} Emission;

static void
emission_clear (Emission *emission)
{
  g_clear_pointer (&emission->theme_id, g_free);
  g_clear_pointer (&emission->group_id, g_free);
  g_clear_pointer (&emission->text, g_free);
}

static void
show_items_cb (ChorusDashboard      *dashboard,
               const ChorusChartHit *hit,
               Emission             *emission)
{
  emission_clear (emission);
  emission->n_emissions++;
  emission->target = hit->target;
  emission->fields = hit->fields;
  emission->theme_id = g_strdup (hit->theme_id);
  emission->group_id = g_strdup (hit->group_id);
  emission->count = hit->count;
  emission->text = g_strdup (hit->text);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GError) error = NULL;

  fixture->project = chorus_project_load_file (path, &error);
  g_assert_no_error (error);

  fixture->dashboard = CHORUS_DASHBOARD (chorus_dashboard_new ());
  g_object_ref_sink (fixture->dashboard);
  chorus_dashboard_set_project (fixture->dashboard, fixture->project);

  /* GTK keeps toplevels alive until they are destroyed; the test holds its own reference to
   * check at the end that nothing else still does. */
  fixture->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 1100, 720);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->dashboard));
  gtk_window_present (fixture->window);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  chorus_gui_test_flush ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->dashboard);
  g_assert_finalize_object (fixture->project);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static ChorusDashboardCard *
themes_card (Fixture *fixture)
{
  return &fixture->dashboard->cards[CHORUS_DASHBOARD_THEMES];
}

static gpointer
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

/* Presses @keyval as the widget's key bindings see it: the shortcut bound to the key,
 * activated on the widget. FALSE when no binding has the key. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static guint
count_chart_views (GtkWidget *widget,
                   GSList   **kinds)
{
  guint count = 0;

  if (CHORUS_IS_CHART_VIEW (widget) && gtk_widget_is_drawable (widget))
    {
      ChorusChart *chart = chorus_chart_view_get_chart (CHORUS_CHART_VIEW (widget));

      g_assert_nonnull (chart);
      *kinds = g_slist_prepend (*kinds, GINT_TO_POINTER (chorus_chart_get_kind (chart)));
      count++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_chart_views (child, kinds);

  return count;
}

static void
test_dashboard_four_charts (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GSList) kinds = NULL;

  g_assert_cmpuint (count_chart_views (GTK_WIDGET (fixture->dashboard), &kinds), ==, 4);
  g_assert_nonnull (g_slist_find (kinds, GINT_TO_POINTER (CHORUS_CHART_KIND_THEMES)));
  g_assert_nonnull (g_slist_find (kinds, GINT_TO_POINTER (CHORUS_CHART_KIND_STANCE)));
  g_assert_nonnull (g_slist_find (kinds, GINT_TO_POINTER (CHORUS_CHART_KIND_COVERAGE)));
  g_assert_nonnull (g_slist_find (kinds, GINT_TO_POINTER (CHORUS_CHART_KIND_HEATMAP)));

  /* Every chart drew bars to click: the example has coded input, stances and answers. */
  for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
    g_assert_cmpuint (chorus_chart_get_n_regions (fixture->dashboard->cards[i].chart), >, 0);
}

static void
test_dashboard_click (Fixture       *fixture,
                      gconstpointer  user_data)
{
  ChorusDashboardCard *card = themes_card (fixture);
  GtkGesture *click = find_controller (GTK_WIDGET (card->view), GTK_TYPE_GESTURE_CLICK);
  g_autofree char *theme_id = NULL;
  Emission emission = { 0 };
  cairo_rectangle_t rect;
  ChorusChartHit hit;
  guint count;

  g_assert_nonnull (click);
  g_signal_connect (fixture->dashboard, "show-items", G_CALLBACK (show_items_cb), &emission);

  g_assert_true (chorus_chart_get_region (card->chart, 1, &rect, &hit));
  g_assert_cmpfloat (rect.width, >, 0);
  theme_id = g_strdup (hit.theme_id);
  count = hit.count;

  g_signal_emit_by_name (click, "released", 1,
                         rect.x + rect.width / 2, rect.y + rect.height / 2);

  g_assert_cmpuint (emission.n_emissions, ==, 1);
  g_assert_cmpint (emission.target, ==, CHORUS_CHART_TARGET_BAR);
  g_assert_true (emission.fields & CHORUS_CHART_HIT_THEME);
  g_assert_cmpstr (emission.theme_id, ==, theme_id);
  g_assert_cmpuint (emission.count, ==, count);
  /* The ring follows the click, so the keyboard carries on from there. */
  g_assert_cmpint (chorus_chart_view_get_focused_region (card->view), ==, 1);

  /* Empty space (the top-left corner, left of the labels) does nothing. */
  g_signal_emit_by_name (click, "released", 1, 1.0, 1.0);
  g_assert_cmpuint (emission.n_emissions, ==, 1);

  emission_clear (&emission);
}

static void
test_dashboard_keyboard (Fixture       *fixture,
                         gconstpointer  user_data)
{
  ChorusDashboardCard *card = themes_card (fixture);
  g_autofree char *theme_id = NULL;
  Emission emission = { 0 };
  ChorusChartHit hit;

  g_signal_connect (fixture->dashboard, "show-items", G_CALLBACK (show_items_cb), &emission);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (card->view)));
  chorus_gui_test_flush ();
  g_assert_cmpint (chorus_chart_view_get_focused_region (card->view), ==, 0);

  g_assert_true (press_key (GTK_WIDGET (card->view), GDK_KEY_Right));
  g_assert_cmpint (chorus_chart_view_get_focused_region (card->view), ==, 1);
  g_assert_true (press_key (GTK_WIDGET (card->view), GDK_KEY_Return));

  g_assert_true (chorus_chart_get_region (card->chart, 1, NULL, &hit));
  theme_id = g_strdup (hit.theme_id);
  g_assert_cmpuint (emission.n_emissions, ==, 1);
  g_assert_cmpstr (emission.theme_id, ==, theme_id);
  g_assert_cmpuint (emission.count, ==, hit.count);

  /* Left goes back; it stops at the first bar instead of wrapping. */
  g_assert_true (press_key (GTK_WIDGET (card->view), GDK_KEY_Left));
  g_assert_true (press_key (GTK_WIDGET (card->view), GDK_KEY_Left));
  g_assert_cmpint (chorus_chart_view_get_focused_region (card->view), ==, 0);
  g_assert_true (press_key (GTK_WIDGET (card->view), GDK_KEY_End));
  g_assert_cmpint (chorus_chart_view_get_focused_region (card->view), ==,
                   (int) chorus_chart_get_n_regions (card->chart) - 1);
  g_assert_true (press_key (GTK_WIDGET (card->view), GDK_KEY_space));
  g_assert_cmpuint (emission.n_emissions, ==, 2);

  emission_clear (&emission);
}

static void
test_dashboard_tooltip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  ChorusDashboardCard *card = themes_card (fixture);
  GtkEventController *motion = find_controller (GTK_WIDGET (card->view),
                                                GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_autofree char *text = NULL;
  cairo_rectangle_t rect;
  ChorusChartHit hit;

  g_assert_nonnull (motion);
  g_assert_true (chorus_chart_get_region (card->chart, 2, &rect, &hit));
  text = g_strdup (hit.text);
  g_assert_nonnull (text);

  g_signal_emit_by_name (motion, "motion", rect.x + rect.width / 2, rect.y + rect.height / 2);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (card->view)), ==, text);

  /* Off the bars, no stale numbers. */
  g_signal_emit_by_name (motion, "motion", 1.0, 1.0);
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (card->view)));
}

/* The count the table shows for a theme, read from the widget as a user reads it; -1 when
 * the theme has no row. */
static int
table_count_for_theme (ChorusChartTableView *table_view,
                       const char           *theme_id)
{
  ChorusChartTable *table = chorus_chart_table_view_get_table (table_view);
  guint total_column;

  g_assert_nonnull (table);
  total_column = chorus_chart_table_get_n_columns (table) - 1;

  for (guint row = 0; row < chorus_chart_table_get_n_rows (table); row++)
    {
      ChorusChartHit hit;
      GtkWidget *cell;

      g_assert_true (chorus_chart_table_get_hit (table, row, total_column, &hit));
      if (g_strcmp0 (hit.theme_id, theme_id) != 0)
        continue;

      cell = chorus_chart_table_view_get_cell (table_view, row, total_column);
      g_assert_true (GTK_IS_BUTTON (cell));
      g_assert_true (gtk_widget_get_mapped (cell));

      return atoi (gtk_button_get_label (GTK_BUTTON (cell)));
    }

  return -1;
}

/* Lets the stack's crossfade finish, after which only the page shown is on screen. */
static void
wait_for_stack (GtkStack *stack)
{
  do
    chorus_gui_test_wait_for_draw (GTK_WIDGET (stack));
  while (gtk_stack_get_transition_running (stack));
}

static void
show_table (ChorusDashboardCard *card)
{
  gtk_toggle_button_set_active (card->table_toggle, TRUE);
  wait_for_stack (card->stack);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card->table)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (card->view)));
}

static void
test_dashboard_table (Fixture       *fixture,
                      gconstpointer  user_data)
{
  ChorusDashboardCard *card = themes_card (fixture);
  ChorusCodebook *codebook = chorus_project_get_codebook (fixture->project);
  g_autoptr(ChorusStats) stats = chorus_stats_ref (chorus_project_get_stats (fixture->project));
  Emission emission = { 0 };
  guint n_themes = g_list_model_get_n_items (G_LIST_MODEL (codebook));
  guint n_nonzero = 0;
  GtkWidget *cell;

  show_table (card);

  /* Every theme of the codebook has its row, with the statistics' count. */
  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (G_LIST_MODEL (codebook), i);
      const char *theme_id = chorus_theme_get_id (theme);
      guint expected = chorus_stats_count_theme (stats, theme_id);

      g_assert_cmpint (table_count_for_theme (card->table, theme_id), ==, expected);
      if (expected > 0)
        n_nonzero++;
    }
  g_assert_cmpuint (n_nonzero, >, 1);

  /* A count is a button that shows the items behind it, as its bar does. */
  g_signal_connect (fixture->dashboard, "show-items", G_CALLBACK (show_items_cb), &emission);
  cell = chorus_chart_table_view_get_cell (card->table, 0, 0);
  g_assert_true (GTK_IS_BUTTON (cell));
  g_signal_emit_by_name (cell, "clicked");
  g_assert_cmpuint (emission.n_emissions, ==, 1);
  g_assert_true (emission.fields & CHORUS_CHART_HIT_THEME);
  g_assert_cmpuint (emission.count, ==, chorus_stats_count_theme (stats, emission.theme_id));

  /* The heatmap's table, shown on its side (a row per theme), has the statistics' counts
   * per theme and group. */
  {
    ChorusDashboardCard *heatmap = &fixture->dashboard->cards[CHORUS_DASHBOARD_HEATMAP];
    ChorusChartTable *table;
    guint n_checked = 0;

    show_table (heatmap);
    table = chorus_chart_table_view_get_table (heatmap->table);
    g_assert_nonnull (table);

    for (guint row = 0; row < chorus_chart_table_get_n_rows (table); row++)
      for (guint column = 0; column < chorus_chart_table_get_n_columns (table); column++)
        {
          GtkWidget *count = chorus_chart_table_view_get_cell (heatmap->table, row, column);
          ChorusChartHit hit;

          g_assert_true (chorus_chart_table_get_hit (table, row, column, &hit));
          if (!(hit.fields & CHORUS_CHART_HIT_THEME) || !(hit.fields & CHORUS_CHART_HIT_GROUP))
            continue;

          g_assert_true (GTK_IS_BUTTON (count));
          g_assert_cmpint (atoi (gtk_button_get_label (GTK_BUTTON (count))), ==,
                           chorus_stats_count_theme_group (stats, hit.theme_id, hit.group_id));
          n_checked++;
        }
    g_assert_cmpuint (n_checked, >=, n_nonzero);
  }

  /* And back to the chart. */
  gtk_toggle_button_set_active (card->table_toggle, FALSE);
  wait_for_stack (card->stack);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (card->view)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (card->table)));

  emission_clear (&emission);
}

/* The bar the chart drew for the theme, as of its last render. */
static guint
chart_count_for_theme (ChorusChart *chart,
                       const char  *theme_id)
{
  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      ChorusChartHit hit;

      g_assert_true (chorus_chart_get_region (chart, i, NULL, &hit));
      if (g_strcmp0 (hit.theme_id, theme_id) == 0)
        return hit.count;
    }

  g_assert_not_reached ();
}

static void
test_dashboard_live_update (Fixture       *fixture,
                            gconstpointer  user_data)
{
  ChorusDashboardCard *card = themes_card (fixture);
  GListModel *items = chorus_project_get_items (fixture->project);
  ChorusCodebook *codebook = chorus_project_get_codebook (fixture->project);
  g_autofree char *theme_id = NULL;
  ChorusTheme *theme;
  ChorusItem *uncoded = NULL;
  ChorusChartHit hit;
  guint chart_before;
  int table_before;

  /* The most frequent theme: its bar is drawn whatever the height. */
  g_assert_true (chorus_chart_get_region (card->chart, 0, NULL, &hit));
  theme_id = g_strdup (hit.theme_id);
  theme = chorus_codebook_find_theme (codebook, theme_id);
  g_assert_nonnull (theme);
  chart_before = chart_count_for_theme (card->chart, theme_id);

  for (guint i = 0; uncoded == NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      if (!chorus_item_has_theme (item, theme_id))
        uncoded = item;
    }
  g_assert_nonnull (uncoded);

  /* The chart, on screen. */
  g_assert_true (chorus_project_add_coding (fixture->project, uncoded, theme, 0, G_MAXUINT));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (card->view));
  g_assert_cmpuint (chart_count_for_theme (card->chart, theme_id), ==, chart_before + 1);

  /* The table, shown after the change, then changing while shown. */
  show_table (card);
  table_before = table_count_for_theme (card->table, theme_id);
  g_assert_cmpint (table_before, ==, chart_before + 1);

  g_assert_true (chorus_project_undo (fixture->project));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (card->table));
  g_assert_cmpint (table_count_for_theme (card->table, theme_id), ==, table_before - 1);

  g_assert_true (chorus_project_redo (fixture->project));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (card->table));
  g_assert_cmpint (table_count_for_theme (card->table, theme_id), ==, table_before);
}

static void
test_dashboard_accessible (Fixture       *fixture,
                           gconstpointer  user_data)
{
  ChorusDashboardCard *card = themes_card (fixture);
  g_autofree char *description = chorus_chart_describe (card->chart);
  ChorusTheme *theme;
  ChorusChartHit hit;
  char *error;

  g_assert_true (chorus_chart_get_region (card->chart, 0, NULL, &hit));
  theme = chorus_codebook_find_theme (chorus_project_get_codebook (fixture->project),
                                      hit.theme_id);
  g_assert_nonnull (theme);

  /* The description names the themes, and is what the widget tells assistive technology. */
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, chorus_theme_get_name (theme)));
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card->view),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_null (error);
  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (card->view),
                                               GTK_ACCESSIBLE_ROLE_IMG));

  /* Filtering to a group changes what the chart says, and the description follows within
   * a frame. */
  g_clear_pointer (&description, g_free);
  chorus_dashboard_set_filters (fixture->dashboard, "staff", NULL);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (card->view));
  description = chorus_chart_describe (card->chart);
  error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (card->view),
                                              GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_null (error);
}

static void
test_dashboard_filters (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GListModel *groups = chorus_project_get_groups (fixture->project);
  g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, 0);
  const char *group_id = chorus_group_get_id (group);
  ChorusConsultation *consultation = chorus_project_get_consultation (fixture->project);
  GListModel *documents = chorus_consultation_get_documents (consultation);
  gboolean clicked_filtered_bar = FALSE;

  chorus_dashboard_set_filters (fixture->dashboard, group_id, NULL);
  for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
    g_assert_cmpstr (chorus_chart_get_group_id (fixture->dashboard->cards[i].chart), ==, group_id);
  g_assert_nonnull (strstr (gtk_label_get_label (fixture->dashboard->scope_label),
                            chorus_group_get_name (group)));

  /* The scope menu: the whole consultation, then each document. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dashboard->scope_dropdown)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (fixture->dashboard->scope_dropdown)),
                    ==, g_list_model_get_n_items (documents) + 1);

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);
      ChorusChart *themes = themes_card (fixture)->chart;
      ChorusChartHit hit;

      gtk_drop_down_set_selected (fixture->dashboard->scope_dropdown, d + 1);
      g_assert_cmpstr (chorus_dashboard_get_document_id (fixture->dashboard), ==,
                       chorus_document_get_id (document));
      for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
        g_assert_cmpstr (chorus_chart_get_document_id (fixture->dashboard->cards[i].chart), ==,
                         chorus_document_get_id (document));
      g_assert_nonnull (strstr (gtk_label_get_label (fixture->dashboard->scope_label),
                                chorus_document_get_title (document)));

      /* A bar of the filtered chart carries the filters, so the list shows those items only. */
      chorus_gui_test_wait_for_draw (GTK_WIDGET (fixture->dashboard));
      if (chorus_chart_get_n_regions (themes) == 0)
        continue;

      g_assert_true (chorus_chart_get_region (themes, 0, NULL, &hit));
      g_assert_true (hit.fields & CHORUS_CHART_HIT_GROUP);
      g_assert_cmpstr (hit.group_id, ==, group_id);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_DOCUMENT);
      g_assert_cmpstr (hit.document_id, ==, chorus_document_get_id (document));
      clicked_filtered_bar = TRUE;
    }
  g_assert_true (clicked_filtered_bar);

  chorus_dashboard_set_filters (fixture->dashboard, NULL, NULL);
  chorus_dashboard_set_document_id (fixture->dashboard, NULL);
  g_assert_cmpuint (gtk_drop_down_get_selected (fixture->dashboard->scope_dropdown), ==, 0);
  g_assert_null (chorus_chart_get_group_id (themes_card (fixture)->chart));
}

static void
test_dashboard_options (Fixture       *fixture,
                        gconstpointer  user_data)
{
  ChorusDashboardCard *heatmap = &fixture->dashboard->cards[CHORUS_DASHBOARD_HEATMAP];
  ChorusDashboardCard *themes = themes_card (fixture);
  g_autofree char *groups_title = g_strdup (gtk_label_get_label (heatmap->title));
  ChorusChartHit hit;

  /* Heatmap rows: activities instead of groups, and the card's title says so. */
  gtk_drop_down_set_selected (fixture->dashboard->heatmap_rows_dropdown, 1);
  g_assert_cmpint (chorus_chart_get_heatmap_rows (heatmap->chart), ==, CHORUS_CHART_ROWS_ACTIVITIES);
  g_assert_cmpstr (gtk_label_get_label (heatmap->title), ==, chorus_chart_get_title (heatmap->chart));
  g_assert_cmpstr (gtk_label_get_label (heatmap->title), !=, groups_title);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (heatmap->view));
  g_assert_true (chorus_chart_get_region (heatmap->chart, 0, NULL, &hit));
  g_assert_true (hit.fields & CHORUS_CHART_HIT_ACTIVITY);

  /* Stacked by group, the theme chart counts per group: its table gains a column per group
   * with coded input before the total. The example's coded input is all Staff's, so add a
   * coded item from the partner council. */
  {
    ChorusConsultation *consultation = chorus_project_get_consultation (fixture->project);
    g_autoptr(ChorusQuestion) question =
      g_list_model_get_item (chorus_consultation_get_questions (consultation), 0);
    ChorusGroup *council = chorus_project_find_group (fixture->project, "trafford-council");
    ChorusCodebook *codebook = chorus_project_get_codebook (fixture->project);
    g_autoptr(ChorusChartTable) table = NULL;
    ChorusTheme *theme;
    ChorusItem *item;

    /* The top bar's theme: drawn on its own, never inside "Other". */
    g_assert_true (chorus_chart_get_region (themes->chart, 0, NULL, &hit));
    theme = chorus_codebook_find_theme (codebook, hit.theme_id);

    g_assert_nonnull (council);
    item = chorus_project_add_item (fixture->project, chorus_question_get_id (question), council,
                                    NULL, "The council would welcome a joint board.");
    g_assert_true (chorus_project_add_coding (fixture->project, item, theme, 0, G_MAXUINT));

    gtk_toggle_button_set_active (fixture->dashboard->stack_by_group_toggle, TRUE);
    g_assert_true (chorus_chart_get_stack_by_group (themes->chart));
    table = chorus_chart_get_table (themes->chart);
    g_assert_cmpuint (chorus_chart_table_get_n_columns (table), ==, 3);
    g_assert_cmpstr (chorus_chart_table_get_column_label (table, 0), ==, "Staff");

    chorus_gui_test_wait_for_draw (GTK_WIDGET (themes->view));
    for (guint i = 0; i < chorus_chart_get_n_regions (themes->chart); i++)
      {
        g_assert_true (chorus_chart_get_region (themes->chart, i, NULL, &hit));
        if (g_strcmp0 (hit.group_id, "trafford-council") == 0)
          break;
      }
    g_assert_cmpint (hit.target, ==, CHORUS_CHART_TARGET_SEGMENT);
    g_assert_cmpstr (hit.group_id, ==, "trafford-council");
    g_assert_cmpstr (hit.theme_id, ==, chorus_theme_get_id (theme));
  }
}

static void
test_dashboard_dark (Fixture       *fixture,
                     gconstpointer  user_data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  g_assert_false (chorus_chart_get_dark (themes_card (fixture)->chart));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
    g_assert_true (chorus_chart_get_dark (fixture->dashboard->cards[i].chart));
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (chorus_chart_get_dark (themes_card (fixture)->chart));
}

static gboolean
rectangles_overlap (const graphene_rect_t *a,
                    const graphene_rect_t *b)
{
  graphene_rect_t overlap;

  return graphene_rect_intersection (a, b, &overlap) &&
         overlap.size.width > 0.5 && overlap.size.height > 0.5;
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_BUILT, name, NULL);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Two columns when wide, one at 800 × 600, cards never overlapping; in light and dark. The
 * pictures land in the build directory (tests/gui/dashboard-*.png) for a person to look at. */
static void
test_dashboard_layout (Fixture       *fixture,
                       gconstpointer  user_data)
{
  static const struct { int width, height; guint n_columns; gboolean dark, tables; } sizes[] = {
    { 1100, 720, 2, FALSE, FALSE },
    { 1100, 720, 2, TRUE, FALSE },
    { 800, 600, 1, FALSE, FALSE },
    { 800, 600, 1, TRUE, FALSE },
    /* The whole page, every chart as a table; the stance table's six columns may not fit
     * half the width, and the cards then stack (0: either). */
    { 1100, 1900, 0, FALSE, TRUE },
  };
  ChorusCardGrid *grid = CHORUS_CARD_GRID (fixture->dashboard->cards_box);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("dashboard-%dx%d-%s%s.png",
                                               sizes[s].width, sizes[s].height,
                                               sizes[s].dark ? "dark" : "light",
                                               sizes[s].tables ? "-tables" : "");

      for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
        {
          gtk_toggle_button_set_active (fixture->dashboard->cards[i].table_toggle, sizes[s].tables);
          wait_for_stack (fixture->dashboard->cards[i].stack);
        }

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          sizes[s].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gtk_window_set_default_size (fixture->window, sizes[s].width, sizes[s].height);
      for (guint i = 0; i < 3; i++)
        chorus_gui_test_wait_for_draw (GTK_WIDGET (fixture->window));

      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), ==, sizes[s].width);
      if (sizes[s].n_columns > 0)
        g_assert_cmpuint (chorus_card_grid_get_n_columns (grid), ==, sizes[s].n_columns);

      for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
        {
          ChorusDashboardCard *card = &fixture->dashboard->cards[i];
          GtkWidget *view = GTK_WIDGET (card->view);
          graphene_rect_t a;

          g_assert_true (gtk_widget_compute_bounds (card->card, fixture->dashboard->cards_box, &a));

          /* Each chart gets the height it asks for: nothing is cut off. */
          if (!sizes[s].tables)
            g_assert_cmpint (gtk_widget_get_height (view), >=,
                             (int) chorus_chart_get_natural_height (card->chart,
                                                                    gtk_widget_get_width (view)));

          for (guint j = i + 1; j < CHORUS_DASHBOARD_N_CHARTS; j++)
            {
              graphene_rect_t b;

              g_assert_true (gtk_widget_compute_bounds (fixture->dashboard->cards[j].card,
                                                        fixture->dashboard->cards_box, &b));
              g_assert_false (rectangles_overlap (&a, &b));
            }
        }

      save_screenshot (GTK_WIDGET (fixture->window), name);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chorus_gui_test_load_resources ();

#define ADD(path, func) \
  g_test_add ("/dashboard/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("four-charts", test_dashboard_four_charts);
  ADD ("click", test_dashboard_click);
  ADD ("keyboard", test_dashboard_keyboard);
  ADD ("tooltip", test_dashboard_tooltip);
  ADD ("table", test_dashboard_table);
  ADD ("live-update", test_dashboard_live_update);
  ADD ("accessible", test_dashboard_accessible);
  ADD ("filters", test_dashboard_filters);
  ADD ("options", test_dashboard_options);
  ADD ("dark", test_dashboard_dark);
  ADD ("layout", test_dashboard_layout);

#undef ADD

  return g_test_run ();
}
