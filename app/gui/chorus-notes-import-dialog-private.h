/* chorus-notes-import-dialog-private.h — the notes import assistant's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-import-target.h"
#include "chorus-notes-import-dialog.h"

G_BEGIN_DECLS

struct _ChorusNotesImportDialog
{
  AdwWindow           parent_instance;

  ChorusProject      *project;
  GFile              *file;
  ChorusNotesImport  *import;
  GCancellable       *cancellable;
  ChorusImportTarget  target;
  /* "Keep Unassigned", then the consultation's questions. */
  GtkStringList      *place_labels;
  GPtrArray          *place_rows;      /* of AdwComboRow, one per block to place */

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkWidget          *import_button;
  GtkStack           *stack;
  GtkLabel           *loading_label;
  AdwStatusPage      *error_page;
  AdwComboRow        *group_row;
  AdwEntryRow        *new_group_row;
  AdwComboRow        *activity_row;
  AdwEntryRow        *new_activity_row;
  AdwComboRow        *kind_row;
  GtkSwitch          *duplicates_switch;
  AdwPreferencesGroup *unassigned_group;
  GtkListBox         *unassigned_list;
  GtkLabel           *placed_label;
  GtkBox             *preview_box;
};

/* The page shown: "loading", "error" or "notes". */
const char *_chorus_notes_import_dialog_get_page (ChorusNotesImportDialog *self);

G_END_DECLS
