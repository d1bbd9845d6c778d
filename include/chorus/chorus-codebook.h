/* chorus-codebook.h — the project's themes, a GListModel of ChorusTheme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CODEBOOK (chorus_codebook_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCodebook, chorus_codebook, CHORUS, CODEBOOK, GObject)

ChorusTheme *chorus_codebook_find_theme      (ChorusCodebook *self,
                                              const char     *theme_id);
ChorusTheme *chorus_codebook_find_by_name    (ChorusCodebook *self,
                                              const char     *name);
/* Position in the list, or -1. */
int          chorus_codebook_get_position    (ChorusCodebook *self,
                                              ChorusTheme    *theme);
/* TRUE when @ancestor_id is @theme_id or one of its ancestors. */
gboolean     chorus_codebook_is_descendant   (ChorusCodebook *self,
                                              const char     *theme_id,
                                              const char     *ancestor_id);
/* The palette colour a new theme gets: colour-blind safe, cycling. */
const char  *chorus_codebook_get_next_colour (ChorusCodebook *self);

G_END_DECLS
