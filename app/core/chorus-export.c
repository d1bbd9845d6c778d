/* chorus-export.c — options and helpers the PDF, XML and CSV exports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-export-private.h"

void
chorus_export_options_init (ChorusExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->paper_size = CHORUS_PAPER_SIZE_A4;
  options->include_input_tables = TRUE;
  options->include_charts = TRUE;
}

const ChorusExportOptions *
_chorus_export_options_or_default (const ChorusExportOptions *options)
{
  static ChorusExportOptions defaults;
  static gsize initialised;

  if (options != NULL)
    return options;

  if (g_once_init_enter (&initialised))
    {
      chorus_export_options_init (&defaults);
      g_once_init_leave (&initialised, 1);
    }

  return &defaults;
}

GDateTime *
_chorus_export_get_date (const ChorusExportOptions *options)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  if (options != NULL && options->date != NULL)
    return g_date_time_ref (options->date);

  /* Reproducible builds: https://reproducible-builds.org/specs/source-date-epoch/ */
  if (epoch != NULL && *epoch != '\0')
    {
      char *end = NULL;
      gint64 seconds = g_ascii_strtoll (epoch, &end, 10);

      if (end != NULL && *end == '\0' && seconds >= 0)
        return g_date_time_new_from_unix_utc (seconds);
    }

  return g_date_time_new_now_local ();
}

gboolean
_chorus_export_item_visible (const ChorusExportOptions *options,
                             ChorusItem                *item)
{
  return options->include_unpublished || chorus_item_get_publish (item);
}

GPtrArray *
_chorus_export_sorted_items (ChorusProject             *project,
                             const ChorusExportOptions *options)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  GListModel *items = chorus_project_get_items (project);
  guint n_items = g_list_model_get_n_items (items);
  guint n_questions = chorus_consultation_get_n_questions (consultation);
  g_autofree guint *starts = g_new0 (guint, n_questions + 2);
  g_autofree int *indexes = g_new (int, n_items);
  GPtrArray *sorted = g_ptr_array_new ();

  /* A counting sort by question: stable, and linear in 100,000 items. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);
      int index = chorus_consultation_get_question_index (consultation,
                                                          chorus_item_get_question_id (item));

      /* An item of no known question goes last rather than nowhere. */
      indexes[i] = index < 0 ? (int) n_questions : index;
      if (_chorus_export_item_visible (options, item))
        starts[indexes[i] + 1]++;
      else
        indexes[i] = -1;
    }
  for (guint q = 1; q <= n_questions + 1; q++)
    starts[q] += starts[q - 1];

  g_ptr_array_set_size (sorted, (int) starts[n_questions + 1]);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(ChorusItem) item = NULL;

      if (indexes[i] < 0)
        continue;
      item = g_list_model_get_item (items, i);
      /* The project holds the reference; the array borrows. */
      g_ptr_array_index (sorted, starts[indexes[i]]++) = item;
    }

  return sorted;
}

static gboolean
line_is_blank (const char *start,
               const char *end)
{
  for (const char *p = start; p < end; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

char **
_chorus_export_split_paragraphs (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) paragraph = g_string_new (NULL);
  const char *line = text ? text : "";

  while (TRUE)
    {
      const char *end = strchr (line, '\n');
      const char *line_end = end ? end : line + strlen (line);

      if (line_is_blank (line, line_end))
        {
          g_strstrip (paragraph->str);
          if (paragraph->str[0] != '\0')
            g_strv_builder_add (builder, paragraph->str);
          g_string_truncate (paragraph, 0);
        }
      else
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, '\n');
          g_string_append_len (paragraph, line, line_end - line);
        }

      if (end == NULL)
        break;
      line = end + 1;
    }

  g_strstrip (paragraph->str);
  if (paragraph->str[0] != '\0')
    g_strv_builder_add (builder, paragraph->str);

  return g_strv_builder_end (builder);
}

char *
_chorus_export_activity_label (ChorusProject  *project,
                               ChorusActivity *activity)
{
  GListModel *activities;
  ChorusActivityKind kind;
  guint n_same_kind = 0;

  if (activity == NULL)
    return g_strdup (_("Other responses"));

  activities = chorus_project_get_activities (project);
  kind = chorus_activity_get_kind (activity);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(ChorusActivity) other = g_list_model_get_item (activities, i);

      if (chorus_activity_get_kind (other) == kind)
        n_same_kind++;
    }

  /* Two surveys would both be "Online survey responses": name them. */
  if (n_same_kind > 1 || kind == CHORUS_ACTIVITY_KIND_OTHER)
    return g_strdup (chorus_activity_get_title (activity));

  switch (kind)
    {
    case CHORUS_ACTIVITY_KIND_BRIEFING:
      return g_strdup (_("Briefing responses"));
    case CHORUS_ACTIVITY_KIND_ONLINE_SURVEY:
      return g_strdup (_("Online survey responses"));
    case CHORUS_ACTIVITY_KIND_FOCUS_GROUP:
      return g_strdup (_("Discussion group responses"));
    case CHORUS_ACTIVITY_KIND_QUESTION_AND_ANSWER:
      return g_strdup (_("Questions and answers"));
    case CHORUS_ACTIVITY_KIND_WRITTEN_SUBMISSION:
      return g_strdup (_("Written submissions"));
    case CHORUS_ACTIVITY_KIND_OTHER:
    default:
      return g_strdup (chorus_activity_get_title (activity));
    }
}

/* What people said in the room first, then what they wrote: a discussion
 * carries the most weight in a response, and submissions are read that
 * way (the organisations' own responses put discussion groups first). */
static guint
activity_kind_rank (ChorusActivityKind kind)
{
  switch (kind)
    {
    case CHORUS_ACTIVITY_KIND_FOCUS_GROUP:
      return 0;
    case CHORUS_ACTIVITY_KIND_ONLINE_SURVEY:
      return 1;
    case CHORUS_ACTIVITY_KIND_BRIEFING:
      return 2;
    case CHORUS_ACTIVITY_KIND_QUESTION_AND_ANSWER:
      return 3;
    case CHORUS_ACTIVITY_KIND_WRITTEN_SUBMISSION:
      return 4;
    case CHORUS_ACTIVITY_KIND_OTHER:
    default:
      return 5;
    }
}

GArray *
_chorus_export_activity_order (ChorusProject *project)
{
  GListModel *activities = chorus_project_get_activities (project);
  guint n_activities = g_list_model_get_n_items (activities);
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_activities + 1);

  /* A few activities at most: a pass per rank keeps it stable. */
  for (guint rank = 0; rank <= 5; rank++)
    for (guint a = 0; a < n_activities; a++)
      {
        g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, a);

        if (activity_kind_rank (chorus_activity_get_kind (activity)) == rank)
          g_array_append_val (order, a);
      }
  g_array_append_val (order, n_activities);

  return order;
}

/* Writing files atomically ------------------------------------------------- */

struct _ChorusExportFile
{
  char *path;
  char *temp_path;
  int   fd;
  int   saved_errno;
};

static void
set_io_error (GError    **error,
              const char *path,
              int         saved_errno)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO, _("Could not export to “%s”: %s"),
               display_name, g_strerror (saved_errno));
}

ChorusExportFile *
_chorus_export_file_open (const char  *path,
                          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  ChorusExportFile *file;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_io_error (error, path, EISDIR);
      return NULL;
    }

  file = g_new0 (ChorusExportFile, 1);
  file->path = g_strdup (path);
  /* Beside the target, so the rename stays on one file system. */
  file->temp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  file->fd = g_mkstemp_full (file->temp_path, O_WRONLY | O_CLOEXEC, 0644);
  if (file->fd < 0)
    {
      set_io_error (error, path, errno);
      g_free (file->temp_path);
      g_free (file->path);
      g_free (file);
      return NULL;
    }

  return file;
}

gboolean
_chorus_export_file_write (ChorusExportFile *file,
                           const void       *data,
                           gsize             size)
{
  const guint8 *p = data;

  if (file->saved_errno != 0)
    return FALSE;

  while (size > 0)
    {
      gssize written = write (file->fd, p, size);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          file->saved_errno = errno;
          return FALSE;
        }
      p += written;
      size -= (gsize) written;
    }

  return TRUE;
}

static void
export_file_free (ChorusExportFile *file)
{
  g_free (file->temp_path);
  g_free (file->path);
  g_free (file);
}

void
_chorus_export_file_abort (ChorusExportFile *file)
{
  if (file == NULL)
    return;

  if (file->fd >= 0)
    close (file->fd);
  g_unlink (file->temp_path);
  export_file_free (file);
}

gboolean
_chorus_export_file_commit (ChorusExportFile  *file,
                            GError           **error)
{
  g_autofree char *dir = g_path_get_dirname (file->path);
  int saved_errno = file->saved_errno;
  int dir_fd;

  if (saved_errno == 0 && fsync (file->fd) != 0)
    saved_errno = errno;
  if (close (file->fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  file->fd = -1;
  if (saved_errno == 0 && g_rename (file->temp_path, file->path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      set_io_error (error, file->path, saved_errno);
      _chorus_export_file_abort (file);
      return FALSE;
    }

  /* Make the rename itself durable. */
  dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  export_file_free (file);
  return TRUE;
}

gboolean
_chorus_export_write_bytes (const char  *path,
                            GBytes      *bytes,
                            GError     **error)
{
  ChorusExportFile *file = _chorus_export_file_open (path, error);
  gsize size;
  const void *data;

  if (file == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  _chorus_export_file_write (file, data, size);

  return _chorus_export_file_commit (file, error);
}
