/* chorus-engagement-page.c — who responds, their groups and the consultation activities
 *
 * Every field reaches the project when the user confirms it (the apply button, Enter, or
 * leaving the field), as its own undo step; the page follows the project when an undo changes
 * it underneath. Groups and activities are a handful each, so GtkListBox rows bound to the
 * project's lists suit them better than a recycling list view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chorus-activity-dialog.h"
#include "chorus-engagement-page-private.h"
#include "chorus-resources.h"

G_DEFINE_FINAL_TYPE (ChorusEngagementPage, chorus_engagement_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef const char *(*RespondentGetter) (ChorusProject *project);
typedef void        (*RespondentSetter) (ChorusProject *project,
                                         const char    *value);

static GtkWindow *
chorus_engagement_page_get_window (ChorusEngagementPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The text the page last put in an entry row, or the user last confirmed there. */
#define SHOWN_TEXT "chorus-shown-text"

/* TRUE while @row holds something the user typed and has not confirmed yet. */
static gboolean
chorus_engagement_page_has_pending_edit (AdwEntryRow *row)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (row));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  const char *shown = g_object_get_data (G_OBJECT (row), SHOWN_TEXT);

  return focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), shown ? shown : "") != 0;
}

/* Records that the user confirmed what @row holds, so the project's version may replace it. */
static void
chorus_engagement_page_mark_confirmed (AdwEntryRow *row)
{
  g_object_set_data_full (G_OBJECT (row), SHOWN_TEXT,
                          g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))), g_free);
}

/* Shows @text, what the project holds, in @row without offering to apply it; text the user
 * is still typing stays. */
static void
chorus_engagement_page_show_text (AdwEntryRow *row,
                                  const char  *text)
{
  if (text == NULL)
    text = "";

  if (chorus_engagement_page_has_pending_edit (row))
    return;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    {
      adw_entry_row_set_show_apply_button (row, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (row), text);
      adw_entry_row_set_show_apply_button (row, TRUE);
    }

  chorus_engagement_page_mark_confirmed (row);
}

static char *
chorus_engagement_page_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Organisation and contact */

static gboolean
chorus_engagement_page_respondent_field (ChorusEngagementPage *self,
                                         AdwEntryRow          *row,
                                         RespondentGetter     *getter,
                                         RespondentSetter     *setter)
{
  if (row == self->organisation_row)
    {
      *getter = chorus_project_get_organisation;
      *setter = chorus_project_set_organisation;
    }
  else if (row == self->contact_name_row)
    {
      *getter = chorus_project_get_contact_name;
      *setter = chorus_project_set_contact_name;
    }
  else if (row == self->contact_role_row)
    {
      *getter = chorus_project_get_contact_role;
      *setter = chorus_project_set_contact_role;
    }
  else if (row == self->contact_email_row)
    {
      *getter = chorus_project_get_contact_email;
      *setter = chorus_project_set_contact_email;
    }
  else if (row == self->contact_phone_row)
    {
      *getter = chorus_project_get_contact_phone;
      *setter = chorus_project_set_contact_phone;
    }
  else
    {
      return FALSE;
    }

  return TRUE;
}

static void
chorus_engagement_page_respondent_apply_cb (ChorusEngagementPage *self,
                                            AdwEntryRow          *row)
{
  g_autofree char *text = chorus_engagement_page_entry_text (row);
  RespondentGetter getter;
  RespondentSetter setter;

  if (self->project == NULL || !chorus_engagement_page_respondent_field (self, row, &getter, &setter))
    return;

  chorus_engagement_page_mark_confirmed (row);

  /* An empty field is NULL in the project: typing nothing into it is not an edit. */
  if (g_strcmp0 (text, getter (self->project) ?: "") != 0)
    setter (self->project, text);
  else
    chorus_engagement_page_show_text (row, getter (self->project));
}

static void
chorus_engagement_page_respondent_leave_cb (ChorusEngagementPage     *self,
                                            GtkEventControllerFocus  *controller)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  chorus_engagement_page_respondent_apply_cb (self, row);
}

static void
chorus_engagement_page_update_respondent (ChorusEngagementPage *self)
{
  AdwEntryRow *rows[] = {
    self->organisation_row, self->contact_name_row, self->contact_role_row,
    self->contact_email_row, self->contact_phone_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      RespondentGetter getter = NULL;
      RespondentSetter setter = NULL;

      if (!chorus_engagement_page_respondent_field (self, rows[i], &getter, &setter))
        continue;

      chorus_engagement_page_show_text (rows[i], self->project ? getter (self->project) : NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), self->project != NULL);
    }
}

/* A dialog that deletes a group or an activity */

typedef struct
{
  ChorusEngagementPage *page;
  GObject              *object;   /* the group or activity */
  GPtrArray            *targets;  /* where its input may move */
  GtkDropDown          *drop_down;
} DeleteRequest;

static void
delete_request_free (gpointer data)
{
  DeleteRequest *request = data;

  g_clear_object (&request->object);
  g_clear_pointer (&request->targets, g_ptr_array_unref);
  g_free (request);
}

static void
chorus_engagement_page_delete_response_cb (AdwMessageDialog *dialog,
                                           const char       *response,
                                           DeleteRequest    *request)
{
  ChorusProject *project = request->page->project;
  gpointer target = NULL;

  if (project == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  if (g_strcmp0 (response, "move") == 0)
    {
      guint selected = gtk_drop_down_get_selected (request->drop_down);

      if (selected >= request->targets->len)
        return;
      target = g_ptr_array_index (request->targets, selected);
    }
  else if (g_strcmp0 (response, "delete") != 0)
    {
      return;
    }

  /* The project may have changed under the dialog (an undo): act only on what is there. */
  if (CHORUS_IS_GROUP (request->object) &&
      chorus_project_find_group (project, chorus_group_get_id (CHORUS_GROUP (request->object))) ==
      CHORUS_GROUP (request->object))
    chorus_project_remove_group (project, CHORUS_GROUP (request->object), target);
  else if (CHORUS_IS_ACTIVITY (request->object) &&
           chorus_project_find_activity (project,
                                         chorus_activity_get_id (CHORUS_ACTIVITY (request->object))) ==
           CHORUS_ACTIVITY (request->object))
    chorus_project_remove_activity (project, CHORUS_ACTIVITY (request->object), target);
}

/* Asks before deleting @object, which @n_items items of input use; when others are in
 * @names/@targets, offers to move the input there. */
static void
chorus_engagement_page_present_delete (ChorusEngagementPage *self,
                                       GObject              *object,
                                       const char           *heading,
                                       const char           *body,
                                       guint                 n_items,
                                       GtkStringList        *names,
                                       GPtrArray            *targets)
{
  DeleteRequest *request = g_new0 (DeleteRequest, 1);
  GtkWidget *dialog = adw_message_dialog_new (chorus_engagement_page_get_window (self),
                                              heading, body);
  gboolean can_move = n_items > 0 && targets->len > 0;

  request->page = self;
  request->object = g_object_ref (object);
  request->targets = g_ptr_array_ref (targets);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "delete",
                                   n_items > 0 ? _("_Delete Input Too") : _("_Delete"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);

  if (can_move)
    {
      GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);

      gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move the input to"),
                                      -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), drop_down);
      request->drop_down = GTK_DROP_DOWN (drop_down);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "move",
                                       _("_Move and Delete"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");
    }
  else
    {
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    }

  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response",
                         G_CALLBACK (chorus_engagement_page_delete_response_cb),
                         request, (GClosureNotify) (void (*) (void)) delete_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Groups */

static ChorusGroup *
chorus_engagement_page_row_group (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  return row ? g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT) : NULL;
}

static void
chorus_engagement_page_update_group_row (ChorusEngagementPage *self,
                                         GtkWidget            *row)
{
  ChorusGroup *group = g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT);
  AdwEntryRow *name_row = g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_NAME);
  GtkSwitch *partner_switch = g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_PARTNER);
  guint n_items = chorus_stats_count_group (chorus_project_get_stats (self->project),
                                            chorus_group_get_id (group));
  g_autofree char *items = NULL;
  g_autofree char *subtitle = NULL;

  /* "0 items of input" reads as a count to check; a new group simply has none yet. */
  if (n_items == 0)
    items = g_strdup (_("No input yet"));
  else
    items = g_strdup_printf (ngettext ("%u item of input", "%u items of input", n_items),
                             n_items);
  if (chorus_group_get_partner (group))
    /* Translators: "Partner organisation · 12 items of input" */
    subtitle = g_strdup_printf (_("Partner organisation · %s"), items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_group_get_name (group));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle ? subtitle : items);
  chorus_engagement_page_show_text (name_row, chorus_group_get_name (group));

  if (gtk_switch_get_active (partner_switch) != chorus_group_get_partner (group))
    gtk_switch_set_active (partner_switch, chorus_group_get_partner (group));
}

static void
chorus_engagement_page_rename_group_cb (ChorusEngagementPage *self,
                                        AdwEntryRow          *name_row)
{
  ChorusGroup *group = chorus_engagement_page_row_group (GTK_WIDGET (name_row));
  g_autofree char *name = chorus_engagement_page_entry_text (name_row);

  if (self->project == NULL || group == NULL)
    return;

  chorus_engagement_page_mark_confirmed (name_row);

  /* A group needs a name to be told apart in the filters and the submission. */
  if (*name != '\0' && g_strcmp0 (name, chorus_group_get_name (group)) != 0)
    chorus_project_rename_group (self->project, group, name);
  else
    chorus_engagement_page_show_text (name_row, chorus_group_get_name (group));
}

static void
chorus_engagement_page_group_name_leave_cb (ChorusEngagementPage    *self,
                                            GtkEventControllerFocus *controller)
{
  chorus_engagement_page_rename_group_cb (self,
                                          ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
chorus_engagement_page_partner_cb (ChorusEngagementPage *self,
                                   GParamSpec           *pspec,
                                   GtkSwitch            *partner_switch)
{
  ChorusGroup *group = chorus_engagement_page_row_group (GTK_WIDGET (partner_switch));
  gboolean partner = gtk_switch_get_active (partner_switch);

  if (self->project != NULL && group != NULL && partner != chorus_group_get_partner (group))
    chorus_project_set_group_partner (self->project, group, partner);
}

static void
chorus_engagement_page_delete_group_cb (ChorusEngagementPage *self,
                                        GtkButton            *button)
{
  ChorusGroup *group = chorus_engagement_page_row_group (GTK_WIDGET (button));
  GListModel *groups;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_uses, n_items, n_responses;

  if (self->project == NULL || group == NULL)
    return;

  groups = chorus_project_get_groups (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ChorusGroup) other = g_list_model_get_item (groups, i);

      if (other == group)
        continue;

      gtk_string_list_append (names, chorus_group_get_name (other));
      g_ptr_array_add (targets, g_steal_pointer (&other));
    }

  /* The project counts items and the partner responses written for the group together. */
  n_uses = chorus_project_count_group_uses (self->project, group);
  n_items = chorus_stats_count_group (chorus_project_get_stats (self->project),
                                      chorus_group_get_id (group));
  n_items = MIN (n_items, n_uses);
  n_responses = n_uses - n_items;

  /* Translators: heading of the dialog that deletes a respondent group */
  heading = g_strdup_printf (_("Delete “%s”?"), chorus_group_get_name (group));

  if (n_uses == 0)
    g_string_append (body, _("No input belongs to this group."));

  if (n_items > 0)
    g_string_append_printf (body, ngettext ("%u item of input belongs to this group.",
                                            "%u items of input belong to this group.",
                                            n_items),
                            n_items);

  if (n_items > 0 && targets->len > 0)
    g_string_append_printf (body, " %s", _("Move it to another group, or delete it with the group."));
  else if (n_items > 0)
    g_string_append_printf (body, " %s", _("It is deleted with the group."));

  if (n_responses > 0)
    {
      if (body->len > 0)
        g_string_append_c (body, ' ');
      g_string_append_printf (body, ngettext ("The partner response written for it is deleted.",
                                              "The %u partner responses written for it are deleted.",
                                              n_responses),
                              n_responses);
    }

  g_string_append_printf (body, " %s", _("You can undo this."));

  chorus_engagement_page_present_delete (self, G_OBJECT (group), heading, body->str, n_items,
                                         names, targets);
}

static GtkWidget *
chorus_engagement_page_create_group_row_cb (gpointer item,
                                            gpointer user_data)
{
  ChorusEngagementPage *self = user_data;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *name_row = adw_entry_row_new ();
  GtkWidget *partner_row = adw_action_row_new ();
  GtkWidget *partner_switch = gtk_switch_new ();
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data_full (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT, g_object_ref (item),
                          g_object_unref);
  g_object_set_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_NAME, name_row);
  g_object_set_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_PARTNER, partner_switch);
  g_object_set_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_DELETE, delete_button);
  /* Names are the user's text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name_row), _("Name"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (name_row), TRUE);
  g_signal_connect_object (name_row, "apply", G_CALLBACK (chorus_engagement_page_rename_group_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (chorus_engagement_page_group_name_leave_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (name_row, focus);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (partner_row), _("Partner Organisation"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (partner_row),
                               _("Writes its own response, printed after ours"));
  gtk_widget_set_valign (partner_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (partner_row), partner_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (partner_row), partner_switch);
  gtk_switch_set_active (GTK_SWITCH (partner_switch), chorus_group_get_partner (item));
  g_signal_connect_object (partner_switch, "notify::active",
                           G_CALLBACK (chorus_engagement_page_partner_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_tooltip_text (delete_button, _("Delete Group"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Group"),
                                  -1);
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  g_signal_connect_object (delete_button, "clicked",
                           G_CALLBACK (chorus_engagement_page_delete_group_cb),
                           self, G_CONNECT_SWAPPED);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), partner_row);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), delete_button);

  chorus_engagement_page_update_group_row (self, row);

  return row;
}

static void
chorus_engagement_page_add_group_response_cb (AdwMessageDialog     *dialog,
                                              const char           *response,
                                              ChorusEngagementPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "add") == 0 && *name != '\0' && self->project != NULL)
    chorus_project_add_group (self->project, name, FALSE);
}

static void
chorus_engagement_page_group_name_changed_cb (GtkEditable      *entry,
                                              AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *name != '\0');
}

static void
chorus_engagement_page_add_group_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  ChorusEngagementPage *self = CHORUS_ENGAGEMENT_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = adw_message_dialog_new (chorus_engagement_page_get_window (self), _("New Group"),
                                   _("Name the people the input comes from, such as Staff, "
                                     "Public or a partner organisation."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Group name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Group name"),
                                  -1);
  g_signal_connect_object (entry, "changed",
                           G_CALLBACK (chorus_engagement_page_group_name_changed_cb),
                           dialog, 0);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (chorus_engagement_page_add_group_response_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Activities */

static void
chorus_engagement_page_update_activity_row (ChorusEngagementPage *self,
                                            GtkWidget            *row)
{
  ChorusActivity *activity = g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT);
  const char *dates = chorus_activity_get_dates (activity);
  const char *number = chorus_activity_get_number_involved (activity);
  g_autofree char *first_date = NULL;
  g_autoptr(GString) subtitle = g_string_new (chorus_activity_kind_get_label (chorus_activity_get_kind (activity)));

  /* The row has room for the first line of the dates; the dialog shows them all. */
  if (dates != NULL && *dates != '\0')
    {
      first_date = g_strndup (dates, strcspn (dates, "\n"));
      /* Translators: joins an activity's kind and its dates, "Focus group · 20 Sep 2010" */
      g_string_append_printf (subtitle, _(" · %s"), first_date);
      if (strchr (dates, '\n') != NULL)
        g_string_append (subtitle, "…");
    }

  if (number != NULL && *number != '\0')
    g_string_append_printf (subtitle, "\n%s", number);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_activity_get_title (activity));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
}

static void
chorus_engagement_page_edit_activity (ChorusEngagementPage *self,
                                      ChorusActivity       *activity)
{
  ChorusActivityDialog *dialog;

  if (self->project == NULL)
    return;

  dialog = chorus_activity_dialog_new (self->project, activity);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), chorus_engagement_page_get_window (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chorus_engagement_page_activity_activated_cb (ChorusEngagementPage *self,
                                              AdwActionRow         *row)
{
  chorus_engagement_page_edit_activity (self,
                                        g_object_get_data (G_OBJECT (row),
                                                           CHORUS_ENGAGEMENT_ROW_OBJECT));
}

static void
chorus_engagement_page_delete_activity_cb (ChorusEngagementPage *self,
                                           GtkButton            *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  ChorusActivity *activity = g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT);
  GListModel *activities;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *heading = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint n_items;

  if (self->project == NULL || activity == NULL)
    return;

  activities = chorus_project_get_activities (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(ChorusActivity) other = g_list_model_get_item (activities, i);

      if (other == activity)
        continue;

      gtk_string_list_append (names, chorus_activity_get_title (other));
      g_ptr_array_add (targets, g_steal_pointer (&other));
    }

  n_items = chorus_project_count_activity_uses (self->project, activity);

  /* Translators: heading of the dialog that deletes an engagement activity */
  heading = g_strdup_printf (_("Delete “%s”?"), chorus_activity_get_title (activity));

  if (n_items == 0)
    g_string_append (body, _("No input came through this activity."));
  else
    g_string_append_printf (body, ngettext ("%u item of input came through this activity.",
                                            "%u items of input came through this activity.",
                                            n_items),
                            n_items);

  if (n_items > 0 && targets->len > 0)
    g_string_append_printf (body, " %s",
                            _("Move it to another activity, or delete it with this one."));
  else if (n_items > 0)
    g_string_append_printf (body, " %s", _("It is deleted with the activity."));

  g_string_append_printf (body, " %s", _("You can undo this."));

  chorus_engagement_page_present_delete (self, G_OBJECT (activity), heading, body->str, n_items,
                                         names, targets);
}

static GtkWidget *
chorus_engagement_page_create_activity_row_cb (gpointer item,
                                               gpointer user_data)
{
  ChorusEngagementPage *self = user_data;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit_icon = gtk_image_new_from_icon_name ("document-edit-symbolic");
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_object_set_data_full (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT, g_object_ref (item),
                          g_object_unref);
  g_object_set_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_DELETE, delete_button);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit the activity"));
  g_signal_connect_object (row, "activated",
                           G_CALLBACK (chorus_engagement_page_activity_activated_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_set_tooltip_text (delete_button, _("Delete Activity"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Activity"),
                                  -1);
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete_button, "flat");
  g_signal_connect_object (delete_button, "clicked",
                           G_CALLBACK (chorus_engagement_page_delete_activity_cb),
                           self, G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (edit_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit_icon);

  chorus_engagement_page_update_activity_row (self, row);

  return row;
}

static void
chorus_engagement_page_add_activity_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  chorus_engagement_page_edit_activity (CHORUS_ENGAGEMENT_PAGE (widget), NULL);
}

/* The project */

static void
chorus_engagement_page_project_changed_cb (ChorusEngagementPage *self)
{
  chorus_engagement_page_update_respondent (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->groups_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT) != NULL)
      chorus_engagement_page_update_group_row (self, row);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->activities_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT) != NULL)
      chorus_engagement_page_update_activity_row (self, row);
}

GtkWidget *
chorus_engagement_page_new (void)
{
  return g_object_new (CHORUS_TYPE_ENGAGEMENT_PAGE, NULL);
}

ChorusProject *
chorus_engagement_page_get_project (ChorusEngagementPage *self)
{
  g_return_val_if_fail (CHORUS_IS_ENGAGEMENT_PAGE (self), NULL);

  return self->project;
}

void
chorus_engagement_page_set_project (ChorusEngagementPage *self,
                                    ChorusProject        *project)
{
  g_return_if_fail (CHORUS_IS_ENGAGEMENT_PAGE (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_object (project, "changed",
                             G_CALLBACK (chorus_engagement_page_project_changed_cb),
                             self, G_CONNECT_SWAPPED);

  gtk_list_box_bind_model (self->groups_list,
                           project ? chorus_project_get_groups (project) : NULL,
                           chorus_engagement_page_create_group_row_cb, self, NULL);
  gtk_list_box_bind_model (self->activities_list,
                           project ? chorus_project_get_activities (project) : NULL,
                           chorus_engagement_page_create_activity_row_cb, self, NULL);
  chorus_engagement_page_update_respondent (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.add-group", project != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.add-activity", project != NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void
chorus_engagement_page_dispose (GObject *object)
{
  ChorusEngagementPage *self = (ChorusEngagementPage *)object;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      gtk_list_box_bind_model (self->groups_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->activities_list, NULL, NULL, NULL, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_ENGAGEMENT_PAGE);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_engagement_page_parent_class)->dispose (object);
}

static void
chorus_engagement_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ChorusEngagementPage *self = CHORUS_ENGAGEMENT_PAGE (object);

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
chorus_engagement_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ChorusEngagementPage *self = CHORUS_ENGAGEMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      chorus_engagement_page_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_engagement_page_class_init (ChorusEngagementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_engagement_page_dispose;
  object_class->get_property = chorus_engagement_page_get_property;
  object_class->set_property = chorus_engagement_page_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library; naming them here keeps the linker from dropping
   * them from a program that uses the page without the window (the tests). */
  (void) chorus_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-engagement-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusEngagementPage, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusEngagementPage, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusEngagementPage, contact_role_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusEngagementPage, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusEngagementPage, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusEngagementPage, groups_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusEngagementPage, activities_list);
  gtk_widget_class_bind_template_callback (widget_class, chorus_engagement_page_respondent_apply_cb);

  gtk_widget_class_install_action (widget_class, "engagement.add-group", NULL,
                                   chorus_engagement_page_add_group_action);
  gtk_widget_class_install_action (widget_class, "engagement.add-activity", NULL,
                                   chorus_engagement_page_add_activity_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "engagement.add-group", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "engagement.add-activity", NULL);
}

static void
chorus_engagement_page_init (ChorusEngagementPage *self)
{
  AdwEntryRow *rows[5];

  gtk_widget_init_template (GTK_WIDGET (self));

  rows[0] = self->organisation_row;
  rows[1] = self->contact_name_row;
  rows[2] = self->contact_role_row;
  rows[3] = self->contact_email_row;
  rows[4] = self->contact_phone_row;

  /* Leaving a field keeps what was typed, as everywhere else in GNOME. */
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (focus, "leave",
                               G_CALLBACK (chorus_engagement_page_respondent_leave_cb),
                               self, G_CONNECT_SWAPPED);
      gtk_widget_add_controller (GTK_WIDGET (rows[i]), focus);
    }

  chorus_engagement_page_update_respondent (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.add-group", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "engagement.add-activity", FALSE);
}
