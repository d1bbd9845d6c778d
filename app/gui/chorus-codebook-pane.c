/* chorus-codebook-pane.c — the codebook as a tree of themes with their counts
 *
 * Each row shows the theme's colour, its name, how many items are coded with it and, for the
 * first nine, the Ctrl+number shortcut that applies it. The tree is rebuilt only when its shape
 * changes (a theme added, removed or moved); names, colours and counts are refreshed in the
 * rows on screen, so typing an answer elsewhere costs the pane next to nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chorus-codebook-pane-private.h"
#include "chorus-gui-util.h"
#include "chorus-resources.h"
#include "chorus-theme-dialog.h"

G_DEFINE_FINAL_TYPE (ChorusCodebookPane, chorus_codebook_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

enum {
  SIGNAL_THEME_ACTIVATED,
  SIGNAL_SHOW_THEME_INPUT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWindow *
chorus_codebook_pane_get_window (ChorusCodebookPane *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
chorus_codebook_pane_show_error (ChorusCodebookPane *self,
                                 const char         *heading,
                                 const char         *body)
{
  GtkWidget *dialog = adw_message_dialog_new (chorus_codebook_pane_get_window (self),
                                              heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new reference, as gtk_tree_list_row_get_item() gives. */
static ChorusTheme *
chorus_codebook_pane_row_theme (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

/* Shortcuts */

static int
chorus_codebook_pane_shortcut_number (ChorusCodebookPane *self,
                                      ChorusTheme        *theme)
{
  for (guint i = 0; i < CHORUS_CODEBOOK_PANE_N_SHORTCUTS; i++)
    if (self->shortcut_themes[i] == theme)
      return (int) i + 1;

  return 0;
}

static void
chorus_codebook_pane_collect_shortcuts (ChorusCodebookPane *self,
                                        const char         *parent_id,
                                        guint              *n_found)
{
  GListModel *children = g_hash_table_lookup (self->children, parent_id);

  if (children == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (children, i);

      if (*n_found == CHORUS_CODEBOOK_PANE_N_SHORTCUTS)
        return;

      self->shortcut_themes[(*n_found)++] = theme;
      chorus_codebook_pane_collect_shortcuts (self, chorus_theme_get_id (theme), n_found);
    }
}

/* Rows */

static void
chorus_codebook_pane_draw_swatch (GtkDrawingArea *area,
                                  cairo_t        *cr,
                                  int             width,
                                  int             height,
                                  gpointer        user_data)
{
  const char *colour = g_object_get_data (G_OBJECT (area), CHORUS_CODEBOOK_ROW_SWATCH);
  double red, green, blue;
  double radius = MIN (width, height) / 2.0;

  if (!chorus_colour_parse_for_style (colour, &red, &green, &blue))
    return;

  cairo_arc (cr, width / 2.0, height / 2.0, radius - 0.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill_preserve (cr);
  /* A faint ring keeps pale colours visible on the light sidebar. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
chorus_codebook_pane_refresh_row (ChorusCodebookPane *self,
                                  GtkListItem        *list_item)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  g_autoptr(ChorusTheme) theme = chorus_codebook_pane_row_theme (list_item);
  GtkWidget *swatch = g_object_get_data (G_OBJECT (expander), CHORUS_CODEBOOK_ROW_SWATCH);
  GtkLabel *name_label = g_object_get_data (G_OBJECT (expander), CHORUS_CODEBOOK_ROW_NAME);
  GtkLabel *hint_label = g_object_get_data (G_OBJECT (expander), CHORUS_CODEBOOK_ROW_HINT);
  GtkLabel *count_label = g_object_get_data (G_OBJECT (expander), CHORUS_CODEBOOK_ROW_COUNT);
  g_autofree char *count = NULL;
  g_autofree char *hint = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *items = NULL;
  const char *description;
  guint n_items = 0;
  int number;

  if (theme == NULL)
    return;

  if (self->project != NULL)
    n_items = chorus_stats_count_theme (chorus_project_get_stats (self->project),
                                        chorus_theme_get_id (theme));
  number = chorus_codebook_pane_shortcut_number (self, theme);

  g_object_set_data_full (G_OBJECT (swatch), CHORUS_CODEBOOK_ROW_SWATCH,
                          g_strdup (chorus_theme_get_colour (theme)), g_free);
  gtk_widget_queue_draw (swatch);

  gtk_label_set_label (name_label, chorus_theme_get_name (theme));
  count = g_strdup_printf ("%u", n_items);
  gtk_label_set_label (count_label, count);

  /* The side panel is narrow, so the row shows the digit as a key cap and leaves "Ctrl" to
   * the tooltip and the screen reader. */
  if (number > 0)
    {
      g_autofree char *digit = g_strdup_printf ("%d", number);
      g_autofree char *tooltip = NULL;

      hint = gtk_accelerator_get_label (GDK_KEY_0 + number, GDK_CONTROL_MASK);
      /* Translators: tooltip of the key cap beside a theme; %s is the shortcut, "Ctrl+1" */
      tooltip = g_strdup_printf (_("%s tags the selected input with this theme"), hint);
      gtk_label_set_label (hint_label, digit);
      gtk_widget_set_tooltip_text (GTK_WIDGET (hint_label), tooltip);
    }
  gtk_widget_set_visible (GTK_WIDGET (hint_label), hint != NULL);

  description = chorus_theme_get_description (theme);
  gtk_widget_set_tooltip_text (expander, description && *description ? description : NULL);

  /* Translators: the number of input items coded with a theme, read out with its name */
  items = g_strdup_printf (ngettext ("%u item", "%u items", n_items), n_items);
  if (hint != NULL)
    /* Translators: a theme in the codebook as a screen reader says it: name, count, shortcut */
    accessible = g_strdup_printf (_("%s, %s, %s"), chorus_theme_get_name (theme), items, hint);
  else
    /* Translators: a theme in the codebook as a screen reader says it: name, count */
    accessible = g_strdup_printf (_("%s, %s"), chorus_theme_get_name (theme), items);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
chorus_codebook_pane_refresh_rows (ChorusCodebookPane *self)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    chorus_codebook_pane_refresh_row (self, list_item);
}

static void
chorus_codebook_pane_row_pressed_cb (GtkGestureClick *gesture,
                                     int              n_press,
                                     double           x,
                                     double           y,
                                     GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  ChorusCodebookPane *self =
    CHORUS_CODEBOOK_PANE (gtk_widget_get_ancestor (row, CHORUS_TYPE_CODEBOOK_PANE));
  graphene_point_t point;

  /* The menu acts on the selected theme, so the row clicked becomes it. */
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));

  if (!gtk_widget_compute_point (row, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { point.x, point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
chorus_codebook_pane_setup_row_cb (GtkSignalListItemFactory *factory,
                                   GtkListItem              *list_item,
                                   ChorusCodebookPane       *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *name_label = gtk_label_new (NULL);
  GtkWidget *hint_label = gtk_label_new (NULL);
  GtkWidget *count_label = gtk_label_new (NULL);
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), chorus_codebook_pane_draw_swatch,
                                  NULL, NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (swatch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Theme colour"),
                                  -1);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);

  gtk_widget_add_css_class (hint_label, "dim-label");
  gtk_widget_add_css_class (hint_label, "codebook-shortcut");
  gtk_widget_set_valign (hint_label, GTK_ALIGN_CENTER);

  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_add_css_class (count_label, "codebook-count");
  gtk_label_set_xalign (GTK_LABEL (count_label), 1);
  /* Counts line up in a column whatever their number of digits. */
  gtk_label_set_width_chars (GTK_LABEL (count_label), 3);

  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), name_label);
  /* The key cap follows the name it belongs to, and the count stands apart at the end: side
   * by side, "1" and "9" read as one pair of numbers. */
  gtk_box_append (GTK_BOX (box), hint_label);
  {
    GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

    gtk_widget_set_hexpand (spacer, TRUE);
    gtk_box_append (GTK_BOX (box), spacer);
  }
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);

  g_object_set_data (G_OBJECT (expander), CHORUS_CODEBOOK_ROW_SWATCH, swatch);
  g_object_set_data (G_OBJECT (expander), CHORUS_CODEBOOK_ROW_NAME, name_label);
  g_object_set_data (G_OBJECT (expander), CHORUS_CODEBOOK_ROW_HINT, hint_label);
  g_object_set_data (G_OBJECT (expander), CHORUS_CODEBOOK_ROW_COUNT, count_label);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (chorus_codebook_pane_row_pressed_cb),
                    list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));

  gtk_widget_add_css_class (expander, "codebook-row");
  gtk_list_item_set_child (list_item, expander);
}

static void
chorus_codebook_pane_bind_row_cb (GtkSignalListItemFactory *factory,
                                  GtkListItem              *list_item,
                                  ChorusCodebookPane       *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));

  gtk_tree_expander_set_list_row (expander, gtk_list_item_get_item (list_item));
  g_hash_table_add (self->bound_items, list_item);
  chorus_codebook_pane_refresh_row (self, list_item);
}

static void
chorus_codebook_pane_unbind_row_cb (GtkSignalListItemFactory *factory,
                                    GtkListItem              *list_item,
                                    ChorusCodebookPane       *self)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item));

  g_hash_table_remove (self->bound_items, list_item);
  gtk_tree_expander_set_list_row (expander, NULL);
}

static void
chorus_codebook_pane_teardown_row_cb (GtkSignalListItemFactory *factory,
                                      GtkListItem              *list_item,
                                      ChorusCodebookPane       *self)
{
  g_hash_table_remove (self->bound_items, list_item);
}

/* The tree */

static GListModel *
chorus_codebook_pane_create_children_cb (gpointer item,
                                         gpointer user_data)
{
  ChorusCodebookPane *self = user_data;
  GListModel *children = g_hash_table_lookup (self->children, chorus_theme_get_id (item));

  /* A theme without sub-themes gets no expander arrow. */
  return children != NULL ? g_object_ref (children) : NULL;
}

/* The ids and parents of the themes in order: the tree is rebuilt when this changes. */
static char *
chorus_codebook_pane_describe_shape (ChorusCodebookPane *self)
{
  GListModel *themes;
  GString *shape = g_string_new (NULL);

  if (self->project == NULL)
    return g_string_free (shape, FALSE);

  themes = G_LIST_MODEL (chorus_project_get_codebook (self->project));

  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);
      const char *parent_id = chorus_theme_get_parent_id (theme);

      g_string_append_printf (shape, "%s\x1f%s\x1e", chorus_theme_get_id (theme),
                              parent_id ? parent_id : "");
    }

  return g_string_free (shape, FALSE);
}

static void
chorus_codebook_pane_update_actions (ChorusCodebookPane *self)
{
  gboolean selected = chorus_codebook_pane_get_selected_theme (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.new-theme", self->project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.apply", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.show-input", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.edit", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.recolour", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.move", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.delete", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "codebook.context-menu", selected);
}

static void
chorus_codebook_pane_rebuild (ChorusCodebookPane *self)
{
  g_autoptr(ChorusTheme) selected = NULL;
  g_autoptr(GtkTreeListModel) tree_model = NULL;
  GListStore *roots;
  GListModel *themes = NULL;
  guint n_themes = 0;
  guint n_shortcuts = 0;

  if (chorus_codebook_pane_get_selected_theme (self) != NULL)
    selected = g_object_ref (chorus_codebook_pane_get_selected_theme (self));

  g_hash_table_remove_all (self->children);
  roots = g_list_store_new (CHORUS_TYPE_THEME);
  g_hash_table_insert (self->children, g_strdup (""), roots);

  if (self->project != NULL)
    {
      ChorusCodebook *codebook = chorus_project_get_codebook (self->project);

      themes = G_LIST_MODEL (codebook);
      n_themes = g_list_model_get_n_items (themes);

      for (guint i = 0; i < n_themes; i++)
        {
          g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);
          const char *parent_id = chorus_theme_get_parent_id (theme);
          GListStore *siblings;

          /* A parent the file does not define puts the theme at the top level rather than
           * out of sight. */
          if (chorus_codebook_find_theme (codebook, parent_id) == NULL)
            parent_id = "";

          siblings = g_hash_table_lookup (self->children, parent_id);
          if (siblings == NULL)
            {
              siblings = g_list_store_new (CHORUS_TYPE_THEME);
              g_hash_table_insert (self->children, g_strdup (parent_id), siblings);
            }
          g_list_store_append (siblings, theme);
        }
    }

  memset (self->shortcut_themes, 0, sizeof self->shortcut_themes);
  chorus_codebook_pane_collect_shortcuts (self, "", &n_shortcuts);

  g_clear_pointer (&self->tree_shape, g_free);
  self->tree_shape = chorus_codebook_pane_describe_shape (self);

  /* Everything starts open: a codebook has tens of themes, and the numbers of the shortcuts
   * read top to bottom only when every theme is in view. */
  tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (roots)), FALSE, TRUE,
                                        chorus_codebook_pane_create_children_cb, self, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree_model));
  g_set_object (&self->tree_model, tree_model);

  gtk_stack_set_visible_child_name (self->stack, n_themes > 0 ? "themes" : "empty");

  if (selected != NULL && self->project != NULL &&
      chorus_codebook_get_position (chorus_project_get_codebook (self->project), selected) >= 0)
    chorus_codebook_pane_select_theme (self, selected);

  chorus_codebook_pane_update_actions (self);
}

static void
chorus_codebook_pane_project_changed_cb (ChorusCodebookPane *self,
                                         ChorusProject      *project)
{
  g_autofree char *shape = chorus_codebook_pane_describe_shape (self);

  if (g_strcmp0 (shape, self->tree_shape) != 0)
    chorus_codebook_pane_rebuild (self);
  else
    chorus_codebook_pane_refresh_rows (self);
}

static void
chorus_codebook_pane_selection_changed_cb (ChorusCodebookPane *self)
{
  chorus_codebook_pane_update_actions (self);
}

static void
chorus_codebook_pane_activate_cb (ChorusCodebookPane *self,
                                  guint               position,
                                  GtkListView        *view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree_model),
                                                         position);

  if (row != NULL)
    {
      g_autoptr(ChorusTheme) theme = gtk_tree_list_row_get_item (row);

      g_signal_emit (self, signals[SIGNAL_THEME_ACTIVATED], 0, theme);
    }
}

/* Actions */

static void
chorus_codebook_pane_theme_applied_cb (ChorusCodebookPane *self,
                                       ChorusTheme        *theme,
                                       ChorusThemeDialog  *dialog)
{
  chorus_codebook_pane_select_theme (self, theme);
  gtk_widget_grab_focus (GTK_WIDGET (self->theme_view));
}

static void
chorus_codebook_pane_present_theme_dialog (ChorusCodebookPane *self,
                                           ChorusTheme        *theme)
{
  ChorusThemeDialog *dialog = chorus_theme_dialog_new (self->project, theme);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), chorus_codebook_pane_get_window (self));
  g_signal_connect_object (dialog, "applied", G_CALLBACK (chorus_codebook_pane_theme_applied_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chorus_codebook_pane_new_theme_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  chorus_codebook_pane_present_theme_dialog (CHORUS_CODEBOOK_PANE (widget), NULL);
}

static void
chorus_codebook_pane_edit_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ChorusCodebookPane *self = CHORUS_CODEBOOK_PANE (widget);

  chorus_codebook_pane_present_theme_dialog (self,
                                             chorus_codebook_pane_get_selected_theme (self));
}

static void
chorus_codebook_pane_apply_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ChorusCodebookPane *self = CHORUS_CODEBOOK_PANE (widget);

  g_signal_emit (self, signals[SIGNAL_THEME_ACTIVATED], 0,
                 chorus_codebook_pane_get_selected_theme (self));
}

static void
chorus_codebook_pane_show_input_action (GtkWidget  *widget,
                                        const char *action_name,
                                        GVariant   *parameter)
{
  ChorusCodebookPane *self = CHORUS_CODEBOOK_PANE (widget);

  g_signal_emit (self, signals[SIGNAL_SHOW_THEME_INPUT], 0,
                 chorus_theme_get_id (chorus_codebook_pane_get_selected_theme (self)));
}

static void
chorus_codebook_pane_colour_response_cb (GtkDialog *dialog,
                                         int        response,
                                         gpointer   user_data)
{
  ChorusCodebookPane *self = g_object_get_data (G_OBJECT (dialog), "chorus-pane");
  ChorusTheme *theme = g_object_get_data (G_OBJECT (dialog), "chorus-theme");

  if (response == GTK_RESPONSE_OK && self->project != NULL &&
      chorus_codebook_get_position (chorus_project_get_codebook (self->project), theme) >= 0)
    {
      GdkRGBA rgba;
      g_autofree char *colour = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      colour = chorus_theme_dialog_format_colour (&rgba);
      chorus_project_set_theme_colour (self->project, theme, colour);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
chorus_codebook_pane_recolour_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  ChorusCodebookPane *self = CHORUS_CODEBOOK_PANE (widget);
  ChorusTheme *theme = chorus_codebook_pane_get_selected_theme (self);
  g_autofree char *title = NULL;
  GtkWidget *dialog;
  GdkRGBA rgba;

  /* Translators: title of the colour chooser for a theme */
  title = g_strdup_printf (_("Colour of “%s”"), chorus_theme_get_name (theme));
  dialog = gtk_color_chooser_dialog_new (title, chorus_codebook_pane_get_window (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  chorus_theme_dialog_add_palette (GTK_COLOR_CHOOSER (dialog));

  if (gdk_rgba_parse (&rgba, chorus_theme_get_colour (theme)))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);

  g_object_set_data (G_OBJECT (dialog), "chorus-pane", self);
  g_object_set_data_full (G_OBJECT (dialog), "chorus-theme", g_object_ref (theme),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (chorus_codebook_pane_colour_response_cb),
                    NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chorus_codebook_pane_unref_target (gpointer theme)
{
  /* NULL stands for the top level. */
  if (theme != NULL)
    g_object_unref (theme);
}

/* Lists @parent_id's descendants depth first into @names (indented by depth) and @themes. */
static void
chorus_codebook_pane_list_themes (ChorusCodebookPane *self,
                                  const char         *parent_id,
                                  guint               depth,
                                  ChorusTheme        *except,
                                  GtkStringList      *names,
                                  GPtrArray          *themes)
{
  GListModel *children = g_hash_table_lookup (self->children, parent_id);

  if (children == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (children, i);
      g_autofree char *indent = g_strnfill (depth * 4, ' ');
      g_autofree char *name = NULL;

      /* The theme itself is no choice, but its sub-themes still are (see the caller). */
      if (theme != except)
        {
          name = g_strconcat (indent, chorus_theme_get_name (theme), NULL);
          gtk_string_list_append (names, name);
          g_ptr_array_add (themes, g_object_ref (theme));
        }
      chorus_codebook_pane_list_themes (self, chorus_theme_get_id (theme), depth + 1, except,
                                        names, themes);
    }
}

static void
chorus_codebook_pane_move_response_cb (AdwMessageDialog *dialog,
                                       const char       *response,
                                       gpointer          user_data)
{
  ChorusCodebookPane *self = g_object_get_data (G_OBJECT (dialog), "chorus-pane");
  ChorusTheme *theme = g_object_get_data (G_OBJECT (dialog), "chorus-theme");
  GPtrArray *targets = g_object_get_data (G_OBJECT (dialog), "chorus-targets");
  GtkDropDown *drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (g_strcmp0 (response, "move") != 0 || self->project == NULL ||
      chorus_codebook_get_position (chorus_project_get_codebook (self->project), theme) < 0 ||
      selected >= targets->len)
    return;

  chorus_codebook_pane_move_theme (self, theme, g_ptr_array_index (targets, selected));
}

static void
chorus_codebook_pane_move_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ChorusCodebookPane *self = CHORUS_CODEBOOK_PANE (widget);
  ChorusTheme *theme = chorus_codebook_pane_get_selected_theme (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (chorus_codebook_pane_unref_target);
  g_autofree char *heading = NULL;
  ChorusTheme *current_parent;
  GtkWidget *dialog;
  GtkWidget *drop_down;

  /* Every other theme is offered, its own sub-themes too: choosing one of those is refused
   * with an explanation, which teaches more than an option that silently is not there. */
  gtk_string_list_append (names, _("Top Level"));
  g_ptr_array_add (targets, NULL);
  chorus_codebook_pane_list_themes (self, "", 0, theme, names, targets);

  /* Translators: heading of the dialog that moves a theme under another */
  heading = g_strdup_printf (_("Move “%s”"), chorus_theme_get_name (theme));
  dialog = adw_message_dialog_new (chorus_codebook_pane_get_window (self), heading,
                                   _("Choose the theme to put it under, or the top level."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "move", _("_Move"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New parent theme"),
                                  -1);
  current_parent = chorus_codebook_find_theme (chorus_project_get_codebook (self->project),
                                               chorus_theme_get_parent_id (theme));
  for (guint i = 0; i < targets->len; i++)
    if (g_ptr_array_index (targets, i) == current_parent)
      gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), i);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), drop_down);

  g_object_set_data (G_OBJECT (dialog), "chorus-pane", self);
  g_object_set_data_full (G_OBJECT (dialog), "chorus-theme", g_object_ref (theme),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "chorus-targets", g_steal_pointer (&targets),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (chorus_codebook_pane_move_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chorus_codebook_pane_delete_response_cb (AdwMessageDialog *dialog,
                                         const char       *response,
                                         gpointer          user_data)
{
  ChorusCodebookPane *self = g_object_get_data (G_OBJECT (dialog), "chorus-pane");
  ChorusTheme *theme = g_object_get_data (G_OBJECT (dialog), "chorus-theme");

  if (g_strcmp0 (response, "delete") != 0 || self->project == NULL ||
      chorus_codebook_get_position (chorus_project_get_codebook (self->project), theme) < 0)
    return;

  chorus_project_remove_theme (self->project, theme);
}

static void
chorus_codebook_pane_delete_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  ChorusCodebookPane *self = CHORUS_CODEBOOK_PANE (widget);
  ChorusTheme *theme = chorus_codebook_pane_get_selected_theme (self);
  ChorusCodebook *codebook = chorus_project_get_codebook (self->project);
  ChorusTheme *parent = chorus_codebook_find_theme (codebook, chorus_theme_get_parent_id (theme));
  GListModel *children = g_hash_table_lookup (self->children, chorus_theme_get_id (theme));
  guint n_children = children ? g_list_model_get_n_items (children) : 0;
  guint n_codings = chorus_project_count_theme_codings (self->project, theme);
  g_autofree char *heading = NULL;
  g_autofree char *codings = NULL;
  g_autofree char *moves = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: heading of the dialog that deletes a theme */
  heading = g_strdup_printf (_("Delete “%s”?"), chorus_theme_get_name (theme));

  if (n_codings == 0)
    codings = g_strdup (_("No input is tagged with this theme."));
  else
    codings = g_strdup_printf (ngettext ("Its tag is removed from %u place in the input.",
                                         "Its tags are removed from %u places in the input.",
                                         n_codings),
                               n_codings);

  if (n_children > 0 && parent != NULL)
    moves = g_strdup_printf (ngettext ("Its sub-theme moves up into “%1$s”.",
                                       "Its %2$u sub-themes move up into “%1$s”.",
                                       n_children),
                             chorus_theme_get_name (parent), n_children);
  else if (n_children > 0)
    moves = g_strdup_printf (ngettext ("Its sub-theme moves up to the top level.",
                                       "Its %u sub-themes move up to the top level.",
                                       n_children),
                             n_children);

  if (moves != NULL)
    body = g_strjoin (" ", codings, moves, _("You can undo this."), NULL);
  else
    body = g_strjoin (" ", codings, _("You can undo this."), NULL);

  dialog = adw_message_dialog_new (chorus_codebook_pane_get_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "chorus-pane", self);
  g_object_set_data_full (G_OBJECT (dialog), "chorus-theme", g_object_ref (theme),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (chorus_codebook_pane_delete_response_cb),
                    NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chorus_codebook_pane_context_menu_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  ChorusCodebookPane *self = CHORUS_CODEBOOK_PANE (widget);

  /* From the keyboard the menu opens at the pane's top corner, near the heading. */
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), NULL);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Public API */

GtkWidget *
chorus_codebook_pane_new (void)
{
  return g_object_new (CHORUS_TYPE_CODEBOOK_PANE, NULL);
}

ChorusProject *
chorus_codebook_pane_get_project (ChorusCodebookPane *self)
{
  g_return_val_if_fail (CHORUS_IS_CODEBOOK_PANE (self), NULL);

  return self->project;
}

void
chorus_codebook_pane_set_project (ChorusCodebookPane *self,
                                  ChorusProject      *project)
{
  g_return_if_fail (CHORUS_IS_CODEBOOK_PANE (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  /* Nothing stays selected from another project's codebook. */
  gtk_single_selection_set_model (self->selection, NULL);
  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_object (project, "changed",
                             G_CALLBACK (chorus_codebook_pane_project_changed_cb),
                             self, G_CONNECT_SWAPPED);

  chorus_codebook_pane_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

ChorusTheme *
chorus_codebook_pane_get_selected_theme (ChorusCodebookPane *self)
{
  GtkTreeListRow *row;
  ChorusTheme *theme;

  g_return_val_if_fail (CHORUS_IS_CODEBOOK_PANE (self), NULL);

  row = gtk_single_selection_get_selected_item (self->selection);
  if (row == NULL)
    return NULL;

  /* The tree holds the theme for as long as the row is there: return a borrowed pointer. */
  theme = gtk_tree_list_row_get_item (row);
  g_object_unref (theme);

  return theme;
}

void
chorus_codebook_pane_select_theme (ChorusCodebookPane *self,
                                   ChorusTheme        *theme)
{
  ChorusCodebook *codebook;

  g_return_if_fail (CHORUS_IS_CODEBOOK_PANE (self));
  g_return_if_fail (theme == NULL || CHORUS_IS_THEME (theme));

  if (theme == NULL || self->project == NULL || self->tree_model == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  codebook = chorus_project_get_codebook (self->project);

  /* Walk down the flattened tree, opening the theme's ancestors on the way: their children
   * come right after them, so the walk meets the theme next. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      g_autoptr(ChorusTheme) candidate = gtk_tree_list_row_get_item (row);

      if (candidate == theme)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->theme_view), "list.scroll-to-item",
                                      "u", i);
          return;
        }

      if (chorus_codebook_is_descendant (codebook, chorus_theme_get_id (theme),
                                         chorus_theme_get_id (candidate)))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

ChorusTheme *
chorus_codebook_pane_get_shortcut_theme (ChorusCodebookPane *self,
                                         guint               number)
{
  g_return_val_if_fail (CHORUS_IS_CODEBOOK_PANE (self), NULL);

  if (number < 1 || number > CHORUS_CODEBOOK_PANE_N_SHORTCUTS)
    return NULL;

  return self->shortcut_themes[number - 1];
}

gboolean
chorus_codebook_pane_move_theme (ChorusCodebookPane *self,
                                 ChorusTheme        *theme,
                                 ChorusTheme        *parent)
{
  g_autofree char *body = NULL;

  g_return_val_if_fail (CHORUS_IS_CODEBOOK_PANE (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_THEME (theme), FALSE);
  g_return_val_if_fail (parent == NULL || CHORUS_IS_THEME (parent), FALSE);
  g_return_val_if_fail (self->project != NULL, FALSE);

  if (chorus_project_set_theme_parent (self->project, theme, parent))
    {
      chorus_codebook_pane_select_theme (self, theme);
      return TRUE;
    }

  if (parent == theme)
    body = g_strdup_printf (_("A theme cannot go inside itself. Choose another theme for "
                              "“%s”, or the top level."),
                            chorus_theme_get_name (theme));
  else
    body = g_strdup_printf (_("“%s” is inside “%s”, so “%s” cannot go under it. Move “%s” "
                              "out first, or choose another theme."),
                            chorus_theme_get_name (parent), chorus_theme_get_name (theme),
                            chorus_theme_get_name (theme), chorus_theme_get_name (parent));

  chorus_codebook_pane_show_error (self, _("Theme Not Moved"), body);

  return FALSE;
}

/* GObject */

static void
chorus_codebook_pane_dispose (GObject *object)
{
  ChorusCodebookPane *self = (ChorusCodebookPane *)object;

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  /* Rows unbound while the pane can still answer for them, before the list goes. */
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_CODEBOOK_PANE);

  /* The template's top-level box has no id, so dispose_template() leaves it in place. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_clear_pointer (&self->tree_shape, g_free);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_codebook_pane_parent_class)->dispose (object);
}

static void
chorus_codebook_pane_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChorusCodebookPane *self = CHORUS_CODEBOOK_PANE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_codebook_pane_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChorusCodebookPane *self = CHORUS_CODEBOOK_PANE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      chorus_codebook_pane_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_codebook_pane_class_init (ChorusCodebookPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_codebook_pane_dispose;
  object_class->get_property = chorus_codebook_pane_get_property;
  object_class->set_property = chorus_codebook_pane_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_THEME_ACTIVATED] =
    g_signal_new ("theme-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CHORUS_TYPE_THEME);
  signals[SIGNAL_SHOW_THEME_INPUT] =
    g_signal_new ("show-theme-input", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /* The resources live in a static library; naming them here keeps the linker from dropping
   * them from a program that uses the pane without the window (the tests). */
  (void) chorus_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-codebook-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusCodebookPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusCodebookPane, theme_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusCodebookPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusCodebookPane, theme_menu);

  gtk_widget_class_install_action (widget_class, "codebook.new-theme", NULL,
                                   chorus_codebook_pane_new_theme_action);
  gtk_widget_class_install_action (widget_class, "codebook.apply", NULL,
                                   chorus_codebook_pane_apply_action);
  gtk_widget_class_install_action (widget_class, "codebook.show-input", NULL,
                                   chorus_codebook_pane_show_input_action);
  gtk_widget_class_install_action (widget_class, "codebook.edit", NULL,
                                   chorus_codebook_pane_edit_action);
  gtk_widget_class_install_action (widget_class, "codebook.recolour", NULL,
                                   chorus_codebook_pane_recolour_action);
  gtk_widget_class_install_action (widget_class, "codebook.move", NULL,
                                   chorus_codebook_pane_move_action);
  gtk_widget_class_install_action (widget_class, "codebook.delete", NULL,
                                   chorus_codebook_pane_delete_action);
  gtk_widget_class_install_action (widget_class, "codebook.context-menu", NULL,
                                   chorus_codebook_pane_context_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "codebook.new-theme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "codebook.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "codebook.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "codebook.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "codebook.context-menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-codebook-pane");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
chorus_codebook_pane_init (ChorusCodebookPane *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->bound_items = g_hash_table_new (NULL, NULL);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (chorus_codebook_pane_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* The rows need the project's statistics for their counts, which a
   * GtkBuilderListItemFactory cannot reach: so this factory is built in code. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup",
                           G_CALLBACK (chorus_codebook_pane_setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind",
                           G_CALLBACK (chorus_codebook_pane_bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind",
                           G_CALLBACK (chorus_codebook_pane_unbind_row_cb), self, 0);
  g_signal_connect_object (factory, "teardown",
                           G_CALLBACK (chorus_codebook_pane_teardown_row_cb), self, 0);
  gtk_list_view_set_factory (self->theme_view, factory);
  gtk_list_view_set_model (self->theme_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->theme_view, "activate",
                           G_CALLBACK (chorus_codebook_pane_activate_cb),
                           self, G_CONNECT_SWAPPED);

  self->context_menu = gtk_popover_menu_new_from_model (self->theme_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  chorus_codebook_pane_rebuild (self);
}
