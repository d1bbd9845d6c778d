/* chorus-import-dialog-private.h — the survey import assistant's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-import-dialog.h"
#include "chorus-import-target.h"

G_BEGIN_DECLS

/* The first entries of a column's dropdown; the consultation's questions follow. */
typedef enum
{
  CHORUS_IMPORT_COLUMN_CHOICE_IGNORE,
  CHORUS_IMPORT_COLUMN_CHOICE_AUTHOR,
  CHORUS_IMPORT_COLUMN_CHOICE_RESPONDENT_ID,
  CHORUS_IMPORT_COLUMN_N_CHOICES,
} ChorusImportColumnChoice;

struct _ChorusImportDialog
{
  AdwWindow           parent_instance;

  ChorusProject      *project;
  GFile              *file;
  ChorusCsvImport    *import;
  /* NULL for what the core detects; else the user's choice, converted from here. */
  char               *forced_encoding;
  GCancellable       *cancellable;
  ChorusImportTarget  target;
  /* The rehearsal on a copy of the project, shown on the summary page. */
  ChorusImportReport *rehearsal;
  GtkStringList      *question_labels;
  GPtrArray          *column_rows;     /* of AdwComboRow, one per column */
  guint               n_duplicates;

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkWidget          *cancel_button;
  GtkWidget          *back_button;
  GtkWidget          *next_button;
  GtkWidget          *import_button;
  GtkStack           *stack;
  GtkLabel           *loading_label;
  AdwStatusPage      *error_page;
  AdwActionRow       *file_row;
  AdwComboRow        *encoding_row;
  GtkWidget          *ragged_box;
  GtkLabel           *ragged_label;
  GtkCheckButton     *accept_ragged_check;
  GtkColumnView      *preview_view;
  AdwComboRow        *group_row;
  AdwEntryRow        *new_group_row;
  AdwComboRow        *activity_row;
  AdwEntryRow        *new_activity_row;
  AdwComboRow        *kind_row;
  AdwActionRow       *duplicates_row;
  GtkSwitch          *duplicates_switch;
  GtkListBox         *columns_list;
  GtkStack           *summary_stack;
  GtkLabel           *summary_title;
  GtkLabel           *rows_read_label;
  GtkLabel           *created_label;
  GtkLabel           *empty_label;
  GtkLabel           *unmapped_label;
  GtkLabel           *duplicates_label;
  AdwPreferencesGroup *unassigned_group;
  GtkListBox         *unassigned_list;
};

/* The page shown: "loading", "error", "preview", "mapping" or "summary". */
const char *_chorus_import_dialog_get_page (ChorusImportDialog *self);
/* TRUE while reading or rehearsing in a worker thread. */
gboolean    _chorus_import_dialog_is_busy  (ChorusImportDialog *self);

G_END_DECLS
