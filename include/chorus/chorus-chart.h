/* chorus-chart.h — the summary charts, drawn with cairo and Pango
 *
 * A ChorusChart draws one of four charts of a project's statistics onto any
 * cairo context: the dashboard's widget, a PNG, an SVG or a page of the
 * submission PDF. It reads nothing but ChorusStats unless a combination of
 * filters asks for counts the statistics do not keep (see docs/charts.md).
 *
 * Sizes are user units: one unit is one pixel at 1x, text is 10 pt at 96
 * units per inch. Scale the context to draw larger or smaller.
 *
 * After chorus_chart_render() the chart remembers what it drew where, for
 * hit testing, keyboard navigation and tooltips. The strings a
 * ChorusChartHit points to belong to the chart and stay valid until the next
 * render or until the chart is finalised.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "chorus-types.h"

G_BEGIN_DECLS

typedef enum
{
  /* Input items per theme: horizontal bars, sorted, optionally stacked by group. */
  CHORUS_CHART_KIND_THEMES,
  /* Per question, a diverging bar: disagree left of the centre, agree right. */
  CHORUS_CHART_KIND_STANCE,
  /* Per consultation document, its questions by the status of their answer. */
  CHORUS_CHART_KIND_COVERAGE,
  /* Groups (or activities) by themes, the count in each cell. */
  CHORUS_CHART_KIND_HEATMAP,
} ChorusChartKind;

#define CHORUS_TYPE_CHART_KIND (chorus_chart_kind_get_type ())
GType chorus_chart_kind_get_type (void) G_GNUC_CONST;

/* What the rows of the heatmap are. */
typedef enum
{
  CHORUS_CHART_ROWS_GROUPS,
  CHORUS_CHART_ROWS_ACTIVITIES,
} ChorusChartRows;

#define CHORUS_TYPE_CHART_ROWS (chorus_chart_rows_get_type ())
GType chorus_chart_rows_get_type (void) G_GNUC_CONST;

/* Which fields of a ChorusChartHit are set. Together they describe the
 * input behind a bar exactly, filters of the chart included, so the caller
 * can show those items and no others. */
typedef enum /*< flags >*/
{
  CHORUS_CHART_HIT_THEME        = 1 << 0,
  /* The "Other" bar or column: theme_ids lists the themes it adds up. */
  CHORUS_CHART_HIT_OTHER_THEMES = 1 << 1,
  CHORUS_CHART_HIT_QUESTION     = 1 << 2,
  CHORUS_CHART_HIT_DOCUMENT     = 1 << 3,
  CHORUS_CHART_HIT_SECTION      = 1 << 4,
  /* group_id NULL with this flag means "items without a group". */
  CHORUS_CHART_HIT_GROUP        = 1 << 5,
  /* activity_id NULL with this flag means "items without an activity". */
  CHORUS_CHART_HIT_ACTIVITY     = 1 << 6,
  CHORUS_CHART_HIT_STANCE       = 1 << 7,
  CHORUS_CHART_HIT_STATUS       = 1 << 8,
} ChorusChartHitFields;

typedef enum
{
  CHORUS_CHART_TARGET_NONE,
  /* A whole bar, or a row or column label standing for it. */
  CHORUS_CHART_TARGET_BAR,
  /* One part of a stacked or diverging bar. */
  CHORUS_CHART_TARGET_SEGMENT,
  /* A heatmap cell. */
  CHORUS_CHART_TARGET_CELL,
  /* A row or column label; the ids are those of its bar, row or column. */
  CHORUS_CHART_TARGET_LABEL,
  /* A heading that groups rows (a document above its questions). */
  CHORUS_CHART_TARGET_HEADING,
} ChorusChartTarget;

typedef struct
{
  ChorusChartTarget     target;
  ChorusChartHitFields  fields;
  const char           *theme_id;
  /* NULL-terminated, with CHORUS_CHART_HIT_OTHER_THEMES. */
  const char * const   *theme_ids;
  const char           *question_id;
  const char           *document_id;
  const char           *section_id;
  const char           *group_id;
  const char           *activity_id;
  ChorusStance          stance;
  ChorusDraftStatus     status;
  /* Input items, or questions for the coverage chart. */
  guint                 count;
  /* The whole bar or row the count is part of. */
  guint                 total;
  /* The full, never ellipsised name of the row: "Improve commissioning",
   * "Q3. What needs to happen…?". */
  const char           *label;
  /* One translated sentence with the numbers, for a tooltip or an
   * accessible name: "Improve commissioning, Staff: 12 of 23 items". */
  const char           *text;
} ChorusChartHit;

/* The chart's numbers as a table, for "Show as table" and for exports.
 * Immutable; holds every row (no "Other" aggregation). */
typedef struct _ChorusChartTable ChorusChartTable;

#define CHORUS_TYPE_CHART_TABLE (chorus_chart_table_get_type ())
GType             chorus_chart_table_get_type         (void) G_GNUC_CONST;
ChorusChartTable *chorus_chart_table_ref              (ChorusChartTable *self);
void              chorus_chart_table_unref            (ChorusChartTable *self);
/* The chart's title. */
const char       *chorus_chart_table_get_caption      (ChorusChartTable *self);
/* The heading of the label column: "Theme", "Question", "Document", "Group". */
const char       *chorus_chart_table_get_row_header   (ChorusChartTable *self);
guint             chorus_chart_table_get_n_rows       (ChorusChartTable *self);
guint             chorus_chart_table_get_n_columns    (ChorusChartTable *self);
const char       *chorus_chart_table_get_column_label (ChorusChartTable *self,
                                                       guint             column);
const char       *chorus_chart_table_get_row_label    (ChorusChartTable *self,
                                                       guint             row);
guint             chorus_chart_table_get_value        (ChorusChartTable *self,
                                                       guint             row,
                                                       guint             column);
/* What a cell counts, as for a bar; the strings belong to the table. */
gboolean          chorus_chart_table_get_hit          (ChorusChartTable *self,
                                                       guint             row,
                                                       guint             column,
                                                       ChorusChartHit   *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusChartTable, chorus_chart_table_unref)

#define CHORUS_TYPE_CHART (chorus_chart_get_type ())

G_DECLARE_FINAL_TYPE (ChorusChart, chorus_chart, CHORUS, CHART, GObject)

/* Properties: "kind", "project" (construct only), "dark", "group-id",
 * "activity-id", "document-id" (filters; NULL means all), "stack-by-group",
 * "heatmap-rows", "max-bars", "show-title", "title" (read only).
 * Signal "changed": what the chart would draw has changed (the project or a
 * property did); redraw it. */
ChorusChart      *chorus_chart_new                (ChorusChartKind   kind,
                                                   ChorusProject    *project) G_GNUC_WARN_UNUSED_RESULT;
ChorusChartKind   chorus_chart_get_kind           (ChorusChart      *self);
void              chorus_chart_set_kind           (ChorusChart      *self,
                                                   ChorusChartKind   kind);
ChorusProject    *chorus_chart_get_project        (ChorusChart      *self);
gboolean          chorus_chart_get_dark           (ChorusChart      *self);
void              chorus_chart_set_dark           (ChorusChart      *self,
                                                   gboolean          dark);
const char       *chorus_chart_get_group_id       (ChorusChart      *self);
void              chorus_chart_set_group_id       (ChorusChart      *self,
                                                   const char       *group_id);
const char       *chorus_chart_get_activity_id    (ChorusChart      *self);
void              chorus_chart_set_activity_id    (ChorusChart      *self,
                                                   const char       *activity_id);
/* Only the questions of one consultation document; the coverage chart then
 * shows the document's sections. */
const char       *chorus_chart_get_document_id    (ChorusChart      *self);
void              chorus_chart_set_document_id    (ChorusChart      *self,
                                                   const char       *document_id);
gboolean          chorus_chart_get_stack_by_group (ChorusChart      *self);
void              chorus_chart_set_stack_by_group (ChorusChart      *self,
                                                   gboolean          stack_by_group);
ChorusChartRows   chorus_chart_get_heatmap_rows   (ChorusChart      *self);
void              chorus_chart_set_heatmap_rows   (ChorusChart      *self,
                                                   ChorusChartRows   rows);
/* At most this many theme bars (heatmap columns); the rest are added up as
 * one "Other". Fewer when the height or width cannot hold them. */
guint             chorus_chart_get_max_bars       (ChorusChart      *self);
void              chorus_chart_set_max_bars       (ChorusChart      *self,
                                                   guint             max_bars);
gboolean          chorus_chart_get_show_title     (ChorusChart      *self);
void              chorus_chart_set_show_title     (ChorusChart      *self,
                                                   gboolean          show_title);
/* "Input by theme", …; translated. */
const char       *chorus_chart_get_title          (ChorusChart      *self);

/* Draws into the rectangle (0, 0, @width, @height) of @cr's user space. The
 * background is left alone: the caller paints it (see
 * chorus_chart_get_background()). */
void              chorus_chart_render             (ChorusChart      *self,
                                                   cairo_t          *cr,
                                                   double            width,
                                                   double            height);
/* The height at which every bar gets comfortable room at @width. */
double            chorus_chart_get_natural_height (ChorusChart      *self,
                                                   double            width);
/* The colour the chart is designed to sit on: white, or dark grey when dark. */
void              chorus_chart_get_background     (ChorusChart      *self,
                                                   double           *red,
                                                   double           *green,
                                                   double           *blue);

/* What the last render drew at (@x, @y) in user units: a bar, a segment, a
 * cell or a label. FALSE, and @hit's target NONE, over empty space. */
gboolean          chorus_chart_hit_test           (ChorusChart      *self,
                                                   double            x,
                                                   double            y,
                                                   ChorusChartHit   *hit);
/* The bars, segments and cells of the last render, in reading order, for
 * keyboard navigation: left to right within a row, rows top to bottom. */
guint             chorus_chart_get_n_regions      (ChorusChart      *self);
gboolean          chorus_chart_get_region         (ChorusChart      *self,
                                                   guint             position,
                                                   cairo_rectangle_t *rect,
                                                   ChorusChartHit   *hit);

/* A translated summary of what the chart shows, with the numbers, for an
 * accessible description: "Input by theme, all input. Improve
 * commissioning: 23 items; …". */
char             *chorus_chart_describe           (ChorusChart      *self) G_GNUC_WARN_UNUSED_RESULT;
ChorusChartTable *chorus_chart_get_table          (ChorusChart      *self) G_GNUC_WARN_UNUSED_RESULT;

/* Whole files, the background painted. PNG is drawn at twice the size in
 * pixels (@width × @height at 2x) so it stays sharp when scaled; SVG is
 * @width × @height pixels; PDF is one page of @width × @height pixels at
 * 96 per inch (that is, ¾ as many points), so text is 10 pt in all three.
 * Errors are CHORUS_ERROR_IO, naming the file. */
gboolean          chorus_chart_write_png          (ChorusChart      *self,
                                                   const char       *path,
                                                   double            width,
                                                   double            height,
                                                   GError          **error);
gboolean          chorus_chart_write_svg          (ChorusChart      *self,
                                                   const char       *path,
                                                   double            width,
                                                   double            height,
                                                   GError          **error);
gboolean          chorus_chart_write_pdf          (ChorusChart      *self,
                                                   const char       *path,
                                                   double            width,
                                                   double            height,
                                                   GError          **error);

G_END_DECLS
