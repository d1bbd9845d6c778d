/* chorus-export-private.h — what the three exports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus.h"
#include "chorus-export.h"

G_BEGIN_DECLS

/* The options, or the defaults when @options is NULL. */
const ChorusExportOptions *_chorus_export_options_or_default (const ChorusExportOptions *options);

/* The submission's date: the options', $SOURCE_DATE_EPOCH's, or now. */
GDateTime *_chorus_export_get_date        (const ChorusExportOptions *options) G_GNUC_WARN_UNUSED_RESULT;

/* Whether an item goes into a published export under @options. */
gboolean   _chorus_export_item_visible    (const ChorusExportOptions *options,
                                           ChorusItem                *item);

/* The project's items in consultation order (by question, then as they
 * are in the project), those @options leave out left out. A new array of
 * borrowed items. */
GPtrArray *_chorus_export_sorted_items    (ChorusProject             *project,
                                           const ChorusExportOptions *options) G_GNUC_WARN_UNUSED_RESULT;

/* The paragraphs of a draft: split at blank lines, trimmed, empty ones
 * dropped. */
char     **_chorus_export_split_paragraphs (const char               *text) G_GNUC_WARN_UNUSED_RESULT;

/* The sub-heading items from @activity stand under in the input tables:
 * "Discussion group responses", "Online survey responses", or the
 * activity's title when two activities share a kind. */
char      *_chorus_export_activity_label  (ChorusProject             *project,
                                           ChorusActivity            *activity) G_GNUC_WARN_UNUSED_RESULT;

/* The order of the sub-headings under a question in the input tables, by
 * the kind of activity rather than the order activities were added: an
 * array of indices into the project's activities, stable within a kind,
 * ending with the count of activities (the items that have none). */
GArray    *_chorus_export_activity_order  (ChorusProject             *project) G_GNUC_WARN_UNUSED_RESULT;

/* Validates a submission XML against submission.rng (CHORUS_ERROR_INVALID). */
gboolean   _chorus_export_validate_submission (GBytes            *bytes,
                                               GError           **error);

/* A file written atomically: a temporary file beside the target, renamed
 * over it on commit, removed on abort. Nothing partial is ever left at the
 * target's path. */
typedef struct _ChorusExportFile ChorusExportFile;

ChorusExportFile *_chorus_export_file_open   (const char        *path,
                                              GError           **error);
/* Records the first failure; _commit() reports it. */
gboolean          _chorus_export_file_write  (ChorusExportFile  *file,
                                              const void        *data,
                                              gsize              size);
/* Syncs, renames into place and frees @file, whatever happens. */
gboolean          _chorus_export_file_commit (ChorusExportFile  *file,
                                              GError           **error);
/* Removes the temporary file and frees @file. */
void              _chorus_export_file_abort  (ChorusExportFile  *file);

/* Writes @bytes to @path atomically. */
gboolean          _chorus_export_write_bytes (const char        *path,
                                              GBytes            *bytes,
                                              GError           **error);

G_END_DECLS
