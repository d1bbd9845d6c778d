/* chorus-model-private.h — what the loaders and the project may do that nobody else may
 *
 * Loaders build a model directly, without undo steps or change notifications;
 * every other change goes through ChorusProject.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus.h"

G_BEGIN_DECLS

/* Consultation: link children to their parents and index ids. Called by
 * chorus_*_add_*(); the consultation's index is built lazily on first lookup. */
void         _chorus_section_set_document       (ChorusSection      *self,
                                                 ChorusDocument     *document);
void         _chorus_question_set_section       (ChorusQuestion     *self,
                                                 ChorusSection      *section);
void         _chorus_document_set_consultation  (ChorusDocument     *self,
                                                 ChorusConsultation *consultation);

/* Items. Ids are interned (g_intern_string) so that 100,000 items share them. */
ChorusItem  *_chorus_item_new_take              (char               *id,
                                                 const char         *question_id,
                                                 const char         *group_id,
                                                 const char         *activity_id,
                                                 char               *text,
                                                 ChorusStance        stance,
                                                 char               *author,
                                                 gboolean            publish);
/* For loaders: the caller has checked 0 <= start < end <= length and the theme.
 * Returns FALSE when the same (theme, start, end) is already there. */
gboolean     _chorus_item_add_coding            (ChorusItem         *self,
                                                 const char         *theme_id,
                                                 guint               start,
                                                 guint               end);

/* Drafts */
ChorusDraft *_chorus_draft_new_full             (ChorusDraftKind     kind,
                                                 const char         *target_id,
                                                 const char         *group_id,
                                                 const char         *text,
                                                 const char         *option_id,
                                                 ChorusDraftStatus   status);

/* Activities, groups, themes: the public constructors plus these. */
void         _chorus_activity_set_details       (ChorusActivity     *self,
                                                 const char         *dates,
                                                 const char         *involved,
                                                 const char         *number_involved);
void         _chorus_group_set_partner          (ChorusGroup        *self,
                                                 gboolean            partner);
void         _chorus_theme_set_details          (ChorusTheme        *self,
                                                 const char         *description,
                                                 const char         *parent_id,
                                                 const char * const *keywords);

/* Project: appending while loading. The project takes a reference. Ids must be
 * unique (the loader checks with the find functions first). */
void         _chorus_project_load_respondent    (ChorusProject      *self,
                                                 const char         *organisation,
                                                 const char         *contact_name,
                                                 const char         *contact_role,
                                                 const char         *contact_email,
                                                 const char         *contact_phone);
void         _chorus_project_load_group         (ChorusProject      *self,
                                                 ChorusGroup        *group);
void         _chorus_project_load_activity      (ChorusProject      *self,
                                                 ChorusActivity     *activity);
void         _chorus_project_load_theme         (ChorusProject      *self,
                                                 ChorusTheme        *theme);
/* Takes the array's items in order; the array is emptied. */
void         _chorus_project_load_items         (ChorusProject      *self,
                                                 GPtrArray          *items);
void         _chorus_project_load_draft         (ChorusProject      *self,
                                                 ChorusDraft        *draft);

/* Codebook */
ChorusCodebook *_chorus_codebook_new            (void);
void            _chorus_codebook_insert         (ChorusCodebook     *self,
                                                 guint               position,
                                                 ChorusTheme        *theme);
void            _chorus_codebook_remove         (ChorusCodebook     *self,
                                                 guint               position);

G_END_DECLS
