/* chorus-window-actions.c — what the window's menus, buttons and shortcuts do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chorus-application.h"
#include "chorus-export-dialog.h"
#include "chorus-gui-util.h"
#include "chorus-import-dialog.h"
#include "chorus-merge-dialog.h"
#include "chorus-notes-import-dialog.h"
#include "chorus-print-operation.h"
#include "chorus-window-private.h"

/* Enough to find anything worth jumping to; the list stays quick to build at 100,000 items. */
#define MAX_SEARCH_RESULTS 200

void
_chorus_window_update_actions (ChorusWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_project = self->project != NULL;

  gtk_widget_action_set_enabled (widget, "win.save", has_project);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_project);
  gtk_widget_action_set_enabled (widget, "win.undo",
                                 has_project && chorus_project_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo",
                                 has_project && chorus_project_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.search", has_project);
  gtk_widget_action_set_enabled (widget, "win.toggle-sidebar", has_project);
  gtk_widget_action_set_enabled (widget, "win.toggle-codebook", has_project);
  gtk_widget_action_set_enabled (widget, "win.new-theme", has_project);
  gtk_widget_action_set_enabled (widget, "win.focus-pane", has_project);
  gtk_widget_action_set_enabled (widget, "win.view", has_project);
  gtk_widget_action_set_enabled (widget, "win.import-csv", has_project);
  gtk_widget_action_set_enabled (widget, "win.import-notes", has_project);
  gtk_widget_action_set_enabled (widget, "win.merge", has_project);
  gtk_widget_action_set_enabled (widget, "win.export", has_project);
  gtk_widget_action_set_enabled (widget, "win.print", has_project);
  gtk_widget_action_set_enabled (widget, "win.import-csv-file", has_project);
  gtk_widget_action_set_enabled (widget, "win.import-notes-file", has_project);
}

void
_chorus_window_commit_edits (ChorusWindow *self)
{
  g_return_if_fail (CHORUS_IS_WINDOW (self));

  /* Editors that hold typing back from the project register here as they are added to the
   * window (see the draft editor). */
  g_signal_emit_by_name (self, "commit-edits");
}

/* Undo and redo --------------------------------------------------------------------------- */

static void
chorus_window_undo_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);

  if (self->project == NULL)
    return;

  /* Typing not yet committed is the newest edit: commit it so that undo takes it back. */
  _chorus_window_commit_edits (self);
  chorus_project_undo (self->project);
}

static void
chorus_window_redo_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);

  if (self->project != NULL)
    chorus_project_redo (self->project);
}

/* Saving ----------------------------------------------------------------------------------- */

static void chorus_window_save_as (ChorusWindow *self);

static void
chorus_window_save_error_response_cb (ChorusWindow     *self,
                                      const char       *response,
                                      AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "save-as") == 0)
    chorus_window_save_as (self);
  else
    self->close_after_save = FALSE;
}

/* Returns TRUE when saved; on failure the user is told why, and the response stays open and
 * unsaved, with nothing lost. */
static gboolean
chorus_window_save_to (ChorusWindow *self,
                       GFile        *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  gboolean was_untitled = chorus_project_get_file (self->project) == NULL;
  gboolean same_file;

  _chorus_window_commit_edits (self);

  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Chorus can only save to folders on this computer or mounted on it."));
    }
  else
    {
      same_file = !was_untitled && g_file_equal (file, chorus_project_get_file (self->project));

      /* The copy written so far belongs to the old name: drop it before the key changes. */
      if (!same_file)
        _chorus_window_autosave_discard (self);

      if (chorus_project_save_file (self->project, path, &error))
        {
          g_autoptr(GFile) saved = g_file_new_for_path (path);
          g_autofree char *uri = g_file_get_uri (saved);

          chorus_project_set_file (self->project, saved);
          g_clear_pointer (&self->untitled_name, g_free);
          _chorus_window_autosave_rekey (self);
          _chorus_window_autosave_discard (self);
          gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
          _chorus_window_update_title (self);

          if (self->close_after_save)
            {
              self->close_after_save = FALSE;
              self->closing_confirmed = TRUE;
              gtk_window_close (GTK_WINDOW (self));
            }
          return TRUE;
        }
    }

  {
    g_autofree char *basename = g_file_get_basename (file);
    g_autofree char *name = g_filename_display_name (basename);
    g_autofree char *heading = NULL;
    g_autofree char *body = NULL;
    AdwMessageDialog *dialog;

    /* Translators: %s is a file name */
    heading = g_strdup_printf (_("Could Not Save “%s”"), name);
    /* Translators: %s says what went wrong, from the system */
    body = g_strdup_printf (_("%s\n\nYour changes are still here. Try saving somewhere else, "
                              "or free some space and try again."), error->message);

    dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
    adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                      "close", _("_Close"),
                                      "save-as", _("Save _As…"),
                                      NULL);
    adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
    adw_message_dialog_set_default_response (dialog, "save-as");
    adw_message_dialog_set_close_response (dialog, "close");
    g_signal_connect_object (dialog, "response",
                             G_CALLBACK (chorus_window_save_error_response_cb),
                             self, G_CONNECT_SWAPPED);
    gtk_window_present (GTK_WINDOW (dialog));
  }

  return FALSE;
}

static void
chorus_window_save_chooser_response_cb (ChorusWindow         *self,
                                        int                   response,
                                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->save_chooser);

  if (file == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  /* The file manager and the open dialog know a response by its extension. */
  {
    g_autofree char *basename = g_file_get_basename (file);

    if (!g_str_has_suffix (basename, ".chorus"))
      {
        g_autofree char *with_extension = g_strconcat (basename, ".chorus", NULL);
        g_autoptr(GFile) parent = g_file_get_parent (file);
        g_autoptr(GFile) renamed = g_file_get_child (parent, with_extension);

        g_set_object (&file, renamed);
      }
  }

  chorus_window_save_to (self, file);
}

static char *
chorus_window_suggest_file_name (ChorusWindow *self)
{
  const char *organisation = chorus_project_get_organisation (self->project);
  g_autofree char *name = NULL;

  if (organisation != NULL && *organisation != '\0')
    /* Translators: a suggested file name; %s is the organisation */
    name = g_strdup_printf (_("%s response.chorus"), organisation);
  else
    name = g_strdup (_("Response.chorus"));

  /* A slash in an organisation's name is not a folder. */
  g_strdelimit (name, "/\\", '-');
  return g_steal_pointer (&name);
}

static void
chorus_window_save_as (ChorusWindow *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  GFile *current;

  if (self->project == NULL || self->save_chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Responses"));
  gtk_file_filter_add_mime_type (filter, "application/x-chorus+xml");
  gtk_file_filter_add_suffix (filter, "chorus");

  self->save_chooser = gtk_file_chooser_native_new (_("Save Response"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Save"),
                                                    _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_chooser), TRUE);

  current = chorus_project_get_file (self->project);
  if (current != NULL)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->save_chooser), current, NULL);
    }
  else
    {
      suggested = chorus_window_suggest_file_name (self);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), suggested);
    }

  g_signal_connect_object (self->save_chooser, "response",
                           G_CALLBACK (chorus_window_save_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

gboolean
chorus_window_save (ChorusWindow *self)
{
  GFile *file;

  g_return_val_if_fail (CHORUS_IS_WINDOW (self), FALSE);

  if (self->project == NULL)
    return FALSE;

  file = chorus_project_get_file (self->project);
  if (file == NULL)
    {
      chorus_window_save_as (self);
      return FALSE;
    }

  return chorus_window_save_to (self, file);
}

static void
chorus_window_save_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  chorus_window_save (CHORUS_WINDOW (widget));
}

static void
chorus_window_save_as_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  chorus_window_save_as (CHORUS_WINDOW (widget));
}

/* Closing ---------------------------------------------------------------------------------- */

static void
chorus_window_close_response_cb (ChorusWindow     *self,
                                 const char       *response,
                                 AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      /* Thrown away on purpose: nothing to offer after the next start. */
      _chorus_window_autosave_discard (self);
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      chorus_window_save (self);
    }
}

gboolean
_chorus_window_confirm_close (ChorusWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (self->closing_confirmed || self->project == NULL)
    return TRUE;

  _chorus_window_commit_edits (self);

  if (!chorus_project_get_modified (self->project))
    return TRUE;

  name = _chorus_window_dup_display_name (self);
  heading = g_strdup (_("Save Changes?"));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  /* Translators: %s is a file name or "New Response" */
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes which are not saved "
                                    "will be permanently lost."), name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (chorus_window_close_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return FALSE;
}

/* Opening ---------------------------------------------------------------------------------- */

static void
chorus_window_file_chooser_response_cb (ChorusWindow         *self,
                                        int                   response,
                                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        _chorus_window_request_open (self, file);
    }

  g_clear_object (&self->file_chooser);
}

static void
chorus_window_choose_file (ChorusWindow *self,
                           gboolean      consultations_first)
{
  g_autoptr(GtkFileFilter) responses = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) consultations = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    return;

  gtk_file_filter_set_name (responses, _("Responses"));
  gtk_file_filter_add_mime_type (responses, "application/x-chorus+xml");
  gtk_file_filter_add_suffix (responses, "chorus");

  gtk_file_filter_set_name (consultations, _("Consultation Questions"));
  gtk_file_filter_add_mime_type (consultations, "application/x-chorus-consultation+xml");
  gtk_file_filter_add_pattern (consultations, "*.consultation.xml");

  self->file_chooser = gtk_file_chooser_native_new (consultations_first
                                                      ? _("Choose a Consultation")
                                                      : _("Open Response"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Open"),
                                                    _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), responses);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), consultations);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->file_chooser),
                               consultations_first ? consultations : responses);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);

  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (chorus_window_file_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
chorus_window_open_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  chorus_window_choose_file (CHORUS_WINDOW (widget), FALSE);
}

static void
chorus_window_new_from_file_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  chorus_window_choose_file (CHORUS_WINDOW (widget), TRUE);
}

static void
chorus_window_open_uri_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  _chorus_window_request_open (CHORUS_WINDOW (widget), file);
}

static void
chorus_window_new_response_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  /* A consultation opens as a new response to it. */
  _chorus_window_request_open (CHORUS_WINDOW (widget), file);
}

static void
chorus_window_open_example_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  ChorusWindow *target = self;

  if (!chorus_window_is_empty (self) && application != NULL)
    {
      target = chorus_window_new (application);
      gtk_window_present (GTK_WINDOW (target));
    }

  chorus_window_open_example (target);
}

/* Recovery copies ---------------------------------------------------------------------------- */

static void
chorus_window_restore_recovery_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);
  const char *key = g_variant_get_string (parameter, NULL);
  g_autoptr(ChorusRecoveryEntry) entry = chorus_recovery_find (key);
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  ChorusWindow *target = self;

  if (entry == NULL)
    {
      _chorus_window_show_error (self, _("Could Not Restore"),
                                 _("The recovered changes are no longer there."));
      chorus_welcome_page_refresh (self->welcome_page);
      return;
    }

  project = chorus_recovery_restore (entry, &error);
  if (project == NULL)
    {
      _chorus_window_show_error (self, _("Could Not Restore"), error->message);
      return;
    }

  /* In place when this window shows the very file the changes belong to, unchanged (the
   * offer made on opening it); otherwise beside what the user has open. */
  if (!chorus_window_is_empty (self) && application != NULL &&
      !(self->project != NULL && !chorus_project_get_modified (self->project) &&
        entry->original != NULL && chorus_project_get_file (self->project) != NULL &&
        g_file_equal (entry->original, chorus_project_get_file (self->project))))
    {
      target = chorus_window_new (application);
      gtk_window_present (GTK_WINDOW (target));
    }

  /* Keep writing to the same copy until the user saves: a second crash loses nothing. */
  g_free (target->restored_recovery_key);
  target->restored_recovery_key = g_strdup (entry->key);
  if (entry->original == NULL)
    {
      g_free (target->untitled_name);
      target->untitled_name = g_strdup (entry->title != NULL && *entry->title != '\0'
                                        ? entry->title : _("Recovered Response"));
    }
  chorus_window_set_project (target, project);
}

static void
chorus_window_discard_recovery_response_cb (ChorusWindow     *self,
                                            const char       *response,
                                            AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      chorus_recovery_discard (g_object_get_data (G_OBJECT (dialog), "recovery-key"));
      chorus_welcome_page_refresh (self->welcome_page);
    }
}

static void
chorus_window_discard_recovery_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Discard Recovered Changes?"),
                                                       _("These changes were never saved. "
                                                         "Once discarded they cannot be "
                                                         "brought back.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "recovery-key",
                          g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (chorus_window_discard_recovery_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Views and panes ---------------------------------------------------------------------------- */

static void
chorus_window_toggle_sidebar_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
chorus_window_toggle_codebook_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);

  gtk_toggle_button_set_active (self->codebook_button,
                                !gtk_toggle_button_get_active (self->codebook_button));
}

/* F6 and Shift+F6 move the keyboard focus from pane to pane, as in other GNOME applications:
 * the outline, the page, the answer, the themes. Tab alone would have to pass every row of
 * the outline (GTK 4.8's list views make each row a stop). */
static void
chorus_window_focus_pane_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);
  gboolean backwards = g_variant_get_boolean (parameter);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);
  GtkWidget *panes[4];
  guint n_panes = 0;
  guint current = 0;

  if (adw_flap_get_reveal_flap (self->flap))
    panes[n_panes++] = adw_flap_get_flap (self->flap);
  if (page == GTK_WIDGET (self->question_paned))
    {
      panes[n_panes++] = GTK_WIDGET (self->question_page);
      if (gtk_widget_get_visible (GTK_WIDGET (self->draft_pane)))
        panes[n_panes++] = GTK_WIDGET (self->draft_pane);
    }
  else if (page != NULL)
    {
      panes[n_panes++] = page;
    }
  if (adw_flap_get_reveal_flap (self->codebook_flap))
    panes[n_panes++] = GTK_WIDGET (self->codebook_slot);

  if (n_panes == 0)
    return;

  /* Where the focus is now; from outside every pane (the header bar), F6 starts at the first. */
  current = backwards ? 0 : n_panes - 1;
  for (guint i = 0; focus != NULL && i < n_panes; i++)
    if (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i]))
      current = i;

  for (guint step = 1; step <= n_panes; step++)
    {
      guint next = backwards ? (current + n_panes - step) % n_panes : (current + step) % n_panes;

      /* The outline's selected question is where a user left it. */
      if (panes[next] == adw_flap_get_flap (self->flap) &&
          gtk_stack_get_visible_child (self->sidebar_stack) != NULL &&
          gtk_widget_grab_focus (GTK_WIDGET (self->outline_view)))
        return;
      if (gtk_widget_child_focus (panes[next], GTK_DIR_TAB_FORWARD))
        return;
    }
}

/* Ctrl+Shift+N anywhere in the window: the themes pane opens on a new theme to name. */
static void
chorus_window_new_theme_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);

  gtk_toggle_button_set_active (self->codebook_button, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self->codebook_pane), "codebook.new-theme", NULL);
}

static void
chorus_window_view_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _chorus_window_show_view (CHORUS_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Search ------------------------------------------------------------------------------------ */

static void
chorus_window_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
chorus_window_search_changed_cb (ChorusWindow   *self,
                                 GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GListModel) results = NULL;

  if (self->project == NULL || *text == '\0')
    {
      gtk_no_selection_set_model (self->search_selection, NULL);
      gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");
      return;
    }

  results = chorus_search_project (self->project, text, MAX_SEARCH_RESULTS);
  gtk_no_selection_set_model (self->search_selection, results);
  gtk_stack_set_visible_child_name (self->sidebar_stack,
                                    g_list_model_get_n_items (results) > 0 ? "results"
                                                                           : "no-results");
}

static void
chorus_window_search_mode_cb (ChorusWindow *self,
                              GParamSpec   *pspec,
                              GtkSearchBar *bar)
{
  if (!gtk_search_bar_get_search_mode (bar))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
      GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");

      /* Escape from the search goes back to the page, not to whatever the sidebar offers
       * first; a jump to a result has already put the focus there. */
      if (page != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
        gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
    }
}

static void
chorus_window_search_activate_cb (ChorusWindow *self,
                                  guint         position,
                                  GtkListView  *view)
{
  g_autoptr(ChorusSearchResult) result = NULL;
  const char *target;

  result = g_list_model_get_item (G_LIST_MODEL (self->search_selection), position);
  if (result == NULL)
    return;

  target = chorus_search_result_get_question_id (result);
  if (target == NULL)
    target = chorus_search_result_get_target_id (result);

  /* The outline comes back with the found place selected; the search stays in the entry so
   * the user can go back to the next result. */
  gtk_stack_set_visible_child_name (self->sidebar_stack, "outline");
  _chorus_window_select_target (self, target);
  gtk_stack_set_visible_child_name (self->sidebar_stack, "results");
}

static void
chorus_window_search_setup_cb (GtkSignalListItemFactory *factory,
                               GtkListItem              *list_item,
                               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 2);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snippet, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (list_item, box);
}

static void
chorus_window_search_bind_cb (GtkSignalListItemFactory *factory,
                              GtkListItem              *list_item,
                              gpointer                  user_data)
{
  ChorusSearchResult *result = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *snippet = gtk_widget_get_next_sibling (title);
  g_autofree char *label = NULL;

  gtk_label_set_label (GTK_LABEL (title), chorus_search_result_get_title (result));
  gtk_label_set_label (GTK_LABEL (snippet), chorus_search_result_get_snippet (result));

  /* Translators: a search result read out: where, then the words found */
  label = g_strdup_printf (_("%s: %s"), chorus_search_result_get_title (result),
                           chorus_search_result_get_snippet (result));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
_chorus_window_init_search (ChorusWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->search_selection = gtk_no_selection_new (NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (chorus_window_search_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (chorus_window_search_bind_cb), NULL);
  gtk_list_view_set_factory (self->search_results_view, factory);
  gtk_list_view_set_model (self->search_results_view,
                           GTK_SELECTION_MODEL (self->search_selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (chorus_window_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (chorus_window_search_mode_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_results_view, "activate",
                           G_CALLBACK (chorus_window_search_activate_cb),
                           self, G_CONNECT_SWAPPED);
}

void
_chorus_window_clear_search (ChorusWindow *self)
{
  if (self->search_selection != NULL)
    gtk_no_selection_set_model (self->search_selection, NULL);
  if (self->search_bar != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Import and merge ------------------------------------------------------------------------ */

typedef enum
{
  IMPORT_SURVEY,
  IMPORT_NOTES,
  IMPORT_MERGE,
} ImportKind;

static void
chorus_window_imported_cb (ChorusWindow *self,
                           const char   *report)
{
  g_auto(GStrv) lines = g_strsplit (report != NULL ? report : "", "\n", -1);
  const char *summary = NULL;

  /* The report's first line names the file and says what was added: the toast's one line. */
  for (guint i = 0; lines[i] != NULL && summary == NULL; i++)
    if (*g_strstrip (lines[i]) != '\0' && strstr (lines[i], " → ") == NULL)
      summary = lines[i];

  adw_toast_overlay_add_toast (self->toast_overlay,
                               chorus_toast_new_text (summary != NULL ? summary : _("Imported")));
}

static void
chorus_window_start_import (ChorusWindow *self,
                            ImportKind    kind,
                            GFile        *file)
{
  GtkWidget *dialog;

  if (self->project == NULL)
    return;

  switch (kind)
    {
    case IMPORT_NOTES:
      dialog = GTK_WIDGET (chorus_notes_import_dialog_new (GTK_WINDOW (self), self->project, file));
      break;

    case IMPORT_MERGE:
      dialog = GTK_WIDGET (chorus_merge_dialog_new (GTK_WINDOW (self), self->project, file));
      break;

    case IMPORT_SURVEY:
    default:
      dialog = GTK_WIDGET (chorus_import_dialog_new (GTK_WINDOW (self), self->project, file));
      break;
    }

  g_signal_connect_object (dialog, "imported", G_CALLBACK (chorus_window_imported_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chorus_window_import_chooser_response_cb (GtkFileChooserNative *chooser,
                                          int                   response,
                                          ChorusWindow         *self)
{
  ImportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "import-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        chorus_window_start_import (self, kind, file);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
chorus_window_choose_import (ChorusWindow *self,
                             ImportKind    kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  const char *title;

  if (self->project == NULL)
    return;

  switch (kind)
    {
    case IMPORT_NOTES:
      title = _("Import Focus-Group Notes");
      gtk_file_filter_set_name (filter, _("Notes (text or Markdown)"));
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "md");
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      break;

    case IMPORT_MERGE:
      title = _("Merge a Colleague’s File");
      gtk_file_filter_set_name (filter, _("Responses"));
      gtk_file_filter_add_suffix (filter, "chorus");
      gtk_file_filter_add_mime_type (filter, "application/x-chorus+xml");
      break;

    case IMPORT_SURVEY:
    default:
      title = _("Import a Survey Spreadsheet");
      gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_suffix (filter, "tsv");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    }

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "import-kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (chorus_window_import_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
chorus_window_import_csv_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  chorus_window_choose_import (CHORUS_WINDOW (widget), IMPORT_SURVEY);
}

static void
chorus_window_import_notes_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  chorus_window_choose_import (CHORUS_WINDOW (widget), IMPORT_NOTES);
}

static void
chorus_window_merge_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  chorus_window_choose_import (CHORUS_WINDOW (widget), IMPORT_MERGE);
}

/* A file dropped on the window: straight to the assistant, no chooser. */
static void
chorus_window_import_file_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  chorus_window_start_import (CHORUS_WINDOW (widget),
                              g_str_equal (action_name, "win.import-notes-file") ? IMPORT_NOTES
                                                                                 : IMPORT_SURVEY,
                              file);
}

/* Export and print ------------------------------------------------------------------------ */

static void
chorus_window_open_exported_cb (AdwToast     *toast,
                                ChorusWindow *self)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "file");

  if (file != NULL)
    chorus_export_dialog_open_file (GTK_WINDOW (self), file);
}

static void
chorus_window_exported_cb (ChorusWindow *self,
                           GFile        *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: %s is the exported file's name */
  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = chorus_toast_new_text (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (chorus_window_open_exported_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
chorus_window_export_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);
  const char *name = parameter != NULL ? g_variant_get_string (parameter, NULL) : "pdf";
  ChorusExportFormat format = CHORUS_EXPORT_FORMAT_PDF;
  ChorusExportDialog *dialog;

  if (self->project == NULL)
    return;

  if (g_str_equal (name, "xml"))
    format = CHORUS_EXPORT_FORMAT_XML;
  else if (g_str_equal (name, "csv"))
    format = CHORUS_EXPORT_FORMAT_CSV;

  /* What is being typed belongs in the export. */
  _chorus_window_commit_edits (self);
  dialog = chorus_export_dialog_new (GTK_WINDOW (self), self->project, format);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (chorus_window_exported_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chorus_window_print_done_cb (GtkPrintOperation       *operation,
                             GtkPrintOperationResult  result,
                             ChorusWindow            *self)
{
  const GError *layout_error = chorus_print_operation_get_layout_error (CHORUS_PRINT_OPERATION (operation));
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      _chorus_window_show_error (self, _("Could Not Print"),
                                 error != NULL ? error->message : _("The printer reported an error."));
    }
  else if (layout_error != NULL)
    {
      _chorus_window_show_error (self, _("Could Not Print"), layout_error->message);
    }
}

static void
chorus_window_print_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  ChorusWindow *self = CHORUS_WINDOW (widget);
  g_autoptr(ChorusPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;

  _chorus_window_commit_edits (self);
  operation = chorus_print_operation_new (self->project);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (chorus_window_print_done_cb), self, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _chorus_window_show_error (self, _("Could Not Print"), error->message);
}

void
_chorus_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, chorus_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-example", NULL,
                                   chorus_window_open_example_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s",
                                   chorus_window_open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.new-response", "s",
                                   chorus_window_new_response_action);
  gtk_widget_class_install_action (widget_class, "win.new-from-file", NULL,
                                   chorus_window_new_from_file_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, chorus_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL,
                                   chorus_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, chorus_window_undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, chorus_window_redo_action);
  gtk_widget_class_install_action (widget_class, "win.restore-recovery", "s",
                                   chorus_window_restore_recovery_action);
  gtk_widget_class_install_action (widget_class, "win.discard-recovery", "s",
                                   chorus_window_discard_recovery_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   chorus_window_search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   chorus_window_toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-codebook", NULL,
                                   chorus_window_toggle_codebook_action);
  gtk_widget_class_install_action (widget_class, "win.new-theme", NULL,
                                   chorus_window_new_theme_action);
  gtk_widget_class_install_action (widget_class, "win.focus-pane", "b",
                                   chorus_window_focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", chorus_window_view_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL,
                                   chorus_window_import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.import-notes", NULL,
                                   chorus_window_import_notes_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, chorus_window_merge_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", chorus_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, chorus_window_print_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv-file", "s",
                                   chorus_window_import_file_action);
  gtk_widget_class_install_action (widget_class, "win.import-notes-file", "s",
                                   chorus_window_import_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", "s", "pdf");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, GDK_SHIFT_MASK,
                                       "win.toggle-codebook", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-theme", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.focus-pane", "b", FALSE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK,
                                       "win.focus-pane", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.view", "s", "questions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.view", "s", "dashboard");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.view", "s", "engagement");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}
