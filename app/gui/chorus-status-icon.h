/* chorus-status-icon.h — the status of an answer as a small icon
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_STATUS_ICON (chorus_status_icon_get_type ())

G_DECLARE_FINAL_TYPE (ChorusStatusIcon, chorus_status_icon, CHORUS, STATUS_ICON, GtkWidget)

GtkWidget         *chorus_status_icon_new        (void);
ChorusDraftStatus  chorus_status_icon_get_status (ChorusStatusIcon  *self);
void               chorus_status_icon_set_status (ChorusStatusIcon  *self,
                                                  ChorusDraftStatus  status);

G_END_DECLS
