/* chorus-card-grid.c — cards in one or two columns, each card under the shorter column
 *
 * The dashboard's charts differ a lot in height (four coverage bars, forty stance rows), so a
 * grid or a GtkFlowBox, whose rows are as tall as their tallest card, would leave holes or
 * stretch short cards. Here each card keeps its own height and goes under whichever column
 * is shorter so far, in order; narrow, they stack in one column.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-card-grid.h"

#define SPACING 18
#define MAX_COLUMNS 2

struct _ChorusCardGrid
{
  GtkWidget parent_instance;

  int              min_column_width;
  guint            n_columns;
};

G_DEFINE_FINAL_TYPE (ChorusCardGrid, chorus_card_grid, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MIN_COLUMN_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The narrowest a column may be: the property, or the widest card's minimum (a table with
 * many columns) when that is wider. */
static int
chorus_card_grid_get_column_minimum (ChorusCardGrid *self)
{
  int minimum = self->min_column_width;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &child_minimum, NULL, NULL, NULL);
      minimum = MAX (minimum, child_minimum);
    }

  return minimum;
}

static guint
chorus_card_grid_columns_for_width (ChorusCardGrid *self,
                                    int             width)
{
  int column_minimum = chorus_card_grid_get_column_minimum (self);
  guint n_columns = MAX_COLUMNS;

  while (n_columns > 1 &&
         width < (int) n_columns * column_minimum + ((int) n_columns - 1) * SPACING)
    n_columns--;

  return n_columns;
}

/* Lays the cards out for @width; with @allocate, also allocates them. Returns the height. */
static int
chorus_card_grid_arrange (ChorusCardGrid *self,
                          int             width,
                          gboolean        allocate)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_columns = chorus_card_grid_columns_for_width (self, width);
  int column_width = (width - ((int) n_columns - 1) * SPACING) / (int) n_columns;
  int column_heights[MAX_COLUMNS] = { 0 };
  int height = 0;

  if (allocate)
    self->n_columns = n_columns;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint shortest = 0;
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      for (guint i = 1; i < n_columns; i++)
        if (column_heights[i] < column_heights[shortest])
          shortest = i;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, column_width,
                          NULL, &child_height, NULL, NULL);

      if (column_heights[shortest] > 0)
        column_heights[shortest] += SPACING;

      if (allocate)
        {
          int x = (int) shortest * (column_width + SPACING);

          if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
            x = width - x - column_width;

          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) { x, column_heights[shortest],
                                                       column_width, child_height },
                                    -1);
        }

      column_heights[shortest] += child_height;
      height = MAX (height, column_heights[shortest]);
    }

  return height;
}

static GtkSizeRequestMode
chorus_card_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
chorus_card_grid_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  ChorusCardGrid *self = CHORUS_CARD_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest_minimum = 0, widest_natural = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_minimum, child_natural;

          if (!gtk_widget_should_layout (child))
            continue;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                              &child_minimum, &child_natural, NULL, NULL);
          widest_minimum = MAX (widest_minimum, child_minimum);
          widest_natural = MAX (widest_natural, child_natural);
        }

      *minimum = widest_minimum;
      *natural = MAX_COLUMNS * MAX (widest_natural, self->min_column_width) +
                 (MAX_COLUMNS - 1) * SPACING;
    }
  else
    {
      int width = for_size;

      if (width < 0)
        {
          int ignored;

          chorus_card_grid_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                    &ignored, &width, NULL, NULL);
        }

      *minimum = *natural = chorus_card_grid_arrange (self, width, FALSE);
    }
}

static void
chorus_card_grid_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  chorus_card_grid_arrange (CHORUS_CARD_GRID (widget), width, TRUE);
}

static void
chorus_card_grid_dispose (GObject *object)
{
  GtkWidget *child;

  /* The cards are children added by GtkBuilder or gtk_widget_set_parent(). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (chorus_card_grid_parent_class)->dispose (object);
}

GtkWidget *
chorus_card_grid_new (void)
{
  return g_object_new (CHORUS_TYPE_CARD_GRID, NULL);
}

int
chorus_card_grid_get_min_column_width (ChorusCardGrid *self)
{
  g_return_val_if_fail (CHORUS_IS_CARD_GRID (self), 0);

  return self->min_column_width;
}

void
chorus_card_grid_set_min_column_width (ChorusCardGrid *self,
                                       int             width)
{
  g_return_if_fail (CHORUS_IS_CARD_GRID (self));
  g_return_if_fail (width > 0);

  if (self->min_column_width == width)
    return;

  self->min_column_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_COLUMN_WIDTH]);
}

guint
chorus_card_grid_get_n_columns (ChorusCardGrid *self)
{
  g_return_val_if_fail (CHORUS_IS_CARD_GRID (self), 1);

  return self->n_columns;
}

static void
chorus_card_grid_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusCardGrid *self = CHORUS_CARD_GRID (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      g_value_set_int (value, self->min_column_width);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_card_grid_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusCardGrid *self = CHORUS_CARD_GRID (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      chorus_card_grid_set_min_column_width (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_card_grid_class_init (ChorusCardGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_card_grid_dispose;
  object_class->get_property = chorus_card_grid_get_property;
  object_class->set_property = chorus_card_grid_set_property;

  widget_class->get_request_mode = chorus_card_grid_get_request_mode;
  widget_class->measure = chorus_card_grid_measure;
  widget_class->size_allocate = chorus_card_grid_size_allocate;

  properties[PROP_MIN_COLUMN_WIDTH] =
    g_param_spec_int ("min-column-width", NULL, NULL,
                      1, G_MAXINT, 420,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chorus-card-grid");
}

static void
chorus_card_grid_init (ChorusCardGrid *self)
{
  self->min_column_width = 420;
  self->n_columns = 1;
}
