/* chorus-question.h — one numbered question of a consultation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_QUESTION (chorus_question_get_type ())

G_DECLARE_FINAL_TYPE (ChorusQuestion, chorus_question, CHORUS, QUESTION, GObject)

ChorusQuestion     *chorus_question_new              (const char         *id,
                                                      const char         *number,
                                                      const char         *text,
                                                      ChorusQuestionKind  kind) G_GNUC_WARN_UNUSED_RESULT;
const char         *chorus_question_get_id           (ChorusQuestion     *self);
const char         *chorus_question_get_number       (ChorusQuestion     *self);
const char         *chorus_question_get_text         (ChorusQuestion     *self);
ChorusQuestionKind  chorus_question_get_kind         (ChorusQuestion     *self);
/* A pointer into the consultation document, such as "paragraph 30". */
const char         *chorus_question_get_reference    (ChorusQuestion     *self);
void                chorus_question_set_reference    (ChorusQuestion     *self,
                                                      const char         *reference);
/* Options of a single-choice question, in order; ids are stable, labels are shown. */
void                chorus_question_add_option       (ChorusQuestion     *self,
                                                      const char         *id,
                                                      const char         *label);
guint               chorus_question_get_n_options    (ChorusQuestion     *self);
const char         *chorus_question_get_option_id    (ChorusQuestion     *self,
                                                      guint               position);
const char         *chorus_question_get_option_label (ChorusQuestion     *self,
                                                      guint               position);
const char         *chorus_question_find_option      (ChorusQuestion     *self,
                                                      const char         *option_id);
/* The section it belongs to; NULL until added to one. */
ChorusSection      *chorus_question_get_section      (ChorusQuestion     *self);

G_END_DECLS
