/* chorus-atomic-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
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
keep_backup_copy (const char *path)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_unlink (backup);
  if (link (path, backup) == 0)
    return;

  if (g_file_get_contents (path, &contents, &length, NULL))
    g_file_set_contents (backup, contents, (gssize) length, NULL);
}

gboolean
chorus_atomic_file_replace (const char  *path,
                            GBytes      *contents,
                            gboolean     keep_backup,
                            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  gsize size;
  const guint8 *data = g_bytes_get_data (contents, &size);
  int fd, dir_fd, saved_errno;

  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    return fail (error, path, errno);

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

  if (keep_backup && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    keep_backup_copy (path);

  if (g_rename (temp_path, path) != 0)
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
