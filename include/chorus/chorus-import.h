/* chorus-import.h — bringing input in: survey CSV exports, focus-group
 * notes, and a colleague's copy of the project
 *
 * Each import is prepared first (the file read, its columns or lines matched
 * to questions) and applied second, as one undo step, so that the window can
 * show the user what will happen and let them correct it in between. Nothing
 * an import reads is ever dropped silently: every cell or line ends up as an
 * item, is counted in the report with the reason it was skipped, or is listed
 * in the report's "unassigned" lines for the user to place.
 *
 * See docs/import.md for the rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

/* The report of one import ------------------------------------------------ */

typedef enum
{
  CHORUS_IMPORT_SOURCE_CSV,
  CHORUS_IMPORT_SOURCE_NOTES,
} ChorusImportSource;

/* A piece of the source that no question claimed: shown to the user, who
 * places it by hand. */
typedef struct
{
  guint  line;    /* 1-based line of the source where it starts */
  char  *text;    /* as written (trimmed) */
  char  *reason;  /* why it was not placed; translated */
} ChorusImportLine;

typedef struct
{
  ChorusImportSource  source;
  char               *display_name;        /* the file, for messages */
  char               *encoding;            /* what the file was converted from; NULL for UTF-8 */
  guint               n_read;              /* CSV: data rows; notes: bullets and paragraphs */
  guint               n_created;           /* items added to the project */
  guint               n_skipped_empty;     /* empty cells in columns mapped to a question */
  guint               n_skipped_duplicate; /* already in the project, skipped on request */
  guint               n_skipped_unmapped;  /* non-empty cells in columns mapped to no question */
  guint               n_duplicates_kept;   /* already in the project, imported again anyway */
  GPtrArray          *unassigned;          /* of ChorusImportLine */
  GPtrArray          *items;               /* the ChorusItems created, in order */
} ChorusImportReport;

void  chorus_import_report_init   (ChorusImportReport       *report);
void  chorus_import_report_clear  (ChorusImportReport       *report);
/* The report as the command line prints it and the window shows it: a few
 * translated lines, each ending in a newline. */
char *chorus_import_report_format (const ChorusImportReport *report) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChorusImportReport, chorus_import_report_clear)

/* How a column or a block of notes was matched to a question. */
typedef enum
{
  CHORUS_IMPORT_MATCH_NONE,     /* not matched */
  CHORUS_IMPORT_MATCH_NUMBER,   /* "Q3", "Question 3", "3)" */
  CHORUS_IMPORT_MATCH_TEXT,     /* the words of the question */
  CHORUS_IMPORT_MATCH_HEADING,  /* under a heading matched to the question */
  CHORUS_IMPORT_MATCH_COLUMN,   /* a column recognised by its name (respondent id, name, date…) */
  CHORUS_IMPORT_MATCH_USER,     /* set by the user */
} ChorusImportMatch;

/* Survey CSV --------------------------------------------------------------- */

typedef enum
{
  CHORUS_CSV_COLUMN_IGNORE,
  CHORUS_CSV_COLUMN_QUESTION,
  /* Personal data: mapped only when the user asks for it. */
  CHORUS_CSV_COLUMN_AUTHOR,
  CHORUS_CSV_COLUMN_RESPONDENT_ID,
} ChorusCsvColumnRole;

#define CHORUS_TYPE_CSV_IMPORT (chorus_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (ChorusCsvImport, chorus_csv_import, CHORUS, CSV_IMPORT, GObject)

/* Reads and parses the whole file: comma, semicolon or tab separated, UTF-8
 * (with or without a byte-order mark), UTF-16 with a byte-order mark, or
 * Windows-1252, which is converted. The first row is the header. An
 * unterminated quoted cell or a stray quote is an error naming the line:
 * "survey.csv:14: unterminated quoted cell". */
ChorusCsvImport     *chorus_csv_import_new_from_file         (const char          *path,
                                                              GError             **error) G_GNUC_WARN_UNUSED_RESULT;
ChorusCsvImport     *chorus_csv_import_new_from_bytes        (GBytes              *bytes,
                                                              const char          *display_name,
                                                              GError             **error) G_GNUC_WARN_UNUSED_RESULT;
/* Reads and parses in a worker thread (a large export takes a second):
 * the result is not tied to any project until it is applied. */
void                 chorus_csv_import_new_from_file_async   (const char          *path,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
ChorusCsvImport     *chorus_csv_import_new_from_file_finish  (GAsyncResult        *result,
                                                              GError             **error) G_GNUC_WARN_UNUSED_RESULT;
const char          *chorus_csv_import_get_display_name      (ChorusCsvImport     *self);
/* "Windows-1252" or "UTF-16" when the file was converted; NULL for UTF-8. */
const char          *chorus_csv_import_get_encoding          (ChorusCsvImport     *self);
guint                chorus_csv_import_get_n_columns         (ChorusCsvImport     *self);
/* Data rows, the header not counted. */
guint                chorus_csv_import_get_n_rows            (ChorusCsvImport     *self);
const char          *chorus_csv_import_get_header            (ChorusCsvImport     *self,
                                                              guint                column);
/* "" for a cell the row does not have. Untrimmed, as in the file. */
const char          *chorus_csv_import_get_cell              (ChorusCsvImport     *self,
                                                              guint                row,
                                                              guint                column);
/* The line of the file where the row starts (1-based). */
guint                chorus_csv_import_get_row_line          (ChorusCsvImport     *self,
                                                              guint                row);
/* Rows with more or fewer cells than the header, and the first one's line
 * (0 when there are none). */
guint                chorus_csv_import_get_n_ragged_rows     (ChorusCsvImport     *self);
guint                chorus_csv_import_get_first_ragged_line (ChorusCsvImport     *self);
/* Ragged rows make chorus_csv_import_apply() fail unless accepted: short
 * rows then count as having empty cells, and cells past the last column are
 * listed in the report's unassigned lines. */
gboolean             chorus_csv_import_get_accept_ragged     (ChorusCsvImport     *self);
void                 chorus_csv_import_set_accept_ragged     (ChorusCsvImport     *self,
                                                              gboolean             accept_ragged);
/* A column by its header (case-insensitive) or its 1-based number; -1. */
int                  chorus_csv_import_find_column           (ChorusCsvImport     *self,
                                                              const char          *name);

/* Maps each column to a question: by number ("Q3.", "3)", "Question 3 –")
 * first, then by the words of the header; columns such as "Respondent ID"
 * are recognised by name; the rest, personal data included, are ignored. */
void                 chorus_csv_import_guess_mapping         (ChorusCsvImport     *self,
                                                              ChorusConsultation  *consultation);
ChorusCsvColumnRole  chorus_csv_import_get_column_role       (ChorusCsvImport     *self,
                                                              guint                column);
/* The question id of a QUESTION column, else NULL. */
const char          *chorus_csv_import_get_column_question   (ChorusCsvImport     *self,
                                                              guint                column);
ChorusImportMatch    chorus_csv_import_get_column_match      (ChorusCsvImport     *self,
                                                              guint                column);
/* Corrections: a QUESTION column for @question_id (NULL ignores the
 * column), or another role. */
void                 chorus_csv_import_set_column_question   (ChorusCsvImport     *self,
                                                              guint                column,
                                                              const char          *question_id);
void                 chorus_csv_import_set_column_role       (ChorusCsvImport     *self,
                                                              guint                column,
                                                              ChorusCsvColumnRole  role);

/* How many non-empty mapped cells are already items of @project with the
 * same question, group, activity and text: what "skip duplicates" would skip. */
guint                chorus_csv_import_count_duplicates      (ChorusCsvImport     *self,
                                                              ChorusProject       *project,
                                                              ChorusGroup         *group,
                                                              ChorusActivity      *activity);
/* Adds one item per non-empty cell of each QUESTION column, text trimmed,
 * with @group and @activity (either may be NULL), as one undo step. Fails,
 * changing nothing, on ragged rows not accepted or a question that is not in
 * the project's consultation. @report may be NULL. */
gboolean             chorus_csv_import_apply                 (ChorusCsvImport     *self,
                                                              ChorusProject       *project,
                                                              ChorusGroup         *group,
                                                              ChorusActivity      *activity,
                                                              gboolean             skip_duplicates,
                                                              ChorusImportReport  *report,
                                                              GError             **error);

/* Focus-group notes -------------------------------------------------------- */

typedef enum
{
  /* A line naming a question ("Q3", "## Question 3", the question's words):
   * it starts that question's input and is not itself input. */
  CHORUS_NOTES_BLOCK_QUESTION,
  /* A bullet or a paragraph: one item. */
  CHORUS_NOTES_BLOCK_INPUT,
  /* A heading or label that names no question ("Focus group 2, finance
   * team", "Concerns raised:"); kept for the user. */
  CHORUS_NOTES_BLOCK_OTHER,
} ChorusNotesBlockKind;

#define CHORUS_TYPE_NOTES_IMPORT (chorus_notes_import_get_type ())

G_DECLARE_FINAL_TYPE (ChorusNotesImport, chorus_notes_import, CHORUS, NOTES_IMPORT, GObject)

/* Plain text or Markdown, decoded as for CSV. */
ChorusNotesImport    *chorus_notes_import_new_from_file       (const char          *path,
                                                               GError             **error) G_GNUC_WARN_UNUSED_RESULT;
ChorusNotesImport    *chorus_notes_import_new_from_bytes      (GBytes              *bytes,
                                                               const char          *display_name,
                                                               GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void                  chorus_notes_import_new_from_file_async (const char          *path,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
ChorusNotesImport    *chorus_notes_import_new_from_file_finish (GAsyncResult        *result,
                                                               GError             **error) G_GNUC_WARN_UNUSED_RESULT;
const char           *chorus_notes_import_get_display_name    (ChorusNotesImport   *self);
const char           *chorus_notes_import_get_encoding        (ChorusNotesImport   *self);
/* Splits the notes into blocks and places each under a question. */
void                  chorus_notes_import_guess               (ChorusNotesImport   *self,
                                                               ChorusConsultation  *consultation);
guint                 chorus_notes_import_get_n_blocks        (ChorusNotesImport   *self);
ChorusNotesBlockKind  chorus_notes_import_get_block_kind      (ChorusNotesImport   *self,
                                                               guint                block);
/* The text, continuation lines joined with line feeds, bullet removed. */
const char           *chorus_notes_import_get_block_text      (ChorusNotesImport   *self,
                                                               guint                block);
guint                 chorus_notes_import_get_block_line      (ChorusNotesImport   *self,
                                                               guint                block);
/* The question an INPUT block goes under (or a QUESTION block names); NULL
 * when unassigned. */
const char           *chorus_notes_import_get_block_question  (ChorusNotesImport   *self,
                                                               guint                block);
ChorusImportMatch     chorus_notes_import_get_block_match     (ChorusNotesImport   *self,
                                                               guint                block);
/* Places an INPUT or OTHER block by hand (NULL unassigns it); an OTHER block
 * given a question becomes input. */
void                  chorus_notes_import_set_block_question  (ChorusNotesImport   *self,
                                                               guint                block,
                                                               const char          *question_id);
/* Adds one item per placed INPUT block, as one undo step; unplaced ones go
 * to the report's unassigned lines. Guesses first if not done yet. */
gboolean              chorus_notes_import_apply               (ChorusNotesImport   *self,
                                                               ChorusProject       *project,
                                                               ChorusGroup         *group,
                                                               ChorusActivity      *activity,
                                                               gboolean             skip_duplicates,
                                                               ChorusImportReport  *report,
                                                               GError             **error);

/* Merging a colleague's copy ----------------------------------------------- */

typedef enum
{
  CHORUS_MERGE_CONFLICT_ITEM,
  CHORUS_MERGE_CONFLICT_ANSWER,
  CHORUS_MERGE_CONFLICT_KEY_POINTS,
  CHORUS_MERGE_CONFLICT_PARTNER_RESPONSE,
} ChorusMergeConflictKind;

/* Both versions of something changed on both sides. Ours is kept until
 * chorus_project_merge_take_theirs() is called. */
typedef struct
{
  ChorusMergeConflictKind  kind;
  /* The item id, or the draft's question, document or section id. */
  char                    *target_id;
  /* Partner responses: the partner group, as an id of our project. */
  char                    *group_id;
  /* ChorusItem or ChorusDraft: ours is the live object of our project;
   * theirs a detached copy whose group, activity and theme ids are ours. */
  GObject                 *ours;
  GObject                 *theirs;
  gboolean                 resolved;
} ChorusMergeConflict;

typedef struct
{
  char      *display_name;          /* the other project's file, for messages */
  guint      n_items_added;
  guint      n_items_unchanged;     /* same id and content, or same content */
  guint      n_items_updated;       /* ours filled in from theirs: codings, stance, author */
  guint      n_items_skipped;       /* theirs answers a question we do not have */
  guint      n_groups_added;
  guint      n_groups_matched;
  guint      n_activities_added;
  guint      n_activities_matched;
  guint      n_themes_added;
  guint      n_themes_matched;
  guint      n_drafts_filled;       /* empty on our side, written on theirs */
  GPtrArray *conflicts;             /* of ChorusMergeConflict */
  GPtrArray *messages;              /* of char *: what was skipped and why; translated */
} ChorusMergeReport;

void      chorus_merge_report_init         (ChorusMergeReport       *report);
void      chorus_merge_report_clear        (ChorusMergeReport       *report);
char     *chorus_merge_report_format       (const ChorusMergeReport *report) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChorusMergeReport, chorus_merge_report_clear)

/* Brings @other's themes, groups, activities, items and drafts into @self as
 * one undo step. Refuses a project for another consultation. Themes match by
 * name, groups and activities by id then name, items by id; what both sides
 * changed differently is a conflict, ours kept. @report may be NULL. */
gboolean  chorus_project_merge             (ChorusProject           *self,
                                            ChorusProject           *other,
                                            ChorusMergeReport       *report,
                                            GError                 **error);
/* Replaces ours with theirs as one undo step; FALSE (and no change) when our
 * side no longer exists or the conflict was resolved already. */
gboolean  chorus_project_merge_take_theirs (ChorusProject           *self,
                                            ChorusMergeConflict     *conflict);

G_END_DECLS
