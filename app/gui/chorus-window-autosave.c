/* chorus-window-autosave.c — recovery copies of unsaved work
 *
 * A few seconds after a change, while the response has unsaved changes, the window writes a
 * recovery copy (see chorus-recovery.h), as GNOME Text Editor keeps drafts. Serialising is
 * quick and happens here, on the main thread, so the copy is exactly what the user sees; the
 * write to disk happens in a worker thread. A save, undoing back to the saved state, or
 * closing with "Discard" removes the copy; a crash leaves it, and the next start offers it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-gui-util.h"
#include "chorus-window-private.h"

typedef struct
{
  char   *key;
  GBytes *bytes;
  GFile  *original;
  char   *title;
} AutosaveJob;

static void
autosave_job_free (gpointer data)
{
  AutosaveJob *job = data;

  g_free (job->key);
  g_bytes_unref (job->bytes);
  g_clear_object (&job->original);
  g_free (job->title);
  g_free (job);
}

static gboolean
chorus_window_autosave_enabled (ChorusWindow *self)
{
  /* Without the schema (a test run from the build tree) there is no setting to say no. */
  return self->settings == NULL || g_settings_get_boolean (self->settings, "autosave");
}

static guint
chorus_window_autosave_interval (ChorusWindow *self)
{
  return self->settings != NULL ? g_settings_get_uint (self->settings, "autosave-interval") : 5;
}

static void
chorus_window_autosave_thread (GTask        *task,
                               gpointer      source_object,
                               gpointer      task_data,
                               GCancellable *cancellable)
{
  AutosaveJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!chorus_recovery_write (job->key, job->bytes, job->original, job->title, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
chorus_window_autosave_done_cb (GObject      *source_object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  ChorusWindow *self = CHORUS_WINDOW (source_object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Not fatal, but the user should know their safety net is missing (a full disk). */
      /* Translators: %s says why, from the system */
      message = g_strdup_printf (_("Could not keep a recovery copy: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, chorus_toast_new_text (message));
      g_warning ("%s", message);
    }
}

static char *
chorus_window_dup_recovery_title (ChorusWindow *self)
{
  const char *organisation = chorus_project_get_organisation (self->project);
  g_autofree char *name = _chorus_window_dup_display_name (self);

  if (chorus_project_get_file (self->project) == NULL && organisation != NULL &&
      *organisation != '\0')
    /* Translators: a response never saved, named for the welcome page: "NHS Trafford — New Response" */
    return g_strdup_printf (_("%s — %s"), organisation, name);

  return g_steal_pointer (&name);
}

/* NULL when there is nothing to keep. */
static GTask *
chorus_window_autosave_task_new (ChorusWindow *self)
{
  GTask *task;
  AutosaveJob *job;
  GFile *file;

  g_clear_handle_id (&self->autosave_timeout_id, g_source_remove);

  if (self->project == NULL || self->recovery_key == NULL ||
      !chorus_project_get_modified (self->project))
    return NULL;

  _chorus_window_commit_edits (self);

  file = chorus_project_get_file (self->project);
  job = g_new0 (AutosaveJob, 1);
  job->key = g_strdup (self->recovery_key);
  job->bytes = chorus_project_to_bytes (self->project);
  job->original = file != NULL ? g_object_ref (file) : NULL;
  job->title = chorus_window_dup_recovery_title (self);

  task = g_task_new (self, self->autosave_cancellable, chorus_window_autosave_done_cb, NULL);
  g_task_set_source_tag (task, chorus_window_autosave_task_new);
  g_task_set_name (task, "[chorus] autosave");
  g_task_set_task_data (task, job, autosave_job_free);

  return task;
}

void
_chorus_window_autosave_now (ChorusWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CHORUS_IS_WINDOW (self));

  task = chorus_window_autosave_task_new (self);
  if (task != NULL)
    g_task_run_in_thread_sync (task, chorus_window_autosave_thread);
}

static gboolean
chorus_window_autosave_timeout_cb (gpointer user_data)
{
  ChorusWindow *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->autosave_timeout_id = 0;

  task = chorus_window_autosave_task_new (self);
  if (task != NULL)
    g_task_run_in_thread (task, chorus_window_autosave_thread);

  return G_SOURCE_REMOVE;
}

static void
chorus_window_autosave_changed_cb (ChorusWindow  *self,
                                   ChorusProject *project)
{
  if (!chorus_project_get_modified (project))
    {
      /* Back at the saved state: the file itself is the copy. */
      g_clear_handle_id (&self->autosave_timeout_id, g_source_remove);
      _chorus_window_autosave_discard (self);
      return;
    }

  if (!chorus_window_autosave_enabled (self))
    return;

  /* Within a few seconds of the first change, not of the last: a user typing without a pause
   * for ten minutes still has a copy. */
  if (self->autosave_timeout_id == 0)
    self->autosave_timeout_id = g_timeout_add_seconds (chorus_window_autosave_interval (self),
                                                       chorus_window_autosave_timeout_cb, self);
}

void
_chorus_window_autosave_rekey (ChorusWindow *self)
{
  GFile *file;

  if (self->project == NULL)
    return;

  file = chorus_project_get_file (self->project);
  g_free (self->recovery_key);
  self->recovery_key = file != NULL ? chorus_recovery_key_for_file (file) : chorus_recovery_new_key ();
}

void
_chorus_window_autosave_attach (ChorusWindow *self)
{
  self->autosave_cancellable = g_cancellable_new ();

  /* A restored copy keeps the key it was found under. */
  g_clear_pointer (&self->recovery_key, g_free);
  if (self->restored_recovery_key != NULL)
    self->recovery_key = g_steal_pointer (&self->restored_recovery_key);
  else
    _chorus_window_autosave_rekey (self);

  g_signal_connect_object (self->project, "changed",
                           G_CALLBACK (chorus_window_autosave_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* A restored copy is unsaved from the start: keep it safe straight away. */
  if (chorus_project_get_modified (self->project))
    chorus_window_autosave_changed_cb (self, self->project);
}

void
_chorus_window_autosave_detach (ChorusWindow *self)
{
  g_clear_handle_id (&self->autosave_timeout_id, g_source_remove);
  g_cancellable_cancel (self->autosave_cancellable);
  g_clear_object (&self->autosave_cancellable);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, chorus_window_autosave_changed_cb, self);

  /* Closing a window with unsaved changes goes through the "Save Changes?" dialog, which
   * discards the copy on "Discard"; anything else (a crash) leaves it. */
  g_clear_pointer (&self->recovery_key, g_free);
}

void
_chorus_window_autosave_discard (ChorusWindow *self)
{
  g_clear_handle_id (&self->autosave_timeout_id, g_source_remove);

  if (self->recovery_key != NULL)
    chorus_recovery_discard (self->recovery_key);
}

static void
chorus_window_offer_recovery_response_cb (ChorusWindow     *self,
                                          const char       *response,
                                          AdwMessageDialog *dialog)
{
  const char *key = g_object_get_data (G_OBJECT (dialog), "recovery-key");

  if (g_strcmp0 (response, "restore") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.restore-recovery", "s", key);
  else if (g_strcmp0 (response, "discard") == 0)
    chorus_recovery_discard (key);
  else
    {
      /* "Not now": the copy stays for later, so this window's own copies go elsewhere. */
      g_free (self->recovery_key);
      self->recovery_key = chorus_recovery_new_key ();
    }
}

void
_chorus_window_offer_recovery (ChorusWindow *self)
{
  g_autoptr(ChorusRecoveryEntry) entry = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (self->recovery_key == NULL)
    return;

  entry = chorus_recovery_find (self->recovery_key);
  if (entry == NULL)
    return;

  local = g_date_time_to_local (entry->written);
  /* Translators: a date and time in strftime() format */
  when = g_date_time_format (local, _("%e %B at %H:%M"));
  name = _chorus_window_dup_display_name (self);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore Unsaved Changes?"), NULL));
  /* Translators: a file name, then when its changes were last kept */
  adw_message_dialog_format_body (dialog,
                                  _("Chorus closed before changes to “%s” were saved. A copy "
                                    "of them was kept on %s."), name, g_strstrip (when));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "recovery-key", g_strdup (entry->key), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (chorus_window_offer_recovery_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}
