/* chorus-question-page.h — the content area for one question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_QUESTION_PAGE (chorus_question_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusQuestionPage, chorus_question_page, CHORUS, QUESTION_PAGE, GtkWidget)

GtkWidget      *chorus_question_page_new          (void);
ChorusProject  *chorus_question_page_get_project  (ChorusQuestionPage *self);
void            chorus_question_page_set_project  (ChorusQuestionPage *self,
                                                   ChorusProject      *project);
ChorusQuestion *chorus_question_page_get_question (ChorusQuestionPage *self);
void            chorus_question_page_set_question (ChorusQuestionPage *self,
                                                   ChorusQuestion     *question);
/* The input items shown: those of the project answering the question. */
GListModel     *chorus_question_page_get_items    (ChorusQuestionPage *self);

G_END_DECLS
