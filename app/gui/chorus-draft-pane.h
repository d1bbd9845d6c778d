/* chorus-draft-pane.h — the organisation's answer to one question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_DRAFT_PANE (chorus_draft_pane_get_type ())

G_DECLARE_FINAL_TYPE (ChorusDraftPane, chorus_draft_pane, CHORUS, DRAFT_PANE, GtkWidget)

GtkWidget   *chorus_draft_pane_new             (void);
void         chorus_draft_pane_set_project     (ChorusDraftPane *self,
                                                ChorusProject   *project);
void         chorus_draft_pane_set_question    (ChorusDraftPane *self,
                                                ChorusQuestion  *question);
/* Writes typing not yet in the project into it. */
void         chorus_draft_pane_commit          (ChorusDraftPane *self);
GtkTextView *chorus_draft_pane_get_answer_view (ChorusDraftPane *self);
GtkDropDown *chorus_draft_pane_get_status_dropdown (ChorusDraftPane *self);

G_END_DECLS
