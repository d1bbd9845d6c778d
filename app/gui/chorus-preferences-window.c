/* chorus-preferences-window.c — the application's preferences
 *
 * Every row is bound to GSettings, so a change applies at once, as GNOME preferences do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-preferences-window.h"

struct _ChorusPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *style_row;
  GtkSwitch            *autosave_switch;
  AdwActionRow         *interval_row;
  GtkSpinButton        *interval_spin;
  AdwEntryRow          *default_group_row;
  AdwEntryRow          *default_activity_row;
};

G_DEFINE_FINAL_TYPE (ChorusPreferencesWindow, chorus_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's positions, in the order of the .ui file. */
static const char * const style_variants[] = { "default", "light", "dark" };

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_variants); i++)
    if (g_strcmp0 (style, style_variants[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (style_variants))
    position = 0;

  return g_variant_new_string (style_variants[position]);
}

static gboolean
interval_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_uint32 (variant));
  return TRUE;
}

static GVariant *
interval_set_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  return g_variant_new_uint32 ((guint32) g_value_get_double (value));
}

static void
chorus_preferences_window_bind (ChorusPreferencesWindow *self)
{
  g_settings_bind_with_mapping (self->settings, "style-variant",
                                self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "autosave",
                   self->autosave_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autosave",
                   self->interval_row, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (self->settings, "autosave-interval",
                                gtk_spin_button_get_adjustment (self->interval_spin), "value",
                                G_SETTINGS_BIND_DEFAULT,
                                interval_get_mapping, interval_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "default-group",
                   self->default_group_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-activity",
                   self->default_activity_row, "text", G_SETTINGS_BIND_DEFAULT);
}

static void
chorus_preferences_window_dispose (GObject *object)
{
  ChorusPreferencesWindow *self = CHORUS_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chorus_preferences_window_parent_class)->dispose (object);
}

static void
chorus_preferences_window_class_init (ChorusPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusPreferencesWindow, autosave_switch);
  gtk_widget_class_bind_template_child (widget_class, ChorusPreferencesWindow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, ChorusPreferencesWindow, default_group_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusPreferencesWindow, default_activity_row);
}

static void
chorus_preferences_window_init (ChorusPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
chorus_preferences_window_new (GtkWindow *parent,
                               GSettings *settings)
{
  ChorusPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CHORUS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);
  chorus_preferences_window_bind (self);

  return GTK_WIDGET (self);
}
