/* chorus-activity-dialog-private.h — ChorusActivityDialog's insides, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-activity-dialog.h"

G_BEGIN_DECLS

struct _ChorusActivityDialog
{
  AdwWindow       parent_instance;

  ChorusProject  *project;
  ChorusActivity *activity;

  /* Template children */
  AdwWindowTitle *window_title;
  GtkButton      *apply_button;
  AdwComboRow    *kind_row;
  AdwEntryRow    *title_row;
  GtkTextView    *dates_view;
  GtkTextView    *involved_view;
  AdwEntryRow    *number_row;
};

G_END_DECLS
