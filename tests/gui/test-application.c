/* test-application.c — which window a file opens in, the app actions (suite "gui")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "chorus-application.h"
#include "chorus-gui-test.h"
#include "chorus-window.h"

static GFile *
copy_example (const char *dir,
              const char *name)
{
  g_autoptr(GFile) example = chorus_application_find_example ();
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *copy = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (example);
  g_file_copy (example, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return copy;
}

static void
wait_for_project (ChorusWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (chorus_window_get_project (window) == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static ChorusWindow *
window_for_file (GtkApplication *application,
                 GFile          *file)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    {
      GFile *shown = chorus_window_get_file (l->data);

      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static GtkWindow *
find_toplevel_of_type (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }

  return NULL;
}

static void
test_application_windows (void)
{
  g_autoptr(ChorusApplication) application = chorus_application_new ();
  GtkApplication *gtk_application = GTK_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chorus-test-application-XXXXXX", &error);
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GFile) third = NULL;
  g_autoptr(GSettings) settings = NULL;
  ChorusWindow *empty;
  GtkWindow *about;

  g_assert_no_error (error);
  first = copy_example (dir, "first.chorus");
  second = copy_example (dir, "second.chorus");
  third = copy_example (dir, "third.chorus");

  /* Not unique: the test must not find, or become, a running Chorus on the session bus. */
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  /* The first file gets a window; opening it again only brings that window forward. */
  chorus_application_open_file (application, first, NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_application)), ==, 1);
  wait_for_project (window_for_file (gtk_application, first));

  chorus_application_open_file (application, first, NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_application)), ==, 1);

  /* A second file opens a second window, even when asked from the first one. */
  chorus_application_open_file (application, second, window_for_file (gtk_application, first));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_application)), ==, 2);
  g_assert_true (window_for_file (gtk_application, second) !=
                 window_for_file (gtk_application, first));
  wait_for_project (window_for_file (gtk_application, second));

  /* A window still on its welcome page is used rather than left behind. */
  empty = chorus_window_new (gtk_application);
  gtk_window_present (GTK_WINDOW (empty));
  chorus_application_open_file (application, third, NULL);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (gtk_application)), ==, 3);
  g_assert_true (window_for_file (gtk_application, third) == empty);
  wait_for_project (empty);

  /* About */
  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  about = find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  gtk_window_destroy (about);

  /* Quit closes every window, each remembering its size on the way. */
  gtk_window_set_default_size (GTK_WINDOW (empty), 900, 640);
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  chorus_gui_test_flush ();
  g_assert_null (gtk_application_get_windows (gtk_application));

  settings = g_settings_new (APPLICATION_ID);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), >, 0);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), >, 0);

  for (GFile **file = (GFile *[]) { first, second, third, NULL }; *file != NULL; file++)
    g_assert_true (g_file_delete (*file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  /* See chorus_gui_test_load_resources(): GTK 4.8 leaks when it ages out recent files. */
  g_object_set (gtk_settings_get_default (), "gtk-recent-files-max-age", -1, NULL);

  g_test_add_func ("/application/windows", test_application_windows);

  return g_test_run ();
}
