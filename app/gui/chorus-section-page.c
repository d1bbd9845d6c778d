/* chorus-section-page.c — a section or document of the consultation: its questions at a
 * glance, our key points for it, and partners' responses to a document
 *
 * Shown when the user selects a section or a document in the outline. The key points are the
 * main messages of our response to that part, printed before its answers; the core keeps
 * them for documents and sections alike. Partner responses are kept per document (and per
 * question, on the draft pane), not per section, so a section page has none.
 *
 * A document has a few dozen questions at most, so the summary rows are plain widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-section-page-private.h"
#include "chorus-status-icon.h"

G_DEFINE_FINAL_TYPE (ChorusSectionPage, chorus_section_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_TARGET,
  N_PROPS
};

enum {
  SIGNAL_QUESTION_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

#define QUESTION_ID_KEY "chorus-question-id"

typedef struct
{
  ChorusQuestion   *question;
  ChorusStatusIcon *status_icon;
  GtkLabel         *count_label;
} QuestionRow;

static void
question_row_free (gpointer data)
{
  QuestionRow *row = data;

  g_clear_object (&row->question);
  g_free (row);
}

static const char *
get_target_id (ChorusSectionPage *self)
{
  if (CHORUS_IS_SECTION (self->target))
    return chorus_section_get_id (CHORUS_SECTION (self->target));
  if (CHORUS_IS_DOCUMENT (self->target))
    return chorus_document_get_id (CHORUS_DOCUMENT (self->target));
  return NULL;
}

/* Counts, statuses and the progress line: everything an edit elsewhere can change. */
static void
chorus_section_page_update_counts (ChorusSectionPage *self)
{
  g_autoptr(ChorusStats) stats = NULL;
  g_autofree char *answered = NULL;
  g_autofree char *items = NULL;
  g_autofree char *progress = NULL;
  guint n_questions = self->question_rows->len;
  guint n_final = 0;
  guint n_items = 0;

  if (self->project == NULL)
    return;

  stats = chorus_stats_ref (chorus_project_get_stats (self->project));

  for (guint i = 0; i < n_questions; i++)
    {
      QuestionRow *row = g_ptr_array_index (self->question_rows, i);
      const char *question_id = chorus_question_get_id (row->question);
      ChorusDraftStatus status = chorus_project_get_answer_status (self->project, question_id);
      guint count = chorus_stats_count_question (stats, question_id);
      g_autofree char *count_text = NULL;

      chorus_status_icon_set_status (row->status_icon, status);
      /* Translators: the number of input items under a question, in a summary row */
      count_text = g_strdup_printf (ngettext ("%u item", "%u items", count), count);
      gtk_label_set_label (row->count_label, count_text);

      n_final += status == CHORUS_DRAFT_STATUS_FINAL;
      n_items += count;
    }

  if (n_questions == 0)
    {
      gtk_label_set_label (self->progress_label, _("No questions are asked here"));
      return;
    }

  /* Translators: "3 of 7 answers final"; the plural follows the second number */
  answered = g_strdup_printf (ngettext ("%u of %u answer final", "%u of %u answers final",
                                        n_questions),
                              n_final, n_questions);
  /* Translators: the input gathered for all questions of a section or document */
  items = g_strdup_printf (ngettext ("%u item of input", "%u items of input", n_items), n_items);
  /* Translators: the two halves of a section's progress line: "3 of 7 answers final · 45 items of input" */
  progress = g_strdup_printf (_("%s · %s"), answered, items);
  gtk_label_set_label (self->progress_label, progress);
}

static void
chorus_section_page_question_activated_cb (AdwActionRow      *row,
                                           ChorusSectionPage *self)
{
  g_signal_emit (self, signals[SIGNAL_QUESTION_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), QUESTION_ID_KEY));
}

static GtkWidget *
create_question_row (ChorusSectionPage *self,
                     ChorusQuestion    *question)
{
  QuestionRow *record = g_new0 (QuestionRow, 1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count_label = gtk_label_new (NULL);
  GtkWidget *status_icon = chorus_status_icon_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  const char *number = chorus_question_get_number (question);

  /* The question is what the reader looks for, so it is the title; its number leads as a
   * plain prefix. The text comes from the consultation document: an "&" or "<" in it is text,
   * not Pango markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), chorus_question_get_text (question));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (number != NULL && *number != '\0')
    {
      GtkWidget *number_label = gtk_label_new (number);

      gtk_widget_add_css_class (number_label, "numeric");
      gtk_widget_add_css_class (number_label, "heading");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number_label);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, chorus_question_get_text (question));
  g_object_set_data_full (G_OBJECT (row), QUESTION_ID_KEY,
                          g_strdup (chorus_question_get_id (question)), g_free);
  g_signal_connect_object (row, "activated",
                           G_CALLBACK (chorus_section_page_question_activated_cb), self, 0);

  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_add_css_class (count_label, "caption");
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  record->question = g_object_ref (question);
  record->status_icon = CHORUS_STATUS_ICON (status_icon);
  record->count_label = GTK_LABEL (count_label);
  g_ptr_array_add (self->question_rows, record);

  return row;
}

/* One boxed list of @section's questions, titled @title (NULL for none); NULL when the
 * section asks nothing. */
static GtkWidget *
create_questions_group (ChorusSectionPage *self,
                        ChorusSection     *section,
                        const char        *title)
{
  GListModel *questions = chorus_section_get_questions (section);
  GtkWidget *group;
  GtkWidget *list;

  if (g_list_model_get_n_items (questions) == 0)
    return NULL;

  group = adw_preferences_group_new ();
  /* AdwPreferencesGroup reads its title as Pango markup; a section's title is the
   * consultation's text ("Costs & benefits"). */
  if (title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), escaped);
    }

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : _("Questions"),
                                  -1);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);

      gtk_list_box_append (GTK_LIST_BOX (list), create_question_row (self, question));
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);

  return group;
}

static void
chorus_section_page_rebuild (ChorusSectionPage *self)
{
  const char *context = NULL;
  const char *title = NULL;
  const char *summary = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->questions_box))) != NULL)
    gtk_box_remove (self->questions_box, child);
  g_ptr_array_set_size (self->question_rows, 0);

  if (CHORUS_IS_SECTION (self->target))
    {
      ChorusSection *section = CHORUS_SECTION (self->target);
      ChorusDocument *document = chorus_section_get_document (section);
      GtkWidget *group = create_questions_group (self, section, _("Questions"));

      context = document != NULL ? chorus_document_get_title (document) : NULL;
      title = chorus_section_get_title (section);

      if (group != NULL)
        gtk_box_append (self->questions_box, group);
    }
  else if (CHORUS_IS_DOCUMENT (self->target))
    {
      ChorusDocument *document = CHORUS_DOCUMENT (self->target);
      ChorusConsultation *consultation = chorus_document_get_consultation (document);
      GListModel *sections = chorus_document_get_sections (document);

      context = consultation != NULL ? chorus_consultation_get_title (consultation) : NULL;
      title = chorus_document_get_title (document);
      summary = chorus_document_get_summary (document);

      /* A document's questions, under the titles of the sections that ask them. */
      for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, i);
          GtkWidget *group = create_questions_group (self, section,
                                                     chorus_section_get_title (section));

          if (group != NULL)
            gtk_box_append (self->questions_box, group);
        }
    }

  gtk_label_set_label (self->context_label, context ? context : "");
  gtk_widget_set_visible (GTK_WIDGET (self->context_label), context != NULL);
  gtk_label_set_label (self->title_label, title ? title : "");
  gtk_label_set_label (self->summary_label, summary ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->questions_box), self->question_rows->len > 0);

  chorus_section_page_update_counts (self);
}

static void
chorus_section_page_project_changed_cb (ChorusSectionPage *self,
                                        ChorusProject     *project)
{
  chorus_section_page_update_counts (self);
}

GtkWidget *
chorus_section_page_new (void)
{
  return g_object_new (CHORUS_TYPE_SECTION_PAGE, NULL);
}

ChorusProject *
chorus_section_page_get_project (ChorusSectionPage *self)
{
  g_return_val_if_fail (CHORUS_IS_SECTION_PAGE (self), NULL);

  return self->project;
}

void
chorus_section_page_set_project (ChorusSectionPage *self,
                                 ChorusProject     *project)
{
  g_return_if_fail (CHORUS_IS_SECTION_PAGE (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  /* A section belongs to one project's consultation; this also commits pending typing. */
  chorus_section_page_set_target (self, NULL);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_object (project, "changed",
                             G_CALLBACK (chorus_section_page_project_changed_cb),
                             self, G_CONNECT_SWAPPED);

  chorus_draft_text_set_project (self->key_points_text, project);
  chorus_partner_responses_set_project (self->partner_responses, project);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

GObject *
chorus_section_page_get_target (ChorusSectionPage *self)
{
  g_return_val_if_fail (CHORUS_IS_SECTION_PAGE (self), NULL);

  return self->target;
}

void
chorus_section_page_set_target (ChorusSectionPage *self,
                                GObject           *target)
{
  const char *target_id;

  g_return_if_fail (CHORUS_IS_SECTION_PAGE (self));
  g_return_if_fail (target == NULL || CHORUS_IS_SECTION (target) || CHORUS_IS_DOCUMENT (target));

  if (self->target == target)
    return;

  /* What was typed for the last section goes to the last section. */
  chorus_section_page_commit (self);

  g_set_object (&self->target, target);
  target_id = get_target_id (self);

  chorus_draft_text_set_target (self->key_points_text, CHORUS_DRAFT_KIND_KEY_POINTS,
                                target_id, NULL);
  /* The core keeps partner responses per document and per question, not per section. */
  chorus_partner_responses_set_target_id (self->partner_responses,
                                          CHORUS_IS_DOCUMENT (target) ? target_id : NULL);
  chorus_section_page_rebuild (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

gboolean
chorus_section_page_commit (ChorusSectionPage *self)
{
  gboolean changed;

  g_return_val_if_fail (CHORUS_IS_SECTION_PAGE (self), FALSE);

  changed = chorus_draft_text_commit (self->key_points_text);
  changed |= chorus_partner_responses_commit (self->partner_responses);

  return changed;
}

static void
chorus_section_page_dispose (GObject *object)
{
  ChorusSectionPage *self = (ChorusSectionPage *)object;
  GtkWidget *child;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_SECTION_PAGE);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->question_rows, g_ptr_array_unref);
  g_clear_object (&self->target);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_section_page_parent_class)->dispose (object);
}

static void
chorus_section_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChorusSectionPage *self = CHORUS_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_section_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ChorusSectionPage *self = CHORUS_SECTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      chorus_section_page_set_project (self, g_value_get_object (value));
      break;

    case PROP_TARGET:
      chorus_section_page_set_target (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_section_page_class_init (ChorusSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_section_page_dispose;
  object_class->get_property = chorus_section_page_get_property;
  object_class->set_property = chorus_section_page_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_object ("target", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_QUESTION_ACTIVATED] =
    g_signal_new ("question-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  g_type_ensure (CHORUS_TYPE_DRAFT_TEXT);
  g_type_ensure (CHORUS_TYPE_PARTNER_RESPONSES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-section-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusSectionPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, ChorusSectionPage, context_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusSectionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusSectionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusSectionPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusSectionPage, key_points_text);
  gtk_widget_class_bind_template_child (widget_class, ChorusSectionPage, questions_box);
  gtk_widget_class_bind_template_child (widget_class, ChorusSectionPage, partner_responses);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-section-page");
}

static void
chorus_section_page_init (ChorusSectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->question_rows = g_ptr_array_new_with_free_func (question_row_free);
  chorus_section_page_rebuild (self);
}
