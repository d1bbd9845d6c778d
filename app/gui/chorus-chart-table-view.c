/* chorus-chart-table-view.c — a chart's numbers as a table ("Show as Table")
 *
 * The same numbers as the chart, from chorus_chart_get_table(), for readers who want the
 * figures or cannot use the picture. Every count is a flat button: activating it gives the
 * hit its bar gives, so the table filters the input exactly as a click on the chart does.
 *
 * A chart's table has a row per theme, question or group — tens, not thousands — so a
 * GtkGrid of plain widgets is fine here; the input items themselves go through list views.
 * It is rebuilt at most once a frame, and only while it is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-chart-table-view.h"

struct _ChorusChartTableView
{
  GtkWidget          parent_instance;

  ChorusChart       *chart;
  gulong             chart_changed_handler;
  ChorusChartTable  *table;
  /* Rows shown as columns and columns as rows. */
  gboolean           transposed;

  gboolean           table_dirty;
  guint              rebuild_tick_id;

  GtkGrid           *grid;
};

G_DEFINE_FINAL_TYPE (ChorusChartTableView, chorus_chart_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  SIGNAL_CELL_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
chorus_chart_table_view_cell_clicked_cb (GtkButton            *button,
                                         ChorusChartTableView *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "chorus-row"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "chorus-column"));
  ChorusChartHit hit;

  if (self->table != NULL && chorus_chart_table_get_hit (self->table, row, column, &hit))
    g_signal_emit (self, signals[SIGNAL_CELL_ACTIVATED], 0, &hit);
}

static GtkWidget *
chorus_chart_table_view_header_new (const char *text,
                                    float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  /* Whole words only: a column is never narrower than its longest word. */
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_justify (GTK_LABEL (label), xalign > 0.5 ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  gtk_widget_set_valign (label, GTK_ALIGN_FILL);
  gtk_label_set_yalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "chart-table-header");

  return label;
}

static GtkWidget *
chorus_chart_table_view_row_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Questions are long: they wrap, but keep a readable measure. */
  gtk_label_set_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "chart-table-label");

  return label;
}

static GtkWidget *
chorus_chart_table_view_cell_new (ChorusChartTableView *self,
                                  guint                 row,
                                  guint                 column)
{
  guint value = chorus_chart_table_get_value (self->table, row, column);
  g_autofree char *number = g_strdup_printf ("%u", value);
  GtkWidget *button = gtk_button_new_with_label (number);
  ChorusChartHit hit;

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "numeric");
  gtk_widget_add_css_class (button, "chart-table-cell");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 1);
  if (value == 0)
    gtk_widget_add_css_class (button, "dim-label");

  if (chorus_chart_table_get_hit (self->table, row, column, &hit) && hit.text != NULL)
    {
      g_autofree char *tooltip = NULL;

      /* Translators: the tooltip of a count in a chart's table; %s is the sentence with the
       * numbers, "Patient choice, Staff: 12 of 23 items" */
      tooltip = g_strdup_printf (_("%s. Show these items."), hit.text);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, hit.text,
                                      -1);
    }

  g_object_set_data (G_OBJECT (button), "chorus-row", GUINT_TO_POINTER (row));
  g_object_set_data (G_OBJECT (button), "chorus-column", GUINT_TO_POINTER (column));
  g_signal_connect (button, "clicked", G_CALLBACK (chorus_chart_table_view_cell_clicked_cb), self);

  return button;
}

static void
chorus_chart_table_view_rebuild (ChorusChartTableView *self)
{
  GtkWidget *child;
  guint n_rows, n_columns;

  self->table_dirty = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_clear_pointer (&self->table, chorus_chart_table_unref);

  if (self->chart == NULL)
    return;

  self->table = chorus_chart_get_table (self->chart);
  n_rows = chorus_chart_table_get_n_rows (self->table);
  n_columns = chorus_chart_table_get_n_columns (self->table);

  /* The heatmap's table is as drawn, a column per theme: two rows twenty columns wide. On a
   * card, twenty rows two columns wide read far better, so a wide table is turned on its
   * side; the numbers and what they count are the same. */
  self->transposed = n_columns > 6 && n_columns > 2 * n_rows;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chorus_chart_table_get_caption (self->table),
                                  -1);

  /* The corner names what the rows are; turned, the table has no word for its rows. */
  gtk_grid_attach (self->grid,
                   chorus_chart_table_view_header_new (self->transposed
                                                       ? ""
                                                       : chorus_chart_table_get_row_header (self->table),
                                                       0),
                   0, 0, 1, 1);

  for (guint column = 0; column < n_columns; column++)
    {
      const char *label = chorus_chart_table_get_column_label (self->table, column);

      if (self->transposed)
        gtk_grid_attach (self->grid, chorus_chart_table_view_row_label_new (label),
                         0, column + 1, 1, 1);
      else
        gtk_grid_attach (self->grid, chorus_chart_table_view_header_new (label, 1),
                         column + 1, 0, 1, 1);
    }

  for (guint row = 0; row < n_rows; row++)
    {
      const char *label = chorus_chart_table_get_row_label (self->table, row);

      if (self->transposed)
        gtk_grid_attach (self->grid, chorus_chart_table_view_header_new (label, 1),
                         row + 1, 0, 1, 1);
      else
        gtk_grid_attach (self->grid, chorus_chart_table_view_row_label_new (label),
                         0, row + 1, 1, 1);

      for (guint column = 0; column < n_columns; column++)
        {
          GtkWidget *cell = chorus_chart_table_view_cell_new (self, row, column);

          if (self->transposed)
            gtk_grid_attach (self->grid, cell, row + 1, column + 1, 1, 1);
          else
            gtk_grid_attach (self->grid, cell, column + 1, row + 1, 1, 1);
        }
    }
}

static gboolean
chorus_chart_table_view_rebuild_tick_cb (GtkWidget     *widget,
                                         GdkFrameClock *clock,
                                         gpointer       user_data)
{
  ChorusChartTableView *self = CHORUS_CHART_TABLE_VIEW (widget);

  self->rebuild_tick_id = 0;
  chorus_chart_table_view_rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
chorus_chart_table_view_chart_changed_cb (ChorusChartTableView *self,
                                          ChorusChart          *chart)
{
  self->table_dirty = TRUE;

  /* Hidden tables catch up when they are shown (map). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->rebuild_tick_id == 0)
    self->rebuild_tick_id =
      gtk_widget_add_tick_callback (GTK_WIDGET (self), chorus_chart_table_view_rebuild_tick_cb,
                                    NULL, NULL);
}

static void
chorus_chart_table_view_map (GtkWidget *widget)
{
  ChorusChartTableView *self = CHORUS_CHART_TABLE_VIEW (widget);

  if (self->table_dirty)
    chorus_chart_table_view_rebuild (self);

  GTK_WIDGET_CLASS (chorus_chart_table_view_parent_class)->map (widget);
}

static void
chorus_chart_table_view_unmap (GtkWidget *widget)
{
  ChorusChartTableView *self = CHORUS_CHART_TABLE_VIEW (widget);

  if (self->rebuild_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->rebuild_tick_id);
      self->rebuild_tick_id = 0;
    }

  GTK_WIDGET_CLASS (chorus_chart_table_view_parent_class)->unmap (widget);
}

GtkWidget *
chorus_chart_table_view_new (ChorusChart *chart)
{
  g_return_val_if_fail (chart == NULL || CHORUS_IS_CHART (chart), NULL);

  return g_object_new (CHORUS_TYPE_CHART_TABLE_VIEW, "chart", chart, NULL);
}

ChorusChart *
chorus_chart_table_view_get_chart (ChorusChartTableView *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART_TABLE_VIEW (self), NULL);

  return self->chart;
}

void
chorus_chart_table_view_set_chart (ChorusChartTableView *self,
                                   ChorusChart          *chart)
{
  g_return_if_fail (CHORUS_IS_CHART_TABLE_VIEW (self));
  g_return_if_fail (chart == NULL || CHORUS_IS_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_clear_signal_handler (&self->chart_changed_handler, self->chart);
  g_set_object (&self->chart, chart);

  if (chart != NULL)
    self->chart_changed_handler =
      g_signal_connect_object (chart, "changed",
                               G_CALLBACK (chorus_chart_table_view_chart_changed_cb), self,
                               G_CONNECT_SWAPPED);

  self->table_dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    chorus_chart_table_view_rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

ChorusChartTable *
chorus_chart_table_view_get_table (ChorusChartTableView *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART_TABLE_VIEW (self), NULL);

  return self->table;
}

GtkWidget *
chorus_chart_table_view_get_cell (ChorusChartTableView *self,
                                  guint                 row,
                                  guint                 column)
{
  g_return_val_if_fail (CHORUS_IS_CHART_TABLE_VIEW (self), NULL);

  /* Row 0 of the grid holds the headers, column 0 the row labels. */
  if (self->transposed)
    return gtk_grid_get_child_at (self->grid, row + 1, column + 1);

  return gtk_grid_get_child_at (self->grid, column + 1, row + 1);
}

static void
chorus_chart_table_view_dispose (GObject *object)
{
  ChorusChartTableView *self = CHORUS_CHART_TABLE_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CHORUS_TYPE_CHART_TABLE_VIEW);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  if (self->chart != NULL)
    g_clear_signal_handler (&self->chart_changed_handler, self->chart);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->table, chorus_chart_table_unref);

  G_OBJECT_CLASS (chorus_chart_table_view_parent_class)->dispose (object);
}

static void
chorus_chart_table_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ChorusChartTableView *self = CHORUS_CHART_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_chart_table_view_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ChorusChartTableView *self = CHORUS_CHART_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      chorus_chart_table_view_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_chart_table_view_class_init (ChorusChartTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_chart_table_view_dispose;
  object_class->get_property = chorus_chart_table_view_get_property;
  object_class->set_property = chorus_chart_table_view_set_property;

  widget_class->map = chorus_chart_table_view_map;
  widget_class->unmap = chorus_chart_table_view_unmap;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         CHORUS_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CELL_ACTIVATED] =
    g_signal_new ("cell-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-chart-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusChartTableView, grid);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-chart-table-view");
}

static void
chorus_chart_table_view_init (ChorusChartTableView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
