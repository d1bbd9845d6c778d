/* chorus-stats.h — counts over a project, shared by charts, exports and the CLI
 *
 * A ChorusStats is an immutable snapshot: take it with
 * chorus_project_get_stats() (which caches it until the next change) and
 * keep a reference for as long as you read it.
 *
 * An item counts once for a theme however many spans of it carry the theme.
 * A NULL group or activity id counts the items that have none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_STATS (chorus_stats_get_type ())

GType        chorus_stats_get_type                (void) G_GNUC_CONST;
ChorusStats *chorus_stats_new                     (ChorusProject *project) G_GNUC_WARN_UNUSED_RESULT;
ChorusStats *chorus_stats_ref                     (ChorusStats   *self);
void         chorus_stats_unref                   (ChorusStats   *self);

guint        chorus_stats_get_n_items             (ChorusStats   *self);
guint        chorus_stats_get_n_codings           (ChorusStats   *self);
/* Items with at least one coding. */
guint        chorus_stats_get_n_coded_items       (ChorusStats   *self);

guint        chorus_stats_count_theme             (ChorusStats   *self,
                                                   const char    *theme_id);
guint        chorus_stats_count_group             (ChorusStats   *self,
                                                   const char    *group_id);
guint        chorus_stats_count_activity          (ChorusStats   *self,
                                                   const char    *activity_id);
guint        chorus_stats_count_stance            (ChorusStats   *self,
                                                   ChorusStance   stance);
guint        chorus_stats_count_question          (ChorusStats   *self,
                                                   const char    *question_id);
guint        chorus_stats_count_question_stance   (ChorusStats   *self,
                                                   const char    *question_id,
                                                   ChorusStance   stance);
guint        chorus_stats_count_theme_group       (ChorusStats   *self,
                                                   const char    *theme_id,
                                                   const char    *group_id);
guint        chorus_stats_count_theme_activity    (ChorusStats   *self,
                                                   const char    *theme_id,
                                                   const char    *activity_id);
guint        chorus_stats_count_question_theme    (ChorusStats   *self,
                                                   const char    *question_id,
                                                   const char    *theme_id);
guint        chorus_stats_count_question_group_activity (ChorusStats *self,
                                                         const char  *question_id,
                                                         const char  *group_id,
                                                         const char  *activity_id);
/* Coverage: questions by the status of their answer (no answer = not started). */
guint        chorus_stats_count_status            (ChorusStats       *self,
                                                   ChorusDraftStatus  status);
guint        chorus_stats_count_document_status   (ChorusStats       *self,
                                                   const char        *document_id,
                                                   ChorusDraftStatus  status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusStats, chorus_stats_unref)

G_END_DECLS
