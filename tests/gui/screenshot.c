/* screenshot.c — renders a Chorus window to a PNG, in-process
 *
 *   chorus-screenshot [--dark] [--welcome] [--question ID | --outline-row N] [--size WxH]
 *                     OUTPUT.png [FILE]
 *
 * FILE defaults to the bundled example response. Run it under Xvfb with GSK_RENDERER=cairo
 * for stable pixels; `meson test --suite gui` runs it once as a smoke test, and
 * docs/screenshots/ holds the copies the README shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "chorus-application.h"
#include "chorus-gui-test.h"
#include "chorus-window-private.h"

static gboolean dark;
static gboolean welcome;
static char *question_id;
static char *size = NULL;
static int outline_row = -1;
static char *view = NULL;
static gboolean codebook;

static const GOptionEntry entries[] = {
  { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "Use the dark style", NULL },
  { "welcome", 0, 0, G_OPTION_ARG_NONE, &welcome, "Show the welcome page", NULL },
  { "question", 0, 0, G_OPTION_ARG_STRING, &question_id, "Select this question", "ID" },
  { "size", 0, 0, G_OPTION_ARG_STRING, &size, "Window size", "WxH" },
  { "outline-row", 0, 0, G_OPTION_ARG_INT, &outline_row, "Select this row of the outline", "N" },
  { "view", 0, 0, G_OPTION_ARG_STRING, &view, "Show a view: dashboard, engagement", "NAME" },
  { "codebook", 0, 0, G_OPTION_ARG_NONE, &codebook, "Show the themes pane", NULL },
  { NULL }
};

static gboolean
save_window (GtkWidget   *window,
             const char  *path,
             GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("OUTPUT.png [FILE]");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GFile) example = NULL;
  g_autofree char *path = NULL;
  ChorusWindow *window;
  int width = 1200;
  int height = 760;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 || argc > 3)
    {
      g_printerr ("%s\n", error ? error->message : "Usage: chorus-screenshot OUTPUT.png [FILE]");
      return 2;
    }

  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    {
      g_printerr ("--size takes WIDTHxHEIGHT\n");
      return 2;
    }

  gtk_init ();
  adw_init ();
  chorus_gui_test_load_resources ();

  /* A picture taken while a pane slides in shows it half off the window. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (dark)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  window = chorus_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);

  if (!welcome)
    {
      if (argc == 3)
        {
          path = g_strdup (argv[2]);
        }
      else
        {
          example = chorus_application_find_example ();
          if (example == NULL)
            {
              g_printerr ("The example response was not found\n");
              return 1;
            }
          path = g_file_get_path (example);
        }

      project = chorus_project_load_file (path, &error);
      if (project == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      chorus_window_set_project (window, project);
    }

  gtk_window_present (GTK_WINDOW (window));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));

  /* Selected once the outline is on screen, so that it can scroll to the row. */
  if (question_id != NULL && !chorus_window_select_question (window, question_id))
    {
      g_printerr ("No question “%s”\n", question_id);
      return 1;
    }

  if (outline_row >= 0 && project != NULL)
    gtk_single_selection_set_selected (window->outline_selection, outline_row);

  if (view != NULL)
    _chorus_window_show_view (window, view);

  if (codebook)
    gtk_toggle_button_set_active (window->codebook_button, TRUE);

  /* A few frames: list views fill their rows, and label sizes settle, over more than one. */
  for (guint i = 0; i < 3; i++)
    chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
  chorus_gui_test_flush ();
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));

  if (!save_window (GTK_WIDGET (window), argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
