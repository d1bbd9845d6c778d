/* chorus-item-row.h — one piece of input in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ITEM_ROW (chorus_item_row_get_type ())

G_DECLARE_FINAL_TYPE (ChorusItemRow, chorus_item_row, CHORUS, ITEM_ROW, GtkWidget)

GtkWidget     *chorus_item_row_new         (void);
ChorusItem    *chorus_item_row_get_item    (ChorusItemRow *self);
void           chorus_item_row_set_item    (ChorusItemRow *self,
                                            ChorusItem    *item);
/* The project names the item's group and activity. */
ChorusProject *chorus_item_row_get_project (ChorusItemRow *self);
void           chorus_item_row_set_project (ChorusItemRow *self,
                                            ChorusProject *project);

G_END_DECLS
