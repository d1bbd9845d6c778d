/* chorus-draft-text.h — an editor for one piece of the organisation's own text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_DRAFT_TEXT (chorus_draft_text_get_type ())

G_DECLARE_FINAL_TYPE (ChorusDraftText, chorus_draft_text, CHORUS, DRAFT_TEXT, GtkWidget)

GtkWidget   *chorus_draft_text_new           (void);
/* What the editor edits: an answer (target a question id), key points (a document or section
 * id) or a partner's response (a document or question id, and the partner @group). NULL
 * @project shows nothing. */
void         chorus_draft_text_set_target    (ChorusDraftText *self,
                                              ChorusProject   *project,
                                              ChorusDraftKind  kind,
                                              const char      *target_id,
                                              ChorusGroup     *group);
/* Writes typing not yet in the project into it now, as one undoable step. */
void         chorus_draft_text_commit        (ChorusDraftText *self);
GtkTextView *chorus_draft_text_get_text_view (ChorusDraftText *self);
/* The accessible name and the hint shown while the text is empty. */
void         chorus_draft_text_set_label     (ChorusDraftText *self,
                                              const char      *label,
                                              const char      *placeholder);

G_END_DECLS
