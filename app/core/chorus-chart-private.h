/* chorus-chart-private.h — the pieces of ChorusChart: data, counts, layout
 *
 * A chart is built in three steps, each in its own file:
 *
 *   chorus-chart-data.c    ChorusStats -> ChorusChartData: rows, series and
 *                          numbers, every label translated, nothing measured;
 *   chorus-chart-counts.c  the counts ChorusStats does not keep, for filter
 *                          combinations that need them (one walk of the items);
 *   chorus-chart-draw.c    ChorusChartData + a size -> cairo drawing and a
 *                          ChorusChartLayout of what went where.
 *
 * describe() and the table read the data alone, so they need no render.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "chorus.h"
#include "chorus-chart.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
} ChorusChartRGB;

/* Filters of a chart. Ids are interned (g_intern_string) or NULL for "all". */
typedef struct
{
  const char *group_id;
  const char *activity_id;
  const char *document_id;
} ChorusChartFilter;

/* How the theme counts are split into series. */
typedef enum
{
  CHORUS_CHART_SPLIT_NONE,
  CHORUS_CHART_SPLIT_GROUPS,
  CHORUS_CHART_SPLIT_ACTIVITIES,
} ChorusChartSplit;

/* One row of numbers: a theme, a question, a document or section. The
 * heatmap keeps themes as rows too and draws them as columns. */
typedef struct
{
  char                 *label;         /* full text */
  guint                 bold_len;      /* leading bytes of label set in bold (a question number) */
  const char           *id;            /* interned */
  ChorusChartHitFields  field;         /* what id is */
  const char           *document_id;   /* interned; a question's document */
  ChorusChartRGB        colour;        /* a theme's colour */
  gboolean              has_colour;
  gboolean              heading;       /* a document heading above its questions; no values */
  gboolean              other;         /* the tail of the themes, added up */
  const char          **other_ids;     /* NULL-terminated, interned, with other */
  guint                 n_other;
  guint                *values;        /* one per series */
  guint                 total;
} ChorusChartRow;

typedef struct
{
  char                 *label;
  const char           *id;            /* interned; NULL for the "none" group or activity */
  ChorusChartHitFields  field;         /* GROUP, ACTIVITY, STANCE, STATUS, or 0 */
  int                   value;         /* the stance or status */
  ChorusChartRGB        colour;
  guint                 total;         /* the column's sum over all rows */
} ChorusChartSeries;

typedef struct
{
  gatomicrefcount       ref_count;
  ChorusChartKind       kind;
  gboolean              dark;
  char                 *title;
  char                 *scope;         /* "Staff · 1,234 items" */
  char                 *empty_text;    /* set when there is nothing to draw */
  char                 *empty_hint;
  char                 *row_header;    /* the table's label column: "Theme" */
  char                 *axis_label;
  ChorusChartHitFields  filter_fields;
  ChorusChartFilter     filter;
  GPtrArray            *rows;          /* of ChorusChartRow*, in drawing order */
  GPtrArray            *series;        /* of ChorusChartSeries*, in drawing order */
  guint                 n_items;       /* items in scope (questions for coverage) */
  guint                 max_value;     /* the largest single value */
  gboolean              walked;        /* the counts needed a walk of the items */
  /* Theme charts: the project and split, for "Other", which counts items
   * rather than adding up rows. */
  ChorusProject        *project;
  ChorusChartSplit      split;
  /* The last "Other" counted, rows [other_first, other_last): a render,
   * its description and every resize ask for the same one, and counting
   * walks all the items. The lock lets a chart be drawn from two threads. */
  GMutex                other_lock;
  guint                 other_first;
  guint                 other_last;
  guint                *other_values;
} ChorusChartData;

ChorusChartData  *_chorus_chart_data_new        (ChorusProject           *project,
                                                 ChorusChartKind          kind,
                                                 const ChorusChartFilter *filter,
                                                 gboolean                 stack_by_group,
                                                 ChorusChartRows          heatmap_rows,
                                                 gboolean                 dark);
ChorusChartData  *_chorus_chart_data_ref        (ChorusChartData         *data);
void              _chorus_chart_data_unref      (ChorusChartData         *data);
/* The rows from @first to @last (exclusive) added up as one "Other" row;
 * free with _chorus_chart_row_free(). */
ChorusChartRow   *_chorus_chart_data_make_other (ChorusChartData         *data,
                                                 guint                    first,
                                                 guint                    last);
void              _chorus_chart_row_free        (ChorusChartRow          *row);
/* How many of @n_rows theme rows to draw when at most @max_bars fit: all of
 * them, or @max_bars - 1 followed by "Other" (never an "Other" of one). */
guint             _chorus_chart_keep_rows       (guint                    n_rows,
                                                 guint                    max_bars);
/* What a bar means. @row may be NULL for a whole series (a heatmap row);
 * @series -1 for the whole row. The ids and label point into @data and
 * @row; text is left NULL (see _chorus_chart_format_hit()). */
void              _chorus_chart_data_fill_hit   (ChorusChartData         *data,
                                                 ChorusChartRow          *row,
                                                 int                      series,
                                                 ChorusChartTarget        target,
                                                 ChorusChartHit          *hit);
char             *_chorus_chart_format_hit      (ChorusChartData         *data,
                                                 ChorusChartRow          *row,
                                                 int                      series);
char             *_chorus_chart_data_describe   (ChorusChartData         *data,
                                                 guint                    max_bars);
ChorusChartTable *_chorus_chart_table_new       (ChorusChartData         *data);
/* "1,234" in the user's locale. */
char             *_chorus_chart_format_count    (guint                    count);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusChartData, _chorus_chart_data_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusChartRow, _chorus_chart_row_free)

/* Counts for filter combinations ChorusStats does not keep ----------------- */

/* Everything below is counted over the items passing the filter, in one walk.
 * Theme and question indexes follow the codebook and the consultation; slot 0
 * of the split counts items with no group (or activity), slot i + 1 the
 * project's i-th group (or activity). */
typedef struct
{
  guint  n_items;
  guint  n_themes;
  guint  n_slots;
  guint *theme_slot_counts;      /* [theme][slot] */
  guint  n_questions;
  guint *question_stance_counts; /* [question][stance] */
} ChorusChartCounts;

ChorusChartCounts *_chorus_chart_counts_new  (ChorusProject           *project,
                                              const ChorusChartFilter *filter,
                                              ChorusChartSplit         split);
void               _chorus_chart_counts_free (ChorusChartCounts       *counts);
/* The question ids (interned) of a document, as a set; NULL when unknown. */
GHashTable        *_chorus_chart_document_questions (ChorusConsultation *consultation,
                                                     const char         *document_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusChartCounts, _chorus_chart_counts_free)

/* Layout: what the last render drew where ------------------------------------ */

typedef struct
{
  cairo_rectangle_t  rect;
  ChorusChartTarget  target;
  ChorusChartRow    *row;      /* NULL: a whole series (heatmap row label) */
  int                series;   /* -1: the whole row */
  char              *text;     /* formatted on first use */
} ChorusChartRegion;

typedef struct
{
  ChorusChartData *data;
  ChorusChartRow  *other;       /* owned; the "Other" row drawn, if any */
  GArray          *regions;     /* of ChorusChartRegion: bars, segments, cells */
  GArray          *labels;      /* of ChorusChartRegion: labels and headings */
  GArray          *text_rects;  /* of cairo_rectangle_t: every text drawn */
  /* The value axis: x of zero and units per count (0 when there is none). */
  double           axis_zero;
  double           axis_scale;
  double           height;      /* the height the drawing needed */
} ChorusChartLayout;

ChorusChartLayout *_chorus_chart_layout_new  (ChorusChartData   *data);
void               _chorus_chart_layout_free (ChorusChartLayout *layout);

typedef struct
{
  guint    max_bars;
  gboolean show_title;
} ChorusChartOptions;

/* Draws @data into (0, 0, @width, @height); @cr NULL only measures. */
void   _chorus_chart_draw              (ChorusChartData          *data,
                                        const ChorusChartOptions *options,
                                        cairo_t                  *cr,
                                        double                    width,
                                        double                    height,
                                        ChorusChartLayout        *layout);
double _chorus_chart_natural_height    (ChorusChartData          *data,
                                        const ChorusChartOptions *options,
                                        double                    width);
void   _chorus_chart_background        (gboolean                  dark,
                                        ChorusChartRGB           *rgb);

/* For tests: the last render's layout, or NULL. */
ChorusChartLayout *_chorus_chart_get_layout (ChorusChart *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusChartLayout, _chorus_chart_layout_free)

G_END_DECLS
