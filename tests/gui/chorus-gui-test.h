/* chorus-gui-test.h — what the GUI tests and the screenshot tool share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What AdwApplication does for the real program: the stylesheet and icons from the GResource.
 * The tests make windows without an application, so they do it themselves. */
static inline void
chorus_gui_test_load_resources (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/io/github/chorus_app/Chorus/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display),
                                    "/io/github/chorus_app/Chorus/icons");

  /* GTK 4.8's GtkRecentManager leaks a GDateTime each time it drops entries older than this
   * many days before writing its list (fixed in later GTK). The tests record recent files in a
   * list of their own, so ageing nothing out changes nothing they check. */
  g_object_set (gtk_settings_get_for_display (display), "gtk-recent-files-max-age", -1, NULL);
}

static inline void
chorus_gui_test_after_paint_cb (GdkFrameClock *clock,
                                gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
}

/* Returns once @widget is mapped and its window has painted a frame after this call. */
static inline void
chorus_gui_test_wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);

  handler = g_signal_connect (clock, "after-paint",
                              G_CALLBACK (chorus_gui_test_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);

  while (!painted)
    g_main_context_iteration (NULL, TRUE);

  g_signal_handler_disconnect (clock, handler);
}

/* Whether a GtkLabel under @widget, shown or not, reads exactly @text (as shown: markup and
 * mnemonics taken out). */
static inline gboolean
chorus_gui_test_has_label (GtkWidget  *widget,
                           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (chorus_gui_test_has_label (child, text))
      return TRUE;

  return FALSE;
}

/* Adds every widget of @type under @widget (itself included), depth first, to @found. */
static inline void
chorus_gui_test_collect (GtkWidget *widget,
                         GType      type,
                         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    chorus_gui_test_collect (child, type, found);
}

/* Runs the main loop until nothing is pending, so idle handlers (list views filling their
 * rows, bindings) have run. */
static inline void
chorus_gui_test_flush (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

G_END_DECLS
