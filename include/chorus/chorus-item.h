/* chorus-item.h — one piece of input: what someone said about a question
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ITEM (chorus_item_get_type ())

G_DECLARE_FINAL_TYPE (ChorusItem, chorus_item, CHORUS, ITEM, GObject)

/* Change items through ChorusProject so the edit can be undone. */
ChorusItem   *chorus_item_new             (const char  *id,
                                           const char  *question_id,
                                           const char  *group_id,
                                           const char  *activity_id,
                                           const char  *text) G_GNUC_WARN_UNUSED_RESULT;
const char   *chorus_item_get_id          (ChorusItem  *self);
const char   *chorus_item_get_question_id (ChorusItem  *self);
/* NULL when the item is not assigned to a group or activity. */
const char   *chorus_item_get_group_id    (ChorusItem  *self);
const char   *chorus_item_get_activity_id (ChorusItem  *self);
const char   *chorus_item_get_text        (ChorusItem  *self);
/* Length of the text in Unicode characters, the unit of coding offsets. */
guint         chorus_item_get_length      (ChorusItem  *self);
ChorusStance  chorus_item_get_stance      (ChorusItem  *self);
/* Personal data: NULL unless the user recorded who said it. */
const char   *chorus_item_get_author      (ChorusItem  *self);
/* FALSE keeps the item out of published exports. */
gboolean      chorus_item_get_publish     (ChorusItem  *self);

/* Codings, sorted by start, then end, then theme id. Offsets are in Unicode
 * characters; @end is exclusive. A whole-item coding spans 0..length. */
guint         chorus_item_get_n_codings   (ChorusItem  *self);
const char   *chorus_item_get_coding      (ChorusItem  *self,
                                           guint        position,
                                           guint       *start,
                                           guint       *end);
gboolean      chorus_item_has_theme       (ChorusItem  *self,
                                           const char  *theme_id);

G_END_DECLS
