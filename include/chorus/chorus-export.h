/* chorus-export.h — the submission: a typeset PDF, schema-valid XML and a
 * spreadsheet-safe CSV of the coded input
 *
 * All three write atomically: the file appears complete or not at all, and
 * an existing file at @path is replaced only on success. Errors are
 * CHORUS_ERROR_IO naming the file and the reason (CHORUS_ERROR_INVALID when
 * the XML would break its own schema, which is a bug worth reporting).
 *
 * The project must not change while an export runs. A window that exports
 * in a thread hands the thread a copy (chorus_project_to_bytes() and
 * chorus_project_load_bytes()) and keeps editing the original.
 *
 * See docs/export.md for what each file contains.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_SUBMISSION_NAMESPACE "https://chorus-app.github.io/ns/submission/1"
#define CHORUS_SUBMISSION_VERSION   1

typedef enum
{
  CHORUS_PAPER_SIZE_A4,
  CHORUS_PAPER_SIZE_LETTER,
} ChorusPaperSize;

/* Called now and then with the fraction done (0 to 1); from the exporting
 * thread. */
typedef void (*ChorusExportProgressFunc) (double   fraction,
                                          gpointer user_data);

typedef struct
{
  /* PDF */
  ChorusPaperSize           paper_size;
  /* The "Group | Question | Summary response" tables of the input. */
  gboolean                  include_input_tables;
  /* The summary charts, as vector graphics. */
  gboolean                  include_charts;

  /* All formats: items marked publish=false are left out unless this is
   * set. Counts (XML) always cover all input; only the text is withheld. */
  gboolean                  include_unpublished;
  /* Leave out who said what (ChorusItem's author). */
  gboolean                  redact_authors;

  /* XML: the coded input itself, item by item, besides the counts. */
  gboolean                  include_input;

  /* The date of the submission, printed on the title page and written into
   * the metadata; NULL means now (or $SOURCE_DATE_EPOCH when set, so builds
   * of the same project are reproducible). */
  GDateTime                *date;

  GCancellable             *cancellable;
  ChorusExportProgressFunc  progress;
  gpointer                  progress_data;

  /*< private >*/
  gpointer                  padding[8];
} ChorusExportOptions;

/* The defaults: A4, input tables and charts included, unpublished items
 * left out, authors named, no coded input in the XML, dated now. */
void     chorus_export_options_init (ChorusExportOptions       *options);

gboolean chorus_export_pdf          (ChorusProject             *project,
                                     const char                *path,
                                     const ChorusExportOptions *options,
                                     GError                   **error);
gboolean chorus_export_xml          (ChorusProject             *project,
                                     const char                *path,
                                     const ChorusExportOptions *options,
                                     GError                   **error);
gboolean chorus_export_csv          (ChorusProject             *project,
                                     const char                *path,
                                     const ChorusExportOptions *options,
                                     GError                   **error);

/* The XML and CSV as bytes, for a caller that sends them elsewhere. */
GBytes  *chorus_export_xml_to_bytes (ChorusProject             *project,
                                     const ChorusExportOptions *options,
                                     GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes  *chorus_export_csv_to_bytes (ChorusProject             *project,
                                     const ChorusExportOptions *options) G_GNUC_WARN_UNUSED_RESULT;

/* Printing ---------------------------------------------------------------
 *
 * The PDF's pages, laid out once and drawn onto any cairo context, so that
 * GtkPrintOperation prints exactly what the PDF shows:
 *
 *   layout = chorus_export_layout_new (project, &options, width, height, NULL);
 *   gtk_print_operation_set_n_pages (op, chorus_page_layout_get_n_pages (layout));
 *   … in "draw-page": chorus_page_layout_render_page (layout, cr, page_nr);
 *
 * Sizes are in points (1/72 inch) and the context must be in points too,
 * with its origin at the corner of the sheet, since the layout has margins
 * of its own (gtk_print_operation_set_unit (op, GTK_UNIT_POINTS) and
 * gtk_print_operation_set_use_full_page (op, TRUE)).
 */

#define CHORUS_TYPE_PAGE_LAYOUT (chorus_page_layout_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPageLayout, chorus_page_layout, CHORUS, PAGE_LAYOUT, GObject)

/* @page_width and @page_height 0 take the options' paper size. NULL with
 * @error set when cancelled. */
ChorusPageLayout *chorus_export_layout_new         (ChorusProject             *project,
                                                    const ChorusExportOptions *options,
                                                    double                     page_width,
                                                    double                     page_height,
                                                    GError                   **error) G_GNUC_WARN_UNUSED_RESULT;
guint             chorus_page_layout_get_n_pages   (ChorusPageLayout          *self);
void              chorus_page_layout_get_page_size (ChorusPageLayout          *self,
                                                    double                    *width,
                                                    double                    *height);
/* Draws page @page (0-based) with its running header and footer into
 * (0, 0, width, height) of @cr's user space. */
void              chorus_page_layout_render_page   (ChorusPageLayout          *self,
                                                    cairo_t                   *cr,
                                                    guint                      page);

G_END_DECLS
