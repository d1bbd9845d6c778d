/* chorus-page-layout.h — a small page layout engine over cairo and Pango
 *
 * Build a list of blocks (paragraphs, headings, bullets, tables, drawings,
 * page breaks), paginate them, then draw any page onto any cairo context.
 * The engine knows nothing about consultations: the submission PDF
 * (chorus-pdf-export.c) builds its blocks from a project, the tests build
 * them by hand, and printing draws the same pages the PDF has.
 *
 * Pagination measures every paragraph once with Pango at its final width
 * and keeps only line heights, so a 100,000-item document does not hold a
 * PangoLayout per paragraph; drawing lays a paragraph out again.
 *
 * The rules it keeps:
 * - a heading (a style that keeps with the next block) is never the last
 *   thing on a page: it moves to the next page with the start of what
 *   follows;
 * - a paragraph never leaves a single line at the foot of a page (orphan)
 *   or at the top of the next (widow);
 * - a table row that does not fit splits across pages between lines, and
 *   the table's header row is repeated on every page it continues on;
 * - "Page N of M" and the contents' page numbers come from a first pass
 *   over the whole document, so they are right before anything is drawn.
 *
 * All sizes are in points (1/72 inch).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "chorus-export.h"

G_BEGIN_DECLS

typedef enum
{
  CHORUS_LAYOUT_STYLE_BODY,
  /* The consultation's own words (a document's summary): quieter. */
  CHORUS_LAYOUT_STYLE_LEAD,
  /* "No response": italic and grey, so a gap is visible, not hidden. */
  CHORUS_LAYOUT_STYLE_NOTE,
  /* A paragraph with a hanging bullet, and its continuation lines. */
  CHORUS_LAYOUT_STYLE_BULLET,
  /* A bullet inside a bullet. */
  CHORUS_LAYOUT_STYLE_BULLET_2,
  /* Someone else's words (a partner's response): indented, with a rule
   * down the left that runs on through consecutive quote paragraphs. */
  CHORUS_LAYOUT_STYLE_QUOTE_LABEL,
  CHORUS_LAYOUT_STYLE_QUOTE,
  /* A label above an answer: "Our choice". */
  CHORUS_LAYOUT_STYLE_LABEL,
  /* The title page. */
  CHORUS_LAYOUT_STYLE_TITLE,
  CHORUS_LAYOUT_STYLE_SUBTITLE,
  CHORUS_LAYOUT_STYLE_TITLE_META,
  CHORUS_LAYOUT_STYLE_CONTACT,
  /* Headings keep with what follows. */
  CHORUS_LAYOUT_STYLE_HEADING_1,
  CHORUS_LAYOUT_STYLE_HEADING_2,
  CHORUS_LAYOUT_STYLE_HEADING_3,
  /* A question, its number hanging in the margin. */
  CHORUS_LAYOUT_STYLE_QUESTION,
  /* Inside tables. */
  CHORUS_LAYOUT_STYLE_TABLE_HEADER,
  CHORUS_LAYOUT_STYLE_TABLE_CELL,
  /* A row's first column, and the same in grey where the row goes on over a page. */
  CHORUS_LAYOUT_STYLE_TABLE_STRONG,
  CHORUS_LAYOUT_STYLE_TABLE_STRONG_CONTINUED,
  CHORUS_LAYOUT_STYLE_TABLE_SUBHEADING,
  CHORUS_LAYOUT_STYLE_TABLE_BULLET,
  CHORUS_LAYOUT_STYLE_TABLE_BULLET_2,
  CHORUS_LAYOUT_STYLE_TABLE_NOTE,
  /* Under a figure. */
  CHORUS_LAYOUT_STYLE_CAPTION,
  /* Contents entries: text, dot leaders, the page number of an anchor. */
  CHORUS_LAYOUT_STYLE_TOC_1,
  CHORUS_LAYOUT_STYLE_TOC_2,
  CHORUS_LAYOUT_N_STYLES
} ChorusLayoutStyle;

typedef enum /*< flags >*/
{
  CHORUS_LAYOUT_TEXT_NONE         = 0,
  /* @text is Pango markup rather than plain text. */
  CHORUS_LAYOUT_TEXT_MARKUP       = 1 << 0,
  /* A further line of the previous paragraph (an item's second line): no
   * space above, aligned with the text after the previous one's marker. */
  CHORUS_LAYOUT_TEXT_CONTINUATION = 1 << 1,
  /* Keep with the next block although the style would not. */
  CHORUS_LAYOUT_TEXT_KEEP_WITH_NEXT = 1 << 2,
  /* Never break inside: addresses, e-mail, URLs. Also turns hyphens at
   * breaks off. */
  CHORUS_LAYOUT_TEXT_NO_HYPHENS   = 1 << 3,
  /* Not split across pages although the style would allow it (a question
   * in a table: its number stays with all of its text). A paragraph taller
   * than a page still splits. */
  CHORUS_LAYOUT_TEXT_KEEP_TOGETHER = 1 << 4,
} ChorusLayoutTextFlags;

/* Draws a figure into (0, 0, @width, @height) of @cr's user space. */
typedef void (*ChorusLayoutDrawFunc) (cairo_t *cr,
                                      double   width,
                                      double   height,
                                      gpointer user_data);

ChorusPageLayout *chorus_page_layout_new              (double                 page_width,
                                                       double                 page_height) G_GNUC_WARN_UNUSED_RESULT;
/* The page area outside which nothing is drawn (the running header and the
 * footer sit inside it, above and below the body). */
void              chorus_page_layout_set_margins      (ChorusPageLayout      *self,
                                                       double                 top,
                                                       double                 right,
                                                       double                 bottom,
                                                       double                 left);
void              chorus_page_layout_get_margins      (ChorusPageLayout      *self,
                                                       double                *top,
                                                       double                *right,
                                                       double                *bottom,
                                                       double                *left);
/* Where the body's text goes, inside the margins. */
void              chorus_page_layout_get_body_area    (ChorusPageLayout      *self,
                                                       cairo_rectangle_t     *area);
/* The running header on every page but the first; either may be NULL. */
void              chorus_page_layout_set_header       (ChorusPageLayout      *self,
                                                       const char            *left,
                                                       const char            *right);

/* Blocks ------------------------------------------------------------------ */

/* @marker is shown hanging before the text (a bullet, "Q3"); @anchor names
 * the block for the contents and the outline; @outline_level > 0 adds an
 * outline entry (1 at the top) titled with the text. Empty text adds
 * nothing. */
void              chorus_page_layout_add_text         (ChorusPageLayout      *self,
                                                       ChorusLayoutStyle      style,
                                                       ChorusLayoutTextFlags  flags,
                                                       const char            *marker,
                                                       const char            *text,
                                                       const char            *anchor,
                                                       guint                  outline_level);
void              chorus_page_layout_add_paragraph    (ChorusPageLayout      *self,
                                                       ChorusLayoutStyle      style,
                                                       const char            *text);
void              chorus_page_layout_add_heading      (ChorusPageLayout      *self,
                                                       ChorusLayoutStyle      style,
                                                       const char            *text,
                                                       const char            *anchor,
                                                       guint                  outline_level);
/* Makes the last block, a heading, stand over the paragraphs after it that
 * share the first one's style (a partner's quoted response): when they
 * continue on a new page, @text ("Response from … (continued)") heads it,
 * in the heading's style. */
void              chorus_page_layout_set_repeat       (ChorusPageLayout      *self,
                                                       const char            *text);
void              chorus_page_layout_add_bullet       (ChorusPageLayout      *self,
                                                       const char            *text);
/* A contents entry: @marker (a number, or NULL), @text, dot leaders and
 * the page @anchor lands on. */
void              chorus_page_layout_add_toc_entry    (ChorusPageLayout      *self,
                                                       ChorusLayoutStyle      style,
                                                       const char            *marker,
                                                       const char            *text,
                                                       const char            *anchor);
/* Vertical space; dropped at the top of a page. */
void              chorus_page_layout_add_space        (ChorusPageLayout      *self,
                                                       double                 height);
/* Space that stays at the top of a page (the title page's top margin). */
void              chorus_page_layout_add_fixed_space  (ChorusPageLayout      *self,
                                                       double                 height);
/* Pushes what follows to the foot of the page: the title page's contact. */
void              chorus_page_layout_add_bottom_align (ChorusPageLayout      *self);
void              chorus_page_layout_add_page_break   (ChorusPageLayout      *self);
/* A figure the full body width wide; it never splits. @height is capped
 * at the body's height. */
void              chorus_page_layout_add_drawing      (ChorusPageLayout      *self,
                                                       double                 height,
                                                       ChorusLayoutDrawFunc   draw,
                                                       gpointer               user_data,
                                                       GDestroyNotify         destroy);

/* Tables: begin, then rows of cells, each cell a list of paragraphs. The
 * column widths are fractions of the body width; @headers has
 * @n_columns entries. */
void              chorus_page_layout_begin_table      (ChorusPageLayout      *self,
                                                       guint                  n_columns,
                                                       const double          *widths,
                                                       const char * const    *headers);
void              chorus_page_layout_begin_row        (ChorusPageLayout      *self);
/* Adds a paragraph to cell @column of the current row. */
void              chorus_page_layout_add_cell_text    (ChorusPageLayout      *self,
                                                       guint                  column,
                                                       ChorusLayoutStyle      style,
                                                       ChorusLayoutTextFlags  flags,
                                                       const char            *marker,
                                                       const char            *text);
/* What cell @column of the current row shows at the top of a page the row
 * continues on, when it has nothing left of its own ("Q3 (continued)"), in
 * @style: the cell's own face, so the row looks the same on every page. */
void              chorus_page_layout_set_cell_continued (ChorusPageLayout    *self,
                                                       guint                  column,
                                                       ChorusLayoutStyle      style,
                                                       const char            *text);
/* Makes the last paragraph of cell @column a sub-heading: when the cell
 * continues on a new page below it, @text ("Discussion group responses
 * (continued)") heads the cell there, in the same style. */
void              chorus_page_layout_set_cell_repeat  (ChorusPageLayout      *self,
                                                       guint                  column,
                                                       const char            *text);
void              chorus_page_layout_end_table        (ChorusPageLayout      *self);

guint             chorus_page_layout_get_n_blocks     (ChorusPageLayout      *self);

/* Pagination and drawing --------------------------------------------------- */

/* Lays the blocks out onto pages; called on demand by the functions below.
 * FALSE only when cancelled. */
gboolean          chorus_page_layout_paginate         (ChorusPageLayout      *self,
                                                       GCancellable          *cancellable,
                                                       ChorusExportProgressFunc progress,
                                                       gpointer               progress_data,
                                                       GError               **error);
/* The 0-based page an anchor landed on, or -1. */
int               chorus_page_layout_get_anchor_page  (ChorusPageLayout      *self,
                                                       const char            *anchor);
/* The 0-based page block @block starts on, and the last page it reaches;
 * -1 before pagination or for a block that drew nothing. */
int               chorus_page_layout_get_block_page   (ChorusPageLayout      *self,
                                                       guint                  block,
                                                       int                   *last_page);
/* How many times the header row of the table at @block was drawn: once
 * per page the table reaches. */
guint             chorus_page_layout_count_table_headers (ChorusPageLayout   *self,
                                                       guint                  block);

/* The number of lines paragraph block @block has on each page it reaches,
 * in order: a new GArray of guint (for the tests). */
GArray           *chorus_page_layout_get_block_lines  (ChorusPageLayout      *self,
                                                       guint                  block) G_GNUC_WARN_UNUSED_RESULT;

/* Draws every page onto a PDF surface, with the outline. */
gboolean          chorus_page_layout_write_pdf        (ChorusPageLayout      *self,
                                                       cairo_surface_t       *surface,
                                                       GCancellable          *cancellable,
                                                       ChorusExportProgressFunc progress,
                                                       gpointer               progress_data,
                                                       GError               **error);

G_END_DECLS
