/* chorus-question-page.c — the content area for one question
 *
 * The question as the consultation asks it (number, text, reference, options) above the input
 * gathered for it. Read-only for now; the draft editor grows in below the question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "chorus-item-row.h"
#include "chorus-question-page.h"
#include "chorus-status-icon.h"

struct _ChorusQuestionPage
{
  GtkWidget           parent_instance;

  ChorusProject      *project;
  ChorusQuestion     *question;

  /* project items -> filter (this question) -> no selection -> list view */
  GtkCustomFilter    *items_filter;
  GtkFilterListModel *items_model;

  GtkLabel           *context_label;
  GtkLabel           *number_label;
  ChorusStatusIcon   *status_icon;
  GtkLabel           *status_label;
  GtkLabel           *text_label;
  GtkLabel           *reference_label;
  GtkLabel           *options_heading;
  GtkBox             *options_box;
  GtkLabel           *count_label;
  GtkStack           *items_stack;
  GtkScrolledWindow  *items_scroller;
  GtkListView        *items_view;
};

G_DEFINE_FINAL_TYPE (ChorusQuestionPage, chorus_question_page, GTK_TYPE_WIDGET)

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

  if (self->question == NULL)
    return FALSE;

  return g_strcmp0 (chorus_item_get_question_id (item),
                    chorus_question_get_id (self->question)) == 0;
}

static void
chorus_question_page_update_count (ChorusQuestionPage *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items_model));
  g_autofree char *count = NULL;

  /* Translators: the number of input items under a question */
  count = g_strdup_printf (ngettext ("%u item", "%u items", n_items), n_items);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->items_stack, n_items > 0 ? "items" : "empty");
}

static void
chorus_question_page_update_status (ChorusQuestionPage *self)
{
  ChorusDraftStatus status = CHORUS_DRAFT_STATUS_NOT_STARTED;

  if (self->project != NULL && self->question != NULL)
    status = chorus_project_get_answer_status (self->project,
                                               chorus_question_get_id (self->question));

  chorus_status_icon_set_status (self->status_icon, status);
  gtk_label_set_label (self->status_label, chorus_draft_status_get_label (status));
}

static void
chorus_question_page_update_options (ChorusQuestionPage *self)
{
  const char *chosen = NULL;
  GtkWidget *child;
  guint n_options = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->options_box))) != NULL)
    gtk_box_remove (self->options_box, child);

  if (self->question != NULL)
    n_options = chorus_question_get_n_options (self->question);

  if (self->project != NULL && self->question != NULL)
    {
      ChorusDraft *answer = chorus_project_get_answer (self->project,
                                                       chorus_question_get_id (self->question));

      if (answer != NULL)
        chosen = chorus_draft_get_option_id (answer);
    }

  /* A single-choice question has a handful of options, so plain widgets are fine here; the
   * input below, which can run to thousands, goes through a GtkListView. Compact rows keep
   * the question and its options from crowding the input out of a small window. */
  for (guint i = 0; i < n_options; i++)
    {
      const char *option_id = chorus_question_get_option_id (self->question, i);
      gboolean is_chosen = g_strcmp0 (option_id, chosen) == 0;
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *mark = gtk_image_new ();
      GtkWidget *label = gtk_label_new (chorus_question_get_option_label (self->question, i));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_valign (mark, GTK_ALIGN_START);

      if (is_chosen)
        {
          gtk_image_set_from_icon_name (GTK_IMAGE (mark), "emblem-ok-symbolic");
          gtk_widget_add_css_class (mark, "accent");
          gtk_widget_add_css_class (label, "heading");
          gtk_widget_set_tooltip_text (row, _("Chosen in the answer"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Chosen in the answer"),
                                          -1);
        }
      else
        {
          /* Keeps the labels aligned with the chosen one. */
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Not chosen"),
                                          -1);
          gtk_widget_set_size_request (mark, 16, 16);
        }

      gtk_box_append (GTK_BOX (row), mark);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->options_box, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->options_heading), n_options > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->options_box), n_options > 0);
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

  gtk_label_set_label (self->context_label, context ? context : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->context_label), context);
  gtk_label_set_label (self->number_label,
                       question ? chorus_question_get_number (question) : "");
  gtk_label_set_label (self->text_label, question ? chorus_question_get_text (question) : "");
  gtk_label_set_label (self->reference_label, reference ? reference : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reference_label),
                          reference != NULL && *reference != '\0');

  chorus_question_page_update_status (self);
  chorus_question_page_update_options (self);
}

static void
chorus_question_page_project_changed_cb (ChorusQuestionPage *self,
                                         ChorusProject      *project)
{
  /* An edit may have moved an item to another question, which a GtkCustomFilter cannot see
   * by itself. */
  gtk_filter_changed (GTK_FILTER (self->items_filter), GTK_FILTER_CHANGE_DIFFERENT);
  chorus_question_page_update_status (self);
  chorus_question_page_update_options (self);
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
  g_object_bind_property (self, "project", row, "project", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (list_item, row);
  gtk_list_item_set_activatable (list_item, FALSE);
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

void
chorus_question_page_set_project (ChorusQuestionPage *self,
                                  ChorusProject      *project)
{
  g_return_if_fail (CHORUS_IS_QUESTION_PAGE (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_object (project, "changed",
                             G_CALLBACK (chorus_question_page_project_changed_cb),
                             self, G_CONNECT_SWAPPED);

  /* A question belongs to one project's consultation. */
  if (self->question != NULL)
    chorus_question_page_set_question (self, NULL);

  gtk_filter_list_model_set_model (self->items_model,
                                   project ? chorus_project_get_items (project) : NULL);

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

  if (!g_set_object (&self->question, question))
    return;

  chorus_question_page_update_question (self);
  gtk_filter_changed (GTK_FILTER (self->items_filter), GTK_FILTER_CHANGE_DIFFERENT);

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
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_clear_object (&self->items_model);
  g_clear_object (&self->items_filter);
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

  g_type_ensure (CHORUS_TYPE_STATUS_ICON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-question-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, context_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, status_icon);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, text_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, options_heading);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, options_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, items_stack);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, items_scroller);
  gtk_widget_class_bind_template_child (widget_class, ChorusQuestionPage, items_view);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-question-page");
}

static void
chorus_question_page_init (ChorusQuestionPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->items_filter = gtk_custom_filter_new (chorus_question_page_filter_item_cb, self, NULL);
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

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items_model)));
  gtk_list_view_set_model (self->items_view, GTK_SELECTION_MODEL (selection));

  chorus_question_page_update_question (self);
  chorus_question_page_update_count (self);
}
