/* chorus-item-editor.h — editing and coding one piece of input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ITEM_EDITOR (chorus_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (ChorusItemEditor, chorus_item_editor, CHORUS, ITEM_EDITOR, AdwWindow)

/* @is_new: the item was just added for this editor; closing with its text still empty
 * removes it again. */
ChorusItemEditor *chorus_item_editor_new           (GtkWindow        *parent,
                                                    ChorusProject    *project,
                                                    ChorusItem       *item,
                                                    gboolean          is_new);
ChorusItem       *chorus_item_editor_get_item      (ChorusItemEditor *self);
GtkTextView      *chorus_item_editor_get_text_view (ChorusItemEditor *self);
/* Writes the text typed so far into the project. */
void              chorus_item_editor_commit        (ChorusItemEditor *self);
/* Codes the selected text (or the whole item, with nothing selected) with the theme. */
gboolean          chorus_item_editor_apply_theme   (ChorusItemEditor *self,
                                                    ChorusTheme      *theme);

G_END_DECLS
