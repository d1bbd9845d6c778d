/* chorus-question-page.c — the content area for one question
 *
 * The question as the consultation asks it (number, text, reference) above the input gathered
 * for it. Its answer (status, chosen option, text) is the draft pane's, beside this page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "chorus-gui-util.h"
#include "chorus-item-editor.h"
#include "chorus-item-row.h"
#include "chorus-question-page.h"
#include "chorus-theme-menu.h"

struct _ChorusQuestionPage
{
  GtkWidget           parent_instance;

  ChorusProject      *project;
  ChorusQuestion     *question;

  /* project items -> filter (this question and the filter bar) -> selection -> list view */
  ChorusItemFilter   *item_filter;
  /* The question's own items, kept in project order: the filter bar then refilters a few
   * thousand items, not every item of a 100,000-item response. */
  GListStore         *question_items;
  GtkCustomFilter    *items_filter;
  GtkFilterListModel *items_model;
  GtkSingleSelection *selection;
  /* Set while the filter bar is filled from the filter, so that doing so is not a choice. */
  gboolean            updating_filter_bar;
  /* Set while the dropdowns' lists are rebuilt. */
  gboolean            rebuilding_choices;
  GSettings          *settings;
  /* Showing the input behind a chart's bar across every question, not one question's. */
  gboolean            all_questions;

  GtkLabel           *context_label;
  GtkLabel           *number_label;
  GtkLabel           *text_label;
  GtkLabel           *reference_label;
  GtkLabel           *count_label;
  GtkButton          *add_button;
  GtkFlowBox         *filter_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *group_dropdown;
  GtkDropDown        *activity_dropdown;
  GtkDropDown        *theme_dropdown;
  GtkDropDown        *stance_dropdown;
  GtkButton          *clear_button;
  GtkStack           *items_stack;
  GtkScrolledWindow  *items_scroller;
  GtkListView        *items_view;
};

G_DEFINE_FINAL_TYPE (ChorusQuestionPage, chorus_question_page, GTK_TYPE_WIDGET)

static void chorus_question_page_update_base_model (ChorusQuestionPage *self);

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_QUESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
chorus_question_page_filter_item_cb (gpointer item,
                                     gpointer user_data)
{
  ChorusQuestionPage *self = user_data;

  if ((self->question == NULL && !self->all_questions) || self->item_filter == NULL)
    return FALSE;

  return chorus_item_filter_matches (self->item_filter, item);
}

static void
chorus_question_page_update_count (ChorusQuestionPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items_model));
  guint n_total = 0;
  gboolean filtered = self->item_filter != NULL &&
                      !chorus_item_filter_is_unfiltered (self->item_filter);
  g_autofree char *count = NULL;

  if (self->project != NULL && self->question != NULL)
    n_total = chorus_stats_count_question (chorus_project_get_stats (self->project),
                                           chorus_question_get_id (self->question));
  else if (self->project != NULL && self->all_questions)
    n_total = chorus_stats_get_n_items (chorus_project_get_stats (self->project));

  if (filtered)
    /* Translators: input items shown by the filters, of all under the question: "12 of 48" */
    count = g_strdup_printf (ngettext ("%u of %u item", "%u of %u items", n_total),
                             n_items, n_total);
  else
    /* Translators: the number of input items under a question */
    count = g_strdup_printf (ngettext ("%u item", "%u items", n_items), n_items);

  gtk_label_set_label (self->count_label, count);
  /* Nothing to filter under a question without input: the empty state says what to do. */
  gtk_widget_set_visible (GTK_WIDGET (self->filter_bar), n_total > 0 || filtered);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), filtered);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "input.clear-filters", filtered);

  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->items_stack, "items");
  else
    gtk_stack_set_visible_child_name (self->items_stack, filtered ? "no-match" : "empty");
}

static void
chorus_question_page_update_question (ChorusQuestionPage *self)
{
  ChorusQuestion *question = self->question;
  g_autofree char *context = NULL;
  const char *reference = NULL;

  if (question != NULL)
    {
      ChorusSection *section = chorus_question_get_section (question);
      ChorusDocument *document = section ? chorus_section_get_document (section) : NULL;

      if (section != NULL && document != NULL)
        /* Translators: where a question sits: "document title › section title" */
        context = g_strdup_printf (_("%s › %s"),
                                   chorus_document_get_title (document),
                                   chorus_section_get_title (section));
      else if (section != NULL)
        context = g_strdup (chorus_section_get_title (section));

      reference = chorus_question_get_reference (question);
    }

  if (question == NULL && self->all_questions)
    {
      context = g_strdup (_("From the dashboard"));
      gtk_label_set_label (self->number_label, _("All Questions"));
      gtk_label_set_label (self->text_label,
                           _("The input behind the chart you chose, from every question it "
                             "came from. Choose a question in the outline to go back to it."));
    }
  else
    {
      gtk_label_set_label (self->number_label,
                           question ? chorus_question_get_number (question) : "");
      gtk_label_set_label (self->text_label, question ? chorus_question_get_text (question) : "");
    }
  gtk_label_set_label (self->context_label, context ? context : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->context_label), context);
  gtk_label_set_label (self->reference_label, reference ? reference : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reference_label),
                          reference != NULL && *reference != '\0');

}

/* The filter bar ------------------------------------------------------------------------------ */

static void
chorus_question_page_item_filter_changed_cb (ChorusQuestionPage *self,
                                             int                 change,
                                             ChorusItemFilter   *filter);

/* Position in @model of the object whose id is @id, or GTK_INVALID_LIST_POSITION. */
static guint
find_position_by_id (GListModel  *model,
                     const char  *id,
                     const char *(*get_id) (gpointer))
{
  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (g_strcmp0 (get_id (object), id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static const char *
group_id_of (gpointer object)
{
  return chorus_group_get_id (object);
}

static const char *
activity_id_of (gpointer object)
{
  return chorus_activity_get_id (object);
}

static const char *
theme_id_of (gpointer object)
{
  return chorus_theme_get_id (object);
}

/* Shows the filter's criteria in the bar: after Escape, or a click on a chart. */
static void
chorus_question_page_update_filter_bar (ChorusQuestionPage *self)
{
  guint position;
  const char *text;

  if (self->project == NULL || self->item_filter == NULL)
    return;

  self->updating_filter_bar = TRUE;

  position = find_position_by_id (chorus_project_get_groups (self->project),
                                  chorus_item_filter_get_group_id (self->item_filter), group_id_of);
  gtk_drop_down_set_selected (self->group_dropdown,
                              position == GTK_INVALID_LIST_POSITION ? 0 : position + 1);
  position = find_position_by_id (chorus_project_get_activities (self->project),
                                  chorus_item_filter_get_activity_id (self->item_filter),
                                  activity_id_of);
  gtk_drop_down_set_selected (self->activity_dropdown,
                              position == GTK_INVALID_LIST_POSITION ? 0 : position + 1);
  position = find_position_by_id (G_LIST_MODEL (chorus_project_get_codebook (self->project)),
                                  chorus_item_filter_get_theme_id (self->item_filter), theme_id_of);
  gtk_drop_down_set_selected (self->theme_dropdown,
                              position == GTK_INVALID_LIST_POSITION ? 0 : position + 1);
  gtk_drop_down_set_selected (self->stance_dropdown,
                              chorus_item_filter_get_stance (self->item_filter) ==
                                CHORUS_ITEM_FILTER_ANY_STANCE
                              ? 0 : (guint) chorus_item_filter_get_stance (self->item_filter) + 1);

  /* The entry keeps what the user typed, spaces and all, while it means the same search. */
  text = chorus_item_filter_get_text (self->item_filter);
  {
    g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

    if (g_strcmp0 (text != NULL ? text : "", typed) != 0)
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  }

  self->updating_filter_bar = FALSE;
}

/* The dropdowns' lists: "All groups", then the project's groups, and so on. */
static void
chorus_question_page_rebuild_choices (ChorusQuestionPage *self)
{
  g_autoptr(GtkStringList) groups = gtk_string_list_new ((const char *[]) { _("All Groups"), NULL });
  g_autoptr(GtkStringList) activities = gtk_string_list_new ((const char *[]) { _("All Activities"), NULL });
  g_autoptr(GtkStringList) themes = gtk_string_list_new ((const char *[]) { _("All Themes"), NULL });
  g_autoptr(GtkStringList) stances = gtk_string_list_new ((const char *[]) { _("Any Stance"), NULL });

  if (self->project != NULL)
    {
      GListModel *list = chorus_project_get_groups (self->project);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(ChorusGroup) group = g_list_model_get_item (list, i);

          gtk_string_list_append (groups, chorus_group_get_name (group));
        }

      list = chorus_project_get_activities (self->project);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(ChorusActivity) activity = g_list_model_get_item (list, i);

          gtk_string_list_append (activities, chorus_activity_get_title (activity));
        }

      list = G_LIST_MODEL (chorus_project_get_codebook (self->project));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(ChorusTheme) theme = g_list_model_get_item (list, i);

          gtk_string_list_append (themes, chorus_theme_get_name (theme));
        }
    }

  for (ChorusStance stance = 0; stance < CHORUS_N_STANCES; stance++)
    gtk_string_list_append (stances, chorus_stance_get_label (stance));

  self->rebuilding_choices = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));
  gtk_drop_down_set_model (self->activity_dropdown, G_LIST_MODEL (activities));
  gtk_drop_down_set_model (self->theme_dropdown, G_LIST_MODEL (themes));
  gtk_drop_down_set_model (self->stance_dropdown, G_LIST_MODEL (stances));
  self->rebuilding_choices = FALSE;

  chorus_question_page_update_filter_bar (self);
}

static void
chorus_question_page_dropdown_changed_cb (ChorusQuestionPage *self,
                                          GParamSpec         *pspec,
                                          GtkDropDown        *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GObject) object = NULL;

  if (self->updating_filter_bar || self->rebuilding_choices || self->item_filter == NULL ||
      selected == GTK_INVALID_LIST_POSITION)
    return;

  if (dropdown == self->stance_dropdown)
    {
      chorus_item_filter_set_stance (self->item_filter,
                                     selected == 0 ? CHORUS_ITEM_FILTER_ANY_STANCE
                                                   : (ChorusStance) (selected - 1));
      return;
    }

  if (dropdown == self->group_dropdown)
    {
      if (selected > 0)
        object = g_list_model_get_item (chorus_project_get_groups (self->project), selected - 1);
      chorus_item_filter_set_group_id (self->item_filter,
                                       object ? chorus_group_get_id (CHORUS_GROUP (object)) : NULL);
    }
  else if (dropdown == self->activity_dropdown)
    {
      if (selected > 0)
        object = g_list_model_get_item (chorus_project_get_activities (self->project), selected - 1);
      chorus_item_filter_set_activity_id (self->item_filter,
                                          object ? chorus_activity_get_id (CHORUS_ACTIVITY (object)) : NULL);
    }
  else if (dropdown == self->theme_dropdown)
    {
      if (selected > 0)
        object = g_list_model_get_item (G_LIST_MODEL (chorus_project_get_codebook (self->project)),
                                        selected - 1);
      chorus_item_filter_set_theme_id (self->item_filter,
                                       object ? chorus_theme_get_id (CHORUS_THEME (object)) : NULL);
    }
}

static void
chorus_question_page_search_changed_cb (ChorusQuestionPage *self,
                                        GtkSearchEntry     *entry)
{
  if (self->updating_filter_bar || self->item_filter == NULL)
    return;

  chorus_item_filter_set_text (self->item_filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
chorus_question_page_item_filter_changed_cb (ChorusQuestionPage *self,
                                             int                 change,
                                             ChorusItemFilter   *filter)
{
  static const GtkFilterChange changes[] = {
    [CHORUS_ITEM_FILTER_CHANGE_DIFFERENT] = GTK_FILTER_CHANGE_DIFFERENT,
    [CHORUS_ITEM_FILTER_CHANGE_LESS_STRICT] = GTK_FILTER_CHANGE_LESS_STRICT,
    [CHORUS_ITEM_FILTER_CHANGE_MORE_STRICT] = GTK_FILTER_CHANGE_MORE_STRICT,
  };

  /* Narrowing re-checks only what is shown: at 100,000 items that is the difference between
   * a keystroke that lags and one that does not. */
  gtk_filter_changed (GTK_FILTER (self->items_filter),
                      change >= 0 && change < (int) G_N_ELEMENTS (changes)
                        ? changes[change] : GTK_FILTER_CHANGE_DIFFERENT);
  chorus_question_page_update_filter_bar (self);
  chorus_question_page_update_count (self);
}

static void chorus_question_page_update_actions (ChorusQuestionPage *self);

void
chorus_question_page_show_hit (ChorusQuestionPage   *self,
                               const ChorusChartHit *hit)
{
  g_return_if_fail (CHORUS_IS_QUESTION_PAGE (self));
  g_return_if_fail (hit != NULL);

  if (self->item_filter == NULL)
    return;

  /* A bar for one question is that question's input; any other bar spans the consultation. */
  if (!(hit->fields & CHORUS_CHART_HIT_QUESTION))
    {
      self->all_questions = TRUE;
      g_clear_object (&self->question);
      chorus_question_page_update_question (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
    }

  chorus_question_page_update_base_model (self);
  chorus_item_filter_set_from_hit (self->item_filter, hit);
  gtk_filter_changed (GTK_FILTER (self->items_filter), GTK_FILTER_CHANGE_DIFFERENT);
  chorus_question_page_update_count (self);
  chorus_question_page_update_actions (self);
}

ChorusItemFilter *
chorus_question_page_get_filter (ChorusQuestionPage *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION_PAGE (self), NULL);
  return self->item_filter;
}

void
chorus_question_page_clear_filters (ChorusQuestionPage *self)
{
  g_return_if_fail (CHORUS_IS_QUESTION_PAGE (self));

  if (self->item_filter != NULL)
    chorus_item_filter_clear (self->item_filter);
}

static void
chorus_question_page_clear_filters_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  chorus_question_page_clear_filters (CHORUS_QUESTION_PAGE (widget));
}

/* The selected item and what to do with it ---------------------------------------------------- */

ChorusItem *
chorus_question_page_get_selected_item (ChorusQuestionPage *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION_PAGE (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

void
chorus_question_page_select_item (ChorusQuestionPage *self,
                                  ChorusItem         *item)
{
  GListModel *model = G_LIST_MODEL (self->items_model);

  g_return_if_fail (CHORUS_IS_QUESTION_PAGE (self));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChorusItem) shown = g_list_model_get_item (model, i);

      if (shown == item)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->items_view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

static void
chorus_question_page_update_actions (ChorusQuestionPage *self)
{
  gboolean has_question = self->project != NULL && self->question != NULL;
  gboolean has_item = has_question && chorus_question_page_get_selected_item (self) != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "input.add", has_question);
  gtk_widget_action_set_enabled (widget, "input.paste", has_question);
  gtk_widget_action_set_enabled (widget, "input.edit", has_item);
  gtk_widget_action_set_enabled (widget, "input.delete", has_item);
  gtk_widget_action_set_enabled (widget, "input.duplicate", has_item);
  gtk_widget_action_set_enabled (widget, "input.move", has_item);
  gtk_widget_action_set_enabled (widget, "input.stance", has_item);
  gtk_widget_action_set_enabled (widget, "input.theme", has_item);
  gtk_widget_action_set_enabled (widget, "input.theme-shortcut", has_item);
}

static void
chorus_question_page_selection_changed_cb (ChorusQuestionPage *self)
{
  chorus_question_page_update_actions (self);
}

static void
chorus_question_page_toast (ChorusQuestionPage *self,
                            const char         *title,
                            gboolean            offer_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = chorus_toast_new_text (title);
  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Where new input goes: the preference if the response has that group or activity (by name or
 * id), else what the filter bar shows, else the first there is. */
static gpointer
chorus_question_page_default_of (ChorusQuestionPage *self,
                                 GListModel         *list,
                                 const char         *setting,
                                 const char         *filtered_id,
                                 const char        *(*get_id) (gpointer),
                                 const char        *(*get_name) (gpointer))
{
  g_autofree char *wanted = self->settings ? g_settings_get_string (self->settings, setting) : NULL;
  guint n = g_list_model_get_n_items (list);

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *key = pass == 0 ? wanted : filtered_id;

      for (guint i = 0; key != NULL && *key != '\0' && i < n; i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (list, i);

          if (g_strcmp0 (get_id (object), key) == 0 ||
              (pass == 0 && g_utf8_collate (get_name (object), key) == 0))
            return object;
        }
    }

  if (n > 0)
    {
      g_autoptr(GObject) first = g_list_model_get_item (list, 0);

      return first;
    }

  return NULL;
}

static const char *
group_name_of (gpointer object)
{
  return chorus_group_get_name (object);
}

static const char *
activity_name_of (gpointer object)
{
  return chorus_activity_get_title (object);
}

static ChorusItem *
chorus_question_page_add_item (ChorusQuestionPage *self,
                               const char         *text)
{
  ChorusGroup *group;
  ChorusActivity *activity;

  group = chorus_question_page_default_of (self, chorus_project_get_groups (self->project),
                                           "default-group",
                                           chorus_item_filter_get_group_id (self->item_filter),
                                           group_id_of, group_name_of);
  activity = chorus_question_page_default_of (self, chorus_project_get_activities (self->project),
                                              "default-activity",
                                              chorus_item_filter_get_activity_id (self->item_filter),
                                              activity_id_of, activity_name_of);

  return chorus_project_add_item (self->project, chorus_question_get_id (self->question),
                                  group, activity, text);
}

void
chorus_question_page_edit_item (ChorusQuestionPage *self,
                                ChorusItem         *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  g_return_if_fail (CHORUS_IS_QUESTION_PAGE (self));

  /* The editor knows a new item by its empty text: left empty, it is removed again. */
  editor = chorus_item_editor_new (self->project, item);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
chorus_question_page_add_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (widget);
  ChorusItem *item;

  if (self->project == NULL || self->question == NULL)
    return;

  item = chorus_question_page_add_item (self, "");
  chorus_question_page_select_item (self, item);
  chorus_question_page_edit_item (self, item);
}

static void
chorus_question_page_edit_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (widget);
  ChorusItem *item = chorus_question_page_get_selected_item (self);

  if (item != NULL)
    chorus_question_page_edit_item (self, item);
}

static void
chorus_question_page_delete_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (widget);
  ChorusItem *item = chorus_question_page_get_selected_item (self);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (item == NULL)
    return;

  chorus_project_remove_item (self->project, item);
  chorus_question_page_toast (self, _("Input deleted"), TRUE);

  /* Keep going down the list with the keyboard. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->items_model)) > 0)
    gtk_single_selection_set_selected (self->selection,
                                       MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->items_model)) - 1));
}

static void
chorus_question_page_duplicate_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (widget);
  ChorusItem *item = chorus_question_page_get_selected_item (self);

  if (item != NULL)
    chorus_question_page_select_item (self, chorus_project_duplicate_item (self->project, item));
}

static void
chorus_question_page_stance_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (widget);
  ChorusItem *item = chorus_question_page_get_selected_item (self);
  ChorusStance stance;

  if (item != NULL && chorus_stance_from_string (g_variant_get_string (parameter, NULL), &stance) &&
      stance != chorus_item_get_stance (item))
    chorus_project_set_item_stance (self->project, item, stance);
}

static void
chorus_question_page_toggle_theme (ChorusQuestionPage *self,
                                   ChorusTheme        *theme)
{
  ChorusItem *item = chorus_question_page_get_selected_item (self);
  g_autofree char *message = NULL;

  if (item == NULL || theme == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (chorus_toggle_whole_item_theme (self->project, item, theme))
    /* Translators: %s is a theme's name */
    message = g_strdup_printf (_("Coded “%s”"), chorus_theme_get_name (theme));
  else
    /* Translators: %s is a theme's name */
    message = g_strdup_printf (_("Removed “%s”"), chorus_theme_get_name (theme));

  chorus_question_page_toast (self, message, FALSE);
}

static void
chorus_question_page_theme_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (widget);

  chorus_question_page_toggle_theme (self,
                                     chorus_codebook_find_theme (chorus_project_get_codebook (self->project),
                                                                 g_variant_get_string (parameter, NULL)));
}

static void
chorus_question_page_theme_shortcut_action (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (widget);

  chorus_question_page_toggle_theme (self,
                                     chorus_codebook_get_theme_at (self->project,
                                                                   (guint) g_variant_get_int32 (parameter)));
}

/* Pasting several lines ---------------------------------------------------------------------- */

/* A pasted line without its bullet or number: "• Parking", "- Parking", "3. Parking",
 * "(b) Parking" all give "Parking". */
static char *
strip_bullet (const char *line)
{
  const char *p = line;

  while (g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  if (g_str_has_prefix (p, "•") || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—") ||
      *p == '-' || *p == '*' || *p == '+')
    p = g_utf8_next_char (p);
  else
    {
      const char *q = p;

      if (*q == '(')
        q++;
      while (g_ascii_isdigit (*q) || (q > p && g_ascii_isalpha (*q) && q - p < 2))
        q++;
      if (q > p && (*q == '.' || *q == ')') && g_ascii_isspace (q[1]))
        p = q + 1;
    }

  return g_strstrip (g_strdup (p));
}

guint
chorus_question_page_paste_text (ChorusQuestionPage *self,
                                 const char         *text)
{
  g_auto(GStrv) lines = NULL;
  guint n_added = 0;

  g_return_val_if_fail (CHORUS_IS_QUESTION_PAGE (self), 0);

  if (self->project == NULL || self->question == NULL || text == NULL)
    return 0;

  lines = g_strsplit_set (text, "\r\n", -1);
  chorus_project_begin_group (self->project, _("Paste Input"));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = strip_bullet (lines[i]);

      if (*line == '\0')
        continue;
      chorus_question_page_add_item (self, line);
      n_added++;
    }
  chorus_project_end_group (self->project);

  if (n_added > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("%u item of input added",
                                                            "%u items of input added", n_added),
                                                  n_added);

      chorus_question_page_toast (self, message, TRUE);
    }

  return n_added;
}

static void
chorus_question_page_paste_cb (GObject      *source,
                               GAsyncResult *result,
                               gpointer      user_data)
{
  g_autoptr(ChorusQuestionPage) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (text == NULL || chorus_question_page_paste_text (self, text) == 0)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
chorus_question_page_paste_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 chorus_question_page_paste_cb, g_object_ref (widget));
}

/* Moving to another question ----------------------------------------------------------------- */

static void
chorus_question_page_move_response_cb (ChorusQuestionPage *self,
                                       const char         *response,
                                       AdwMessageDialog   *dialog)
{
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "questions");
  ChorusItem *item = g_object_get_data (G_OBJECT (dialog), "item");
  GListModel *questions;
  g_autoptr(ChorusQuestion) question = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "move") != 0 || self->project == NULL ||
      chorus_project_find_item (self->project, chorus_item_get_id (item)) == NULL)
    return;

  questions = chorus_consultation_get_questions (chorus_project_get_consultation (self->project));
  question = g_list_model_get_item (questions, gtk_drop_down_get_selected (dropdown));
  if (question == NULL || g_strcmp0 (chorus_question_get_id (question),
                                     chorus_item_get_question_id (item)) == 0)
    return;

  chorus_project_set_item_question (self->project, item, chorus_question_get_id (question));
  /* Translators: %s is a question number */
  message = g_strdup_printf (_("Input moved to %s"), chorus_question_get_number (question));
  chorus_question_page_toast (self, message, TRUE);
}

static void
chorus_question_page_move_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (widget);
  ChorusItem *item = chorus_question_page_get_selected_item (self);
  GListModel *questions;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;
  guint current = 0;

  if (item == NULL)
    return;

  questions = chorus_consultation_get_questions (chorus_project_get_consultation (self->project));
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);
      ChorusSection *section = chorus_question_get_section (question);
      ChorusDocument *document = section ? chorus_section_get_document (section) : NULL;
      /* Translators: a question in a list: its number, its text and its document */
      g_autofree char *label = g_strdup_printf (_("%s %s (%s)"), chorus_question_get_number (question),
                                                chorus_question_get_text (question),
                                                document ? chorus_document_get_title (document) : "");

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (chorus_question_get_id (question), chorus_item_get_question_id (item)) == 0)
        current = i;
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The question to move the input to"), -1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Move Input to Another Question"),
                                                       _("Its themes, stance and group go with it.")));
  adw_message_dialog_set_extra_child (dialog, dropdown);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "move");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "questions", dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (chorus_question_page_move_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The context menu -------------------------------------------------------------------------- */

static GMenuModel *
chorus_question_page_build_item_menu (ChorusQuestionPage *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) code = g_menu_new ();
  g_autoptr(GMenu) stances = g_menu_new ();
  g_autoptr(GMenu) themes = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  chorus_theme_menu_fill (themes, self->project, "input.theme");
  g_menu_append (edit, _("_Edit and Tag…"), "input.edit");
  g_menu_append (edit, _("D_uplicate"), "input.duplicate");
  g_menu_append (edit, _("_Move to Question…"), "input.move");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  for (ChorusStance stance = 0; stance < CHORUS_N_STANCES; stance++)
    {
      g_autoptr(GMenuItem) entry = g_menu_item_new (chorus_stance_get_label (stance), NULL);

      g_menu_item_set_action_and_target (entry, "input.stance", "s", chorus_stance_to_string (stance));
      g_menu_append_item (stances, entry);
    }
  g_menu_append_submenu (code, _("_Stance"), G_MENU_MODEL (stances));
  g_menu_append_submenu (code, _("_Theme"), G_MENU_MODEL (themes));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (code));

  g_menu_append (remove, _("_Delete"), "input.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

static void
chorus_question_page_row_pressed_cb (GtkGestureClick *gesture,
                                     int              n_press,
                                     double           x,
                                     double           y,
                                     GtkListItem     *list_item)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (gtk_widget_get_ancestor (row, CHORUS_TYPE_QUESTION_PAGE));
  g_autoptr(GMenuModel) model = NULL;
  GtkWidget *popover;

  if (self == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));
  model = chorus_question_page_build_item_menu (self);
  popover = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (popover, row);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  /* The popover is the row's until it closes. */
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
chorus_question_page_activate_cb (ChorusQuestionPage *self,
                                  guint               position,
                                  GtkListView        *view)
{
  g_autoptr(ChorusItem) item = g_list_model_get_item (G_LIST_MODEL (self->items_model), position);

  if (item != NULL)
    chorus_question_page_edit_item (self, item);
}

static void
chorus_question_page_choices_changed_cb (ChorusQuestionPage *self)
{
  chorus_question_page_rebuild_choices (self);
}

static void
chorus_question_page_project_changed_cb (ChorusQuestionPage *self,
                                         ChorusProject      *project)
{
  /* An edit may have added, removed or moved items, or changed what the filters look at,
   * which a GtkCustomFilter cannot see by itself. */
  chorus_question_page_update_base_model (self);
  gtk_filter_changed (GTK_FILTER (self->items_filter), GTK_FILTER_CHANGE_DIFFERENT);
  chorus_question_page_update_count (self);
  chorus_question_page_update_actions (self);
}

static void
chorus_question_page_items_changed_cb (ChorusQuestionPage *self,
                                       guint               position,
                                       guint               removed,
                                       guint               added,
                                       GListModel         *model)
{
  chorus_question_page_update_count (self);
}

static void
chorus_question_page_setup_item_cb (GtkSignalListItemFactory *factory,
                                    GtkListItem              *list_item,
                                    ChorusQuestionPage       *self)
{
  GtkWidget *row = chorus_item_row_new ();

  /* The row needs the project to turn the item's group and activity ids into names, and a
   * GtkBuilderListItemFactory has no way to reach it: so this one factory is built in code. */
  GtkGesture *context_click = gtk_gesture_click_new ();

  g_object_bind_property (self, "project", row, "project", G_BINDING_SYNC_CREATE);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (context_click), GDK_BUTTON_SECONDARY);
  g_signal_connect (context_click, "pressed",
                    G_CALLBACK (chorus_question_page_row_pressed_cb), list_item);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (context_click));
  gtk_list_item_set_child (list_item, row);
  /* Enter or a double click opens the item in the editor. */
  gtk_list_item_set_activatable (list_item, TRUE);
}

static void
chorus_question_page_bind_item_cb (GtkSignalListItemFactory *factory,
                                   GtkListItem              *list_item,
                                   ChorusQuestionPage       *self)
{
  chorus_item_row_set_item (CHORUS_ITEM_ROW (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item));
}

static void
chorus_question_page_unbind_item_cb (GtkSignalListItemFactory *factory,
                                     GtkListItem              *list_item,
                                     ChorusQuestionPage       *self)
{
  chorus_item_row_set_item (CHORUS_ITEM_ROW (gtk_list_item_get_child (list_item)), NULL);
}

GtkWidget *
chorus_question_page_new (void)
{
  return g_object_new (CHORUS_TYPE_QUESTION_PAGE, NULL);
}

ChorusProject *
chorus_question_page_get_project (ChorusQuestionPage *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION_PAGE (self), NULL);

  return self->project;
}

/* Brings question_items up to date with as small a change as possible, so that an edit
 * elsewhere keeps the list's scroll position and selection. */
static void
chorus_question_page_sync_question_items (ChorusQuestionPage *self)
{
  GListModel *all = self->project != NULL ? chorus_project_get_items (self->project) : NULL;
  GListModel *current = G_LIST_MODEL (self->question_items);
  const char *question_id = self->question != NULL ? chorus_question_get_id (self->question) : NULL;
  g_autoptr(GPtrArray) wanted = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_current = g_list_model_get_n_items (current);
  guint first = 0, last_wanted, last_current;

  for (guint i = 0; all != NULL && question_id != NULL && i < g_list_model_get_n_items (all); i++)
    {
      ChorusItem *item = g_list_model_get_item (all, i);

      if (g_strcmp0 (chorus_item_get_question_id (item), question_id) == 0)
        g_ptr_array_add (wanted, item);
      else
        g_object_unref (item);
    }

  /* The common head and tail stay; only the middle is replaced. */
  while (first < wanted->len && first < n_current)
    {
      g_autoptr(GObject) item = g_list_model_get_item (current, first);

      if (item != g_ptr_array_index (wanted, first))
        break;
      first++;
    }

  last_wanted = wanted->len;
  last_current = n_current;
  while (last_wanted > first && last_current > first)
    {
      g_autoptr(GObject) item = g_list_model_get_item (current, last_current - 1);

      if (item != g_ptr_array_index (wanted, last_wanted - 1))
        break;
      last_wanted--;
      last_current--;
    }

  if (first == last_wanted && first == last_current)
    return;

  g_list_store_splice (self->question_items, first, last_current - first,
                       wanted->pdata + first, last_wanted - first);
}

/* One question's items, or with a chart's bar across questions, every item. */
static void
chorus_question_page_update_base_model (ChorusQuestionPage *self)
{
  GListModel *base = NULL;

  if (self->project != NULL && self->all_questions)
    base = chorus_project_get_items (self->project);
  else if (self->project != NULL)
    {
      chorus_question_page_sync_question_items (self);
      base = G_LIST_MODEL (self->question_items);
    }

  if (gtk_filter_list_model_get_model (self->items_model) != base)
    gtk_filter_list_model_set_model (self->items_model, base);
}

void
chorus_question_page_set_project (ChorusQuestionPage *self,
                                  ChorusProject      *project)
{
  g_return_if_fail (CHORUS_IS_QUESTION_PAGE (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (chorus_project_get_groups (self->project), self);
      g_signal_handlers_disconnect_by_data (chorus_project_get_activities (self->project), self);
      g_signal_handlers_disconnect_by_data (chorus_project_get_codebook (self->project), self);
    }
  if (self->item_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->item_filter, self);
  g_clear_object (&self->item_filter);

  g_set_object (&self->project, project);

  if (project != NULL)
    {
      self->item_filter = chorus_item_filter_new (project);
      g_signal_connect_object (self->item_filter, "changed",
                               G_CALLBACK (chorus_question_page_item_filter_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "changed",
                               G_CALLBACK (chorus_question_page_project_changed_cb),
                               self, G_CONNECT_SWAPPED);
      /* New groups, activities and themes appear in the filter bar at once. */
      g_signal_connect_object (chorus_project_get_groups (project), "items-changed",
                               G_CALLBACK (chorus_question_page_choices_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (chorus_project_get_activities (project), "items-changed",
                               G_CALLBACK (chorus_question_page_choices_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (chorus_project_get_codebook (project), "items-changed",
                               G_CALLBACK (chorus_question_page_choices_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  chorus_question_page_rebuild_choices (self);

  /* A question belongs to one project's consultation. */
  if (self->question != NULL)
    chorus_question_page_set_question (self, NULL);

  g_list_store_remove_all (self->question_items);
  chorus_question_page_update_base_model (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

ChorusQuestion *
chorus_question_page_get_question (ChorusQuestionPage *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION_PAGE (self), NULL);

  return self->question;
}

void
chorus_question_page_set_question (ChorusQuestionPage *self,
                                   ChorusQuestion     *question)
{
  g_return_if_fail (CHORUS_IS_QUESTION_PAGE (self));
  g_return_if_fail (question == NULL || CHORUS_IS_QUESTION (question));

  if (question != NULL)
    self->all_questions = FALSE;

  if (!g_set_object (&self->question, question))
    return;

  chorus_question_page_update_question (self);
  chorus_question_page_update_base_model (self);
  if (self->item_filter != NULL)
    chorus_item_filter_set_question_id (self->item_filter,
                                        question ? chorus_question_get_id (question) : NULL);
  /* Another question's items are a different set, whatever the filter thinks of the change:
   * without a question the page shows nothing, which no filter criterion expresses. */
  gtk_filter_changed (GTK_FILTER (self->items_filter), GTK_FILTER_CHANGE_DIFFERENT);
  chorus_question_page_update_count (self);
  chorus_question_page_update_actions (self);

  /* Start a new question's input at the top, not where the last one was scrolled to. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->items_scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION]);
}

GListModel *
chorus_question_page_get_items (ChorusQuestionPage *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION_PAGE (self), NULL);

  return G_LIST_MODEL (self->items_model);
}

static void
chorus_question_page_dispose (GObject *object)
{
  ChorusQuestionPage *self = (ChorusQuestionPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_QUESTION_PAGE);

  /* The template's top-level box has no id, so dispose_template() leaves it in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (chorus_project_get_groups (self->project), self);
      g_signal_handlers_disconnect_by_data (chorus_project_get_activities (self->project), self);
      g_signal_handlers_disconnect_by_data (chorus_project_get_codebook (self->project), self);
    }
  if (self->item_filter != NULL)
    g_signal_handlers_disconnect_by_data (self->item_filter, self);

  g_clear_object (&self->item_filter);
  g_clear_object (&self->selection);
  g_clear_object (&self->settings);
  g_clear_object (&self->items_model);
  g_clear_object (&self->items_filter);
  g_clear_object (&self->question_items);
  g_clear_object (&self->question);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_question_page_parent_class)->dispose (object);
}

static void
chorus_question_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_QUESTION:
      g_value_set_object (value, self->question);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_question_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChorusQuestionPage *self = CHORUS_QUESTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      chorus_question_page_set_project (self, g_value_get_object (value));
      break;

    case PROP_QUESTION:
      chorus_question_page_set_question (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_question_page_class_init (ChorusQuestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_question_page_dispose;
  object_class->get_property = chorus_question_page_get_property;
  object_class->set_property = chorus_question_page_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION] =
    g_param_spec_object ("question", NULL, NULL, CHORUS_TYPE_QUESTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);


  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-question-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, context_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, text_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, activity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, stance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, items_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, items_scroller);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, items_view);

  gtk_widget_class_install_action (widget_class, "input.add", NULL, chorus_question_page_add_action);
  gtk_widget_class_install_action (widget_class, "input.edit", NULL, chorus_question_page_edit_action);
  gtk_widget_class_install_action (widget_class, "input.delete", NULL,
                                   chorus_question_page_delete_action);
  gtk_widget_class_install_action (widget_class, "input.duplicate", NULL,
                                   chorus_question_page_duplicate_action);
  gtk_widget_class_install_action (widget_class, "input.move", NULL, chorus_question_page_move_action);
  gtk_widget_class_install_action (widget_class, "input.paste", NULL,
                                   chorus_question_page_paste_action);
  gtk_widget_class_install_action (widget_class, "input.stance", "s",
                                   chorus_question_page_stance_action);
  gtk_widget_class_install_action (widget_class, "input.theme", "s",
                                   chorus_question_page_theme_action);
  gtk_widget_class_install_action (widget_class, "input.theme-shortcut", "i",
                                   chorus_question_page_theme_shortcut_action);
  gtk_widget_class_install_action (widget_class, "input.clear-filters", NULL,
                                   chorus_question_page_clear_filters_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "input.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "input.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "input.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "input.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "input.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "input.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "input.clear-filters", NULL);
  for (int i = 0; i < CHORUS_N_THEME_SHORTCUTS; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                           "input.theme-shortcut", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, GDK_CONTROL_MASK,
                                           "input.theme-shortcut", "i", i);
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-question-page");
}

static void
chorus_question_page_init (ChorusQuestionPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items_filter = gtk_custom_filter_new (chorus_question_page_filter_item_cb, self, NULL);
  self->question_items = g_list_store_new (CHORUS_TYPE_ITEM);
  self->items_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->items_filter)));
  g_signal_connect_object (self->items_model, "items-changed",
                           G_CALLBACK (chorus_question_page_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup",
                           G_CALLBACK (chorus_question_page_setup_item_cb), self, 0);
  g_signal_connect_object (factory, "bind",
                           G_CALLBACK (chorus_question_page_bind_item_cb), self, 0);
  g_signal_connect_object (factory, "unbind",
                           G_CALLBACK (chorus_question_page_unbind_item_cb), self, 0);
  gtk_list_view_set_factory (self->items_view, factory);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (chorus_question_page_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->items_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->items_view, "activate",
                           G_CALLBACK (chorus_question_page_activate_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (chorus_question_page_search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_dropdown, "notify::selected",
                           G_CALLBACK (chorus_question_page_dropdown_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->activity_dropdown, "notify::selected",
                           G_CALLBACK (chorus_question_page_dropdown_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->theme_dropdown, "notify::selected",
                           G_CALLBACK (chorus_question_page_dropdown_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stance_dropdown, "notify::selected",
                           G_CALLBACK (chorus_question_page_dropdown_changed_cb),
                           self, G_CONNECT_SWAPPED);

  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;

    if (schema != NULL)
      self->settings = g_settings_new_full (schema, NULL, NULL);
  }

  chorus_question_page_rebuild_choices (self);
  chorus_question_page_update_actions (self);

  chorus_question_page_update_question (self);
  chorus_question_page_update_count (self);
}
