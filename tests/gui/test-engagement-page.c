/* test-engagement-page.c — the engagement page on the example response, under Xvfb (suite "gui")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "chorus-activity-dialog-private.h"
#include "chorus-engagement-page-private.h"
#include "chorus-gui-test.h"

typedef struct
{
  ChorusProject        *project;
  GtkWindow            *window;
  ChorusEngagementPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GError) error = NULL;

  fixture->project = chorus_project_load_file (path, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (adw_window_new ());
  g_object_ref (fixture->window);
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->page = CHORUS_ENGAGEMENT_PAGE (chorus_engagement_page_new ());
  chorus_engagement_page_set_project (fixture->page, fixture->project);
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
  chorus_gui_test_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != fixture->window)
      gtk_window_destroy (l->data);

  gtk_window_destroy (fixture->window);
  chorus_gui_test_flush ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->project);
}

static gpointer
find_dialog (GType type)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

      for (GList *l = toplevels; l != NULL; l = l->next)
        if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
          return l->data;

      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_not_reached ();
}

/* With CHORUS_TEST_SCREENSHOTS=DIR, writes what the test shows to DIR/NAME.png to look at. */
static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  const char *dir = g_getenv ("CHORUS_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  int width, height;

  if (dir == NULL)
    return;

  /* Entry rows animate their titles aside as text arrives: let them finish. */
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (20000);
      chorus_gui_test_wait_for_draw (window);
    }

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* The row of @list that stands for @object, or NULL. */
static GtkWidget *
find_row (GtkListBox *list,
          gpointer    object)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT) == object)
      return row;

  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_OBJECT) != NULL;

  return n;
}

static void
test_engagement_page_shows_project (Fixture       *fixture,
                                    gconstpointer  data)
{
  ChorusGroup *partner = chorus_project_find_group (fixture->project, "trafford-council");
  GtkWidget *row;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->page->organisation_row)), ==,
                   "NHS Trafford");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->page->contact_email_row)), ==,
                   "mike.barker@trafford.nhs.uk");
  g_assert_cmpuint (count_rows (fixture->page->groups_list), ==,
                    g_list_model_get_n_items (chorus_project_get_groups (fixture->project)));
  g_assert_cmpuint (count_rows (fixture->page->activities_list), ==,
                    g_list_model_get_n_items (chorus_project_get_activities (fixture->project)));

  row = find_row (fixture->page->groups_list, partner);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Trafford Council");
  g_assert_true (gtk_switch_get_active (g_object_get_data (G_OBJECT (row),
                                                           CHORUS_ENGAGEMENT_ROW_PARTNER)));

  save_screenshot (GTK_WIDGET (fixture->window), "engagement-page");
}

/* A group's name is the user's text, shown as typed even with "&" or "<b>" in it; a group
 * with no input says so in words rather than "0 items of input". */
static void
test_engagement_page_group_name_verbatim (Fixture       *fixture,
                                          gconstpointer  data)
{
  static const char name[] = "Age UK & Carers Trust <b>";
  ChorusGroup *group = chorus_project_add_group (fixture->project, name, TRUE);
  GtkWidget *row;

  chorus_gui_test_flush ();
  row = find_row (fixture->page->groups_list, group);
  g_assert_nonnull (row);
  g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, name);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Partner organisation · No input yet");
}

static void
test_engagement_page_edit_organisation (Fixture       *fixture,
                                        gconstpointer  data)
{
  AdwEntryRow *row = fixture->page->organisation_row;

  gtk_editable_set_text (GTK_EDITABLE (row), "  Trafford Primary Care Trust ");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (chorus_project_get_organisation (fixture->project), ==,
                   "Trafford Primary Care Trust");

  gtk_editable_set_text (GTK_EDITABLE (fixture->page->contact_phone_row), "0161 000 0000");
  g_signal_emit_by_name (fixture->page->contact_phone_row, "apply");
  g_assert_cmpstr (chorus_project_get_contact_phone (fixture->project), ==, "0161 000 0000");

  /* Each field is its own step, and the page follows the undo. */
  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_cmpstr (chorus_project_get_contact_phone (fixture->project), ==, "0161 873 9538");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->page->contact_phone_row)), ==,
                   "0161 873 9538");
  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_cmpstr (chorus_project_get_organisation (fixture->project), ==, "NHS Trafford");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "NHS Trafford");

  /* Applying what is there already is not an edit. */
  g_signal_emit_by_name (row, "apply");
  g_assert_true (chorus_project_can_redo (fixture->project));
}

static void
test_engagement_page_add_group (Fixture       *fixture,
                                gconstpointer  data)
{
  GListModel *groups = chorus_project_get_groups (fixture->project);
  guint n_groups = g_list_model_get_n_items (groups);
  AdwMessageDialog *dialog;
  g_autoptr(ChorusGroup) added = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "engagement.add-group",
                                             NULL));
  dialog = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Patients' forum");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  chorus_gui_test_flush ();

  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, n_groups + 1);
  added = g_list_model_get_item (groups, n_groups);
  g_assert_cmpstr (chorus_group_get_name (added), ==, "Patients' forum");
  g_assert_false (chorus_group_get_partner (added));
  g_assert_nonnull (find_row (fixture->page->groups_list, added));

  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, n_groups);
  g_assert_null (find_row (fixture->page->groups_list, added));
}

static void
test_engagement_page_group_partner_and_name (Fixture       *fixture,
                                             gconstpointer  data)
{
  ChorusGroup *staff = chorus_project_find_group (fixture->project, "staff");
  GtkWidget *row = find_row (fixture->page->groups_list, staff);
  GtkSwitch *partner = g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_PARTNER);
  AdwEntryRow *name_row = g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_NAME);

  g_assert_false (gtk_switch_get_active (partner));
  gtk_switch_set_active (partner, TRUE);
  g_assert_true (chorus_group_get_partner (staff));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Partner"));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "PCT staff");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (chorus_group_get_name (staff), ==, "PCT staff");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "PCT staff");

  /* An empty name is refused and the old one comes back. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  ");
  g_signal_emit_by_name (name_row, "apply");
  g_assert_cmpstr (chorus_group_get_name (staff), ==, "PCT staff");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "PCT staff");

  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_cmpstr (chorus_group_get_name (staff), ==, "Staff");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Staff");
  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_false (chorus_group_get_partner (staff));
  g_assert_false (gtk_switch_get_active (partner));
}

static void
test_engagement_page_edit_activity (Fixture       *fixture,
                                    gconstpointer  data)
{
  ChorusActivity *briefing = chorus_project_find_activity (fixture->project, "staff-briefing");
  GtkWidget *row = find_row (fixture->page->activities_list, briefing);
  ChorusActivityDialog *dialog;

  g_signal_emit_by_name (row, "activated");
  dialog = find_dialog (CHORUS_TYPE_ACTIVITY_DIALOG);
  g_assert_true (chorus_activity_dialog_get_activity (dialog) == briefing);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog->title_row)), ==, "Staff briefing");
  g_assert_cmpuint (adw_combo_row_get_selected (dialog->kind_row), ==,
                    CHORUS_ACTIVITY_KIND_BRIEFING);

  adw_combo_row_set_selected (dialog->kind_row, CHORUS_ACTIVITY_KIND_QUESTION_AND_ANSWER);
  gtk_editable_set_text (GTK_EDITABLE (dialog->title_row), "Staff briefing and Q&A");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (dialog->dates_view),
                            "16 Sep 2010\n23 Sep 2010", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (dialog->involved_view),
                            "All staff, by email", -1);
  gtk_editable_set_text (GTK_EDITABLE (dialog->number_row), "About 120 people");
  save_screenshot (GTK_WIDGET (dialog), "activity-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "activity.apply", NULL));
  chorus_gui_test_flush ();

  g_assert_cmpint (chorus_activity_get_kind (briefing), ==,
                   CHORUS_ACTIVITY_KIND_QUESTION_AND_ANSWER);
  g_assert_cmpstr (chorus_activity_get_title (briefing), ==, "Staff briefing and Q&A");
  g_assert_cmpstr (chorus_activity_get_dates (briefing), ==, "16 Sep 2010\n23 Sep 2010");
  g_assert_cmpstr (chorus_activity_get_involved (briefing), ==, "All staff, by email");
  g_assert_cmpstr (chorus_activity_get_number_involved (briefing), ==, "About 120 people");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Staff briefing and Q&A");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "About 120"));

  /* One step undoes the whole edit. */
  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_cmpint (chorus_activity_get_kind (briefing), ==, CHORUS_ACTIVITY_KIND_BRIEFING);
  g_assert_cmpstr (chorus_activity_get_title (briefing), ==, "Staff briefing");
  g_assert_cmpstr (chorus_activity_get_dates (briefing), ==, "16 sep 10");
  g_assert_cmpstr (chorus_activity_get_number_involved (briefing), ==,
                   "Approximate attendance: 100 people");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Staff briefing");
}

static void
test_engagement_page_add_activity (Fixture       *fixture,
                                   gconstpointer  data)
{
  GListModel *activities = chorus_project_get_activities (fixture->project);
  guint n_activities = g_list_model_get_n_items (activities);
  ChorusActivityDialog *dialog;
  ChorusActivity *added;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page),
                                             "engagement.add-activity", NULL));
  dialog = find_dialog (CHORUS_TYPE_ACTIVITY_DIALOG);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog->apply_button)));

  adw_combo_row_set_selected (dialog->kind_row, CHORUS_ACTIVITY_KIND_WRITTEN_SUBMISSION);
  gtk_editable_set_text (GTK_EDITABLE (dialog->title_row), "Letters from staff");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog->apply_button)));
  /* The dialog closes itself once applied: hold it to ask what it made. */
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "activity.apply", NULL));
  chorus_gui_test_flush ();

  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, n_activities + 1);
  added = chorus_activity_dialog_get_activity (dialog);
  g_assert_finalize_object (dialog);
  g_assert_nonnull (added);
  g_assert_cmpint (chorus_activity_get_kind (added), ==, CHORUS_ACTIVITY_KIND_WRITTEN_SUBMISSION);
  g_assert_null (chorus_activity_get_dates (added));
  g_assert_nonnull (find_row (fixture->page->activities_list, added));

  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_cmpuint (g_list_model_get_n_items (activities), ==, n_activities);
}

static void
test_engagement_page_delete_group_reassign (Fixture       *fixture,
                                            gconstpointer  data)
{
  ChorusGroup *staff = chorus_project_find_group (fixture->project, "staff");
  ChorusGroup *council = chorus_project_find_group (fixture->project, "trafford-council");
  guint n_staff = chorus_stats_count_group (chorus_project_get_stats (fixture->project), "staff");
  guint n_council = chorus_stats_count_group (chorus_project_get_stats (fixture->project),
                                              "trafford-council");
  g_autofree char *expected = g_strdup_printf ("%u items of input belong to this group", n_staff);
  GtkWidget *row = find_row (fixture->page->groups_list, staff);
  AdwMessageDialog *dialog;
  GtkDropDown *drop_down;

  g_assert_cmpuint (n_staff, >, 1);
  g_object_ref (staff);

  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_DELETE),
                         "clicked");
  dialog = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Staff”?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  save_screenshot (GTK_WIDGET (dialog), "delete-group-dialog");

  /* The only other group is offered as the new home of the input. */
  drop_down = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)), ==, 1);
  gtk_drop_down_set_selected (drop_down, 0);
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  chorus_gui_test_flush ();

  g_assert_null (chorus_project_find_group (fixture->project, "staff"));
  g_assert_null (find_row (fixture->page->groups_list, staff));
  g_assert_cmpuint (chorus_stats_count_group (chorus_project_get_stats (fixture->project),
                                              "trafford-council"), ==, n_staff + n_council);

  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_true (chorus_project_find_group (fixture->project, "staff") == staff);
  g_assert_nonnull (find_row (fixture->page->groups_list, staff));
  g_assert_cmpuint (chorus_stats_count_group (chorus_project_get_stats (fixture->project),
                                              "staff"), ==, n_staff);
  g_assert_cmpuint (chorus_stats_count_group (chorus_project_get_stats (fixture->project),
                                              "trafford-council"), ==, n_council);
  g_object_unref (staff);
  (void) council;
}

static void
test_engagement_page_delete_activity (Fixture       *fixture,
                                      gconstpointer  data)
{
  ChorusActivity *survey = chorus_project_find_activity (fixture->project, "online-staff-survey");
  guint n_items = g_list_model_get_n_items (chorus_project_get_items (fixture->project));
  guint n_uses = chorus_project_count_activity_uses (fixture->project, survey);
  g_autofree char *expected = g_strdup_printf ("%u items of input came through", n_uses);
  GtkWidget *row = find_row (fixture->page->activities_list, survey);
  AdwMessageDialog *dialog;

  g_assert_cmpuint (n_uses, >, 1);
  g_object_ref (survey);

  g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), CHORUS_ENGAGEMENT_ROW_DELETE),
                         "clicked");
  dialog = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  chorus_gui_test_flush ();

  /* Deleted with its input. */
  g_assert_null (chorus_project_find_activity (fixture->project, "online-staff-survey"));
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_items (fixture->project)), ==,
                    n_items - n_uses);

  g_assert_true (chorus_project_undo (fixture->project));
  g_assert_true (chorus_project_find_activity (fixture->project, "online-staff-survey") == survey);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_items (fixture->project)), ==,
                    n_items);
  g_assert_nonnull (find_row (fixture->page->activities_list, survey));
  g_object_unref (survey);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  chorus_gui_test_load_resources ();

#define ADD(path, func) \
  g_test_add ("/engagement-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("shows-project", test_engagement_page_shows_project);
  ADD ("edit-organisation", test_engagement_page_edit_organisation);
  ADD ("group-name-verbatim", test_engagement_page_group_name_verbatim);
  ADD ("add-group", test_engagement_page_add_group);
  ADD ("group-partner-and-name", test_engagement_page_group_partner_and_name);
  ADD ("edit-activity", test_engagement_page_edit_activity);
  ADD ("add-activity", test_engagement_page_add_activity);
  ADD ("delete-group-reassign", test_engagement_page_delete_group_reassign);
  ADD ("delete-activity", test_engagement_page_delete_activity);

  return g_test_run ();
}
