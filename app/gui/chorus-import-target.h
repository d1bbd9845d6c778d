/* chorus-import-target.h — where imported input goes: the group and activity rows the
 * import assistants share, and the question labels of their dropdowns
 *
 * Plain functions over the assistants' own AdwComboRows, not a widget: each assistant lays
 * the rows out in its own template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus.h"

G_BEGIN_DECLS

/* What the user chose: an existing group or activity by id, or one to create. The ids
 * survive copying the project (the assistants rehearse an import on a copy). */
typedef struct
{
  char               *group_id;
  char               *new_group_name;
  char               *activity_id;
  char               *new_activity_title;
  ChorusActivityKind  new_activity_kind;
} ChorusImportTarget;

void            chorus_import_target_clear              (ChorusImportTarget       *target);
void            chorus_import_target_copy               (ChorusImportTarget       *dest,
                                                         const ChorusImportTarget *src);

/* Fills the rows with the project's groups and activities, each followed by a "New…"
 * entry, and selects the first group that is not a partner and the first activity of
 * @kind, or "New…" when there is none. @kind_row lists the activity kinds. */
void            chorus_import_target_setup_rows         (ChorusProject            *project,
                                                         AdwComboRow              *group_row,
                                                         AdwComboRow              *activity_row,
                                                         AdwComboRow              *kind_row,
                                                         ChorusActivityKind        kind);
gboolean        chorus_import_target_row_is_new         (AdwComboRow              *row);
/* Reads the rows; FALSE when "New…" is chosen and its name is still blank. */
gboolean        chorus_import_target_read               (ChorusImportTarget       *target,
                                                         ChorusProject            *project,
                                                         AdwComboRow              *group_row,
                                                         GtkEditable              *new_group_name,
                                                         AdwComboRow              *activity_row,
                                                         GtkEditable              *new_activity,
                                                         AdwComboRow              *kind_row);
/* Finds or creates the group and activity in @project. Creating is an undo step of its own,
 * so callers wrap this and the import in one chorus_project_begin_group(). */
void            chorus_import_target_resolve            (const ChorusImportTarget *target,
                                                         ChorusProject            *project,
                                                         ChorusGroup             **group,
                                                         ChorusActivity          **activity);

/* "Q3 How should local HealthWatch work with…": the number and the start of the text, short
 * enough for a dropdown. */
G_GNUC_WARN_UNUSED_RESULT
char           *chorus_import_question_label            (ChorusQuestion           *question);
/* The consultation's questions as labels, after @first_labels (NULL-terminated): the model of
 * the assistants' question dropdowns. */
G_GNUC_WARN_UNUSED_RESULT
GtkStringList  *chorus_import_question_labels           (ChorusConsultation       *consultation,
                                                         const char * const       *first_labels);
/* An expression that shows a GtkStringObject's string, for AdwComboRow. */
G_GNUC_WARN_UNUSED_RESULT
GtkExpression  *chorus_import_string_expression         (void);

G_END_DECLS
