/* chorus-card-grid.h — cards in one or two columns, each card under the shorter column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_CARD_GRID (chorus_card_grid_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCardGrid, chorus_card_grid, CHORUS, CARD_GRID, GtkWidget)

/* Property "min-column-width": a second column appears once both get at least this much. */
GtkWidget *chorus_card_grid_new                  (void);
int        chorus_card_grid_get_min_column_width (ChorusCardGrid *self);
void       chorus_card_grid_set_min_column_width (ChorusCardGrid *self,
                                                  int             width);
/* How many columns the last allocation used. */
guint      chorus_card_grid_get_n_columns        (ChorusCardGrid *self);

G_END_DECLS
