/* chorus-dashboard.c — the page of summary charts
 *
 * The four charts of docs/charts.md, each on a card with a "Show as Table" toggle: what
 * people talked about (themes), who said what (heatmap), whether they agreed (stance) and how
 * far the response is (coverage). A scope menu narrows them to one consultation document; the
 * window passes the input list's group and activity filters. Clicking a bar, segment, cell or
 * count emits "show-items" with exactly the items behind it.
 *
 * The charts follow the project by themselves (ChorusChart listens to it); the views redraw on
 * the chart's "changed" and do their costlier work (description, table) once a frame at most.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-card-grid.h"
#include "chorus-dashboard-private.h"
#include "chorus-resources.h"

G_DEFINE_FINAL_TYPE (ChorusDashboard, chorus_dashboard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

enum {
  SIGNAL_SHOW_ITEMS,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const ChorusChartKind chart_kinds[CHORUS_DASHBOARD_N_CHARTS] = {
  [CHORUS_DASHBOARD_THEMES] = CHORUS_CHART_KIND_THEMES,
  [CHORUS_DASHBOARD_HEATMAP] = CHORUS_CHART_KIND_HEATMAP,
  [CHORUS_DASHBOARD_STANCE] = CHORUS_CHART_KIND_STANCE,
  [CHORUS_DASHBOARD_COVERAGE] = CHORUS_CHART_KIND_COVERAGE,
};

/* g_set_str() arrives in GLib 2.76. */
static gboolean
chorus_dashboard_set_string (char       **field,
                             const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static void
chorus_dashboard_update_scope_label (ChorusDashboard *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *text = NULL;

  if (self->project == NULL)
    {
      gtk_label_set_label (self->scope_label, "");
      return;
    }

  if (self->document_id != NULL)
    {
      ChorusConsultation *consultation = chorus_project_get_consultation (self->project);
      ChorusDocument *document = chorus_consultation_find_document (consultation,
                                                                    self->document_id);

      if (document != NULL)
        g_ptr_array_add (parts, (gpointer) chorus_document_get_title (document));
    }

  if (self->group_id != NULL)
    {
      ChorusGroup *group = chorus_project_find_group (self->project, self->group_id);

      g_ptr_array_add (parts, group != NULL ? (gpointer) chorus_group_get_name (group)
                                            : (gpointer) _("No group"));
    }

  if (self->activity_id != NULL)
    {
      ChorusActivity *activity = chorus_project_find_activity (self->project, self->activity_id);

      g_ptr_array_add (parts, activity != NULL ? (gpointer) chorus_activity_get_title (activity)
                                               : (gpointer) _("No activity"));
    }

  if (parts->len == 0)
    {
      gtk_label_set_label (self->scope_label, _("All input to the whole consultation"));
      return;
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: between the parts of the dashboard's scope: "Staff · Focus group" */
  text = g_strjoinv (_(" · "), (char **) parts->pdata);
  gtk_label_set_label (self->scope_label, text);
}

/* Chart titles follow their options ("Themes by group", "Themes by activity"). */
static void
chorus_dashboard_update_titles (ChorusDashboard *self)
{
  for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
    {
      ChorusChart *chart = self->cards[i].chart;

      gtk_label_set_label (self->cards[i].title, chart != NULL ? chorus_chart_get_title (chart) : "");
    }
}

static void
chorus_dashboard_apply_filters (ChorusDashboard *self)
{
  for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
    {
      ChorusChart *chart = self->cards[i].chart;

      if (chart == NULL)
        continue;

      chorus_chart_set_document_id (chart, self->document_id);
      chorus_chart_set_group_id (chart, self->group_id);
      chorus_chart_set_activity_id (chart, self->activity_id);
    }

  chorus_dashboard_update_scope_label (self);
  chorus_dashboard_update_titles (self);
}

static void
chorus_dashboard_region_activated_cb (ChorusDashboard      *self,
                                      const ChorusChartHit *hit)
{
  g_signal_emit (self, signals[SIGNAL_SHOW_ITEMS], 0, hit);
}

static void
chorus_dashboard_table_toggled_cb (ChorusDashboard *self,
                                   GParamSpec      *pspec,
                                   GtkToggleButton *toggle)
{
  for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
    {
      ChorusDashboardCard *card = &self->cards[i];
      gboolean as_table;

      if (card->table_toggle != toggle)
        continue;

      /* The button keeps its name; its pressed state says which way it is. */
      as_table = gtk_toggle_button_get_active (toggle);
      gtk_stack_set_visible_child_name (card->stack, as_table ? "table" : "chart");
    }
}

static void
chorus_dashboard_stack_by_group_toggled_cb (ChorusDashboard *self,
                                            GParamSpec      *pspec,
                                            GtkToggleButton *toggle)
{
  ChorusChart *chart = self->cards[CHORUS_DASHBOARD_THEMES].chart;

  if (chart != NULL)
    chorus_chart_set_stack_by_group (chart, gtk_toggle_button_get_active (toggle));
  chorus_dashboard_update_titles (self);
}

static void
chorus_dashboard_heatmap_rows_changed_cb (ChorusDashboard *self,
                                          GParamSpec      *pspec,
                                          GtkDropDown     *dropdown)
{
  ChorusChart *chart = self->cards[CHORUS_DASHBOARD_HEATMAP].chart;

  if (chart != NULL)
    chorus_chart_set_heatmap_rows (chart,
                                   gtk_drop_down_get_selected (dropdown) == 1
                                   ? CHORUS_CHART_ROWS_ACTIVITIES
                                   : CHORUS_CHART_ROWS_GROUPS);
  chorus_dashboard_update_titles (self);
}

static void
chorus_dashboard_scope_changed_cb (ChorusDashboard *self,
                                   GParamSpec      *pspec,
                                   GtkDropDown     *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->scope_document_ids == NULL || selected >= self->scope_document_ids->len)
    return;

  chorus_dashboard_set_document_id (self, g_ptr_array_index (self->scope_document_ids, selected));
}

/* The scope menu lists the consultation's documents; a project's consultation is fixed, so
 * this runs when the project is set. */
static void
chorus_dashboard_update_scope_menu (ChorusDashboard *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  GListModel *documents = NULL;
  guint selected = 0;

  g_clear_pointer (&self->scope_document_ids, g_ptr_array_unref);
  self->scope_document_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (titles, _("Whole Consultation"));
  g_ptr_array_add (self->scope_document_ids, NULL);

  if (self->project != NULL)
    documents = chorus_consultation_get_documents (chorus_project_get_consultation (self->project));

  for (guint i = 0; documents != NULL && i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, i);

      gtk_string_list_append (titles, chorus_document_get_title (document));
      g_ptr_array_add (self->scope_document_ids, g_strdup (chorus_document_get_id (document)));
      if (g_strcmp0 (self->document_id, chorus_document_get_id (document)) == 0)
        selected = i + 1;
    }

  /* A document the new project does not have falls back to the whole consultation. */
  if (selected == 0)
    g_clear_pointer (&self->document_id, g_free);

  g_signal_handlers_block_by_func (self->scope_dropdown, chorus_dashboard_scope_changed_cb, self);
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->scope_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->scope_dropdown, chorus_dashboard_scope_changed_cb, self);

  /* One document: the menu would offer nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self->scope_dropdown),
                          self->scope_document_ids->len > 2);
}

GtkWidget *
chorus_dashboard_new (void)
{
  return g_object_new (CHORUS_TYPE_DASHBOARD, NULL);
}

ChorusProject *
chorus_dashboard_get_project (ChorusDashboard *self)
{
  g_return_val_if_fail (CHORUS_IS_DASHBOARD (self), NULL);

  return self->project;
}

void
chorus_dashboard_set_project (ChorusDashboard *self,
                              ChorusProject   *project)
{
  g_return_if_fail (CHORUS_IS_DASHBOARD (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
    {
      ChorusDashboardCard *card = &self->cards[i];

      g_clear_object (&card->chart);

      if (project != NULL)
        {
          card->chart = chorus_chart_new (chart_kinds[i], project);
          /* The card has the title; the chart's own would say it twice. */
          chorus_chart_set_show_title (card->chart, FALSE);
        }

      chorus_chart_view_set_chart (card->view, card->chart);
      chorus_chart_table_view_set_chart (card->table, card->chart);
    }

  if (project != NULL)
    {
      chorus_chart_set_stack_by_group (self->cards[CHORUS_DASHBOARD_THEMES].chart,
                                       gtk_toggle_button_get_active (self->stack_by_group_toggle));
      chorus_dashboard_heatmap_rows_changed_cb (self, NULL, self->heatmap_rows_dropdown);
    }

  chorus_dashboard_update_scope_menu (self);
  chorus_dashboard_apply_filters (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
chorus_dashboard_set_filters (ChorusDashboard *self,
                              const char      *group_id,
                              const char      *activity_id)
{
  g_return_if_fail (CHORUS_IS_DASHBOARD (self));

  /* The input list's "" (items without a group or activity) has no chart equivalent: the
   * charts compare ids, so "" would match nothing. They show everything instead. */
  chorus_dashboard_set_string (&self->group_id,
                               group_id != NULL && *group_id != '\0' ? group_id : NULL);
  chorus_dashboard_set_string (&self->activity_id,
                               activity_id != NULL && *activity_id != '\0' ? activity_id : NULL);
  chorus_dashboard_apply_filters (self);
}

const char *
chorus_dashboard_get_document_id (ChorusDashboard *self)
{
  g_return_val_if_fail (CHORUS_IS_DASHBOARD (self), NULL);

  return self->document_id;
}

void
chorus_dashboard_set_document_id (ChorusDashboard *self,
                                  const char      *document_id)
{
  g_return_if_fail (CHORUS_IS_DASHBOARD (self));

  if (!chorus_dashboard_set_string (&self->document_id, document_id))
    return;

  for (guint i = 0; self->scope_document_ids != NULL && i < self->scope_document_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->scope_document_ids, i), document_id) == 0 &&
        gtk_drop_down_get_selected (self->scope_dropdown) != i)
      gtk_drop_down_set_selected (self->scope_dropdown, i);

  chorus_dashboard_apply_filters (self);
}

static void
chorus_dashboard_dark_changed_cb (ChorusDashboard *self,
                                  GParamSpec      *pspec,
                                  AdwStyleManager *style_manager)
{
  /* The cards take the charts' background in the dark style (see style.css). */
  if (adw_style_manager_get_dark (style_manager))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dark");
}

static void
chorus_dashboard_dispose (GObject *object)
{
  ChorusDashboard *self = CHORUS_DASHBOARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CHORUS_TYPE_DASHBOARD);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  for (guint i = 0; i < CHORUS_DASHBOARD_N_CHARTS; i++)
    g_clear_object (&self->cards[i].chart);
  g_clear_object (&self->project);
  g_clear_pointer (&self->scope_document_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_dashboard_parent_class)->dispose (object);
}

static void
chorus_dashboard_finalize (GObject *object)
{
  ChorusDashboard *self = CHORUS_DASHBOARD (object);

  g_free (self->group_id);
  g_free (self->activity_id);
  g_free (self->document_id);

  G_OBJECT_CLASS (chorus_dashboard_parent_class)->finalize (object);
}

static void
chorus_dashboard_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChorusDashboard *self = CHORUS_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_dashboard_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChorusDashboard *self = CHORUS_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      chorus_dashboard_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_CARD(key, index)                                                                \
  G_STMT_START {                                                                             \
    gtk_widget_class_bind_template_child_full (widget_class, key "_card", FALSE,             \
      G_STRUCT_OFFSET (ChorusDashboard, cards[index].card));                                 \
    gtk_widget_class_bind_template_child_full (widget_class, key "_title", FALSE,            \
      G_STRUCT_OFFSET (ChorusDashboard, cards[index].title));                                \
    gtk_widget_class_bind_template_child_full (widget_class, key "_table_toggle", FALSE,     \
      G_STRUCT_OFFSET (ChorusDashboard, cards[index].table_toggle));                         \
    gtk_widget_class_bind_template_child_full (widget_class, key "_stack", FALSE,            \
      G_STRUCT_OFFSET (ChorusDashboard, cards[index].stack));                                \
    gtk_widget_class_bind_template_child_full (widget_class, key "_view", FALSE,             \
      G_STRUCT_OFFSET (ChorusDashboard, cards[index].view));                                 \
    gtk_widget_class_bind_template_child_full (widget_class, key "_table", FALSE,            \
      G_STRUCT_OFFSET (ChorusDashboard, cards[index].table));                                \
  } G_STMT_END

static void
chorus_dashboard_class_init (ChorusDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_dashboard_dispose;
  object_class->finalize = chorus_dashboard_finalize;
  object_class->get_property = chorus_dashboard_get_property;
  object_class->set_property = chorus_dashboard_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SHOW_ITEMS] =
    g_signal_new ("show-items",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__POINTER,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /* The resources live in a static library; naming them here keeps the linker from dropping
   * them from a program that uses the dashboard without the window (its tests). */
  (void) chorus_get_resource ();

  g_type_ensure (CHORUS_TYPE_CARD_GRID);
  g_type_ensure (CHORUS_TYPE_CHART_VIEW);
  g_type_ensure (CHORUS_TYPE_CHART_TABLE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusDashboard, scope_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusDashboard, scope_dropdown);
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE,
                                             G_STRUCT_OFFSET (ChorusDashboard, cards_box));
  gtk_widget_class_bind_template_child (widget_class, ChorusDashboard, stack_by_group_toggle);
  gtk_widget_class_bind_template_child (widget_class, ChorusDashboard, heatmap_rows_dropdown);
  BIND_CARD ("themes", CHORUS_DASHBOARD_THEMES);
  BIND_CARD ("heatmap", CHORUS_DASHBOARD_HEATMAP);
  BIND_CARD ("stance", CHORUS_DASHBOARD_STANCE);
  BIND_CARD ("coverage", CHORUS_DASHBOARD_COVERAGE);

  gtk_widget_class_bind_template_callback (widget_class, chorus_dashboard_region_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_dashboard_table_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_dashboard_stack_by_group_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_dashboard_heatmap_rows_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chorus_dashboard_scope_changed_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-dashboard");
}

static void
chorus_dashboard_init (ChorusDashboard *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  chorus_dashboard_update_scope_menu (self);
  chorus_dashboard_update_scope_label (self);

  g_signal_connect_object (style_manager, "notify::dark",
                           G_CALLBACK (chorus_dashboard_dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
  chorus_dashboard_dark_changed_cb (self, NULL, style_manager);
}
