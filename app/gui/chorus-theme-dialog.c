/* chorus-theme-dialog.c — create a theme, or edit one's name, colour, place and keywords
 *
 * Whatever the dialog changes reaches the project as one undo step when the user confirms;
 * cancelling changes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-theme-dialog-private.h"

G_DEFINE_FINAL_TYPE (ChorusThemeDialog, chorus_theme_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Okabe and Ito's colour-blind-safe palette, as the core hands it out to new themes (with
 * grey for black), then the darker variants the core moves on to. */
static const char * const palette[] = {
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999",
  "#004c77", "#9a6a00", "#00694d", "#88516f", "#3a789c", "#8e3f00", "#a0982c", "#666666",
};

void
chorus_theme_dialog_add_palette (GtkColorChooser *chooser)
{
  GdkRGBA colours[G_N_ELEMENTS (palette)];

  g_return_if_fail (GTK_IS_COLOR_CHOOSER (chooser));

  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    gdk_rgba_parse (&colours[i], palette[i]);

  /* Replaces GTK's own palette, whose neighbours many readers cannot tell apart. */
  gtk_color_chooser_add_palette (chooser, GTK_ORIENTATION_HORIZONTAL, 0, 0, NULL);
  gtk_color_chooser_add_palette (chooser, GTK_ORIENTATION_HORIZONTAL, 8,
                                 G_N_ELEMENTS (colours), colours);
}

char *
chorus_theme_dialog_format_colour (const GdkRGBA *rgba)
{
  g_return_val_if_fail (rgba != NULL, NULL);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba->red, 0., 1.) * 255 + 0.5),
                          (guint) (CLAMP (rgba->green, 0., 1.) * 255 + 0.5),
                          (guint) (CLAMP (rgba->blue, 0., 1.) * 255 + 0.5));
}

static void
chorus_theme_dialog_unref_choice (gpointer theme)
{
  /* NULL stands for the top level. */
  if (theme != NULL)
    g_object_unref (theme);
}

static char **
chorus_theme_dialog_parse_keywords (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *keyword = g_strstrip (parts[i]);

      if (*keyword != '\0')
        g_strv_builder_add (builder, keyword);
    }

  return g_strv_builder_end (builder);
}

/* The name must say something and be new: two themes called the same cannot be told apart
 * when tagging. */
static gboolean
chorus_theme_dialog_name_is_valid (ChorusThemeDialog *self,
                                   gboolean          *taken)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  ChorusTheme *same;

  *taken = FALSE;

  if (*name == '\0' || self->project == NULL)
    return FALSE;

  same = chorus_codebook_find_by_name (chorus_project_get_codebook (self->project), name);
  *taken = same != NULL && same != self->theme;

  return !*taken;
}

static void
chorus_theme_dialog_name_changed_cb (ChorusThemeDialog *self)
{
  gboolean taken;
  gboolean valid = chorus_theme_dialog_name_is_valid (self, &taken);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "theme.apply", valid);

  if (taken)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row),
                                   _("Another theme has this name"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      _("Another theme has this name"),
                                      -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_row), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->name_row),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
chorus_theme_dialog_name_activated_cb (ChorusThemeDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "theme.apply", NULL);
}

/* Offers the top level and every theme, indented under its parent; a theme being edited
 * cannot go inside itself or its own sub-themes, so those are left out. */
static void
chorus_theme_dialog_add_choices (ChorusThemeDialog *self,
                                 GtkStringList     *names,
                                 const char        *parent_id,
                                 guint              depth)
{
  GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (self->project));

  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);
      g_autofree char *indent = NULL;
      g_autofree char *name = NULL;

      if (g_strcmp0 (chorus_theme_get_parent_id (theme), parent_id) != 0 || theme == self->theme)
        continue;

      indent = g_strnfill (depth * 4, ' ');
      name = g_strconcat (indent, chorus_theme_get_name (theme), NULL);
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->parent_choices, g_object_ref (theme));
      chorus_theme_dialog_add_choices (self, names, chorus_theme_get_id (theme), depth + 1);
    }
}

static void
chorus_theme_dialog_fill (ChorusThemeDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *colour;
  GdkRGBA rgba;

  chorus_theme_dialog_add_palette (GTK_COLOR_CHOOSER (self->colour_button));

  gtk_string_list_append (names, _("None (top level)"));
  g_ptr_array_add (self->parent_choices, NULL);
  chorus_theme_dialog_add_choices (self, names, NULL, 0);
  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (names));

  if (self->theme == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Theme"));
      adw_window_title_set_title (self->window_title, _("New Theme"));
      gtk_button_set_label (self->apply_button, _("C_reate"));
      colour = chorus_codebook_get_next_colour (chorus_project_get_codebook (self->project));
    }
  else
    {
      g_autofree char *keywords = g_strjoinv (", ", (char **) chorus_theme_get_keywords (self->theme));
      ChorusTheme *parent = chorus_codebook_find_theme (chorus_project_get_codebook (self->project),
                                                        chorus_theme_get_parent_id (self->theme));
      const char *description = chorus_theme_get_description (self->theme);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Theme"));
      adw_window_title_set_title (self->window_title, _("Edit Theme"));
      gtk_button_set_label (self->apply_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), chorus_theme_get_name (self->theme));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             description ? description : "");
      gtk_editable_set_text (GTK_EDITABLE (self->keywords_row), keywords);
      chorus_theme_dialog_set_parent_theme (self, parent);
      colour = chorus_theme_get_colour (self->theme);
    }

  if (gdk_rgba_parse (&rgba, colour))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);

  chorus_theme_dialog_name_changed_cb (self);
}

static void
chorus_theme_dialog_apply_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ChorusThemeDialog *self = CHORUS_THEME_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
  g_auto(GStrv) keywords = chorus_theme_dialog_parse_keywords (gtk_editable_get_text (GTK_EDITABLE (self->keywords_row)));
  guint choice = adw_combo_row_get_selected (self->parent_row);
  ChorusTheme *parent = choice < self->parent_choices->len
                        ? g_ptr_array_index (self->parent_choices, choice) : NULL;
  g_autofree char *colour = NULL;
  gboolean taken;
  GdkRGBA rgba;

  /* Enter in a field lands here even while the button is greyed out. */
  if (!chorus_theme_dialog_name_is_valid (self, &taken))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->colour_button), &rgba);
  colour = chorus_theme_dialog_format_colour (&rgba);

  if (self->theme == NULL)
    {
      chorus_project_begin_group (self->project, _("Add theme"));
      self->theme = g_object_ref (chorus_project_add_theme (self->project, name, parent));
    }
  else
    {
      chorus_project_begin_group (self->project, _("Edit theme"));
      chorus_project_rename_theme (self->project, self->theme, name);
      /* The choices leave out the theme and its descendants, so this cannot make a loop. */
      chorus_project_set_theme_parent (self->project, self->theme, parent);
    }

  chorus_project_set_theme_colour (self->project, self->theme, colour);
  /* A theme without a description has NULL, which "" must not overwrite as an edit. */
  if (g_strcmp0 (description, chorus_theme_get_description (self->theme) ?: "") != 0)
    chorus_project_set_theme_description (self->project, self->theme, description);
  chorus_project_set_theme_keywords (self->project, self->theme, (const char * const *) keywords);
  chorus_project_end_group (self->project);

  g_signal_emit (self, signals[SIGNAL_APPLIED], 0, self->theme);
  gtk_window_close (GTK_WINDOW (self));
}

ChorusThemeDialog *
chorus_theme_dialog_new (ChorusProject *project,
                         ChorusTheme   *theme)
{
  ChorusThemeDialog *self;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (theme == NULL || CHORUS_IS_THEME (theme), NULL);

  self = g_object_new (CHORUS_TYPE_THEME_DIALOG, NULL);
  self->project = g_object_ref (project);
  self->theme = theme ? g_object_ref (theme) : NULL;
  chorus_theme_dialog_fill (self);

  return self;
}

ChorusProject *
chorus_theme_dialog_get_project (ChorusThemeDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_THEME_DIALOG (self), NULL);

  return self->project;
}

ChorusTheme *
chorus_theme_dialog_get_theme (ChorusThemeDialog *self)
{
  g_return_val_if_fail (CHORUS_IS_THEME_DIALOG (self), NULL);

  return self->theme;
}

void
chorus_theme_dialog_set_parent_theme (ChorusThemeDialog *self,
                                      ChorusTheme       *parent)
{
  g_return_if_fail (CHORUS_IS_THEME_DIALOG (self));

  for (guint i = 0; i < self->parent_choices->len; i++)
    if (g_ptr_array_index (self->parent_choices, i) == parent)
      adw_combo_row_set_selected (self->parent_row, i);
}

static void
chorus_theme_dialog_dispose (GObject *object)
{
  ChorusThemeDialog *self = (ChorusThemeDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_THEME_DIALOG);

  g_clear_pointer (&self->parent_choices, g_ptr_array_unref);
  g_clear_object (&self->theme);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_theme_dialog_parent_class)->dispose (object);
}

static void
chorus_theme_dialog_class_init (ChorusThemeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_theme_dialog_dispose;

  signals[SIGNAL_APPLIED] =
    g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CHORUS_TYPE_THEME);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-theme-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusThemeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusThemeDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusThemeDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusThemeDialog, colour_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusThemeDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusThemeDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusThemeDialog, keywords_row);
  gtk_widget_class_bind_template_callback (widget_class, chorus_theme_dialog_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_theme_dialog_name_activated_cb);

  gtk_widget_class_install_action (widget_class, "theme.apply", NULL,
                                   chorus_theme_dialog_apply_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "theme.apply", NULL);
}

static void
chorus_theme_dialog_init (ChorusThemeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->parent_choices = g_ptr_array_new_with_free_func (chorus_theme_dialog_unref_choice);
}
