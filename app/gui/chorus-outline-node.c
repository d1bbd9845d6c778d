/* chorus-outline-node.c — one row of the consultation outline in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-outline-node.h"

struct _ChorusOutlineNode
{
  GObject                parent_instance;

  ChorusOutlineNodeKind  kind;
  /* The ChorusDocument, ChorusSection or ChorusQuestion. The consultation never refers back to
   * nodes, so holding a reference makes no cycle. */
  GObject               *object;
  GListStore            *children;
  guint                  n_items;
  guint                  n_questions;
  ChorusDraftStatus      status;
};

G_DEFINE_FINAL_TYPE (ChorusOutlineNode, chorus_outline_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_NUMBER,
  PROP_IS_QUESTION,
  PROP_N_ITEMS,
  PROP_COUNT_LABEL,
  PROP_ACCESSIBLE_LABEL,
  PROP_STATUS,
  PROP_TITLE_CLASSES,
  PROP_TITLE_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ChorusOutlineNode *
chorus_outline_node_new (ChorusOutlineNodeKind  kind,
                         gpointer               object)
{
  ChorusOutlineNode *self = g_object_new (CHORUS_TYPE_OUTLINE_NODE, NULL);

  self->kind = kind;
  self->object = g_object_ref (object);

  if (kind != CHORUS_OUTLINE_NODE_QUESTION)
    self->children = g_list_store_new (CHORUS_TYPE_OUTLINE_NODE);
  else
    self->n_questions = 1;

  return self;
}

GListModel *
chorus_outline_node_build_tree (ChorusConsultation *consultation)
{
  GListStore *documents;
  GListModel *document_list;
  guint n_documents;

  g_return_val_if_fail (CHORUS_IS_CONSULTATION (consultation), NULL);

  documents = g_list_store_new (CHORUS_TYPE_OUTLINE_NODE);
  document_list = chorus_consultation_get_documents (consultation);
  n_documents = g_list_model_get_n_items (document_list);

  /* Built once, eagerly: a consultation has tens of questions, not thousands, and the
   * GtkTreeListModel must get the same child list every time a row is expanded so that
   * updates reach the rows on screen. */
  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (document_list, d);
      g_autoptr(ChorusOutlineNode) document_node =
        chorus_outline_node_new (CHORUS_OUTLINE_NODE_DOCUMENT, document);
      GListModel *sections = chorus_document_get_sections (document);
      guint n_sections = g_list_model_get_n_items (sections);

      for (guint s = 0; s < n_sections; s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
          g_autoptr(ChorusOutlineNode) section_node =
            chorus_outline_node_new (CHORUS_OUTLINE_NODE_SECTION, section);
          GListModel *questions = chorus_section_get_questions (section);
          guint n_questions = g_list_model_get_n_items (questions);

          for (guint q = 0; q < n_questions; q++)
            {
              g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
              g_autoptr(ChorusOutlineNode) question_node =
                chorus_outline_node_new (CHORUS_OUTLINE_NODE_QUESTION, question);

              g_list_store_append (section_node->children, question_node);
            }

          section_node->n_questions = n_questions;
          document_node->n_questions += n_questions;
          g_list_store_append (document_node->children, section_node);
        }

      g_list_store_append (documents, document_node);
    }

  return G_LIST_MODEL (documents);
}

ChorusOutlineNodeKind
chorus_outline_node_get_kind (ChorusOutlineNode *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), CHORUS_OUTLINE_NODE_DOCUMENT);

  return self->kind;
}

gpointer
chorus_outline_node_get_object (ChorusOutlineNode *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), NULL);

  return self->object;
}

ChorusQuestion *
chorus_outline_node_get_question (ChorusOutlineNode *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), NULL);

  if (self->kind != CHORUS_OUTLINE_NODE_QUESTION)
    return NULL;

  return CHORUS_QUESTION (self->object);
}

const char *
chorus_outline_node_get_title (ChorusOutlineNode *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), NULL);

  switch (self->kind)
    {
    case CHORUS_OUTLINE_NODE_DOCUMENT:
      return chorus_document_get_title (CHORUS_DOCUMENT (self->object));
    case CHORUS_OUTLINE_NODE_SECTION:
      return chorus_section_get_title (CHORUS_SECTION (self->object));
    case CHORUS_OUTLINE_NODE_QUESTION:
      return chorus_question_get_text (CHORUS_QUESTION (self->object));
    default:
      g_assert_not_reached ();
    }
}

const char *
chorus_outline_node_get_number (ChorusOutlineNode *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), NULL);

  if (self->kind != CHORUS_OUTLINE_NODE_QUESTION)
    return NULL;

  return chorus_question_get_number (CHORUS_QUESTION (self->object));
}

guint
chorus_outline_node_get_n_items (ChorusOutlineNode *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), 0);

  return self->n_items;
}

guint
chorus_outline_node_get_n_questions (ChorusOutlineNode *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), 0);

  return self->n_questions;
}

ChorusDraftStatus
chorus_outline_node_get_status (ChorusOutlineNode *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), CHORUS_DRAFT_STATUS_NOT_STARTED);

  return self->status;
}

GListModel *
chorus_outline_node_get_children (ChorusOutlineNode *self)
{
  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), NULL);

  return G_LIST_MODEL (self->children);
}

gboolean
chorus_outline_node_contains_question (ChorusOutlineNode *self,
                                       ChorusQuestion    *question)
{
  ChorusSection *section;

  g_return_val_if_fail (CHORUS_IS_OUTLINE_NODE (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_QUESTION (question), FALSE);

  switch (self->kind)
    {
    case CHORUS_OUTLINE_NODE_QUESTION:
      return self->object == G_OBJECT (question);
    case CHORUS_OUTLINE_NODE_SECTION:
      return G_OBJECT (chorus_question_get_section (question)) == self->object;
    case CHORUS_OUTLINE_NODE_DOCUMENT:
      section = chorus_question_get_section (question);
      return section != NULL && G_OBJECT (chorus_section_get_document (section)) == self->object;
    default:
      g_assert_not_reached ();
    }
}

void
chorus_outline_node_update (ChorusOutlineNode *self,
                            ChorusProject     *project,
                            ChorusStats       *stats)
{
  guint n_items = 0;

  g_return_if_fail (CHORUS_IS_OUTLINE_NODE (self));
  g_return_if_fail (CHORUS_IS_PROJECT (project));
  g_return_if_fail (stats != NULL);

  if (self->kind == CHORUS_OUTLINE_NODE_QUESTION)
    {
      const char *question_id = chorus_question_get_id (CHORUS_QUESTION (self->object));
      ChorusDraftStatus status = chorus_project_get_answer_status (project, question_id);

      n_items = chorus_stats_count_question (stats, question_id);

      if (status != self->status)
        {
          self->status = status;
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE_LABEL]);
        }
    }
  else
    {
      guint n_children = g_list_model_get_n_items (G_LIST_MODEL (self->children));

      for (guint i = 0; i < n_children; i++)
        {
          g_autoptr(ChorusOutlineNode) child =
            g_list_model_get_item (G_LIST_MODEL (self->children), i);

          chorus_outline_node_update (child, project, stats);
          n_items += child->n_items;
        }
    }

  if (n_items != self->n_items)
    {
      self->n_items = n_items;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE_LABEL]);
    }
}

static void
chorus_outline_node_finalize (GObject *object)
{
  ChorusOutlineNode *self = (ChorusOutlineNode *)object;

  g_clear_object (&self->children);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (chorus_outline_node_parent_class)->finalize (object);
}

static void
chorus_outline_node_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChorusOutlineNode *self = CHORUS_OUTLINE_NODE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, chorus_outline_node_get_title (self));
      break;

    case PROP_NUMBER:
      g_value_set_string (value, chorus_outline_node_get_number (self));
      break;

    case PROP_IS_QUESTION:
      g_value_set_boolean (value, self->kind == CHORUS_OUTLINE_NODE_QUESTION);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;

    case PROP_COUNT_LABEL:
      /* An empty label rather than a column of zeros: the rows that have input stand out. */
      if (self->n_items > 0)
        g_value_take_string (value, g_strdup_printf ("%u", self->n_items));
      else
        g_value_set_string (value, "");
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ACCESSIBLE_LABEL:
      {
        g_autofree char *items = NULL;

        /* Translators: how an outline row is read out, e.g. "4 items" */
        items = g_strdup_printf (ngettext ("%u item", "%u items", self->n_items), self->n_items);
        if (self->kind == CHORUS_OUTLINE_NODE_QUESTION)
          /* Translators: an outline row read out: number, question, input count, answer status,
           * e.g. "Q1, How can the framework…, 4 items, Final" */
          g_value_take_string (value, g_strdup_printf (_("%s, %s, %s, %s"),
                                                       chorus_outline_node_get_number (self),
                                                       chorus_outline_node_get_title (self),
                                                       items,
                                                       chorus_draft_status_get_label (self->status)));
        else
          /* Translators: a document or section row read out: its title and input count */
          g_value_take_string (value, g_strdup_printf (_("%s, %s"),
                                                       chorus_outline_node_get_title (self), items));
      }
      break;

    case PROP_TITLE_CLASSES:
      {
        static const char * const document_classes[] = { "title", "document", NULL };
        static const char * const section_classes[] = { "title", "section", NULL };
        static const char * const question_classes[] = { "title", NULL };
        const char * const *classes = question_classes;

        if (self->kind == CHORUS_OUTLINE_NODE_DOCUMENT)
          classes = document_classes;
        else if (self->kind == CHORUS_OUTLINE_NODE_SECTION)
          classes = section_classes;

        g_value_set_boxed (value, classes);
      }
      break;

    case PROP_TITLE_LINES:
      /* Two lines for every row: questions in a section often begin alike ("How can the
       * proposed…"), and one line would show them as the same. */
      g_value_set_int (value, 2);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_outline_node_class_init (ChorusOutlineNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_outline_node_finalize;
  object_class->get_property = chorus_outline_node_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_QUESTION] =
    g_param_spec_boolean ("is-question", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNT_LABEL] =
    g_param_spec_string ("count-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCESSIBLE_LABEL] =
    g_param_spec_string ("accessible-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CHORUS_TYPE_DRAFT_STATUS, CHORUS_DRAFT_STATUS_NOT_STARTED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Bound to the title label's css-classes, so that a row is styled by what it shows. */
  properties[PROP_TITLE_CLASSES] =
    g_param_spec_boxed ("title-classes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Bound to the title label's lines. */
  properties[PROP_TITLE_LINES] =
    g_param_spec_int ("title-lines", NULL, NULL, -1, G_MAXINT, 1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_outline_node_init (ChorusOutlineNode *self)
{
  self->status = CHORUS_DRAFT_STATUS_NOT_STARTED;
}
