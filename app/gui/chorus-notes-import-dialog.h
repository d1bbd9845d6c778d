/* chorus-notes-import-dialog.h — the assistant that imports a focus group's notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_NOTES_IMPORT_DIALOG (chorus_notes_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusNotesImportDialog, chorus_notes_import_dialog, CHORUS,
                      NOTES_IMPORT_DIALOG, AdwWindow)

/* Starts reading @file (plain text or Markdown) at once, in a worker thread. Signal
 * "imported" (const char *report) once the items are in the project, just before the
 * assistant closes itself. */
ChorusNotesImportDialog *chorus_notes_import_dialog_new         (GtkWindow               *parent,
                                                                 ChorusProject           *project,
                                                                 GFile                   *file);
ChorusProject           *chorus_notes_import_dialog_get_project (ChorusNotesImportDialog *self);
GFile                   *chorus_notes_import_dialog_get_file    (ChorusNotesImportDialog *self);

G_END_DECLS
