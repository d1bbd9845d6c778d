/* chorus-activity-dialog.h — add an engagement activity, or edit one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ACTIVITY_DIALOG (chorus_activity_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusActivityDialog, chorus_activity_dialog, CHORUS, ACTIVITY_DIALOG,
                      AdwWindow)

/* Signals:
 *   "applied" (ChorusActivity *activity): the edit reached the project as one undo step; the
 *             dialog closes itself afterwards. */

/* @activity NULL adds a new one. */
ChorusActivityDialog *chorus_activity_dialog_new          (ChorusProject        *project,
                                                           ChorusActivity       *activity);
/* The activity being edited; NULL for a new one until it is applied. */
ChorusActivity       *chorus_activity_dialog_get_activity (ChorusActivityDialog *self);

G_END_DECLS
