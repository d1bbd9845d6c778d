/* chorus-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-atomic-file.h"
#include "chorus-error.h"

static gboolean
fail (GError    **error,
      const char *path,
      int         saved_errno)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO, _("Could not save “%s”: %s"),
               display_name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize written = write (fd, data, size);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += written;
      size -= (gsize) written;
    }

  return TRUE;
}

/* The previous version stays as "FILE~" so a user can go back one save. A
 * hard link keeps the original in place until the rename replaces it;
 * copying is the fallback on file systems without links. */
static void
keep_backup_copy (const char *path,
                  int         mode)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_unlink (backup);
  if (link (path, backup) == 0)
    return;

  /* The copy is as private as the original. */
  if (g_file_get_contents (path, &contents, &length, NULL))
    g_file_set_contents_full (backup, contents, (gssize) length,
                              G_FILE_SET_CONTENTS_CONSISTENT, mode, NULL);
}

/* Saving through a symbolic link (a project kept in a synced folder and
 * linked from the desktop, say) replaces the file it points to, not the link. */
static char *
resolve_links (const char *path)
{
  char *resolved;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return g_strdup (path);

  resolved = realpath (path, NULL);
  if (resolved == NULL)
    return g_strdup (path);  /* a dangling link: replace the link itself */

  /* realpath() allocates with malloc(); hand out GLib memory. */
  {
    char *copy = g_strdup (resolved);

    free (resolved);
    return copy;
  }
}

gboolean
chorus_atomic_file_replace (const char  *path,
                            GBytes      *contents,
                            gboolean     keep_backup,
                            GError     **error)
{
  g_autofree char *target = resolve_links (path);
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  gsize size;
  const guint8 *data = g_bytes_get_data (contents, &size);
  GStatBuf st;
  gboolean exists;
  int fd, dir_fd, saved_errno;

  exists = g_stat (target, &st) == 0 && S_ISREG (st.st_mode);

  /* Beside the target, so that the rename stays on one file system. */
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return fail (error, path, errno);

  /* A project may hold personal data: a file the user made private stays
   * private, and one saved by root for someone else stays theirs. A new
   * file follows the umask, as g_mkstemp_full() passes 0666 to open(). */
  if (exists)
    {
      if ((st.st_uid != getuid () || st.st_gid != getgid ()) &&
          fchown (fd, st.st_uid, st.st_gid) != 0)
        {
          /* Not ours to give away: the new file stays the saver's. */
        }
      fchmod (fd, st.st_mode & 07777);
    }

  if (!write_all (fd, data, size) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temp_path);
      return fail (error, path, saved_errno);
    }

  if (close (fd) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      return fail (error, path, saved_errno);
    }

  if (keep_backup && exists)
    keep_backup_copy (target, st.st_mode & 0777);

  if (g_rename (temp_path, target) != 0)
    {
      saved_errno = errno;
      g_unlink (temp_path);
      return fail (error, path, saved_errno);
    }

  /* Make the rename itself durable. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;
}
