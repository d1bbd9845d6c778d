/* chorus-draft.h — text the organisation writes: an answer, key points, a
 * partner's response
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_DRAFT (chorus_draft_get_type ())

G_DECLARE_FINAL_TYPE (ChorusDraft, chorus_draft, CHORUS, DRAFT, GObject)

/* Change drafts through ChorusProject so the edit can be undone.
 *
 * ANSWER:           target is a question id; option and status apply.
 * KEY_POINTS:       target is a document or section id.
 * PARTNER_RESPONSE: target is a document or question id; group is the partner.
 */
ChorusDraft       *chorus_draft_new           (ChorusDraftKind  kind,
                                               const char      *target_id,
                                               const char      *group_id) G_GNUC_WARN_UNUSED_RESULT;
ChorusDraftKind    chorus_draft_get_kind      (ChorusDraft     *self);
const char        *chorus_draft_get_target_id (ChorusDraft     *self);
const char        *chorus_draft_get_group_id  (ChorusDraft     *self);
const char        *chorus_draft_get_text      (ChorusDraft     *self);
const char        *chorus_draft_get_option_id (ChorusDraft     *self);
ChorusDraftStatus  chorus_draft_get_status    (ChorusDraft     *self);
/* Words as a reader counts them; computed from the text. */
guint              chorus_draft_get_n_words   (ChorusDraft     *self);

guint              chorus_count_words         (const char      *text);

G_END_DECLS
