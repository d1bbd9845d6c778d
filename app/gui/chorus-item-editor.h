/* chorus-item-editor.h — the dialog where one input item is edited and tagged with themes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ITEM_EDITOR (chorus_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (ChorusItemEditor, chorus_item_editor, CHORUS, ITEM_EDITOR, AdwWindow)

/* A modal dialog; make it transient for the main window before presenting it. It closes
 * itself when the item leaves the project. */
GtkWidget     *chorus_item_editor_new           (ChorusProject    *project,
                                                 ChorusItem       *item);
ChorusProject *chorus_item_editor_get_project   (ChorusItemEditor *self);
ChorusItem    *chorus_item_editor_get_item      (ChorusItemEditor *self);
GtkTextView   *chorus_item_editor_get_text_view (ChorusItemEditor *self);
/* Writes typing not yet committed to the project (it is otherwise committed after a pause). */
void           chorus_item_editor_commit_text   (ChorusItemEditor *self);

G_END_DECLS
