/* test-input.c — collating and coding input in the window, under Xvfb (suite "gui")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "chorus-gui-test.h"
#include "chorus-gui-util.h"
#include "chorus-draft-pane-private.h"
#include "chorus-item-editor.h"
#include "chorus-item-row.h"
#include "chorus-question-page.h"
#include "chorus-window-private.h"

#define QUESTION "t-q3"

typedef struct
{
  ChorusProject *project;
  ChorusWindow  *window;
  ChorusQuestionPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GError) error = NULL;

  f->project = chorus_project_load_file (path, &error);
  g_assert_no_error (error);

  f->window = g_object_ref (chorus_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  chorus_window_set_project (f->window, f->project);
  g_assert_true (chorus_window_select_question (f->window, QUESTION));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (f->window));
  f->page = f->window->question_page;
}

static void
close_editors (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (CHORUS_IS_ITEM_EDITOR (window))
        gtk_window_destroy (window);
    }
  chorus_gui_test_flush ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  close_editors ();
  /* Let the window go without the unsaved-changes question. */
  chorus_project_mark_saved (f->project);
  gtk_window_destroy (GTK_WINDOW (f->window));
  chorus_gui_test_flush ();
  g_assert_finalize_object (f->window);
  g_assert_finalize_object (f->project);
}

static ChorusItemEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CHORUS_IS_ITEM_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return CHORUS_ITEM_EDITOR (window);
    }

  return NULL;
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (chorus_question_page_get_items (f->page));
}

static GtkWidget *
template_widget (Fixture    *f,
                 const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->page), CHORUS_TYPE_QUESTION_PAGE, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static GtkDropDown *
template_dropdown (Fixture    *f,
                   const char *name)
{
  return GTK_DROP_DOWN (template_widget (f, name));
}

static void
select_first (Fixture *f)
{
  g_autoptr(ChorusItem) first = g_list_model_get_item (chorus_question_page_get_items (f->page), 0);

  g_assert_nonnull (first);
  chorus_question_page_select_item (f->page, first);
  g_assert_true (chorus_question_page_get_selected_item (f->page) == first);
}

/* Filtering by any theme shows exactly the items the core says carry it; Escape clears. */
static void
test_filter_by_theme (Fixture       *f,
                      gconstpointer  data)
{
  ChorusStats *stats = chorus_project_get_stats (f->project);
  GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (f->project));
  guint all = n_shown (f);
  guint checked = 0;

  g_assert_cmpuint (all, ==, chorus_stats_count_question (stats, QUESTION));

  /* Through the theme dropdown, as a user does it. */
  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);
      guint expected = chorus_stats_count_question_theme (stats, QUESTION, chorus_theme_get_id (theme));

      gtk_drop_down_set_selected (template_dropdown (f, "theme_dropdown"), i + 1);
      g_assert_cmpstr (chorus_item_filter_get_theme_id (chorus_question_page_get_filter (f->page)), ==,
                       chorus_theme_get_id (theme));
      g_assert_cmpuint (n_shown (f), ==, expected);
      if (expected < all)
        g_assert_true (gtk_widget_get_visible (template_widget (f, "clear_button")));
      checked += expected;
    }
  g_assert_cmpuint (checked, >, 0);

  /* Escape clears every filter. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "input.clear-filters", NULL);
  g_assert_cmpuint (n_shown (f), ==, all);
  g_assert_true (chorus_item_filter_is_unfiltered (chorus_question_page_get_filter (f->page)));
}

/* The count says how many of the question's items the filters show; a chart click sets the
 * filter bar. */
static void
test_filter_count_and_chart (Fixture       *f,
                             gconstpointer  data)
{
  ChorusItemFilter *filter = chorus_question_page_get_filter (f->page);
  GtkLabel *count = GTK_LABEL (template_widget (f, "count_label"));
  ChorusChartHit hit = { 0, };
  g_autofree char *expected = NULL;
  guint all = n_shown (f);

  gtk_editable_set_text (GTK_EDITABLE (template_widget (f, "search_entry")), "voting");
  chorus_item_filter_set_text (filter, "voting");
  expected = g_strdup_printf ("%u of %u items", n_shown (f), all);
  g_assert_cmpuint (n_shown (f), <, all);
  g_assert_cmpstr (gtk_label_get_label (count), ==, expected);

  /* A chart's bar for the "Staff" group's agreeing input. */
  hit.fields = CHORUS_CHART_HIT_QUESTION | CHORUS_CHART_HIT_GROUP | CHORUS_CHART_HIT_STANCE;
  hit.question_id = QUESTION;
  hit.group_id = "staff";
  hit.stance = CHORUS_STANCE_MIXED;
  chorus_item_filter_set_from_hit (filter, &hit);
  g_assert_cmpuint (gtk_drop_down_get_selected (template_dropdown (f, "stance_dropdown")), ==,
                    CHORUS_STANCE_MIXED + 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (template_dropdown (f, "group_dropdown")), >, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (template_widget (f, "search_entry"))), ==, "");
  for (guint i = 0; i < n_shown (f); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (chorus_question_page_get_items (f->page), i);

      g_assert_cmpint (chorus_item_get_stance (item), ==, CHORUS_STANCE_MIXED);
    }
}

/* Add opens the editor on a new item; a span tagged there is a coding of exactly those
 * characters; closing an untouched new item removes it. */
static void
test_add_and_tag_span (Fixture       *f,
                       gconstpointer  data)
{
  guint before = n_shown (f);
  ChorusItemEditor *editor;
  ChorusItem *item;
  ChorusTheme *theme;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint coding_start, coding_end;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "input.add", NULL);
  editor = find_editor ();
  g_assert_nonnull (editor);
  item = chorus_item_editor_get_item (editor);
  g_assert_cmpuint (n_shown (f), ==, before + 1);
  g_assert_cmpstr (chorus_item_get_question_id (item), ==, QUESTION);

  buffer = gtk_text_view_get_buffer (chorus_item_editor_get_text_view (editor));
  gtk_text_buffer_set_text (buffer, "Parking at the hospital is impossible", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 0);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, 7);
  gtk_text_buffer_select_range (buffer, &start, &end);

  /* Ctrl+1: the first theme of the codebook, on the selected word. */
  theme = chorus_codebook_get_theme_at (f->project, 0);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.tag-nth", "u", 1);
  g_assert_cmpstr (chorus_item_get_text (item), ==, "Parking at the hospital is impossible");
  g_assert_cmpuint (chorus_item_get_n_codings (item), ==, 1);
  g_assert_cmpstr (chorus_item_get_coding (item, 0, &coding_start, &coding_end), ==,
                   chorus_theme_get_id (theme));
  g_assert_cmpuint (coding_start, ==, 0);
  g_assert_cmpuint (coding_end, ==, 7);

  /* The span is highlighted in the buffer, and only the span. */
  {
    GtkTextIter inside;
    GSList *tags;

    gtk_text_buffer_get_iter_at_offset (buffer, &inside, 3);
    tags = gtk_text_iter_get_tags (&inside);
    g_assert_nonnull (tags);
    g_slist_free (tags);
    gtk_text_buffer_get_iter_at_offset (buffer, &inside, 10);
    tags = gtk_text_iter_get_tags (&inside);
    g_assert_null (tags);
  }

  /* Removing it from the list of codings. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.remove-coding", "u", 0);
  g_assert_cmpuint (chorus_item_get_n_codings (item), ==, 0);
  chorus_project_undo (f->project);
  g_assert_cmpuint (chorus_item_get_n_codings (item), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.done", NULL);
  chorus_gui_test_flush ();
  g_assert_cmpuint (n_shown (f), ==, before + 1);

  /* A new item closed empty is removed again. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "input.add", NULL);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpuint (n_shown (f), ==, before + 2);
  gtk_window_close (GTK_WINDOW (editor));
  chorus_gui_test_flush ();
  g_assert_cmpuint (n_shown (f), ==, before + 1);
}

/* Each action changes the project as a user expects, and undo puts it back. */
static void
test_actions_undo (Fixture       *f,
                   gconstpointer  data)
{
  guint before = n_shown (f);
  guint total = g_list_model_get_n_items (chorus_project_get_items (f->project));
  ChorusItem *item;
  ChorusTheme *theme;

  /* Delete */
  select_first (f);
  item = chorus_question_page_get_selected_item (f->page);
  g_object_ref (item);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "input.delete", NULL);
  g_assert_cmpuint (n_shown (f), ==, before - 1);
  g_assert_null (chorus_project_find_item (f->project, chorus_item_get_id (item)));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpuint (n_shown (f), ==, before);
  g_assert_nonnull (chorus_project_find_item (f->project, chorus_item_get_id (item)));
  g_object_unref (item);

  /* Duplicate */
  select_first (f);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "input.duplicate", NULL);
  g_assert_cmpuint (n_shown (f), ==, before + 1);
  chorus_project_undo (f->project);
  g_assert_cmpuint (n_shown (f), ==, before);

  /* Stance */
  select_first (f);
  item = chorus_question_page_get_selected_item (f->page);
  {
    ChorusStance old = chorus_item_get_stance (item);
    ChorusStance other = old == CHORUS_STANCE_DISAGREE ? CHORUS_STANCE_AGREE : CHORUS_STANCE_DISAGREE;

    gtk_widget_activate_action (GTK_WIDGET (f->page), "input.stance", "s",
                                chorus_stance_to_string (other));
    g_assert_cmpint (chorus_item_get_stance (item), ==, other);
    chorus_project_undo (f->project);
    g_assert_cmpint (chorus_item_get_stance (item), ==, old);
  }

  /* Ctrl+N toggles the Nth theme on the whole item: take one the item does not carry yet. */
  {
    guint n_codings = chorus_item_get_n_codings (item);
    int position = -1;

    for (int i = 0; i < 9 && position < 0; i++)
      {
        theme = chorus_codebook_get_theme_at (f->project, (guint) i);
        if (theme != NULL && !chorus_item_has_theme (item, chorus_theme_get_id (theme)))
          position = i;
      }
    g_assert_cmpint (position, >=, 0);

    gtk_widget_activate_action (GTK_WIDGET (f->page), "input.theme-shortcut", "i", position);
    g_assert_true (chorus_item_has_theme (item, chorus_theme_get_id (theme)));
    g_assert_cmpuint (chorus_item_get_n_codings (item), ==, n_codings + 1);
    gtk_widget_activate_action (GTK_WIDGET (f->page), "input.theme-shortcut", "i", position);
    g_assert_cmpuint (chorus_item_get_n_codings (item), ==, n_codings);
    g_assert_false (chorus_item_has_theme (item, chorus_theme_get_id (theme)));
  }

  /* Pasting lines: one item each, bullets stripped, one undo step. */
  g_assert_cmpuint (chorus_question_page_paste_text (f->page,
                                                     "• Longer opening hours\n\n- More parking\n3. Clearer letters\n"),
                    ==, 3);
  g_assert_cmpuint (n_shown (f), ==, before + 3);
  {
    g_autoptr(ChorusItem) last = g_list_model_get_item (chorus_question_page_get_items (f->page),
                                                        before + 1);

    g_assert_cmpstr (chorus_item_get_text (last), ==, "More parking");
  }
  chorus_project_undo (f->project);
  g_assert_cmpuint (n_shown (f), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_items (f->project)), ==, total);

  /* Moving to another question takes it off this one. */
  select_first (f);
  item = chorus_question_page_get_selected_item (f->page);
  chorus_project_set_item_question (f->project, item, "t-q1");
  g_assert_cmpuint (n_shown (f), ==, before - 1);
  chorus_project_undo (f->project);
  g_assert_cmpuint (n_shown (f), ==, before);
}

/* A sub-theme added later sits under its parent in the codebook pane, so it has the same Ctrl+N
 * there, in the input list and in the input editor, though the codebook stored it last. */
static void
test_theme_shortcuts_follow_pane (Fixture       *f,
                                  gconstpointer  data)
{
  GListModel *codebook = G_LIST_MODEL (chorus_project_get_codebook (f->project));
  g_autoptr(ChorusTheme) first = g_list_model_get_item (codebook, 0);
  ChorusTheme *sub_theme = chorus_project_add_theme (f->project, "Car parking", first);
  ChorusItemEditor *editor;
  ChorusItem *item;
  GMenuModel *menu;
  g_autofree char *label = NULL;
  g_autofree char *accel = NULL;
  g_autofree char *expected_accel = NULL;
  guint position = 0;

  while (chorus_codebook_get_theme_at (f->project, position) != sub_theme)
    position++;
  g_assert_cmpuint (position, <, CHORUS_N_THEME_SHORTCUTS);
  g_assert_cmpuint (position, <, g_list_model_get_n_items (codebook) - 1);
  {
    g_autoptr(ChorusTheme) stored_last = g_list_model_get_item (codebook, g_list_model_get_n_items (codebook) - 1);

    g_assert_true (stored_last == sub_theme);
  }

  select_first (f);
  item = chorus_question_page_get_selected_item (f->page);
  g_assert_false (chorus_item_has_theme (item, chorus_theme_get_id (sub_theme)));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "input.theme-shortcut", "i", (int) position);
  g_assert_true (chorus_item_has_theme (item, chorus_theme_get_id (sub_theme)));
  chorus_project_undo (f->project);
  g_assert_false (chorus_item_has_theme (item, chorus_theme_get_id (sub_theme)));

  chorus_question_page_edit_item (f->page, item);
  editor = find_editor ();
  g_assert_nonnull (editor);

  /* The editor's "Tag with Theme" menu lists it at the same place, with the same shortcut. */
  menu = gtk_text_view_get_extra_menu (chorus_item_editor_get_text_view (editor));
  menu = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (menu);
  {
    g_autoptr(GMenuModel) section = menu;
    g_autoptr(GMenuModel) themes = g_menu_model_get_item_link (section, 0, G_MENU_LINK_SUBMENU);

    g_assert_nonnull (themes);
    g_assert_true (g_menu_model_get_item_attribute (themes, (int) position,
                                                    G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_true (g_menu_model_get_item_attribute (themes, (int) position, "accel", "s", &accel));
  }
  expected_accel = g_strdup_printf ("<Control>%u", position + 1);
  g_assert_cmpstr (label, ==, "Car parking");
  g_assert_cmpstr (accel, ==, expected_accel);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.tag-nth", "u", position + 1);
  g_assert_true (chorus_item_has_theme (item, chorus_theme_get_id (sub_theme)));
}

/* The row the list focuses is named for a screen reader: the input's words, group, activity
 * and themes, so moving through the list reads each item rather than nothing. */
static void
test_item_rows_named (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(ChorusItem) first = g_list_model_get_item (chorus_question_page_get_items (f->page), 0);
  const char *group_id = chorus_item_get_group_id (first);
  g_autofree char *expected = NULL;
  gboolean found = FALSE;

  chorus_gui_test_collect (GTK_WIDGET (f->page), CHORUS_TYPE_ITEM_ROW, rows);
  g_assert_cmpuint (rows->len, >, 0);
  expected = g_strdup_printf ("%s. %s. ", chorus_item_get_text (first),
                              chorus_group_get_name (chorus_project_find_group (f->project, group_id)));

  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      ChorusItem *item = NULL;

      g_object_get (row, "item", &item, NULL);
      if (item == first)
        {
          GtkWidget *list_row = row;
          g_autofree char *actual = NULL;

          while (!GTK_IS_LIST_VIEW (gtk_widget_get_parent (list_row)))
            list_row = gtk_widget_get_parent (list_row);
          g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (list_row),
                                                           GTK_ACCESSIBLE_PROPERTY_LABEL));
          /* GTK 4.8 has no getter: a check against a prefix that fails returns the label
           * itself, which starts with the words and the group and goes on to the themes. */
          actual = gtk_test_accessible_check_property (GTK_ACCESSIBLE (list_row),
                                                       GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
          g_assert_nonnull (actual);
          g_assert_true (g_str_has_prefix (actual, expected));
          g_assert_nonnull (strstr (actual, "Themes: "));
          found = TRUE;
        }
      g_clear_object (&item);
    }
  g_assert_true (found);
}

/* Actions that need a selection are off without one. */
static void
test_actions_enabled (Fixture       *f,
                      gconstpointer  data)
{
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (template_widget (f, "items_view")))),
                                     GTK_INVALID_LIST_POSITION);
  g_assert_null (chorus_question_page_get_selected_item (f->page));
  g_assert_false (gtk_widget_is_sensitive (template_widget (f, "add_button")) == FALSE);
  select_first (f);
  g_assert_nonnull (chorus_question_page_get_selected_item (f->page));
}

/* The answer typed beside the input reaches the project as one undoable step; the status and
 * the save commit what is still being typed. */
static void
test_draft_answer_and_status (Fixture       *f,
                              gconstpointer  data)
{
  ChorusDraftPane *pane = f->window->draft_pane;
  GtkTextBuffer *buffer = chorus_draft_text_get_buffer (pane->answer_text);
  ChorusDraft *answer = chorus_project_get_answer (f->project, QUESTION);
  g_autofree char *old_text = g_strdup (answer ? chorus_draft_get_text (answer) : "");
  ChorusDraftStatus old_status = chorus_project_get_answer_status (f->project, QUESTION);
  ChorusDraftStatus new_status = old_status == CHORUS_DRAFT_STATUS_FINAL
                                 ? CHORUS_DRAFT_STATUS_IN_REVIEW : CHORUS_DRAFT_STATUS_FINAL;

  /* The pane shows the example's answer. */
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, old_text);
  }

  /* A burst of typing, then the window asks editors to commit (as before a save). */
  gtk_text_buffer_set_text (buffer, "We", -1);
  gtk_text_buffer_set_text (buffer, "We agree", -1);
  gtk_text_buffer_set_text (buffer, "We agree with the principles.", -1);
  g_signal_emit_by_name (f->window, "commit-edits");
  answer = chorus_project_get_answer (f->project, QUESTION);
  g_assert_cmpstr (chorus_draft_get_text (answer), ==, "We agree with the principles.");

  /* The status drop-down: one step, after the text. */
  adw_combo_row_set_selected (pane->status_row, new_status);
  g_assert_cmpint (chorus_project_get_answer_status (f->project, QUESTION), ==, new_status);

  chorus_project_undo (f->project);
  g_assert_cmpint (chorus_project_get_answer_status (f->project, QUESTION), ==, old_status);
  g_assert_cmpuint (adw_combo_row_get_selected (pane->status_row), ==,
                    old_status);
  chorus_project_undo (f->project);
  g_assert_cmpstr (chorus_draft_get_text (chorus_project_get_answer (f->project, QUESTION)), ==,
                   old_text);
  {
    GtkTextIter start, end;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, old_text);
  }

  /* Typing, then going to another question: nothing is lost. */
  gtk_text_buffer_set_text (buffer, "Written, then left.", -1);
  g_assert_true (chorus_window_select_question (f->window, "t-q1"));
  g_assert_cmpstr (chorus_draft_get_text (chorus_project_get_answer (f->project, QUESTION)), ==,
                   "Written, then left.");
}

/* How many widgets under @widget, shown or not, trigger @action. */
static guint
count_actionables (GtkWidget  *widget,
                   const char *action)
{
  guint n = GTK_IS_ACTIONABLE (widget) &&
            g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_actionables (child, action);

  return n;
}

/* The question page says each thing once: the answer's status and a single-choice question's
 * options are the draft pane's alone, and an empty question offers one "Add Input" and no
 * filters. */
static void
test_question_page_says_it_once (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "patient-led-nhs-essex.consultation.xml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) consultation = chorus_consultation_load_file (path, &error);
  g_autoptr(ChorusProject) project = NULL;
  ChorusWindow *window;
  ChorusQuestion *question;
  GtkWidget *page;
  GtkWidget *pane;

  g_assert_no_error (error);
  project = chorus_project_new (consultation);
  question = chorus_consultation_find_question (consultation, "e-q1");
  g_assert_nonnull (question);
  g_assert_cmpuint (chorus_question_get_n_options (question), >, 0);
  g_assert_cmpuint (chorus_project_get_answer_status (project, "e-q1"), ==,
                    CHORUS_DRAFT_STATUS_NOT_STARTED);

  window = g_object_ref (chorus_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  chorus_window_set_project (window, project);
  g_assert_true (chorus_window_select_question (window, "e-q1"));
  chorus_gui_test_wait_for_draw (GTK_WIDGET (window));
  page = GTK_WIDGET (window->question_page);
  pane = GTK_WIDGET (window->draft_pane);

  g_assert_true (gtk_widget_get_visible (pane));
  g_assert_cmpuint (count_actionables (page, "input.add"), ==, 1);
  for (guint i = 0; i < chorus_question_get_n_options (question); i++)
    {
      const char *label = chorus_question_get_option_label (question, i);

      g_assert_false (chorus_gui_test_has_label (page, label));
      g_assert_true (chorus_gui_test_has_label (pane, label));
    }
  g_assert_false (chorus_gui_test_has_label (page, chorus_draft_status_get_label (CHORUS_DRAFT_STATUS_NOT_STARTED)));

  /* Filters appear once there is something to filter. */
  {
    GtkWidget *filter_bar = GTK_WIDGET (gtk_widget_get_template_child (page, CHORUS_TYPE_QUESTION_PAGE,
                                                                       "filter_bar"));

    g_assert_false (gtk_widget_get_visible (filter_bar));
    chorus_project_add_item (project, "e-q1", NULL, NULL, "Keep the hospital open");
    g_assert_true (gtk_widget_get_visible (filter_bar));
    chorus_project_undo (project);
    g_assert_false (gtk_widget_get_visible (filter_bar));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  chorus_gui_test_flush ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("chorus-test-input-XXXXXX", NULL);

  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chorus_gui_test_load_resources ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/input/filter-by-theme", test_filter_by_theme);
  ADD ("/input/filter-count-and-chart", test_filter_count_and_chart);
  ADD ("/input/add-and-tag-span", test_add_and_tag_span);
  ADD ("/input/actions-undo", test_actions_undo);
  ADD ("/input/actions-enabled", test_actions_enabled);
  ADD ("/input/theme-shortcuts-follow-pane", test_theme_shortcuts_follow_pane);
  ADD ("/input/item-rows-named", test_item_rows_named);
  ADD ("/draft/answer-and-status", test_draft_answer_and_status);
  g_test_add_func ("/input/question-page-says-it-once", test_question_page_says_it_once);
#undef ADD

  return g_test_run ();
}
