/* chorus-theme-dialog.h — create a theme, or edit one's name, colour, place and keywords
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_THEME_DIALOG (chorus_theme_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ChorusThemeDialog, chorus_theme_dialog, CHORUS, THEME_DIALOG, AdwWindow)

/* Signals:
 *   "applied" (ChorusTheme *theme): the edit reached the project (one undo step); the
 *             dialog closes itself afterwards. */

/* @theme NULL makes a new theme. */
ChorusThemeDialog *chorus_theme_dialog_new              (ChorusProject     *project,
                                                         ChorusTheme       *theme);
ChorusProject     *chorus_theme_dialog_get_project      (ChorusThemeDialog *self);
/* The theme being edited; NULL for a new one until it is applied. */
ChorusTheme       *chorus_theme_dialog_get_theme        (ChorusThemeDialog *self);
/* The parent a new theme starts under. */
void               chorus_theme_dialog_set_parent_theme (ChorusThemeDialog *self,
                                                         ChorusTheme       *parent);

/* Offers the codebook's colour-blind-safe palette first in any colour chooser. */
void               chorus_theme_dialog_add_palette      (GtkColorChooser   *chooser);
/* "#rrggbb" of an opaque colour. */
char              *chorus_theme_dialog_format_colour    (const GdkRGBA     *rgba) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
