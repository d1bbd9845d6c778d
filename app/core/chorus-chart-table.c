/* chorus-chart-table.c — a chart's numbers as rows and columns
 *
 * The table is the chart's accessible alternative ("Show as table"), so it
 * holds every row the chart adds up as "Other", and the same numbers: it
 * reads the very ChorusChartData the chart draws. The heatmap's table is
 * laid out as drawn, groups down and themes across.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-chart-private.h"

struct _ChorusChartTable
{
  gatomicrefcount   ref_count;
  ChorusChartData  *data;
  /* Data rows shown, headings left out. Rows of the table, or its columns
   * when transposed. */
  GPtrArray        *rows;
  gboolean          transposed;
  gboolean          has_total;
  guint             n_rows;
  guint             n_columns;
  char            **texts;   /* [row * n_columns + column], formatted on demand */
};

G_DEFINE_BOXED_TYPE (ChorusChartTable, chorus_chart_table,
                     chorus_chart_table_ref, chorus_chart_table_unref)

ChorusChartTable *
_chorus_chart_table_new (ChorusChartData *data)
{
  ChorusChartTable *self = g_new0 (ChorusChartTable, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->data = _chorus_chart_data_ref (data);
  self->rows = g_ptr_array_new ();
  for (guint r = 0; r < data->rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (data->rows, r);

      if (!row->heading)
        g_ptr_array_add (self->rows, row);
    }

  if (data->kind == CHORUS_CHART_KIND_HEATMAP)
    {
      self->transposed = TRUE;
      self->n_rows = data->series->len;
      self->n_columns = self->rows->len;
    }
  else
    {
      self->has_total = data->series->len > 1;
      self->n_rows = self->rows->len;
      self->n_columns = data->series->len + (self->has_total ? 1 : 0);
    }

  self->texts = g_new0 (char *, MAX (self->n_rows * self->n_columns, 1));

  return self;
}

ChorusChartTable *
chorus_chart_table_ref (ChorusChartTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
chorus_chart_table_unref (ChorusChartTable *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_rows * self->n_columns; i++)
    g_free (self->texts[i]);
  g_free (self->texts);
  g_ptr_array_unref (self->rows);
  _chorus_chart_data_unref (self->data);
  g_free (self);
}

const char *
chorus_chart_table_get_caption (ChorusChartTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data->title;
}

const char *
chorus_chart_table_get_row_header (ChorusChartTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data->row_header;
}

guint
chorus_chart_table_get_n_rows (ChorusChartTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rows;
}

guint
chorus_chart_table_get_n_columns (ChorusChartTable *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

const char *
chorus_chart_table_get_column_label (ChorusChartTable *self,
                                     guint             column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  if (self->transposed)
    return ((ChorusChartRow *) g_ptr_array_index (self->rows, column))->label;
  if (column < self->data->series->len)
    return ((ChorusChartSeries *) g_ptr_array_index (self->data->series, column))->label;

  return _("Total");
}

const char *
chorus_chart_table_get_row_label (ChorusChartTable *self,
                                  guint             row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);

  if (self->transposed)
    return ((ChorusChartSeries *) g_ptr_array_index (self->data->series, row))->label;

  return ((ChorusChartRow *) g_ptr_array_index (self->rows, row))->label;
}

/* The data row and series a cell shows; series -1 for a total. */
static ChorusChartRow *
cell_source (ChorusChartTable *self,
             guint             row,
             guint             column,
             int              *series)
{
  if (self->transposed)
    {
      *series = (int) row;
      return g_ptr_array_index (self->rows, column);
    }

  *series = column < self->data->series->len ? (int) column : -1;
  return g_ptr_array_index (self->rows, row);
}

guint
chorus_chart_table_get_value (ChorusChartTable *self,
                              guint             row,
                              guint             column)
{
  ChorusChartRow *source;
  int series;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows && column < self->n_columns, 0);

  source = cell_source (self, row, column, &series);

  return series >= 0 ? source->values[series] : source->total;
}

gboolean
chorus_chart_table_get_hit (ChorusChartTable *self,
                            guint             row,
                            guint             column,
                            ChorusChartHit   *hit)
{
  ChorusChartRow *source;
  ChorusChartTarget target;
  guint index;
  int series;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  if (row >= self->n_rows || column >= self->n_columns)
    {
      _chorus_chart_data_fill_hit (self->data, NULL, -1, CHORUS_CHART_TARGET_NONE, hit);
      return FALSE;
    }

  source = cell_source (self, row, column, &series);
  if (self->transposed)
    target = CHORUS_CHART_TARGET_CELL;
  else if (series < 0 || self->data->series->len == 1)
    target = CHORUS_CHART_TARGET_BAR;
  else
    target = CHORUS_CHART_TARGET_SEGMENT;

  _chorus_chart_data_fill_hit (self->data, source, series, target, hit);

  index = row * self->n_columns + column;
  if (self->texts[index] == NULL)
    self->texts[index] = _chorus_chart_format_hit (self->data, source, series);
  hit->text = self->texts[index];

  return TRUE;
}
