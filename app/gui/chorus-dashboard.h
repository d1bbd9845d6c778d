/* chorus-dashboard.h — the page of summary charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_DASHBOARD (chorus_dashboard_get_type ())

G_DECLARE_FINAL_TYPE (ChorusDashboard, chorus_dashboard, CHORUS, DASHBOARD, GtkWidget)

/* Property "project". Signal "show-items" (const ChorusChartHit *hit): the user clicked a
 * bar, segment, cell or a count in a table; show exactly the items behind it
 * (chorus_item_filter_set_from_hit). The hit is valid during the emission only. */
GtkWidget     *chorus_dashboard_new          (void);
ChorusProject *chorus_dashboard_get_project  (ChorusDashboard *self);
void           chorus_dashboard_set_project  (ChorusDashboard *self,
                                              ChorusProject   *project);
/* The input list's group and activity filters, so the charts count what the list shows;
 * NULL means any. "" (items without a group or activity) cannot be charted and counts as
 * NULL. */
void           chorus_dashboard_set_filters  (ChorusDashboard *self,
                                              const char      *group_id,
                                              const char      *activity_id);
/* Only the questions of one consultation document, or NULL for the whole consultation; the
 * scope menu on the page does the same. */
const char    *chorus_dashboard_get_document_id (ChorusDashboard *self);
void           chorus_dashboard_set_document_id (ChorusDashboard *self,
                                                 const char      *document_id);

G_END_DECLS
