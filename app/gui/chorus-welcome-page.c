/* chorus-welcome-page.c — what a window shows before a response is open
 *
 * Everything a user starts from: the example, a bundled consultation to answer, the responses
 * they worked on recently, and unsaved work a crash left behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "chorus.h"
#include "chorus-application.h"
#include "chorus-welcome-page.h"

#define MAX_RECENT 6

struct _ChorusWelcomePage
{
  GtkWidget             parent_instance;

  GStrv                 hidden_recovery_keys;

  GtkScrolledWindow    *scroller;
  AdwPreferencesGroup  *recovery_group;
  GtkListBox           *recovery_list;
  AdwPreferencesGroup  *recent_group;
  GtkListBox           *recent_list;
  GtkListBox           *consultation_list;
};

G_DEFINE_FINAL_TYPE (ChorusWelcomePage, chorus_welcome_page, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
make_row (const char *title,
          const char *subtitle,
          const char *action_name,
          const char *target)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* Titles are file and consultation names, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action_name);
  if (target != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

/* "~/Documents" rather than "/home/sam/Documents". */
static char *
dup_folder_for_display (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_strdup ("");

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (parent);
}

static char *
dup_time_for_display (GDateTime *time)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: a time today, in strftime() format */
    return g_date_time_format (local, _("today at %H:%M"));

  /* Translators: a date and time, in strftime() format */
  return g_date_time_format (local, _("%e %B at %H:%M"));
}

static void
chorus_welcome_page_fill_consultations (ChorusWelcomePage *self)
{
  g_autofree char *dir_path = chorus_application_find_examples_dir ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  clear_list (self->consultation_list);

  if (dir_path != NULL)
    dir = g_dir_open (dir_path, 0, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".consultation.xml"))
      g_ptr_array_add (names, g_strdup (name));

  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autoptr(ChorusConsultation) consultation = chorus_consultation_load_file (path, NULL);
      g_autofree char *subtitle = NULL;
      GListModel *questions;
      guint n_questions;

      /* A broken bundled file is a packaging bug, not something to offer. */
      if (consultation == NULL)
        continue;

      questions = chorus_consultation_get_questions (consultation);
      n_questions = g_list_model_get_n_items (questions);
      subtitle = g_strdup_printf (ngettext ("%u question", "%u questions", n_questions),
                                  n_questions);
      gtk_list_box_append (self->consultation_list,
                           make_row (chorus_consultation_get_title (consultation), subtitle,
                                     "win.new-response", path));
    }

  gtk_list_box_append (self->consultation_list,
                       make_row (_("Another Consultation File…"),
                                 _("A .consultation.xml file with the questions"),
                                 "win.new-from-file", NULL));
}

static int
compare_recent_newest_first (gconstpointer a,
                             gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;

  return g_date_time_compare (gtk_recent_info_get_modified (ib),
                              gtk_recent_info_get_modified (ia));
}

static void
chorus_welcome_page_fill_recent (ChorusWelcomePage *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) recent = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);
  guint shown = 0;

  clear_list (self->recent_list);

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), ".chorus") &&
          gtk_recent_info_is_local (info) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (recent, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (recent, compare_recent_newest_first);

  for (guint i = 0; i < recent->len && shown < MAX_RECENT; i++, shown++)
    {
      GtkRecentInfo *info = g_ptr_array_index (recent, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autofree char *folder = dup_folder_for_display (file);
      g_autofree char *when = dup_time_for_display (gtk_recent_info_get_modified (info));
      /* Translators: a folder, then when a file was last used ("today at 14:32") */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), folder, when);

      gtk_list_box_append (self->recent_list,
                           make_row (gtk_recent_info_get_display_name (info), subtitle,
                                     "win.open-uri", gtk_recent_info_get_uri (info)));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

static void
chorus_welcome_page_fill_recovery (ChorusWelcomePage *self)
{
  g_autoptr(GPtrArray) entries = chorus_recovery_list ();
  guint shown = 0;

  clear_list (self->recovery_list);

  for (guint i = 0; i < entries->len; i++)
    {
      ChorusRecoveryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = dup_time_for_display (entry->written);
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *restore, *discard, *buttons;

      if (self->hidden_recovery_keys != NULL &&
          g_strv_contains ((const char * const *) self->hidden_recovery_keys, entry->key))
        continue;

      if (entry->original != NULL)
        {
          g_autofree char *basename = g_file_get_basename (entry->original);
          g_autofree char *folder = dup_folder_for_display (entry->original);

          name = g_filename_display_name (basename);
          /* Two responses of the same name in different folders must be told apart, so the
           * folder leads, as in the recent files list. */
          /* Translators: a folder ("~/Documents"), then when the changes were last kept
           * ("today at 14:32") */
          subtitle = g_strdup_printf (_("%s · unsaved changes kept %s"), folder, when);
        }
      else
        {
          name = g_strdup (entry->title != NULL && *entry->title != '\0'
                           ? entry->title : _("New Response"));
          /* Translators: %s is when the response was last kept ("today at 14:32") */
          subtitle = g_strdup_printf (_("Never saved · kept %s"), when);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);

      discard = gtk_button_new_with_mnemonic (_("_Discard"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-recovery");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", entry->key);
      gtk_widget_set_tooltip_text (discard, _("Delete these unsaved changes"));
      gtk_widget_add_css_class (discard, "flat");
      gtk_box_append (GTK_BOX (buttons), discard);

      restore = gtk_button_new_with_mnemonic (_("_Restore"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "win.restore-recovery");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "s", entry->key);
      gtk_widget_set_tooltip_text (restore, _("Open the response with these changes"));
      gtk_widget_add_css_class (restore, "suggested-action");
      gtk_box_append (GTK_BOX (buttons), restore);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), buttons);
      gtk_list_box_append (self->recovery_list, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recovery_group), shown > 0);
}

void
chorus_welcome_page_refresh (ChorusWelcomePage *self)
{
  g_return_if_fail (CHORUS_IS_WELCOME_PAGE (self));

  chorus_welcome_page_fill_recovery (self);
  chorus_welcome_page_fill_recent (self);
  chorus_welcome_page_fill_consultations (self);
}

void
chorus_welcome_page_set_hidden_recovery_keys (ChorusWelcomePage  *self,
                                              const char * const *keys)
{
  g_return_if_fail (CHORUS_IS_WELCOME_PAGE (self));

  g_strfreev (self->hidden_recovery_keys);
  self->hidden_recovery_keys = g_strdupv ((char **) keys);
  chorus_welcome_page_fill_recovery (self);
}

static void
chorus_welcome_page_recent_changed_cb (ChorusWelcomePage *self)
{
  chorus_welcome_page_fill_recent (self);
}

static void
chorus_welcome_page_dispose (GObject *object)
{
  ChorusWelcomePage *self = CHORUS_WELCOME_PAGE (object);

  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_WELCOME_PAGE);
  g_clear_pointer (&self->hidden_recovery_keys, g_strfreev);

  G_OBJECT_CLASS (chorus_welcome_page_parent_class)->dispose (object);
}

static void
chorus_welcome_page_class_init (ChorusWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusWelcomePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ChorusWelcomePage, recovery_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusWelcomePage, recovery_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusWelcomePage, recent_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusWelcomePage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusWelcomePage, consultation_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_welcome_page_init (ChorusWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (chorus_welcome_page_recent_changed_cb),
                           self, G_CONNECT_SWAPPED);

  chorus_welcome_page_refresh (self);
}

GtkWidget *
chorus_welcome_page_new (void)
{
  return g_object_new (CHORUS_TYPE_WELCOME_PAGE, NULL);
}
