/* chorus-item-text.h — an input item's text in a list row, wrapped at words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_ITEM_TEXT (chorus_item_text_get_type ())

G_DECLARE_FINAL_TYPE (ChorusItemText, chorus_item_text, CHORUS, ITEM_TEXT, GtkWidget)

GtkWidget  *chorus_item_text_new            (void);
const char *chorus_item_text_get_text       (ChorusItemText *self);
void        chorus_item_text_set_text       (ChorusItemText *self,
                                             const char     *text);
void        chorus_item_text_set_attributes (ChorusItemText *self,
                                             PangoAttrList  *attributes);

G_END_DECLS
