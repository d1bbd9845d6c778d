/* chorus-draft-pane.h — our response to one question: status, chosen option, answer,
 * partner responses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_DRAFT_PANE (chorus_draft_pane_get_type ())

G_DECLARE_FINAL_TYPE (ChorusDraftPane, chorus_draft_pane, CHORUS, DRAFT_PANE, GtkWidget)

GtkWidget      *chorus_draft_pane_new          (void);
ChorusProject  *chorus_draft_pane_get_project  (ChorusDraftPane *self);
/* Commits pending typing to the previous project and clears the question. */
void            chorus_draft_pane_set_project  (ChorusDraftPane *self,
                                                ChorusProject   *project);
ChorusQuestion *chorus_draft_pane_get_question (ChorusDraftPane *self);
/* Commits pending typing for the previous question first. */
void            chorus_draft_pane_set_question (ChorusDraftPane *self,
                                                ChorusQuestion  *question);
/* Writes pending typing (answer and partner responses) to the project; TRUE when it
 * changed. Call before saving, closing, undoing from the window or switching projects. */
gboolean        chorus_draft_pane_commit       (ChorusDraftPane *self);

G_END_DECLS
