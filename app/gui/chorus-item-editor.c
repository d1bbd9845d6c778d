/* chorus-item-editor.c — the dialog where one input item is edited and tagged with themes
 *
 * Every change applies to the project at once, as its own undo step, so the main window, the
 * statistics and autosave see it; typing is gathered into one step per burst, committed after
 * a pause. Cancel undoes exactly the steps this dialog made (and removes an item that was
 * added empty for it); Done keeps them. Everything shown is read back from the item whenever
 * the project changes, so an undo lands in the dialog too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-gui-util.h"
#include "chorus-item-editor-private.h"
#include "chorus-resources.h"
#include "chorus-theme-menu.h"

/* Long enough not to split a word being typed into two undo steps. */
#define COMMIT_TEXT_DELAY_MS 1000
/* Light enough to read the text through in the light style, strong enough to see in the dark. */
#define HIGHLIGHT_ALPHA 0.32
/* Quotes longer than this are shortened in the list of tags. */
#define QUOTE_MAX_CHARS 90

G_DEFINE_FINAL_TYPE (ChorusItemEditor, chorus_item_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the next "changed" of the project means for the count of the editor's own steps. */
enum {
  RECORDING_NONE,
  RECORDING_EDIT,
  RECORDING_UNDO,
  RECORDING_REDO,
};

static void chorus_item_editor_sync (ChorusItemEditor *self);

static char *
get_buffer_text (ChorusItemEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
item_is_in_project (ChorusItemEditor *self)
{
  return chorus_project_find_item (self->project, chorus_item_get_id (self->item)) == self->item;
}

static void
show_toast (ChorusItemEditor *self,
            const char       *message,
            gboolean          offer_undo)
{
  AdwToast *toast = chorus_toast_new_text (message);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "editor.undo");
    }

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
chorus_item_editor_update_actions (ChorusItemEditor *self)
{
  g_autofree char *text = get_buffer_text (self);
  gboolean blank = g_strstrip (text)[0] == '\0';

  /* An input with no words is not worth keeping: Cancel is the way out. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.done", !blank);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 self->n_own_steps > 0 || self->commit_text_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 self->n_own_redo_steps > 0 && self->commit_text_id == 0);
}

/* Committing */

static void
chorus_item_editor_commit_author (ChorusItemEditor *self)
{
  const char *author = gtk_editable_get_text (GTK_EDITABLE (self->author_row));

  if (g_strcmp0 (author, chorus_item_get_author (self->item) ?: "") == 0)
    return;

  self->recording = RECORDING_EDIT;
  chorus_project_set_item_author (self->project, self->item, author[0] != '\0' ? author : NULL);
  self->recording = RECORDING_NONE;
}

void
chorus_item_editor_commit_text (ChorusItemEditor *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (CHORUS_IS_ITEM_EDITOR (self));

  g_clear_handle_id (&self->commit_text_id, g_source_remove);

  text = get_buffer_text (self);
  if (g_str_equal (text, chorus_item_get_text (self->item)))
    {
      chorus_item_editor_update_actions (self);
      return;
    }

  self->recording = RECORDING_EDIT;
  chorus_project_set_item_text (self->project, self->item, text);
  self->recording = RECORDING_NONE;
}

/* Every edit first writes what is still pending, so offsets and undo order match what the
 * user sees. */
static void
chorus_item_editor_commit_pending (ChorusItemEditor *self)
{
  chorus_item_editor_commit_text (self);
  chorus_item_editor_commit_author (self);
}

static gboolean
chorus_item_editor_commit_text_timeout_cb (gpointer user_data)
{
  ChorusItemEditor *self = user_data;

  self->commit_text_id = 0;
  chorus_item_editor_commit_text (self);

  return G_SOURCE_REMOVE;
}

static void
chorus_item_editor_buffer_changed_cb (ChorusItemEditor *self)
{
  if (self->syncing)
    return;

  g_clear_handle_id (&self->commit_text_id, g_source_remove);
  self->commit_text_id = g_timeout_add (COMMIT_TEXT_DELAY_MS,
                                        chorus_item_editor_commit_text_timeout_cb, self);
  chorus_item_editor_update_actions (self);
}

/* Following the project */

static void
chorus_item_editor_project_changed_cb (ChorusItemEditor *self)
{
  switch (self->recording)
    {
    case RECORDING_EDIT:
      self->n_own_steps++;
      self->n_own_redo_steps = 0;
      break;

    case RECORDING_UNDO:
      self->n_own_steps--;
      self->n_own_redo_steps++;
      break;

    case RECORDING_REDO:
      self->n_own_steps++;
      self->n_own_redo_steps--;
      break;

    default:
      /* Someone else changed the project: the top of the undo stack may no longer be ours. */
      self->n_own_steps = 0;
      self->n_own_redo_steps = 0;
      break;
    }

  if (!item_is_in_project (self))
    {
      g_clear_handle_id (&self->commit_text_id, g_source_remove);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  chorus_item_editor_sync (self);
}

static void
chorus_item_editor_sync_text (ChorusItemEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  GtkTextIter cursor;
  int cursor_offset;

  /* Typing not committed yet is newer than the item. */
  if (self->commit_text_id != 0)
    return;

  text = get_buffer_text (self);
  if (g_str_equal (text, chorus_item_get_text (self->item)))
    return;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  cursor_offset = gtk_text_iter_get_offset (&cursor);

  gtk_text_buffer_set_text (buffer, chorus_item_get_text (self->item), -1);

  gtk_text_buffer_get_iter_at_offset (buffer, &cursor, cursor_offset);
  gtk_text_buffer_place_cursor (buffer, &cursor);
}

static GtkTextTag *
ensure_tag (ChorusItemEditor *self,
            GHashTable       *tags,
            ChorusTheme      *theme,
            gboolean          background)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *tag = g_hash_table_lookup (tags, chorus_theme_get_id (theme));
  GdkRGBA colour = { 0.6f, 0.6f, 0.6f, 1.0f };
  double red, green, blue;

  if (tag == NULL)
    {
      tag = gtk_text_buffer_create_tag (buffer, NULL, NULL);
      g_hash_table_insert (tags, g_strdup (chorus_theme_get_id (theme)), g_object_ref (tag));
    }

  if (chorus_colour_parse_for_style (chorus_theme_get_colour (theme), &red, &green, &blue))
    colour = (GdkRGBA) { red, green, blue, 1.0f };

  /* Set every time: the colour may have changed in the codebook. */
  if (background)
    {
      colour.alpha = HIGHLIGHT_ALPHA;
      g_object_set (tag, "background-rgba", &colour, NULL);
    }
  else
    {
      g_object_set (tag,
                    "underline", PANGO_UNDERLINE_SINGLE,
                    "underline-rgba", &colour,
                    NULL);
    }

  return tag;
}

static void
remove_tags (GtkTextBuffer *buffer,
             GHashTable    *tags)
{
  GHashTableIter iter;
  GtkTextTag *tag;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_hash_table_iter_init (&iter, tags);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &tag))
    gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
}

static void
chorus_item_editor_sync_highlights (ChorusItemEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  ChorusCodebook *codebook = chorus_project_get_codebook (self->project);
  g_autoptr(GPtrArray) themes = g_ptr_array_new ();
  guint n_codings = chorus_item_get_n_codings (self->item);

  /* While typing is pending the buffer's tags already move with the words; the item's
   * offsets would not match until the commit. */
  if (self->commit_text_id != 0)
    return;

  remove_tags (buffer, self->background_tags);
  remove_tags (buffer, self->underline_tags);

  for (guint i = 0; i < n_codings; i++)
    {
      GtkTextIter start, end;
      guint start_offset, end_offset;
      const char *theme_id = chorus_item_get_coding (self->item, i, &start_offset, &end_offset);
      ChorusTheme *theme = chorus_codebook_find_theme (codebook, theme_id);

      /* A whole-item coding would paint over every word and hide the spans; the list of
       * tags shows it instead. */
      if (theme == NULL || (start_offset == 0 && end_offset == chorus_item_get_length (self->item)))
        continue;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset);
      gtk_text_buffer_apply_tag (buffer, ensure_tag (self, self->background_tags, theme, TRUE),
                                 &start, &end);
      gtk_text_buffer_apply_tag (buffer, ensure_tag (self, self->underline_tags, theme, FALSE),
                                 &start, &end);

      if (!g_ptr_array_find (themes, theme, NULL))
        g_ptr_array_add (themes, theme);
    }

  /* Later codings paint their background over earlier ones, and earlier ones draw their line
   * over later ones: where two themes overlap, both stay visible. */
  for (guint i = 0; i < themes->len; i++)
    {
      GtkTextTag *tag = g_hash_table_lookup (self->background_tags,
                                             chorus_theme_get_id (themes->pdata[i]));

      gtk_text_tag_set_priority (tag, gtk_text_tag_table_get_size (table) - 1);
    }
  for (guint i = themes->len; i > 0; i--)
    {
      GtkTextTag *tag = g_hash_table_lookup (self->underline_tags,
                                             chorus_theme_get_id (themes->pdata[i - 1]));

      gtk_text_tag_set_priority (tag, gtk_text_tag_table_get_size (table) - 1);
    }
}

/* The words a coding covers, on one line and shortened, in quotes. */
static char *
describe_span (ChorusItem *item,
               guint       start,
               guint       end)
{
  const char *text = chorus_item_get_text (item);
  const char *span_start = g_utf8_offset_to_pointer (text, start);
  const char *span_end = g_utf8_offset_to_pointer (text, end);
  g_autofree char *span = g_strndup (span_start, span_end - span_start);
  g_autofree char *shortened = NULL;

  if (start == 0 && end == chorus_item_get_length (item))
    return g_strdup (_("The whole input"));

  g_strdelimit (g_strstrip (span), "\n\t", ' ');

  if (g_utf8_strlen (span, -1) > QUOTE_MAX_CHARS)
    {
      g_autofree char *head = g_utf8_substring (span, 0, QUOTE_MAX_CHARS - 1);

      shortened = g_strconcat (g_strchomp (head), "…", NULL);
    }

  /* Translators: a quotation of the words tagged with a theme */
  return g_strdup_printf (C_("tagged words", "“%s”"), shortened ? shortened : span);
}

static GtkWidget *
create_coding_row (ChorusItemEditor *self,
                   guint             position)
{
  ChorusCodebook *codebook = chorus_project_get_codebook (self->project);
  guint start, end;
  const char *theme_id = chorus_item_get_coding (self->item, position, &start, &end);
  ChorusTheme *theme = chorus_codebook_find_theme (codebook, theme_id);
  const char *name = theme ? chorus_theme_get_name (theme) : theme_id;
  g_autofree char *quote = describe_span (self->item, start, end);
  g_autofree char *remove_label = NULL;
  g_autoptr(GIcon) swatch = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image;
  GtkWidget *remove_button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), quote);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Select these words in the text"));
  g_object_set_data (G_OBJECT (row), "coding-position", GUINT_TO_POINTER (position));

  swatch = chorus_theme_swatch_new (theme ? chorus_theme_get_colour (theme) : NULL);
  /* Decoration: the row's title names the theme. */
  image = g_object_new (GTK_TYPE_IMAGE,
                        "gicon", swatch,
                        "pixel-size", 16,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                        NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);

  remove_button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_add_css_class (remove_button, "circular");
  gtk_widget_set_tooltip_text (remove_button, _("Remove Tag"));
  /* Translators: %s is the name of a theme */
  remove_label = g_strdup_printf (_("Remove tag “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove_button), "editor.remove-coding");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove_button), "u", position);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);

  return row;
}

/* Everything a row of the tag list shows. */
static char *
describe_codings (ChorusItemEditor *self)
{
  ChorusCodebook *codebook = chorus_project_get_codebook (self->project);
  guint n_codings = chorus_item_get_n_codings (self->item);
  GString *signature = g_string_new (chorus_item_get_text (self->item));

  for (guint i = 0; i < n_codings; i++)
    {
      guint start, end;
      const char *theme_id = chorus_item_get_coding (self->item, i, &start, &end);
      ChorusTheme *theme = chorus_codebook_find_theme (codebook, theme_id);

      g_string_append_printf (signature, "\n%s %u %u %s %s", theme_id, start, end,
                              theme ? chorus_theme_get_colour (theme) : "",
                              theme ? chorus_theme_get_name (theme) : "");
    }

  return g_string_free (signature, FALSE);
}

static void
chorus_item_editor_sync_codings (ChorusItemEditor *self)
{
  GtkListBoxRow *row;
  guint n_codings = chorus_item_get_n_codings (self->item);
  g_autofree char *signature = describe_codings (self);

  if (g_strcmp0 (signature, self->codings_signature) == 0)
    return;
  g_free (self->codings_signature);
  self->codings_signature = g_steal_pointer (&signature);

  /* An item has a handful of tags, not thousands: plain rows rebuilt on change are enough. */
  while ((row = gtk_list_box_get_row_at_index (self->codings_list, 0)) != NULL)
    gtk_list_box_remove (self->codings_list, GTK_WIDGET (row));

  for (guint i = 0; i < n_codings; i++)
    gtk_list_box_append (self->codings_list, create_coding_row (self, i));
}

static void
fill_names (GtkStringList *names,
            GListModel    *objects,
            const char    *property)
{
  guint n_objects = g_list_model_get_n_items (objects);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  /* Translators: the choice for an input not assigned to any group or activity */
  g_ptr_array_add (strings, g_strdup (C_("group or activity", "None")));
  for (guint i = 0; i < n_objects; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (objects, i);
      char *name = NULL;

      g_object_get (object, property, &name, NULL);
      g_ptr_array_add (strings, name);
    }
  g_ptr_array_add (strings, NULL);

  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char * const *) strings->pdata);
}

static guint
find_position (GListModel *objects,
               const char *id)
{
  guint n_objects = g_list_model_get_n_items (objects);

  if (id == NULL)
    return 0;

  for (guint i = 0; i < n_objects; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (objects, i);
      g_autofree char *object_id = NULL;

      g_object_get (object, "id", &object_id, NULL);
      if (g_strcmp0 (object_id, id) == 0)
        return i + 1;
    }

  return 0;
}

static void
chorus_item_editor_sync_details (ChorusItemEditor *self)
{
  GListModel *groups = chorus_project_get_groups (self->project);
  GListModel *activities = chorus_project_get_activities (self->project);
  const char *author = chorus_item_get_author (self->item);

  fill_names (self->group_names, groups, "name");
  adw_combo_row_set_selected (self->group_row,
                              find_position (groups, chorus_item_get_group_id (self->item)));
  fill_names (self->activity_names, activities, "title");
  adw_combo_row_set_selected (self->activity_row,
                              find_position (activities,
                                             chorus_item_get_activity_id (self->item)));
  adw_combo_row_set_selected (self->stance_row, chorus_item_get_stance (self->item));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->author_row)), author ?: "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->author_row), author ?: "");

  gtk_switch_set_active (self->publish_switch, chorus_item_get_publish (self->item));
}

static void
chorus_item_editor_sync_themes (ChorusItemEditor *self)
{
  g_autoptr(GPtrArray) themes = chorus_codebook_dup_tree_order (self->project);
  gboolean has_themes = themes->len > 0;
  gboolean same_order = themes->len == g_list_model_get_n_items (G_LIST_MODEL (self->themes));

  /* The theme list and menu follow the codebook pane's order, so Ctrl+N is the same theme
   * here as in the input list. Rebuilt only when that order changed: most project changes
   * while the editor is open are words typed. */
  for (guint i = 0; same_order && i < themes->len; i++)
    {
      g_autoptr(ChorusTheme) shown = g_list_model_get_item (G_LIST_MODEL (self->themes), i);

      same_order = shown == g_ptr_array_index (themes, i);
    }

  if (!same_order)
    g_list_store_splice (self->themes, 0, g_list_model_get_n_items (G_LIST_MODEL (self->themes)),
                         themes->pdata, themes->len);

  /* Names and colours may have changed even when the order has not. */
  chorus_theme_menu_fill (self->theme_menu, self->project, "editor.tag-theme");
  gtk_widget_set_sensitive (GTK_WIDGET (self->theme_button), has_themes);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->theme_button),
                               has_themes
                               ? _("Tag the selected words, or the whole input, with a theme "
                                   "(Ctrl+1 to Ctrl+9)")
                               : _("The codebook has no themes yet"));
}

static void
chorus_item_editor_sync (ChorusItemEditor *self)
{
  self->syncing = TRUE;

  chorus_item_editor_sync_text (self);
  chorus_item_editor_sync_highlights (self);
  chorus_item_editor_sync_codings (self);
  chorus_item_editor_sync_details (self);
  chorus_item_editor_sync_themes (self);

  self->syncing = FALSE;

  chorus_item_editor_update_actions (self);
}

/* Tagging */

static void
chorus_item_editor_tag (ChorusItemEditor *self,
                        ChorusTheme      *theme)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  guint start_offset = 0, end_offset = G_MAXUINT;
  gboolean tagged;

  chorus_item_editor_commit_pending (self);

  if (chorus_item_get_length (self->item) == 0)
    {
      show_toast (self, _("Type what was said before tagging it"), FALSE);
      return;
    }

  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      start_offset = gtk_text_iter_get_offset (&start);
      end_offset = gtk_text_iter_get_offset (&end);
    }

  self->recording = RECORDING_EDIT;
  tagged = chorus_project_add_coding (self->project, self->item, theme,
                                      start_offset, end_offset);
  self->recording = RECORDING_NONE;

  if (!tagged)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the name of a theme */
      message = g_strdup_printf (_("These words are already tagged “%s”"),
                                 chorus_theme_get_name (theme));
      show_toast (self, message, FALSE);
      return;
    }

  /* Leave the cursor after the words, so the new highlight shows instead of the selection. */
  if (end_offset != G_MAXUINT)
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset);
      gtk_text_buffer_place_cursor (buffer, &end);
    }
  else
    {
      g_autofree char *message = NULL;

      /* Nothing in the text changes colour for the whole input, so say what happened. */
      /* Translators: %s is the name of a theme */
      message = g_strdup_printf (_("Tagged the whole input “%s”"),
                                 chorus_theme_get_name (theme));
      show_toast (self, message, TRUE);
    }
}

static void
chorus_item_editor_tag_theme_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);
  ChorusCodebook *codebook = chorus_project_get_codebook (self->project);
  const char *theme_id = g_variant_get_string (parameter, NULL);
  ChorusTheme *theme = chorus_codebook_find_theme (codebook, theme_id);

  if (theme != NULL)
    chorus_item_editor_tag (self, theme);
}

static void
chorus_item_editor_tag_nth_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);
  guint number = g_variant_get_uint32 (parameter);
  ChorusTheme *theme = NULL;

  if (number >= 1)
    theme = chorus_codebook_get_theme_at (self->project, number - 1);

  if (theme == NULL)
    {
      g_autofree char *message = NULL;
      guint n_themes = g_list_model_get_n_items (G_LIST_MODEL (chorus_project_get_codebook (self->project)));

      gtk_widget_error_bell (widget);
      message = g_strdup_printf (ngettext ("The codebook has only %u theme",
                                           "The codebook has only %u themes", n_themes),
                                 n_themes);
      show_toast (self, message, FALSE);
      return;
    }

  chorus_item_editor_tag (self, theme);
}

static void
chorus_item_editor_theme_list_activate_cb (GtkListView      *list_view,
                                           guint             position,
                                           ChorusItemEditor *self)
{
  g_autoptr(ChorusTheme) theme = g_list_model_get_item (G_LIST_MODEL (self->themes), position);

  gtk_popover_popdown (self->theme_popover);

  if (theme != NULL)
    chorus_item_editor_tag (self, theme);
}

static GIcon *
chorus_item_editor_swatch_cb (gpointer    unused,
                              const char *colour)
{
  return colour != NULL ? chorus_theme_swatch_new (colour) : NULL;
}

static char *
chorus_item_editor_shortcut_label_cb (gpointer unused,
                                      guint    position)
{
  if (position >= CHORUS_N_THEME_SHORTCUTS)
    return NULL;

  return gtk_accelerator_get_label (GDK_KEY_1 + position, GDK_CONTROL_MASK);
}

static void
chorus_item_editor_remove_coding_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);
  guint position = g_variant_get_uint32 (parameter);
  ChorusTheme *theme;
  GtkListBoxRow *row;
  guint n_left;
  g_autofree char *message = NULL;

  chorus_item_editor_commit_pending (self);

  if (position >= chorus_item_get_n_codings (self->item))
    return;

  theme = chorus_codebook_find_theme (chorus_project_get_codebook (self->project),
                                      chorus_item_get_coding (self->item, position, NULL, NULL));
  /* Translators: %s is the name of a theme */
  message = g_strdup_printf (_("Removed tag “%s”"), theme ? chorus_theme_get_name (theme) : "");

  self->recording = RECORDING_EDIT;
  chorus_project_remove_coding (self->project, self->item, position);
  self->recording = RECORDING_NONE;

  /* The rows were rebuilt: keep a keyboard user in the list, on the next tag. */
  n_left = chorus_item_get_n_codings (self->item);
  row = n_left > 0 ? gtk_list_box_get_row_at_index (self->codings_list, MIN (position, n_left - 1))
                   : NULL;
  gtk_widget_grab_focus (row != NULL ? GTK_WIDGET (row) : GTK_WIDGET (self->text_view));

  show_toast (self, message, TRUE);
}

static void
chorus_item_editor_coding_activated_cb (GtkListBox       *list,
                                        GtkListBoxRow    *row,
                                        ChorusItemEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "coding-position"));
  GtkTextIter start, end;
  guint start_offset, end_offset;

  if (self->commit_text_id != 0 || position >= chorus_item_get_n_codings (self->item))
    return;

  chorus_item_get_coding (self->item, position, &start_offset, &end_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (self->text_view, gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

/* Details */

static void
chorus_item_editor_group_selected_cb (ChorusItemEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->group_row);
  g_autoptr(ChorusGroup) group = NULL;

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0)
    group = g_list_model_get_item (chorus_project_get_groups (self->project), selected - 1);

  chorus_item_editor_commit_pending (self);
  self->recording = RECORDING_EDIT;
  chorus_project_set_item_group (self->project, self->item, group);
  self->recording = RECORDING_NONE;
}

static void
chorus_item_editor_activity_selected_cb (ChorusItemEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->activity_row);
  g_autoptr(ChorusActivity) activity = NULL;

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0)
    activity = g_list_model_get_item (chorus_project_get_activities (self->project),
                                      selected - 1);

  chorus_item_editor_commit_pending (self);
  self->recording = RECORDING_EDIT;
  chorus_project_set_item_activity (self->project, self->item, activity);
  self->recording = RECORDING_NONE;
}

static void
chorus_item_editor_stance_selected_cb (ChorusItemEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->stance_row);

  if (self->syncing || selected >= CHORUS_N_STANCES)
    return;

  chorus_item_editor_commit_pending (self);
  self->recording = RECORDING_EDIT;
  chorus_project_set_item_stance (self->project, self->item, (ChorusStance) selected);
  self->recording = RECORDING_NONE;
}

static void
chorus_item_editor_author_apply_cb (ChorusItemEditor *self)
{
  if (self->syncing)
    return;

  chorus_item_editor_commit_pending (self);
}

static void
chorus_item_editor_publish_active_cb (ChorusItemEditor *self)
{
  if (self->syncing)
    return;

  chorus_item_editor_commit_pending (self);
  self->recording = RECORDING_EDIT;
  chorus_project_set_item_publish (self->project, self->item,
                                   gtk_switch_get_active (self->publish_switch));
  self->recording = RECORDING_NONE;
}

/* Closing and undo */

/* Takes back what this dialog did, and the item itself when it was added empty for it. */
static void
chorus_item_editor_revert (ChorusItemEditor *self)
{
  /* Typing not committed is simply dropped. */
  g_clear_handle_id (&self->commit_text_id, g_source_remove);

  /* Undone rather than forgotten: Redo in the main window brings the edits back. */
  self->recording = RECORDING_UNDO;
  while (self->n_own_steps > 0 && chorus_project_undo (self->project))
    ;
  self->recording = RECORDING_NONE;

  /* An input added just for this dialog goes again; Undo in the main window restores it. The
   * dialog stops following the project first: it is closing anyway, and would otherwise
   * destroy itself in the middle of this. */
  if (self->fresh && item_is_in_project (self) && chorus_item_get_length (self->item) == 0)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      chorus_project_remove_item (self->project, self->item);
    }
}

static void
chorus_item_editor_cancel_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);

  chorus_item_editor_revert (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chorus_item_editor_done_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);

  chorus_item_editor_commit_pending (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
chorus_item_editor_close_request (GtkWindow *window)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (window);
  g_autofree char *text = get_buffer_text (self);

  /* Closed by the window manager: keep what was written, but not an empty new input. */
  if (self->fresh && g_strstrip (text)[0] == '\0')
    chorus_item_editor_revert (self);
  else
    chorus_item_editor_commit_pending (self);

  return GTK_WINDOW_CLASS (chorus_item_editor_parent_class)->close_request (window);
}

static void
chorus_item_editor_undo_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);

  chorus_item_editor_commit_pending (self);

  if (self->n_own_steps == 0)
    return;

  self->recording = RECORDING_UNDO;
  chorus_project_undo (self->project);
  self->recording = RECORDING_NONE;
}

static void
chorus_item_editor_redo_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (widget);

  if (self->n_own_redo_steps == 0 || self->commit_text_id != 0)
    return;

  self->recording = RECORDING_REDO;
  chorus_project_redo (self->project);
  self->recording = RECORDING_NONE;
}

/* Construction */

static void
chorus_item_editor_update_title (ChorusItemEditor *self)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (self->project);
  const char *question_id = chorus_item_get_question_id (self->item);
  ChorusQuestion *question = chorus_consultation_find_question (consultation, question_id);
  g_autofree char *subtitle = NULL;

  if (question == NULL)
    return;

  /* Translators: the window subtitle, a question's number and its text */
  subtitle = g_strdup_printf (_("%s · %s"), chorus_question_get_number (question),
                              chorus_question_get_text (question));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), subtitle);
}

GtkWidget *
chorus_item_editor_new (ChorusProject *project,
                        ChorusItem    *item)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (CHORUS_IS_ITEM (item), NULL);

  return g_object_new (CHORUS_TYPE_ITEM_EDITOR,
                       "project", project,
                       "item", item,
                       NULL);
}

ChorusProject *
chorus_item_editor_get_project (ChorusItemEditor *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_EDITOR (self), NULL);

  return self->project;
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
chorus_item_editor_constructed (GObject *object)
{
  ChorusItemEditor *self = (ChorusItemEditor *)object;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GMenu) section = g_menu_new ();
  GtkNoSelection *themes;

  G_OBJECT_CLASS (chorus_item_editor_parent_class)->constructed (object);

  g_assert (CHORUS_IS_PROJECT (self->project));
  g_assert (CHORUS_IS_ITEM (self->item));

  self->fresh = chorus_item_get_length (self->item) == 0;

  /* The project's undo stack is the only one: the buffer's own would undo typing the
   * project has already recorded. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  self->syncing = TRUE;
  gtk_text_buffer_set_text (buffer, chorus_item_get_text (self->item), -1);
  self->syncing = FALSE;
  g_signal_connect_object (buffer, "changed",
                           G_CALLBACK (chorus_item_editor_buffer_changed_cb),
                           self, G_CONNECT_SWAPPED);

  g_menu_append_submenu (section, _("Tag with _Theme"), G_MENU_MODEL (self->theme_menu));
  g_menu_append_section (self->extra_menu, NULL, G_MENU_MODEL (section));
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->extra_menu));

  themes = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->themes)));
  gtk_list_view_set_model (self->theme_list, GTK_SELECTION_MODEL (themes));
  g_object_unref (themes);

  g_signal_connect_object (self->project, "changed",
                           G_CALLBACK (chorus_item_editor_project_changed_cb),
                           self, G_CONNECT_SWAPPED);

  if (self->fresh)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Input"));
      adw_window_title_set_title (self->window_title, _("New Input"));
      gtk_button_set_label (self->done_button, _("_Add"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->done_button),
                                   _("Add this input and close (Ctrl+Enter)"));
    }

  chorus_item_editor_update_title (self);
  chorus_item_editor_sync (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->text_view));
}

static void
chorus_item_editor_dispose (GObject *object)
{
  ChorusItemEditor *self = (ChorusItemEditor *)object;

  /* Destroyed with its parent window: the words typed last are still worth keeping. */
  if (self->commit_text_id != 0 && self->project != NULL && item_is_in_project (self))
    chorus_item_editor_commit_text (self);
  g_clear_handle_id (&self->commit_text_id, g_source_remove);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_ITEM_EDITOR);

  g_clear_pointer (&self->background_tags, g_hash_table_unref);
  g_clear_pointer (&self->underline_tags, g_hash_table_unref);
  g_clear_pointer (&self->codings_signature, g_free);
  g_clear_object (&self->theme_menu);
  g_clear_object (&self->themes);
  g_clear_object (&self->extra_menu);
  g_clear_object (&self->group_names);
  g_clear_object (&self->activity_names);
  g_clear_object (&self->item);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_item_editor_parent_class)->dispose (object);
}

static void
chorus_item_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_item_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusItemEditor *self = CHORUS_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_item_editor_class_init (ChorusItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = chorus_item_editor_constructed;
  object_class->dispose = chorus_item_editor_dispose;
  object_class->get_property = chorus_item_editor_get_property;
  object_class->set_property = chorus_item_editor_set_property;

  window_class->close_request = chorus_item_editor_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, CHORUS_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library; naming them here keeps the linker from dropping
   * them from a program that uses the editor but not the window. */
  (void) chorus_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, done_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, theme_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, theme_popover);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, theme_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, text_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, codings_list);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, activity_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, stance_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemEditor, publish_switch);
  gtk_widget_class_bind_template_callback (widget_class, chorus_item_editor_theme_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_item_editor_swatch_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_item_editor_shortcut_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_item_editor_coding_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_item_editor_group_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_item_editor_activity_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_item_editor_stance_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_item_editor_author_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_item_editor_publish_active_cb);

  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL,
                                   chorus_item_editor_cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.done", NULL,
                                   chorus_item_editor_done_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL,
                                   chorus_item_editor_undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL,
                                   chorus_item_editor_redo_action);
  gtk_widget_class_install_action (widget_class, "editor.tag-theme", "s",
                                   chorus_item_editor_tag_theme_action);
  gtk_widget_class_install_action (widget_class, "editor.tag-nth", "u",
                                   chorus_item_editor_tag_nth_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-coding", "u",
                                   chorus_item_editor_remove_coding_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.done", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK,
                                       "editor.redo", NULL);
  for (guint i = 0; i < CHORUS_N_THEME_SHORTCUTS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "editor.tag-nth", "u", i + 1);
}

static void
chorus_item_editor_init (ChorusItemEditor *self)
{
  g_autoptr(GtkStringList) stances = gtk_string_list_new (NULL);
  GtkWidget *placeholder;

  /* Until constructed() has the project and the item, the widgets' notifications must not
   * try to write to them. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->background_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->underline_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->theme_menu = g_menu_new ();
  self->themes = g_list_store_new (CHORUS_TYPE_THEME);
  self->extra_menu = g_menu_new ();

  self->group_names = gtk_string_list_new (NULL);
  self->activity_names = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (self->group_names));
  adw_combo_row_set_model (self->activity_row, G_LIST_MODEL (self->activity_names));

  for (guint i = 0; i < CHORUS_N_STANCES; i++)
    gtk_string_list_append (stances, chorus_stance_get_label ((ChorusStance) i));
  adw_combo_row_set_model (self->stance_row, G_LIST_MODEL (stances));

  placeholder = gtk_label_new (_("No themes yet. Select words in the text and choose a theme."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->codings_list, placeholder);
}
