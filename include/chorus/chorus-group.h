/* chorus-group.h — a respondent group: Staff, Public, a partner council…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_GROUP (chorus_group_get_type ())

G_DECLARE_FINAL_TYPE (ChorusGroup, chorus_group, CHORUS, GROUP, GObject)

/* Change groups through ChorusProject so the edit can be undone. */
ChorusGroup *chorus_group_new          (const char  *id,
                                        const char  *name) G_GNUC_WARN_UNUSED_RESULT;
const char  *chorus_group_get_id       (ChorusGroup *self);
const char  *chorus_group_get_name     (ChorusGroup *self);
/* A partner organisation writes its own response, printed beside ours. */
gboolean     chorus_group_get_partner  (ChorusGroup *self);

G_END_DECLS
