/* fuzz-notes-import.c — libFuzzer target: any bytes as focus-group notes
 *
 * Parses from memory, places the blocks, imports into a fresh project and
 * checks that every bullet or paragraph is an item or an unassigned line,
 * exactly once, that a second import with "skip duplicates" adds nothing,
 * and that one undo removes everything.
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
  g_autoptr(ChorusNotesImport) import = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  g_autofree char *text = NULL;
  ChorusGroup *group;
  ChorusActivity *activity;
  guint n_blocks;
  guint n_placed = 0;
  guint n_unplaced = 0;
  guint last_line = 0;

  if (consultation == NULL)
    {
      fuzz_init ();
      consultation = fuzz_make_consultation ();
    }

  bytes = g_bytes_new_static (data, size);
  import = chorus_notes_import_new_from_bytes (bytes, "fuzz.txt", &error);
  if (import == NULL)
    {
      g_assert (error != NULL && error->domain == CHORUS_ERROR);
      g_assert (g_str_has_prefix (error->message, "fuzz.txt:"));
      return 0;
    }

  chorus_notes_import_guess (import, consultation);
  n_blocks = chorus_notes_import_get_n_blocks (import);

  /* The user places the first unassigned block, as the window lets them. */
  for (guint i = 0; i < n_blocks && (size & 1); i++)
    if (chorus_notes_import_get_block_kind (import, i) != CHORUS_NOTES_BLOCK_QUESTION &&
        chorus_notes_import_get_block_question (import, i) == NULL)
      {
        chorus_notes_import_set_block_question (import, i, "h4");
        break;
      }

  for (guint i = 0; i < n_blocks; i++)
    {
      ChorusNotesBlockKind kind = chorus_notes_import_get_block_kind (import, i);
      const char *block_text = chorus_notes_import_get_block_text (import, i);
      const char *question = chorus_notes_import_get_block_question (import, i);
      guint line = chorus_notes_import_get_block_line (import, i);

      g_assert (g_utf8_validate (block_text, -1, NULL));
      g_assert (block_text[0] != '\0');
      g_assert (line >= last_line && line > 0);
      last_line = line;
      if (question != NULL)
        g_assert (chorus_consultation_find_question (consultation, question));
      if (kind == CHORUS_NOTES_BLOCK_QUESTION)
        g_assert (question != NULL);
      else if (question != NULL)
        n_placed++;
      else
        n_unplaced++;
    }

  project = chorus_project_new (consultation);
  group = chorus_project_add_group (project, "Staff", FALSE);
  activity = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_FOCUS_GROUP, "Group 1");

  chorus_import_report_init (&report);
  g_assert (chorus_notes_import_apply (import, project, group, activity, FALSE, &report, &error));
  g_assert (report.n_created == n_placed);
  g_assert (report.unassigned->len == n_unplaced);
  g_assert (fuzz_n_items (project) == n_placed);
  fuzz_check_items (project);

  text = chorus_import_report_format (&report);
  g_assert (g_utf8_validate (text, -1, NULL));

  g_assert (chorus_notes_import_apply (import, project, group, activity, TRUE, &report, &error));
  g_assert (report.n_created == 0);
  g_assert (report.n_skipped_duplicate == n_placed);

  if (n_placed > 0)
    {
      g_assert (chorus_project_undo (project));
      g_assert (fuzz_n_items (project) == 0);
    }

  return 0;
}
