/* chorus-codebook-pane.h — the codebook as a tree of themes with their counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CODEBOOK_PANE (chorus_codebook_pane_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCodebookPane, chorus_codebook_pane, CHORUS, CODEBOOK_PANE, GtkWidget)

/* Signals:
 *   "theme-activated"  (ChorusTheme *theme): the user activated a row (double-click, Enter)
 *                       or chose "Apply to Input"; the window applies the theme.
 *   "show-theme-input" (const char *theme_id): the user asked to see the input coded with
 *                       the theme; the window filters its input list by it. */
GtkWidget     *chorus_codebook_pane_new                (void);
ChorusProject *chorus_codebook_pane_get_project        (ChorusCodebookPane *self);
void           chorus_codebook_pane_set_project        (ChorusCodebookPane *self,
                                                        ChorusProject      *project);
ChorusTheme   *chorus_codebook_pane_get_selected_theme (ChorusCodebookPane *self);
/* Selects @theme, expanding its ancestors and scrolling to it; NULL unselects. */
void           chorus_codebook_pane_select_theme       (ChorusCodebookPane *self,
                                                        ChorusTheme        *theme);
/* The theme that Ctrl+@number (1…9) applies: the @number-th theme of the codebook read top
 * to bottom with every branch open, as the pane numbers them. NULL when there is none. */
ChorusTheme   *chorus_codebook_pane_get_shortcut_theme (ChorusCodebookPane *self,
                                                        guint               number);
/* Puts @theme under @parent (NULL: the top level). Refuses a loop and tells the user why. */
gboolean       chorus_codebook_pane_move_theme         (ChorusCodebookPane *self,
                                                        ChorusTheme        *theme,
                                                        ChorusTheme        *parent);

G_END_DECLS
