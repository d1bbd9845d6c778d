/* chorus-section.h — a titled group of questions inside a consultation document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_SECTION (chorus_section_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSection, chorus_section, CHORUS, SECTION, GObject)

ChorusSection  *chorus_section_new           (const char     *id,
                                              const char     *title) G_GNUC_WARN_UNUSED_RESULT;
const char     *chorus_section_get_id        (ChorusSection  *self);
const char     *chorus_section_get_title     (ChorusSection  *self);
/* A list of ChorusQuestion. */
GListModel     *chorus_section_get_questions (ChorusSection  *self);
void            chorus_section_add_question  (ChorusSection  *self,
                                              ChorusQuestion *question);
ChorusDocument *chorus_section_get_document  (ChorusSection  *self);

G_END_DECLS
