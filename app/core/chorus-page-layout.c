/* chorus-page-layout.c — the layout engine: adding blocks and measuring
 *
 * Three stages. Adding blocks only records them (here). Pagination
 * (chorus-page-layout-paginate.c) measures each paragraph with Pango at the
 * width it will have, keeps its line tops and baselines (not the
 * PangoLayout, which would cost kilobytes per paragraph), and cuts the
 * blocks into fragments page by page. Drawing a page
 * (chorus-page-layout-draw.c) lays its paragraphs out again with the same
 * context and width, so the lines come out identical, and draws the lines
 * of each fragment.
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

#include <glib/gi18n-lib.h>

#include "chorus-page-layout-private.h"

/* The type scale: body 10.5 pt on 14.5 pt lines; headings step up by
 * roughly a fourth (11, 13.5, 19) and, set in the sans, differ from the
 * text by face as well as size. Space above a heading is about twice the
 * space below it, so a heading belongs to what follows. */
const StyleDef _chorus_page_layout_styles[CHORUS_LAYOUT_N_STYLES] = {
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
  /* The hanging column holds "Q99" in the sans bold (about 21 pt) and a
   * gap: at 23 pt "Q10" ran into the question it numbers. */
  [CHORUS_LAYOUT_STYLE_TABLE_CELL] = {
    SERIF " 9.5", 12.5, COLOUR_TEXT, COLOUR_ACCENT, 0, 3, 0, 28, PANGO_ALIGN_LEFT,
    TRUE, FALSE, FALSE, TRUE, FALSE, FALSE, TRUE },
  /* The cells' own face and size in bold, so a row's first column ("Staff",
   * "Online staff survey") reads as part of the table rather than as the
   * header row's sans; its continuation on a later page is the same in grey. */
  [CHORUS_LAYOUT_STYLE_TABLE_STRONG] = {
    SERIF " Bold 9.5", 12.5, COLOUR_TEXT, COLOUR_ACCENT, 0, 3, 0, 0, PANGO_ALIGN_LEFT,
    TRUE, FALSE, FALSE, TRUE },
  [CHORUS_LAYOUT_STYLE_TABLE_STRONG_CONTINUED] = {
    SERIF " Bold 9.5", 12.5, COLOUR_MUTED, COLOUR_MUTED, 0, 3, 0, 0, PANGO_ALIGN_LEFT,
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
  para_free (para->repeat);
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
    self->fonts[i] = pango_font_description_from_string (layout_style (i)->font);
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

#define NBSP "\302\240"

static gsize
space_len (const char *p)
{
  if (*p == ' ')
    return 1;
  if (g_str_has_prefix (p, NBSP))
    return 2;
  return 0;
}

/* A run of spaces becomes one. A no-break space typed next to a space
 * ("end.\u00a0 Next") belongs to the run too: the plain space lets the
 * line break there anyway, so the run becomes one plain space. A run of
 * no-break spaces alone is left as typed. */
static char *
collapse_spaces (const char *text)
{
  char *copy = g_strdup (text);
  char *out = copy;
  const char *p = text;

  while (*p != '\0')
    {
      const char *end = p;
      gboolean plain = FALSE;
      gsize len;

      while ((len = space_len (end)) > 0)
        {
          plain |= len == 1;
          end += len;
        }

      if (end == p)
        {
          *out++ = *p++;
        }
      else if (plain)
        {
          *out++ = ' ';
          p = end;
        }
      else
        {
          memcpy (out, p, end - p);
          out += end - p;
          p = end;
        }
    }
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

  /* A balanced heading may break anywhere its lines come out even, and
   * that can be before a dash, which then starts a line ("Transparency in
   * outcomes / – a framework"): the dash stays with the word before it. */
  if (layout_style (style)->balance)
    {
      g_autoptr(GString) bound = g_string_new (text);

      g_string_replace (bound, " –", NBSP "–", 0);
      g_string_replace (bound, " —", NBSP "—", 0);
      g_free (collapsed);
      text = collapsed = g_string_free (g_steal_pointer (&bound), FALSE);
    }

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
chorus_page_layout_set_repeat (ChorusPageLayout *self,
                               const char       *text)
{
  Element *element;

  g_return_if_fail (CHORUS_IS_PAGE_LAYOUT (self));
  g_return_if_fail (self->open_table == NULL);
  g_return_if_fail (self->elements->len > 0);

  element = &g_array_index (self->elements, Element, self->elements->len - 1);
  g_return_if_fail (element->kind == ELEMENT_PARA);

  g_clear_pointer (&element->para->repeat, para_free);
  if (text != NULL && *text != '\0')
    element->para->repeat = para_new (self, element->para->style, CHORUS_LAYOUT_TEXT_NONE, NULL,
                                      text, NULL);
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

/* The row being added to, for a call adding to its cell @column. */
static Row *
open_row (ChorusPageLayout *self,
          guint             column)
{
  g_return_val_if_fail (CHORUS_IS_PAGE_LAYOUT (self), NULL);
  g_return_val_if_fail (self->open_table != NULL, NULL);
  g_return_val_if_fail (self->open_table->rows->len > 0, NULL);
  g_return_val_if_fail (column < self->open_table->n_columns, NULL);

  return &g_array_index (self->open_table->rows, Row, self->open_table->rows->len - 1);
}

void
chorus_page_layout_add_cell_text (ChorusPageLayout      *self,
                                  guint                  column,
                                  ChorusLayoutStyle      style,
                                  ChorusLayoutTextFlags  flags,
                                  const char            *marker,
                                  const char            *text)
{
  Row *row = open_row (self, column);
  Para *para;

  /* open_row() has said what is wrong. */
  if (row == NULL)
    return;
  g_return_if_fail (style < CHORUS_LAYOUT_N_STYLES);

  if (text == NULL || *text == '\0')
    return;

  para = para_new (self, style, flags, marker, text, NULL);
  if (para != NULL)
    g_ptr_array_add (row->cells[column], para);
}

void
chorus_page_layout_set_cell_continued (ChorusPageLayout *self,
                                       guint             column,
                                       ChorusLayoutStyle style,
                                       const char       *text)
{
  Row *row = open_row (self, column);

  g_return_if_fail (style < CHORUS_LAYOUT_N_STYLES);

  /* open_row() has said what is wrong. */
  if (row == NULL)
    return;

  if (row->continued == NULL)
    row->continued = g_new0 (Para *, self->open_table->n_columns);
  g_clear_pointer (&row->continued[column], para_free);
  if (text != NULL && *text != '\0')
    row->continued[column] = para_new (self, style, CHORUS_LAYOUT_TEXT_NONE, NULL, text, NULL);
}

void
chorus_page_layout_set_cell_repeat (ChorusPageLayout *self,
                                    guint             column,
                                    const char       *text)
{
  Row *row = open_row (self, column);
  Para *heading;

  /* open_row() has said what is wrong. */
  if (row == NULL)
    return;
  g_return_if_fail (row->cells[column]->len > 0);

  heading = g_ptr_array_index (row->cells[column], row->cells[column]->len - 1);
  g_clear_pointer (&heading->repeat, para_free);
  if (text != NULL && *text != '\0')
    heading->repeat = para_new (self, heading->style, CHORUS_LAYOUT_TEXT_NONE, NULL, text, NULL);
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

static double
para_text_width (const Para *para,
                 double      width)
{
  const StyleDef *style = layout_style (para->style);

  if (para->balanced_width > 0)
    return para->balanced_width;

  width -= style->indent;
  if ((para->flags & CHORUS_LAYOUT_TEXT_CONTINUATION) != 0)
    width -= style->hanging;
  if (para->link != NULL)
    width -= TOC_NUMBER_WIDTH;

  return MAX (width, 12);
}

double
_chorus_page_layout_para_text_x (const Para *para)
{
  const StyleDef *style = layout_style (para->style);
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
PangoLayout *
_chorus_page_layout_prepare_layout (ChorusPageLayout *self,
                const Para       *para,
                double            width)
{
  const StyleDef *style = layout_style (para->style);
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
      if (style->marker_sans)
        {
          PangoAttribute *attr = pango_attr_family_new (SANS);

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
  n_lines = pango_layout_get_line_count (_chorus_page_layout_prepare_layout (self, para, width));
  if (n_lines < 2)
    return;

  low = full / 2;
  high = full;
  while (high - low > 2)
    {
      para->balanced_width = (float) ((low + high) / 2);
      if (pango_layout_get_line_count (_chorus_page_layout_prepare_layout (self, para, width)) > n_lines)
        low = para->balanced_width;
      else
        high = para->balanced_width;
    }
  para->balanced_width = (float) high;
}

void
_chorus_page_layout_measure_para (ChorusPageLayout *self,
              Para             *para,
              double            width)
{
  PangoLayout *layout;

  if (layout_style (para->style)->balance)
    balance_para (self, para, width);
  layout = _chorus_page_layout_prepare_layout (self, para, width);
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

/* Height of a flow of paragraphs from @from to @to (exclusive). */
double
_chorus_page_layout_flow_height (GPtrArray *paras,
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
      previous_after = layout_style (para->style)->space_after;
    }

  return height;
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
        {
          Para *para = g_ptr_array_index (cells[c], p);

          _chorus_page_layout_measure_para (self, para, table->width[c] - 2 * CELL_PAD_X);
          if (para->repeat != NULL)
            _chorus_page_layout_measure_para (self, para->repeat,
                                              table->width[c] - 2 * CELL_PAD_X);
        }
      height = MAX (height, _chorus_page_layout_flow_height (cells[c], start, flow_end (cells[c])));
    }

  return CELL_PAD_TOP + height + CELL_PAD_BOTTOM;
}

void
_chorus_page_layout_measure_table (ChorusPageLayout *self,
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
          _chorus_page_layout_measure_para (self, row->continued[c], table->width[c] - 2 * CELL_PAD_X);
    }
}
