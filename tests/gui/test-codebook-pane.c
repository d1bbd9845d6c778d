/* test-codebook-pane.c — the codebook pane on the example response, under Xvfb (suite "gui")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "chorus-codebook-pane-private.h"
#include "chorus-gui-test.h"
#include "chorus-theme-dialog-private.h"

typedef struct
{
  ChorusProject      *project;
  GtkWindow          *window;
  ChorusCodebookPane *pane;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GError) error = NULL;

  fixture->project = chorus_project_load_file (path, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (adw_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 300, 700);
  fixture->pane = CHORUS_CODEBOOK_PANE (chorus_codebook_pane_new ());
  chorus_codebook_pane_set_project (fixture->pane, fixture->project);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->pane));
  gtk_window_present (fixture->window);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* Closes whatever dialogs a test left open, then checks nothing leaked a reference. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != fixture->window)
      gtk_window_destroy (l->data);

  gtk_window_destroy (fixture->window);
  chorus_gui_test_flush ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->project);
}

/* The open toplevel of @type other than the test's window, once it has appeared. */
static gpointer
find_dialog (GType type)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
          return l->data;

      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_not_reached ();
}

static ChorusTheme *
find_theme (ChorusProject *project,
            const char    *theme_id)
{
  ChorusTheme *theme = chorus_codebook_find_theme (chorus_project_get_codebook (project),
                                                   theme_id);

  g_assert_nonnull (theme);
  return theme;
}

static void
select_theme (Fixture    *fixture,
              const char *theme_id)
{
  ChorusTheme *theme = find_theme (fixture->project, theme_id);

  chorus_codebook_pane_select_theme (fixture->pane, theme);
  g_assert_true (chorus_codebook_pane_get_selected_theme (fixture->pane) == theme);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    {
      /* A new reference (transfer full in GTK 4.8). */
      g_autoptr(GObject) item = gtk_tree_expander_get_item (GTK_TREE_EXPANDER (widget));

      if (item != NULL)
        g_ptr_array_add (rows, widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

/* The row on screen that shows @theme, or NULL. */
static GtkWidget *
find_row (Fixture     *fixture,
          ChorusTheme *theme)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  chorus_gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  collect_rows (GTK_WIDGET (fixture->pane->theme_view), rows);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GObject) item = gtk_tree_expander_get_item (g_ptr_array_index (rows, i));

      if (item == (GObject *) theme)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

static const char *
row_text (GtkWidget  *row,
          const char *part)
{
  return gtk_label_get_label (g_object_get_data (G_OBJECT (row), part));
}

/* The depth of @theme in the tree the pane shows, or -1 when it is not there. */
static int
tree_depth (Fixture     *fixture,
            ChorusTheme *theme)
{
  GListModel *rows = G_LIST_MODEL (fixture->pane->tree_model);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (item == (GObject *) theme)
        return (int) gtk_tree_list_row_get_depth (row);
    }

  return -1;
}

/* With CHORUS_TEST_SCREENSHOTS=DIR, writes what the test shows to DIR/NAME.png to look at. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("CHORUS_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  /* Entry rows animate their titles aside as text arrives: let them finish. */
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (20000);
      chorus_gui_test_wait_for_draw (window);
    }
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_codebook_pane_lists_themes (Fixture       *fixture,
                                 gconstpointer  data)
{
  GListModel *codebook = G_LIST_MODEL (chorus_project_get_codebook (fixture->project));
  GListModel *rows = G_LIST_MODEL (fixture->pane->tree_model);
  g_autoptr(ChorusStats) stats = chorus_stats_ref (chorus_project_get_stats (fixture->project));
  guint n_themes = g_list_model_get_n_items (codebook);
  guint n_counted = 0;

  g_assert_cmpuint (n_themes, >, 9);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->pane->stack), ==, "themes");

  /* Every theme once, a sub-theme one level under its parent. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_themes);
  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (codebook, i);

      g_assert_cmpint (tree_depth (fixture, theme), ==,
                       chorus_theme_get_parent_id (theme) != NULL ? 1 : 0);
    }

  /* The first rows read top to bottom are the Ctrl+1…9 themes, and say so. */
  for (guint number = 1; number <= 9; number++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, number - 1);
      g_autoptr(ChorusTheme) theme = gtk_tree_list_row_get_item (row);
      g_autofree char *digit = g_strdup_printf ("%u", number);
      g_autofree char *hint = gtk_accelerator_get_label (GDK_KEY_0 + number, GDK_CONTROL_MASK);
      GtkWidget *widget;
      GtkWidget *hint_label;

      g_assert_true (chorus_codebook_pane_get_shortcut_theme (fixture->pane, number) == theme);
      widget = find_row (fixture, theme);
      g_assert_nonnull (widget);
      hint_label = g_object_get_data (G_OBJECT (widget), CHORUS_CODEBOOK_ROW_HINT);
      g_assert_true (gtk_widget_get_visible (hint_label));
      g_assert_cmpstr (row_text (widget, CHORUS_CODEBOOK_ROW_HINT), ==, digit);
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (hint_label), hint));
    }
  g_assert_null (chorus_codebook_pane_get_shortcut_theme (fixture->pane, 10));

  /* The rows on screen show the names and the counts of the statistics. */
  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (codebook, i);
      GtkWidget *widget = find_row (fixture, theme);
      g_autofree char *count = NULL;

      if (widget == NULL)
        continue;

      count = g_strdup_printf ("%u", chorus_stats_count_theme (stats, chorus_theme_get_id (theme)));
      g_assert_cmpstr (row_text (widget, CHORUS_CODEBOOK_ROW_NAME), ==,
                       chorus_theme_get_name (theme));
      g_assert_cmpstr (row_text (widget, CHORUS_CODEBOOK_ROW_COUNT), ==, count);
      n_counted++;
    }
  g_assert_cmpuint (n_counted, >=, 9);

  select_theme (fixture, "outcomes");
  save_screenshot (GTK_WIDGET (fixture->window), "codebook-pane");
}

static void
test_codebook_pane_live_counts (Fixture       *fixture,
                                gconstpointer  data)
{
  ChorusTheme *theme = find_theme (fixture->project, "quality");
  GListModel *items = chorus_project_get_items (fixture->project);
  guint before = chorus_stats_count_theme (chorus_project_get_stats (fixture->project), "quality");
  g_autofree char *count_before = g_strdup_printf ("%u", before);
  g_autofree char *count_after = g_strdup_printf ("%u", before + 1);
  GtkWidget *row;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      if (!chorus_item_has_theme (item, "quality"))
        {
          g_assert_true (chorus_project_add_coding (fixture->project, item, theme, 0, G_MAXUINT));
          break;
        }
    }

  row = find_row (fixture, theme);
  g_assert_cmpstr (row_text (row, CHORUS_CODEBOOK_ROW_COUNT), ==, count_after);

  g_assert_true (chorus_project_undo (fixture->project));
  row = find_row (fixture, theme);
  g_assert_cmpstr (row_text (row, CHORUS_CODEBOOK_ROW_COUNT), ==, count_before);
}

static void
test_codebook_pane_new_theme (Fixture       *fixture,
                              gconstpointer  data)
{
  ChorusCodebook *codebook = chorus_project_get_codebook (fixture->project);
  guint n_themes = g_list_model_get_n_items (G_LIST_MODEL (codebook));
  ChorusTheme *parent = find_theme (fixture->project, "resources");
  g_autofree char *palette_colour = g_strdup (chorus_codebook_get_next_colour (codebook));
  ChorusThemeDialog *dialog;
  ChorusTheme *theme;
  const char * const *keywords;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane),
                                             "codebook.new-theme", NULL));
  dialog = find_dialog (CHORUS_TYPE_THEME_DIALOG);
  g_assert_null (chorus_theme_dialog_get_theme (dialog));

  /* A name is needed, and one no other theme has. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->apply_button)));
  gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), "measuring OUTCOMES");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->apply_button)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (dialog->name_row), "error"));

  gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), "  Estates and buildings ");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog->apply_button)));
  gtk_editable_set_text (GTK_EDITABLE (dialog->description_row), "Premises and their upkeep.");
  gtk_editable_set_text (GTK_EDITABLE (dialog->keywords_row), "estates, , buildings ,premises");
  chorus_theme_dialog_set_parent_theme (dialog, parent);
  save_screenshot (GTK_WIDGET (dialog), "theme-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "theme.apply", NULL));
  chorus_gui_test_flush ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (codebook)), ==, n_themes + 1);
  theme = chorus_codebook_find_by_name (codebook, "Estates and buildings");
  g_assert_nonnull (theme);
  g_assert_cmpstr (chorus_theme_get_parent_id (theme), ==, "resources");
  g_assert_cmpstr (chorus_theme_get_colour (theme), ==, palette_colour);
  g_assert_cmpstr (chorus_theme_get_description (theme), ==, "Premises and their upkeep.");
  keywords = chorus_theme_get_keywords (theme);
  g_assert_cmpuint (g_strv_length ((char **) keywords), ==, 3);
  g_assert_cmpstr (keywords[2], ==, "premises");

  /* The pane shows and selects it, under its parent. */
  g_assert_true (chorus_codebook_pane_get_selected_theme (fixture->pane) == theme);
  g_assert_cmpint (tree_depth (fixture, theme), ==, 1);
  g_assert_nonnull (find_row (fixture, theme));

  /* One step undoes it all. */
  g_assert_cmpstr (chorus_project_get_undo_label (fixture->project), ==, "Add theme");
  g_assert_true (chorus_project_undo (fixture->project));
  chorus_gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (codebook)), ==, n_themes);
  g_assert_null (chorus_codebook_find_by_name (codebook, "Estates and buildings"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->pane->tree_model)), ==,
                    n_themes);
}

static void
test_codebook_pane_rename (Fixture       *fixture,
                           gconstpointer  data)
{
  ChorusTheme *theme = find_theme (fixture->project, "workforce");
  g_autofree char *old_name = g_strdup (chorus_theme_get_name (theme));
  ChorusThemeDialog *dialog;

  select_theme (fixture, "workforce");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "codebook.edit", NULL));
  dialog = find_dialog (CHORUS_TYPE_THEME_DIALOG);
  g_assert_true (chorus_theme_dialog_get_theme (dialog) == theme);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->name_row)), ==, old_name);

  gtk_editable_set_text (GTK_EDITABLE (dialog->name_row), "Staffing");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "theme.apply", NULL));
  chorus_gui_test_flush ();

  g_assert_cmpstr (chorus_theme_get_name (theme), ==, "Staffing");
  /* Nothing else changed: the parent stays. */
  g_assert_cmpstr (chorus_theme_get_parent_id (theme), ==, "resources");
  g_assert_cmpstr (row_text (find_row (fixture, theme), CHORUS_CODEBOOK_ROW_NAME), ==,
                   "Staffing");

  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_cmpstr (chorus_theme_get_name (theme), ==, old_name);
  g_assert_cmpstr (row_text (find_row (fixture, theme), CHORUS_CODEBOOK_ROW_NAME), ==, old_name);
}

static void
test_codebook_pane_recolour (Fixture       *fixture,
                             gconstpointer  data)
{
  ChorusTheme *theme = find_theme (fixture->project, "local");
  g_autofree char *old_colour = g_strdup (chorus_theme_get_colour (theme));
  GtkColorChooser *chooser;
  GdkRGBA rgba;

  select_theme (fixture, "local");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "codebook.recolour",
                                             NULL));
  chooser = find_dialog (GTK_TYPE_COLOR_CHOOSER_DIALOG);
  gtk_color_chooser_get_rgba (chooser, &rgba);
  g_assert_cmpfloat_with_epsilon (rgba.red, 0xa0 / 255.0, 0.002);

  gdk_rgba_parse (&rgba, "#123456");
  gtk_color_chooser_set_rgba (chooser, &rgba);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_OK);
  chorus_gui_test_flush ();

  g_assert_cmpstr (chorus_theme_get_colour (theme), ==, "#123456");
  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_cmpstr (chorus_theme_get_colour (theme), ==, old_colour);
}

static void
respond_move (Fixture     *fixture,
              ChorusTheme *target)
{
  AdwMessageDialog *dialog = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  GPtrArray *targets = g_object_get_data (G_OBJECT (dialog), "chorus-targets");
  GtkDropDown *drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  guint found = G_MAXUINT;

  for (guint i = 0; i < targets->len; i++)
    if (g_ptr_array_index (targets, i) == target)
      found = i;
  g_assert_cmpuint (found, !=, G_MAXUINT);

  gtk_drop_down_set_selected (drop_down, found);
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  chorus_gui_test_flush ();
}

static void
test_codebook_pane_nest (Fixture       *fixture,
                         gconstpointer  data)
{
  ChorusTheme *theme = find_theme (fixture->project, "financial-risk");
  ChorusTheme *quality = find_theme (fixture->project, "quality");

  g_assert_cmpint (tree_depth (fixture, theme), ==, 0);

  select_theme (fixture, "financial-risk");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "codebook.move", NULL));
  respond_move (fixture, quality);

  g_assert_cmpstr (chorus_theme_get_parent_id (theme), ==, "quality");
  g_assert_cmpint (tree_depth (fixture, theme), ==, 1);
  g_assert_true (chorus_codebook_pane_get_selected_theme (fixture->pane) == theme);

  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_null (chorus_theme_get_parent_id (theme));
  g_assert_cmpint (tree_depth (fixture, theme), ==, 0);
}

static void
test_codebook_pane_nest_refuses_loop (Fixture       *fixture,
                                      gconstpointer  data)
{
  ChorusTheme *quality = find_theme (fixture->project, "quality");
  ChorusTheme *outcomes = find_theme (fixture->project, "outcomes");
  gboolean could_undo = chorus_project_can_undo (fixture->project);
  AdwMessageDialog *error;

  select_theme (fixture, "quality");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "codebook.move", NULL));
  respond_move (fixture, outcomes);

  /* Nothing moved, nothing to undo, and the user is told why. */
  g_assert_null (chorus_theme_get_parent_id (quality));
  g_assert_cmpstr (chorus_theme_get_parent_id (outcomes), ==, "quality");
  g_assert_cmpint (chorus_project_can_undo (fixture->project), ==, could_undo);

  error = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (error), ==, "Theme Not Moved");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (error), chorus_theme_get_name (outcomes)));
}

static void
test_codebook_pane_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  ChorusCodebook *codebook = chorus_project_get_codebook (fixture->project);
  ChorusTheme *theme = find_theme (fixture->project, "quality");
  ChorusTheme *child = find_theme (fixture->project, "outcomes");
  guint n_codings = chorus_project_count_theme_codings (fixture->project, theme);
  guint n_items = chorus_stats_count_theme (chorus_project_get_stats (fixture->project),
                                            "quality");
  g_autofree char *expected = g_strdup_printf ("removed from %u places", n_codings);
  AdwMessageDialog *dialog;

  g_assert_cmpuint (n_codings, >, 1);
  g_object_ref (theme);

  select_theme (fixture, "quality");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "codebook.delete", NULL));
  dialog = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  save_screenshot (GTK_WIDGET (dialog), "codebook-delete-dialog");

  /* The dialog says how much goes and where the sub-theme ends up. */
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==,
                   "Delete “Secure high quality safe services”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "sub-theme moves up to the top level"));

  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  chorus_gui_test_flush ();

  g_assert_cmpint (chorus_codebook_get_position (codebook, theme), <, 0);
  g_assert_null (chorus_theme_get_parent_id (child));
  g_assert_cmpint (tree_depth (fixture, child), ==, 0);
  g_assert_cmpint (tree_depth (fixture, theme), ==, -1);
  g_assert_cmpuint (chorus_stats_count_theme (chorus_project_get_stats (fixture->project),
                                              "quality"), ==, 0);

  g_assert_true (chorus_project_undo (fixture->project));
  chorus_gui_test_flush ();
  g_assert_cmpint (chorus_codebook_get_position (codebook, theme), >=, 0);
  g_assert_cmpstr (chorus_theme_get_parent_id (child), ==, "quality");
  g_assert_cmpint (tree_depth (fixture, child), ==, 1);
  g_assert_cmpuint (chorus_project_count_theme_codings (fixture->project, theme), ==, n_codings);
  g_assert_cmpuint (chorus_stats_count_theme (chorus_project_get_stats (fixture->project),
                                              "quality"), ==, n_items);
  g_object_unref (theme);
}

static void
test_codebook_pane_cancel_delete (Fixture       *fixture,
                                  gconstpointer  data)
{
  ChorusTheme *theme = find_theme (fixture->project, "clarity");
  AdwMessageDialog *dialog;

  select_theme (fixture, "clarity");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "codebook.delete", NULL));
  dialog = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  chorus_gui_test_flush ();

  g_assert_cmpint (chorus_codebook_get_position (chorus_project_get_codebook (fixture->project),
                                                 theme), >=, 0);
}

static guint n_emissions;

static void
record_theme_cb (ChorusCodebookPane *pane,
                 ChorusTheme        *theme,
                 ChorusTheme       **activated)
{
  *activated = theme;
  n_emissions++;
}

static void
record_id_cb (ChorusCodebookPane  *pane,
              const char          *theme_id,
              char               **shown)
{
  g_free (*shown);
  *shown = g_strdup (theme_id);
  n_emissions++;
}

static void
test_codebook_pane_signals (Fixture       *fixture,
                            gconstpointer  data)
{
  ChorusTheme *activated = NULL;
  g_autofree char *shown = NULL;
  ChorusTheme *theme = find_theme (fixture->project, "partnership");

  n_emissions = 0;
  g_signal_connect (fixture->pane, "theme-activated", G_CALLBACK (record_theme_cb), &activated);
  g_signal_connect (fixture->pane, "show-theme-input", G_CALLBACK (record_id_cb), &shown);

  /* Nothing selected: the theme actions are off. */
  chorus_codebook_pane_select_theme (fixture->pane, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "codebook.apply", NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "codebook.show-input", NULL);
  g_assert_cmpuint (n_emissions, ==, 0);

  select_theme (fixture, "partnership");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->pane), "codebook.show-input",
                                             NULL));
  g_assert_cmpstr (shown, ==, "partnership");

  /* Activating the row (Enter, double-click) applies the theme. */
  g_signal_emit_by_name (fixture->pane->theme_view, "activate",
                         gtk_single_selection_get_selected (fixture->pane->selection));
  g_assert_true (activated == theme);
}

static void
test_codebook_pane_empty (void)
{
  g_autoptr(ChorusConsultation) consultation = chorus_consultation_new ("c", "A consultation");
  g_autoptr(ChorusProject) project = chorus_project_new (consultation);
  ChorusCodebookPane *pane = CHORUS_CODEBOOK_PANE (chorus_codebook_pane_new ());
  GtkWindow *window = GTK_WINDOW (adw_window_new ());
  ChorusTheme *theme;

  g_object_ref (window);
  gtk_window_set_default_size (window, 260, 600);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (pane));
  chorus_codebook_pane_set_project (pane, project);
  gtk_window_present (window);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (pane->stack), ==, "empty");
  g_assert_null (chorus_codebook_pane_get_shortcut_theme (pane, 1));
  save_screenshot (GTK_WIDGET (window), "codebook-pane-empty");

  theme = chorus_project_add_theme (project, "Access", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pane->stack), ==, "themes");
  g_assert_true (chorus_codebook_pane_get_shortcut_theme (pane, 1) == theme);

  g_assert_true (chorus_project_undo (project));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (pane->stack), ==, "empty");

  gtk_window_destroy (window);
  chorus_gui_test_flush ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chorus_gui_test_load_resources ();

#define ADD(path, func) \
  g_test_add ("/codebook-pane/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("lists-themes", test_codebook_pane_lists_themes);
  ADD ("live-counts", test_codebook_pane_live_counts);
  ADD ("new-theme", test_codebook_pane_new_theme);
  ADD ("rename", test_codebook_pane_rename);
  ADD ("recolour", test_codebook_pane_recolour);
  ADD ("nest", test_codebook_pane_nest);
  ADD ("nest-refuses-loop", test_codebook_pane_nest_refuses_loop);
  ADD ("delete", test_codebook_pane_delete);
  ADD ("cancel-delete", test_codebook_pane_cancel_delete);
  ADD ("signals", test_codebook_pane_signals);
  g_test_add_func ("/codebook-pane/empty", test_codebook_pane_empty);

  return g_test_run ();
}
