/* chorus-theme-menu.h — the "tag with theme" menu built from a codebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus.h"

G_BEGIN_DECLS

/* The first themes of the codebook get Ctrl+1 … Ctrl+9. */
#define CHORUS_THEME_MENU_N_SHORTCUTS 9

/* A small round swatch of @colour ("#rrggbb") for menus, lists and images. */
GIcon *chorus_theme_swatch_new    (const char *colour) G_GNUC_WARN_UNUSED_RESULT;

/* Replaces the contents of @menu with one entry per theme of @codebook, in codebook order:
 * its name, its swatch, @action_name with the theme id as target ("s"), and the Ctrl+digit
 * accelerator label for the first CHORUS_THEME_MENU_N_SHORTCUTS. */
void   chorus_theme_menu_fill     (GMenu          *menu,
                                   ChorusCodebook *codebook,
                                   const char     *action_name);

G_END_DECLS
