/* chorus-item-editor.c — editing and coding one piece of input
 *
 * The text of an item with its coded spans highlighted in their themes' colours. Selecting
 * words and choosing a theme (from the menu, or Ctrl+1 … Ctrl+9 for the codebook's first nine)
 * codes exactly those words; with nothing selected the theme goes on the whole item. Every
 * change but typing goes to the project at once, as one undoable step; typing goes when the
 * editor closes, before a theme is applied (offsets must refer to the text the project has),
 * and when the window saves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-gui-util.h"
#include "chorus-item-editor.h"

#define CODING_TAG_PREFIX "chorus-coding-"

struct _ChorusItemEditor
{
  AdwWindow         parent_instance;

  ChorusProject    *project;
  ChorusItem       *item;
  gboolean          is_new;
  /* Set while the controls are filled from the project, so that doing so is not an edit. */
  gboolean          loading;
  guint             n_coding_tags;

  AdwWindowTitle   *window_title;
  GtkMenuButton    *theme_button;
  GtkLabel         *question_label;
  GtkTextView      *text_view;
  AdwPreferencesGroup *codings_group;
  GtkListBox       *codings_list;
  GtkDropDown      *group_dropdown;
  GtkDropDown      *activity_dropdown;
  GtkDropDown      *stance_dropdown;
  AdwEntryRow      *author_row;
  GtkSwitch        *publish_switch;
};

G_DEFINE_FINAL_TYPE (ChorusItemEditor, chorus_item_editor, ADW_TYPE_WINDOW)

static char *
chorus_item_editor_dup_text (ChorusItemEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
chorus_item_editor_commit (ChorusItemEditor *self)
{
  g_autofree char *text = NULL;
  const char *author;

  g_return_if_fail (CHORUS_IS_ITEM_EDITOR (self));

  if (self->item == NULL || chorus_project_find_item (self->project, chorus_item_get_id (self->item)) == NULL)
    return;

  text = chorus_item_editor_dup_text (self);
  if (g_strcmp0 (text, chorus_item_get_text (self->item)) != 0)
    chorus_project_set_item_text (self->project, self->item, text);

  author = gtk_editable_get_text (GTK_EDITABLE (self->author_row));
  if (g_strcmp0 (author, chorus_item_get_author (self->item) ? chorus_item_get_author (self->item) : "") != 0)
    chorus_project_set_item_author (self->project, self->item, *author != '\0' ? author : NULL);
}

/* Highlights --------------------------------------------------------------------------------- */

static void
chorus_item_editor_update_highlights (ChorusItemEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter start, end;
  guint n_codings = chorus_item_get_n_codings (self->item);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  for (guint i = 0; i < self->n_coding_tags; i++)
    {
      g_autofree char *name = g_strdup_printf (CODING_TAG_PREFIX "%u", i);
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

      if (tag != NULL)
        gtk_text_tag_table_remove (table, tag);
    }
  self->n_coding_tags = 0;

  for (guint i = 0; i < n_codings; i++)
    {
      guint coding_start, coding_end;
      const char *theme_id = chorus_item_get_coding (self->item, i, &coding_start, &coding_end);
      ChorusTheme *theme = chorus_codebook_find_theme (chorus_project_get_codebook (self->project),
                                                       theme_id);
      g_autofree char *name = g_strdup_printf (CODING_TAG_PREFIX "%u", i);
      GdkRGBA colour, background;
      GtkTextIter from, to;

      chorus_theme_get_rgba (theme, &colour);
      background = colour;
      /* Light enough to read black or white text through, in either style; the underline
       * in the full colour tells overlapping spans apart. */
      background.alpha = 0.28;
      gtk_text_buffer_create_tag (buffer, name,
                                  "background-rgba", &background,
                                  "underline", PANGO_UNDERLINE_SINGLE,
                                  "underline-rgba", &colour,
                                  NULL);
      gtk_text_buffer_get_iter_at_offset (buffer, &from, (int) coding_start);
      gtk_text_buffer_get_iter_at_offset (buffer, &to, (int) MIN (coding_end, (guint) G_MAXINT));
      gtk_text_buffer_apply_tag_by_name (buffer, name, &from, &to);
      self->n_coding_tags++;
    }
}

static GtkWidget *
make_swatch (ChorusTheme *theme)
{
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_widget_set_size_request (swatch, 16, 16);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (swatch, "theme-swatch");
  g_object_set_data_full (G_OBJECT (swatch), "theme", g_object_ref (theme), g_object_unref);
  return swatch;
}

static void
draw_swatch_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  ChorusTheme *theme = g_object_get_data (G_OBJECT (area), "theme");
  GdkRGBA colour;
  double radius = 4;

  chorus_theme_get_rgba (theme, &colour);
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius, radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, width - radius, height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, radius, height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &colour);
  cairo_fill (cr);
}

static void
chorus_item_editor_update_codings (ChorusItemEditor *self)
{
  GtkWidget *child;
  guint n_codings = chorus_item_get_n_codings (self->item);
  const char *text = chorus_item_get_text (self->item);
  guint length = chorus_item_get_length (self->item);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->codings_list))) != NULL)
    gtk_list_box_remove (self->codings_list, child);

  for (guint i = 0; i < n_codings; i++)
    {
      guint start, end;
      const char *theme_id = chorus_item_get_coding (self->item, i, &start, &end);
      ChorusTheme *theme = chorus_codebook_find_theme (chorus_project_get_codebook (self->project),
                                                       theme_id);
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row, *swatch, *remove;

      if (theme == NULL)
        continue;

      if (start == 0 && end >= length)
        subtitle = g_strdup (_("The whole input"));
      else
        {
          const char *from = g_utf8_offset_to_pointer (text, start);
          const char *to = g_utf8_offset_to_pointer (text, MIN (end, length));
          g_autofree char *span = g_strndup (from, (gsize) (to - from));

          /* Translators: the coded words, quoted */
          subtitle = g_strdup_printf (_("“%s”"), span);
        }

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_theme_get_name (theme));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

      swatch = make_swatch (theme);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch_cb, NULL, NULL);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), swatch);

      remove = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      /* Translators: %s is a theme's name */
      remove_label = g_strdup_printf (_("Remove the theme “%s” from these words"),
                                      chorus_theme_get_name (theme));
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "editor.remove-coding");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      gtk_list_box_append (self->codings_list, row);
    }

  adw_preferences_group_set_description (self->codings_group,
                                         n_codings == 0 ? _("No theme yet") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->codings_list), n_codings > 0);
}

/* Loading ------------------------------------------------------------------------------------ */

static guint
position_of (GListModel *model,
             gpointer    object)
{
  for (guint i = 0; object != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == object)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
chorus_item_editor_fill_choices (ChorusItemEditor *self)
{
  GListModel *groups = chorus_project_get_groups (self->project);
  GListModel *activities = chorus_project_get_activities (self->project);
  g_autoptr(GtkStringList) group_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) activity_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stances = gtk_string_list_new (NULL);

  gtk_string_list_append (group_names, _("No group"));
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);

      gtk_string_list_append (group_names, chorus_group_get_name (group));
    }

  gtk_string_list_append (activity_names, _("No activity"));
  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, i);

      gtk_string_list_append (activity_names, chorus_activity_get_title (activity));
    }

  for (ChorusStance stance = 0; stance < CHORUS_N_STANCES; stance++)
    gtk_string_list_append (stances, chorus_stance_get_label (stance));

  self->loading = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (group_names));
  gtk_drop_down_set_model (self->activity_dropdown, G_LIST_MODEL (activity_names));
  gtk_drop_down_set_model (self->stance_dropdown, G_LIST_MODEL (stances));
  self->loading = FALSE;
}

static void
chorus_item_editor_load (ChorusItemEditor *self)
{
  ChorusGroup *group = chorus_project_find_group (self->project, chorus_item_get_group_id (self->item));
  ChorusActivity *activity = chorus_project_find_activity (self->project,
                                                           chorus_item_get_activity_id (self->item));
  guint group_position = position_of (chorus_project_get_groups (self->project), group);
  guint activity_position = position_of (chorus_project_get_activities (self->project), activity);
  const char *author = chorus_item_get_author (self->item);
  g_autofree char *shown = chorus_item_editor_dup_text (self);

  self->loading = TRUE;

  /* Only when the project's text is not what the user typed: never move their cursor. */
  if (g_strcmp0 (shown, chorus_item_get_text (self->item)) != 0 &&
      !gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                              chorus_item_get_text (self->item), -1);

  gtk_drop_down_set_selected (self->group_dropdown,
                              group_position == GTK_INVALID_LIST_POSITION ? 0 : group_position + 1);
  gtk_drop_down_set_selected (self->activity_dropdown,
                              activity_position == GTK_INVALID_LIST_POSITION ? 0 : activity_position + 1);
  gtk_drop_down_set_selected (self->stance_dropdown, chorus_item_get_stance (self->item));
  if (!gtk_widget_has_focus (GTK_WIDGET (self->author_row)))
    gtk_editable_set_text (GTK_EDITABLE (self->author_row), author != NULL ? author : "");
  gtk_switch_set_active (self->publish_switch, chorus_item_get_publish (self->item));

  self->loading = FALSE;

  chorus_item_editor_update_highlights (self);
  chorus_item_editor_update_codings (self);
}

static void
chorus_item_editor_update_theme_menu (ChorusItemEditor *self)
{
  g_autoptr(GMenu) menu = chorus_theme_menu_new (self->project, "editor.apply-theme");

  gtk_menu_button_set_menu_model (self->theme_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->theme_button),
                            g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

static void
chorus_item_editor_project_changed_cb (ChorusItemEditor *self,
                                       ChorusProject    *project)
{
  /* Deleted from the main window, or the adding undone: nothing left to edit. */
  if (chorus_project_find_item (project, chorus_item_get_id (self->item)) == NULL)
    {
      self->is_new = FALSE;
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  chorus_item_editor_load (self);
}

/* Actions ------------------------------------------------------------------------------------- */

gboolean
chorus_item_editor_apply_theme (ChorusItemEditor *self,
                                ChorusTheme      *theme)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  g_return_val_if_fail (CHORUS_IS_ITEM_EDITOR (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_THEME (theme), FALSE);

  /* Offsets count in the project's text, so it must have what the user sees. */
  chorus_item_editor_commit (self);

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return chorus_project_add_coding (self->project, self->item, theme,
                                      (guint) gtk_text_iter_get_offset (&start),
                                      (guint) gtk_text_iter_get_offset (&end));

  return chorus_toggle_whole_item_theme (self->project, self->item, theme);
}

static void
chorus_item_editor_apply_theme_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);
  ChorusTheme *theme = chorus_codebook_find_theme (chorus_project_get_codebook (self->project),
                                                   g_variant_get_string (parameter, NULL));

  if (theme != NULL)
    chorus_item_editor_apply_theme (self, theme);
}

static void
chorus_item_editor_theme_shortcut_action (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);
  ChorusTheme *theme = chorus_codebook_get_theme_at (self->project,
                                                     (guint) g_variant_get_int32 (parameter));

  if (theme != NULL)
    chorus_item_editor_apply_theme (self, theme);
  else
    gtk_widget_error_bell (widget);
}

static void
chorus_item_editor_remove_coding_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);
  guint position = g_variant_get_uint32 (parameter);

  if (position < chorus_item_get_n_codings (self->item))
    chorus_project_remove_coding (self->project, self->item, position);
}

static void
chorus_item_editor_done_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
chorus_item_editor_close_request (GtkWindow *window)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (window);

  if (self->item != NULL &&
      chorus_project_find_item (self->project, chorus_item_get_id (self->item)) != NULL)
    {
      g_autofree char *text = chorus_item_editor_dup_text (self);

      /* An item added and left empty was a change of mind, not input. */
      if (self->is_new && *g_strstrip (text) == '\0')
        {
          g_signal_handlers_disconnect_by_data (self->project, self);
          chorus_project_remove_item (self->project, self->item);
        }
      else
        chorus_item_editor_commit (self);
    }

  return GTK_WINDOW_CLASS (chorus_item_editor_parent_class)->close_request (window);
}

/* Controls ----------------------------------------------------------------------------------- */

static void
chorus_item_editor_group_changed_cb (ChorusItemEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);
  g_autoptr(ChorusGroup) group = NULL;

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0)
    group = g_list_model_get_item (chorus_project_get_groups (self->project), selected - 1);
  if (g_strcmp0 (group ? chorus_group_get_id (group) : NULL, chorus_item_get_group_id (self->item)) != 0)
    chorus_project_set_item_group (self->project, self->item, group);
}

static void
chorus_item_editor_activity_changed_cb (ChorusItemEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->activity_dropdown);
  g_autoptr(ChorusActivity) activity = NULL;

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0)
    activity = g_list_model_get_item (chorus_project_get_activities (self->project), selected - 1);
  if (g_strcmp0 (activity ? chorus_activity_get_id (activity) : NULL,
                 chorus_item_get_activity_id (self->item)) != 0)
    chorus_project_set_item_activity (self->project, self->item, activity);
}

static void
chorus_item_editor_stance_changed_cb (ChorusItemEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->stance_dropdown);

  if (self->loading || selected >= CHORUS_N_STANCES ||
      (ChorusStance) selected == chorus_item_get_stance (self->item))
    return;

  chorus_project_set_item_stance (self->project, self->item, (ChorusStance) selected);
}

static void
chorus_item_editor_publish_changed_cb (ChorusItemEditor *self)
{
  gboolean active = gtk_switch_get_active (self->publish_switch);

  if (self->loading || active == chorus_item_get_publish (self->item))
    return;

  chorus_project_set_item_publish (self->project, self->item, active);
}

static void
chorus_item_editor_text_focus_leave_cb (ChorusItemEditor *self)
{
  chorus_item_editor_commit (self);
}

static void
chorus_item_editor_extend_text_menu (ChorusItemEditor *self)
{
  g_autoptr(GMenu) extra = g_menu_new ();
  g_autoptr(GMenu) themes = chorus_theme_menu_new (self->project, "editor.apply-theme");

  /* Right-clicking a selection offers the themes beside Copy and Paste. */
  g_menu_append_submenu (extra, _("Apply _Theme"), G_MENU_MODEL (themes));
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (extra));
}

ChorusItem *
chorus_item_editor_get_item (ChorusItemEditor *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_EDITOR (self), NULL);
  return self->item;
}

GtkTextView *
chorus_item_editor_get_text_view (ChorusItemEditor *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_EDITOR (self), NULL);
  return self->text_view;
}

static void
chorus_item_editor_dispose (GObject *object)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (object);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (chorus_project_get_codebook (self->project), self);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_ITEM_EDITOR);

  g_clear_object (&self->item);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_item_editor_parent_class)->dispose (object);
}

static void
chorus_item_editor_class_init (ChorusItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = chorus_item_editor_dispose;
  window_class->close_request = chorus_item_editor_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, theme_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, question_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, codings_group);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, codings_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, activity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, stance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, publish_switch);

  gtk_widget_class_install_action (widget_class, "editor.done", NULL,
                                   chorus_item_editor_done_action);
  gtk_widget_class_install_action (widget_class, "editor.apply-theme", "s",
                                   chorus_item_editor_apply_theme_action);
  gtk_widget_class_install_action (widget_class, "editor.theme-shortcut", "i",
                                   chorus_item_editor_theme_shortcut_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-coding", "u",
                                   chorus_item_editor_remove_coding_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.done", NULL);
  for (int i = 0; i < CHORUS_N_THEME_SHORTCUTS; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                           "editor.theme-shortcut", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, GDK_CONTROL_MASK,
                                           "editor.theme-shortcut", "i", i);
    }
}

static void
chorus_item_editor_init (ChorusItemEditor *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* One history, the project's: Ctrl+Z in the main window undoes typing committed here. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (chorus_item_editor_text_focus_leave_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
}

ChorusItemEditor *
chorus_item_editor_new (GtkWindow     *parent,
                        ChorusProject *project,
                        ChorusItem    *item,
                        gboolean       is_new)
{
  ChorusItemEditor *self;
  ChorusQuestion *question;
  g_autofree char *context = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CHORUS_IS_ITEM (item), NULL);

  self = g_object_new (CHORUS_TYPE_ITEM_EDITOR,
                       "transient-for", parent,
                       NULL);
  self->project = g_object_ref (project);
  self->item = g_object_ref (item);
  self->is_new = is_new;

  question = chorus_consultation_find_question (chorus_project_get_consultation (project),
                                                chorus_item_get_question_id (item));
  if (question != NULL)
    {
      /* Translators: a question's number, then its text */
      context = g_strdup_printf (_("%s · %s"), chorus_question_get_number (question),
                                 chorus_question_get_text (question));
      gtk_label_set_label (self->question_label, context);
      adw_window_title_set_subtitle (self->window_title, chorus_question_get_number (question));
    }
  adw_window_title_set_title (self->window_title, is_new ? _("New Input") : _("Input"));
  gtk_window_set_title (GTK_WINDOW (self), is_new ? _("New Input") : _("Input"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                            chorus_item_get_text (item), -1);
  chorus_item_editor_fill_choices (self);
  chorus_item_editor_update_theme_menu (self);
  chorus_item_editor_extend_text_menu (self);
  chorus_item_editor_load (self);

  g_signal_connect_object (self->group_dropdown, "notify::selected",
                           G_CALLBACK (chorus_item_editor_group_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->activity_dropdown, "notify::selected",
                           G_CALLBACK (chorus_item_editor_activity_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stance_dropdown, "notify::selected",
                           G_CALLBACK (chorus_item_editor_stance_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->publish_switch, "notify::active",
                           G_CALLBACK (chorus_item_editor_publish_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "changed",
                           G_CALLBACK (chorus_item_editor_project_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chorus_project_get_codebook (project), "items-changed",
                           G_CALLBACK (chorus_item_editor_update_theme_menu),
                           self, G_CONNECT_SWAPPED);

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));

  return self;
}
