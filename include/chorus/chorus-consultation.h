/* chorus-consultation.h — the question set a response answers
 *
 * A consultation is read-only once loaded: Chorus edits responses, not the
 * government's questions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CONSULTATION (chorus_consultation_get_type ())

G_DECLARE_FINAL_TYPE (ChorusConsultation, chorus_consultation, CHORUS, CONSULTATION, GObject)

ChorusConsultation *chorus_consultation_new             (const char          *id,
                                                         const char          *title) G_GNUC_WARN_UNUSED_RESULT;
const char         *chorus_consultation_get_id          (ChorusConsultation  *self);
const char         *chorus_consultation_get_title       (ChorusConsultation  *self);
const char         *chorus_consultation_get_issuer      (ChorusConsultation  *self);
void                chorus_consultation_set_issuer      (ChorusConsultation  *self,
                                                         const char          *issuer);
/* The issuer's reference (a gateway number, say); may be NULL. */
const char         *chorus_consultation_get_reference   (ChorusConsultation  *self);
void                chorus_consultation_set_reference   (ChorusConsultation  *self,
                                                         const char          *reference);
/* ISO 8601 dates (YYYY-MM-DD); may be NULL. */
const char         *chorus_consultation_get_opens       (ChorusConsultation  *self);
const char         *chorus_consultation_get_closes      (ChorusConsultation  *self);
void                chorus_consultation_set_dates       (ChorusConsultation  *self,
                                                         const char          *opens,
                                                         const char          *closes);
const char         *chorus_consultation_get_description (ChorusConsultation  *self);
void                chorus_consultation_set_description (ChorusConsultation  *self,
                                                         const char          *description);
/* A list of ChorusDocument. */
GListModel         *chorus_consultation_get_documents   (ChorusConsultation  *self);
void                chorus_consultation_add_document    (ChorusConsultation  *self,
                                                         ChorusDocument      *document);
/* Lookups by id; NULL when absent. Ids are unique across the whole consultation. */
ChorusQuestion     *chorus_consultation_find_question   (ChorusConsultation  *self,
                                                         const char          *question_id);
ChorusSection      *chorus_consultation_find_section    (ChorusConsultation  *self,
                                                         const char          *section_id);
ChorusDocument     *chorus_consultation_find_document   (ChorusConsultation  *self,
                                                         const char          *document_id);
/* Every question in document order, as a flat list of ChorusQuestion. */
GListModel         *chorus_consultation_get_questions   (ChorusConsultation  *self);
guint               chorus_consultation_get_n_questions (ChorusConsultation  *self);
/* Position of a question in document order, or -1. */
int                 chorus_consultation_get_question_index (ChorusConsultation *self,
                                                            const char         *question_id);

/* Reading and writing *.consultation.xml; see docs/file-format.md. */
ChorusConsultation *chorus_consultation_load_file       (const char          *path,
                                                         GError             **error) G_GNUC_WARN_UNUSED_RESULT;
ChorusConsultation *chorus_consultation_load_bytes      (GBytes              *bytes,
                                                         const char          *display_name,
                                                         GError             **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes             *chorus_consultation_to_bytes        (ChorusConsultation  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
