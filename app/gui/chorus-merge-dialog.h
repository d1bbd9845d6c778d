/* chorus-merge-dialog.h — the assistant that merges a colleague's copy of the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_MERGE_DIALOG (chorus_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusMergeDialog, chorus_merge_dialog, CHORUS, MERGE_DIALOG, AdwWindow)

/* Starts reading @file (a .chorus project) at once, in a worker thread. Signal "imported"
 * (const char *report) once the merge is in the project, just before the assistant closes
 * itself. */
ChorusMergeDialog *chorus_merge_dialog_new         (GtkWindow         *parent,
                                                    ChorusProject     *project,
                                                    GFile             *file);
ChorusProject     *chorus_merge_dialog_get_project (ChorusMergeDialog *self);
GFile             *chorus_merge_dialog_get_file    (ChorusMergeDialog *self);

G_END_DECLS
