/* chorus-theme-menu.h — the "tag with theme" menu built from a codebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus.h"

G_BEGIN_DECLS

/* A small round swatch of @colour ("#rrggbb") for menus, lists and images. */
GIcon *chorus_theme_swatch_new    (const char *colour) G_GNUC_WARN_UNUSED_RESULT;

/* Replaces the contents of @menu with one entry per theme, in the order the codebook pane shows
 * them (chorus_codebook_dup_tree_order): its name, its swatch, @action_name with the theme id
 * as target ("s"), and the Ctrl+digit accelerator label for the first
 * CHORUS_N_THEME_SHORTCUTS. */
void   chorus_theme_menu_fill     (GMenu          *menu,
                                   ChorusProject  *project,
                                   const char     *action_name);

G_END_DECLS
