/* chorus-chart-table-view.h — a chart's numbers as a table ("Show as Table")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_CHART_TABLE_VIEW (chorus_chart_table_view_get_type ())

G_DECLARE_FINAL_TYPE (ChorusChartTableView, chorus_chart_table_view, CHORUS, CHART_TABLE_VIEW, GtkWidget)

/* Property "chart". Signal "cell-activated" (const ChorusChartHit *hit): a count was
 * clicked; the hit is the one its bar, segment or cell gives, valid during the emission. */
GtkWidget        *chorus_chart_table_view_new       (ChorusChart          *chart);
ChorusChart      *chorus_chart_table_view_get_chart (ChorusChartTableView *self);
void              chorus_chart_table_view_set_chart (ChorusChartTableView *self,
                                                     ChorusChart          *chart);
/* The table shown, or NULL before the first one. */
ChorusChartTable *chorus_chart_table_view_get_table (ChorusChartTableView *self);
/* The widget showing a count (a button whose label is the number), or NULL. @row and
 * @column are the table's, also when a wide table is shown on its side. */
GtkWidget        *chorus_chart_table_view_get_cell  (ChorusChartTableView *self,
                                                     guint                 row,
                                                     guint                 column);

G_END_DECLS
