/* chorus-application.h — the Chorus application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus-window.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_APPLICATION (chorus_application_get_type ())

G_DECLARE_FINAL_TYPE (ChorusApplication, chorus_application, CHORUS, APPLICATION, AdwApplication)

ChorusApplication *chorus_application_new          (void) G_GNUC_WARN_UNUSED_RESULT;
/* Shows @file: presents the window that already has it, or opens it in @window when that
 * window is empty, or in a new window. @window may be NULL. */
void               chorus_application_open_file    (ChorusApplication *self,
                                                    GFile             *file,
                                                    ChorusWindow      *window);
/* The bundled example response: $CHORUS_EXAMPLES_DIR, then the installed copy, then the
 * source tree's (for running from the build directory). NULL when none is there. */
/* Where the example response and the bundled consultations are installed; NULL if missing. */
char              *chorus_application_find_examples_dir (void) G_GNUC_WARN_UNUSED_RESULT;
GFile             *chorus_application_find_example (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
