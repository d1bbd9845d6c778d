/* chorus-export-dialog.h — export the response as PDF, XML or CSV, in the background
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

typedef enum
{
  CHORUS_EXPORT_FORMAT_PDF,
  CHORUS_EXPORT_FORMAT_XML,
  CHORUS_EXPORT_FORMAT_CSV,
} ChorusExportFormat;

#define CHORUS_TYPE_EXPORT_FORMAT (chorus_export_format_get_type ())

GType chorus_export_format_get_type (void) G_GNUC_CONST;

#define CHORUS_TYPE_EXPORT_DIALOG (chorus_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusExportDialog, chorus_export_dialog, CHORUS, EXPORT_DIALOG, AdwWindow)

/* A modal dialog over @parent. "Export…" asks where to save, then exports a
 * copy of @project in a worker thread while the window stays usable.
 *
 * Signals: "exported" (GFile *file) once the file is complete; the dialog
 * closes itself afterwards. Failures are shown by the dialog itself. */
ChorusExportDialog *chorus_export_dialog_new          (GtkWindow           *parent,
                                                       ChorusProject       *project,
                                                       ChorusExportFormat   format);
ChorusProject      *chorus_export_dialog_get_project  (ChorusExportDialog  *self);
ChorusExportFormat  chorus_export_dialog_get_format   (ChorusExportDialog  *self);
void                chorus_export_dialog_set_format   (ChorusExportDialog  *self,
                                                       ChorusExportFormat   format);
/* The options as the dialog's switches set them (without cancellable or
 * progress callback). */
void                chorus_export_dialog_get_options  (ChorusExportDialog  *self,
                                                       ChorusExportOptions *options);
/* "<organisation> response.pdf", with the format's extension. */
char               *chorus_export_dialog_dup_default_name (ChorusExportDialog *self) G_GNUC_WARN_UNUSED_RESULT;
/* What "Export…" does once the user has chosen @file: starts the export. */
void                chorus_export_dialog_export_to    (ChorusExportDialog  *self,
                                                       GFile               *file);
gboolean            chorus_export_dialog_get_exporting (ChorusExportDialog *self);
/* Stops a running export, leaving no file behind; the dialog stays open. */
void                chorus_export_dialog_cancel       (ChorusExportDialog  *self);

/* Opens an exported file in the user's default application (for the
 * "Open" button of the toast the window shows after "exported"). A failure
 * is shown over @parent. */
void                chorus_export_dialog_open_file    (GtkWindow           *parent,
                                                       GFile               *file);

G_END_DECLS
