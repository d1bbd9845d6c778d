/* chorus-window.c — a window showing one response
 *
 * A window shows the welcome page until a response is opened, then the consultation's outline
 * in a sidebar beside the selected question. One response per window: opening another file
 * from a window that already shows one opens a second window (see ChorusApplication).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-application.h"
#include "chorus-gui-util.h"
#include "chorus-outline-node.h"
#include "chorus-resources.h"
#include "chorus-row-label.h"
#include "chorus-section-page.h"
#include "chorus-status-icon.h"
#include "chorus-welcome-page.h"
#include "chorus-window-private.h"

G_DEFINE_FINAL_TYPE (ChorusWindow, chorus_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  COMMIT_EDITS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Fast loads should not flash a spinner; slow ones should not look frozen. */
#define LOADING_PAGE_DELAY_MS 300

static char *
dup_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

/* The name the user knows the response by: its file's, or what it started from. */
char *
_chorus_window_dup_display_name (ChorusWindow *self)
{
  GFile *file = self->project != NULL ? chorus_project_get_file (self->project) : NULL;

  if (file != NULL)
    return dup_file_display_name (file);

  if (self->untitled_name != NULL)
    return g_strdup (self->untitled_name);

  return g_strdup (_("New Response"));
}

void
_chorus_window_update_title (ChorusWindow *self)
{
  g_autofree char *title = NULL;
  const char *subtitle = NULL;

  if (self->project == NULL)
    {
      title = g_strdup (_("Chorus"));
    }
  else
    {
      ChorusConsultation *consultation = chorus_project_get_consultation (self->project);
      const char *organisation = chorus_project_get_organisation (self->project);
      g_autofree char *name = _chorus_window_dup_display_name (self);

      /* The dot is the GNOME convention for unsaved changes. */
      if (chorus_project_get_modified (self->project))
        title = g_strdup_printf ("%s •", name);
      else
        title = g_steal_pointer (&name);

      if (organisation != NULL && *organisation != '\0')
        subtitle = organisation;
      else
        subtitle = chorus_consultation_get_title (consultation);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
chorus_window_update_outline (ChorusWindow *self)
{
  g_autoptr(ChorusStats) stats = NULL;
  guint n_roots;

  if (self->project == NULL || self->outline_roots == NULL)
    return;

  stats = chorus_stats_ref (chorus_project_get_stats (self->project));
  n_roots = g_list_model_get_n_items (self->outline_roots);

  for (guint i = 0; i < n_roots; i++)
    {
      g_autoptr(ChorusOutlineNode) node = g_list_model_get_item (self->outline_roots, i);

      chorus_outline_node_update (node, self->project, stats);
    }
}

/* A document or a section: its key points, its questions at a glance, partner responses. */
static void
chorus_window_show_heading (ChorusWindow      *self,
                            ChorusOutlineNode *node)
{
  chorus_section_page_set_target (self->section_page, chorus_outline_node_get_object (node));
  gtk_stack_set_visible_child_name (self->content_stack, "heading");
}

static void chorus_window_sync_places (ChorusWindow *self);

static void
chorus_window_outline_selection_changed_cb (ChorusWindow       *self,
                                            GParamSpec         *pspec,
                                            GtkSingleSelection *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(ChorusOutlineNode) node = NULL;

  /* Nothing selected in the outline: a place above it (the dashboard) is showing. */
  if (row == NULL)
    return;

  node = gtk_tree_list_row_get_item (row);

  if (chorus_outline_node_get_kind (node) == CHORUS_OUTLINE_NODE_QUESTION)
    {
      chorus_question_page_set_question (self->question_page,
                                         chorus_outline_node_get_question (node));
      chorus_draft_pane_set_question (self->draft_pane, chorus_outline_node_get_question (node));
      gtk_widget_set_visible (GTK_WIDGET (self->draft_pane), TRUE);
      gtk_stack_set_visible_child_name (self->content_stack, "question");
    }
  else
    {
      chorus_window_show_heading (self, node);
    }
  chorus_window_sync_places (self);

  /* On a narrow window the sidebar covers the content: get it out of the way. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static GListModel *
chorus_window_create_outline_children_cb (gpointer item,
                                          gpointer user_data)
{
  GListModel *children = chorus_outline_node_get_children (item);

  /* A section without questions gets no expander arrow that would open onto nothing. */
  if (children == NULL || g_list_model_get_n_items (children) == 0)
    return NULL;

  return g_object_ref (children);
}

static void
chorus_window_clear_outline (ChorusWindow *self)
{
  if (self->outline_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->outline_selection, self);

  gtk_list_view_set_model (self->outline_view, NULL);
  g_clear_object (&self->outline_selection);
  g_clear_object (&self->outline_model);
  g_clear_object (&self->outline_roots);
}

static void
chorus_window_build_outline (ChorusWindow *self)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (self->project);

  self->outline_roots = chorus_outline_node_build_tree (consultation);
  /* Everything starts expanded: a consultation has tens of questions, and seeing them all is
   * the point of the outline. */
  self->outline_model = gtk_tree_list_model_new (g_object_ref (self->outline_roots),
                                                 FALSE, TRUE,
                                                 chorus_window_create_outline_children_cb,
                                                 NULL, NULL);
  self->outline_selection =
    gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->outline_model)));
  gtk_single_selection_set_autoselect (self->outline_selection, FALSE);
  /* Selecting the dashboard or the engagement page above the outline unselects it. */
  gtk_single_selection_set_can_unselect (self->outline_selection, TRUE);
  g_signal_connect_object (self->outline_selection, "notify::selected-item",
                           G_CALLBACK (chorus_window_outline_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);

  chorus_window_update_outline (self);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (self->outline_selection));
}

static void
chorus_window_project_changed_cb (ChorusWindow  *self,
                                  ChorusProject *project)
{
  chorus_window_update_outline (self);
  _chorus_window_update_actions (self);
}

static void
chorus_window_project_modified_cb (ChorusWindow  *self,
                                   GParamSpec    *pspec,
                                   ChorusProject *project)
{
  _chorus_window_update_title (self);
  _chorus_window_update_actions (self);
}

/* The places list's selection shows which page is up; only activating a row (a click, Enter)
 * changes the page. GtkListBox selects whatever row the keyboard focus lands on, so a Tab
 * through the sidebar would otherwise switch pages under the user. */
static void
chorus_window_sync_places (ChorusWindow *self)
{
  const char *shown = gtk_stack_get_visible_child_name (self->content_stack);
  GtkListBoxRow *row = NULL;

  if (g_strcmp0 (shown, "dashboard") == 0)
    row = self->dashboard_row;
  else if (g_strcmp0 (shown, "engagement") == 0)
    row = self->engagement_row;

  self->syncing_places = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->places_list, row);
  else
    gtk_list_box_unselect_all (self->places_list);
  self->syncing_places = FALSE;
}

static void
chorus_window_place_selected_cb (ChorusWindow  *self,
                                 GtkListBoxRow *row,
                                 GtkListBox    *list)
{
  if (!self->syncing_places)
    chorus_window_sync_places (self);
}

static void
chorus_window_show_place (ChorusWindow  *self,
                          GtkListBoxRow *row)
{
  const char *name = gtk_widget_get_name (GTK_WIDGET (row));

  if (gtk_stack_get_child_by_name (self->content_stack, name) == NULL)
    return;

  if (self->outline_selection != NULL &&
      gtk_single_selection_get_selected (self->outline_selection) != GTK_INVALID_LIST_POSITION)
    {
      self->last_outline_position = gtk_single_selection_get_selected (self->outline_selection);
      gtk_single_selection_set_selected (self->outline_selection, GTK_INVALID_LIST_POSITION);
    }

  gtk_stack_set_visible_child_name (self->content_stack, name);
  chorus_window_sync_places (self);

  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
chorus_window_place_activated_cb (ChorusWindow  *self,
                                  GtkListBoxRow *row,
                                  GtkListBox    *list)
{
  chorus_window_show_place (self, row);
}

void
_chorus_window_show_view (ChorusWindow *self,
                          const char   *name)
{
  if (self->project == NULL)
    return;

  if (g_strcmp0 (name, "dashboard") == 0)
    chorus_window_show_place (self, self->dashboard_row);
  else if (g_strcmp0 (name, "engagement") == 0)
    chorus_window_show_place (self, self->engagement_row);
  else if (self->outline_selection != NULL &&
           gtk_single_selection_get_selected (self->outline_selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->outline_selection,
                                       self->last_outline_position != GTK_INVALID_LIST_POSITION
                                         ? self->last_outline_position : 0);
}

/* The dashboard charts what the input list is filtered to, group and activity. */
static void
chorus_window_input_filter_changed_cb (ChorusWindow     *self,
                                       int               change,
                                       ChorusItemFilter *filter)
{
  const char *group_id = chorus_item_filter_get_group_id (filter);
  const char *activity_id = chorus_item_filter_get_activity_id (filter);

  chorus_dashboard_set_filters (self->dashboard,
                                group_id != NULL && *group_id != '\0' ? group_id : NULL,
                                activity_id != NULL && *activity_id != '\0' ? activity_id : NULL);
}

ChorusWindow *
chorus_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (CHORUS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

ChorusProject *
chorus_window_get_project (ChorusWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_WINDOW (self), NULL);

  return self->project;
}

static void
chorus_window_show_welcome (ChorusWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GPtrArray) open_keys = g_ptr_array_new ();

  /* Recovery copies that another window of this instance is writing are not left over from a
   * crash: they are someone's work in progress. */
  if (application != NULL)
    for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
      if (CHORUS_IS_WINDOW (l->data) && CHORUS_WINDOW (l->data)->recovery_key != NULL)
        g_ptr_array_add (open_keys, CHORUS_WINDOW (l->data)->recovery_key);
  g_ptr_array_add (open_keys, NULL);

  chorus_welcome_page_set_hidden_recovery_keys (self->welcome_page,
                                                (const char * const *) open_keys->pdata);
  chorus_welcome_page_refresh (self->welcome_page);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
}

void
chorus_window_set_project (ChorusWindow  *self,
                           ChorusProject *project)
{
  GListModel *questions;
  gboolean has_project = project != NULL;

  g_return_if_fail (CHORUS_IS_WINDOW (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      _chorus_window_autosave_detach (self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }

  _chorus_window_clear_search (self);
  chorus_window_clear_outline (self);
  chorus_question_page_set_project (self->question_page, NULL);
  chorus_draft_pane_set_project (self->draft_pane, NULL);
  chorus_section_page_set_project (self->section_page, NULL);
  chorus_codebook_pane_set_project (self->codebook_pane, NULL);
  chorus_engagement_page_set_project (self->engagement_page, NULL);
  chorus_dashboard_set_project (self->dashboard, NULL);
  g_set_object (&self->project, project);

  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), has_project);
  gtk_widget_set_visible (GTK_WIDGET (self->codebook_button), has_project);

  if (project == NULL)
    {
      /* The welcome page has its own open buttons. */
      chorus_window_show_welcome (self);
      _chorus_window_update_title (self);
      _chorus_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
      return;
    }

  g_signal_connect_object (project, "changed",
                           G_CALLBACK (chorus_window_project_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::modified",
                           G_CALLBACK (chorus_window_project_modified_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::file",
                           G_CALLBACK (_chorus_window_update_title),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::organisation",
                           G_CALLBACK (_chorus_window_update_title),
                           self, G_CONNECT_SWAPPED);

  chorus_question_page_set_project (self->question_page, project);
  chorus_draft_pane_set_project (self->draft_pane, project);
  chorus_section_page_set_project (self->section_page, project);
  chorus_codebook_pane_set_project (self->codebook_pane, project);
  chorus_engagement_page_set_project (self->engagement_page, project);
  chorus_dashboard_set_project (self->dashboard, project);
  g_signal_connect_object (chorus_question_page_get_filter (self->question_page), "changed",
                           G_CALLBACK (chorus_window_input_filter_changed_cb),
                           self, G_CONNECT_SWAPPED);
  chorus_window_build_outline (self);
  _chorus_window_update_title (self);
  _chorus_window_update_actions (self);
  _chorus_window_autosave_attach (self);

  gtk_stack_set_visible_child_name (self->main_stack, "project");

  /* Open at the first question rather than on an empty page. */
  questions = chorus_consultation_get_questions (chorus_project_get_consultation (project));
  if (g_list_model_get_n_items (questions) > 0)
    {
      g_autoptr(ChorusQuestion) first = g_list_model_get_item (questions, 0);

      chorus_window_select_question (self, chorus_question_get_id (first));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

/* Selects the document, section or question with that id in the outline, expanding what is
 * above it on the way. */
gboolean
_chorus_window_select_target (ChorusWindow *self,
                              const char   *target_id)
{
  ChorusConsultation *consultation;
  ChorusQuestion *question;
  ChorusSection *section;
  ChorusDocument *document;

  if (self->project == NULL || self->outline_model == NULL || target_id == NULL)
    return FALSE;

  consultation = chorus_project_get_consultation (self->project);
  question = chorus_consultation_find_question (consultation, target_id);
  section = question != NULL ? chorus_question_get_section (question)
                             : chorus_consultation_find_section (consultation, target_id);
  document = section != NULL ? chorus_section_get_document (section)
                             : chorus_consultation_find_document (consultation, target_id);

  if (question == NULL && section == NULL && document == NULL)
    return FALSE;

  /* Walk down the flattened tree, expanding the way to the target: a node's children appear
   * right after it, so the walk meets them next. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->outline_model)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->outline_model, i);
      g_autoptr(ChorusOutlineNode) node = gtk_tree_list_row_get_item (row);
      gpointer object = chorus_outline_node_get_object (node);
      gboolean is_target = (question != NULL && object == (gpointer) question) ||
                           (question == NULL && section != NULL && object == (gpointer) section) ||
                           (question == NULL && section == NULL && object == (gpointer) document);

      if (is_target)
        {
          gtk_single_selection_set_selected (self->outline_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->outline_view),
                                      "list.scroll-to-item", "u", i);
          return TRUE;
        }

      if (object == (gpointer) document || (section != NULL && object == (gpointer) section))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }

  return FALSE;
}

gboolean
chorus_window_select_question (ChorusWindow *self,
                               const char   *question_id)
{
  g_return_val_if_fail (CHORUS_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  if (self->project == NULL ||
      chorus_consultation_find_question (chorus_project_get_consultation (self->project),
                                         question_id) == NULL)
    return FALSE;

  return _chorus_window_select_target (self, question_id);
}

void
_chorus_window_show_error (ChorusWindow *self,
                           const char   *heading,
                           const char   *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, NULL));
  /* The body is the library's message ("FILE:LINE: what is wrong"), never markup. */
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
chorus_window_show_loading_cb (gpointer user_data)
{
  ChorusWindow *self = user_data;

  self->loading_timeout_id = 0;
  gtk_stack_set_visible_child_name (self->main_stack, "loading");

  return G_SOURCE_REMOVE;
}

static void
chorus_window_load_thread (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = dup_file_display_name (file);
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_consultation;

  /* A consultation's questions alone start a new, unsaved response to them. */
  is_consultation = g_str_has_suffix (name, ".consultation.xml");

  if (path != NULL)
    {
      if (is_consultation)
        {
          g_autoptr(ChorusConsultation) consultation = chorus_consultation_load_file (path, &error);

          if (consultation != NULL)
            project = chorus_project_new (consultation);
        }
      else
        {
          project = chorus_project_load_file (path, &error);
        }
    }
  else
    {
      /* Not on a local disk (a GVfs location without FUSE): read it whole, then parse. */
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, &error);

      if (bytes != NULL && is_consultation)
        {
          g_autoptr(ChorusConsultation) consultation =
            chorus_consultation_load_bytes (bytes, name, &error);

          if (consultation != NULL)
            project = chorus_project_new (consultation);
        }
      else if (bytes != NULL)
        {
          project = chorus_project_load_bytes (bytes, name, &error);

          if (project != NULL)
            chorus_project_set_file (project, file);
        }
    }

  if (project == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, g_steal_pointer (&project), g_object_unref);
}

static void
chorus_window_add_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) "application/x-chorus+xml",
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "chorus %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "Chorus";

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
chorus_window_load_cb (GObject      *source_object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  ChorusWindow *self = CHORUS_WINDOW (source_object);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean as_copy;

  project = g_task_propagate_pointer (G_TASK (result), &error);

  /* Superseded by another file, or the window went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  as_copy = self->loading_as_copy;
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  g_clear_object (&self->loading_file);
  g_clear_object (&self->load_cancellable);
  self->loading_as_copy = FALSE;

  if (project == NULL)
    {
      g_autofree char *name = dup_file_display_name (file);
      g_autofree char *heading = NULL;

      if (self->project != NULL)
        gtk_stack_set_visible_child_name (self->main_stack, "project");
      else
        chorus_window_show_welcome (self);

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Open “%s”"), name);
      _chorus_window_show_error (self, heading, error->message);
      return;
    }

  g_clear_pointer (&self->untitled_name, g_free);

  if (as_copy)
    {
      /* The example is installed read-only and shared: edits go to a file of the user's. */
      chorus_project_set_file (project, NULL);
      self->untitled_name = g_strdup (_("Example Response"));
    }
  else if (chorus_project_get_file (project) != NULL)
    {
      chorus_window_add_recent (chorus_project_get_file (project));
    }

  chorus_window_set_project (self, project);

  if (!as_copy && chorus_project_get_file (project) != NULL)
    _chorus_window_offer_recovery (self);
}

static void
chorus_window_load (ChorusWindow *self,
                    GFile        *file,
                    gboolean      as_copy)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);

  self->load_cancellable = g_cancellable_new ();
  self->loading_as_copy = as_copy;
  g_set_object (&self->loading_file, file);

  task = g_task_new (self, self->load_cancellable, chorus_window_load_cb, NULL);
  g_task_set_source_tag (task, chorus_window_load);
  g_task_set_name (task, "[chorus] open file");
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, chorus_window_load_thread);

  self->loading_timeout_id = g_timeout_add (LOADING_PAGE_DELAY_MS,
                                            chorus_window_show_loading_cb, self);
}

/* The bundled examples are shared and, installed, read-only: they open as new responses,
 * whichever way they are opened (./run passes the example on the command line). */
static gboolean
is_bundled_example (GFile *file)
{
  g_autofree char *examples = chorus_application_find_examples_dir ();
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);

  if (examples == NULL || parent == NULL || !g_str_has_suffix (name, ".chorus"))
    return FALSE;

  dir = g_file_new_for_path (examples);
  return g_file_equal (dir, parent);
}

void
chorus_window_open_file (ChorusWindow *self,
                         GFile        *file)
{
  g_return_if_fail (CHORUS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  chorus_window_load (self, file, is_bundled_example (file));
}

void
chorus_window_open_example (ChorusWindow *self)
{
  g_autoptr(GFile) example = chorus_application_find_example ();

  g_return_if_fail (CHORUS_IS_WINDOW (self));

  if (example == NULL)
    {
      _chorus_window_show_error (self,
                                 _("Example Not Found"),
                                 _("The example response is not installed. Reinstalling Chorus "
                                   "should bring it back."));
      return;
    }

  chorus_window_load (self, example, TRUE);
}

GFile *
chorus_window_get_file (ChorusWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_WINDOW (self), NULL);

  /* The example opens as a copy: it is not "the file shown" for the single-instance check. */
  if (self->loading_file != NULL)
    return self->loading_as_copy ? NULL : self->loading_file;

  if (self->project != NULL)
    return chorus_project_get_file (self->project);

  return NULL;
}

gboolean
chorus_window_is_empty (ChorusWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_WINDOW (self), FALSE);

  return self->project == NULL && self->loading_file == NULL;
}

const char *
chorus_window_get_recovery_key (ChorusWindow *self)
{
  g_return_val_if_fail (CHORUS_IS_WINDOW (self), NULL);

  return self->recovery_key;
}

/* Opening from the user interface: the application decides whether the file goes in this
 * window or a new one. Without an application (in tests) it goes here. */
void
_chorus_window_request_open (ChorusWindow *self,
                             GFile        *file)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (CHORUS_IS_APPLICATION (application))
    chorus_application_open_file (CHORUS_APPLICATION (application), file, self);
  else
    chorus_window_open_file (self, file);
}

/* Drag and drop ------------------------------------------------------------------------------ */

static gboolean
chorus_window_drop_cb (ChorusWindow  *self,
                       const GValue  *value,
                       double         x,
                       double         y,
                       GtkDropTarget *target)
{
  GSList *files;
  gboolean handled = FALSE;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      GFile *file = l->data;
      g_autofree char *name = dup_file_display_name (file);

      if (g_str_has_suffix (name, ".chorus") || g_str_has_suffix (name, ".consultation.xml"))
        {
          _chorus_window_request_open (self, file);
          handled = TRUE;
        }
      else if (self->project != NULL &&
               (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".txt") ||
                g_str_has_suffix (name, ".md")))
        {
          g_autofree char *uri = g_file_get_uri (file);

          handled = gtk_widget_activate_action (GTK_WIDGET (self),
                                                g_str_has_suffix (name, ".csv")
                                                  ? "win.import-csv-file"
                                                  : "win.import-notes-file",
                                                "s", uri);
        }
      else
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a file name */
          message = g_strdup_printf (_("“%s” is not a response, a consultation, a survey "
                                       "spreadsheet or notes"), name);
          adw_toast_overlay_add_toast (self->toast_overlay, chorus_toast_new_text (message));
        }
    }

  return handled;
}

static gboolean
chorus_window_close_request (GtkWindow *window)
{
  ChorusWindow *self = CHORUS_WINDOW (window);

  if (!_chorus_window_confirm_close (self))
    return TRUE;

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (chorus_window_parent_class)->close_request (window);
}

static GSettings *
chorus_window_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; window size is not remembered",
               APPLICATION_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
chorus_window_dispose (GObject *object)
{
  ChorusWindow *self = (ChorusWindow *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->loading_file);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
  if (self->save_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);

  if (self->project != NULL)
    {
      _chorus_window_autosave_detach (self);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }

  /* The list unselects its rows as it goes, after the pages it would look at. */
  if (self->places_list != NULL)
    g_signal_handlers_disconnect_by_data (self->places_list, self);

  if (self->outline_view != NULL)
    {
      _chorus_window_clear_search (self);
      chorus_window_clear_outline (self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_WINDOW);

  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  g_clear_object (&self->search_selection);
  g_clear_pointer (&self->untitled_name, g_free);
  g_clear_pointer (&self->recovery_key, g_free);
  g_clear_pointer (&self->restored_recovery_key, g_free);

  G_OBJECT_CLASS (chorus_window_parent_class)->dispose (object);
}

static void
chorus_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ChorusWindow *self = CHORUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ChorusWindow *self = CHORUS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      chorus_window_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A theme chosen in the codebook pane goes on the selected input, as Ctrl+N would. */
static void
chorus_window_theme_activated_cb (ChorusWindow *self,
                                  ChorusTheme  *theme)
{
  if (chorus_question_page_get_selected_item (self->question_page) == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   chorus_toast_new_text (_("Select the input to code first")));
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self->question_page), "input.theme", "s",
                              chorus_theme_get_id (theme));
}

static void
chorus_window_show_theme_input_cb (ChorusWindow *self,
                                   const char   *theme_id)
{
  _chorus_window_show_view (self, "questions");
  chorus_item_filter_set_theme_id (chorus_question_page_get_filter (self->question_page), theme_id);
}

/* A bar, segment or cell of a chart: exactly the input behind it, in the input list. */
static void
chorus_window_show_items_cb (ChorusWindow         *self,
                             const ChorusChartHit *hit)
{
  if ((hit->fields & CHORUS_CHART_HIT_QUESTION) && hit->question_id != NULL)
    {
      chorus_window_select_question (self, hit->question_id);
    }
  else
    {
      /* Input from many questions: no question is selected, and there is no answer to draft. */
      if (self->outline_selection != NULL)
        gtk_single_selection_set_selected (self->outline_selection, GTK_INVALID_LIST_POSITION);
      chorus_draft_pane_set_question (self->draft_pane, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->draft_pane), FALSE);
      gtk_stack_set_visible_child_name (self->content_stack, "question");
      chorus_window_sync_places (self);
    }

  chorus_question_page_show_hit (self->question_page, hit);
}

/* The editors that hold typing back: what they hold goes into the project now. */
static void
chorus_window_commit_editors_cb (ChorusWindow *self,
                                 gpointer      user_data)
{
  chorus_draft_pane_commit (self->draft_pane);
  chorus_section_page_commit (self->section_page);
}

static void
chorus_window_class_init (ChorusWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = chorus_window_dispose;
  object_class->get_property = chorus_window_get_property;
  object_class->set_property = chorus_window_set_property;

  window_class->close_request = chorus_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Editors that hold typing back from the project (to make one undo step of it) connect
   * here and write it into the project: before a save, an autosave, undo or close. */
  signals[COMMIT_EDITS] =
    g_signal_new ("commit-edits",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The resources live in a static library; naming them here keeps the linker from dropping
   * them from any program that uses the window. */
  (void) chorus_get_resource ();

  g_type_ensure (CHORUS_TYPE_OUTLINE_NODE);
  g_type_ensure (CHORUS_TYPE_ROW_LABEL);
  g_type_ensure (CHORUS_TYPE_QUESTION_PAGE);
  g_type_ensure (CHORUS_TYPE_DRAFT_PANE);
  g_type_ensure (CHORUS_TYPE_SECTION_PAGE);
  g_type_ensure (CHORUS_TYPE_STATUS_ICON);
  g_type_ensure (CHORUS_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, codebook_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, places_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, dashboard_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, engagement_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, outline_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, search_results_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, codebook_flap);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, codebook_slot);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, question_paned);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, question_page);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, draft_pane);
  gtk_widget_class_bind_template_child (widget_class, ChorusWindow, section_page);

  _chorus_window_class_add_actions (widget_class);
}

static void
chorus_window_init (ChorusWindow *self)
{
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = chorus_window_create_settings ();

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));

      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop",
                           G_CALLBACK (chorus_window_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  self->codebook_pane = CHORUS_CODEBOOK_PANE (chorus_codebook_pane_new ());
  adw_bin_set_child (self->codebook_slot, GTK_WIDGET (self->codebook_pane));
  g_signal_connect_object (self->codebook_pane, "theme-activated",
                           G_CALLBACK (chorus_window_theme_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->codebook_pane, "show-theme-input",
                           G_CALLBACK (chorus_window_show_theme_input_cb), self, G_CONNECT_SWAPPED);

  self->dashboard = CHORUS_DASHBOARD (chorus_dashboard_new ());
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->dashboard), "dashboard");
  g_signal_connect_object (self->dashboard, "show-items",
                           G_CALLBACK (chorus_window_show_items_cb), self, G_CONNECT_SWAPPED);

  self->engagement_page = CHORUS_ENGAGEMENT_PAGE (chorus_engagement_page_new ());
  gtk_stack_add_named (self->content_stack, GTK_WIDGET (self->engagement_page), "engagement");

  self->last_outline_position = GTK_INVALID_LIST_POSITION;
  g_signal_connect (self, "commit-edits", G_CALLBACK (chorus_window_commit_editors_cb), NULL);
  g_signal_connect_object (self->section_page, "question-activated",
                           G_CALLBACK (chorus_window_select_question), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->places_list, "row-selected",
                           G_CALLBACK (chorus_window_place_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->places_list, "row-activated",
                           G_CALLBACK (chorus_window_place_activated_cb),
                           self, G_CONNECT_SWAPPED);

  _chorus_window_init_search (self);
  _chorus_window_update_title (self);
  _chorus_window_update_actions (self);
}
