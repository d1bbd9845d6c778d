/* chorus-preferences-window.h — the application's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_PREFERENCES_WINDOW (chorus_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPreferencesWindow, chorus_preferences_window, CHORUS, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* @settings: the application's GSettings, which every row edits directly. */
GtkWidget *chorus_preferences_window_new (GtkWindow *parent,
                                          GSettings *settings);

G_END_DECLS
