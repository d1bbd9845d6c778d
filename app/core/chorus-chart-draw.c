/* chorus-chart-draw.c — laying out and drawing the four charts
 *
 * Everything is in user units, so the same drawing is crisp on a HiDPI
 * screen, in a PNG at 2x and in vector output. Text goes through one
 * PangoContext per render with hinted metrics off: a label is exactly as
 * wide on screen as in the PDF, so what fits in one fits in the other.
 *
 * Every bar, segment and cell drawn is recorded with what it stands for
 * (ChorusChartRegion), and every piece of text with its rectangle, so the
 * caller can hit-test and the tests can check that no labels collide.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "chorus-chart-private.h"

#define FONT_FAMILY "Cantarell, Cantarell Regular, Noto Sans, DejaVu Sans, Sans"

/* Outer padding, and the gap between a label column and the plot. */
#define PAD        16.0
#define LABEL_GAP  10.0
#define SWATCH     10.0
/* Space before the heatmap's "Other" column, which is not like the rest. */
#define OTHER_GAP  6.0

typedef enum
{
  FONT_TITLE,
  FONT_BODY,
  FONT_BOLD,
  FONT_SMALL,
  FONT_SMALL_ITALIC,
  FONT_EMPTY,
  N_FONTS
} Font;

static const char * const font_sizes[N_FONTS] = {
  [FONT_TITLE] = "Bold 12",
  [FONT_BODY] = "10",
  [FONT_BOLD] = "Bold 10",
  [FONT_SMALL] = "9",
  [FONT_SMALL_ITALIC] = "Italic 9",
  [FONT_EMPTY] = "12",
};

#define HEX(c) { (((c) >> 16) & 0xff) / 255.0, (((c) >> 8) & 0xff) / 255.0, ((c) & 0xff) / 255.0 }

#define N_RAMP 8

typedef struct
{
  ChorusChartRGB background;
  ChorusChartRGB text;
  ChorusChartRGB secondary;
  ChorusChartRGB grid;
  ChorusChartRGB axis;
  ChorusChartRGB centre;
  ChorusChartRGB zero_cell;
  ChorusChartRGB other_cell; /* the heatmap's "Other" column, off the scale */
  ChorusChartRGB on_light;   /* text on a light fill */
  ChorusChartRGB on_dark;    /* text on a dark fill */
  ChorusChartRGB ramp[N_RAMP];
} Palette;

/* Light: ColorBrewer "Blues", a sequential ramp that reads by lightness
 * alone and so survives every colour-vision deficiency and greyscale
 * printing. Dark: the same hues, rising from the background. */
static const Palette light_palette = {
  .background = HEX (0xffffff),
  .text = HEX (0x241f31),
  .secondary = HEX (0x5e5c64),
  .grid = HEX (0xe6e6e9),
  .axis = HEX (0x9a9996),
  .centre = HEX (0x3d3846),
  .zero_cell = HEX (0xf3f3f5),
  .other_cell = HEX (0xe4e4e7),
  .on_light = HEX (0x241f31),
  .on_dark = HEX (0xffffff),
  .ramp = {
    HEX (0xdeebf7), HEX (0xc6dbef), HEX (0x9ecae1), HEX (0x6baed6),
    HEX (0x4292c6), HEX (0x2171b5), HEX (0x08519c), HEX (0x08306b),
  },
};

static const Palette dark_palette = {
  .background = HEX (0x242424),
  .text = HEX (0xffffff),
  .secondary = HEX (0xc0bfbc),
  .grid = HEX (0x3a3a3d),
  .axis = HEX (0x77767b),
  .centre = HEX (0xdeddda),
  .zero_cell = HEX (0x2f2f32),
  .other_cell = HEX (0x3a3a3e),
  .on_light = HEX (0x1e1e1e),
  .on_dark = HEX (0xffffff),
  .ramp = {
    HEX (0x12355b), HEX (0x08519c), HEX (0x2171b5), HEX (0x4292c6),
    HEX (0x6baed6), HEX (0x9ecae1), HEX (0xc6dbef), HEX (0xdeebf7),
  },
};

typedef struct
{
  cairo_t                  *cr;        /* NULL when only measuring */
  PangoContext             *context;
  PangoLayout              *layout;
  PangoFontDescription     *fonts[N_FONTS];
  const Palette            *palette;
  ChorusChartData          *data;
  const ChorusChartOptions *options;
  ChorusChartLayout        *out;
  double                    width;
  double                    height;
  double                    body_h;    /* one line of body text */
  double                    small_h;   /* one line of small text */
  /* The last text_set(): its logical rectangle relative to the origin. */
  PangoRectangle            logical;
} Painter;

void
_chorus_chart_background (gboolean        dark,
                          ChorusChartRGB *rgb)
{
  *rgb = dark ? dark_palette.background : light_palette.background;
}

/* Layout ---------------------------------------------------------------------- */

static void
region_clear (gpointer data)
{
  ChorusChartRegion *region = data;

  g_clear_pointer (&region->text, g_free);
}

ChorusChartLayout *
_chorus_chart_layout_new (ChorusChartData *data)
{
  ChorusChartLayout *layout = g_new0 (ChorusChartLayout, 1);

  layout->data = _chorus_chart_data_ref (data);
  layout->regions = g_array_new (FALSE, TRUE, sizeof (ChorusChartRegion));
  g_array_set_clear_func (layout->regions, region_clear);
  layout->labels = g_array_new (FALSE, TRUE, sizeof (ChorusChartRegion));
  g_array_set_clear_func (layout->labels, region_clear);
  layout->text_rects = g_array_new (FALSE, TRUE, sizeof (cairo_rectangle_t));

  return layout;
}

void
_chorus_chart_layout_free (ChorusChartLayout *layout)
{
  if (layout == NULL)
    return;

  g_array_unref (layout->regions);
  g_array_unref (layout->labels);
  g_array_unref (layout->text_rects);
  _chorus_chart_row_free (layout->other);
  _chorus_chart_data_unref (layout->data);
  g_free (layout);
}

static void
add_region (Painter           *p,
            GArray            *array,
            double             x,
            double             y,
            double             width,
            double             height,
            ChorusChartTarget  target,
            ChorusChartRow    *row,
            int                series)
{
  ChorusChartRegion region = { { x, y, width, height }, target, row, series, NULL };

  g_array_append_val (array, region);
}

/* Geometry helpers ------------------------------------------------------------- */

/* Rounds a coordinate to the device pixel grid, so edges are sharp at any
 * scale; vector surfaces are simply rounded to their own unit. */
static double
snap_x (Painter *p,
        double   x)
{
  double y = 0;

  if (p->cr == NULL)
    return x;

  cairo_user_to_device (p->cr, &x, &y);
  x = round (x);
  cairo_device_to_user (p->cr, &x, &y);
  return x;
}

static double
snap_y (Painter *p,
        double   y)
{
  double x = 0;

  if (p->cr == NULL)
    return y;

  cairo_user_to_device (p->cr, &x, &y);
  y = round (y);
  cairo_device_to_user (p->cr, &x, &y);
  return y;
}

static void
set_colour (Painter              *p,
            const ChorusChartRGB *rgb)
{
  cairo_set_source_rgb (p->cr, rgb->red, rgb->green, rgb->blue);
}

/* Fills the rectangle with edges on the pixel grid; returns it as drawn. */
static cairo_rectangle_t
fill_rect (Painter              *p,
           double                x,
           double                y,
           double                width,
           double                height,
           const ChorusChartRGB *rgb)
{
  double x0 = snap_x (p, x), x1 = snap_x (p, x + width);
  double y0 = snap_y (p, y), y1 = snap_y (p, y + height);
  cairo_rectangle_t rect = { x0, y0, MAX (x1 - x0, 0), MAX (y1 - y0, 0) };

  if (p->cr != NULL && rect.width > 0 && rect.height > 0)
    {
      set_colour (p, rgb);
      cairo_rectangle (p->cr, rect.x, rect.y, rect.width, rect.height);
      cairo_fill (p->cr);
    }

  return rect;
}

/* A one-unit vertical line centred on @x, at least one device pixel wide. */
static void
vline (Painter              *p,
       double                x,
       double                y0,
       double                y1,
       const ChorusChartRGB *rgb)
{
  double left = snap_x (p, x - 0.5), right = snap_x (p, x + 0.5);

  if (p->cr == NULL)
    return;

  if (right <= left)
    {
      double dx = 1, dy = 0;

      cairo_device_to_user_distance (p->cr, &dx, &dy);
      right = left + fabs (dx);
    }

  set_colour (p, rgb);
  cairo_rectangle (p->cr, left, snap_y (p, y0), right - left, snap_y (p, y1) - snap_y (p, y0));
  cairo_fill (p->cr);
}

/* One part of a stacked bar, from @x to @next. Unless it is the last, it
 * stops a device pixel short: the gap shows whatever is behind the chart,
 * which keeps neighbours apart on any background. */
static cairo_rectangle_t
fill_segment (Painter              *p,
              double                x,
              double                next,
              gboolean              more,
              double                y,
              double                height,
              const ChorusChartRGB *rgb)
{
  double gap = 0;

  if (more && p->cr != NULL)
    {
      double dx = 1, dy = 0;

      cairo_device_to_user_distance (p->cr, &dx, &dy);
      gap = fabs (dx);
      if (next - x <= 2 * gap)
        gap = 0;
    }

  return fill_rect (p, x, y, next - x - gap, height, rgb);
}

static double
luminance (const ChorusChartRGB *rgb)
{
  return 0.2126 * rgb->red + 0.7152 * rgb->green + 0.0722 * rgb->blue;
}

static const ChorusChartRGB *
contrast_text (Painter              *p,
               const ChorusChartRGB *fill)
{
  return luminance (fill) > 0.5 ? &p->palette->on_light : &p->palette->on_dark;
}

/* Text --------------------------------------------------------------------------- */

/* Sets up the shared layout for @text in @font, at most @max_width wide
 * (ellipsised; 0 for no limit) and @max_lines lines (wrapped at words). The
 * first @bold_len bytes are bold. Returns the logical size. */
static void
text_set (Painter        *p,
          Font            font,
          const char     *text,
          double          max_width,
          int             max_lines,
          PangoAlignment  alignment,
          guint           bold_len,
          double         *width,
          double         *height)
{
  PangoLayout *layout = p->layout;

  pango_layout_set_font_description (layout, p->fonts[font]);

  if (bold_len > 0)
    {
      PangoAttrList *attrs = pango_attr_list_new ();
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

      bold->start_index = 0;
      bold->end_index = bold_len;
      pango_attr_list_insert (attrs, bold);
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    pango_layout_set_attributes (layout, NULL);

  /* Labels have no line breaks (chorus-chart-data.c sees to that). */
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, alignment);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_height (layout, -MAX (max_lines, 1));
    }
  else
    {
      pango_layout_set_width (layout, -1);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
      pango_layout_set_height (layout, -1);
    }

  pango_layout_get_extents (layout, NULL, &p->logical);

  if (width != NULL)
    *width = (double) p->logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) p->logical.height / PANGO_SCALE;
}

/* Draws the layout set up last with its box's top left at (@x, @y). */
static void
text_show (Painter              *p,
           double                x,
           double                y,
           const ChorusChartRGB *rgb)
{
  cairo_rectangle_t rect = {
    x + (double) p->logical.x / PANGO_SCALE,
    y + (double) p->logical.y / PANGO_SCALE,
    (double) p->logical.width / PANGO_SCALE,
    (double) p->logical.height / PANGO_SCALE,
  };

  g_array_append_val (p->out->text_rects, rect);

  if (p->cr == NULL)
    return;

  set_colour (p, rgb);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, p->layout);
}

static double
text_width (Painter    *p,
            Font        font,
            const char *text)
{
  double width;

  text_set (p, font, text, 0, 1, PANGO_ALIGN_LEFT, 0, &width, NULL);
  return width;
}

/* Ticks ---------------------------------------------------------------------- */

/* The smallest 1, 2 or 5 x 10^n step that covers @max in at most @max_ticks
 * intervals; at least @min_step (1 for counts). */
static double
nice_step (double max,
           guint  max_ticks,
           double min_step)
{
  double raw, magnitude;
  static const double multiples[] = { 1, 2, 5, 10 };

  if (max <= 0)
    return min_step;

  raw = max / MAX (max_ticks, 1);
  magnitude = pow (10, floor (log10 (raw)));
  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    if (multiples[i] * magnitude >= raw - 1e-9)
      return MAX (multiples[i] * magnitude, min_step);

  return MAX (10 * magnitude, min_step);
}

/* Count axis at the bottom: gridlines, ticks and their labels. */
typedef struct
{
  double x0;        /* position of value 0 */
  double scale;     /* units per count */
  double step;
  double min;       /* values of the first and last tick */
  double max;
  gboolean percent; /* tick labels as percentages of max */
} Axis;

/* Sets @axis's step, max and scale for values 0..@max along @length units:
 * as many intervals as fit (at most @max_intervals) with each tick label
 * clear of the next. The widest label is the last one's. */
static void
axis_fit (Painter *p,
          Axis    *axis,
          double   max,
          double   length,
          guint    max_intervals)
{
  for (guint n = max_intervals; n >= 1; n--)
    {
      g_autofree char *last = NULL;
      double label_w;

      axis->step = nice_step (max, n, 1);
      axis->max = ceil (max / axis->step) * axis->step;
      axis->scale = length / axis->max;

      last = _chorus_chart_format_count ((guint) axis->max);
      label_w = text_width (p, FONT_SMALL, last);
      if (axis->step * axis->scale >= label_w + 16)
        break;
    }
}

/* Header, legend, empty state ------------------------------------------------ */

static double
draw_header (Painter *p)
{
  double y = PAD, h;
  double width = p->width - 2 * PAD;

  if (!p->options->show_title)
    return y;

  /* On a very short canvas the title goes first, then the subtitle. */
  text_set (p, FONT_TITLE, p->data->title, width, 1, PANGO_ALIGN_LEFT, 0, NULL, &h);
  if (y + h > p->height - PAD)
    return y;
  text_show (p, PAD, y, &p->palette->text);
  y += h + 1;

  if (p->data->scope != NULL)
    {
      text_set (p, FONT_SMALL, p->data->scope, width, 1, PANGO_ALIGN_LEFT, 0, NULL, &h);
      if (y + h > p->height - PAD)
        return y;
      text_show (p, PAD, y, &p->palette->secondary);
      y += h;
    }

  return y + 12;
}

/* Swatches and names of the series, flowing onto as many lines as needed. */
static double
draw_legend (Painter *p,
             double   y)
{
  double x = PAD, right = p->width - PAD;
  double line_h = p->small_h;

  for (guint s = 0; s < p->data->series->len; s++)
    {
      ChorusChartSeries *series = g_ptr_array_index (p->data->series, s);
      double w, entry_w;

      text_set (p, FONT_SMALL, series->label, right - PAD - SWATCH - 5, 1, PANGO_ALIGN_LEFT, 0,
                &w, NULL);
      entry_w = SWATCH + 5 + w;
      if (x > PAD && x + entry_w > right)
        {
          x = PAD;
          y += line_h + 4;
        }
      /* On a canvas too short for the legend, the chart says so below. */
      if (y + line_h > p->height - PAD)
        break;

      fill_rect (p, x, y + (line_h - SWATCH) / 2, SWATCH, SWATCH, &series->colour);
      text_show (p, x + SWATCH + 5, y, &p->palette->text);
      x += entry_w + 18;
    }

  return y + line_h + 12;
}

static ChorusChartRGB
ramp_colour (const Palette *palette,
             guint          value,
             guint          max)
{
  double t, position, f;
  guint i;
  ChorusChartRGB rgb;

  if (value == 0 || max == 0)
    return palette->zero_cell;

  t = (double) value / max;
  position = t * (N_RAMP - 1);
  i = MIN ((guint) position, N_RAMP - 2);
  f = position - i;

  rgb.red = palette->ramp[i].red + (palette->ramp[i + 1].red - palette->ramp[i].red) * f;
  rgb.green = palette->ramp[i].green + (palette->ramp[i + 1].green - palette->ramp[i].green) * f;
  rgb.blue = palette->ramp[i].blue + (palette->ramp[i + 1].blue - palette->ramp[i].blue) * f;

  return rgb;
}

/* "Items per cell  ▯ 0   1 ▭▭▭▭ 57", as much of it as the width holds. */
static double
draw_ramp_legend (Painter *p,
                  double   y,
                  guint    max)
{
  g_autofree char *max_text = _chorus_chart_format_count (max);
  double line_h = p->small_h;
  double x = PAD, w, title_w, zero_w, one_w, max_w;
  double ramp_w, room;
  double swatch_y = y + (line_h - SWATCH) / 2;

  if (y + line_h > p->height - PAD)
    return y;

  title_w = text_width (p, FONT_SMALL, _("Items per cell"));
  zero_w = text_width (p, FONT_SMALL, "0");
  one_w = max > 1 ? text_width (p, FONT_SMALL, "1") : 0;
  max_w = text_width (p, FONT_SMALL, max_text);

  /* The scale needs 0, the ramp and its ends; the title goes first when narrow. */
  room = p->width - 2 * PAD - (SWATCH + 4 + zero_w + 14 + one_w + 4 + 4 + max_w);
  if (room >= title_w + 12 + 60)
    {
      text_set (p, FONT_SMALL, _("Items per cell"), 0, 1, PANGO_ALIGN_LEFT, 0, &w, NULL);
      text_show (p, x, y, &p->palette->secondary);
      x += w + 12;
      room -= w + 12;
    }
  ramp_w = MIN (room, 120);
  if (ramp_w < 20)
    return y;

  fill_rect (p, x, swatch_y, SWATCH, SWATCH, &p->palette->zero_cell);
  x += SWATCH + 4;
  text_set (p, FONT_SMALL, "0", 0, 1, PANGO_ALIGN_LEFT, 0, NULL, NULL);
  text_show (p, x, y, &p->palette->text);
  x += zero_w + 14;

  if (max > 1)
    {
      text_set (p, FONT_SMALL, "1", 0, 1, PANGO_ALIGN_LEFT, 0, NULL, NULL);
      text_show (p, x, y, &p->palette->text);
      x += one_w + 4;
    }

  if (p->cr != NULL)
    {
      double x0 = snap_x (p, x), x1 = snap_x (p, x + ramp_w);
      double y0 = snap_y (p, swatch_y), y1 = snap_y (p, swatch_y + SWATCH);
      cairo_pattern_t *gradient = cairo_pattern_create_linear (x0, 0, x1, 0);

      for (guint i = 0; i < N_RAMP; i++)
        {
          const ChorusChartRGB *rgb = &p->palette->ramp[i];

          cairo_pattern_add_color_stop_rgb (gradient, (double) i / (N_RAMP - 1),
                                            rgb->red, rgb->green, rgb->blue);
        }
      cairo_set_source (p->cr, gradient);
      cairo_rectangle (p->cr, x0, y0, x1 - x0, y1 - y0);
      cairo_fill (p->cr);
      cairo_pattern_destroy (gradient);
    }
  x += ramp_w + 4;

  text_set (p, FONT_SMALL, max_text, 0, 1, PANGO_ALIGN_LEFT, 0, NULL, NULL);
  text_show (p, x, y, &p->palette->text);

  return y + line_h + 12;
}

static void
draw_empty (Painter    *p,
            double      top,
            const char *text,
            const char *hint)
{
  double width = p->width - 2 * PAD;
  double area = MAX (p->height - PAD - top, 0);
  double h1, h2 = 0, y;

  text_set (p, FONT_EMPTY, text, width, 2, PANGO_ALIGN_CENTER, 0, NULL, &h1);
  if (hint != NULL)
    {
      text_set (p, FONT_SMALL, hint, width, 3, PANGO_ALIGN_CENTER, 0, NULL, &h2);
      h2 += 6;
    }

  /* In the middle of the space; measuring asks for a modest box. What does
   * not fit is left out, the hint first. */
  if (p->cr == NULL)
    area = MAX (h1 + h2 + 80, 120);
  if (h1 + h2 > area)
    {
      hint = NULL;
      h2 = 0;
    }
  if (h1 > area)
    return;
  y = top + MAX ((area - h1 - h2) / 2, 0);

  text_set (p, FONT_EMPTY, text, width, 2, PANGO_ALIGN_CENTER, 0, NULL, &h1);
  text_show (p, PAD, y, &p->palette->secondary);
  if (hint != NULL)
    {
      text_set (p, FONT_SMALL, hint, width, 3, PANGO_ALIGN_CENTER, 0, NULL, NULL);
      text_show (p, PAD, y + h1 + 6, &p->palette->secondary);
    }

  p->out->height = MAX (p->out->height, top + area + PAD);
}

static void
draw_too_small (Painter *p,
                double   top)
{
  draw_empty (p, top, _("Not enough room for this chart"), NULL);
}

/* "+ 12 more questions; see the table" under the last row. */
static double
draw_more_note (Painter *p,
                double   y,
                guint    n_hidden,
                gboolean questions)
{
  g_autofree char *count = _chorus_chart_format_count (n_hidden);
  g_autofree char *text = NULL;
  double h;

  if (questions)
    text = g_strdup_printf (ngettext ("%s more question not shown; see the table",
                                      "%s more questions not shown; see the table", n_hidden),
                            count);
  else
    text = g_strdup_printf (ngettext ("%s more row not shown; see the table",
                                      "%s more rows not shown; see the table", n_hidden),
                            count);

  text_set (p, FONT_SMALL_ITALIC, text, p->width - 2 * PAD, 1, PANGO_ALIGN_LEFT, 0, NULL, &h);
  text_show (p, PAD, y, &p->palette->secondary);

  return y + h;
}

/* Row labels ------------------------------------------------------------------ */

/* A row's label on one line, however wide. */
static double
label_width (Painter        *p,
             ChorusChartRow *row)
{
  double w;

  text_set (p, row->other ? FONT_SMALL_ITALIC : FONT_BODY, row->label, 0, 1,
            PANGO_ALIGN_LEFT, row->bold_len, &w, NULL);

  return w;
}

/* The widest of the rows' labels, up to @cap. */
static double
label_column_width (Painter    *p,
                    GPtrArray  *rows,
                    double      cap)
{
  double widest = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);

      if (row->heading)
        continue;
      widest = MAX (widest, label_width (p, row));
      if (widest >= cap)
        return cap;
    }

  return ceil (widest);
}

/* Each row's top, then the bottom of the last (@rows->len + 1 values).
 * A row whose label is wider than @label_w gets room for it on two lines,
 * the other rows giving up a little of *@band (not below @min_band) when
 * @avail is short; when even that is not enough, every row keeps *@band and
 * long labels are cut short. A label ellipsised ("Improve co-ordination
 * with social serv…") where the chart had the room to show it whole says
 * less than it could. *@band is left the height of an ordinary row. */
static double *
row_tops (Painter   *p,
          GPtrArray *rows,
          double     top,
          double    *band,
          double     min_band,
          double     label_w,
          double     avail)
{
  /* What draw_row_label() needs for two lines. */
  double two_lines = ceil (2 * p->body_h + 4);
  g_autofree gboolean *wide = g_new0 (gboolean, rows->len);
  double *tops = g_new (double, rows->len + 1);
  double tall = *band;
  guint n_wide = 0;

  for (guint r = 0; r < rows->len && *band < two_lines; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);

      if (row->heading)
        continue;
      wide[r] = label_width (p, row) > label_w + 0.5;
      n_wide += wide[r];
    }

  if (n_wide > 0)
    {
      double rest = n_wide < rows->len
                    ? floor ((avail - n_wide * two_lines) / (rows->len - n_wide))
                    : *band;

      if (n_wide * two_lines + (rows->len - n_wide) * MIN (*band, rest) <= avail &&
          rest >= min_band)
        {
          *band = MIN (*band, rest);
          tall = two_lines;
        }
    }

  tops[0] = top;
  for (guint r = 0; r < rows->len; r++)
    tops[r + 1] = tops[r] + (wide[r] ? tall : *band);

  return tops;
}

/* A row's label, right-aligned against the plot and centred on its band;
 * wraps onto @max_lines lines when the band has room for them. */
static void
draw_row_label (Painter        *p,
                ChorusChartRow *row,
                double          x,
                double          width,
                double          band_top,
                double          band,
                int             max_lines)
{
  Font font = row->other ? FONT_SMALL_ITALIC : FONT_BODY;
  int lines = CLAMP ((int) floor ((band - 4) / p->body_h), 1, max_lines);
  double h;

  text_set (p, font, row->label, width, lines, PANGO_ALIGN_RIGHT, row->bold_len, NULL, &h);
  text_show (p, x, band_top + (band - h) / 2,
             row->other ? &p->palette->secondary : &p->palette->text);
  add_region (p, p->out->labels, x, band_top, width + LABEL_GAP, band, CHORUS_CHART_TARGET_LABEL,
              row, -1);
}

static void
draw_grid (Painter    *p,
           const Axis *axis,
           double      top,
           double      bottom)
{
  for (double v = axis->min; v <= axis->max + axis->step / 2; v += axis->step)
    vline (p, axis->x0 + v * axis->scale, top, bottom, &p->palette->grid);
}

static double
draw_ticks (Painter    *p,
            const Axis *axis,
            double      y)
{
  double h = 0;

  for (double v = axis->min; v <= axis->max + axis->step / 2; v += axis->step)
    {
      g_autofree char *text = NULL;
      double w;

      if (axis->percent)
        text = g_strdup_printf ("%.0f%%", 100 * v / axis->max);
      else
        text = _chorus_chart_format_count ((guint) fabs (round (v)));

      text_set (p, FONT_SMALL, text, 0, 1, PANGO_ALIGN_LEFT, 0, &w, &h);
      text_show (p, axis->x0 + v * axis->scale - w / 2, y, &p->palette->secondary);
    }

  return y + h;
}

static void
draw_axis_label (Painter *p,
                 double   x0,
                 double   x1,
                 double   y)
{
  double w;

  if (p->data->axis_label == NULL)
    return;

  text_set (p, FONT_SMALL, p->data->axis_label, x1 - x0, 1, PANGO_ALIGN_LEFT, 0, &w, NULL);
  text_show (p, (x0 + x1 - w) / 2, y, &p->palette->secondary);
}

/* The height left for rows once the axis below them is accounted for. */
static double
axis_height (Painter *p)
{
  return 6 + p->small_h + 4 + (p->data->axis_label != NULL ? p->small_h : 0);
}

/* Themes ---------------------------------------------------------------------- */

/* The "Other" bar when it outgrows the named bars: drawn to the end of the
 * plot with a slanted break, its own number at the end, so a long tail of
 * small themes does not squash the bars the reader came for. Returns the
 * path to clip the bar to. */
static void
break_path (Painter *p,
            double   x0,
            double   x1,
            double   y,
            double   height)
{
  double xb = x1 - 30;

  cairo_new_path (p->cr);
  cairo_move_to (p->cr, x0, y);
  cairo_line_to (p->cr, xb + 3, y);
  cairo_line_to (p->cr, xb - 3, y + height);
  cairo_line_to (p->cr, x0, y + height);
  cairo_close_path (p->cr);
  cairo_move_to (p->cr, xb + 7, y);
  cairo_line_to (p->cr, x1, y);
  cairo_line_to (p->cr, x1, y + height);
  cairo_line_to (p->cr, xb + 1, y + height);
  cairo_close_path (p->cr);
}

static void
draw_themes (Painter *p,
             double   top)
{
  ChorusChartData *data = p->data;
  gboolean stacked = data->series->len > 1;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  double min_band = p->body_h + 6, max_band = ceil (p->body_h * 2.3);
  double avail, band, bar, label_w, right_w = 0, x0, x1, bottom, y;
  g_autofree double *tops = NULL;
  guint n_fit, keep, max_named = 0;
  gboolean broken = FALSE;
  Axis axis = { 0 };

  if (stacked)
    top = draw_legend (p, top);

  avail = p->height - PAD - axis_height (p) - top;
  n_fit = avail > 0 ? (guint) floor (avail / min_band) : 0;
  if (n_fit == 0 || (n_fit < 2 && data->rows->len > 1))
    {
      draw_too_small (p, top);
      return;
    }

  keep = _chorus_chart_keep_rows (data->rows->len, MIN (p->options->max_bars, n_fit));
  for (guint r = 0; r < keep; r++)
    g_ptr_array_add (rows, g_ptr_array_index (data->rows, r));
  if (keep < data->rows->len)
    {
      p->out->other = _chorus_chart_data_make_other (data, keep, data->rows->len);
      g_ptr_array_add (rows, p->out->other);
    }

  band = CLAMP (floor (avail / rows->len), min_band, max_band);

  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);
      g_autofree char *count = _chorus_chart_format_count (row->total);

      if (!row->other)
        max_named = MAX (max_named, row->total);
      right_w = MAX (right_w, text_width (p, FONT_SMALL, count));
    }
  right_w += 8;
  broken = p->out->other != NULL && p->out->other->total > max_named && max_named > 0;
  if (p->out->other != NULL && !broken)
    max_named = MAX (max_named, p->out->other->total);

  /* Theme names are phrases ("Accountability and governance"): up to two
   * fifths of the width and two lines, rather than cut short beside bars
   * that had more than half of it. */
  label_w = label_column_width (p, rows, CLAMP (p->width * 0.4, 80, 400));
  x0 = PAD + label_w + LABEL_GAP;
  x1 = p->width - PAD - right_w;

  /* The last tick's label is centred on the end of the axis: room for its
   * half past the plot, which the count column usually gives already. */
  {
    g_autofree char *widest = _chorus_chart_format_count (MAX (max_named, 1) * 10);

    right_w = MAX (right_w, text_width (p, FONT_SMALL, widest) / 2);
    x1 = p->width - PAD - right_w;
    if (x1 - x0 < 80)
      {
        draw_too_small (p, top);
        return;
      }
  }

  /* A broken bar needs room past the axis for its break. */
  axis.x0 = x0;
  axis_fit (p, &axis, MAX (max_named, 1), x1 - x0 - (broken ? 40 : 0), 6);

  tops = row_tops (p, rows, top, &band, min_band, label_w, avail);
  bottom = tops[rows->len];
  bar = round (band * 0.66);
  draw_grid (p, &axis, top - 4, bottom);

  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);
      double band_top = tops[r];
      double row_band = tops[r + 1] - tops[r];
      double bar_top = snap_y (p, band_top + (row_band - bar) / 2);
      double bar_h = snap_y (p, bar_top + bar) - bar_top;
      gboolean break_this = broken && row->other;
      double scale = break_this ? (x1 - x0) / row->total : axis.scale;
      g_autofree char *count = _chorus_chart_format_count (row->total);
      double h, end;

      draw_row_label (p, row, PAD, label_w, band_top, row_band, 2);

      if (break_this && p->cr != NULL)
        {
          cairo_save (p->cr);
          break_path (p, snap_x (p, x0), snap_x (p, x1), bar_top, bar_h);
          cairo_clip (p->cr);
        }

      /* A broken "Other" is one grey bar even when the others are stacked:
       * its parts would be off the axis's scale. The table has them. */
      if (!stacked || break_this)
        {
          cairo_rectangle_t rect = fill_rect (p, x0, bar_top, row->total * scale, bar_h,
                                              &row->colour);

          add_region (p, p->out->regions, rect.x, rect.y, rect.width, rect.height,
                      CHORUS_CHART_TARGET_BAR, row, -1);
          end = rect.x + rect.width;
        }
      else
        {
          double x = snap_x (p, x0);
          guint sum = 0;

          for (guint s = 0; s < data->series->len; s++)
            {
              ChorusChartSeries *series = g_ptr_array_index (data->series, s);
              cairo_rectangle_t rect;
              double next;

              if (row->values[s] == 0)
                continue;

              /* From cumulative sums, so rounding never accumulates. */
              sum += row->values[s];
              next = snap_x (p, x0 + sum * scale);
              rect = fill_segment (p, x, next, sum < row->total, bar_top, bar_h, &series->colour);
              add_region (p, p->out->regions, rect.x, rect.y, rect.width, rect.height,
                          CHORUS_CHART_TARGET_SEGMENT, row, (int) s);
              x = next;
            }
          end = snap_x (p, x0 + row->total * scale);
        }

      if (break_this && p->cr != NULL)
        cairo_restore (p->cr);

      text_set (p, FONT_SMALL, count, 0, 1, PANGO_ALIGN_LEFT, 0, NULL, &h);
      text_show (p, end + 5, band_top + (row_band - h) / 2, &p->palette->text);
    }

  vline (p, x0, top - 4, bottom, &p->palette->axis);
  y = draw_ticks (p, &axis, bottom + 6);
  draw_axis_label (p, x0, x1, y + 4);

  p->out->axis_zero = snap_x (p, x0);
  p->out->axis_scale = axis.scale;
  p->out->height = MAX (p->out->height, bottom + axis_height (p) + PAD);
}

/* Stance ---------------------------------------------------------------------- */

static void
draw_stance (Painter *p,
             double   top)
{
  ChorusChartData *data = p->data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  double min_band = p->body_h + 6, max_band = ceil (p->body_h * 2.2);
  double avail, band, bar, label_w, right_w = 0, x0, x1, xc, bottom, y, extent = 0, header_y;
  g_autofree double *tops = NULL;
  guint n_fit, n_rows = data->rows->len, n_hidden = 0;
  Axis axis = { 0 };

  top = draw_legend (p, top);
  /* Room for the heading of the totals column. */
  header_y = top - 6;
  top += p->small_h;

  avail = p->height - PAD - axis_height (p) - top;
  n_fit = avail > 0 ? (guint) floor (avail / min_band) : 0;
  if (n_fit < 2)
    {
      draw_too_small (p, top);
      return;
    }

  /* Too many questions for the height: the first ones, and a note. */
  if (n_rows > n_fit)
    {
      n_rows = n_fit - 1;
      avail -= p->small_h + 4;
    }
  for (guint r = 0; r < data->rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (data->rows, r);

      if (r < n_rows)
        g_ptr_array_add (rows, row);
      else if (!row->heading)
        n_hidden++;
    }
  /* A heading with none of its questions under it says nothing. */
  while (rows->len > 0 && ((ChorusChartRow *) g_ptr_array_index (rows, rows->len - 1))->heading)
    g_ptr_array_remove_index (rows, rows->len - 1);

  if (rows->len == 0)
    {
      draw_too_small (p, top);
      return;
    }

  band = CLAMP (floor (avail / rows->len), min_band, max_band);

  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);
      g_autofree char *count = _chorus_chart_format_count (row->total);
      /* Series order: disagree, mixed, neutral, unset, agree. */
      double middle = row->values[1] + row->values[2] + row->values[3];

      if (row->heading)
        continue;
      extent = MAX (extent, row->values[0] + middle / 2);
      extent = MAX (extent, row->values[4] + middle / 2);
      right_w = MAX (right_w, text_width (p, FONT_SMALL, count));
    }
  right_w = MAX (right_w, text_width (p, FONT_SMALL, _("Items"))) + 10;

  /* Questions are long: two fifths of the width and two lines, as themes. */
  label_w = label_column_width (p, rows, CLAMP (p->width * 0.4, 60, 440));
  x0 = PAD + label_w + LABEL_GAP;
  x1 = p->width - PAD - right_w;

  {
    g_autofree char *widest = _chorus_chart_format_count ((guint) MAX (ceil (extent), 1) * 10);

    right_w = MAX (right_w, text_width (p, FONT_SMALL, widest) / 2);
    x1 = p->width - PAD - right_w;
    if (x1 - x0 < 80)
      {
        draw_too_small (p, top);
        return;
      }
  }

  /* Symmetric: the same ticks either side of the centre. */
  xc = snap_x (p, (x0 + x1) / 2);
  axis.x0 = xc;
  axis_fit (p, &axis, MAX (extent, 1), (x1 - x0) / 2, 4);
  axis.min = -axis.max;

  tops = row_tops (p, rows, top, &band, min_band, label_w, avail);
  bottom = tops[rows->len];
  bar = round (band * 0.66);

  {
    double h;

    text_set (p, FONT_SMALL, _("Items"), right_w - 4, 1, PANGO_ALIGN_RIGHT, 0, NULL, &h);
    text_show (p, p->width - PAD - (right_w - 4), header_y, &p->palette->secondary);
  }

  /* Gridlines and the centre line stop at document headings. */
  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);
      double y0 = tops[r] - (r == 0 ? 4 : 0);

      if (!row->heading)
        draw_grid (p, &axis, y0, tops[r + 1]);
    }

  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);
      double band_top = tops[r];
      double row_band = tops[r + 1] - tops[r];
      double bar_top = band_top + (row_band - bar) / 2;
      double middle = row->values[1] + row->values[2] + row->values[3];
      double start = row->values[0] + middle / 2;
      g_autofree char *count = NULL;
      double x, h;
      guint sum = 0;

      if (row->heading)
        {
          /* Sits low in its band, against the questions it names. */
          text_set (p, FONT_BOLD, row->label, x1 - PAD, 1, PANGO_ALIGN_LEFT, 0, NULL, &h);
          text_show (p, PAD, band_top + row_band - h - 2, &p->palette->secondary);
          add_region (p, p->out->labels, PAD, band_top, p->width - 2 * PAD, row_band,
                      CHORUS_CHART_TARGET_HEADING, row, -1);
          continue;
        }

      draw_row_label (p, row, PAD, label_w, band_top, row_band, 2);

      x = snap_x (p, xc - start * axis.scale);
      for (guint s = 0; s < data->series->len; s++)
        {
          ChorusChartSeries *series = g_ptr_array_index (data->series, s);
          cairo_rectangle_t rect;
          g_autofree char *value = NULL;
          double next, w;

          if (row->values[s] == 0)
            continue;

          sum += row->values[s];
          next = snap_x (p, xc + (sum - start) * axis.scale);
          rect = fill_segment (p, x, next, sum < row->total, bar_top, bar, &series->colour);
          add_region (p, p->out->regions, rect.x, rect.y, rect.width, rect.height,
                      CHORUS_CHART_TARGET_SEGMENT, row, (int) s);

          /* The count inside the segment when it fits; the table has the
           * rest. Off the centre line when the segment straddles it. */
          value = _chorus_chart_format_count (row->values[s]);
          text_set (p, FONT_SMALL, value, 0, 1, PANGO_ALIGN_LEFT, 0, &w, &h);
          if (w + 6 <= rect.width && h <= bar)
            {
              double left = rect.x, right = rect.x + rect.width;

              if (left < xc - 1 && right > xc + 1)
                {
                  if (xc - left >= right - xc && w + 6 <= xc - left)
                    right = xc;
                  else if (w + 6 <= right - xc)
                    left = xc;
                }
              text_show (p, (left + right - w) / 2, bar_top + (bar - h) / 2,
                         contrast_text (p, &series->colour));
            }
          x = next;
        }

      count = _chorus_chart_format_count (row->total);
      text_set (p, FONT_SMALL, count, right_w - 4, 1, PANGO_ALIGN_RIGHT, 0, NULL, &h);
      text_show (p, p->width - PAD - (right_w - 4), band_top + (row_band - h) / 2,
                 &p->palette->secondary);
    }

  /* The centre line over the bars: it is what the eye measures from. */
  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);

      if (!row->heading)
        vline (p, xc, tops[r] - (r == 0 ? 4 : 0), tops[r + 1], &p->palette->centre);
    }
  y = draw_ticks (p, &axis, bottom + 6);
  draw_axis_label (p, x0, x1, y + 4);
  y += 4 + (data->axis_label != NULL ? p->small_h : 0);

  if (n_hidden > 0)
    y = draw_more_note (p, y + 4, n_hidden, TRUE);

  p->out->axis_zero = xc;
  p->out->axis_scale = axis.scale;
  p->out->height = MAX (p->out->height, y + PAD);
}

/* Coverage -------------------------------------------------------------------- */

/* "3 of 8 final": the number a director asks for, beside each bar. The
 * first series is FINAL (see chorus-chart-data.c). */
static char *
final_summary (ChorusChartRow *row)
{
  g_autofree char *final = _chorus_chart_format_count (row->values[0]);
  g_autofree char *total = _chorus_chart_format_count (row->total);

  return g_strdup_printf (ngettext ("%s of %s final", "%s of %s final", row->total), final, total);
}

static void
draw_coverage (Painter *p,
               double   top)
{
  ChorusChartData *data = p->data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  double min_band = p->body_h + 8, max_band = ceil (p->body_h * 2.8);
  double avail, band, bar, label_w, right_w = 0, x0, x1, bottom, y;
  guint n_fit, n_rows = data->rows->len, n_hidden = 0;
  Axis axis = { 0 };

  top = draw_legend (p, top);

  avail = p->height - PAD - axis_height (p) - top;
  n_fit = avail > 0 ? (guint) floor (avail / min_band) : 0;
  if (n_fit == 0 || (n_fit < 2 && n_rows > 1))
    {
      draw_too_small (p, top);
      return;
    }
  if (n_rows > n_fit)
    {
      n_rows = n_fit - 1;
      n_hidden = data->rows->len - n_rows;
      avail -= p->small_h + 4;
    }
  for (guint r = 0; r < n_rows; r++)
    g_ptr_array_add (rows, g_ptr_array_index (data->rows, r));

  band = CLAMP (floor (avail / rows->len), min_band, max_band);
  bar = round (MIN (band * 0.62, p->body_h * 1.6));

  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);
      g_autofree char *text = final_summary (row);

      right_w = MAX (right_w, text_width (p, FONT_SMALL, text));
    }
  right_w += 12;

  label_w = label_column_width (p, rows, CLAMP (p->width * 0.34, 60, 360));
  x0 = PAD + label_w + LABEL_GAP;
  x1 = p->width - PAD - right_w;
  if (x1 - x0 < 80)
    {
      draw_too_small (p, top);
      return;
    }

  /* Percent ticks: quarters when there is room, else halves. */
  axis.x0 = x0;
  axis.max = 1;
  axis.step = (x1 - x0) / 4 >= text_width (p, FONT_SMALL, "100%") + 20 ? 0.25 : 0.5;
  axis.scale = x1 - x0;
  axis.percent = TRUE;

  bottom = top + rows->len * band;
  draw_grid (p, &axis, top - 4, bottom);

  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);
      double band_top = top + r * band;
      double bar_top = band_top + (band - bar) / 2;
      g_autofree char *summary = final_summary (row);
      double x = snap_x (p, x0), h;
      guint sum = 0;

      draw_row_label (p, row, PAD, label_w, band_top, band, 2);

      if (row->total == 0)
        {
          double w;

          fill_rect (p, x0, bar_top, x1 - x0, bar, &p->palette->zero_cell);
          text_set (p, FONT_SMALL_ITALIC, _("No questions"), x1 - x0, 1, PANGO_ALIGN_LEFT, 0,
                    &w, &h);
          text_show (p, x0 + 8, bar_top + (bar - h) / 2, &p->palette->secondary);
          continue;
        }

      for (guint s = 0; s < data->series->len; s++)
        {
          ChorusChartSeries *series = g_ptr_array_index (data->series, s);
          cairo_rectangle_t rect;
          g_autofree char *value = NULL;
          double next, w;

          if (row->values[s] == 0)
            continue;

          sum += row->values[s];
          next = snap_x (p, x0 + (double) sum / row->total * (x1 - x0));
          rect = fill_segment (p, x, next, sum < row->total, bar_top, bar, &series->colour);
          add_region (p, p->out->regions, rect.x, rect.y, rect.width, rect.height,
                      CHORUS_CHART_TARGET_SEGMENT, row, (int) s);

          value = _chorus_chart_format_count (row->values[s]);
          text_set (p, FONT_SMALL, value, 0, 1, PANGO_ALIGN_LEFT, 0, &w, &h);
          if (w + 8 <= rect.width && h <= bar)
            text_show (p, rect.x + (rect.width - w) / 2, bar_top + (bar - h) / 2,
                       contrast_text (p, &series->colour));
          x = next;
        }

      text_set (p, FONT_SMALL, summary, right_w - 6, 1, PANGO_ALIGN_RIGHT, 0, NULL, &h);
      text_show (p, p->width - PAD - (right_w - 6), band_top + (band - h) / 2,
                 &p->palette->secondary);
    }

  vline (p, x0, top - 4, bottom, &p->palette->axis);
  y = draw_ticks (p, &axis, bottom + 6);
  draw_axis_label (p, x0, x1, y + 4);
  y += 4 + (data->axis_label != NULL ? p->small_h : 0);

  if (n_hidden > 0)
    y = draw_more_note (p, y + 4, n_hidden, FALSE);

  p->out->axis_zero = snap_x (p, x0);
  p->out->axis_scale = 0;
  p->out->height = MAX (p->out->height, y + PAD);
}

/* Heatmap --------------------------------------------------------------------- */

static void
draw_heatmap (Painter *p,
              double   top)
{
  ChorusChartData *data = p->data;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  double min_col = 56, max_col = 150;
  double min_cell = p->body_h + 8, max_cell = ceil (p->body_h * 2.6);
  double label_w = 0, x0, grid_w, col_w, header_h = 0, cells_top, avail, cell_h, y;
  guint n_nonzero = 0, n_fit_cols, keep, n_fit_rows, n_rows, n_hidden = 0, max = 0;

  for (guint r = 0; r < data->rows->len; r++)
    if (((ChorusChartRow *) g_ptr_array_index (data->rows, r))->total > 0)
      n_nonzero++;

  /* Row labels are the series: groups or activities. */
  for (guint s = 0; s < data->series->len; s++)
    {
      ChorusChartSeries *series = g_ptr_array_index (data->series, s);

      label_w = MAX (label_w, text_width (p, FONT_BODY, series->label));
    }
  label_w = ceil (MIN (label_w, CLAMP (p->width * 0.25, 60, 240)));
  x0 = PAD + label_w + LABEL_GAP;
  grid_w = p->width - PAD - x0;

  if (data->series->len == 0 || grid_w < min_col)
    {
      draw_too_small (p, top);
      return;
    }

  /* Columns at least as wide as the longest word of the names they might
   * show, so no word is broken. */
  for (guint r = 0; r < MIN (n_nonzero, p->options->max_bars); r++)
    {
      ChorusChartRow *row = g_ptr_array_index (data->rows, r);
      g_auto(GStrv) words = g_strsplit (row->label, " ", -1);

      for (guint i = 0; words[i] != NULL; i++)
        min_col = MAX (min_col, text_width (p, FONT_SMALL, words[i]) + 12);
    }
  min_col = MIN (min_col, 120);
  n_fit_cols = grid_w > 0 ? (guint) floor (grid_w / min_col) : 0;
  if (n_fit_cols == 0 || (n_fit_cols < 2 && n_nonzero > 1))
    {
      draw_too_small (p, top);
      return;
    }

  /* Themes nobody was coded with have nothing to show here; they sort last. */
  keep = _chorus_chart_keep_rows (n_nonzero, MIN (p->options->max_bars, n_fit_cols));
  for (guint r = 0; r < keep; r++)
    g_ptr_array_add (columns, g_ptr_array_index (data->rows, r));
  if (keep < n_nonzero)
    {
      p->out->other = _chorus_chart_data_make_other (data, keep, n_nonzero);
      g_ptr_array_add (columns, p->out->other);
    }

  col_w = floor (MIN ((grid_w - (p->out->other ? OTHER_GAP : 0)) / columns->len, max_col));

  for (guint c = 0; c < columns->len; c++)
    {
      ChorusChartRow *column = g_ptr_array_index (columns, c);
      double h;

      text_set (p, column->other ? FONT_SMALL_ITALIC : FONT_SMALL, column->label, col_w - 8, 3,
                PANGO_ALIGN_CENTER, 0, NULL, &h);
      header_h = MAX (header_h, h);
      /* "Other" adds up many themes: on the same shading it would pale the rest. */
      if (!column->other)
        for (guint s = 0; s < data->series->len; s++)
          max = MAX (max, column->values[s]);
    }

  top = draw_ramp_legend (p, top, max);
  cells_top = top + 4 + 4 + header_h + 6;
  avail = p->height - PAD - cells_top;
  n_fit_rows = avail > 0 ? (guint) floor (avail / min_cell) : 0;
  n_rows = data->series->len;
  if (n_fit_rows == 0 || (n_fit_rows < 2 && n_rows > 1))
    {
      draw_too_small (p, top);
      return;
    }
  if (n_rows > n_fit_rows)
    {
      n_rows = n_fit_rows - 1;
      n_hidden = data->series->len - n_rows;
      avail -= p->small_h + 4;
    }
  cell_h = CLAMP (floor (avail / n_rows), min_cell, max_cell);

  /* Column headers: the theme's colour, then its name, bottom-aligned. */
  for (guint c = 0; c < columns->len; c++)
    {
      ChorusChartRow *column = g_ptr_array_index (columns, c);
      double cx = x0 + c * col_w + (column->other ? OTHER_GAP : 0), h;

      fill_rect (p, cx + 4, top, col_w - 8, 4, &column->colour);
      text_set (p, column->other ? FONT_SMALL_ITALIC : FONT_SMALL, column->label, col_w - 8, 3,
                PANGO_ALIGN_CENTER, 0, NULL, &h);
      text_show (p, cx + 4, cells_top - 6 - h, column->other ? &p->palette->secondary
                                                             : &p->palette->text);
      add_region (p, p->out->labels, cx, top, col_w, cells_top - top, CHORUS_CHART_TARGET_LABEL,
                  column, -1);
    }

  for (guint s = 0; s < n_rows; s++)
    {
      ChorusChartSeries *series = g_ptr_array_index (data->series, s);
      double cy = cells_top + s * cell_h, h;

      text_set (p, FONT_BODY, series->label, label_w, 1, PANGO_ALIGN_RIGHT, 0, NULL, &h);
      text_show (p, PAD, cy + (cell_h - h) / 2, &p->palette->text);
      add_region (p, p->out->labels, PAD, cy, label_w + LABEL_GAP, cell_h,
                  CHORUS_CHART_TARGET_LABEL, NULL, (int) s);

      for (guint c = 0; c < columns->len; c++)
        {
          ChorusChartRow *column = g_ptr_array_index (columns, c);
          guint value = column->values[s];
          ChorusChartRGB fill = column->other ? p->palette->other_cell
                                              : ramp_colour (p->palette, value, max);
          g_autofree char *count = _chorus_chart_format_count (value);
          double cx = x0 + c * col_w + (column->other ? OTHER_GAP : 0);
          cairo_rectangle_t rect;
          double w;

          /* A one-unit gutter between cells. */
          rect = fill_rect (p, cx + 1, cy + 1, col_w - 2, cell_h - 2, &fill);
          add_region (p, p->out->regions, rect.x, rect.y, rect.width, rect.height,
                      CHORUS_CHART_TARGET_CELL, column, (int) s);

          text_set (p, FONT_SMALL, count, 0, 1, PANGO_ALIGN_LEFT, 0, &w, &h);
          if (w + 4 <= rect.width && h <= rect.height)
            text_show (p, rect.x + (rect.width - w) / 2, rect.y + (rect.height - h) / 2,
                       value == 0 || column->other ? &p->palette->secondary
                                                   : contrast_text (p, &fill));
        }
    }

  y = cells_top + n_rows * cell_h;
  if (n_hidden > 0)
    y = draw_more_note (p, y + 6, n_hidden, FALSE);

  p->out->height = MAX (p->out->height, y + PAD);
}

/* Entry points ---------------------------------------------------------------- */

static void
painter_init (Painter                  *p,
              ChorusChartData          *data,
              const ChorusChartOptions *options,
              cairo_t                  *cr,
              double                    width,
              double                    height,
              ChorusChartLayout        *layout)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  cairo_font_options_t *font_options = cairo_font_options_create ();

  memset (p, 0, sizeof *p);
  p->cr = cr;
  p->data = data;
  p->options = options;
  p->out = layout;
  p->width = width;
  p->height = height;
  p->palette = data->dark ? &dark_palette : &light_palette;

  /* Unhinted metrics: the same widths at every scale and on every surface. */
  p->context = pango_font_map_create_context (font_map);
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (p->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_cairo_context_set_resolution (p->context, 96);
  if (cr != NULL)
    pango_cairo_update_context (cr, p->context);
  p->layout = pango_layout_new (p->context);

  for (guint f = 0; f < N_FONTS; f++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", FONT_FAMILY, font_sizes[f]);

      p->fonts[f] = pango_font_description_from_string (name);
    }

  text_set (p, FONT_BODY, "Mg", 0, 1, PANGO_ALIGN_LEFT, 0, NULL, &p->body_h);
  text_set (p, FONT_SMALL, "Mg", 0, 1, PANGO_ALIGN_LEFT, 0, NULL, &p->small_h);
}

static void
painter_clear (Painter *p)
{
  for (guint f = 0; f < N_FONTS; f++)
    pango_font_description_free (p->fonts[f]);
  g_object_unref (p->layout);
  g_object_unref (p->context);
}

void
_chorus_chart_draw (ChorusChartData          *data,
                    const ChorusChartOptions *options,
                    cairo_t                  *cr,
                    double                    width,
                    double                    height,
                    ChorusChartLayout        *layout)
{
  Painter p;
  double top;

  painter_init (&p, data, options, cr, width, height, layout);

  if (cr != NULL)
    cairo_save (cr);

  if (width < 120 || height < 60)
    {
      /* Nothing legible fits; draw nothing rather than a mess. */
      layout->height = 60;
    }
  else
    {
      top = draw_header (&p);

      if (data->empty_text != NULL)
        draw_empty (&p, top, data->empty_text, data->empty_hint);
      else
        switch (data->kind)
          {
          case CHORUS_CHART_KIND_STANCE:
            draw_stance (&p, top);
            break;
          case CHORUS_CHART_KIND_COVERAGE:
            draw_coverage (&p, top);
            break;
          case CHORUS_CHART_KIND_HEATMAP:
            draw_heatmap (&p, top);
            break;
          case CHORUS_CHART_KIND_THEMES:
          default:
            draw_themes (&p, top);
            break;
          }
    }

  if (cr != NULL)
    cairo_restore (cr);

  painter_clear (&p);
}

double
_chorus_chart_natural_height (ChorusChartData          *data,
                              const ChorusChartOptions *options,
                              double                    width)
{
  g_autoptr(ChorusChartLayout) layout = _chorus_chart_layout_new (data);

  /* Laid out with room to spare, every row gets its comfortable height;
   * the layout records how far down it went. */
  _chorus_chart_draw (data, options, NULL, width, 100000, layout);

  return ceil (layout->height);
}
