/* chorus-page-layout-private.h — the insides of ChorusPageLayout, shared by
 * chorus-page-layout.c (blocks and measuring), chorus-page-layout-paginate.c
 * and chorus-page-layout-draw.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pangocairo.h>

#include "chorus-page-layout.h"

G_BEGIN_DECLS

/* Families in order of preference: what a GNOME desktop has first, then the
 * URW and DejaVu fonts every Debian has. Headings and table headers are
 * set in the sans the charts use, so figures and text match. */
#define SERIF "Source Serif 4, Source Serif Pro, Noto Serif, P052, Palatino, DejaVu Serif, serif"
#define SANS  "Cantarell, Noto Sans, Nimbus Sans, DejaVu Sans, sans-serif"

#define COLOUR_TEXT   0x1b1b1bu
#define COLOUR_ACCENT 0x1d4e7cu
#define COLOUR_MUTED  0x5a5a5au
#define COLOUR_RULE   0xb8bec6u
#define COLOUR_STRONG_RULE 0x33404du

/* The running header sits in this band at the top of the margins, the
 * footer in the one at the bottom; the body is between. */
#define HEADER_BAND 34.0
#define FOOTER_BAND 30.0

/* Tables */
#define CELL_PAD_X 5.0
#define CELL_PAD_TOP 4.5
#define CELL_PAD_BOTTOM 5.0
#define TABLE_SPACE 12.0
/* Rows up to this fraction of the body's height are never split. */
#define SHORT_ROW 0.2

/* Contents: room kept for the page number at the right. */
#define TOC_NUMBER_WIDTH 34.0

#define DRAWING_SPACE 10.0

/* A fraction of a point: heights are sums of floats. */
#define EPSILON 0.01

typedef struct
{
  const char     *font;
  /* Baseline to baseline, in points. */
  double          line_height;
  guint32         colour;
  guint32         marker_colour;
  double          space_before;
  double          space_after;
  double          indent;
  /* The column a marker hangs in; continuation lines start here too. */
  double          hanging;
  PangoAlignment  alignment;
  guint           marker_bold : 1;
  guint           keep_with_next : 1;
  guint           keep_together : 1;
  guint           hyphenate : 1;
  /* A rule down the left, in the space before the indent. */
  guint           rule : 1;
  /* Lines of about equal length rather than a last word alone (titles). */
  guint           balance : 1;
  /* The marker in the sans, so a question number in a serif cell reads
   * as the same "Q3" as the question headings in the body. */
  guint           marker_sans : 1;
} StyleDef;

extern const StyleDef _chorus_page_layout_styles[CHORUS_LAYOUT_N_STYLES];

static inline const StyleDef *
layout_style (guint style)
{
  return &_chorus_page_layout_styles[style];
}

typedef enum
{
  ELEMENT_PARA,
  ELEMENT_TABLE,
  ELEMENT_DRAWING,
  ELEMENT_SPACE,
  ELEMENT_FIXED_SPACE,
  ELEMENT_BOTTOM_ALIGN,
  ELEMENT_PAGE_BREAK,
} ElementKind;

typedef struct _Para Para;

struct _Para
{
  /* The marker (if any) and a tab, then the text. */
  char          *text;
  /* Only for markup; plain paragraphs get their few attributes when laid out. */
  PangoAttrList *attrs;
  char          *anchor;
  /* Contents entries: the anchor whose page they show. */
  char          *link;
  guint8         style;
  guint8         flags;
  guint8         outline_level;
  guint16        marker_len;
  /* A balanced paragraph's narrower width; 0 for the column's. */
  float          balanced_width;
  guint          n_lines;
  /* n_lines + 1 line tops (the last is the height), then n_lines baselines
   * below their line's top. */
  float         *metrics;
  /* A sub-heading in a table cell, or a heading over the paragraphs after
   * it: what stands for it at the top of a page they continue on ("…
   * responses (continued)", "Response from … (continued)"). */
  Para          *repeat;
};

typedef struct
{
  double               height;
  ChorusLayoutDrawFunc draw;
  gpointer             user_data;
  GDestroyNotify       destroy;
} Drawing;

/* A cell is a list of paragraphs; a row has one per column. */
typedef struct
{
  GPtrArray **cells;
  /* Per column, what a continued row shows in a cell with nothing left;
   * NULL when no column has anything to show. */
  Para      **continued;
  float       height;
} Row;

typedef struct
{
  guint      n_columns;
  double    *fractions;
  double    *x;
  double    *width;
  GPtrArray **header;
  float      header_height;
  GArray    *rows;
} Table;

typedef struct
{
  guint8 kind;
  union {
    Para    *para;
    Table   *table;
    Drawing *drawing;
    double   space;
  };
} Element;

/* Where a flow of paragraphs has got to: the next line to place. */
typedef struct
{
  guint para;
  guint line;
} Pos;

typedef struct
{
  guint  element;
  float  y;
  float  height;
  /* PARA: lines [first, last). TABLE: rows [first, last); the first starts
   * at start_cells when set, the last (row last - 1) stops at end_cells. */
  guint  first;
  guint  last;
  Pos   *start_cells;
  Pos   *end_cells;
  /* PARA: shows the paragraph's repeat, at the top of a page its
   * following paragraphs continue on, not the paragraph. */
  gboolean repeat;
} Fragment;

typedef struct
{
  guint  page;
  double y;
} AnchorPlace;

typedef struct
{
  guint  level;
  char  *title;
  char  *anchor;
} OutlineEntry;

struct _ChorusPageLayout
{
  GObject        parent_instance;

  double         page_width;
  double         page_height;
  double         margin_top;
  double         margin_right;
  double         margin_bottom;
  double         margin_left;
  char          *header_left;
  char          *header_right;

  GArray        *elements;
  Table         *open_table;
  GArray        *outline;

  PangoFontMap  *font_map;
  PangoContext  *context;
  PangoLayout   *layout;
  PangoFontDescription *fonts[CHORUS_LAYOUT_N_STYLES];
  PangoFontDescription *decoration_font;

  /* Pagination */
  gboolean       paginated;
  GArray        *fragments;
  /* Index of each page's first fragment; one more entry than pages. */
  GArray        *pages;
  GHashTable    *anchors;
  /* Cell positions of split rows, freed with the layout. */
  GPtrArray     *cell_positions;
};

/* chorus-page-layout.c */
PangoLayout *_chorus_page_layout_prepare_layout      (ChorusPageLayout *self,
                                                      const Para       *para,
                                                      double            width);
double       _chorus_page_layout_para_text_x         (const Para       *para);
void         _chorus_page_layout_measure_para        (ChorusPageLayout *self,
                                                      Para             *para,
                                                      double            width);
void         _chorus_page_layout_measure_table       (ChorusPageLayout *self,
                                                      Table            *table,
                                                      double            width);
double       _chorus_page_layout_flow_height         (GPtrArray        *paras,
                                                      Pos               from,
                                                      Pos               to);

/* chorus-page-layout-paginate.c */
void         _chorus_page_layout_ensure_paginated    (ChorusPageLayout *self);
gboolean     _chorus_page_layout_check_cancelled     (GCancellable     *cancellable,
                                                      GError          **error);
double       _chorus_page_layout_fragment_row_height (const Table      *table,
                                                      const Fragment   *fragment,
                                                      guint             row_index);
gboolean     _chorus_page_layout_shows_continued     (const Fragment   *fragment,
                                                      const Row        *row,
                                                      guint             row_index,
                                                      guint             column);

static inline gboolean
para_keeps_with_next (const Para *para)
{
  return layout_style (para->style)->keep_with_next ||
         (para->flags & CHORUS_LAYOUT_TEXT_KEEP_WITH_NEXT) != 0;
}

static inline gboolean
para_keeps_together (const Para *para)
{
  return layout_style (para->style)->keep_together ||
         (para->flags & CHORUS_LAYOUT_TEXT_KEEP_TOGETHER) != 0;
}

static inline float *
para_tops (const Para *para)
{
  return para->metrics;
}

static inline float *
para_baselines (const Para *para)
{
  return para->metrics + para->n_lines + 1;
}

static inline double
para_height (const Para *para)
{
  return para_tops (para)[para->n_lines];
}

/* The space between two paragraphs of a flow: collapsed, and none before a
 * continuation line. */
static inline double
gap_between (double      previous_after,
             const Para *next)
{
  if ((next->flags & CHORUS_LAYOUT_TEXT_CONTINUATION) != 0)
    return 0;

  return MAX (previous_after, layout_style (next->style)->space_before);
}

static inline Pos
flow_end (GPtrArray *paras)
{
  Pos end = { paras->len, 0 };

  return end;
}

static inline gboolean
pos_equal (Pos a,
           Pos b)
{
  return a.para == b.para && a.line == b.line;
}

static inline Pos
cell_start (const Fragment *fragment,
            guint           row,
            guint           column)
{
  Pos start = { 0, 0 };

  if (row == fragment->first && fragment->start_cells != NULL)
    return fragment->start_cells[column];
  return start;
}

static inline Pos
cell_end (const Fragment *fragment,
          guint           row,
          guint           column,
          GPtrArray      *cell)
{
  if (row + 1 == fragment->last && fragment->end_cells != NULL)
    return fragment->end_cells[column];
  return flow_end (cell);
}

/* The sub-heading repeated at the top of a cell that resumes at @start
 * below it, or NULL: none when the cell starts afresh, has nothing left,
 * or resumes at a sub-heading, which then shows itself. */
static inline const Para *
cell_repeat (GPtrArray *cell,
             Pos        start)
{
  if ((start.para == 0 && start.line == 0) || start.para >= cell->len)
    return NULL;
  if (start.line == 0 && ((const Para *) g_ptr_array_index (cell, start.para))->repeat != NULL)
    return NULL;

  for (guint p = start.para + 1; p-- > 0;)
    {
      const Para *para = g_ptr_array_index (cell, p);

      if (para->repeat != NULL)
        return para->repeat;
    }

  return NULL;
}

/* The room the repeated sub-heading takes above the cell's text. */
static inline double
cell_repeat_height (GPtrArray *cell,
                    Pos        start)
{
  const Para *repeat = cell_repeat (cell, start);

  if (repeat == NULL)
    return 0;
  return para_height (repeat) + layout_style (repeat->style)->space_after;
}

G_END_DECLS
