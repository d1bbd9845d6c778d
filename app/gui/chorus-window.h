/* chorus-window.h — a window showing one response
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_WINDOW (chorus_window_get_type ())

G_DECLARE_FINAL_TYPE (ChorusWindow, chorus_window, CHORUS, WINDOW, AdwApplicationWindow)

/* @application may be NULL (the tests make windows without one). */
ChorusWindow  *chorus_window_new             (GtkApplication *application);
ChorusProject *chorus_window_get_project     (ChorusWindow   *self);
void           chorus_window_set_project     (ChorusWindow   *self,
                                              ChorusProject  *project);
/* Loads a .chorus file (or a .consultation.xml, which starts a new response) in a worker
 * thread, then shows it; a failure is shown to the user in a dialog. */
void           chorus_window_open_file       (ChorusWindow   *self,
                                              GFile          *file);
/* Opens the bundled example as a new, unsaved response (it is installed read-only). */
void           chorus_window_open_example    (ChorusWindow   *self);
/* The key of the response's recovery copy (see chorus-recovery.h); NULL without a response. */
const char    *chorus_window_get_recovery_key (ChorusWindow  *self);
/* The file shown, or being opened; NULL when neither. */
GFile         *chorus_window_get_file        (ChorusWindow   *self);
/* TRUE while the welcome page shows and nothing is being opened. */
gboolean       chorus_window_is_empty        (ChorusWindow   *self);
/* Saves to the response's file, or asks for one; TRUE when saved now. Failures are shown to
 * the user. */
gboolean       chorus_window_save            (ChorusWindow   *self);
/* Selects the question in the outline, expanding its document and section. */
gboolean       chorus_window_select_question (ChorusWindow   *self,
                                              const char     *question_id);

G_END_DECLS
