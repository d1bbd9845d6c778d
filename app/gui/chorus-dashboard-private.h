/* chorus-dashboard-private.h — the dashboard's parts, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus-chart-table-view.h"
#include "chorus-chart-view.h"
#include "chorus-dashboard.h"

G_BEGIN_DECLS

typedef enum
{
  CHORUS_DASHBOARD_THEMES,
  CHORUS_DASHBOARD_HEATMAP,
  CHORUS_DASHBOARD_STANCE,
  CHORUS_DASHBOARD_COVERAGE,
  CHORUS_DASHBOARD_N_CHARTS,
} ChorusDashboardChart;

/* One card: a chart, its picture and its table. */
typedef struct
{
  ChorusChart          *chart;
  GtkWidget            *card;
  GtkLabel             *title;
  GtkToggleButton      *table_toggle;
  GtkStack             *stack;
  ChorusChartView      *view;
  ChorusChartTableView *table;
} ChorusDashboardCard;

struct _ChorusDashboard
{
  GtkWidget            parent_instance;

  ChorusProject       *project;
  char                *group_id;
  char                *activity_id;
  /* Per entry of the scope menu, the document's id; NULL first for the whole consultation. */
  GPtrArray           *scope_document_ids;
  char                *document_id;

  ChorusDashboardCard  cards[CHORUS_DASHBOARD_N_CHARTS];

  GtkLabel            *scope_label;
  GtkDropDown         *scope_dropdown;
  GtkWidget           *cards_box;
  GtkToggleButton     *stack_by_group_toggle;
  GtkDropDown         *heatmap_rows_dropdown;
};

G_END_DECLS
