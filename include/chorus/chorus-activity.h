/* chorus-activity.h — an engagement activity, the channel input came through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ACTIVITY (chorus_activity_get_type ())

G_DECLARE_FINAL_TYPE (ChorusActivity, chorus_activity, CHORUS, ACTIVITY, GObject)

/* Change activities through ChorusProject so the edit can be undone. */
ChorusActivity     *chorus_activity_new                (const char         *id,
                                                        ChorusActivityKind  kind,
                                                        const char         *title) G_GNUC_WARN_UNUSED_RESULT;
const char         *chorus_activity_get_id             (ChorusActivity     *self);
ChorusActivityKind  chorus_activity_get_kind           (ChorusActivity     *self);
const char         *chorus_activity_get_title          (ChorusActivity     *self);
/* Free text as people write it: "20 Sep 2010: two sessions; 22 Sep 2010". */
const char         *chorus_activity_get_dates          (ChorusActivity     *self);
/* Who was involved and how they were reached. */
const char         *chorus_activity_get_involved       (ChorusActivity     *self);
/* "Approximately 70 staff across all 7 sessions". */
const char         *chorus_activity_get_number_involved (ChorusActivity    *self);

G_END_DECLS
