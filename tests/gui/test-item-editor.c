/* test-item-editor.c — editing and tagging one input item, under Xvfb (suite "gui")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-gui-test.h"
#include "chorus-item-editor-private.h"

#define SMALL_TEXT "Home care close to home matters most to families."

typedef struct
{
  ChorusProject *project;
  ChorusItem    *item;
  ChorusTheme   *themes[3];
  ChorusGroup   *groups[2];
  ChorusActivity *activities[2];
} SmallProject;

/* One question, two groups, two activities, three themes and one item: small enough that
 * every offset in the tests can be checked by eye against SMALL_TEXT. */
static void
small_project_init (SmallProject *small,
                    const char   *text)
{
  g_autoptr(ChorusConsultation) consultation = chorus_consultation_new ("c", "Care at home");
  g_autoptr(ChorusDocument) document = chorus_document_new ("d", "Proposals");
  g_autoptr(ChorusSection) section = chorus_section_new ("s", "Care");
  g_autoptr(ChorusQuestion) question =
    chorus_question_new ("q1", "Q1", "Should care move closer to home?",
                         CHORUS_QUESTION_KIND_FREE_TEXT);

  chorus_section_add_question (section, question);
  chorus_document_add_section (document, section);
  chorus_consultation_add_document (consultation, document);

  small->project = chorus_project_new (consultation);
  small->groups[0] = chorus_project_add_group (small->project, "Staff", FALSE);
  small->groups[1] = chorus_project_add_group (small->project, "Public", FALSE);
  small->activities[0] = chorus_project_add_activity (small->project,
                                                      CHORUS_ACTIVITY_KIND_FOCUS_GROUP,
                                                      "Workshop");
  small->activities[1] = chorus_project_add_activity (small->project,
                                                      CHORUS_ACTIVITY_KIND_ONLINE_SURVEY,
                                                      "Survey");
  small->themes[0] = chorus_project_add_theme (small->project, "Access", NULL);
  small->themes[1] = chorus_project_add_theme (small->project, "Cost", NULL);
  small->themes[2] = chorus_project_add_theme (small->project, "Families", NULL);
  small->item = chorus_project_add_item (small->project, "q1", small->groups[0],
                                         small->activities[0], text);
}

static void
small_project_clear (SmallProject *small)
{
  g_assert_finalize_object (small->project);
}

static ChorusItemEditor *
create_editor (ChorusProject *project,
               ChorusItem    *item)
{
  ChorusItemEditor *editor = CHORUS_ITEM_EDITOR (chorus_item_editor_new (project, item));

  /* GTK keeps toplevels alive until destroyed; the test's own reference proves at the end
   * that nothing else still holds one. */
  g_object_ref (editor);
  gtk_window_present (GTK_WINDOW (editor));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (editor));

  return editor;
}

static void
destroy_editor (ChorusItemEditor *editor)
{
  gtk_window_destroy (GTK_WINDOW (editor));
  chorus_gui_test_flush ();
  g_assert_finalize_object (editor);
}

/* Presses a key the way its shortcut does: through the shortcut controllers of @widget,
 * so the test fails if the binding is missing or bound to something else. */
static gboolean
press_shortcut (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

static void
select_range (ChorusItemEditor *editor,
              int               start_offset,
              int               end_offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (chorus_item_editor_get_text_view (editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, end_offset);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

/* TRUE when the character at @offset carries a tag painting the background in @theme's
 * colour. */
static gboolean
has_highlight (ChorusItemEditor *editor,
               int               offset,
               ChorusTheme      *theme)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (chorus_item_editor_get_text_view (editor));
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;
  double red, green, blue;
  gboolean found = FALSE;

  g_assert_true (chorus_colour_parse (chorus_theme_get_colour (theme), &red, &green, &blue));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      g_autoptr(GdkRGBA) background = NULL;
      gboolean background_set = FALSE;

      g_object_get (l->data, "background-set", &background_set,
                    "background-rgba", &background, NULL);
      if (background_set && background != NULL &&
          G_APPROX_VALUE (background->red, red, 0.002) &&
          G_APPROX_VALUE (background->green, green, 0.002) &&
          G_APPROX_VALUE (background->blue, blue, 0.002) &&
          background->alpha > 0.1 && background->alpha < 0.9)
        found = TRUE;
    }

  return found;
}

/* The colour of the topmost underline at @offset matches @theme's: where spans overlap, the
 * one whose background is hidden still shows its line. */
static gboolean
has_underline (ChorusItemEditor *editor,
               int               offset,
               ChorusTheme      *theme)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (chorus_item_editor_get_text_view (editor));
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;
  double red, green, blue;
  GtkTextTag *top = NULL;
  int top_priority = -1;
  g_autoptr(GdkRGBA) colour = NULL;

  g_assert_true (chorus_colour_parse (chorus_theme_get_colour (theme), &red, &green, &blue));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean underline_set = FALSE;

      g_object_get (l->data, "underline-rgba-set", &underline_set, NULL);
      if (underline_set && gtk_text_tag_get_priority (l->data) > top_priority)
        {
          top = l->data;
          top_priority = gtk_text_tag_get_priority (top);
        }
    }

  if (top == NULL)
    return FALSE;

  g_object_get (top, "underline-rgba", &colour, NULL);
  return G_APPROX_VALUE (colour->red, red, 0.002) &&
         G_APPROX_VALUE (colour->green, green, 0.002) &&
         G_APPROX_VALUE (colour->blue, blue, 0.002);
}

/* TRUE when the topmost background at @offset is @theme's. */
static gboolean
has_top_highlight (ChorusItemEditor *editor,
                   int               offset,
                   ChorusTheme      *theme)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (chorus_item_editor_get_text_view (editor));
  g_autoptr(GSList) tags = NULL;
  GtkTextIter iter;
  double red, green, blue;
  GtkTextTag *top = NULL;
  int top_priority = -1;
  g_autoptr(GdkRGBA) colour = NULL;

  g_assert_true (chorus_colour_parse (chorus_theme_get_colour (theme), &red, &green, &blue));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  tags = gtk_text_iter_get_tags (&iter);

  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean background_set = FALSE;

      g_object_get (l->data, "background-set", &background_set, NULL);
      if (background_set && gtk_text_tag_get_priority (l->data) > top_priority)
        {
          top = l->data;
          top_priority = gtk_text_tag_get_priority (top);
        }
    }

  if (top == NULL)
    return FALSE;

  g_object_get (top, "background-rgba", &colour, NULL);
  return G_APPROX_VALUE (colour->red, red, 0.002) &&
         G_APPROX_VALUE (colour->green, green, 0.002) &&
         G_APPROX_VALUE (colour->blue, blue, 0.002);
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_button (child);

      if (button != NULL)
        return button;
    }

  return NULL;
}

static guint
count_coding_rows (ChorusItemEditor *editor)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (editor->codings_list, n) != NULL)
    n++;

  return n;
}

static void
assert_coding (ChorusItem  *item,
               guint        position,
               ChorusTheme *theme,
               guint        start,
               guint        end)
{
  guint coding_start, coding_end;
  const char *theme_id = chorus_item_get_coding (item, position, &coding_start, &coding_end);

  g_assert_cmpstr (theme_id, ==, chorus_theme_get_id (theme));
  g_assert_cmpuint (coding_start, ==, start);
  g_assert_cmpuint (coding_end, ==, end);
}

/* Characters 5–12 selected, Ctrl+1: exactly that span is coded with the first theme, and
 * highlighted in its colour. */
static void
test_tag_selection_with_shortcut (void)
{
  SmallProject small;
  ChorusItemEditor *editor;

  small_project_init (&small, SMALL_TEXT);
  editor = create_editor (small.project, small.item);

  select_range (editor, 5, 12);
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_1, GDK_CONTROL_MASK));

  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 1);
  assert_coding (small.item, 0, small.themes[0], 5, 12);

  g_assert_false (has_highlight (editor, 4, small.themes[0]));
  for (int offset = 5; offset < 12; offset++)
    g_assert_true (has_highlight (editor, offset, small.themes[0]));
  g_assert_false (has_highlight (editor, 12, small.themes[0]));
  g_assert_cmpuint (count_coding_rows (editor), ==, 1);

  /* The same words again: nothing new, and the user is told why. */
  select_range (editor, 5, 12);
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_1, GDK_CONTROL_MASK));
  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 1);

  /* Ctrl+9 with three themes tags nothing. */
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_9, GDK_CONTROL_MASK));
  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 1);

  destroy_editor (editor);
  small_project_clear (&small);
}

/* The remove button of a tag's row removes the coding; the project's undo brings it back,
 * with its highlight and row. */
static void
test_remove_and_undo (void)
{
  SmallProject small;
  ChorusItemEditor *editor;
  GtkListBoxRow *row;
  GtkWidget *remove_button = NULL;

  small_project_init (&small, SMALL_TEXT);
  g_assert_true (chorus_project_add_coding (small.project, small.item, small.themes[1], 10, 15));
  editor = create_editor (small.project, small.item);

  g_assert_true (has_highlight (editor, 10, small.themes[1]));
  row = gtk_list_box_get_row_at_index (editor->codings_list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Cost");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "“close”");

  /* The suffix button that removes the tag is the only button in the row. */
  remove_button = find_button (GTK_WIDGET (row));
  g_assert_nonnull (remove_button);
  g_assert_true (gtk_widget_grab_focus (remove_button));
  g_signal_emit_by_name (remove_button, "clicked");

  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 0);
  g_assert_false (has_highlight (editor, 10, small.themes[1]));
  g_assert_cmpuint (count_coding_rows (editor), ==, 0);
  /* The last tag gone, the keyboard focus goes back to the text rather than nowhere. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (editor->text_view)));

  /* Undo from outside, as the main window does. */
  g_assert_true (chorus_project_undo (small.project));
  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 1);
  assert_coding (small.item, 0, small.themes[1], 10, 15);
  g_assert_true (has_highlight (editor, 10, small.themes[1]));
  g_assert_cmpuint (count_coding_rows (editor), ==, 1);

  destroy_editor (editor);
  small_project_clear (&small);
}

/* With nothing selected the theme covers the whole item. */
static void
test_tag_whole_item (void)
{
  SmallProject small;
  ChorusItemEditor *editor;
  GtkListBoxRow *row;

  small_project_init (&small, SMALL_TEXT);
  editor = create_editor (small.project, small.item);

  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_2, GDK_CONTROL_MASK));

  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 1);
  assert_coding (small.item, 0, small.themes[1], 0, g_utf8_strlen (SMALL_TEXT, -1));
  /* Listed, not painted over every word where it would hide the spans. */
  g_assert_false (has_highlight (editor, 0, small.themes[1]));

  row = gtk_list_box_get_row_at_index (editor->codings_list, 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "The whole input");

  /* The text view, where the keys land first, lets Ctrl+Z and Ctrl+1 through to the editor:
   * its own undo is off, since the project's is the only one. */
  g_assert_false (press_shortcut (GTK_WIDGET (editor->text_view), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_false (press_shortcut (GTK_WIDGET (editor->text_view), GDK_KEY_z,
                                  GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_false (press_shortcut (GTK_WIDGET (editor->text_view), GDK_KEY_1, GDK_CONTROL_MASK));

  /* The editor's own undo (Ctrl+Z) takes it off again. */
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 0);
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_z,
                                 GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 1);

  destroy_editor (editor);
  small_project_clear (&small);
}

static gboolean save_png (GtkWidget  *widget,
                          const char *path);

/* Where two tagged spans overlap, one theme paints the background and the other the
 * underline, so neither disappears. */
static void
test_overlapping_spans (void)
{
  SmallProject small;
  ChorusItemEditor *editor;
  g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "gui", "item-editor-overlap.png",
                                                NULL);

  small_project_init (&small, SMALL_TEXT);
  /* "care close to home" and "close to home matters" */
  g_assert_true (chorus_project_add_coding (small.project, small.item, small.themes[0], 5, 23));
  g_assert_true (chorus_project_add_coding (small.project, small.item, small.themes[2], 10, 31));
  editor = create_editor (small.project, small.item);

  /* Before the overlap, after it, and inside it. */
  g_assert_true (has_top_highlight (editor, 6, small.themes[0]));
  g_assert_true (has_underline (editor, 6, small.themes[0]));
  g_assert_true (has_top_highlight (editor, 28, small.themes[2]));
  g_assert_true (has_underline (editor, 28, small.themes[2]));
  g_assert_true (has_top_highlight (editor, 15, small.themes[2]));
  g_assert_true (has_underline (editor, 15, small.themes[0]));

  gtk_window_set_default_size (GTK_WINDOW (editor), 560, 480);
  for (guint frame = 0; frame < 3; frame++)
    chorus_gui_test_wait_for_draw (GTK_WIDGET (editor));
  g_assert_true (save_png (GTK_WIDGET (editor), png));

  destroy_editor (editor);
  small_project_clear (&small);
}

/* The menu button and the text view's context menu offer every theme, in codebook order,
 * through the same action. */
static void
test_theme_menus (void)
{
  SmallProject small;
  ChorusItemEditor *editor;
  GMenuModel *extra;
  g_autoptr(GMenuModel) section = NULL;
  g_autoptr(GMenuModel) submenu = NULL;
  GListModel *offered;

  small_project_init (&small, SMALL_TEXT);
  editor = create_editor (small.project, small.item);

  extra = gtk_text_view_get_extra_menu (chorus_item_editor_get_text_view (editor));
  g_assert_nonnull (extra);
  section = g_menu_model_get_item_link (extra, 0, G_MENU_LINK_SECTION);
  submenu = g_menu_model_get_item_link (section, 0, G_MENU_LINK_SUBMENU);
  g_assert_cmpint (g_menu_model_get_n_items (submenu), ==, 3);

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *label = NULL;
      g_autofree char *action = NULL;
      g_autofree char *target = NULL;

      g_assert_true (g_menu_model_get_item_attribute (submenu, i, "label", "s", &label));
      g_assert_true (g_menu_model_get_item_attribute (submenu, i, "action", "s", &action));
      g_assert_true (g_menu_model_get_item_attribute (submenu, i, "target", "s", &target));
      g_assert_cmpstr (label, ==, chorus_theme_get_name (small.themes[i]));
      g_assert_cmpstr (target, ==, chorus_theme_get_id (small.themes[i]));

      /* What choosing the entry does. */
      select_range (editor, i * 5, i * 5 + 4);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, "s", target));
    }
  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 3);
  assert_coding (small.item, 2, small.themes[2], 10, 14);

  /* The popover's list shows the codebook's themes; a new one appears in both menus. */
  offered = G_LIST_MODEL (gtk_list_view_get_model (editor->theme_list));
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 3);
  chorus_project_add_theme (small.project, "Transport", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 4);
  g_assert_cmpint (g_menu_model_get_n_items (submenu), ==, 4);

  destroy_editor (editor);
  small_project_clear (&small);
}

/* Typing is one undo step per burst, committed after a pause, and a coding later in the text
 * keeps covering the same words. */
static void
test_edit_text_keeps_coding (void)
{
  SmallProject small;
  ChorusItemEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  const guint families = 40;  /* "families" in SMALL_TEXT */

  small_project_init (&small, SMALL_TEXT);
  g_assert_true (chorus_project_add_coding (small.project, small.item, small.themes[2],
                                            families, families + 8));
  editor = create_editor (small.project, small.item);
  buffer = gtk_text_view_get_buffer (chorus_item_editor_get_text_view (editor));

  /* Two insertions in one burst. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "Good ", -1);
  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, "Very ", -1);

  /* Not yet in the project: the burst is still going. */
  g_assert_cmpstr (chorus_item_get_text (small.item), ==, SMALL_TEXT);

  /* The pause ends it. */
  while (editor->commit_text_id != 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (chorus_item_get_text (small.item), ==, "Very Good " SMALL_TEXT);
  assert_coding (small.item, 0, small.themes[2], families + 10, families + 18);
  g_assert_true (has_highlight (editor, families + 10, small.themes[2]));
  g_assert_false (has_highlight (editor, families + 9, small.themes[2]));

  /* One step undoes the whole burst, in the view too. */
  g_assert_true (chorus_project_undo (small.project));
  g_assert_cmpstr (chorus_item_get_text (small.item), ==, SMALL_TEXT);
  {
    g_autofree char *shown = NULL;
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, SMALL_TEXT);
  }
  assert_coding (small.item, 0, small.themes[2], families, families + 8);
  g_assert_true (has_highlight (editor, families, small.themes[2]));

  /* Done writes typing at once, without waiting for the pause. */
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, " Really.", -1);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_object_unref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.done", NULL);
  chorus_gui_test_flush ();
  g_assert_null (editor);
  g_assert_cmpstr (chorus_item_get_text (small.item), ==, SMALL_TEXT " Really.");

  small_project_clear (&small);
}

/* Group, activity, stance, author and publish reach the project, each as a step that undoes
 * back, and the widgets follow the undo. */
static void
test_details (void)
{
  SmallProject small;
  ChorusItemEditor *editor;

  small_project_init (&small, SMALL_TEXT);
  editor = create_editor (small.project, small.item);

  /* Position 0 is "None". */
  g_assert_cmpuint (adw_combo_row_get_selected (editor->group_row), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (editor->activity_row), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (editor->stance_row), ==, CHORUS_STANCE_UNSET);
  g_assert_true (gtk_switch_get_active (editor->publish_switch));

  adw_combo_row_set_selected (editor->group_row, 2);
  g_assert_cmpstr (chorus_item_get_group_id (small.item), ==,
                   chorus_group_get_id (small.groups[1]));
  adw_combo_row_set_selected (editor->activity_row, 0);
  g_assert_null (chorus_item_get_activity_id (small.item));
  adw_combo_row_set_selected (editor->stance_row, CHORUS_STANCE_DISAGREE);
  g_assert_cmpint (chorus_item_get_stance (small.item), ==, CHORUS_STANCE_DISAGREE);
  gtk_editable_set_text (GTK_EDITABLE (editor->author_row), "A. Nurse");
  g_signal_emit_by_name (editor->author_row, "apply");
  g_assert_cmpstr (chorus_item_get_author (small.item), ==, "A. Nurse");
  gtk_switch_set_active (editor->publish_switch, FALSE);
  g_assert_false (chorus_item_get_publish (small.item));

  g_assert_true (chorus_project_undo (small.project));
  g_assert_true (chorus_item_get_publish (small.item));
  g_assert_true (gtk_switch_get_active (editor->publish_switch));
  g_assert_true (chorus_project_undo (small.project));
  g_assert_null (chorus_item_get_author (small.item));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor->author_row)), ==, "");
  g_assert_true (chorus_project_undo (small.project));
  g_assert_cmpint (chorus_item_get_stance (small.item), ==, CHORUS_STANCE_UNSET);
  g_assert_cmpuint (adw_combo_row_get_selected (editor->stance_row), ==, CHORUS_STANCE_UNSET);
  g_assert_true (chorus_project_undo (small.project));
  g_assert_cmpstr (chorus_item_get_activity_id (small.item), ==,
                   chorus_activity_get_id (small.activities[0]));
  g_assert_cmpuint (adw_combo_row_get_selected (editor->activity_row), ==, 1);
  g_assert_true (chorus_project_undo (small.project));
  g_assert_cmpstr (chorus_item_get_group_id (small.item), ==,
                   chorus_group_get_id (small.groups[0]));
  g_assert_cmpuint (adw_combo_row_get_selected (editor->group_row), ==, 1);

  /* A group added elsewhere shows up in the choice. */
  chorus_project_add_group (small.project, "Partners", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (editor->group_row)), ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (editor->group_row), ==, 1);

  destroy_editor (editor);
  small_project_clear (&small);
}

/* The editor goes away with its item. */
static void
test_closes_when_item_deleted (void)
{
  SmallProject small;
  ChorusItemEditor *editor;

  small_project_init (&small, SMALL_TEXT);
  editor = create_editor (small.project, small.item);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_object_unref (editor);

  chorus_project_remove_item (small.project, small.item);
  chorus_gui_test_flush ();
  g_assert_null (editor);

  small_project_clear (&small);
}

/* Cancel takes back what the dialog did; for a new, empty input it removes the input, and
 * Undo brings it back. */
static void
test_cancel (void)
{
  SmallProject small;
  ChorusItemEditor *editor;
  ChorusItem *fresh;
  g_autofree char *fresh_id = NULL;
  GtkTextIter iter;

  small_project_init (&small, SMALL_TEXT);

  /* An existing item: a tag and a stance, then Escape. */
  editor = create_editor (small.project, small.item);
  select_range (editor, 0, 4);
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_3, GDK_CONTROL_MASK));
  adw_combo_row_set_selected (editor->stance_row, CHORUS_STANCE_AGREE);
  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 1);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_object_unref (editor);
  g_assert_true (press_shortcut (GTK_WIDGET (editor), GDK_KEY_Escape, 0));
  chorus_gui_test_flush ();
  g_assert_null (editor);
  g_assert_cmpuint (chorus_item_get_n_codings (small.item), ==, 0);
  g_assert_cmpint (chorus_item_get_stance (small.item), ==, CHORUS_STANCE_UNSET);
  /* Undone, not lost. */
  g_assert_true (chorus_project_redo (small.project));
  g_assert_true (chorus_project_redo (small.project));
  g_assert_cmpint (chorus_item_get_stance (small.item), ==, CHORUS_STANCE_AGREE);

  /* A new, empty input: some typing, then Cancel. */
  fresh = chorus_project_add_item (small.project, "q1", NULL, NULL, "");
  fresh_id = g_strdup (chorus_item_get_id (fresh));
  editor = create_editor (small.project, fresh);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (editor->done_button)));
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (editor->text_view), &iter);
  gtk_text_buffer_insert (gtk_text_view_get_buffer (editor->text_view), &iter, "Half a", -1);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (editor->done_button)));
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_object_unref (editor);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.cancel", NULL);
  chorus_gui_test_flush ();
  g_assert_null (editor);
  g_assert_null (chorus_project_find_item (small.project, fresh_id));

  g_assert_true (chorus_project_undo (small.project));
  g_assert_nonnull (chorus_project_find_item (small.project, fresh_id));

  /* Closed by the window manager while still empty: gone as well. */
  editor = create_editor (small.project, fresh);
  g_assert_cmpstr (gtk_button_get_label (editor->done_button), ==, "_Add");
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_object_unref (editor);
  gtk_window_close (GTK_WINDOW (editor));
  chorus_gui_test_flush ();
  g_assert_null (editor);
  g_assert_null (chorus_project_find_item (small.project, fresh_id));

  small_project_clear (&small);
}

static gboolean
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

/* The example's most-coded item: every coding listed and highlighted in its theme's colour.
 * Pictures of it in both styles land in the build directory to be looked at. */
static void
test_example_most_coded (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  GListModel *items;
  ChorusCodebook *codebook;
  g_autoptr(ChorusItem) most_coded = NULL;
  ChorusItemEditor *editor;
  const char *styles[] = { "light", "dark" };

  g_assert_no_error (error);
  items = chorus_project_get_items (project);
  codebook = chorus_project_get_codebook (project);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      if (most_coded == NULL ||
          chorus_item_get_n_codings (item) > chorus_item_get_n_codings (most_coded))
        g_set_object (&most_coded, item);
    }
  g_assert_nonnull (most_coded);
  g_assert_cmpuint (chorus_item_get_n_codings (most_coded), >=, 2);

  editor = create_editor (project, most_coded);
  g_assert_cmpuint (count_coding_rows (editor), ==, chorus_item_get_n_codings (most_coded));
  for (guint i = 0; i < chorus_item_get_n_codings (most_coded); i++)
    {
      guint start, end;
      const char *theme_id = chorus_item_get_coding (most_coded, i, &start, &end);
      ChorusTheme *theme = chorus_codebook_find_theme (codebook, theme_id);
      gboolean shown = FALSE;

      if (start == 0 && end == chorus_item_get_length (most_coded))
        continue;

      /* Where codings overlap only one background shows, but each shows somewhere. */
      for (guint offset = start; offset < end && !shown; offset++)
        shown = has_highlight (editor, offset, theme);
      g_assert_true (shown);
    }

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *name = g_strdup_printf ("item-editor-%s.png", styles[i]);
      g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "gui", name, NULL);

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                 : ADW_COLOR_SCHEME_FORCE_DARK);
      for (guint frame = 0; frame < 3; frame++)
        chorus_gui_test_wait_for_draw (GTK_WIDGET (editor));
      g_assert_true (save_png (GTK_WIDGET (editor), png));
      g_test_message ("Saved %s", png);
    }

  /* The theme menu, with its swatches and shortcuts. */
  gtk_menu_button_popup (editor->theme_button);
  for (guint frame = 0; frame < 3; frame++)
    chorus_gui_test_wait_for_draw (GTK_WIDGET (editor->theme_popover));
  {
    g_autofree char *png = g_test_build_filename (G_TEST_BUILT, "gui", "item-editor-themes.png",
                                                  NULL);

    g_assert_true (save_png (GTK_WIDGET (editor->theme_popover), png));
  }
  gtk_menu_button_popdown (editor->theme_button);
  /* Let the popover finish closing (its grab and pointer queries) while its surface exists. */
  while (gtk_widget_get_mapped (GTK_WIDGET (editor->theme_popover)))
    g_main_context_iteration (NULL, TRUE);
  chorus_gui_test_flush ();

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  destroy_editor (editor);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chorus_gui_test_load_resources ();

  g_test_add_func ("/item-editor/tag-selection-with-shortcut", test_tag_selection_with_shortcut);
  g_test_add_func ("/item-editor/remove-and-undo", test_remove_and_undo);
  g_test_add_func ("/item-editor/tag-whole-item", test_tag_whole_item);
  g_test_add_func ("/item-editor/overlapping-spans", test_overlapping_spans);
  g_test_add_func ("/item-editor/theme-menus", test_theme_menus);
  g_test_add_func ("/item-editor/edit-text-keeps-coding", test_edit_text_keeps_coding);
  g_test_add_func ("/item-editor/details", test_details);
  g_test_add_func ("/item-editor/closes-when-item-deleted", test_closes_when_item_deleted);
  g_test_add_func ("/item-editor/cancel", test_cancel);
  g_test_add_func ("/item-editor/example-most-coded", test_example_most_coded);

  return g_test_run ();
}
