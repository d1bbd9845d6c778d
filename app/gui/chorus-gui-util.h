/* chorus-gui-util.h — small pieces the window's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

/* The first nine themes, in the order the codebook pane shows them, answer to Ctrl+1 … Ctrl+9
 * wherever input is tagged (the input list, the input editor, their menus). */
#define CHORUS_N_THEME_SHORTCUTS 9

/* The themes as the codebook pane shows them: each followed by its sub-themes. The array
 * holds no references; the codebook does. */
GPtrArray   *chorus_codebook_dup_tree_order    (ChorusProject *project) G_GNUC_WARN_UNUSED_RESULT;
/* The theme at @position of that order (Ctrl+1 is position 0), or NULL. */
ChorusTheme *chorus_codebook_get_theme_at      (ChorusProject *project,
                                                guint          position);
/* Codes the whole item with the theme, or, when it already is, takes that coding away.
 * Returns TRUE when the item now carries the theme on its whole text. */
gboolean     chorus_toggle_whole_item_theme    (ChorusProject *project,
                                                ChorusItem    *item,
                                                ChorusTheme   *theme);
/* The theme's colour as drawn on the current style's background (lifted a little in the dark
 * style when it is very dark), or a neutral grey. */
void         chorus_theme_get_rgba             (ChorusTheme   *theme,
                                                GdkRGBA       *rgba);
/* The same for a "#rrggbb" string; FALSE (and grey) if it does not parse. */
gboolean     chorus_colour_parse_for_style     (const char    *colour,
                                                double        *red,
                                                double        *green,
                                                double        *blue);
/* "Staff", "Online staff survey": names for ids, or "" for none. */
const char  *chorus_project_group_name         (ChorusProject *project,
                                                const char    *group_id);
const char  *chorus_project_activity_name      (ChorusProject *project,
                                                const char    *activity_id);
/* AdwStatusPage reads its description as Pango markup; this shows @text as it is, so a file
 * name with "&" or a message naming an <element> is not lost. */
void         chorus_status_page_set_description_text (AdwStatusPage *page,
                                                      const char    *text);

/* A toast showing @text as it is: libadwaita 1.2 reads a toast's title as Pango markup, and a
 * file name or an error message with "&" or "<" in it would otherwise show blank. */
AdwToast    *chorus_toast_new_text             (const char    *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
