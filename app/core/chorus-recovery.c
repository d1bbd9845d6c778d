/* chorus-recovery.c — recovery copies of unsaved work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-model-private.h"
#include "chorus-recovery.h"

#define INFO_GROUP "Recovery"

void
chorus_recovery_entry_free (ChorusRecoveryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->key);
  g_free (entry->path);
  g_clear_object (&entry->original);
  g_free (entry->title);
  g_clear_pointer (&entry->written, g_date_time_unref);
  g_free (entry);
}

char *
chorus_recovery_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "chorus", "recovery", NULL);
}

char *
chorus_recovery_key_for_file (GFile *file)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

char *
chorus_recovery_new_key (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strconcat ("untitled-", uuid, NULL);
}

/* Keys come from the two functions above; anything else could name a path outside the
 * folder. */
static gboolean
key_is_valid (const char *key)
{
  if (key == NULL || *key == '\0')
    return FALSE;

  for (const char *p = key; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

static char *
build_path (const char *key,
            const char *extension)
{
  g_autofree char *dir = chorus_recovery_get_dir ();
  g_autofree char *name = g_strconcat (key, extension, NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
chorus_recovery_write (const char  *key,
                       GBytes      *project_bytes,
                       GFile       *original,
                       const char  *title,
                       GError     **error)
{
  g_autofree char *dir = chorus_recovery_get_dir ();
  g_autofree char *data_path = NULL;
  g_autofree char *info_path = NULL;
  g_autofree char *info_data = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *written = g_date_time_format_iso8601 (now);
  gsize info_length;
  gsize length;
  const char *data;

  g_return_val_if_fail (key_is_valid (key), FALSE);
  g_return_val_if_fail (project_bytes != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO,
                   _("Could not create the recovery folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  data_path = build_path (key, ".chorus");
  info_path = build_path (key, ".ini");

  /* The copy first, then the note saying what it is: a note never points at a missing or
   * half-written copy. Both writes replace the old file atomically. */
  data = g_bytes_get_data (project_bytes, &length);
  if (!g_file_set_contents_full (data_path, data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      g_key_file_set_string (info, INFO_GROUP, "Original", uri);
    }
  g_key_file_set_string (info, INFO_GROUP, "Title", title != NULL ? title : "");
  g_key_file_set_string (info, INFO_GROUP, "Written", written);

  info_data = g_key_file_to_data (info, &info_length, NULL);
  return g_file_set_contents_full (info_path, info_data, (gssize) info_length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

void
chorus_recovery_discard (const char *key)
{
  g_autofree char *data_path = NULL;
  g_autofree char *info_path = NULL;

  g_return_if_fail (key_is_valid (key));

  data_path = build_path (key, ".chorus");
  info_path = build_path (key, ".ini");

  /* The note first: a copy without a note is never offered. */
  g_unlink (info_path);
  g_unlink (data_path);
}

ChorusRecoveryEntry *
chorus_recovery_find (const char *key)
{
  g_autoptr(ChorusRecoveryEntry) entry = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_path = NULL;
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  if (!key_is_valid (key))
    return NULL;

  info_path = build_path (key, ".ini");
  if (!g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL))
    return NULL;

  entry = g_new0 (ChorusRecoveryEntry, 1);
  entry->key = g_strdup (key);
  entry->path = build_path (key, ".chorus");

  if (!g_file_test (entry->path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  original = g_key_file_get_string (info, INFO_GROUP, "Original", NULL);
  if (original != NULL && *original != '\0')
    entry->original = g_file_new_for_uri (original);

  entry->title = g_key_file_get_string (info, INFO_GROUP, "Title", NULL);
  if (entry->title == NULL)
    entry->title = g_strdup ("");

  written = g_key_file_get_string (info, INFO_GROUP, "Written", NULL);
  if (written != NULL)
    entry->written = g_date_time_new_from_iso8601 (written, NULL);
  if (entry->written == NULL)
    entry->written = g_date_time_new_now_utc ();

  return g_steal_pointer (&entry);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const ChorusRecoveryEntry *ea = *(ChorusRecoveryEntry * const *) a;
  const ChorusRecoveryEntry *eb = *(ChorusRecoveryEntry * const *) b;

  return g_date_time_compare (eb->written, ea->written);
}

GPtrArray *
chorus_recovery_list (void)
{
  g_autofree char *dir_path = chorus_recovery_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) chorus_recovery_entry_free);
  const char *name;

  if (dir == NULL)
    return entries;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *key = NULL;
      ChorusRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".ini"))
        continue;

      key = g_strndup (name, strlen (name) - strlen (".ini"));
      entry = chorus_recovery_find (key);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

ChorusProject *
chorus_recovery_restore (ChorusRecoveryEntry  *entry,
                         GError              **error)
{
  g_autoptr(ChorusProject) project = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  project = chorus_project_load_file (entry->path, error);
  if (project == NULL)
    return NULL;

  chorus_project_set_file (project, entry->original);
  chorus_project_mark_unsaved (project);

  return g_steal_pointer (&project);
}
