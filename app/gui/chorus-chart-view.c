/* chorus-chart-view.c — one summary chart as a widget you can point at and walk with the keyboard
 *
 * The picture is libchorus's ChorusChart, drawn in snapshot through gtk_snapshot_append_cairo,
 * so the dashboard shows exactly what the PDF and `chorus-cli chart` show. After each render the
 * chart knows what it drew where; this widget only adds what a screen needs: the hover
 * highlight and tooltip, a focus ring that arrow keys move from bar to bar, and activation.
 *
 * Tab enters and leaves the chart rather than stepping through every bar: the stance chart
 * alone has hundreds of segments, and a keyboard user must be able to get past it. Inside,
 * Left and Right step through the regions in reading order, Up and Down move a row, Home and
 * End jump, Enter and Space activate.
 *
 * This widget has no children, so it has no template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "chorus-chart-view.h"

/* Narrower than this, the chart's labels and bars no longer fit side by side. */
#define MIN_WIDTH 240
/* What the chart is laid out for when nobody says how wide it will be. */
#define NATURAL_WIDTH 480

struct _ChorusChartView
{
  GtkWidget    parent_instance;

  ChorusChart *chart;
  gulong       chart_changed_handler;

  /* Indexes into the chart's regions, or -1; clamped after each render. */
  int          focused_region;
  int          hover_region;

  /* The accessible description lags a change by at most a frame, so that a burst of edits
   * (typing in an item) describes the chart once rather than once per keystroke. */
  gboolean     description_dirty;
  guint        description_tick_id;
};

G_DEFINE_FINAL_TYPE (ChorusChartView, chorus_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

enum {
  SIGNAL_REGION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static guint
chorus_chart_view_get_n_regions (ChorusChartView *self)
{
  return self->chart != NULL ? chorus_chart_get_n_regions (self->chart) : 0;
}

/* The region whose rectangle holds the point, or -1 (over a label or empty space). */
static int
chorus_chart_view_find_region (ChorusChartView *self,
                               double           x,
                               double           y)
{
  guint n_regions = chorus_chart_view_get_n_regions (self);

  for (guint i = 0; i < n_regions; i++)
    {
      cairo_rectangle_t rect;

      if (chorus_chart_get_region (self->chart, i, &rect, NULL) &&
          x >= rect.x && x < rect.x + rect.width &&
          y >= rect.y && y < rect.y + rect.height)
        return (int) i;
    }

  return -1;
}

static void
chorus_chart_view_update_description (ChorusChartView *self)
{
  g_autofree char *description = NULL;

  self->description_dirty = FALSE;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  description = chorus_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chorus_chart_get_title (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static gboolean
chorus_chart_view_description_tick_cb (GtkWidget     *widget,
                                       GdkFrameClock *clock,
                                       gpointer       user_data)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (widget);

  self->description_tick_id = 0;
  chorus_chart_view_update_description (self);

  return G_SOURCE_REMOVE;
}

static void
chorus_chart_view_chart_changed_cb (ChorusChartView *self,
                                    ChorusChart     *chart)
{
  /* The natural height follows the number of bars; a resize also redraws. */
  gtk_widget_queue_resize (GTK_WIDGET (self));

  self->description_dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->description_tick_id == 0)
    self->description_tick_id =
      gtk_widget_add_tick_callback (GTK_WIDGET (self), chorus_chart_view_description_tick_cb,
                                    NULL, NULL);
}

static void
chorus_chart_view_set_hover_region (ChorusChartView *self,
                                    int              region)
{
  if (self->hover_region == region)
    return;

  self->hover_region = region;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The focus ring moved: redraw, and let a tooltip and a screen reader say what is there. */
static void
chorus_chart_view_set_focused_region (ChorusChartView *self,
                                      int              region)
{
  ChorusChartHit hit;

  if (self->focused_region == region)
    return;

  self->focused_region = region;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (region >= 0 && chorus_chart_get_region (self->chart, region, NULL, &hit))
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), hit.text);
      /* GTK 4.8 cannot announce; a new name on the focused widget is what Orca reads. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, hit.text,
                                      -1);
    }
}

static void
chorus_chart_view_motion_cb (GtkEventControllerMotion *controller,
                             double                    x,
                             double                    y,
                             ChorusChartView          *self)
{
  ChorusChartHit hit;

  if (self->chart == NULL)
    return;

  /* Over a bar, its exact numbers; over a label, the full, never ellipsised, row. */
  if (chorus_chart_hit_test (self->chart, x, y, &hit))
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), hit.text);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
    }
  else
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }

  chorus_chart_view_set_hover_region (self, chorus_chart_view_find_region (self, x, y));
}

static void
chorus_chart_view_leave_cb (GtkEventControllerMotion *controller,
                            ChorusChartView          *self)
{
  chorus_chart_view_set_hover_region (self, -1);
}

static void
chorus_chart_view_released_cb (GtkGestureClick *gesture,
                               int              n_press,
                               double           x,
                               double           y,
                               ChorusChartView *self)
{
  ChorusChartHit hit;
  int region;

  if (self->chart == NULL || !chorus_chart_hit_test (self->chart, x, y, &hit))
    return;

  region = chorus_chart_view_find_region (self, x, y);
  if (region >= 0)
    chorus_chart_view_set_focused_region (self, region);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  g_signal_emit (self, signals[SIGNAL_REGION_ACTIVATED], 0, &hit);
}

static void
chorus_chart_view_focus_enter_cb (GtkEventControllerFocus *controller,
                                  ChorusChartView         *self)
{
  guint n_regions = chorus_chart_view_get_n_regions (self);

  if (self->focused_region < 0 && n_regions > 0)
    chorus_chart_view_set_focused_region (self, 0);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chorus_chart_view_focus_leave_cb (GtkEventControllerFocus *controller,
                                  ChorusChartView         *self)
{
  /* The next visit starts where this one ended; only the ring goes. */
  if (self->chart != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    chorus_chart_get_title (self->chart),
                                    -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chorus_chart_view_move_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (widget);
  int n_regions = (int) chorus_chart_view_get_n_regions (self);
  int current = self->focused_region;
  int target = current;

  if (n_regions == 0)
    return;

  if (g_str_equal (action_name, "chart.first-region"))
    target = 0;
  else if (g_str_equal (action_name, "chart.last-region"))
    target = n_regions - 1;
  else if (current < 0)
    target = 0;
  else if (g_str_equal (action_name, "chart.next-region"))
    target = MIN (current + 1, n_regions - 1);
  else if (g_str_equal (action_name, "chart.previous-region"))
    target = MAX (current - 1, 0);
  else
    {
      /* Up and Down: the nearest region of the next row that way, so that in a stacked or
       * diverging bar the ring stays over the same group or stance. */
      gboolean down = g_str_equal (action_name, "chart.region-below");
      cairo_rectangle_t from;
      double from_x, from_y, best_y = 0, best_dx = 0;

      chorus_chart_get_region (self->chart, current, &from, NULL);
      from_x = from.x + from.width / 2;
      from_y = from.y + from.height / 2;

      for (int i = 0; i < n_regions; i++)
        {
          cairo_rectangle_t rect;
          double x, y;

          chorus_chart_get_region (self->chart, i, &rect, NULL);
          x = rect.x + rect.width / 2;
          y = rect.y + rect.height / 2;

          if (down ? y <= from_y + 0.5 : y >= from_y - 0.5)
            continue;

          if (target == current ||
              fabs (y - from_y) < fabs (best_y - from_y) - 0.5 ||
              (fabs (y - best_y) <= 0.5 && fabs (x - from_x) < best_dx))
            {
              target = i;
              best_y = y;
              best_dx = fabs (x - from_x);
            }
        }
    }

  chorus_chart_view_set_focused_region (self, target);
}

static void
chorus_chart_view_activate_region_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (widget);
  ChorusChartHit hit;

  if (self->focused_region < 0 ||
      !chorus_chart_get_region (self->chart, self->focused_region, NULL, &hit))
    return;

  g_signal_emit (self, signals[SIGNAL_REGION_ACTIVATED], 0, &hit);
}

static void
chorus_chart_view_dark_changed_cb (ChorusChartView *self,
                                   GParamSpec      *pspec,
                                   AdwStyleManager *style_manager)
{
  if (self->chart != NULL)
    chorus_chart_set_dark (self->chart, adw_style_manager_get_dark (style_manager));
}

static GtkSizeRequestMode
chorus_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
chorus_chart_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else if (self->chart != NULL)
    {
      double width = for_size > 0 ? for_size : NATURAL_WIDTH;

      /* Every bar gets its room: the page scrolls instead of the chart dropping rows. */
      *minimum = *natural = (int) ceil (chorus_chart_get_natural_height (self->chart, width));
    }
  else
    {
      *minimum = *natural = 0;
    }
}

static void
chorus_chart_view_append_region_path (cairo_t                 *cr,
                                      const cairo_rectangle_t *rect,
                                      double                   grow,
                                      double                   radius)
{
  double x = rect->x - grow, y = rect->y - grow;
  double width = rect->width + 2 * grow, height = rect->height + 2 * grow;

  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
chorus_chart_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int n_regions;
  double red, green, blue;
  cairo_rectangle_t rect;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  chorus_chart_get_background (self->chart, &red, &green, &blue);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { red, green, blue, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_save (cr);
  chorus_chart_render (self->chart, cr, width, height);
  cairo_restore (cr);

  /* The regions are those of this render: a change may have removed the bar under the ring. */
  n_regions = (int) chorus_chart_get_n_regions (self->chart);
  if (self->hover_region >= n_regions)
    self->hover_region = -1;
  if (self->focused_region >= n_regions)
    self->focused_region = n_regions > 0 ? n_regions - 1 : -1;

  if (self->hover_region >= 0 &&
      chorus_chart_get_region (self->chart, self->hover_region, &rect, NULL))
    {
      GdkRGBA foreground;

      /* Darkens a bar on white, lightens it on dark grey, whatever its colour. */
      gtk_style_context_get_color (style, &foreground);
      cairo_set_source_rgba (cr, foreground.red, foreground.green, foreground.blue, 0.18);
      cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
      cairo_fill (cr);
    }

  if (self->focused_region >= 0 && gtk_widget_has_visible_focus (widget) &&
      chorus_chart_get_region (self->chart, self->focused_region, &rect, NULL))
    {
      GdkRGBA accent;

      if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
        gtk_style_context_get_color (style, &accent);

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2);
      chorus_chart_view_append_region_path (cr, &rect, 2, 3);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
chorus_chart_view_map (GtkWidget *widget)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (widget);

  GTK_WIDGET_CLASS (chorus_chart_view_parent_class)->map (widget);

  if (self->description_dirty)
    chorus_chart_view_update_description (self);
}

static void
chorus_chart_view_unmap (GtkWidget *widget)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (widget);

  /* Tick callbacks stop with the frame clock; the next map catches up instead. */
  if (self->description_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->description_tick_id);
      self->description_tick_id = 0;
    }

  GTK_WIDGET_CLASS (chorus_chart_view_parent_class)->unmap (widget);
}

GtkWidget *
chorus_chart_view_new (ChorusChart *chart)
{
  g_return_val_if_fail (chart == NULL || CHORUS_IS_CHART (chart), NULL);

  return g_object_new (CHORUS_TYPE_CHART_VIEW, "chart", chart, NULL);
}

ChorusChart *
chorus_chart_view_get_chart (ChorusChartView *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

void
chorus_chart_view_set_chart (ChorusChartView *self,
                             ChorusChart     *chart)
{
  g_return_if_fail (CHORUS_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || CHORUS_IS_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_clear_signal_handler (&self->chart_changed_handler, self->chart);
  g_set_object (&self->chart, chart);

  self->focused_region = -1;
  self->hover_region = -1;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);

  if (chart != NULL)
    {
      self->chart_changed_handler =
        g_signal_connect_object (chart, "changed",
                                 G_CALLBACK (chorus_chart_view_chart_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      chorus_chart_set_dark (chart, adw_style_manager_get_dark (adw_style_manager_get_default ()));
    }

  chorus_chart_view_update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

int
chorus_chart_view_get_focused_region (ChorusChartView *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART_VIEW (self), -1);

  return self->focused_region;
}

static void
chorus_chart_view_dispose (GObject *object)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (object);

  if (self->chart != NULL)
    g_clear_signal_handler (&self->chart_changed_handler, self->chart);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (chorus_chart_view_parent_class)->dispose (object);
}

static void
chorus_chart_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (object);

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
chorus_chart_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChorusChartView *self = CHORUS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      chorus_chart_view_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_chart_view_class_init (ChorusChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_chart_view_dispose;
  object_class->get_property = chorus_chart_view_get_property;
  object_class->set_property = chorus_chart_view_set_property;

  widget_class->get_request_mode = chorus_chart_view_get_request_mode;
  widget_class->measure = chorus_chart_view_measure;
  widget_class->snapshot = chorus_chart_view_snapshot;
  widget_class->map = chorus_chart_view_map;
  widget_class->unmap = chorus_chart_view_unmap;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         CHORUS_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_REGION_ACTIVATED] =
    g_signal_new ("region-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_install_action (widget_class, "chart.next-region", NULL,
                                   chorus_chart_view_move_action);
  gtk_widget_class_install_action (widget_class, "chart.previous-region", NULL,
                                   chorus_chart_view_move_action);
  gtk_widget_class_install_action (widget_class, "chart.region-below", NULL,
                                   chorus_chart_view_move_action);
  gtk_widget_class_install_action (widget_class, "chart.region-above", NULL,
                                   chorus_chart_view_move_action);
  gtk_widget_class_install_action (widget_class, "chart.first-region", NULL,
                                   chorus_chart_view_move_action);
  gtk_widget_class_install_action (widget_class, "chart.last-region", NULL,
                                   chorus_chart_view_move_action);
  gtk_widget_class_install_action (widget_class, "chart.activate-region", NULL,
                                   chorus_chart_view_activate_region_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.next-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.next-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.previous-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.previous-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.region-below", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "chart.region-below", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.region-above", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "chart.region-above", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.first-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.last-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate-region", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate-region", NULL);

  gtk_widget_class_set_css_name (widget_class, "chorus-chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
chorus_chart_view_init (ChorusChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->focused_region = -1;
  self->hover_region = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (chorus_chart_view_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (chorus_chart_view_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (focus, "enter", G_CALLBACK (chorus_chart_view_focus_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (chorus_chart_view_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (chorus_chart_view_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (chorus_chart_view_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
