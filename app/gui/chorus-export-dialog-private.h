/* chorus-export-dialog-private.h — the dialog's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-export-dialog.h"

G_BEGIN_DECLS

struct _ChorusExportDialog
{
  AdwWindow             parent_instance;

  ChorusProject        *project;
  ChorusExportFormat    format;

  GtkFileChooserNative *file_chooser;
  /* Set while an export runs; cancelling it stops the worker thread. */
  GCancellable         *cancellable;
  /* The export's fraction done, in millionths, written by the worker thread. */
  gint                  progress;
  guint                 progress_timeout_id;
  /* The error shown last, kept so that tests can see what the user saw. */
  AdwMessageDialog     *error_dialog;
  /* Closed by the user while exporting: close once the worker has stopped. */
  guint                 close_when_done : 1;
  guint                 disposed : 1;

  GtkStack             *stack;
  GtkButton            *export_button;
  GtkButton            *cancel_button;
  GtkCheckButton       *pdf_check;
  GtkCheckButton       *xml_check;
  GtkCheckButton       *csv_check;
  AdwPreferencesGroup  *pages_group;
  AdwComboRow          *paper_row;
  GtkSwitch            *tables_switch;
  GtkSwitch            *charts_switch;
  AdwActionRow         *input_row;
  GtkSwitch            *input_switch;
  GtkSwitch            *unpublished_switch;
  GtkSwitch            *redact_switch;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
};

G_END_DECLS
