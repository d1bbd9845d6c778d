/* chorus-partner-responses.h — partner organisations' own responses to one target
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_PARTNER_RESPONSES (chorus_partner_responses_get_type ())

G_DECLARE_FINAL_TYPE (ChorusPartnerResponses, chorus_partner_responses, CHORUS, PARTNER_RESPONSES, GtkWidget)

GtkWidget *chorus_partner_responses_new           (void);
void       chorus_partner_responses_set_project   (ChorusPartnerResponses *self,
                                                   ChorusProject          *project);
/* A question, document or consultation id; NULL hides the list. */
void       chorus_partner_responses_set_target_id (ChorusPartnerResponses *self,
                                                   const char             *target_id);
gboolean   chorus_partner_responses_commit        (ChorusPartnerResponses *self);
/* The editor of one partner group's response, or NULL when the group is not a partner. */
GtkWidget *chorus_partner_responses_get_editor    (ChorusPartnerResponses *self,
                                                   const char             *group_id);

G_END_DECLS
