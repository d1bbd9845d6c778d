/* chorus-theme.h — one code of the codebook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_THEME (chorus_theme_get_type ())

G_DECLARE_FINAL_TYPE (ChorusTheme, chorus_theme, CHORUS, THEME, GObject)

/* Change themes through ChorusProject so the edit can be undone. */
ChorusTheme        *chorus_theme_new             (const char  *id,
                                                  const char  *name,
                                                  const char  *colour) G_GNUC_WARN_UNUSED_RESULT;
const char         *chorus_theme_get_id          (ChorusTheme *self);
const char         *chorus_theme_get_name        (ChorusTheme *self);
/* "#rrggbb" */
const char         *chorus_theme_get_colour      (ChorusTheme *self);
const char         *chorus_theme_get_description (ChorusTheme *self);
/* Id of the parent theme, or NULL at the top level. */
const char         *chorus_theme_get_parent_id   (ChorusTheme *self);
/* NULL-terminated; never NULL. */
const char * const *chorus_theme_get_keywords    (ChorusTheme *self);

/* Parses "#rrggbb" into 0..1 components; FALSE if it is not such a colour. */
gboolean            chorus_colour_parse          (const char  *colour,
                                                  double      *red,
                                                  double      *green,
                                                  double      *blue);
/* The colour to draw a theme in on a light or a @dark background: very dark colours are lifted
 * towards white on a dark one, keeping their hue, so a dot, a bar or a highlight still stands
 * out. A colour that does not parse gives a neutral grey (and FALSE). Charts, the input list
 * and the codebook all use it, so a theme looks the same everywhere. */
gboolean            chorus_colour_parse_for_background (const char *colour,
                                                        gboolean    dark,
                                                        double     *red,
                                                        double     *green,
                                                        double     *blue);

G_END_DECLS
