/* chorus-engagement-page.h — who responds, their groups and the consultation activities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_ENGAGEMENT_PAGE (chorus_engagement_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusEngagementPage, chorus_engagement_page, CHORUS, ENGAGEMENT_PAGE,
                      AdwPreferencesPage)

GtkWidget     *chorus_engagement_page_new         (void);
ChorusProject *chorus_engagement_page_get_project (ChorusEngagementPage *self);
void           chorus_engagement_page_set_project (ChorusEngagementPage *self,
                                                   ChorusProject        *project);

G_END_DECLS
