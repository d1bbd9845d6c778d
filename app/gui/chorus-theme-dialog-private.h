/* chorus-theme-dialog-private.h — ChorusThemeDialog's insides, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-theme-dialog.h"

G_BEGIN_DECLS

struct _ChorusThemeDialog
{
  AdwWindow       parent_instance;

  ChorusProject  *project;
  ChorusTheme    *theme;
  /* What each row of parent_row stands for: NULL (the top level) or a ChorusTheme. */
  GPtrArray      *parent_choices;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkButton      *apply_button;
  AdwEntryRow    *name_row;
  GtkColorButton *colour_button;
  AdwComboRow    *parent_row;
  AdwEntryRow    *description_row;
  AdwEntryRow    *keywords_row;
};

G_END_DECLS
