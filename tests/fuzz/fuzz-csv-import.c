/* fuzz-csv-import.c — libFuzzer target: any bytes as a survey CSV export
 *
 * Parses from memory, walks the table, guesses the mapping, imports into a
 * fresh project and checks what must always hold: every mapped cell is
 * counted once, a second import with "skip duplicates" adds nothing, and one
 * undo removes everything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-consultation.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static ChorusConsultation *consultation;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ChorusCsvImport) import = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  g_autofree char *text = NULL;
  ChorusGroup *group;
  ChorusActivity *activity;
  guint n_rows, n_columns, n_question_columns = 0;
  guint n_cells = 0;

  if (consultation == NULL)
    {
      fuzz_init ();
      consultation = fuzz_make_consultation ();
    }

  bytes = g_bytes_new_static (data, size);
  import = chorus_csv_import_new_from_bytes (bytes, "fuzz.csv", &error);
  if (import == NULL)
    {
      g_assert (error != NULL && error->domain == CHORUS_ERROR);
      g_assert (g_str_has_prefix (error->message, "fuzz.csv:"));
      return 0;
    }

  n_rows = chorus_csv_import_get_n_rows (import);
  n_columns = chorus_csv_import_get_n_columns (import);
  g_assert (n_columns > 0);
  for (guint c = 0; c < n_columns; c++)
    g_assert (chorus_csv_import_get_header (import, c) != NULL);
  for (guint r = 0; r < n_rows; r++)
    {
      g_assert (chorus_csv_import_get_row_line (import, r) > 1);
      if (r > 0)
        g_assert (chorus_csv_import_get_row_line (import, r) >
                  chorus_csv_import_get_row_line (import, r - 1));
      for (guint c = 0; c <= n_columns; c++)
        g_assert (g_utf8_validate (chorus_csv_import_get_cell (import, r, c), -1, NULL));
    }

  chorus_csv_import_guess_mapping (import, consultation);
  for (guint c = 0; c < n_columns; c++)
    {
      if (chorus_csv_import_get_column_role (import, c) == CHORUS_CSV_COLUMN_QUESTION)
        {
          g_assert (chorus_consultation_find_question (consultation,
                                                       chorus_csv_import_get_column_question (import, c)));
          n_question_columns++;
        }
    }
  /* A user's correction, so that apply sees an author column too. */
  if (n_columns > 1 && (size & 2))
    chorus_csv_import_set_column_role (import, n_columns - 1, CHORUS_CSV_COLUMN_AUTHOR);
  chorus_csv_import_set_accept_ragged (import, size & 1);

  project = chorus_project_new (consultation);
  group = chorus_project_add_group (project, "Staff", FALSE);
  activity = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY, "Survey");

  chorus_import_report_init (&report);
  if (!chorus_csv_import_apply (import, project, group, activity, FALSE, &report, &error))
    {
      g_assert (error != NULL);
      g_assert (chorus_csv_import_get_n_ragged_rows (import) > 0);
      g_assert (fuzz_n_items (project) == 0);
      return 0;
    }

  /* Every cell of a question column is either an item or an empty cell. */
  n_question_columns = 0;
  for (guint c = 0; c < n_columns; c++)
    if (chorus_csv_import_get_column_role (import, c) == CHORUS_CSV_COLUMN_QUESTION)
      n_question_columns++;
  n_cells = n_rows * n_question_columns;
  g_assert (report.n_read == n_rows);
  g_assert (report.n_created + report.n_skipped_empty == n_cells);
  g_assert (report.n_created == fuzz_n_items (project));
  g_assert (report.items->len == report.n_created);
  fuzz_check_items (project);

  text = chorus_import_report_format (&report);
  g_assert (g_utf8_validate (text, -1, NULL));

  /* The same file again, skipping duplicates: nothing new. */
  g_assert (chorus_csv_import_count_duplicates (import, project, group, activity) ==
            report.n_created);
  g_assert (chorus_csv_import_apply (import, project, group, activity, TRUE, &report, &error));
  g_assert (report.n_created == 0);

  /* One undo step takes the import away. */
  if (fuzz_n_items (project) > 0)
    {
      g_assert (chorus_project_undo (project));
      g_assert (fuzz_n_items (project) == 0);
    }

  return 0;
}
