/* chorus-document.h — one consultation document (a white paper's companion paper)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_DOCUMENT (chorus_document_get_type ())

G_DECLARE_FINAL_TYPE (ChorusDocument, chorus_document, CHORUS, DOCUMENT, GObject)

ChorusDocument     *chorus_document_new              (const char     *id,
                                                      const char     *title) G_GNUC_WARN_UNUSED_RESULT;
const char         *chorus_document_get_id           (ChorusDocument *self);
const char         *chorus_document_get_title        (ChorusDocument *self);
/* The document's own introduction (a summary of what it proposes); may be NULL. */
const char         *chorus_document_get_summary      (ChorusDocument *self);
void                chorus_document_set_summary      (ChorusDocument *self,
                                                      const char     *summary);
/* A list of ChorusSection. */
GListModel         *chorus_document_get_sections     (ChorusDocument *self);
void                chorus_document_add_section      (ChorusDocument *self,
                                                      ChorusSection  *section);
ChorusConsultation *chorus_document_get_consultation (ChorusDocument *self);

G_END_DECLS
