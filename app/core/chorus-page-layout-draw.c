/* chorus-page-layout-draw.c — drawing pages onto any cairo context, and
 * the whole document onto a PDF surface with its outline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "chorus-page-layout-private.h"

/* Drawing --------------------------------------------------------------------- */

static void
set_source_colour (cairo_t *cr,
                   guint32  colour)
{
  cairo_set_source_rgb (cr,
                        ((colour >> 16) & 0xff) / 255.0,
                        ((colour >> 8) & 0xff) / 255.0,
                        (colour & 0xff) / 255.0);
}

static void
draw_para_lines (ChorusPageLayout *self,
                 cairo_t          *cr,
                 const Para       *para,
                 double            x,
                 double            y,
                 double            width,
                 guint             first,
                 guint             last)
{
  PangoLayout *layout = _chorus_page_layout_prepare_layout (self, para, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double text_x = x + _chorus_page_layout_para_text_x (para);
  guint i = 0;

  g_warn_if_fail ((guint) pango_layout_get_line_count (layout) == para->n_lines);

  set_source_colour (cr, layout_style (para->style)->colour);
  do
    {
      if (i >= first && i < last)
        {
          PangoRectangle logical;
          double top = y + para_tops (para)[i] - para_tops (para)[first];

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, text_x + (double) logical.x / PANGO_SCALE,
                         top + para_baselines (para)[i]);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      i++;
    }
  while (i < last && pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/* Dot leaders and the page number of a contents entry, on its last line;
 * the whole entry links to the page. */
static void
draw_toc_entry (ChorusPageLayout *self,
                cairo_t          *cr,
                const Para       *para,
                double            x,
                double            y,
                double            width,
                guint             first,
                guint             last)
{
  AnchorPlace *place = g_hash_table_lookup (self->anchors, para->link);
  g_autofree char *link = NULL;
  g_autofree char *number = NULL;
  PangoLayout *layout;
  PangoLayoutLine *line;
  PangoRectangle logical;
  int number_width;
  double baseline;
  double text_end;
  double number_x;

  if (place != NULL)
    {
      link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", place->page + 1, x,
                              MAX (place->y - 6, 0));
      cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
    }

  draw_para_lines (self, cr, para, x, y, width, first, last);

  if (place != NULL && last == para->n_lines)
    {
      /* Where the last line's text ends, from the same layout. */
      layout = _chorus_page_layout_prepare_layout (self, para, width);
      line = pango_layout_get_line_readonly (layout, pango_layout_get_line_count (layout) - 1);
      pango_layout_line_get_extents (line, NULL, &logical);
      text_end = x + _chorus_page_layout_para_text_x (para) + (double) (logical.x + logical.width) / PANGO_SCALE;
      baseline = y + para_tops (para)[last - 1] - para_tops (para)[first] +
                 para_baselines (para)[last - 1];

      number = g_strdup_printf ("%u", place->page + 1);
      pango_layout_set_indent (layout, 0);
      pango_layout_set_tabs (layout, NULL);
      pango_layout_set_attributes (layout, NULL);
      pango_layout_set_width (layout, -1);
      pango_layout_set_text (layout, number, -1);
      pango_layout_get_size (layout, &number_width, NULL);
      number_x = x + width - (double) number_width / PANGO_SCALE;

      /* Leaders: dots on a fixed grid, so the columns of dots line up
       * from one entry to the next. */
      set_source_colour (cr, 0x9aa3adu);
      for (double dot = ceil ((text_end + 6) / 5.0) * 5.0; dot < number_x - 5; dot += 5.0)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, dot, baseline - 0.6, 0.55, 0, 2 * G_PI);
        }
      cairo_fill (cr);

      set_source_colour (cr, layout_style (para->style)->colour);
      cairo_move_to (cr, number_x, baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (layout, 0));
    }

  if (place != NULL)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

static void
draw_flow (ChorusPageLayout *self,
           cairo_t          *cr,
           GPtrArray        *paras,
           Pos               from,
           Pos               to,
           double            x,
           double            y,
           double            width)
{
  double previous_after = -1;

  for (guint p = from.para; p < paras->len && (p < to.para || (p == to.para && to.line > 0)); p++)
    {
      const Para *para = g_ptr_array_index (paras, p);
      guint l0 = p == from.para ? from.line : 0;
      guint l1 = p == to.para ? to.line : para->n_lines;

      if (l1 <= l0)
        continue;
      if (previous_after >= 0 && l0 == 0)
        y += gap_between (previous_after, para);
      draw_para_lines (self, cr, para, x, y, width, l0, l1);
      y += para_tops (para)[l1] - para_tops (para)[l0];
      previous_after = layout_style (para->style)->space_after;
    }
}

static void
draw_rule (cairo_t *cr,
           double   x0,
           double   x1,
           double   y,
           double   line_width,
           guint32  colour)
{
  set_source_colour (cr, colour);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
  cairo_stroke (cr);
}

static void
draw_table_fragment (ChorusPageLayout *self,
                     cairo_t          *cr,
                     const Fragment   *fragment,
                     double            x,
                     double            width)
{
  const Table *table = g_array_index (self->elements, Element, fragment->element).table;
  Pos start = { 0, 0 };
  double y = fragment->y;
  gboolean table_ends = fragment->last == table->rows->len && fragment->end_cells == NULL;

  /* Header: a tinted band between a strong rule and a light one. */
  cairo_rectangle (cr, x, y, width, table->header_height);
  set_source_colour (cr, 0xedf1f5u);
  cairo_fill (cr);
  draw_rule (cr, x, x + width, y, 1.0, COLOUR_STRONG_RULE);
  for (guint c = 0; c < table->n_columns; c++)
    draw_flow (self, cr, table->header[c], start, flow_end (table->header[c]),
               x + table->x[c] + CELL_PAD_X, y + CELL_PAD_TOP, table->width[c] - 2 * CELL_PAD_X);
  y += table->header_height;
  draw_rule (cr, x, x + width, y, 0.6, COLOUR_STRONG_RULE);

  for (guint r = fragment->first; r < fragment->last; r++)
    {
      const Row *row = &g_array_index (table->rows, Row, r);
      double height = _chorus_page_layout_fragment_row_height (table, fragment, r);
      gboolean last_row = r + 1 == fragment->last;

      for (guint c = 0; c < table->n_columns; c++)
        {
          Pos start = cell_start (fragment, r, c);
          Pos end = cell_end (fragment, r, c, row->cells[c]);
          const Para *repeat = pos_equal (start, end) ? NULL : cell_repeat (row->cells[c], start);
          double top = y + CELL_PAD_TOP;

          if (_chorus_page_layout_shows_continued (fragment, row, r, c))
            draw_para_lines (self, cr, row->continued[c], x + table->x[c] + CELL_PAD_X,
                             top, table->width[c] - 2 * CELL_PAD_X, 0,
                             row->continued[c]->n_lines);
          if (repeat != NULL)
            {
              draw_para_lines (self, cr, repeat, x + table->x[c] + CELL_PAD_X, top,
                               table->width[c] - 2 * CELL_PAD_X, 0, repeat->n_lines);
              top += cell_repeat_height (row->cells[c], start);
            }
          draw_flow (self, cr, row->cells[c], start, end, x + table->x[c] + CELL_PAD_X, top,
                     table->width[c] - 2 * CELL_PAD_X);
        }
      y += height;

      if (last_row && table_ends)
        draw_rule (cr, x, x + width, y, 1.0, COLOUR_STRONG_RULE);
      else if (!last_row || fragment->end_cells == NULL)
        draw_rule (cr, x, x + width, y, 0.4, COLOUR_RULE);
    }
}

static void
draw_decoration_text (ChorusPageLayout *self,
                      cairo_t          *cr,
                      const char       *text,
                      double            x,
                      double            top,
                      double            width,
                      PangoAlignment    alignment)
{
  PangoLayout *layout = self->layout;

  pango_layout_set_font_description (layout, self->decoration_font);
  pango_layout_set_attributes (layout, NULL);
  pango_layout_set_tabs (layout, NULL);
  pango_layout_set_indent (layout, 0);
  pango_layout_set_line_spacing (layout, 0);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);

  set_source_colour (cr, COLOUR_MUTED);
  cairo_move_to (cr, x, top);
  pango_cairo_show_layout (cr, layout);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_NONE);
}

static void
draw_decorations (ChorusPageLayout *self,
                  cairo_t          *cr,
                  guint             page,
                  guint             n_pages)
{
  double x = self->margin_left;
  double width = self->page_width - self->margin_left - self->margin_right;
  g_autofree char *footer = NULL;

  /* The title page stands alone. */
  if (page == 0)
    return;

  if (self->header_left != NULL)
    draw_decoration_text (self, cr, self->header_left, x, self->margin_top,
                          self->header_right ? width * 0.62 : width, PANGO_ALIGN_LEFT);
  if (self->header_right != NULL)
    draw_decoration_text (self, cr, self->header_right, x + width * 0.64, self->margin_top,
                          width * 0.36, PANGO_ALIGN_RIGHT);
  if (self->header_left != NULL || self->header_right != NULL)
    draw_rule (cr, x, x + width, self->margin_top + 15, 0.5, COLOUR_RULE);

  /* TRANSLATORS: the footer of every page of the submission PDF. */
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  draw_decoration_text (self, cr, footer, x,
                        self->page_height - self->margin_bottom - 10, width, PANGO_ALIGN_RIGHT);
}

static gboolean
fragment_has_rule (ChorusPageLayout *self,
                   const Fragment   *fragment)
{
  const Element *element = &g_array_index (self->elements, Element, fragment->element);

  return element->kind == ELEMENT_PARA && layout_style (element->para->style)->rule;
}

/* The rule left of a quote, drawn down a fragment; it runs on from the
 * fragment above when that is part of the same quote, so the gap between
 * two paragraphs does not break it. */
static void
draw_quote_rule (ChorusPageLayout *self,
                 cairo_t          *cr,
                 guint             page,
                 guint             index,
                 double            x)
{
  const Fragment *fragment = &g_array_index (self->fragments, Fragment, index);
  double top = fragment->y + 1;

  if (index > g_array_index (self->pages, guint, page))
    {
      const Fragment *previous = &g_array_index (self->fragments, Fragment, index - 1);

      /* Where the previous segment stopped, so the two meet; a repeated
       * heading stands right above the paragraph it continues. */
      if (fragment_has_rule (self, previous) &&
          (previous->element + 1 == fragment->element || previous->repeat))
        top = previous->y + previous->height - 1;
    }

  set_source_colour (cr, 0xb9cadbu);
  cairo_rectangle (cr, x + 2, top, 2, fragment->y + fragment->height - 1 - top);
  cairo_fill (cr);
}

void
chorus_page_layout_render_page (ChorusPageLayout *self,
                                cairo_t          *cr,
                                guint             page)
{
  cairo_rectangle_t body;
  guint first;
  guint end;

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  _chorus_page_layout_ensure_paginated (self);
  g_return_if_fail (page < self->pages->len - 1);

  chorus_page_layout_get_body_area (self, &body);
  first = g_array_index (self->pages, guint, page);
  end = g_array_index (self->pages, guint, page + 1);

  cairo_save (cr);
  draw_decorations (self, cr, page, self->pages->len - 1);

  for (guint f = first; f < end; f++)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, f);
      const Element *element = &g_array_index (self->elements, Element, fragment->element);

      switch ((ElementKind) element->kind)
        {
        case ELEMENT_PARA:
          if (layout_style (element->para->style)->rule)
            draw_quote_rule (self, cr, page, f, body.x);
          if (element->para->link != NULL)
            draw_toc_entry (self, cr, element->para, body.x, fragment->y, body.width,
                            fragment->first, fragment->last);
          else
            draw_para_lines (self, cr, fragment->repeat ? element->para->repeat : element->para,
                             body.x, fragment->y, body.width, fragment->first, fragment->last);
          break;

        case ELEMENT_TABLE:
          draw_table_fragment (self, cr, fragment, body.x, body.width);
          break;

        case ELEMENT_DRAWING:
          cairo_save (cr);
          cairo_translate (cr, body.x, fragment->y);
          cairo_rectangle (cr, 0, 0, body.width, fragment->height);
          cairo_clip (cr);
          element->drawing->draw (cr, body.width, fragment->height, element->drawing->user_data);
          cairo_restore (cr);
          break;

        case ELEMENT_SPACE:
        case ELEMENT_FIXED_SPACE:
        case ELEMENT_BOTTOM_ALIGN:
        case ELEMENT_PAGE_BREAK:
        default:
          break;
        }
    }

  cairo_restore (cr);
}

gboolean
chorus_page_layout_write_pdf (ChorusPageLayout          *self,
                              cairo_surface_t           *surface,
                              GCancellable              *cancellable,
                              ChorusExportProgressFunc   progress,
                              gpointer                   progress_data,
                              GError                   **error)
{
  cairo_t *cr;
  g_autofree int *parents = NULL;
  guint n_pages;

  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_PDF, FALSE);

  if (!chorus_page_layout_paginate (self, cancellable, progress, progress_data, error))
    return FALSE;

  n_pages = self->pages->len - 1;
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if ((page & 15) == 0)
        {
          if (_chorus_page_layout_check_cancelled (cancellable, error))
            {
              cairo_destroy (cr);
              return FALSE;
            }
          if (progress != NULL)
            progress (0.6 + 0.4 * page / n_pages, progress_data);
        }

      chorus_page_layout_render_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);

  /* Bookmarks, each under the last entry one level up. */
  parents = g_new0 (int, 10);
  parents[0] = CAIRO_PDF_OUTLINE_ROOT;
  for (guint i = 0; i < self->outline->len; i++)
    {
      const OutlineEntry *entry = &g_array_index (self->outline, OutlineEntry, i);
      AnchorPlace *place = g_hash_table_lookup (self->anchors, entry->anchor);
      g_autofree char *link = NULL;
      guint level = MIN (entry->level, 8);
      int parent;

      if (place == NULL)
        continue;

      /* A level-2 entry without a level-1 one above it hangs from the root. */
      parent = parents[level - 1];
      link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", place->page + 1, self->margin_left,
                              MAX (place->y - 6, 0));
      parents[level] = cairo_pdf_surface_add_outline (surface, parent, entry->title, link,
                                                      level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                 : 0);
      for (guint l = level + 1; l < 10; l++)
        parents[l] = parents[level];
    }

  if (progress != NULL)
    progress (1.0, progress_data);

  return TRUE;
}
