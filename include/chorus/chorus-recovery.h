/* chorus-recovery.h — recovery copies of unsaved work
 *
 * While a response has unsaved changes the window writes a recovery copy every few seconds.
 * A clean save or a deliberate "discard" removes it; a crash leaves it for the next start, which
 * offers to restore it. Copies live in $XDG_DATA_HOME/chorus/recovery/ as KEY.chorus beside
 * KEY.ini, which says which file the copy belongs to and when it was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

typedef struct
{
  char      *key;
  /* The recovery copy itself. */
  char      *path;
  /* The file the changes belong to; NULL for a response never saved. */
  GFile     *original;
  /* What the user would recognise: the organisation or the consultation title. */
  char      *title;
  GDateTime *written;
} ChorusRecoveryEntry;

void                 chorus_recovery_entry_free   (ChorusRecoveryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusRecoveryEntry, chorus_recovery_entry_free)

char                *chorus_recovery_get_dir      (void) G_GNUC_WARN_UNUSED_RESULT;
/* The same file always gets the same key, so its copy is found again after a crash. */
char                *chorus_recovery_key_for_file (GFile        *file) G_GNUC_WARN_UNUSED_RESULT;
/* For a response without a file. */
char                *chorus_recovery_new_key      (void) G_GNUC_WARN_UNUSED_RESULT;

/* Blocking; safe to call from a worker thread with bytes from chorus_project_to_bytes(). */
gboolean             chorus_recovery_write        (const char   *key,
                                                   GBytes       *project_bytes,
                                                   GFile        *original,
                                                   const char   *title,
                                                   GError      **error);
void                 chorus_recovery_discard      (const char   *key);
/* NULL when there is no copy for @key. */
ChorusRecoveryEntry *chorus_recovery_find         (const char   *key) G_GNUC_WARN_UNUSED_RESULT;
/* Every copy, newest first. */
GPtrArray           *chorus_recovery_list         (void) G_GNUC_WARN_UNUSED_RESULT;
/* The project as it was when the copy was written, belonging to the original file again and
 * marked as unsaved. */
ChorusProject       *chorus_recovery_restore      (ChorusRecoveryEntry *entry,
                                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
