/* chorus-chart-view.h — one summary chart as a widget you can point at and walk with the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CHART_VIEW (chorus_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (ChorusChartView, chorus_chart_view, CHORUS, CHART_VIEW, GtkWidget)

/* Property "chart". Signal "region-activated" (const ChorusChartHit *hit): a bar, segment,
 * cell or label was clicked, or a region was activated with Enter or Space. The hit's
 * strings are valid during the emission only. */
GtkWidget   *chorus_chart_view_new                (ChorusChart     *chart);
ChorusChart *chorus_chart_view_get_chart          (ChorusChartView *self);
void         chorus_chart_view_set_chart          (ChorusChartView *self,
                                                   ChorusChart     *chart);
/* The region that has the keyboard focus ring, or -1. */
int          chorus_chart_view_get_focused_region (ChorusChartView *self);

G_END_DECLS
