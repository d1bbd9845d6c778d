/* test-export.c — the submission PDF, XML and CSV, and the page layout
 * engine under them
 *
 * The PDF is checked from the outside, with poppler's tools, the way a
 * reader (or the department) sees it: the text in order, the metadata, where
 * every word sits on its page, and whether the contents tell the truth. The
 * engine is checked on plain blocks, without a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <chorus.h>

#include "chorus-export-private.h"
#include "chorus-page-layout.h"

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890

static GDateTime *fixed_date;

/* Helpers ------------------------------------------------------------------- */

static void
options_init (ChorusExportOptions *options)
{
  chorus_export_options_init (options);
  options->date = fixed_date;
}

static char *
source_path (const char *first,
             ...)
{
  const char *root = g_getenv ("CHORUS_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static ChorusProject *
load_project (const char *relative)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("CHORUS_SOURCE_ROOT"), relative, NULL);
  ChorusProject *project = chorus_project_load_file (path, &error);

  g_assert_no_error (error);
  return project;
}

static ChorusProject *
load_example (void)
{
  return load_project ("resources/examples/trafford-staff-response.chorus");
}

static ChorusProject *
load_tricky (void)
{
  return load_project ("tests/data/export/tricky.chorus");
}

/* The tool's full path, or NULL with the test skipped. */
static char *
find_tool (const char *name)
{
  char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
    }

  return path;
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("chorus-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;

  return n;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Text with every white space character taken out: what is left can be
 * compared across line breaks, page breaks and justification. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00AD)
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Finds @needle in @haystack at or after *@cursor, allowing it to be
 * interrupted once (a page break puts the running header, the footer, a
 * repeated table header and the cells' "(continued)" lines in the middle of
 * a paragraph). Moves the cursor past the earliest place it ends: the same
 * text may come again later, whole (an item given under two questions), and
 * that is not where the reader meets it first. */
static gboolean
find_in_order (const char *haystack,
               const char *needle,
               gsize      *cursor)
{
  gsize length = strlen (needle);
  const char *found;
  gsize best = G_MAXSIZE;

  if (length == 0)
    return TRUE;

  found = strstr (haystack + *cursor, needle);
  if (found != NULL)
    best = (found - haystack) + length;

  for (gsize split = 1; split < length; split++)
    {
      g_autofree char *head = g_strndup (needle, split);
      const char *first = strstr (haystack + *cursor, head);
      const char *second;

      if (first == NULL || (gsize) (first - haystack) + length >= best)
        continue;
      /* The interruption is a page's header and footer, not pages of text. */
      second = g_strstr_len (first + split, 2000 + (length - split), needle + split);
      if (second != NULL)
        best = MIN (best, (gsize) (second - haystack) + (length - split));
    }

  if (best == G_MAXSIZE)
    return FALSE;
  *cursor = best;
  return TRUE;
}

/* The pieces of a text as the PDF shows them: line by line, list markers
 * people typed replaced by the PDF's own. */
static GPtrArray *
text_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) split = g_strsplit (text ? text : "", "\n", -1);

  for (guint i = 0; split[i] != NULL; i++)
    {
      char *line = g_strstrip (split[i]);

      if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "• "))
        line = strchr (line, ' ') + 1;
      if (*line != '\0')
        g_ptr_array_add (lines, squeeze (line));
    }

  return lines;
}

static void
assert_text_in_order (const char *haystack,
                      const char *text,
                      gsize      *cursor)
{
  g_autoptr(GPtrArray) lines = text_lines (text);

  for (guint i = 0; i < lines->len; i++)
    if (!find_in_order (haystack, g_ptr_array_index (lines, i), cursor))
      g_error ("“%s” is not in the PDF where it should be (after offset %" G_GSIZE_FORMAT ")",
               (char *) g_ptr_array_index (lines, i), *cursor);
}

/* The example, exported once --------------------------------------------------- */

typedef struct
{
  char             *dir;
  char             *pdf;
  ChorusPageLayout *layout;
} ExamplePdf;

static ExamplePdf example;

static const ExamplePdf *
get_example_pdf (void)
{
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  ChorusExportOptions options;

  if (example.pdf != NULL)
    return &example;

  project = load_example ();
  options_init (&options);
  example.dir = make_temp_dir ();
  example.pdf = g_build_filename (example.dir, "response.pdf", NULL);
  g_assert_true (chorus_export_pdf (project, example.pdf, &options, &error));
  g_assert_no_error (error);

  /* The same layout, for the page numbers the engine meant. */
  example.layout = chorus_export_layout_new (project, &options, 0, 0, &error);
  g_assert_no_error (error);

  return &example;
}

static void
example_clear (void)
{
  if (example.dir != NULL)
    remove_dir (example.dir);
  g_clear_pointer (&example.dir, g_free);
  g_clear_pointer (&example.pdf, g_free);
  g_clear_object (&example.layout);
}

static char *
pdf_text (const char *pdf,
          int         first_page,
          int         last_page,
          const char *mode)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_autofree char *first = g_strdup_printf ("%d", first_page);
  g_autofree char *last = g_strdup_printf ("%d", last_page);
  const char *argv[] = { tool, "-enc", "UTF-8", mode, "-f", first, "-l", last, pdf, "-", NULL };

  if (first_page <= 0)
    {
      const char *all[] = { tool, "-enc", "UTF-8", mode, pdf, "-", NULL };

      return run_tool (all);
    }

  return run_tool (argv);
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = find_tool ("pdftotext");
  g_autofree char *pdfinfo = NULL;

  if (pdftotext == NULL)
    return FALSE;
  pdfinfo = find_tool ("pdfinfo");
  return pdfinfo != NULL;
}

/* Layout engine ----------------------------------------------------------------- */

static const char *words =
  "Consultation responses gather what staff and partners said about each question, "
  "and the organisation’s answer draws on them; this sentence is long enough to wrap "
  "several times at the width of a page of body text set in a book face. ";

static char *
paragraph_of (guint n_sentences)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_sentences; i++)
    g_string_append (text, words);

  return g_strstrip (g_string_free (text, FALSE));
}

/* The text of @layout as pdftotext reads it in @mode, or NULL with the
 * test skipped when poppler's tools are missing. */
static char *
layout_text (ChorusPageLayout *layout,
             const char       *mode)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  char *text;

  if (!have_poppler ())
    return NULL;

  dir = make_temp_dir ();
  path = g_build_filename (dir, "layout.pdf", NULL);
  surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  g_assert_true (chorus_page_layout_write_pdf (layout, surface, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  text = pdf_text (path, 0, 0, mode);
  remove_dir (dir);

  return text;
}

/* The text of @layout page by page (pdftotext -raw), or NULL with the test
 * skipped; pdftotext ends every page with a form feed, so the last piece is
 * empty and @n_pages counts the others. */
static GStrv
layout_pages (ChorusPageLayout *layout,
              guint            *n_pages)
{
  g_autofree char *text = layout_text (layout, "-raw");
  GStrv pages;

  if (text == NULL)
    return NULL;

  pages = g_strsplit (text, "\f", -1);
  *n_pages = g_strv_length (pages) - 1;
  return pages;
}

/* A balanced heading does not start a line with a dash: it stays with the
 * word before it ("Transparency in outcomes – / a framework"). */
static void
test_layout_heading_dash (void)
{
  g_autoptr(ChorusPageLayout) layout = chorus_page_layout_new (A4_WIDTH, A4_HEIGHT);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_dashes = 0;

  /* Titles from the example and others long enough to need two lines. */
  chorus_page_layout_add_heading (layout, CHORUS_LAYOUT_STYLE_HEADING_1,
                                  "Transparency in outcomes – a framework for the NHS", "a", 1);
  chorus_page_layout_add_heading (layout, CHORUS_LAYOUT_STYLE_HEADING_1,
                                  "Local democratic legitimacy in health – a consultation",
                                  "b", 1);
  chorus_page_layout_add_heading (layout, CHORUS_LAYOUT_STYLE_TITLE,
                                  "Commissioning for patients — what it means for us", "c", 1);
  text = layout_text (layout, "-raw");
  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strchug (lines[i]);

      if (g_str_has_prefix (line, "–") || g_str_has_prefix (line, "—"))
        g_error ("A heading line starts with a dash: “%s”", line);
      if (strstr (line, "–") != NULL || strstr (line, "—") != NULL)
        n_dashes++;
    }
  g_assert_cmpuint (n_dashes, ==, 3);
}

/* A question in a table row is not split across pages: its second half
 * would stand at the top of the next page without its number. The row
 * still splits, in its other cells. */
static void
test_layout_question_kept_together (void)
{
  g_autoptr(ChorusPageLayout) layout = chorus_page_layout_new (A4_WIDTH, A4_HEIGHT);
  static const double widths[] = { 0.25, 0.75 };
  const char *headers[] = { "Question", "Responses" };
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages_with_rows = 0;

  chorus_page_layout_begin_table (layout, 2, widths, headers);
  for (guint r = 0; r < 12; r++)
    {
      g_autofree char *number = g_strdup_printf ("Q%u", r + 1);
      g_autofree char *question =
        g_strdup_printf ("Question%u asks how the board should consult the people who use "
                         "services, how it should report what it heard, and who should be "
                         "accountable for what follows from it.", r + 1);

      chorus_page_layout_begin_row (layout);
      chorus_page_layout_add_cell_text (layout, 0, CHORUS_LAYOUT_STYLE_TABLE_CELL,
                                        CHORUS_LAYOUT_TEXT_KEEP_TOGETHER, number, question);
      chorus_page_layout_set_cell_continued (layout, 0, CHORUS_LAYOUT_STYLE_TABLE_NOTE,
                                             "(continued)");
      for (guint i = 0; i < 4 + (r * 7) % 13; i++)
        chorus_page_layout_add_cell_text (layout, 1, CHORUS_LAYOUT_STYLE_TABLE_BULLET, 0, "•",
                                          words);
    }
  chorus_page_layout_end_table (layout);

  text = layout_text (layout, "-raw");
  if (text == NULL)
    return;

  pages = g_strsplit (text, "\f", -1);
  for (guint r = 0; r < 12; r++)
    {
      g_autofree char *start = g_strdup_printf ("Question%uasks", r + 1);
      guint found = 0;

      for (guint p = 0; pages[p] != NULL; p++)
        {
          g_autofree char *page = squeeze (pages[p]);

          if (strstr (page, start) == NULL)
            continue;
          found++;
          if (strstr (page, "accountableforwhatfollowsfromit.") == NULL)
            g_error ("%s… is split at the end of page %u", start, p + 1);
        }
      g_assert_cmpuint (found, ==, 1);
    }

  for (guint p = 0; pages[p] != NULL; p++)
    n_pages_with_rows += strstr (pages[p], "Question") != NULL;
  g_assert_cmpuint (n_pages_with_rows, >, 2);
}

/* A cell that continues on a new page below a sub-heading repeats it there
 * ("Survey responses (continued)"), above its first line on that page and
 * clear of it; a cell resuming at a sub-heading shows just that. */
static void
test_layout_subheading_repeats (void)
{
  g_autoptr(ChorusPageLayout) layout = chorus_page_layout_new (A4_WIDTH, A4_HEIGHT);
  static const double widths[] = { 0.3, 0.7 };
  const char *headers[] = { "Question", "Responses" };
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;

  chorus_page_layout_begin_table (layout, 2, widths, headers);
  chorus_page_layout_begin_row (layout);
  chorus_page_layout_add_cell_text (layout, 0, CHORUS_LAYOUT_STYLE_TABLE_CELL, 0, "Q1",
                                    "One question with a great deal of input");
  chorus_page_layout_set_cell_continued (layout, 0, CHORUS_LAYOUT_STYLE_TABLE_NOTE,
                                         "Q1 (continued)");
  chorus_page_layout_add_cell_text (layout, 1, CHORUS_LAYOUT_STYLE_TABLE_SUBHEADING, 0, NULL,
                                    "Survey responses");
  chorus_page_layout_set_cell_repeat (layout, 1, "Survey responses (continued)");
  for (guint i = 0; i < 40; i++)
    chorus_page_layout_add_cell_text (layout, 1, CHORUS_LAYOUT_STYLE_TABLE_BULLET, 0, "•", words);
  chorus_page_layout_end_table (layout);

  pages = layout_pages (layout, &n_pages);
  if (pages == NULL)
    return;

  g_assert_cmpuint (n_pages, >=, 3);
  g_assert_null (strstr (pages[0], "(continued)"));
  for (guint p = 1; p < n_pages; p++)
    {
      const char *repeat = strstr (pages[p], "Survey responses (continued)");
      const char *bullet = strstr (pages[p], "•");

      g_assert_nonnull (repeat);
      g_assert_nonnull (bullet);
      g_assert_true (repeat < bullet);
      g_assert_nonnull (strstr (pages[p], "Q1 (continued)"));
    }
}

/* A partner's quoted response running onto new pages is still said to be
 * theirs at the top of each; what follows the quote is not. */
static void
test_layout_quote_label_repeats (void)
{
  g_autoptr(ChorusPageLayout) layout = chorus_page_layout_new (A4_WIDTH, A4_HEIGHT);
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;

  chorus_page_layout_add_heading (layout, CHORUS_LAYOUT_STYLE_QUOTE_LABEL,
                                  "Response from Trafford Council", NULL, 0);
  chorus_page_layout_set_repeat (layout, "Response from Trafford Council (continued)");
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *paragraph = paragraph_of (1 + i % 3);

      chorus_page_layout_add_paragraph (layout, CHORUS_LAYOUT_STYLE_QUOTE, paragraph);
    }
  chorus_page_layout_add_page_break (layout);
  chorus_page_layout_add_paragraph (layout, CHORUS_LAYOUT_STYLE_BODY, "After the quote.");

  pages = layout_pages (layout, &n_pages);
  if (pages == NULL)
    return;

  g_assert_cmpuint (n_pages, >=, 4);
  g_assert_null (strstr (pages[0], "(continued)"));
  /* First on the page after its footer (drawn first). */
  for (guint p = 1; p + 1 < n_pages; p++)
    {
      const char *body = strchr (pages[p], '\n');

      g_assert_true (g_str_has_prefix (pages[p], "Page "));
      g_assert_true (g_str_has_prefix (body + 1, "Response from Trafford Council (continued)"));
    }
  g_assert_nonnull (strstr (pages[n_pages - 1], "After the quote."));
  g_assert_null (strstr (pages[n_pages - 1], "(continued)"));
}

static void
test_layout_table_header_repeats (void)
{
  g_autoptr(ChorusPageLayout) layout = chorus_page_layout_new (A4_WIDTH, A4_HEIGHT);
  static const double widths[] = { 0.2, 0.3, 0.5 };
  const char *headers[] = { "Group", "Question", "Summary response" };
  cairo_surface_t *surface;
  guint block;
  int first, last;

  chorus_page_layout_add_heading (layout, CHORUS_LAYOUT_STYLE_HEADING_1, "A long table", "t", 1);
  block = chorus_page_layout_get_n_blocks (layout);
  chorus_page_layout_begin_table (layout, 3, widths, headers);
  for (guint r = 0; r < 150; r++)
    {
      g_autofree char *group = g_strdup_printf ("Row %u", r);
      g_autofree char *text = paragraph_of (1 + r % 4);

      chorus_page_layout_begin_row (layout);
      chorus_page_layout_add_cell_text (layout, 0, CHORUS_LAYOUT_STYLE_TABLE_STRONG, 0, NULL,
                                        group);
      chorus_page_layout_add_cell_text (layout, 1, CHORUS_LAYOUT_STYLE_TABLE_CELL, 0, "Q1",
                                        "What should happen next?");
      chorus_page_layout_add_cell_text (layout, 2, CHORUS_LAYOUT_STYLE_TABLE_SUBHEADING, 0, NULL,
                                        "Online survey responses");
      chorus_page_layout_add_cell_text (layout, 2, CHORUS_LAYOUT_STYLE_TABLE_BULLET, 0, "•",
                                        text);
    }
  chorus_page_layout_end_table (layout);

  first = chorus_page_layout_get_block_page (layout, block, &last);
  g_assert_cmpint (first, ==, 0);
  g_assert_cmpint (last, >, 3);
  g_assert_cmpint (chorus_page_layout_get_n_pages (layout), ==, last + 1);
  /* One header row on every page the table reaches. */
  g_assert_cmpuint (chorus_page_layout_count_table_headers (layout, block), ==, last - first + 1);

  /* Any cairo context will do: this is the printing path. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
  for (guint page = 0; page < chorus_page_layout_get_n_pages (layout); page++)
    {
      cairo_t *cr = cairo_create (surface);

      cairo_scale (cr, 0.5, 0.5);
      chorus_page_layout_render_page (layout, cr, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
}

static void
test_layout_long_row_splits (void)
{
  g_autoptr(ChorusPageLayout) layout = chorus_page_layout_new (A4_WIDTH, A4_HEIGHT);
  static const double widths[] = { 0.3, 0.7 };
  const char *headers[] = { "Question", "Responses" };
  g_autofree char *huge = paragraph_of (60);
  guint block;
  int first, last;

  block = chorus_page_layout_get_n_blocks (layout);
  chorus_page_layout_begin_table (layout, 2, widths, headers);
  chorus_page_layout_begin_row (layout);
  chorus_page_layout_add_cell_text (layout, 0, CHORUS_LAYOUT_STYLE_TABLE_CELL, 0, "Q1",
                                    "One question with a great deal of input");
  for (guint i = 0; i < 80; i++)
    chorus_page_layout_add_cell_text (layout, 1, CHORUS_LAYOUT_STYLE_TABLE_BULLET, 0, "•", words);
  /* A single paragraph longer than a page must split too. */
  chorus_page_layout_begin_row (layout);
  chorus_page_layout_add_cell_text (layout, 0, CHORUS_LAYOUT_STYLE_TABLE_CELL, 0, "Q2", "Another");
  chorus_page_layout_add_cell_text (layout, 1, CHORUS_LAYOUT_STYLE_TABLE_CELL, 0, NULL, huge);
  chorus_page_layout_end_table (layout);

  first = chorus_page_layout_get_block_page (layout, block, &last);
  g_assert_cmpint (first, ==, 0);
  g_assert_cmpint (last, >=, 4);
  g_assert_cmpuint (chorus_page_layout_count_table_headers (layout, block), ==, last - first + 1);
}

/* Fill a page with more and more lines, then a heading and its paragraph:
 * wherever the heading would fall, it is on the page of its paragraph's
 * first lines, and at least once it had to move to get there. */
static void
test_layout_heading_moves (void)
{
  gboolean moved = FALSE;

  for (guint filler = 1; filler < 60; filler++)
    {
      g_autoptr(ChorusPageLayout) layout = chorus_page_layout_new (A4_WIDTH, A4_HEIGHT);
      g_autofree char *body = paragraph_of (4);
      guint before, heading, sub, text;
      int page_before, page_heading, page_sub, page_text;

      for (guint i = 0; i < filler; i++)
        chorus_page_layout_add_paragraph (layout, CHORUS_LAYOUT_STYLE_BODY,
                                          i % 3 ? "A short paragraph of one line." : words);
      before = chorus_page_layout_get_n_blocks (layout) - 1;
      heading = chorus_page_layout_get_n_blocks (layout);
      chorus_page_layout_add_heading (layout, CHORUS_LAYOUT_STYLE_HEADING_2, "A section heading",
                                      "h", 2);
      sub = chorus_page_layout_get_n_blocks (layout);
      chorus_page_layout_add_text (layout, CHORUS_LAYOUT_STYLE_QUESTION, 0, "Q1",
                                   "A question that keeps with its answer?", "q", 3);
      text = chorus_page_layout_get_n_blocks (layout);
      chorus_page_layout_add_paragraph (layout, CHORUS_LAYOUT_STYLE_BODY, body);

      page_before = chorus_page_layout_get_block_page (layout, before, NULL);
      page_heading = chorus_page_layout_get_block_page (layout, heading, NULL);
      page_sub = chorus_page_layout_get_block_page (layout, sub, NULL);
      page_text = chorus_page_layout_get_block_page (layout, text, NULL);

      g_assert_cmpint (page_heading, ==, page_sub);
      g_assert_cmpint (page_sub, ==, page_text);
      g_assert_cmpint (chorus_page_layout_get_anchor_page (layout, "h"), ==, page_heading);
      if (page_heading != page_before)
        moved = TRUE;
    }

  g_assert_true (moved);
}

/* Paragraphs of every length from filler offsets: none leaves one line
 * alone at the foot or the top of a page. */
static void
test_layout_widows_orphans (void)
{
  g_autoptr(ChorusPageLayout) layout = chorus_page_layout_new (A4_WIDTH, A4_HEIGHT);
  guint n_split = 0;

  for (guint i = 0; i < 120; i++)
    {
      g_autofree char *text = paragraph_of (1 + (i * 7) % 9);

      chorus_page_layout_add_paragraph (layout, i % 5 ? CHORUS_LAYOUT_STYLE_BODY
                                                       : CHORUS_LAYOUT_STYLE_BULLET,
                                        i % 4 ? text : "One line.");
    }

  for (guint block = 0; block < chorus_page_layout_get_n_blocks (layout); block++)
    {
      g_autoptr(GArray) lines = chorus_page_layout_get_block_lines (layout, block);

      if (lines->len < 2)
        continue;
      n_split++;
      for (guint f = 0; f < lines->len; f++)
        g_assert_cmpuint (g_array_index (lines, guint, f), >=, 2);
    }

  g_assert_cmpuint (n_split, >, 3);
}

/* The submission PDF ---------------------------------------------------------------- */

/* The name of the one partner who answered @question, or NULL. */
static char *
partner_answering (ChorusProject  *project,
                   ChorusQuestion *question)
{
  GListModel *groups = chorus_project_get_groups (project);
  char *name = NULL;

  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, g);
      const char *text = chorus_project_get_partner_response (project, group,
                                                              chorus_question_get_id (question));

      if (text != NULL && *text != '\0')
        {
          g_assert_null (name);
          name = g_strdup (chorus_group_get_name (group));
        }
    }

  return name;
}

/* The activities as the input tables order their sub-headings: what was
 * said in discussion first, then the survey, briefings, Q&A, written
 * submissions and the rest; the project's order within a kind; then the
 * items that have no activity (the index past the last). */
static GArray *
expected_activity_order (ChorusProject *project)
{
  static const ChorusActivityKind kinds[] = {
    CHORUS_ACTIVITY_KIND_FOCUS_GROUP,
    CHORUS_ACTIVITY_KIND_ONLINE_SURVEY,
    CHORUS_ACTIVITY_KIND_BRIEFING,
    CHORUS_ACTIVITY_KIND_QUESTION_AND_ANSWER,
    CHORUS_ACTIVITY_KIND_WRITTEN_SUBMISSION,
    CHORUS_ACTIVITY_KIND_OTHER,
  };
  GListModel *activities = chorus_project_get_activities (project);
  guint n_activities = g_list_model_get_n_items (activities);
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint a = 0; a < n_activities; a++)
      {
        g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, a);

        if (chorus_activity_get_kind (activity) == kinds[k])
          g_array_append_val (order, a);
      }
  g_array_append_val (order, n_activities);
  g_assert_cmpuint (order->len, ==, n_activities + 1);

  return order;
}

static void
test_pdf_text_in_order (void)
{
  g_autoptr(ChorusProject) project = NULL;
  const ExamplePdf *pdf;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  ChorusConsultation *consultation;
  GListModel *documents;
  GListModel *questions;
  GListModel *groups;
  GListModel *activities;
  GListModel *items;
  g_autoptr(GArray) order = NULL;
  gsize cursor = 0;
  guint n_items_found = 0;
  guint n_visible = 0;
  guint n_pointed = 0;

  if (!have_poppler ())
    return;

  pdf = get_example_pdf ();
  project = load_example ();
  consultation = chorus_project_get_consultation (project);
  questions = chorus_consultation_get_questions (consultation);
  groups = chorus_project_get_groups (project);
  activities = chorus_project_get_activities (project);
  items = chorus_project_get_items (project);
  order = expected_activity_order (project);

  /* Content-stream order is the order the engine drew in. */
  raw = pdf_text (pdf->pdf, 0, 0, "-raw");
  text = squeeze (raw);

  /* Document by document: every question, its answer or "No response";
   * then the input table, group by group, question by question, channel by
   * channel, every published item. */
  documents = chorus_consultation_get_documents (consultation);
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
          ChorusDraft *answer = chorus_project_get_answer (project,
                                                           chorus_question_get_id (question));
          const char *answer_text = answer ? chorus_draft_get_text (answer) : NULL;

          if (chorus_section_get_document (chorus_question_get_section (question)) != document)
            continue;

          assert_text_in_order (text, chorus_question_get_text (question), &cursor);
          if (answer_text != NULL && *answer_text != '\0')
            {
              assert_text_in_order (text, answer_text, &cursor);
            }
          else
            {
              g_autofree char *partner = partner_answering (project, question);
              g_autofree char *note = NULL;

              /* Not a bare "No response" over a partner's answer. */
              if (partner != NULL)
                note = g_strdup_printf ("No separate response from %s; "
                                        "see the response from %s below",
                                        chorus_project_get_organisation (project), partner);
              assert_text_in_order (text, note ? note : "No response", &cursor);
              if (partner != NULL)
                n_pointed++;
            }
        }

      for (guint g = 0; g <= g_list_model_get_n_items (groups); g++)
        {
          g_autoptr(ChorusGroup) group = g < g_list_model_get_n_items (groups)
                                         ? g_list_model_get_item (groups, g) : NULL;

          for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
            {
              g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);

              if (chorus_section_get_document (chorus_question_get_section (question)) != document)
                continue;

              for (guint o = 0; o < order->len; o++)
                {
                  guint a = g_array_index (order, guint, o);
                  g_autoptr(ChorusActivity) activity =
                    a < g_list_model_get_n_items (activities)
                    ? g_list_model_get_item (activities, a) : NULL;

                  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
                    {
                      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

                      if (!chorus_item_get_publish (item) ||
                          g_strcmp0 (chorus_item_get_question_id (item),
                                     chorus_question_get_id (question)) != 0 ||
                          g_strcmp0 (chorus_item_get_group_id (item),
                                     group ? chorus_group_get_id (group) : NULL) != 0 ||
                          g_strcmp0 (chorus_item_get_activity_id (item),
                                     activity ? chorus_activity_get_id (activity) : NULL) != 0)
                        continue;

                      assert_text_in_order (text, chorus_item_get_text (item), &cursor);
                      n_items_found++;
                    }
                }
            }
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      if (chorus_item_get_publish (item))
        n_visible++;
    }
  g_assert_cmpuint (n_items_found, ==, n_visible);
  g_assert_cmpuint (n_visible, >, 100);
  /* The example has questions only its partner answered. */
  g_assert_cmpuint (n_pointed, >, 0);
}

/* An item typed as "- point" shows our bullet only, not ours and its
 * own ("• - reports showing …"). */
static void
test_pdf_item_markers (void)
{
  g_autoptr(GRegex) doubled = g_regex_new ("^• +[-–•*·◦] ", G_REGEX_MULTILINE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;

  if (!have_poppler ())
    return;

  text = pdf_text (get_example_pdf ()->pdf, 0, 0, "-raw");
  if (g_regex_match (doubled, text, 0, &match))
    g_error ("A bullet keeps the item's own marker: “%s”", g_match_info_fetch (match, 0));
}

static char *
info_value (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));

  return NULL;
}

static void
test_pdf_info (void)
{
  g_autofree char *pdfinfo = NULL;
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *size = NULL;
  g_autofree char *created = NULL;
  const ExamplePdf *pdf;

  if (!have_poppler ())
    return;

  pdf = get_example_pdf ();
  pdfinfo = g_find_program_in_path ("pdfinfo");
  {
    const char *argv[] = { pdfinfo, pdf->pdf, NULL };

    info = run_tool (argv);
  }

  title = info_value (info, "Title");
  author = info_value (info, "Author");
  creator = info_value (info, "Creator");
  subject = info_value (info, "Subject");
  pages = info_value (info, "Pages");
  size = info_value (info, "Page size");
  created = info_value (info, "CreationDate");

  g_assert_cmpstr (title, ==,
                   "NHS Trafford: response to Equity & Excellence: Liberating the NHS");
  g_assert_cmpstr (author, ==, "NHS Trafford");
  g_assert_cmpstr (creator, ==, "Chorus");
  g_assert_nonnull (strstr (subject, "NHS Trafford"));
  g_assert_nonnull (strstr (created, "2010"));
  g_assert_nonnull (strstr (size, "(A4)"));
  g_assert_cmpuint (g_ascii_strtoull (pages, NULL, 10), ==,
                    chorus_page_layout_get_n_pages (pdf->layout));
  g_assert_cmpuint (chorus_page_layout_get_n_pages (pdf->layout), >, 20);
}

/* Exports @project to @path and returns what pdfinfo says of it. */
static char *
export_info (ChorusProject             *project,
             const char                *path,
             const ChorusExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  const char *argv[] = { pdfinfo, path, NULL };

  g_assert_true (chorus_export_pdf (project, path, options, &error));
  g_assert_no_error (error);

  return run_tool (argv);
}

static void
test_pdf_letter (void)
{
  g_autoptr(ChorusProject) project = load_tricky ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;
  ChorusExportOptions options;

  if (!have_poppler ())
    {
      remove_dir (dir);
      return;
    }

  options_init (&options);
  options.paper_size = CHORUS_PAPER_SIZE_LETTER;
  info = export_info (project, path, &options);
  size = info_value (info, "Page size");
  g_assert_nonnull (strstr (size, "612 x 792"));

  remove_dir (dir);
}

static char *
export_text (ChorusProject *project,
             const char    *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "text.pdf", NULL);
  g_autofree char *raw = NULL;
  ChorusExportOptions options;

  options_init (&options);
  g_assert_true (chorus_export_pdf (project, path, &options, &error));
  g_assert_no_error (error);
  raw = pdf_text (path, 0, 0, "-raw");

  return squeeze (raw);
}

static void
assert_contains_squeezed (const char *text,
                          const char *sentence)
{
  g_autofree char *needle = squeeze (sentence);

  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the PDF", sentence);
}

/* The sentence over the activities table counts only the activities that
 * produced input: the example's four activities include two with none. */
static void
test_pdf_activities_sentence (void)
{
  g_autoptr(ChorusProject) project = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autofree char *raw = NULL;

  if (!have_poppler ())
    return;

  raw = pdf_text (get_example_pdf ()->pdf, 0, 0, "-raw");
  text = squeeze (raw);
  assert_contains_squeezed (text, "This response draws on 108 comments gathered by NHS Trafford "
                                  "through 2 of the 4 consultation activities below.");
  g_clear_pointer (&text, g_free);

  dir = make_temp_dir ();
  project = load_tricky ();
  text = export_text (project, dir);
  assert_contains_squeezed (text, "This response draws on 9 comments gathered by Example Borough "
                                  "Council through the 2 consultation activities below.");
  g_clear_pointer (&text, g_free);

  chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_OTHER, "A drop-in nobody came to");
  chorus_project_set_organisation (project, NULL);
  text = export_text (project, dir);
  assert_contains_squeezed (text, "This response draws on 9 comments gathered "
                                  "through 2 of the 3 consultation activities below.");

  remove_dir (dir);
}

/* A stance chart leaves out the questions nobody spoke to, and says so
 * under it: only the second document of the example has any. */
static void
test_pdf_stance_note (void)
{
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  const char *heading;
  const char *at;

  if (!have_poppler ())
    return;

  raw = pdf_text (get_example_pdf ()->pdf, 0, 0, "-raw");
  text = squeeze (raw);
  note = squeeze ("Questions not shown because they had no input: Q1, Q2, Q7, Q8, Q9, Q12, Q13, "
                  "Q14, Q15, Q16, Q17, Q18, Q19, Q20.");
  heading = strstr (text, "Stancebyquestion:Localdemocraticlegitimacyinhealth");
  g_assert_nonnull (heading);
  /* Under the chart of that document, after its last question. */
  at = strstr (heading, note);
  g_assert_nonnull (at);
  g_assert_nonnull (g_strstr_len (heading, at - heading, "Q11Doyouagreethattheproposed"));
  /* And under no other chart. */
  g_assert_true (strstr (text, "notshownbecause") == at + strlen ("Questions"));
  g_assert_null (strstr (at + strlen (note), "notshownbecause"));
}

/* Without an organisation the PDF's title is the consultation's title alone,
 * not ": response to …" with nothing before it. */
static void
test_pdf_info_no_organisation (void)
{
  g_autoptr(ChorusProject) project = load_tricky ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "anonymous.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  ChorusExportOptions options;

  if (!have_poppler ())
    {
      remove_dir (dir);
      return;
    }

  options_init (&options);
  info = export_info (project, path, &options);
  title = info_value (info, "Title");
  g_assert_cmpstr (title, ==,
                   "Example Borough Council: response to Local Services: A Consultation on Everything");
  g_clear_pointer (&info, g_free);
  g_clear_pointer (&title, g_free);

  chorus_project_set_organisation (project, NULL);
  info = export_info (project, path, &options);
  title = info_value (info, "Title");
  subject = info_value (info, "Subject");
  g_assert_cmpstr (title, ==, "Local Services: A Consultation on Everything");
  g_assert_cmpstr (subject, ==,
                   "A response to the consultation “Local Services: A Consultation on Everything”");

  remove_dir (dir);
}

/* pdftohtml -xml: each run of text with its face --------------------------------- */

typedef struct
{
  guint     page;
  int       top;
  int       left;
  /* The family without its subset tag, and the size: "DejaVuSerif 14". */
  char     *face;
  gboolean  bold;
  gboolean  italic;
  char     *text;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->face);
  g_free (run->text);
}

static gboolean
has_child_named (xmlNode    *node,
                 const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        (xmlStrcmp (child->name, (const xmlChar *) name) == 0 || has_child_named (child, name)))
      return TRUE;

  return FALSE;
}

static int
node_int (xmlNode    *node,
          const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *) name);
  int result;

  g_assert_nonnull (value);
  result = (int) g_ascii_strtoll ((const char *) value, NULL, 10);
  xmlFree (value);

  return result;
}

/* Every run of text in @pdf, or NULL with the test skipped. */
static GArray *
pdf_runs (const char *pdf)
{
  g_autofree char *tool = find_tool ("pdftohtml");
  g_autofree char *xml = NULL;
  g_autoptr(GHashTable) faces = NULL;
  xmlDoc *doc;
  GArray *runs;

  if (tool == NULL)
    return NULL;

  {
    const char *argv[] = { tool, "-xml", "-i", "-q", "-stdout", pdf, NULL };

    xml = run_tool (argv);
  }
  doc = xmlReadMemory (xml, strlen (xml), "pdf.xml", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);

  faces = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_array_set_clear_func (runs, (GDestroyNotify) run_clear);
  for (xmlNode *page = xmlDocGetRootElement (doc)->children; page != NULL; page = page->next)
    {
      if (page->type != XML_ELEMENT_NODE || xmlStrcmp (page->name, (const xmlChar *) "page") != 0)
        continue;

      for (xmlNode *node = page->children; node != NULL; node = node->next)
        {
          if (node->type != XML_ELEMENT_NODE)
            continue;

          if (xmlStrcmp (node->name, (const xmlChar *) "fontspec") == 0)
            {
              xmlChar *family = xmlGetProp (node, (const xmlChar *) "family");
              const char *plus = strchr ((const char *) family, '+');

              g_hash_table_insert (faces, GINT_TO_POINTER (node_int (node, "id")),
                                   g_strdup_printf ("%s %d",
                                                    plus ? plus + 1 : (const char *) family,
                                                    node_int (node, "size")));
              xmlFree (family);
            }
          else if (xmlStrcmp (node->name, (const xmlChar *) "text") == 0)
            {
              xmlChar *content = xmlNodeGetContent (node);
              Run run = {
                .page = node_int (page, "number"),
                .top = node_int (node, "top"),
                .left = node_int (node, "left"),
                .face = g_strdup (g_hash_table_lookup (faces,
                                                       GINT_TO_POINTER (node_int (node, "font")))),
                .bold = has_child_named (node, "b"),
                .italic = has_child_named (node, "i"),
                .text = g_strdup ((const char *) content),
              };

              g_assert_nonnull (run.face);
              g_array_append_val (runs, run);
              xmlFree (content);
            }
        }
    }
  xmlFreeDoc (doc);

  return runs;
}

/* "DejaVuSerif 14 bold" */
static char *
run_describe (const Run *run)
{
  return g_strdup_printf ("%s%s%s", run->face, run->bold ? " bold" : "",
                          run->italic ? " italic" : "");
}

/* The activities table is set in one face and size, its first column in
 * bold; an input table's group ("Staff") looks the same on a page its row
 * continues on as on the row's first page. */
static void
test_pdf_table_faces (void)
{
  g_autoptr(GArray) runs = NULL;
  g_autofree char *group_face = NULL;
  g_autofree char *cell_face = NULL;
  const Run *header = NULL;
  guint n_groups = 0;
  guint n_continued = 0;
  guint n_cells = 0;

  if (!have_poppler ())
    return;

  runs = pdf_runs (get_example_pdf ()->pdf);
  if (runs == NULL)
    return;

  for (guint i = 0; i < runs->len && header == NULL; i++)
    if (g_strcmp0 (g_array_index (runs, Run, i).text, "Consultation activity") == 0)
      header = &g_array_index (runs, Run, i);
  g_assert_nonnull (header);

  /* Below the header, above the footer: the table. */
  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);
      g_autofree char *face = NULL;

      if (run->page != header->page || run->top <= header->top ||
          g_str_has_prefix (run->text, "Page "))
        continue;

      face = g_strdup_printf ("%s%s", run->face, run->italic ? " italic" : "");
      if (cell_face == NULL)
        cell_face = g_strdup (face);
      if (g_strcmp0 (face, cell_face) != 0)
        g_error ("“%s” on page %u is in %s, not %s like the rest of the table",
                 run->text, run->page, face, cell_face);
      n_cells++;
    }
  g_assert_cmpuint (n_cells, >, 20);

  /* Every group cell in the first column of the input tables, first or
   * continued ("Staff" is drawn as "Sta", "ﬀ"). */
  for (guint i = 0; i < runs->len; i++)
    {
      const Run *run = &g_array_index (runs, Run, i);
      const Run *next = i + 1 < runs->len ? &g_array_index (runs, Run, i + 1) : NULL;
      g_autofree char *face = NULL;

      if (run->left != header->left || g_strcmp0 (run->text, "Sta") != 0 || next == NULL ||
          g_strcmp0 (next->text, "ﬀ") != 0)
        continue;

      face = run_describe (run);
      if (group_face == NULL)
        group_face = g_strdup (face);
      if (g_strcmp0 (face, group_face) != 0)
        g_error ("“Staff” on page %u is in %s, not %s as on other pages",
                 run->page, face, group_face);
      n_groups++;
      for (guint j = i + 1; j < runs->len; j++)
        {
          const Run *other = &g_array_index (runs, Run, j);

          if (other->page != run->page || other->top != run->top)
            break;
          if (g_str_has_suffix (other->text, "(continued)"))
            n_continued++;
        }
    }
  g_assert_cmpuint (n_groups, >, 10);
  g_assert_cmpuint (n_continued, >, 0);
  g_assert_true (g_str_has_suffix (group_face, " bold"));
}

/* pdftotext -bbox-layout ------------------------------------------------------------- */

typedef struct
{
  double  x_min, y_min, x_max, y_max;
  char   *text;
} Box;

typedef struct
{
  GArray *words;   /* Box */
  GArray *blocks;  /* Box, text squeezed */
} Page;

static void
box_clear (Box *box)
{
  g_free (box->text);
}

static void
page_clear (Page *page)
{
  g_array_unref (page->words);
  g_array_unref (page->blocks);
}

static double
attribute_double (const char *tag,
                  const char *name)
{
  g_autofree char *key = g_strdup_printf (" %s=\"", name);
  const char *at = strstr (tag, key);

  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (key), NULL);
}

static char *
unescape (const char *text,
          gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = copy; *p != '\0'; p++)
    {
      if (g_str_has_prefix (p, "&amp;"))
        g_string_append_c (out, '&'), p += 4;
      else if (g_str_has_prefix (p, "&lt;"))
        g_string_append_c (out, '<'), p += 3;
      else if (g_str_has_prefix (p, "&gt;"))
        g_string_append_c (out, '>'), p += 3;
      else if (g_str_has_prefix (p, "&quot;"))
        g_string_append_c (out, '"'), p += 5;
      else if (g_str_has_prefix (p, "&apos;"))
        g_string_append_c (out, '\''), p += 5;
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Pages of words and blocks from `pdftotext -bbox-layout`. */
static GArray *
parse_bbox (const char *html)
{
  GArray *pages = g_array_new (FALSE, TRUE, sizeof (Page));
  const char *p = html;
  Page *page = NULL;
  GString *block_text = NULL;
  Box block = { 0 };

  g_array_set_clear_func (pages, (GDestroyNotify) page_clear);

  while ((p = strchr (p, '<')) != NULL)
    {
      const char *end = strchr (p, '>');
      g_autofree char *tag = g_strndup (p, end - p + 1);

      if (g_str_has_prefix (tag, "<page "))
        {
          Page new_page = { g_array_new (FALSE, FALSE, sizeof (Box)),
                            g_array_new (FALSE, FALSE, sizeof (Box)) };

          g_array_set_clear_func (new_page.words, (GDestroyNotify) box_clear);
          g_array_set_clear_func (new_page.blocks, (GDestroyNotify) box_clear);
          g_array_append_val (pages, new_page);
          page = &g_array_index (pages, Page, pages->len - 1);
        }
      else if (g_str_has_prefix (tag, "<block "))
        {
          block.x_min = attribute_double (tag, "xMin");
          block.y_min = attribute_double (tag, "yMin");
          block.x_max = attribute_double (tag, "xMax");
          block.y_max = attribute_double (tag, "yMax");
          block_text = g_string_new (NULL);
        }
      else if (g_str_has_prefix (tag, "</block>"))
        {
          block.text = g_string_free (block_text, FALSE);
          block_text = NULL;
          g_array_append_val (page->blocks, block);
        }
      else if (g_str_has_prefix (tag, "<word "))
        {
          const char *close = strstr (end, "</word>");
          Box word = {
            attribute_double (tag, "xMin"), attribute_double (tag, "yMin"),
            attribute_double (tag, "xMax"), attribute_double (tag, "yMax"),
            unescape (end + 1, close - end - 1),
          };

          if (block_text != NULL)
            g_string_append (block_text, word.text);
          g_array_append_val (page->words, word);
          p = close;
          continue;
        }

      p = end;
    }

  return pages;
}

/* A space typed next to a no-break space is one space, as two typed
 * spaces are. pdftotext reads any gap as one space, so the gaps are
 * measured: each as wide as a single typed space. */
static void
test_layout_spaces_collapse (void)
{
  g_autoptr(ChorusPageLayout) layout = chorus_page_layout_new (A4_WIDTH, A4_HEIGHT);
  g_autoptr(GArray) pages = NULL;
  g_autofree char *html = NULL;
  GArray *words;
  double single;

  chorus_page_layout_add_paragraph (layout, CHORUS_LAYOUT_STYLE_BODY,
                                    "One two.\u00a0 Three. \u00a0Four.  \u00a0 Five");
  html = layout_text (layout, "-bbox-layout");
  if (html == NULL)
    return;

  pages = parse_bbox (html);
  words = g_array_index (pages, Page, 0).words;
  g_assert_cmpuint (words->len, ==, 5);
  single = g_array_index (words, Box, 1).x_min - g_array_index (words, Box, 0).x_max;
  for (guint w = 1; w + 1 < words->len; w++)
    g_assert_cmpfloat_with_epsilon (g_array_index (words, Box, w + 1).x_min -
                                    g_array_index (words, Box, w).x_max, single, 0.5);
}

static GPtrArray *
heading_texts (ChorusProject *project)
{
  GPtrArray *headings = g_ptr_array_new_with_free_func (g_free);
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  GListModel *documents = chorus_consultation_get_documents (consultation);
  GListModel *groups = chorus_project_get_groups (project);

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);
      GListModel *sections = chorus_document_get_sections (document);
      g_autofree char *numbered = g_strdup_printf ("%u%s", d + 1,
                                                   chorus_document_get_title (document));

      g_ptr_array_add (headings, squeeze (numbered));
      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
          GListModel *questions = chorus_section_get_questions (section);

          g_ptr_array_add (headings, squeeze (chorus_section_get_title (section)));
          for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
            {
              g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
              g_autofree char *text = g_strconcat (chorus_question_get_number (question),
                                                   chorus_question_get_text (question), NULL);

              g_ptr_array_add (headings, squeeze (text));
            }
        }
    }

  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, g);
      g_autofree char *label = g_strdup_printf ("Response from %s", chorus_group_get_name (group));

      g_ptr_array_add (headings, squeeze (label));
    }

  g_ptr_array_add (headings, g_strdup ("Keypoints"));
  g_ptr_array_add (headings, g_strdup ("Summaryofresponsestoeachquestion"));

  return headings;
}

/* Sub-headings inside table cells, which keep with the bullets under them. */
static const char * const cell_headings[] = {
  "Discussiongroupresponses", "Onlinesurveyresponses", "Briefingresponses",
  "Questionsandanswers", "Writtensubmissions", "Otherresponses",
};

/* A question number stands apart from its question, also "Q10" hanging
 * in the input tables' narrow column, where it once ran into the text
 * ("Q10How") with a point and a half between them. */
static void
test_pdf_question_numbers (void)
{
  g_autoptr(GRegex) number = g_regex_new ("^Q[0-9]+$", 0, 0, NULL);
  g_autoptr(GArray) pages = NULL;
  g_autofree char *html = NULL;
  const ExamplePdf *pdf;
  guint n_two_digits = 0;

  if (!have_poppler ())
    return;

  pdf = get_example_pdf ();
  html = pdf_text (pdf->pdf, 0, 0, "-bbox-layout");
  pages = parse_bbox (html);

  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = g_array_index (pages, Page, p).words;
      gboolean table = FALSE;

      /* The input tables' pages, by their header; a chart's label "Q1 How
       * can…" is a sentence with its ordinary space. */
      for (guint w = 0; w + 1 < words->len && !table; w++)
        table = g_str_equal (g_array_index (words, Box, w).text, "Summary") &&
                g_str_equal (g_array_index (words, Box, w + 1).text, "response");
      if (!table)
        continue;

      for (guint w = 0; w + 1 < words->len; w++)
        {
          const Box *word = &g_array_index (words, Box, w);
          const Box *next = &g_array_index (words, Box, w + 1);

          /* "Q2 (continued)" on a new page is a phrase, not a number and its question. */
          if (!g_regex_match (number, word->text, 0, NULL) ||
              fabs (next->y_max - word->y_max) > 2 || g_str_has_prefix (next->text, "("))
            continue;
          if (next->x_min - word->x_max < 4)
            g_error ("Page %u: “%s” runs into “%s” (%.1f pt apart)", p + 1, word->text,
                     next->text, next->x_min - word->x_max);
          if (strlen (word->text) == 3)
            n_two_digits++;
        }
    }
  g_assert_cmpuint (n_two_digits, >, 0);
}

static void
test_pdf_geometry (void)
{
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GPtrArray) headings = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autofree char *html = NULL;
  const ExamplePdf *pdf;
  cairo_rectangle_t body;
  double top, right, bottom, left;
  guint n_words = 0;

  if (!have_poppler ())
    return;

  pdf = get_example_pdf ();
  project = load_example ();
  headings = heading_texts (project);
  html = pdf_text (pdf->pdf, 0, 0, "-bbox-layout");
  pages = parse_bbox (html);
  chorus_page_layout_get_margins (pdf->layout, &top, &right, &bottom, &left);
  chorus_page_layout_get_body_area (pdf->layout, &body);

  g_assert_cmpuint (pages->len, ==, chorus_page_layout_get_n_pages (pdf->layout));

  for (guint p = 0; p < pages->len; p++)
    {
      Page *page = &g_array_index (pages, Page, p);
      const Box *last = NULL;

      /* No word outside the margins: not the header, not the footer, not a
       * long word running off the edge of a table cell. */
      for (guint w = 0; w < page->words->len; w++)
        {
          const Box *word = &g_array_index (page->words, Box, w);

          if (word->x_min < left - 0.5 || word->x_max > A4_WIDTH - right + 0.5 ||
              word->y_min < top - 0.5 || word->y_max > A4_HEIGHT - bottom + 0.5)
            g_error ("Page %u: “%s” at (%.1f, %.1f)–(%.1f, %.1f) is outside the margins",
                     p + 1, word->text, word->x_min, word->y_min, word->x_max, word->y_max);
          n_words++;
        }

      /* The lowest block of the body must not be a heading, nor end with
       * one. The last page may end however it likes. */
      if (p + 1 == pages->len)
        continue;
      for (guint b = 0; b < page->blocks->len; b++)
        {
          const Box *block = &g_array_index (page->blocks, Box, b);

          if (block->y_min < body.y - 1 || block->y_max > body.y + body.height + 1)
            continue;
          if (last == NULL || block->y_max > last->y_max)
            last = block;
        }
      if (last == NULL)
        continue;
      /* Headings of the body start at the left margin (a question's text
       * after its hanging number); a question in a table's second column
       * is not a heading. */
      for (guint h = 0; h < headings->len && last->x_min < body.x + 32; h++)
        {
          const char *heading = g_ptr_array_index (headings, h);

          if (g_str_has_suffix (last->text, heading) ||
              (strlen (last->text) >= 12 && g_str_has_suffix (heading, last->text)))
            g_error ("Page %u ends with the heading “%s”", p + 1, last->text);
        }
      for (guint h = 0; h < G_N_ELEMENTS (cell_headings); h++)
        if (g_str_has_suffix (last->text, cell_headings[h]))
          g_error ("Page %u ends with the sub-heading “%s”", p + 1, last->text);
    }

  g_assert_cmpuint (n_words, >, 5000);
}

/* The contents give the pages the headings are really on. */
static void
test_pdf_contents (void)
{
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) anchors = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  g_autofree char *raw = NULL;
  const ExamplePdf *pdf;
  ChorusConsultation *consultation;
  GListModel *documents;
  int contents_page;
  gsize cursor = 0;

  if (!have_poppler ())
    return;

  pdf = get_example_pdf ();
  project = load_example ();
  consultation = chorus_project_get_consultation (project);
  documents = chorus_consultation_get_documents (consultation);

  g_ptr_array_add (entries, g_strdup ("Summary of consultation activities"));
  g_ptr_array_add (anchors, g_strdup ("activities"));
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);
      GListModel *sections = chorus_document_get_sections (document);

      g_ptr_array_add (entries, g_strdup (chorus_document_get_title (document)));
      g_ptr_array_add (anchors, g_strconcat ("doc-", chorus_document_get_id (document), NULL));
      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);

          if (g_list_model_get_n_items (chorus_section_get_questions (section)) == 0 &&
              chorus_project_get_key_points (project, chorus_section_get_id (section)) == NULL)
            continue;
          g_ptr_array_add (entries, g_strdup (chorus_section_get_title (section)));
          g_ptr_array_add (anchors, g_strconcat ("sec-", chorus_section_get_id (section), NULL));
        }
    }

  contents_page = chorus_page_layout_get_anchor_page (pdf->layout, "contents");
  g_assert_cmpint (contents_page, ==, 1);
  raw = pdf_text (pdf->pdf, contents_page + 1, contents_page + 1, "-raw");
  /* Lines kept apart, or "…activities 3" and "1 Transparency…" would run
   * together as "activities31". */
  g_strdelimit (raw, "\n", '|');
  contents = squeeze (raw);

  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *title = squeeze (g_ptr_array_index (entries, i));
      g_auto(GStrv) title_words = g_strsplit (g_ptr_array_index (entries, i), " ", -1);
      g_autoptr(GString) regex_text = g_string_new (NULL);
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *number = NULL;
      g_autofree char *page_raw = NULL;
      g_autofree char *page_text = NULL;
      int anchor_page = chorus_page_layout_get_anchor_page (pdf->layout,
                                                            g_ptr_array_index (anchors, i));
      guint64 page;

      /* The title, wrapped or not, then its page number at the end of a line. */
      for (guint w = 0; title_words[w] != NULL; w++)
        {
          g_autofree char *escaped = g_regex_escape_string (title_words[w], -1);

          if (w > 0)
            g_string_append (regex_text, "\\|?");
          g_string_append (regex_text, escaped);
        }
      g_string_append (regex_text, "(\\d+)\\|");
      regex = g_regex_new (regex_text->str, 0, 0, NULL);
      g_assert_nonnull (regex);

      if (!g_regex_match_full (regex, contents, -1, (int) cursor, 0, &match, NULL))
        g_error ("The contents do not list “%s” with a page number", title);
      number = g_match_info_fetch (match, 1);
      page = g_ascii_strtoull (number, NULL, 10);
      {
        int start, end;

        g_match_info_fetch_pos (match, 0, &start, &end);
        cursor = end;
      }

      /* The number the reader sees is the page the engine put it on… */
      g_assert_cmpint (anchor_page, >=, 0);
      g_assert_cmpuint (page, ==, (guint64) anchor_page + 1);

      /* …and the heading is on that page of the PDF. */
      page_raw = pdf_text (pdf->pdf, (int) page, (int) page, "-raw");
      page_text = squeeze (page_raw);
      if (strstr (page_text, title) == NULL)
        g_error ("“%s” is not on page %" G_GUINT64_FORMAT " as the contents say", title, page);
    }
}

/* The bookmarks: every document and every question, at its page. */
static void
test_pdf_outline (void)
{
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *pdftohtml = NULL;
  g_autofree char *xml = NULL;
  const ExamplePdf *pdf;
  GListModel *questions;
  const char *p;
  guint n_found = 0;

  if (!have_poppler ())
    return;
  pdftohtml = find_tool ("pdftohtml");
  if (pdftohtml == NULL)
    return;

  pdf = get_example_pdf ();
  project = load_example ();
  {
    const char *argv[] = { pdftohtml, "-xml", "-stdout", "-i", "-q", "-f", "1", "-l", "1",
                           pdf->pdf, NULL };

    xml = run_tool (argv);
  }

  for (p = strstr (xml, "<item page=\""); p != NULL; p = strstr (p + 1, "<item page=\""))
    {
      const char *text = strchr (p, '>') + 1;
      const char *end = strstr (text, "</item>");
      guint page = (guint) g_ascii_strtoull (p + strlen ("<item page=\""), NULL, 10);

      g_ptr_array_add (titles, unescape (text, end - text));
      g_array_append_val (pages, page);
    }

  questions = chorus_consultation_get_questions (chorus_project_get_consultation (project));
  for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
      g_autofree char *anchor = g_strconcat ("q-", chorus_question_get_id (question), NULL);
      g_autofree char *start = g_strdup_printf ("%s %.30s", chorus_question_get_number (question),
                                                chorus_question_get_text (question));
      int page = chorus_page_layout_get_anchor_page (pdf->layout, anchor);
      gboolean found = FALSE;

      for (guint i = 0; i < titles->len && !found; i++)
        if (g_str_has_prefix (g_ptr_array_index (titles, i), start) &&
            g_array_index (pages, guint, i) == (guint) page + 1)
          found = TRUE;
      if (!found)
        g_error ("No bookmark “%s…” to page %d", start, page + 1);
      n_found++;
    }

  g_assert_cmpuint (n_found, ==, g_list_model_get_n_items (questions));
  g_assert_true (g_ptr_array_find_with_equal_func (titles,
                                                   "1 Transparency in outcomes – a framework for "
                                                   "the NHS", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (titles, "Summary charts", g_str_equal, NULL));
}

static void
test_pdf_options (void)
{
  g_autoptr(ChorusProject) project = load_tricky ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "tricky.pdf", NULL);
  ChorusExportOptions options;

  if (!have_poppler ())
    {
      remove_dir (dir);
      return;
    }

  /* The defaults: input tables and charts in, unpublished items out,
   * authors named, unanswered questions said to be. */
  options_init (&options);
  g_assert_true (chorus_export_pdf (project, path, &options, &error));
  g_assert_no_error (error);
  {
    g_autofree char *raw = pdf_text (path, 0, 0, "-raw");
    g_autofree char *text = squeeze (raw);

    g_assert_nonnull (strstr (text, "+44isthediallingcode"));
    g_assert_nonnull (strstr (text, "AliceAuthor"));
    g_assert_null (strstr (text, "UNPUBLISHED-REMARK"));
    g_assert_nonnull (strstr (text, "Noresponse"));
    g_assert_nonnull (strstr (text, "Ourchoice:Option2–twosmallerbodies"));
    g_assert_nonnull (strstr (text, "Summarycharts"));
    g_assert_nonnull (strstr (text, "ResponsefromNeighbouringCouncil"));
    g_assert_nonnull (strstr (text, "Ageneralresponsefromourneighbours."));
  }

  options.include_unpublished = TRUE;
  options.redact_authors = TRUE;
  g_assert_true (chorus_export_pdf (project, path, &options, &error));
  g_assert_no_error (error);
  {
    g_autofree char *raw = pdf_text (path, 0, 0, "-raw");
    g_autofree char *text = squeeze (raw);

    g_assert_nonnull (strstr (text, "UNPUBLISHED-REMARK"));
    g_assert_null (strstr (text, "AliceAuthor"));
  }

  options.include_input_tables = FALSE;
  options.include_charts = FALSE;
  g_assert_true (chorus_export_pdf (project, path, &options, &error));
  g_assert_no_error (error);
  {
    g_autofree char *raw = pdf_text (path, 0, 0, "-raw");
    g_autofree char *text = squeeze (raw);

    g_assert_null (strstr (text, "+44isthediallingcode"));
    g_assert_null (strstr (text, "Summarycharts"));
    g_assert_nonnull (strstr (text, "Costandaccessmattermost."));
  }

  g_assert_cmpuint (count_files (dir), ==, 1);
  remove_dir (dir);
}

/* A failed export leaves nothing behind ------------------------------------------ */

typedef gboolean (*ExportFunc) (ChorusProject             *project,
                                const char                *path,
                                const ChorusExportOptions *options,
                                GError                   **error);

static void
assert_export_fails (ExportFunc  export,
                     const char *path)
{
  g_autoptr(ChorusProject) project = load_tricky ();
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  ChorusExportOptions options;

  options_init (&options);
  g_assert_false (export (project, path, &options, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, display));
  /* Nothing where the file would have gone (a folder stays a folder). */
  g_assert_false (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_unwritable (void)
{
  ExportFunc exports[] = { chorus_export_pdf, chorus_export_xml, chorus_export_csv };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *file = g_build_filename (dir, "a-file", NULL);
  g_autofree char *under_file = g_build_filename (file, "out", NULL);

  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      assert_export_fails (exports[i], "/nonexistent-chorus-folder/out");
      assert_export_fails (exports[i], under_file);
      assert_export_fails (exports[i], dir);
    }

  /* A read-only folder; root writes anywhere, so only as a user. */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *inside = g_build_filename (locked, "out", NULL);

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
        assert_export_fails (exports[i], inside);
      g_assert_cmpuint (count_files (locked), ==, 0);
      g_chmod (locked, 0700);
      g_rmdir (locked);
    }

  /* Only the file we made: no temporary files left about. */
  g_assert_cmpuint (count_files (dir), ==, 1);
  remove_dir (dir);
}

/* A cancelled export leaves the previous file as it was. */
static void
test_cancelled (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "response.pdf", NULL);
  g_autofree char *contents = NULL;
  ChorusExportOptions options;

  g_assert_true (g_file_set_contents (path, "the previous export", -1, NULL));

  options_init (&options);
  options.cancellable = cancellable;
  g_cancellable_cancel (cancellable);
  g_assert_false (chorus_export_pdf (project, path, &options, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the previous export");
  g_assert_cmpuint (count_files (dir), ==, 1);
  remove_dir (dir);
}

/* Submission XML --------------------------------------------------------------- */

static const char *
attr (xmlNode    *node,
      const char *name)
{
  static char *value;

  g_clear_pointer (&value, xmlFree);
  value = (char *) xmlGetProp (node, (const xmlChar *) name);
  return value;
}

static guint
attr_count (xmlNode    *node,
            const char *name)
{
  const char *value = attr (node, name);

  g_assert_nonnull (value);
  return (guint) g_ascii_strtoull (value, NULL, 10);
}

static gboolean
is (xmlNode    *node,
    const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

static xmlNode *
child (xmlNode    *node,
       const char *name)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is (c, name))
      return c;

  return NULL;
}

/* Counts of an <input-summary>: against a function of the statistics. */
typedef guint (*CountFunc) (ChorusStats *stats,
                            const char  *question_id,
                            const char  *kind,
                            const char  *ref);

static guint
project_count (ChorusStats *stats,
               const char  *question_id,
               const char  *kind,
               const char  *ref)
{
  if (g_str_equal (kind, "group"))
    return chorus_stats_count_group (stats, ref);
  if (g_str_equal (kind, "activity"))
    return chorus_stats_count_activity (stats, ref);
  if (g_str_equal (kind, "theme"))
    return chorus_stats_count_theme (stats, ref);

  {
    ChorusStance stance;

    g_assert_true (chorus_stance_from_string (ref, &stance));
    return chorus_stats_count_stance (stats, stance);
  }
}

static void
check_summary (xmlNode     *summary,
               ChorusStats *stats,
               const char  *question_id,
               CountFunc    count,
               guint       *n_checked)
{
  for (xmlNode *c = summary->children; c != NULL; c = c->next)
    {
      const char *kind;
      g_autofree char *ref = NULL;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      kind = (const char *) c->name;
      ref = g_strdup (attr (c, g_str_equal (kind, "stance") ? "value" : "ref"));
      g_assert_cmpuint (attr_count (c, "items"), ==, count (stats, question_id, kind, ref));
      (*n_checked)++;
    }
}

static guint
question_count (ChorusStats *stats,
                const char  *question_id,
                const char  *kind,
                const char  *ref)
{
  if (g_str_equal (kind, "theme"))
    return chorus_stats_count_question_theme (stats, question_id, ref);
  if (g_str_equal (kind, "stance"))
    {
      ChorusStance stance;

      g_assert_true (chorus_stance_from_string (ref, &stance));
      return chorus_stats_count_question_stance (stats, question_id, stance);
    }

  /* Per group or per activity: the statistics' cells, added up here the
   * same way the test counts independently below. */
  return G_MAXUINT;
}

/* Counted from the items, independently of ChorusStats and of the export,
 * for the per-question group and activity totals. */
static guint
count_items (ChorusProject *project,
             const char    *question_id,
             const char    *kind,
             const char    *ref)
{
  GListModel *items = chorus_project_get_items (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);
      const char *value = g_str_equal (kind, "group") ? chorus_item_get_group_id (item)
                                                      : chorus_item_get_activity_id (item);

      if (g_strcmp0 (chorus_item_get_question_id (item), question_id) == 0 &&
          g_strcmp0 (value, ref) == 0)
        n++;
    }

  return n;
}

static void
test_xml_valid_and_counts (void)
{
  g_autoptr(ChorusProject) project = load_example ();
  g_autoptr(ChorusStats) stats = chorus_stats_ref (chorus_project_get_stats (project));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "submission.xml", NULL);
  g_autofree char *schema = source_path ("resources", "schemas", "submission.rng", NULL);
  g_autofree char *xmllint = NULL;
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  ChorusExportOptions options;
  xmlDoc *doc;
  xmlNode *root;
  guint n_questions = 0;
  guint n_no_response = 0;
  guint n_input = 0;
  guint n_checked = 0;

  options_init (&options);
  options.include_input = TRUE;
  g_assert_true (chorus_export_xml (project, path, &options, &error));
  g_assert_no_error (error);

  xmllint = find_tool ("xmllint");
  if (xmllint != NULL)
    {
      const char *argv[] = { xmllint, "--noout", "--relaxng", schema, path, NULL };

      g_free (run_tool (argv));
    }

  /* From memory: libchorus's entity loader refuses to open files. */
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    doc = xmlReadMemory (contents, (int) length, "submission.xml", NULL, XML_PARSE_NONET);
  }
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_true (is (root, "submission"));
  g_assert_cmpstr ((const char *) root->ns->href, ==, CHORUS_SUBMISSION_NAMESPACE);
  g_assert_cmpstr (attr (root, "version"), ==, "1");
  g_assert_cmpstr (attr (root, "date"), ==, "2010-10-08");

  /* The whole response. */
  {
    xmlNode *summary = child (root, "input-summary");

    g_assert_cmpuint (attr_count (summary, "items"), ==, chorus_stats_get_n_items (stats));
    g_assert_cmpuint (attr_count (summary, "coded-items"), ==,
                      chorus_stats_get_n_coded_items (stats));
    check_summary (summary, stats, NULL, project_count, &n_checked);
  }

  /* Each question. */
  for (xmlNode *document = root->children; document != NULL; document = document->next)
    {
      if (!is (document, "document"))
        continue;
      for (xmlNode *section = document->children; section != NULL; section = section->next)
        {
          if (!is (section, "section"))
            continue;
          for (xmlNode *question = section->children; question != NULL; question = question->next)
            {
              g_autofree char *id = NULL;
              xmlNode *summary;
              xmlNode *answer;
              xmlNode *input;

              if (!is (question, "question"))
                continue;
              id = g_strdup (attr (question, "id"));
              g_assert_nonnull (chorus_consultation_find_question (consultation, id));
              n_questions++;

              answer = child (question, "answer");
              g_assert_nonnull (answer);
              if (g_strcmp0 (attr (answer, "response"), "none") == 0)
                {
                  ChorusDraft *draft = chorus_project_get_answer (project, id);

                  g_assert_true (draft == NULL || chorus_draft_get_text (draft) == NULL ||
                                 *chorus_draft_get_text (draft) == '\0');
                  n_no_response++;
                }

              summary = child (question, "input-summary");
              g_assert_cmpuint (attr_count (summary, "items"), ==,
                                chorus_stats_count_question (stats, id));
              for (xmlNode *c = summary->children; c != NULL; c = c->next)
                {
                  g_autofree char *ref = NULL;
                  guint expected;

                  if (c->type != XML_ELEMENT_NODE)
                    continue;
                  ref = g_strdup (attr (c, is (c, "stance") ? "value" : "ref"));
                  expected = question_count (stats, id, (const char *) c->name, ref);
                  if (expected == G_MAXUINT)
                    expected = count_items (project, id, (const char *) c->name, ref);
                  g_assert_cmpuint (attr_count (c, "items"), ==, expected);
                  n_checked++;
                }

              input = child (question, "input");
              if (input == NULL)
                g_error ("Question %s has no <input>", id);
              for (xmlNode *item = input->children; item != NULL; item = item->next)
                if (is (item, "item"))
                  n_input++;
            }
        }
    }

  g_assert_cmpuint (n_questions, ==, chorus_consultation_get_n_questions (consultation));
  g_assert_cmpuint (n_no_response, >, 0);
  g_assert_cmpuint (n_input, ==, chorus_stats_get_n_items (stats));
  g_assert_cmpuint (n_checked, >, 100);

  xmlFreeDoc (doc);
  attr (NULL, NULL);
  remove_dir (dir);
}

static void
test_xml_options (void)
{
  g_autoptr(ChorusProject) project = load_tricky ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) with_input = NULL;
  ChorusExportOptions options;
  const char *text;

  options_init (&options);
  first = chorus_export_xml_to_bytes (project, &options, &error);
  g_assert_no_error (error);
  second = chorus_export_xml_to_bytes (project, &options, &error);
  g_assert_no_error (error);
  /* Deterministic: same project, same options, same bytes. */
  g_assert_true (g_bytes_equal (first, second));

  text = g_bytes_get_data (first, NULL);
  g_assert_nonnull (strstr (text, "<option id=\"opt-2\">Option 2 – two smaller bodies</option>"));
  g_assert_nonnull (strstr (text, "response=\"none\""));
  g_assert_nonnull (strstr (text, "<point>We support the aims of the proposals.</point>"));
  g_assert_nonnull (strstr (text, "<partner-response group=\"partner\">"));
  /* No input without include_input; counts include the unpublished item. */
  g_assert_null (strstr (text, "<input>"));
  g_assert_nonnull (strstr (text, "<input-summary items=\"9\""));

  options.include_input = TRUE;
  with_input = chorus_export_xml_to_bytes (project, &options, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (with_input, NULL);
  g_assert_nonnull (strstr (text, "author=\"Alice Author\""));
  g_assert_null (strstr (text, "UNPUBLISHED-REMARK"));
  g_assert_nonnull (strstr (text, "<coding theme=\"cost\" start=\"2\" end=\"9\"/>"));

  {
    g_autoptr(GBytes) redacted = NULL;

    options.redact_authors = TRUE;
    redacted = chorus_export_xml_to_bytes (project, &options, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (g_bytes_get_data (redacted, NULL), "Alice Author"));
  }
}

/* The check before writing does reject what breaks the schema. */
static void
test_xml_validation_rejects (void)
{
  static const char *broken[] = {
    /* No respondent. */
    "<submission xmlns=\"" CHORUS_SUBMISSION_NAMESPACE "\" version=\"1\" date=\"2010-10-08\" "
    "generator=\"x\"><consultation id=\"c\"><title>T</title></consultation></submission>",
    /* A count that is not a number. */
    "<submission xmlns=\"" CHORUS_SUBMISSION_NAMESPACE "\" version=\"1\" date=\"2010-10-08\" "
    "generator=\"x\"><respondent><organisation>O</organisation></respondent>"
    "<consultation id=\"c\"><title>T</title></consultation><groups/><activities/><themes/>"
    "<input-summary items=\"many\"/></submission>",
    /* Not well-formed. */
    "<submission",
  };
  static const char *valid =
    "<submission xmlns=\"" CHORUS_SUBMISSION_NAMESPACE "\" version=\"1\" date=\"2010-10-08\" "
    "generator=\"x\"><respondent><organisation>O</organisation></respondent>"
    "<consultation id=\"c\"><title>T</title></consultation><groups/><activities/><themes/>"
    "<input-summary items=\"0\"/></submission>";

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (broken[i], strlen (broken[i]));
      g_autoptr(GError) error = NULL;

      g_assert_false (_chorus_export_validate_submission (bytes, &error));
      g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID);
    }

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (valid, strlen (valid));
    g_autoptr(GError) error = NULL;

    g_assert_true (_chorus_export_validate_submission (bytes, &error));
    g_assert_no_error (error);
  }
}

/* CSV ------------------------------------------------------------------------------- */

/* RFC 4180, strictly: records of fields, quoted fields with doubled quotes. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  g_assert_true (g_str_has_prefix (p, "\xEF\xBB\xBF"));
  p += 3;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                g_string_append_c (field, '"'), p++;
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r');
        }
      else
        {
          while (*p != ',' && *p != '\r' && *p != '\0')
            {
              /* Unquoted fields never hold these. */
              g_assert_true (*p != '"' && *p != '\n');
              g_string_append_c (field, *p++);
            }
        }

      g_ptr_array_add (record, g_string_free (field, FALSE));
      field = g_string_new (NULL);
      if (*p == ',')
        {
          p++;
          continue;
        }
      g_assert_true (p[0] == '\r' && p[1] == '\n');
      p += 2;
      g_ptr_array_add (records, record);
      record = g_ptr_array_new_with_free_func (g_free);
    }

  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static GPtrArray *
find_record (GPtrArray  *records,
             const char *item_id)
{
  for (guint r = 1; r < records->len; r++)
    {
      GPtrArray *record = g_ptr_array_index (records, r);

      if (g_str_equal (g_ptr_array_index (record, 0), item_id))
        return record;
    }

  g_error ("No row for %s", item_id);
  return NULL;
}

#define FIELD(record, n) ((const char *) ((GPtrArray *) (record))->pdata[(n)])

static void
test_csv (void)
{
  g_autoptr(ChorusProject) project = load_tricky ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) redacted = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) redacted_records = NULL;
  g_autofree char *expected_path = source_path ("tests", "data", "export", "tricky.csv", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "input.csv", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;
  ChorusExportOptions options;
  const char *text;
  gsize length;

  options_init (&options);
  bytes = chorus_export_csv_to_bytes (project, &options);
  text = g_bytes_get_data (bytes, &length);
  g_assert_true (g_utf8_validate (text, length, NULL));

  /* Quoting, byte for byte: a comma, a quote and a line break. */
  g_assert_nonnull (strstr (text, ",\"Cheaper, faster, better\"\r\n"));
  g_assert_nonnull (strstr (text, ",\"They said \"\"no\"\" twice\"\r\n"));
  g_assert_nonnull (strstr (text, ",\"First line of a note\nSecond line of the same note\"\r\n"));
  g_assert_nonnull (strstr (text, ",\"Cost, value; money\","));

  records = parse_csv (text);
  g_assert_cmpuint (records->len, ==, 1 + 8);
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, 0))->len, ==, 9);
  g_assert_cmpstr (FIELD (g_ptr_array_index (records, 0), 8), ==, "Text");

  /* Formulas neutralised: what a spreadsheet would run, it shows. */
  g_assert_cmpstr (FIELD (find_record (records, "i-formula"), 8), ==, "'=SUM(A1:A3)");
  g_assert_cmpstr (FIELD (find_record (records, "i-plus"), 8), ==, "'+44 is the dialling code");
  g_assert_cmpstr (FIELD (find_record (records, "i-minus"), 8), ==,
                   "'- reports showing performance\n- cost of current services");
  g_assert_cmpstr (FIELD (find_record (records, "i-at"), 8), ==, "'@everyone should be consulted");
  g_assert_cmpstr (FIELD (find_record (records, "i-tab"), 8), ==, "'\tstarts with a tab");
  /* Everything else as it was. */
  g_assert_cmpstr (FIELD (find_record (records, "i-comma"), 8), ==, "Cheaper, faster, better");
  g_assert_cmpstr (FIELD (find_record (records, "i-quote"), 8), ==, "They said \"no\" twice");

  /* The other columns. */
  {
    GPtrArray *record = find_record (records, "i-minus");

    g_assert_cmpstr (FIELD (record, 1), ==, "Q1");
    g_assert_cmpstr (FIELD (record, 2), ==, "Which option do you prefer?");
    g_assert_cmpstr (FIELD (record, 3), ==, "Staff");
    g_assert_cmpstr (FIELD (record, 4), ==, "Staff focus groups");
    g_assert_cmpstr (FIELD (record, 5), ==, "");
    g_assert_cmpstr (FIELD (record, 6), ==, "Access to services; Cost, value; money");
    g_assert_cmpstr (FIELD (find_record (records, "i-formula"), 7), ==, "Alice Author");
    g_assert_cmpstr (FIELD (find_record (records, "i-formula"), 5), ==, "Agree");
  }
  g_assert_null (strstr (text, "UNPUBLISHED-REMARK"));

  /* The golden file pins the format down. */
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);

  /* Redacted: no author column at all. */
  options.redact_authors = TRUE;
  redacted = chorus_export_csv_to_bytes (project, &options);
  redacted_records = parse_csv (g_bytes_get_data (redacted, NULL));
  g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (redacted_records, 0))->len, ==, 8);
  g_assert_null (strstr (g_bytes_get_data (redacted, NULL), "Alice Author"));

  /* And through a file. */
  g_assert_true (chorus_export_csv (project, path, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, g_bytes_get_data (redacted, NULL));
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  fixed_date = g_date_time_new_utc (2010, 10, 8, 12, 0, 0);

  g_test_add_func ("/export/layout/table-header-repeats", test_layout_table_header_repeats);
  g_test_add_func ("/export/layout/long-row-splits", test_layout_long_row_splits);
  g_test_add_func ("/export/layout/heading-moves", test_layout_heading_moves);
  g_test_add_func ("/export/layout/widows-orphans", test_layout_widows_orphans);
  g_test_add_func ("/export/layout/spaces-collapse", test_layout_spaces_collapse);
  g_test_add_func ("/export/layout/heading-dash", test_layout_heading_dash);
  g_test_add_func ("/export/layout/question-kept-together", test_layout_question_kept_together);
  g_test_add_func ("/export/layout/subheading-repeats", test_layout_subheading_repeats);
  g_test_add_func ("/export/layout/quote-label-repeats", test_layout_quote_label_repeats);
  g_test_add_func ("/export/pdf/text-in-order", test_pdf_text_in_order);
  g_test_add_func ("/export/pdf/question-numbers", test_pdf_question_numbers);
  g_test_add_func ("/export/pdf/item-markers", test_pdf_item_markers);
  g_test_add_func ("/export/pdf/info", test_pdf_info);
  g_test_add_func ("/export/pdf/letter", test_pdf_letter);
  g_test_add_func ("/export/pdf/stance-note", test_pdf_stance_note);
  g_test_add_func ("/export/pdf/table-faces", test_pdf_table_faces);
  g_test_add_func ("/export/pdf/activities-sentence", test_pdf_activities_sentence);
  g_test_add_func ("/export/pdf/info-no-organisation", test_pdf_info_no_organisation);
  g_test_add_func ("/export/pdf/geometry", test_pdf_geometry);
  g_test_add_func ("/export/pdf/contents", test_pdf_contents);
  g_test_add_func ("/export/pdf/outline", test_pdf_outline);
  g_test_add_func ("/export/pdf/options", test_pdf_options);
  g_test_add_func ("/export/unwritable", test_unwritable);
  g_test_add_func ("/export/cancelled", test_cancelled);
  g_test_add_func ("/export/xml/valid-and-counts", test_xml_valid_and_counts);
  g_test_add_func ("/export/xml/options", test_xml_options);
  g_test_add_func ("/export/xml/validation-rejects", test_xml_validation_rejects);
  g_test_add_func ("/export/csv", test_csv);

  status = g_test_run ();

  example_clear ();
  g_date_time_unref (fixed_date);

  return status;
}
