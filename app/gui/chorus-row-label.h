/* chorus-row-label.h — names the list row it sits in, for assistive technologies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_ROW_LABEL (chorus_row_label_get_type ())

G_DECLARE_FINAL_TYPE (ChorusRowLabel, chorus_row_label, CHORUS, ROW_LABEL, GtkWidget)

const char *chorus_row_label_get_label (ChorusRowLabel *self);
void        chorus_row_label_set_label (ChorusRowLabel *self,
                                        const char     *label);

/* Gives @label as the accessible name of the row of a GtkListView that @widget is inside (and
 * of a GtkTreeExpander on the way), which is what takes the keyboard focus. */
void        chorus_name_list_row       (GtkWidget      *widget,
                                        const char     *label);

G_END_DECLS
