/* chorus-item-filter.h — which input items to show
 *
 * The criteria behind the input list's filter bar and behind a click on a
 * chart: every criterion that is set must hold. The window wraps one in a
 * GtkCustomFilter; keeping the matching here lets the tests and the
 * benchmark check it without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-chart.h"
#include "chorus-types.h"

G_BEGIN_DECLS

/* How the set of matching items changed, as GtkFilterChange has it, so that a
 * list over 100,000 items only re-checks the ones that can change. */
typedef enum
{
  CHORUS_ITEM_FILTER_CHANGE_DIFFERENT,
  /* Every item that matched still matches (a criterion was removed). */
  CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT,
  /* No item that did not match matches now (the search text grew). */
  CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT,
} ChorusItemFilterChange;

/* chorus_item_filter_set_stance() with this matches any stance. */
#define CHORUS_ITEM_FILTER_ANY_STANCE ((ChorusStance) -1)

#define CHORUS_TYPE_ITEM_FILTER (chorus_item_filter_get_type ())

G_DECLARE_FINAL_TYPE (ChorusItemFilter, chorus_item_filter, CHORUS, ITEM_FILTER, GObject)

/* Signal "changed" (ChorusItemFilterChange change): the criteria changed;
 * emitted once per setter call that changed something. */

/* The project resolves documents and sections to their questions. */
ChorusItemFilter *chorus_item_filter_new             (ChorusProject    *project) G_GNUC_WARN_UNUSED_RESULT;

/* Each id: NULL means any. For group and activity, "" means items that have
 * none. */
const char       *chorus_item_filter_get_question_id (ChorusItemFilter *self);
void              chorus_item_filter_set_question_id (ChorusItemFilter *self,
                                                      const char       *question_id);
/* Every question of a consultation document, or of one section. */
const char       *chorus_item_filter_get_document_id (ChorusItemFilter *self);
void              chorus_item_filter_set_document_id (ChorusItemFilter *self,
                                                      const char       *document_id);
const char       *chorus_item_filter_get_section_id  (ChorusItemFilter *self);
void              chorus_item_filter_set_section_id  (ChorusItemFilter *self,
                                                      const char       *section_id);
const char       *chorus_item_filter_get_group_id    (ChorusItemFilter *self);
void              chorus_item_filter_set_group_id    (ChorusItemFilter *self,
                                                      const char       *group_id);
const char       *chorus_item_filter_get_activity_id (ChorusItemFilter *self);
void              chorus_item_filter_set_activity_id (ChorusItemFilter *self,
                                                      const char       *activity_id);
/* Items coded with the theme (anywhere in their text). */
const char       *chorus_item_filter_get_theme_id    (ChorusItemFilter *self);
void              chorus_item_filter_set_theme_id    (ChorusItemFilter *self,
                                                      const char       *theme_id);
/* Items coded with any of these themes (a chart's "Other"); replaces the
 * single theme. NULL or empty clears. */
void              chorus_item_filter_set_theme_ids   (ChorusItemFilter  *self,
                                                      const char * const *theme_ids);
const char * const *chorus_item_filter_get_theme_ids (ChorusItemFilter *self);
ChorusStance      chorus_item_filter_get_stance      (ChorusItemFilter *self);
void              chorus_item_filter_set_stance      (ChorusItemFilter *self,
                                                      ChorusStance      stance);
/* Words to find in the item's text or author, ignoring case; NULL or "" for
 * any. */
const char       *chorus_item_filter_get_text        (ChorusItemFilter *self);
void              chorus_item_filter_set_text        (ChorusItemFilter *self,
                                                      const char       *text);

/* TRUE when no criterion but the question (or document or section) is set:
 * what the input list shows before the user narrows it. */
gboolean          chorus_item_filter_is_unfiltered   (ChorusItemFilter *self);
/* Clears group, activity, theme, stance and text, keeping the question,
 * document or section: what Escape does in the filter bar. */
void              chorus_item_filter_clear           (ChorusItemFilter *self);
/* Exactly the items behind a chart's bar, segment or cell: every criterion
 * replaced by the hit's, in one "changed". */
void              chorus_item_filter_set_from_hit    (ChorusItemFilter     *self,
                                                      const ChorusChartHit *hit);

gboolean          chorus_item_filter_matches         (ChorusItemFilter *self,
                                                      ChorusItem       *item);

G_END_DECLS
