/* chorus-search-result.h — finding questions, input and drafts by their words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

typedef enum
{
  CHORUS_SEARCH_RESULT_QUESTION,
  CHORUS_SEARCH_RESULT_ITEM,
  CHORUS_SEARCH_RESULT_DRAFT,
} ChorusSearchResultKind;

#define CHORUS_TYPE_SEARCH_RESULT (chorus_search_result_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSearchResult, chorus_search_result, CHORUS, SEARCH_RESULT, GObject)

ChorusSearchResultKind chorus_search_result_get_kind        (ChorusSearchResult *self);
/* The question to show; NULL for key points or a partner response of a document or section,
 * which have a target id instead. */
const char            *chorus_search_result_get_question_id (ChorusSearchResult *self);
/* The document, section or question a draft belongs to; the question for the others. */
const char            *chorus_search_result_get_target_id   (ChorusSearchResult *self);
/* For input items, the item. */
const char            *chorus_search_result_get_item_id     (ChorusSearchResult *self);
/* Where it was found: "Q3 · Input from Staff", "Q3 · Our answer". Translated. */
const char            *chorus_search_result_get_title       (ChorusSearchResult *self);
/* The words around the match, on one line, with "…" where cut. */
const char            *chorus_search_result_get_snippet     (ChorusSearchResult *self);

/* Questions first (in consultation order), then drafts, then input, at most @max_results in
 * all; a GListModel of ChorusSearchResult. Case is ignored. Empty text finds nothing. */
GListModel            *chorus_search_project               (ChorusProject      *project,
                                                            const char         *text,
                                                            guint               max_results) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
