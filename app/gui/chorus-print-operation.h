/* chorus-print-operation.h — print the submission as the PDF export lays it out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_PRINT_OPERATION (chorus_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPrintOperation, chorus_print_operation, CHORUS, PRINT_OPERATION,
                      GtkPrintOperation)

/* Prints @project with the default export options (input tables and charts,
 * unpublished items left out) on the paper the print dialog chooses. The
 * pages are laid out in a worker thread, on a copy taken when printing
 * begins. Run it with gtk_print_operation_run(). */
ChorusPrintOperation *chorus_print_operation_new              (ChorusProject        *project) G_GNUC_WARN_UNUSED_RESULT;
ChorusProject        *chorus_print_operation_get_project      (ChorusPrintOperation *self);
/* Why the pages could not be laid out, after a run that printed nothing; NULL otherwise. */
const GError         *chorus_print_operation_get_layout_error (ChorusPrintOperation *self);

G_END_DECLS
