/* chorus-application.c — the Chorus application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-application.h"
#include "chorus-preferences-window.h"

struct _ChorusApplication
{
  AdwApplication  parent_instance;

  /* NULL when the schema is not installed (a run from the build tree without
   * GSETTINGS_SCHEMA_DIR): preferences then cannot be changed. */
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (ChorusApplication, chorus_application, ADW_TYPE_APPLICATION)

#define EXAMPLE_RESPONSE "trafford-staff-response.chorus"

char *
chorus_application_find_examples_dir (void)
{
  const char *dirs[] = {
    g_getenv ("CHORUS_EXAMPLES_DIR"),
    PKGDATADIR G_DIR_SEPARATOR_S "examples",
    CHORUS_EXAMPLES_SOURCE_DIR,
  };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;

      if (dirs[i] == NULL)
        continue;

      /* The folder that holds the example response holds the bundled consultations too. */
      path = g_build_filename (dirs[i], EXAMPLE_RESPONSE, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return g_strdup (dirs[i]);
    }

  return NULL;
}

GFile *
chorus_application_find_example (void)
{
  g_autofree char *dir = chorus_application_find_examples_dir ();
  g_autofree char *path = NULL;

  if (dir == NULL)
    return NULL;

  path = g_build_filename (dir, EXAMPLE_RESPONSE, NULL);
  return g_file_new_for_path (path);
}

ChorusApplication *
chorus_application_new (void)
{
  return g_object_new (CHORUS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

void
chorus_application_open_file (ChorusApplication *self,
                              GFile             *file,
                              ChorusWindow      *window)
{
  g_return_if_fail (CHORUS_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (window == NULL || CHORUS_IS_WINDOW (window));

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!CHORUS_IS_WINDOW (l->data))
        continue;

      shown = chorus_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        {
          gtk_window_present (l->data);
          return;
        }
    }

  /* With no window given (the command line, the file manager), reuse a window still on its
   * welcome page rather than leave it behind an empty one. */
  if (window == NULL)
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        {
          if (CHORUS_IS_WINDOW (l->data) && chorus_window_is_empty (l->data))
            {
              window = l->data;
              break;
            }
        }
    }

  if (window == NULL || !chorus_window_is_empty (window))
    window = chorus_window_new (GTK_APPLICATION (self));

  chorus_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

static void
chorus_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (chorus_window_new (GTK_APPLICATION (application)));

  gtk_window_present (window);
}

static void
chorus_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  ChorusApplication *self = CHORUS_APPLICATION (application);

  /* Each file gets its own window. */
  for (int i = 0; i < n_files; i++)
    chorus_application_open_file (self, files[i], NULL);
}

static void
chorus_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GtkApplication *application = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close each window, rather than g_application_quit(), so that each runs its close-request
   * handler: windows remember their size there, and will ask about unsaved changes. The
   * application ends when the last one has gone. */
  windows = g_list_copy (gtk_application_get_windows (application));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
chorus_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  GtkApplication *application = user_data;
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "modal", TRUE,
                        "application-name", _("Chorus"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Chorus developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Collate, code and draft your organisation’s response to "
                                      "a consultation"),
                        "copyright", _("© 2026 The Chorus developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
chorus_application_new_window_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkApplication *application = user_data;

  gtk_window_present (GTK_WINDOW (chorus_window_new (application)));
}

static void
chorus_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  ChorusApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->settings == NULL)
    return;

  gtk_window_present (GTK_WINDOW (chorus_preferences_window_new (parent, self->settings)));
}

static void
chorus_application_style_changed_cb (ChorusApplication *self)
{
  g_autofree char *style = g_settings_get_string (self->settings, "style-variant");
  AdwColorScheme scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (style, "light") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (style, "dark") == 0)
    scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static const GActionEntry app_actions[] = {
  { "quit", chorus_application_quit_action },
  { "about", chorus_application_about_action },
  { "new-window", chorus_application_new_window_action },
  { "preferences", chorus_application_preferences_action },
};

static void
chorus_application_startup (GApplication *application)
{
  ChorusApplication *self = CHORUS_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (chorus_application_parent_class)->startup (application);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect_object (self->settings, "changed::style-variant",
                               G_CALLBACK (chorus_application_style_changed_cb),
                               self, G_CONNECT_SWAPPED);
      /* "default" follows the system's dark style preference. */
      chorus_application_style_changed_cb (self);
    }

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (application),
                                                                            "preferences")),
                               self->settings != NULL);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new-window",
                                         new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
chorus_application_dispose (GObject *object)
{
  ChorusApplication *self = CHORUS_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chorus_application_parent_class)->dispose (object);
}

static void
chorus_application_class_init (ChorusApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = chorus_application_dispose;

  application_class->activate = chorus_application_activate;
  application_class->open = chorus_application_open;
  application_class->startup = chorus_application_startup;
}

static void
chorus_application_init (ChorusApplication *self)
{
}
