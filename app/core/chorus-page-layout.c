/* chorus-page-layout.c — blocks to pages, pages to cairo
 *
 * Three stages. Adding blocks only records them. Pagination measures each
 * paragraph with Pango at the width it will have, keeps its line tops and
 * baselines (not the PangoLayout, which would cost kilobytes per
 * paragraph), and cuts the blocks into fragments page by page. Drawing a
 * page lays its paragraphs out again with the same context and width, so
 * the lines come out identical, and draws the lines of each fragment.
 *
 * Vertical space between blocks collapses: the gap between two paragraphs
 * is the larger of the first's space after and the second's space before,
 * and no space is left at the top of a page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "chorus-error.h"
#include "chorus-page-layout.h"

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
} StyleDef;

/* The type scale: body 10.5 pt on 14.5 pt lines; headings step up by
 * roughly a fourth (11, 13.5, 19) and, set in the sans, differ from the
 * text by face as well as size. Space above a heading is about twice the
 * space below it, so a heading belongs to what follows. */
static const StyleDef styles[CHORUS_LAYOUT_N_STYLES] = {
  [CHORUS_LAYOUT_STYLE_BODY] = {
    SERIF " 10.5", 14.5, COLOUR_TEXT, COLOUR_ACCENT, 0, 7.5, 0, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_LEAD] = {
    SERIF " 10", 14, 0x45494eu, COLOUR_ACCENT, 0, 6.5, 0, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_NOTE] = {
    SERIF " Italic 10.5", 14.5, COLOUR_MUTED, COLOUR_MUTED, 0, 7.5, 0, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, TRUE, TRUE },
  [CHORUS_LAYOUT_STYLE_BULLET] = {
    SERIF " 10.5", 14.5, COLOUR_TEXT, COLOUR_ACCENT, 0, 5, 2, 13, PANGO_ALIGN_LEFT,
    FALSE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_BULLET_2] = {
    SERIF " 10.5", 14.5, COLOUR_TEXT, COLOUR_MUTED, 0, 3, 15, 12, PANGO_ALIGN_LEFT,
    FALSE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_QUOTE_LABEL] = {
    SANS " Bold 8.5", 12, COLOUR_ACCENT, COLOUR_ACCENT, 8, 3, 14, 0, PANGO_ALIGN_LEFT,
    TRUE, TRUE, TRUE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_QUOTE] = {
    SERIF " 10.5", 14.5, 0x2b3440u, COLOUR_ACCENT, 0, 6, 14, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, FALSE, TRUE, TRUE },
  [CHORUS_LAYOUT_STYLE_LABEL] = {
    SANS " Bold 8.5", 12, COLOUR_ACCENT, COLOUR_ACCENT, 6, 3, 0, 0, PANGO_ALIGN_LEFT,
    TRUE, TRUE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_TITLE] = {
    SANS " Bold 27", 32, COLOUR_ACCENT, COLOUR_ACCENT, 0, 16, 0, 0, PANGO_ALIGN_LEFT,
    TRUE, TRUE, TRUE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_SUBTITLE] = {
    SANS " 14", 19, 0x30363du, COLOUR_ACCENT, 0, 10, 0, 0, PANGO_ALIGN_LEFT,
    FALSE, TRUE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_TITLE_META] = {
    SANS " 10.5", 14, COLOUR_MUTED, COLOUR_ACCENT, 0, 3, 0, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_CONTACT] = {
    SERIF " 10", 14, 0x30363du, COLOUR_ACCENT, 0, 2, 0, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_HEADING_1] = {
    SANS " Bold 19", 23, COLOUR_ACCENT, 0x8aa2bcu, 0, 14, 0, 30, PANGO_ALIGN_LEFT,
    TRUE, TRUE, TRUE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_HEADING_2] = {
    SANS " Bold 13.5", 17, COLOUR_TEXT, COLOUR_ACCENT, 20, 7, 0, 0, PANGO_ALIGN_LEFT,
    TRUE, TRUE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_HEADING_3] = {
    SANS " Bold 10.5", 14, COLOUR_ACCENT, COLOUR_ACCENT, 14, 5, 0, 0, PANGO_ALIGN_LEFT,
    TRUE, TRUE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_QUESTION] = {
    SANS " Bold 10.5", 14.5, COLOUR_TEXT, COLOUR_ACCENT, 16, 6, 0, 30, PANGO_ALIGN_LEFT,
    TRUE, TRUE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_TABLE_HEADER] = {
    SANS " Bold 8.5", 11, COLOUR_TEXT, COLOUR_TEXT, 0, 0, 0, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_TABLE_CELL] = {
    SERIF " 9.5", 12.5, COLOUR_TEXT, COLOUR_ACCENT, 0, 3, 0, 20, PANGO_ALIGN_LEFT,
    TRUE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_TABLE_STRONG] = {
    SANS " Bold 8.5", 12.5, COLOUR_TEXT, COLOUR_ACCENT, 0, 3, 0, 0, PANGO_ALIGN_LEFT,
    TRUE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_TABLE_SUBHEADING] = {
    SANS " Bold 8", 11.5, COLOUR_ACCENT, COLOUR_ACCENT, 6, 2.5, 0, 0, PANGO_ALIGN_LEFT,
    TRUE, TRUE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_TABLE_BULLET] = {
    SERIF " 9.5", 12.5, COLOUR_TEXT, COLOUR_ACCENT, 0, 3, 0, 10, PANGO_ALIGN_LEFT,
    FALSE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_TABLE_BULLET_2] = {
    SERIF " 9.5", 12.5, COLOUR_TEXT, COLOUR_MUTED, 0, 2, 10, 9, PANGO_ALIGN_LEFT,
    FALSE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_TABLE_NOTE] = {
    SERIF " Italic 9.5", 12.5, COLOUR_MUTED, COLOUR_MUTED, 0, 3, 0, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_CAPTION] = {
    SANS " 8.5", 11.5, COLOUR_MUTED, COLOUR_MUTED, 4, 14, 0, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, TRUE, TRUE },
  [CHORUS_LAYOUT_STYLE_TOC_1] = {
    SANS " Bold 10.5", 14, COLOUR_TEXT, COLOUR_ACCENT, 10, 3, 0, 22, PANGO_ALIGN_LEFT,
    TRUE, TRUE, TRUE, FALSE },
  [CHORUS_LAYOUT_STYLE_TOC_2] = {
    SERIF " 10", 13.5, 0x30363du, COLOUR_ACCENT, 0, 2, 22, 0, PANGO_ALIGN_LEFT,
    FALSE, FALSE, TRUE, FALSE },
};

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

typedef struct
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
} Para;

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

G_DEFINE_FINAL_TYPE (ChorusPageLayout, chorus_page_layout, G_TYPE_OBJECT)

/* Setting up ----------------------------------------------------------------- */

static void
para_free (Para *para)
{
  if (para == NULL)
    return;
  g_free (para->text);
  g_clear_pointer (&para->attrs, pango_attr_list_unref);
  g_free (para->anchor);
  g_free (para->link);
  g_free (para->metrics);
  g_free (para);
}

static void
cells_free (GPtrArray **cells,
            guint       n_columns)
{
  if (cells == NULL)
    return;
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_unref (cells[c]);
  g_free (cells);
}

static GPtrArray **
cells_new (guint n_columns)
{
  GPtrArray **cells = g_new0 (GPtrArray *, n_columns);

  for (guint c = 0; c < n_columns; c++)
    cells[c] = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);

  return cells;
}

static void
table_free (Table *table)
{
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = &g_array_index (table->rows, Row, r);

      cells_free (row->cells, table->n_columns);
      for (guint c = 0; row->continued != NULL && c < table->n_columns; c++)
        para_free (row->continued[c]);
      g_free (row->continued);
    }
  g_array_unref (table->rows);
  cells_free (table->header, table->n_columns);
  g_free (table->fractions);
  g_free (table->x);
  g_free (table->width);
  g_free (table);
}

static void
element_clear (Element *element)
{
  switch ((ElementKind) element->kind)
    {
    case ELEMENT_PARA:
      para_free (element->para);
      break;
    case ELEMENT_TABLE:
      table_free (element->table);
      break;
    case ELEMENT_DRAWING:
      if (element->drawing->destroy != NULL)
        element->drawing->destroy (element->drawing->user_data);
      g_free (element->drawing);
      break;
    case ELEMENT_SPACE:
    case ELEMENT_FIXED_SPACE:
    case ELEMENT_BOTTOM_ALIGN:
    case ELEMENT_PAGE_BREAK:
    default:
      break;
    }
}

static void
outline_entry_clear (OutlineEntry *entry)
{
  g_free (entry->title);
  g_free (entry->anchor);
}

static void
chorus_page_layout_finalize (GObject *object)
{
  ChorusPageLayout *self = CHORUS_PAGE_LAYOUT (object);

  if (self->open_table != NULL)
    table_free (self->open_table);
  g_array_unref (self->elements);
  g_array_unref (self->outline);
  g_clear_pointer (&self->fragments, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_clear_pointer (&self->cell_positions, g_ptr_array_unref);
  for (guint i = 0; i < CHORUS_LAYOUT_N_STYLES; i++)
    pango_font_description_free (self->fonts[i]);
  pango_font_description_free (self->decoration_font);
  g_clear_object (&self->layout);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_free (self->header_left);
  g_free (self->header_right);

  G_OBJECT_CLASS (chorus_page_layout_parent_class)->finalize (object);
}

static void
chorus_page_layout_class_init (ChorusPageLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chorus_page_layout_finalize;
}

static void
chorus_page_layout_init (ChorusPageLayout *self)
{
  cairo_font_options_t *font_options;

  self->elements = g_array_new (FALSE, FALSE, sizeof (Element));
  g_array_set_clear_func (self->elements, (GDestroyNotify) element_clear);
  self->outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));
  g_array_set_clear_func (self->outline, (GDestroyNotify) outline_entry_clear);

  /* A font map of our own: the export may run in a worker thread, and the
   * layout must not depend on the screen's settings. Metrics unhinted and
   * glyph positions unrounded, so a line measures the same in pagination,
   * in the PDF and on a printer. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  pango_cairo_context_set_resolution (self->context, 72.0);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, font_options);
  cairo_font_options_destroy (font_options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  self->layout = pango_layout_new (self->context);

  for (guint i = 0; i < CHORUS_LAYOUT_N_STYLES; i++)
    self->fonts[i] = pango_font_description_from_string (styles[i].font);
  self->decoration_font = pango_font_description_from_string (SANS " 8");
}

ChorusPageLayout *
chorus_page_layout_new (double page_width,
                        double page_height)
{
  ChorusPageLayout *self;

  g_return_val_if_fail (page_width >= 144 && page_height >= 144, NULL);

  self = g_object_new (CHORUS_TYPE_PAGE_LAYOUT, NULL);
  self->page_width = page_width;
  self->page_height = page_height;
  /* About 25 mm at the sides: a measure of some 70 characters of body
   * text on A4 and on Letter. */
  chorus_page_layout_set_margins (self, 40, 70, 38, 70);

  return self;
}

void
chorus_page_layout_set_margins (ChorusPageLayout *self,
                                double            top,
                                double            right,
                                double            bottom,
                                double            left)
{
  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (!self->paginated);
  g_return_if_fail (left + right < self->page_width - 72);
  g_return_if_fail (top + bottom + HEADER_BAND + FOOTER_BAND < self->page_height - 72);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
}

void
chorus_page_layout_get_margins (ChorusPageLayout *self,
                                double           *top,
                                double           *right,
                                double           *bottom,
                                double           *left)
{
  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));

  if (top != NULL)
    *top = self->margin_top;
  if (right != NULL)
    *right = self->margin_right;
  if (bottom != NULL)
    *bottom = self->margin_bottom;
  if (left != NULL)
    *left = self->margin_left;
}

void
chorus_page_layout_get_body_area (ChorusPageLayout  *self,
                                  cairo_rectangle_t *area)
{
  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));

  area->x = self->margin_left;
  area->y = self->margin_top + HEADER_BAND;
  area->width = self->page_width - self->margin_left - self->margin_right;
  area->height = self->page_height - area->y - self->margin_bottom - FOOTER_BAND;
}

void
chorus_page_layout_set_header (ChorusPageLayout *self,
                               const char       *left,
                               const char       *right)
{
  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));

  g_free (self->header_left);
  self->header_left = g_strdup (left);
  g_free (self->header_right);
  self->header_right = g_strdup (right);
}

void
chorus_page_layout_get_page_size (ChorusPageLayout *self,
                                  double           *width,
                                  double           *height)
{
  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->page_height;
}

guint
chorus_page_layout_get_n_blocks (ChorusPageLayout *self)
{
  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), 0);

  return self->elements->len;
}

/* Adding blocks ------------------------------------------------------------ */

static gboolean
para_keeps_with_next (const Para *para)
{
  return styles[para->style].keep_with_next ||
         (para->flags & CHORUS_LAYOUT_TEXT_KEEP_WITH_NEXT) != 0;
}

/* One line of plain text for the outline: markup and line breaks gone,
 * long questions shortened. */
static char *
outline_title (const char *marker,
               const char *plain)
{
  g_autoptr(GString) title = g_string_new (NULL);
  gboolean space = FALSE;

  if (marker != NULL && *marker != '\0')
    g_string_append_printf (title, "%s ", marker);
  for (const char *p = plain; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = title->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (title, ' ');
      space = FALSE;
      g_string_append_unichar (title, c);
    }

  if (g_utf8_strlen (title->str, -1) > 100)
    {
      char *cut = g_utf8_offset_to_pointer (title->str, 96);

      g_string_truncate (title, cut - title->str);
      g_string_append (title, "…");
    }

  return g_string_free (g_steal_pointer (&title), FALSE);
}

static char *
collapse_spaces (const char *text)
{
  char *copy = g_strdup (text);
  char *out = copy;

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ' || out == copy || out[-1] != ' ')
      *out++ = *p;
  *out = '\0';

  return copy;
}

/* A URL or an e-mail address broken across lines must not gain a hyphen
 * that is not part of it: such words get no inserted hyphens. */
static void
mark_addresses (const char     *text,
                PangoAttrList **attrs)
{
  const char *word = text;

  while (*word != '\0')
    {
      const char *end = word;
      gboolean address = FALSE;

      while (*end != '\0' && !g_ascii_isspace (*end))
        end++;

      for (const char *p = word; p < end && !address; p++)
        address = (p[0] == ':' && p[1] == '/' && p[2] == '/') ||
                  (p[0] == '@' && p > word && memchr (p, '.', end - p) != NULL) ||
                  (p == word && g_str_has_prefix (p, "www."));

      if (address)
        {
          PangoAttribute *attr = pango_attr_insert_hyphens_new (FALSE);

          attr->start_index = word - text;
          attr->end_index = end - text;
          if (*attrs == NULL)
            *attrs = pango_attr_list_new ();
          pango_attr_list_insert (*attrs, attr);
        }

      word = end;
      while (*word != '\0' && g_ascii_isspace (*word))
        word++;
    }
}

static Para *
para_new (ChorusPageLayout      *self,
          ChorusLayoutStyle      style,
          ChorusLayoutTextFlags  flags,
          const char            *marker,
          const char            *text,
          char                 **plain_out)
{
  Para *para;
  g_autofree char *plain = NULL;
  g_autofree char *collapsed = NULL;
  PangoAttrList *attrs = NULL;

  /* Typed text often has two spaces after a full stop; typeset text has
   * one. (Markup is ours: no run of spaces means anything in it.) */
  text = collapsed = collapse_spaces (text);

  if ((flags & CHORUS_LAYOUT_TEXT_MARKUP) != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *escaped = marker ? g_markup_escape_text (marker, -1) : NULL;
      g_autofree char *markup = escaped ? g_strconcat (escaped, "\t", text, NULL) : NULL;

      if (!pango_parse_markup (markup ? markup : text, -1, 0, &attrs, &plain, NULL, &error))
        {
          g_critical ("Invalid markup in a layout block: %s", error->message);
          return NULL;
        }
    }
  else
    {
      plain = marker ? g_strconcat (marker, "\t", text, NULL) : g_strdup (text);
    }

  mark_addresses (plain, &attrs);

  para = g_new0 (Para, 1);
  para->style = style;
  para->flags = flags;
  para->attrs = attrs;
  para->marker_len = marker ? (guint16) MIN (strlen (marker) + 1, G_MAXUINT16) : 0;
  if (plain_out != NULL)
    *plain_out = g_strdup (plain + para->marker_len);
  para->text = g_steal_pointer (&plain);

  return para;
}

static void
append_element (ChorusPageLayout *self,
                Element          *element)
{
  g_return_if_fail (!self->paginated);

  g_array_append_vals (self->elements, element, 1);
}

void
chorus_page_layout_add_text (ChorusPageLayout      *self,
                             ChorusLayoutStyle      style,
                             ChorusLayoutTextFlags  flags,
                             const char            *marker,
                             const char            *text,
                             const char            *anchor,
                             guint                  outline_level)
{
  g_autofree char *plain = NULL;
  Element element = { ELEMENT_PARA };
  Para *para;

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (style < CHORUS_LAYOUT_N_STYLES);
  g_return_if_fail (self->open_table == NULL);
  g_return_if_fail (outline_level == 0 || anchor != NULL);

  if (text == NULL || *text == '\0')
    return;

  para = para_new (self, style, flags, marker, text, &plain);
  if (para == NULL)
    return;
  para->anchor = g_strdup (anchor);
  para->outline_level = (guint8) MIN (outline_level, 8);
  element.para = para;
  append_element (self, &element);

  if (outline_level > 0)
    {
      OutlineEntry entry = { outline_level, outline_title (marker, plain), g_strdup (anchor) };

      g_array_append_val (self->outline, entry);
    }
}

void
chorus_page_layout_add_paragraph (ChorusPageLayout  *self,
                                  ChorusLayoutStyle  style,
                                  const char        *text)
{
  chorus_page_layout_add_text (self, style, CHORUS_LAYOUT_TEXT_NONE, NULL, text, NULL, 0);
}

void
chorus_page_layout_add_heading (ChorusPageLayout  *self,
                                ChorusLayoutStyle  style,
                                const char        *text,
                                const char        *anchor,
                                guint              outline_level)
{
  chorus_page_layout_add_text (self, style, CHORUS_LAYOUT_TEXT_NONE, NULL, text, anchor,
                               outline_level);
}

void
chorus_page_layout_add_bullet (ChorusPageLayout *self,
                               const char       *text)
{
  chorus_page_layout_add_text (self, CHORUS_LAYOUT_STYLE_BULLET, CHORUS_LAYOUT_TEXT_NONE, "•",
                               text, NULL, 0);
}

void
chorus_page_layout_add_toc_entry (ChorusPageLayout  *self,
                                  ChorusLayoutStyle  style,
                                  const char        *marker,
                                  const char        *text,
                                  const char        *anchor)
{
  Element *element;
  guint n_blocks = self->elements->len;

  g_return_if_fail (anchor != NULL);

  chorus_page_layout_add_text (self, style, CHORUS_LAYOUT_TEXT_NONE, marker, text, NULL, 0);
  if (self->elements->len == n_blocks)
    return;
  element = &g_array_index (self->elements, Element, self->elements->len - 1);
  if (element->kind == ELEMENT_PARA && element->para->link == NULL)
    element->para->link = g_strdup (anchor);
}

static void
add_space (ChorusPageLayout *self,
           ElementKind       kind,
           double            height)
{
  Element element = { kind };

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->open_table == NULL);

  element.space = MAX (height, 0);
  append_element (self, &element);
}

void
chorus_page_layout_add_space (ChorusPageLayout *self,
                              double            height)
{
  add_space (self, ELEMENT_SPACE, height);
}

void
chorus_page_layout_add_fixed_space (ChorusPageLayout *self,
                                    double            height)
{
  add_space (self, ELEMENT_FIXED_SPACE, height);
}

void
chorus_page_layout_add_bottom_align (ChorusPageLayout *self)
{
  add_space (self, ELEMENT_BOTTOM_ALIGN, 0);
}

void
chorus_page_layout_add_page_break (ChorusPageLayout *self)
{
  add_space (self, ELEMENT_PAGE_BREAK, 0);
}

void
chorus_page_layout_add_drawing (ChorusPageLayout     *self,
                                double                height,
                                ChorusLayoutDrawFunc  draw,
                                gpointer              user_data,
                                GDestroyNotify        destroy)
{
  Element element = { ELEMENT_DRAWING };

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (draw != NULL);
  g_return_if_fail (self->open_table == NULL);

  element.drawing = g_new0 (Drawing, 1);
  element.drawing->height = MAX (height, 1);
  element.drawing->draw = draw;
  element.drawing->user_data = user_data;
  element.drawing->destroy = destroy;
  append_element (self, &element);
}

void
chorus_page_layout_begin_table (ChorusPageLayout   *self,
                                guint               n_columns,
                                const double       *widths,
                                const char * const *headers)
{
  Table *table;
  double total = 0;

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->open_table == NULL);
  g_return_if_fail (n_columns > 0 && n_columns <= 32);
  g_return_if_fail (widths != NULL && headers != NULL);

  table = g_new0 (Table, 1);
  table->n_columns = n_columns;
  table->fractions = g_new (double, n_columns);
  table->x = g_new0 (double, n_columns);
  table->width = g_new0 (double, n_columns);
  table->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  table->header = cells_new (n_columns);

  for (guint c = 0; c < n_columns; c++)
    total += MAX (widths[c], 0.01);
  for (guint c = 0; c < n_columns; c++)
    {
      Para *para;

      table->fractions[c] = MAX (widths[c], 0.01) / total;
      if (headers[c] == NULL || *headers[c] == '\0')
        continue;
      para = para_new (self, CHORUS_LAYOUT_STYLE_TABLE_HEADER, CHORUS_LAYOUT_TEXT_NONE, NULL,
                       headers[c], NULL);
      g_ptr_array_add (table->header[c], para);
    }

  self->open_table = table;
}

void
chorus_page_layout_begin_row (ChorusPageLayout *self)
{
  Row row = { 0 };

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->open_table != NULL);

  row.cells = cells_new (self->open_table->n_columns);
  g_array_append_val (self->open_table->rows, row);
}

void
chorus_page_layout_add_cell_text (ChorusPageLayout      *self,
                                  guint                  column,
                                  ChorusLayoutStyle      style,
                                  ChorusLayoutTextFlags  flags,
                                  const char            *marker,
                                  const char            *text)
{
  Table *table;
  Row *row;
  Para *para;

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->open_table != NULL);
  g_return_if_fail (self->open_table->rows->len > 0);
  g_return_if_fail (column < self->open_table->n_columns);
  g_return_if_fail (style < CHORUS_LAYOUT_N_STYLES);

  if (text == NULL || *text == '\0')
    return;

  table = self->open_table;
  row = &g_array_index (table->rows, Row, table->rows->len - 1);
  para = para_new (self, style, flags, marker, text, NULL);
  if (para != NULL)
    g_ptr_array_add (row->cells[column], para);
}

void
chorus_page_layout_set_cell_continued (ChorusPageLayout *self,
                                       guint             column,
                                       const char       *text)
{
  Table *table;
  Row *row;

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->open_table != NULL);
  g_return_if_fail (self->open_table->rows->len > 0);
  g_return_if_fail (column < self->open_table->n_columns);

  table = self->open_table;
  row = &g_array_index (table->rows, Row, table->rows->len - 1);
  if (row->continued == NULL)
    row->continued = g_new0 (Para *, table->n_columns);
  g_clear_pointer (&row->continued[column], para_free);
  if (text != NULL && *text != '\0')
    row->continued[column] = para_new (self, CHORUS_LAYOUT_STYLE_TABLE_NOTE,
                                       CHORUS_LAYOUT_TEXT_NONE, NULL, text, NULL);
}

void
chorus_page_layout_end_table (ChorusPageLayout *self)
{
  Element element = { ELEMENT_TABLE };

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->open_table != NULL);

  element.table = g_steal_pointer (&self->open_table);
  append_element (self, &element);
}

/* Measuring ---------------------------------------------------------------- */

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

static double
para_text_width (const Para *para,
                 double      width)
{
  const StyleDef *style = &styles[para->style];

  if (para->balanced_width > 0)
    return para->balanced_width;

  width -= style->indent;
  if ((para->flags & CHORUS_LAYOUT_TEXT_CONTINUATION) != 0)
    width -= style->hanging;
  if (para->link != NULL)
    width -= TOC_NUMBER_WIDTH;

  return MAX (width, 12);
}

static double
para_text_x (const Para *para)
{
  const StyleDef *style = &styles[para->style];
  double x = style->indent;

  if ((para->flags & CHORUS_LAYOUT_TEXT_CONTINUATION) != 0)
    x += style->hanging;

  return x;
}

static void
add_colour_attr (PangoAttrList *attrs,
                 guint32        colour,
                 guint          start,
                 guint          end)
{
  PangoAttribute *attr = pango_attr_foreground_new ((guint16) (((colour >> 16) & 0xff) * 257),
                                                    (guint16) (((colour >> 8) & 0xff) * 257),
                                                    (guint16) ((colour & 0xff) * 257));

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

/* Sets the shared PangoLayout up for @para at @width (the width of the
 * column it sits in). Measuring and drawing both come through here, so the
 * lines always break at the same places. */
static PangoLayout *
prepare_layout (ChorusPageLayout *self,
                const Para       *para,
                double            width)
{
  const StyleDef *style = &styles[para->style];
  PangoLayout *layout = self->layout;
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(PangoTabArray) tabs = NULL;

  pango_layout_set_font_description (layout, self->fonts[para->style]);
  pango_layout_set_width (layout, (int) (para_text_width (para, width) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->alignment);
  pango_layout_set_line_spacing (layout, 0);

  if (para->marker_len > 0)
    {
      double hanging = MAX (style->hanging, 8);

      /* The marker hangs: the first line starts at the marker, the text
       * after the tab and every further line at the hanging indent. */
      pango_layout_set_indent (layout, (int) (-hanging * PANGO_SCALE));
      tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT,
                                                 (int) (hanging * PANGO_SCALE));
    }
  else
    {
      pango_layout_set_indent (layout, 0);
    }
  pango_layout_set_tabs (layout, tabs);

  attrs = para->attrs ? pango_attr_list_copy (para->attrs) : pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_line_height_new_absolute ((int) (style->line_height *
                                                                             PANGO_SCALE)));
  if (para->marker_len > 0)
    {
      add_colour_attr (attrs, style->marker_colour, 0, para->marker_len);
      if (style->marker_bold)
        {
          PangoAttribute *attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);

          attr->start_index = 0;
          attr->end_index = para->marker_len;
          pango_attr_list_insert (attrs, attr);
        }
    }
  /* Pango breaks inside a word only when the word is wider than the line
   * (a URL in a narrow column) or at a soft hyphen; a hyphen there helps
   * the reader in running text, but would corrupt an address or a
   * heading. */
  if (!style->hyphenate || (para->flags & CHORUS_LAYOUT_TEXT_NO_HYPHENS) != 0)
    pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));

  pango_layout_set_text (layout, para->text, -1);
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

/* Line heights are absolute (a line-height attribute), so every line has
 * the same box with half the leading above its text and half below, and
 * lines of consecutive paragraphs keep the rhythm of the lines inside
 * one. */
/* The narrowest width at which a balanced paragraph keeps its number of
 * lines: the lines come out of about equal length, and a title does not
 * end on one short word. */
static void
balance_para (ChorusPageLayout *self,
              Para             *para,
              double            width)
{
  double full;
  double low;
  double high;
  int n_lines;

  para->balanced_width = 0;
  full = para_text_width (para, width);
  n_lines = pango_layout_get_line_count (prepare_layout (self, para, width));
  if (n_lines < 2)
    return;

  low = full / 2;
  high = full;
  while (high - low > 2)
    {
      para->balanced_width = (float) ((low + high) / 2);
      if (pango_layout_get_line_count (prepare_layout (self, para, width)) > n_lines)
        low = para->balanced_width;
      else
        high = para->balanced_width;
    }
  para->balanced_width = (float) high;
}

static void
measure_para (ChorusPageLayout *self,
              Para             *para,
              double            width)
{
  PangoLayout *layout;

  if (styles[para->style].balance)
    balance_para (self, para, width);
  layout = prepare_layout (self, para, width);
  PangoLayoutIter *iter;
  guint n_lines = (guint) pango_layout_get_line_count (layout);
  guint i = 0;
  int last_bottom = 0;

  g_free (para->metrics);
  para->n_lines = n_lines;
  para->metrics = g_new0 (float, 2 * n_lines + 1);

  iter = pango_layout_get_iter (layout);
  do
    {
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      para_tops (para)[i] = (float) y0 / PANGO_SCALE;
      para_baselines (para)[i] = (float) (pango_layout_iter_get_baseline (iter) - y0) / PANGO_SCALE;
      last_bottom = y1;
      i++;
    }
  while (i < n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  para_tops (para)[n_lines] = (float) last_bottom / PANGO_SCALE;
}

static double
measure_cells (ChorusPageLayout  *self,
               Table             *table,
               GPtrArray        **cells);

/* The space between two paragraphs of a flow: collapsed, and none before a
 * continuation line. */
static double
gap_between (double      previous_after,
             const Para *next)
{
  if ((next->flags & CHORUS_LAYOUT_TEXT_CONTINUATION) != 0)
    return 0;

  return MAX (previous_after, styles[next->style].space_before);
}

/* Height of a flow of paragraphs from @from to @to (exclusive). */
static double
flow_height (GPtrArray *paras,
             Pos        from,
             Pos        to)
{
  double height = 0;
  double previous_after = -1;

  for (guint p = from.para; p < paras->len && (p < to.para || (p == to.para && to.line > 0)); p++)
    {
      const Para *para = g_ptr_array_index (paras, p);
      guint l0 = p == from.para ? from.line : 0;
      guint l1 = p == to.para ? to.line : para->n_lines;

      if (l1 <= l0)
        continue;
      if (previous_after >= 0 && l0 == 0)
        height += gap_between (previous_after, para);
      height += para_tops (para)[l1] - para_tops (para)[l0];
      previous_after = styles[para->style].space_after;
    }

  return height;
}

static inline Pos
flow_end (GPtrArray *paras)
{
  Pos end = { paras->len, 0 };

  return end;
}

static double
measure_cells (ChorusPageLayout  *self,
               Table             *table,
               GPtrArray        **cells)
{
  Pos start = { 0, 0 };
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      for (guint p = 0; p < cells[c]->len; p++)
        measure_para (self, g_ptr_array_index (cells[c], p), table->width[c] - 2 * CELL_PAD_X);
      height = MAX (height, flow_height (cells[c], start, flow_end (cells[c])));
    }

  return CELL_PAD_TOP + height + CELL_PAD_BOTTOM;
}

static void
measure_table (ChorusPageLayout *self,
               Table            *table,
               double            width)
{
  double x = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      table->x[c] = x;
      table->width[c] = table->fractions[c] * width;
      x += table->width[c];
    }

  table->header_height = (float) measure_cells (self, table, table->header);
  for (guint r = 0; r < table->rows->len; r++)
    {
      Row *row = &g_array_index (table->rows, Row, r);

      row->height = (float) measure_cells (self, table, row->cells);
      for (guint c = 0; row->continued != NULL && c < table->n_columns; c++)
        if (row->continued[c] != NULL)
          measure_para (self, row->continued[c], table->width[c] - 2 * CELL_PAD_X);
    }
}

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

  if (!styles[para->style].keep_together && !para_keeps_with_next (para))
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

  if (styles[para->style].keep_together || para_keeps_with_next (para) || n <= 3)
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
      previous_after = styles[para->style].space_after;
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
                        gap_between (styles[para->style].space_after, next_para) +
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
      previous_after = styles[para->style].space_after;
    }

  *to = pos;
  return height;
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

/* Whether cell @column of a row that continues from the page before has
 * nothing of its own to show here, and shows its "continued" text. */
static gboolean
shows_continued (const Fragment *fragment,
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
static double
fragment_row_height (const Table    *table,
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

      height = MAX (height, flow_height (row->cells[c], start, end));
      if (shows_continued (fragment, row, row_index, c))
        height = MAX (height, para_height (row->continued[c]));
    }

  return CELL_PAD_TOP + height + CELL_PAD_BOTTOM;
}

static double
row_min_start (const Table *table,
               guint        row_index)
{
  const Row *row = &g_array_index (table->rows, Row, row_index);
  Pos start = { 0, 0 };
  double height = 0;

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
             : styles[element->para->style].space_before;
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
                     MAX (styles[para->style].space_after, element_space_before (next)) +
                     element_min_start (self, index + 1, depth + 1);
          }
        return para_min_start (para);
      }
    case ELEMENT_TABLE:
      {
        const Table *table = element->table;

        return table->header_height + (table->rows->len > 0 ? row_min_start (table, 0) : 0);
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
      double gap = line == 0 ? gap_before (pg, element) : 0;
      double room = body_bottom (pg) - pg->y - gap;
      guint k = para_fit (para, line, room, at_page_top (pg));
      double height;

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
      pg->previous_after = styles[para->style].space_after;
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
      height = fragment_row_height (table, fragment, row_index);
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
       * a question without the start of its answer beside it is no use. */
      progress = TRUE;
      for (guint c = 0; c < table->n_columns; c++)
        {
          Pos start = resume ? resume[c] : (Pos) { 0, 0 };

          flow_fill (row->cells[c], start, room, force, &end[c]);
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
          fragment->height += (float) fragment_row_height (table, fragment, row_index);
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
      previous_after = styles[element->para->style].space_after;
    }

  return height;
}

static gboolean
check_cancelled (GCancellable  *cancellable,
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
          if (check_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (0.5 * i / n, progress_data);
        }

      if (element->kind == ELEMENT_PARA)
        measure_para (self, element->para, pg.body.width);
      else if (element->kind == ELEMENT_TABLE)
        measure_table (self, element->table, pg.body.width);
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
          if (check_cancelled (cancellable, error))
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

static void
ensure_paginated (ChorusPageLayout *self)
{
  if (!self->paginated)
    chorus_page_layout_paginate (self, NULL, NULL, NULL, NULL);
}

guint
chorus_page_layout_get_n_pages (ChorusPageLayout *self)
{
  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), 0);

  ensure_paginated (self);
  return self->pages->len - 1;
}

int
chorus_page_layout_get_anchor_page (ChorusPageLayout *self,
                                    const char       *anchor)
{
  AnchorPlace *place;

  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), -1);

  ensure_paginated (self);
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

  ensure_paginated (self);
  for (guint f = 0; f < self->fragments->len; f++)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, f);

      if (fragment->element != block)
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

  ensure_paginated (self);
  for (guint f = 0; f < self->fragments->len; f++)
    if (g_array_index (self->fragments, Fragment, f).element == block)
      count++;

  return count;
}

GArray *
chorus_page_layout_get_block_lines (ChorusPageLayout *self,
                                    guint             block)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), lines);

  ensure_paginated (self);
  for (guint f = 0; f < self->fragments->len; f++)
    {
      const Fragment *fragment = &g_array_index (self->fragments, Fragment, f);
      guint n;

      if (fragment->element != block ||
          g_array_index (self->elements, Element, block).kind != ELEMENT_PARA)
        continue;
      n = fragment->last - fragment->first;
      g_array_append_val (lines, n);
    }

  return lines;
}

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
  PangoLayout *layout = prepare_layout (self, para, width);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double text_x = x + para_text_x (para);
  guint i = 0;

  g_warn_if_fail ((guint) pango_layout_get_line_count (layout) == para->n_lines);

  set_source_colour (cr, styles[para->style].colour);
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
      layout = prepare_layout (self, para, width);
      line = pango_layout_get_line_readonly (layout, pango_layout_get_line_count (layout) - 1);
      pango_layout_line_get_extents (line, NULL, &logical);
      text_end = x + para_text_x (para) + (double) (logical.x + logical.width) / PANGO_SCALE;
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

      set_source_colour (cr, styles[para->style].colour);
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
      previous_after = styles[para->style].space_after;
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
      double height = fragment_row_height (table, fragment, r);
      gboolean last_row = r + 1 == fragment->last;

      for (guint c = 0; c < table->n_columns; c++)
        {
          if (shows_continued (fragment, row, r, c))
            draw_para_lines (self, cr, row->continued[c], x + table->x[c] + CELL_PAD_X,
                             y + CELL_PAD_TOP, table->width[c] - 2 * CELL_PAD_X, 0,
                             row->continued[c]->n_lines);
          draw_flow (self, cr, row->cells[c], cell_start (fragment, r, c),
                     cell_end (fragment, r, c, row->cells[c]),
                     x + table->x[c] + CELL_PAD_X, y + CELL_PAD_TOP,
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

  return element->kind == ELEMENT_PARA && styles[element->para->style].rule;
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

      if (fragment_has_rule (self, previous) && previous->element + 1 == fragment->element)
        top = previous->y + previous->height;
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

  ensure_paginated (self);
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
          if (styles[element->para->style].rule)
            draw_quote_rule (self, cr, page, f, body.x);
          if (element->para->link != NULL)
            draw_toc_entry (self, cr, element->para, body.x, fragment->y, body.width,
                            fragment->first, fragment->last);
          else
            draw_para_lines (self, cr, element->para, body.x, fragment->y, body.width,
                             fragment->first, fragment->last);
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
          if (check_cancelled (cancellable, error))
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
