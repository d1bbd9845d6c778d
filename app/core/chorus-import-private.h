/* chorus-import-private.h — what the CSV and notes importers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-import.h"
#include "chorus-model-private.h"

G_BEGIN_DECLS

/* No survey export or set of notes comes near this; a larger file is a
 * mistake (a database dump, a video) and would only exhaust memory. */
#define CHORUS_IMPORT_MAX_SIZE (256 * 1024 * 1024)

/* Reads a file to import, refusing one over CHORUS_IMPORT_MAX_SIZE before
 * reading it; @display_name gets the name messages should use. */
GBytes         *_chorus_import_load_file       (const char          *path,
                                                char               **display_name,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* chorus_csv_import_new_from_file() or chorus_notes_import_new_from_file(). */
typedef gpointer (*ChorusImportNewFromFileFunc) (const char          *path,
                                                 GError             **error);

/* The _async/_finish pair of both importers: @new_from_file runs in a
 * thread; @source_tag is the public _async function. */
void            _chorus_import_new_from_file_async  (const char                  *path,
                                                     ChorusImportNewFromFileFunc  new_from_file,
                                                     gpointer                     source_tag,
                                                     GCancellable                *cancellable,
                                                     GAsyncReadyCallback          callback,
                                                     gpointer                     user_data);
gpointer        _chorus_import_new_from_file_finish (GAsyncResult                *result,
                                                     gpointer                     source_tag,
                                                     GError                     **error);

/* Text files as people have them: strips a UTF-8 byte-order mark, converts
 * UTF-16 with a byte-order mark, and converts anything that is not valid
 * UTF-8 from Windows-1252, setting @encoding to what it converted from.
 * Refuses NUL bytes (a binary file, or UTF-16 without a mark). */
char           *_chorus_import_decode          (GBytes              *bytes,
                                                const char          *display_name,
                                                gsize               *length,
                                                char               **encoding,
                                                GError             **error);

/* Trims white space, Unicode spaces included, and sanitises the text the way
 * the model stores it, so that duplicate checks compare like with like. */
char           *_chorus_import_clean_text      (const char          *text,
                                                gssize               length);

/* Questions by number and by words. */
typedef struct _ChorusQuestionMatcher ChorusQuestionMatcher;

ChorusQuestionMatcher *_chorus_question_matcher_new   (ChorusConsultation    *consultation);
void                   _chorus_question_matcher_free  (ChorusQuestionMatcher *self);

/* Parses a question number at the start of @text: "Q3", "Q3.", "Question 3 –",
 * "3)", "4.2". @explicit_number is set when it was written with "Q" or
 * "Question" (bare "3." may be a numbered list instead). Returns the number
 * in a normal form ("3", "4.2") and sets @rest to the text after it, or
 * returns NULL. */
char                  *_chorus_import_parse_number    (const char            *text,
                                                       gboolean              *explicit_number,
                                                       const char           **rest);

/* The question a number names, disambiguated by @text when several share it
 * (numbering restarts in each document), then by @prefer, the document the
 * text is about (may be NULL). NULL when none or still ambiguous. */
ChorusQuestion        *_chorus_question_matcher_by_number (ChorusQuestionMatcher *self,
                                                           const char            *number,
                                                           const char            *text,
                                                           ChorusDocument        *prefer,
                                                           guint                 *n_candidates);
/* The question whose words best match @text, or NULL below @threshold or
 * when the runner-up is too close. With @allow_abbreviation a short text
 * whose words all appear in a question matches it ("GP consortia support"). */
ChorusQuestion        *_chorus_question_matcher_by_text   (ChorusQuestionMatcher *self,
                                                           const char            *text,
                                                           double                 threshold,
                                                           gboolean               allow_abbreviation,
                                                           double                *score);
/* The similarity of @text to one question, 0..1. */
double                 _chorus_question_matcher_score     (ChorusQuestionMatcher *self,
                                                           ChorusQuestion        *question,
                                                           const char            *text,
                                                           gboolean               allow_abbreviation);
/* Number first (checked against the words when there are enough of them),
 * then words. */
ChorusQuestion        *_chorus_question_matcher_match     (ChorusQuestionMatcher *self,
                                                           const char            *text,
                                                           double                 threshold,
                                                           ChorusDocument        *prefer,
                                                           ChorusImportMatch     *match);
guint                  _chorus_import_count_words         (const char            *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusQuestionMatcher, _chorus_question_matcher_free)

/* Duplicates: the items of a project with a given group and activity, as a
 * multiset of (question, text), so that two respondents who both wrote
 * "Yes" stay two items while a second import of the same file adds none. */
typedef struct _ChorusDuplicateIndex ChorusDuplicateIndex;

ChorusDuplicateIndex *_chorus_duplicate_index_new  (ChorusProject        *project,
                                                    ChorusGroup          *group,
                                                    ChorusActivity       *activity);
void                  _chorus_duplicate_index_free (ChorusDuplicateIndex *self);
/* TRUE, consuming one occurrence, when the project had such an item. */
gboolean              _chorus_duplicate_index_take (ChorusDuplicateIndex *self,
                                                    const char           *question_id,
                                                    const char           *clean_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusDuplicateIndex, _chorus_duplicate_index_free)

/* One piece of input, counted in @report: skipped when it is already in
 * the project and @skip_duplicates is set, else added (counted only when
 * @project is NULL, for a dry run). Returns the new item, owned by the
 * project, or NULL. */
ChorusItem           *_chorus_import_add_item      (ChorusProject        *project,
                                                    ChorusDuplicateIndex *duplicates,
                                                    gboolean              skip_duplicates,
                                                    const char           *question_id,
                                                    ChorusGroup          *group,
                                                    ChorusActivity       *activity,
                                                    const char           *text,
                                                    ChorusImportReport   *report);

/* Report helpers */
void                  _chorus_import_report_reset      (ChorusImportReport   *report,
                                                        ChorusImportSource    source,
                                                        const char           *display_name,
                                                        const char           *encoding);
void                  _chorus_import_report_unassigned (ChorusImportReport   *report,
                                                        guint                 line,
                                                        const char           *text,
                                                        const char           *reason);

G_END_DECLS
