/* chorus-draft-text.h — an editor for one piece of draft text in the project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_DRAFT_TEXT (chorus_draft_text_get_type ())

G_DECLARE_FINAL_TYPE (ChorusDraftText, chorus_draft_text, CHORUS, DRAFT_TEXT, GtkWidget)

GtkWidget     *chorus_draft_text_new              (void);
ChorusProject *chorus_draft_text_get_project      (ChorusDraftText *self);
/* Commits a pending edit to the previous project and clears the target. */
void           chorus_draft_text_set_project      (ChorusDraftText *self,
                                                   ChorusProject   *project);
/* Which draft the editor shows and edits: an answer (@target_id a question id), key points
 * (a document or section id) or a partner response (a consultation, document or question id,
 * and the partner's @group_id). @target_id NULL shows nothing and makes the editor
 * insensitive. A pending edit of the previous target is committed first. */
void           chorus_draft_text_set_target       (ChorusDraftText *self,
                                                   ChorusDraftKind  kind,
                                                   const char      *target_id,
                                                   const char      *group_id);
const char    *chorus_draft_text_get_target_id    (ChorusDraftText *self);
/* Writes what was typed since the last commit to the project as one undo step. Returns TRUE
 * when the project changed. Typing commits by itself after a short pause and when the editor
 * loses focus; call this before saving, closing or switching projects. */
gboolean       chorus_draft_text_commit           (ChorusDraftText *self);
gboolean       chorus_draft_text_has_pending_edit (ChorusDraftText *self);
/* Words in the text shown, as chorus_count_words() counts them. */
guint          chorus_draft_text_get_n_words      (ChorusDraftText *self);
GtkTextBuffer *chorus_draft_text_get_buffer       (ChorusDraftText *self);
const char    *chorus_draft_text_get_placeholder_text (ChorusDraftText *self);
void           chorus_draft_text_set_placeholder_text (ChorusDraftText *self,
                                                       const char      *placeholder_text);

/* The accessible name of the text, read out when it takes focus ("Answer", "Key points"). */
void           chorus_draft_text_set_label        (ChorusDraftText *self,
                                                   const char      *label);

G_END_DECLS
