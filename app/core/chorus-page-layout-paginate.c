/* chorus-page-layout-paginate.c — cutting the blocks into pages
 *
 * The rules (see chorus-page-layout.h): collapsed spacing, no widows or
 * orphans, headings kept with what follows, table rows split between
 * lines with the header repeated, short rows never split.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "chorus-page-layout-private.h"

/* Pagination ---------------------------------------------------------------- */

/* How many lines of @para, from @line on, go into @room: all that fit, but
 * never one alone at the foot of the page nor one alone at the top of the
 * next. When @force is set (a fresh page), at least one line goes, whatever
 * the rules say, so that pagination always progresses. */
static guint
para_fit (const Para *para,
          guint       line,
          double      room,
          gboolean    force)
{
  const float *tops = para_tops (para);
  guint remaining = para->n_lines - line;
  guint fit = 0;

  while (fit < remaining && tops[line + fit + 1] - tops[line] <= room + EPSILON)
    fit++;

  if (fit == remaining)
    return remaining;

  if (!para_keeps_together (para) && !para_keeps_with_next (para))
    {
      guint k = fit;

      if (remaining - k < 2)
        k = remaining >= 2 ? remaining - 2 : 0;
      if (k >= 2)
        return k;
    }

  return force ? MAX (fit, 1) : 0;
}

/* The least of @para that may end a page: the whole paragraph when it is
 * short or must not split, otherwise its first two lines. */
static double
para_min_start (const Para *para)
{
  guint n = para->n_lines;

  if (para_keeps_together (para) || para_keeps_with_next (para) || n <= 3)
    return para_tops (para)[n];

  return para_tops (para)[2];
}

/* The same for a flow starting at @from, following a chain of headings
 * (each must sit with what comes after it) a few links deep. */
static double
flow_min_start (GPtrArray *paras,
                Pos        from)
{
  double height = 0;
  double previous_after = -1;

  for (guint p = from.para, depth = 0; p < paras->len && depth < 6; p++, depth++)
    {
      const Para *para = g_ptr_array_index (paras, p);

      if (previous_after >= 0)
        height += gap_between (previous_after, para);
      if (p == from.para && from.line > 0)
        return height + para_tops (para)[MIN (from.line + 2, para->n_lines)] -
               para_tops (para)[from.line];
      if (!para_keeps_with_next (para) || p + 1 == paras->len)
        return height + para_min_start (para);
      height += para_height (para);
      previous_after = layout_style (para->style)->space_after;
    }

  return height;
}

/* Fills @room with as much of the flow from @from as the rules allow.
 * Returns the height used; @to is where the next fragment resumes. */
static double
flow_fill (GPtrArray *paras,
           Pos        from,
           double     room,
           gboolean   force,
           Pos       *to)
{
  Pos pos = from;
  double height = 0;
  double previous_after = -1;

  while (pos.para < paras->len)
    {
      const Para *para = g_ptr_array_index (paras, pos.para);
      double gap = previous_after >= 0 && pos.line == 0 ? gap_between (previous_after, para) : 0;
      gboolean may_force = force && height == 0 && pos.para == from.para && pos.line == from.line;
      guint remaining = para->n_lines - pos.line;
      guint k = para_fit (para, pos.line, room - height - gap, may_force);
      double used;

      if (k == remaining && para_keeps_with_next (para) && pos.para + 1 < paras->len && !may_force)
        {
          Pos next = { pos.para + 1, 0 };
          const Para *next_para = g_ptr_array_index (paras, next.para);
          double need = para_tops (para)[para->n_lines] - para_tops (para)[pos.line] +
                        gap_between (layout_style (para->style)->space_after, next_para) +
                        flow_min_start (paras, next);

          if (height + gap + need > room + EPSILON)
            k = 0;
        }
      if (k == 0)
        break;

      used = para_tops (para)[pos.line + k] - para_tops (para)[pos.line];
      height += gap + used;
      if (k < remaining)
        {
          pos.line += k;
          break;
        }
      pos.para++;
      pos.line = 0;
      previous_after = layout_style (para->style)->space_after;
    }

  *to = pos;
  return height;
}

/* Whether cell @column of a row that continues from the page before has
 * nothing of its own to show here, and shows its "continued" text. */
gboolean
_chorus_page_layout_shows_continued (const Fragment *fragment,
                 const Row      *row,
                 guint           row_index,
                 guint           column)
{
  if (row->continued == NULL || row->continued[column] == NULL ||
      row_index != fragment->first || fragment->start_cells == NULL)
    return FALSE;

  return pos_equal (cell_start (fragment, row_index, column),
                    cell_end (fragment, row_index, column, row->cells[column]));
}

/* The height of row @row of a table fragment: the whole row, or the part
 * of it this fragment shows. */
double
_chorus_page_layout_fragment_row_height (const Table    *table,
                     const Fragment *fragment,
                     guint           row_index)
{
  const Row *row = &g_array_index (table->rows, Row, row_index);
  double height = 0;

  if ((row_index != fragment->first || fragment->start_cells == NULL) &&
      (row_index + 1 != fragment->last || fragment->end_cells == NULL))
    return row->height;

  for (guint c = 0; c < table->n_columns; c++)
    {
      Pos start = cell_start (fragment, row_index, c);
      Pos end = cell_end (fragment, row_index, c, row->cells[c]);

      height = MAX (height, _chorus_page_layout_flow_height (row->cells[c], start, end) +
                            (pos_equal (start, end) ? 0 : cell_repeat_height (row->cells[c],
                                                                              start)));
      if (_chorus_page_layout_shows_continued (fragment, row, row_index, c))
        height = MAX (height, para_height (row->continued[c]));
    }

  return CELL_PAD_TOP + height + CELL_PAD_BOTTOM;
}

static double
row_min_start (ChorusPageLayout *self,
               const Table      *table,
               guint             row_index)
{
  const Row *row = &g_array_index (table->rows, Row, row_index);
  Pos start = { 0, 0 };
  double height = 0;
  cairo_rectangle_t body;

  /* Short rows never split (see paginate_table()). */
  chorus_page_layout_get_body_area (self, &body);
  if (row->height <= body.height * SHORT_ROW)
    return row->height;

  for (guint c = 0; c < table->n_columns; c++)
    if (row->cells[c]->len > 0)
      height = MAX (height, flow_min_start (row->cells[c], start));

  return MIN (row->height, CELL_PAD_TOP + height + CELL_PAD_BOTTOM);
}

typedef struct
{
  ChorusPageLayout *self;
  cairo_rectangle_t body;
  double            y;
  /* The space after the last block on the page; negative at the top. */
  double            previous_after;
  /* A heading with a repeat, while the paragraphs under it go on: of
   * one style, the style of the first (-1 until it comes). */
  const Element    *repeat;
  int               repeat_style;
} Paginator;

static inline double
body_bottom (const Paginator *pg)
{
  return pg->body.y + pg->body.height;
}

static inline gboolean
at_page_top (const Paginator *pg)
{
  return pg->previous_after < 0;
}

static void
new_page (Paginator *pg)
{
  guint first = pg->self->fragments->len;

  g_array_append_val (pg->self->pages, first);
  pg->y = pg->body.y;
  pg->previous_after = -1;
}

static Fragment *
add_fragment (Paginator *pg,
              guint      element,
              double     y,
              double     height,
              guint      first,
              guint      last)
{
  Fragment fragment = { element, (float) y, (float) height, first, last, NULL, NULL };

  g_array_append_val (pg->self->fragments, fragment);
  return &g_array_index (pg->self->fragments, Fragment, pg->self->fragments->len - 1);
}

static void
place_anchor (Paginator  *pg,
              const Para *para,
              double      y)
{
  AnchorPlace *place;

  if (para->anchor == NULL || g_hash_table_contains (pg->self->anchors, para->anchor))
    return;

  place = g_new (AnchorPlace, 1);
  place->page = pg->self->pages->len - 1;
  place->y = y;
  g_hash_table_insert (pg->self->anchors, g_strdup (para->anchor), place);
}

static double element_min_start (ChorusPageLayout *self,
                                 guint             index,
                                 guint             depth);

static double
element_space_before (const Element *element)
{
  switch ((ElementKind) element->kind)
    {
    case ELEMENT_PARA:
      return (element->para->flags & CHORUS_LAYOUT_TEXT_CONTINUATION) ? 0
             : layout_style (element->para->style)->space_before;
    case ELEMENT_TABLE:
      return TABLE_SPACE;
    case ELEMENT_DRAWING:
      return DRAWING_SPACE;
    case ELEMENT_SPACE:
    case ELEMENT_FIXED_SPACE:
    case ELEMENT_BOTTOM_ALIGN:
    case ELEMENT_PAGE_BREAK:
    default:
      return 0;
    }
}

/* The height from here that must fit on this page for block @index to
 * start on it, following keep-with-next chains. */
static double
element_min_start (ChorusPageLayout *self,
                   guint             index,
                   guint             depth)
{
  const Element *element = &g_array_index (self->elements, Element, index);

  switch ((ElementKind) element->kind)
    {
    case ELEMENT_PARA:
      {
        const Para *para = element->para;

        if (para_keeps_with_next (para) && index + 1 < self->elements->len && depth < 6)
          {
            const Element *next = &g_array_index (self->elements, Element, index + 1);

            if (next->kind == ELEMENT_PARA || next->kind == ELEMENT_TABLE ||
                next->kind == ELEMENT_DRAWING)
              return para_height (para) +
                     MAX (layout_style (para->style)->space_after, element_space_before (next)) +
                     element_min_start (self, index + 1, depth + 1);
          }
        return para_min_start (para);
      }
    case ELEMENT_TABLE:
      {
        const Table *table = element->table;

        return table->header_height + (table->rows->len > 0 ? row_min_start (self, table, 0) : 0);
      }
    case ELEMENT_DRAWING:
      return element->drawing->height;
    case ELEMENT_SPACE:
    case ELEMENT_FIXED_SPACE:
    case ELEMENT_BOTTOM_ALIGN:
    case ELEMENT_PAGE_BREAK:
    default:
      return 0;
    }
}

static double
gap_before (const Paginator *pg,
            const Element   *element)
{
  if (at_page_top (pg))
    return 0;
  if (element->kind == ELEMENT_PARA)
    return gap_between (pg->previous_after, element->para);

  return MAX (pg->previous_after, element_space_before (element));
}

/* Starts a new page unless block @index can begin on this one. */
static void
break_if_needed (Paginator *pg,
                 guint      index)
{
  const Element *element = &g_array_index (pg->self->elements, Element, index);
  double need;

  if (at_page_top (pg))
    return;

  need = gap_before (pg, element) + element_min_start (pg->self, index, 0);
  if (pg->y + need > body_bottom (pg) + EPSILON)
    new_page (pg);
}

/* Whether the paragraph @index runs on under a heading with a repeat;
 * follows the paragraphs as they come. */
static void
follow_repeat (Paginator *pg,
               guint      index)
{
  const Element *element = &g_array_index (pg->self->elements, Element, index);

  if (element->kind == ELEMENT_PARA && element->para->repeat != NULL)
    {
      pg->repeat = element;
      pg->repeat_style = -1;
    }
  else if (pg->repeat == NULL)
    return;
  else if (element->kind != ELEMENT_PARA)
    pg->repeat = NULL;
  else if (pg->repeat_style < 0)
    pg->repeat_style = element->para->style;
  else if (pg->repeat_style != element->para->style)
    pg->repeat = NULL;
}

/* At the top of a page, the heading the paragraphs going on here are under,
 * as its repeat ("Response from … (continued)"). */
static void
place_repeat (Paginator *pg,
              guint      index)
{
  const Element *heading = pg->repeat;
  Fragment *fragment;

  if (heading == NULL || !at_page_top (pg) ||
      heading == &g_array_index (pg->self->elements, Element, index))
    return;

  fragment = add_fragment (pg, heading - (const Element *) pg->self->elements->data, pg->y,
                           para_height (heading->para->repeat), 0,
                           heading->para->repeat->n_lines);
  fragment->repeat = TRUE;
  pg->y += fragment->height;
  pg->previous_after = layout_style (heading->para->repeat->style)->space_after;
}

static void
paginate_para (Paginator *pg,
               guint      index)
{
  Para *para = g_array_index (pg->self->elements, Element, index).para;
  guint line = 0;

  break_if_needed (pg, index);

  while (line < para->n_lines)
    {
      const Element *element = &g_array_index (pg->self->elements, Element, index);
      /* A page with just the repeated heading on it is still fresh: some
       * lines must go on it. */
      gboolean fresh = at_page_top (pg);
      double gap;
      double room;
      double height;
      guint k;

      place_repeat (pg, index);
      gap = line == 0 ? gap_before (pg, element) : MAX (pg->previous_after, 0);
      room = body_bottom (pg) - pg->y - gap;
      k = para_fit (para, line, room, fresh);

      if (k == 0)
        {
          new_page (pg);
          continue;
        }

      height = para_tops (para)[line + k] - para_tops (para)[line];
      if (line == 0)
        place_anchor (pg, para, pg->y + gap);
      add_fragment (pg, index, pg->y + gap, height, line, line + k);
      pg->y += gap + height;
      pg->previous_after = layout_style (para->style)->space_after;
      line += k;
      if (line < para->n_lines)
        new_page (pg);
    }
}

static Pos *
new_cell_positions (ChorusPageLayout *self,
                    guint             n_columns)
{
  Pos *positions = g_new0 (Pos, n_columns);

  g_ptr_array_add (self->cell_positions, positions);
  return positions;
}

static void
paginate_table (Paginator *pg,
                guint      index)
{
  ChorusPageLayout *self = pg->self;
  const Element *element = &g_array_index (self->elements, Element, index);
  Table *table = element->table;
  guint row_index = 0;
  Pos *resume = NULL;
  guint fragment_index;
  Fragment *fragment;
  double gap;
  double y;

  break_if_needed (pg, index);
  gap = gap_before (pg, element);

  fragment = add_fragment (pg, index, pg->y + gap, table->header_height, 0, 0);
  fragment_index = self->fragments->len - 1;
  y = pg->y + gap + table->header_height;

  while (row_index < table->rows->len)
    {
      Row *row = &g_array_index (table->rows, Row, row_index);
      gboolean has_rows;
      gboolean force;
      gboolean progress = FALSE;
      double room;
      double height;
      Pos *end;

      fragment = &g_array_index (self->fragments, Fragment, fragment_index);
      if (fragment->first == fragment->last)
        {
          fragment->first = row_index;
          fragment->last = row_index;
          fragment->start_cells = resume;
        }

      /* The rest of the row as it stands. */
      fragment->last = row_index + 1;
      height = _chorus_page_layout_fragment_row_height (table, fragment, row_index);
      if (y + height <= body_bottom (pg) + EPSILON)
        {
          fragment->height += (float) height;
          y += height;
          row_index++;
          resume = NULL;
          continue;
        }
      fragment->last = row_index;

      /* Split the row between lines, each cell on its own. */
      has_rows = fragment->last > fragment->first;
      force = !has_rows && fabs (fragment->y - pg->body.y) < EPSILON;
      room = body_bottom (pg) - y - CELL_PAD_TOP - CELL_PAD_BOTTOM;
      end = new_cell_positions (self, table->n_columns);
      /* Every cell that has something left must show some of it here:
       * a question without the start of its answer beside it is no use.
       * A short row moves whole: split, it would leave a few lines on
       * each page and be hard to read on both. */
      progress = resume != NULL || force || row->height > pg->body.height * SHORT_ROW;
      for (guint c = 0; c < table->n_columns && progress; c++)
        {
          Pos start = resume ? resume[c] : (Pos) { 0, 0 };

          flow_fill (row->cells[c], start, room - cell_repeat_height (row->cells[c], start), force,
                     &end[c]);
          if (pos_equal (start, end[c]) && !pos_equal (start, flow_end (row->cells[c])) && !force)
            progress = FALSE;
        }
      if (progress && !force)
        {
          gboolean all_done = TRUE;

          for (guint c = 0; c < table->n_columns; c++)
            if (!pos_equal (end[c], flow_end (row->cells[c])))
              all_done = FALSE;
          /* Rounding let the whole row in after all. */
          if (all_done)
            {
              fragment->last = row_index + 1;
              fragment->height += (float) height;
              y += height;
              row_index++;
              resume = NULL;
              continue;
            }
        }

      if (progress)
        {
          if (fragment->first == fragment->last)
            fragment->start_cells = resume;
          fragment->last = row_index + 1;
          fragment->end_cells = end;
          fragment->height += (float) _chorus_page_layout_fragment_row_height (table, fragment, row_index);
          resume = end;
        }
      else if (!has_rows)
        {
          /* Only the header would be on this page: take it to the next. */
          g_array_set_size (self->fragments, fragment_index);
        }

      new_page (pg);
      fragment = add_fragment (pg, index, pg->y, table->header_height, row_index, row_index);
      fragment_index = self->fragments->len - 1;
      y = pg->y + table->header_height;
    }

  pg->y = y;
  pg->previous_after = TABLE_SPACE;
}

static void
paginate_drawing (Paginator *pg,
                  guint      index)
{
  const Element *element = &g_array_index (pg->self->elements, Element, index);
  double height = MIN (element->drawing->height, pg->body.height);
  double gap;

  break_if_needed (pg, index);
  gap = gap_before (pg, element);
  add_fragment (pg, index, pg->y + gap, height, 0, 1);
  pg->y += gap + height;
  pg->previous_after = DRAWING_SPACE;
}

/* The height of the paragraphs after @index up to the next page break, for
 * pushing them to the foot of the page. */
static double
height_until_break (ChorusPageLayout *self,
                    guint             index)
{
  double height = 0;
  /* As after a space: the first paragraph's space before counts. */
  double previous_after = 0;

  for (guint i = index + 1; i < self->elements->len; i++)
    {
      const Element *element = &g_array_index (self->elements, Element, i);

      if (element->kind == ELEMENT_PAGE_BREAK || element->kind == ELEMENT_BOTTOM_ALIGN)
        break;
      if (element->kind == ELEMENT_SPACE || element->kind == ELEMENT_FIXED_SPACE)
        {
          height += element->space;
          previous_after = 0;
          continue;
        }
      if (element->kind != ELEMENT_PARA)
        break;
      if (previous_after >= 0)
        height += gap_between (previous_after, element->para);
      height += para_height (element->para);
      previous_after = layout_style (element->para->style)->space_after;
    }

  return height;
}

gboolean
_chorus_page_layout_check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

gboolean
chorus_page_layout_paginate (ChorusPageLayout          *self,
                             GCancellable              *cancellable,
                             ChorusExportProgressFunc   progress,
                             gpointer                   progress_data,
                             GError                   **error)
{
  Paginator pg = { self };
  guint n;

  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), FALSE);
  g_return_val_if_fail (self->open_table == NULL, FALSE);

  if (self->paginated)
    return TRUE;

  chorus_page_layout_get_body_area (self, &pg.body);
  n = self->elements->len;

  /* Measure everything first: keep-with-next looks ahead. */
  for (guint i = 0; i < n; i++)
    {
      Element *element = &g_array_index (self->elements, Element, i);

      if ((i & 255) == 0)
        {
          if (_chorus_page_layout_check_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (0.5 * i / n, progress_data);
        }

      if (element->kind == ELEMENT_PARA)
        {
          _chorus_page_layout_measure_para (self, element->para, pg.body.width);
          if (element->para->repeat != NULL)
            _chorus_page_layout_measure_para (self, element->para->repeat, pg.body.width);
        }
      else if (element->kind == ELEMENT_TABLE)
        _chorus_page_layout_measure_table (self, element->table, pg.body.width);
    }

  self->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  self->anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cell_positions = g_ptr_array_new_with_free_func (g_free);

  new_page (&pg);
  for (guint i = 0; i < n; i++)
    {
      const Element *element = &g_array_index (self->elements, Element, i);

      if ((i & 1023) == 0)
        {
          if (_chorus_page_layout_check_cancelled (cancellable, error))
            {
              g_clear_pointer (&self->fragments, g_array_unref);
              g_clear_pointer (&self->pages, g_array_unref);
              g_clear_pointer (&self->anchors, g_hash_table_unref);
              g_clear_pointer (&self->cell_positions, g_ptr_array_unref);
              return FALSE;
            }
          if (progress != NULL)
            progress (0.5 + 0.1 * i / n, progress_data);
        }

      follow_repeat (&pg, i);
      switch ((ElementKind) element->kind)
        {
        case ELEMENT_PARA:
          paginate_para (&pg, i);
          break;

        case ELEMENT_TABLE:
          paginate_table (&pg, i);
          break;

        case ELEMENT_DRAWING:
          paginate_drawing (&pg, i);
          break;

        case ELEMENT_SPACE:
          if (at_page_top (&pg))
            break;
          if (pg.y + element->space > body_bottom (&pg))
            new_page (&pg);
          else
            {
              pg.y += element->space;
              pg.previous_after = 0;
            }
          break;

        case ELEMENT_FIXED_SPACE:
          pg.y = MIN (pg.y + element->space, body_bottom (&pg));
          pg.previous_after = 0;
          break;

        case ELEMENT_BOTTOM_ALIGN:
          pg.y = MAX (pg.y, body_bottom (&pg) - height_until_break (self, i));
          pg.previous_after = 0;
          break;

        case ELEMENT_PAGE_BREAK:
          /* A page that has something on it, or was started on purpose. */
          if (!at_page_top (&pg) ||
              g_array_index (self->pages, guint, self->pages->len - 1) < self->fragments->len)
            new_page (&pg);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A trailing page break leaves an empty page behind: drop it. */
  if (self->pages->len > 1 &&
      g_array_index (self->pages, guint, self->pages->len - 1) == self->fragments->len)
    g_array_set_size (self->pages, self->pages->len - 1);

  g_array_append_val (self->pages, self->fragments->len);
  self->paginated = TRUE;

  return TRUE;
}

void
_chorus_page_layout_ensure_paginated (ChorusPageLayout *self)
{
  if (!self->paginated)
    chorus_page_layout_paginate (self, NULL, NULL, NULL, NULL);
}

guint
chorus_page_layout_get_n_pages (ChorusPageLayout *self)
{
  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), 0);

  _chorus_page_layout_ensure_paginated (self);
  return self->pages->len - 1;
}

int
chorus_page_layout_get_anchor_page (ChorusPageLayout *self,
                                    const char       *anchor)
{
  AnchorPlace *place;

  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), -1);

  _chorus_page_layout_ensure_paginated (self);
  place = g_hash_table_lookup (self->anchors, anchor);

  return place ? (int) place->page : -1;
}

static guint
fragment_page (ChorusPageLayout *self,
               guint             fragment)
{
  guint lo = 0;
  guint hi = self->pages->len - 1;

  /* The last page whose first fragment is at or before @fragment. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->pages, guint, mid) <= fragment)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

int
chorus_page_layout_get_block_page (ChorusPageLayout *self,
                                   guint             block,
                                   int              *last_page)
{
  int first = -1;
  int last = -1;

  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), -1);

  _chorus_page_layout_ensure_paginated (self);
  for (guint f = 0; f < self->fragments->len; f++)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, f);

      if (fragment->element != block || fragment->repeat)
        continue;
      if (first < 0)
        first = (int) fragment_page (self, f);
      last = (int) fragment_page (self, f);
    }

  if (last_page != NULL)
    *last_page = last;
  return first;
}

guint
chorus_page_layout_count_table_headers (ChorusPageLayout *self,
                                        guint             block)
{
  guint count = 0;

  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), 0);

  _chorus_page_layout_ensure_paginated (self);
  for (guint f = 0; f < self->fragments->len; f++)
    if (g_array_index (self->fragments, Fragment, f).element == block &&
        !g_array_index (self->fragments, Fragment, f).repeat)
      count++;

  return count;
}

GArray *
chorus_page_layout_get_block_lines (ChorusPageLayout *self,
                                    guint             block)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), lines);

  _chorus_page_layout_ensure_paginated (self);
  for (guint f = 0; f < self->fragments->len; f++)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, f);
      guint n;

      if (fragment->element != block || fragment->repeat ||
          g_array_index (self->elements, Element, block).kind != ELEMENT_PARA)
        continue;
      n = fragment->last - fragment->first;
      g_array_append_val (lines, n);
    }

  return lines;
}
