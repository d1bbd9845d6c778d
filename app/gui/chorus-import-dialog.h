/* chorus-import-dialog.h — the assistant that imports a survey's CSV export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_IMPORT_DIALOG (chorus_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusImportDialog, chorus_import_dialog, CHORUS, IMPORT_DIALOG, AdwWindow)

/* Starts reading @file at once, in a worker thread. Signal "imported" (const char *report)
 * once the items are in the project, just before the assistant closes itself. */
ChorusImportDialog *chorus_import_dialog_new         (GtkWindow          *parent,
                                                      ChorusProject      *project,
                                                      GFile              *file);
ChorusProject      *chorus_import_dialog_get_project (ChorusImportDialog *self);
GFile              *chorus_import_dialog_get_file    (ChorusImportDialog *self);

G_END_DECLS
