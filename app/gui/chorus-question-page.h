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
/* The input items shown: those of the project answering the question that pass the filters. */
GListModel     *chorus_question_page_get_items    (ChorusQuestionPage *self);
/* The filter bar's criteria; a chart click sets them with chorus_item_filter_set_from_hit(). */
ChorusItemFilter *chorus_question_page_get_filter (ChorusQuestionPage *self);
void            chorus_question_page_clear_filters (ChorusQuestionPage *self);
/* Exactly the input behind a chart's bar; across all questions unless the bar is one
 * question's. Selecting a question afterwards returns to it. */
void            chorus_question_page_show_hit     (ChorusQuestionPage   *self,
                                                   const ChorusChartHit *hit);
ChorusItem     *chorus_question_page_get_selected_item (ChorusQuestionPage *self);
void            chorus_question_page_select_item  (ChorusQuestionPage *self,
                                                   ChorusItem         *item);
/* Opens the item in a ChorusItemEditor; an item that had no text when it opened and still has
 * none when the editor closes (a new one, abandoned) is removed again. */
void            chorus_question_page_edit_item    (ChorusQuestionPage *self,
                                                   ChorusItem         *item);
/* Adds each non-empty line of @text as an item under the question, bullets and numbers
 * stripped, in one undoable step; returns how many. */
guint           chorus_question_page_paste_text   (ChorusQuestionPage *self,
                                                   const char         *text);

G_END_DECLS
