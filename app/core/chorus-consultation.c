/* chorus-consultation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-consultation-private.h"
#include "chorus-model-private.h"

struct _ChorusConsultation
{
  GObject     parent_instance;

  char       *id;
  char       *title;
  char       *issuer;
  char       *reference;
  char       *opens;
  char       *closes;
  char       *description;
  GListStore *documents;

  /* Built on first lookup, dropped whenever something is added below us. */
  gboolean    index_valid;
  GHashTable *questions_by_id;   /* id -> ChorusQuestion */
  GHashTable *sections_by_id;    /* id -> ChorusSection */
  GHashTable *documents_by_id;   /* id -> ChorusDocument */
  GHashTable *question_index;    /* id -> position + 1 */
  GListStore *all_questions;
};

G_DEFINE_FINAL_TYPE (ChorusConsultation, chorus_consultation, G_TYPE_OBJECT)

static void
chorus_consultation_finalize (GObject *object)
{
  ChorusConsultation *self = (ChorusConsultation *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->issuer, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->opens, g_free);
  g_clear_pointer (&self->closes, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_object (&self->documents);
  g_clear_pointer (&self->questions_by_id, g_hash_table_unref);
  g_clear_pointer (&self->sections_by_id, g_hash_table_unref);
  g_clear_pointer (&self->documents_by_id, g_hash_table_unref);
  g_clear_pointer (&self->question_index, g_hash_table_unref);
  g_clear_object (&self->all_questions);

  G_OBJECT_CLASS (chorus_consultation_parent_class)->finalize (object);
}

static void
chorus_consultation_class_init (ChorusConsultationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chorus_consultation_finalize;
}

static void
chorus_consultation_init (ChorusConsultation *self)
{
  self->documents = g_list_store_new (CHORUS_TYPE_DOCUMENT);
  self->all_questions = g_list_store_new (CHORUS_TYPE_QUESTION);
  self->questions_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sections_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->documents_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->question_index = g_hash_table_new (g_str_hash, g_str_equal);
}

ChorusConsultation *
chorus_consultation_new (const char *id,
                         const char *title)
{
  ChorusConsultation *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CHORUS_TYPE_CONSULTATION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title ? title : "");

  return self;
}

void
_chorus_consultation_invalidate (ChorusConsultation *self)
{
  if (self != NULL)
    self->index_valid = FALSE;
}

static void
ensure_index (ChorusConsultation *self)
{
  g_autoptr(GPtrArray) flat = NULL;
  guint n_documents;

  if (self->index_valid)
    return;

  g_hash_table_remove_all (self->questions_by_id);
  g_hash_table_remove_all (self->sections_by_id);
  g_hash_table_remove_all (self->documents_by_id);
  g_hash_table_remove_all (self->question_index);
  flat = g_ptr_array_new_with_free_func (g_object_unref);

  n_documents = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), d);
      GListModel *sections = chorus_document_get_sections (document);
      guint n_sections = g_list_model_get_n_items (sections);

      g_hash_table_insert (self->documents_by_id,
                           (gpointer) chorus_document_get_id (document), document);

      for (guint s = 0; s < n_sections; s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
          GListModel *questions = chorus_section_get_questions (section);
          guint n_questions = g_list_model_get_n_items (questions);

          g_hash_table_insert (self->sections_by_id,
                               (gpointer) chorus_section_get_id (section), section);

          for (guint q = 0; q < n_questions; q++)
            {
              ChorusQuestion *question = g_list_model_get_item (questions, q);
              const char *id = chorus_question_get_id (question);

              g_hash_table_insert (self->questions_by_id, (gpointer) id, question);
              g_hash_table_insert (self->question_index, (gpointer) id,
                                   GUINT_TO_POINTER (flat->len + 1));
              g_ptr_array_add (flat, question);
            }
        }
    }

  g_list_store_splice (self->all_questions, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->all_questions)),
                       flat->pdata, flat->len);
  self->index_valid = TRUE;
}

const char *
chorus_consultation_get_id (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);
  return self->id;
}

const char *
chorus_consultation_get_title (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);
  return self->title;
}

const char *
chorus_consultation_get_issuer (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);
  return self->issuer;
}

void
chorus_consultation_set_issuer (ChorusConsultation *self,
                                const char         *issuer)
{
  g_return_if_fail (CHORUS_IS_CONSULTATION (self));
  _chorus_set_str (&self->issuer, _chorus_nonempty (issuer));
}

const char *
chorus_consultation_get_reference (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);
  return self->reference;
}

void
chorus_consultation_set_reference (ChorusConsultation *self,
                                   const char         *reference)
{
  g_return_if_fail (CHORUS_IS_CONSULTATION (self));
  _chorus_set_str (&self->reference, _chorus_nonempty (reference));
}

const char *
chorus_consultation_get_opens (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);
  return self->opens;
}

const char *
chorus_consultation_get_closes (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);
  return self->closes;
}

void
chorus_consultation_set_dates (ChorusConsultation *self,
                               const char         *opens,
                               const char         *closes)
{
  g_return_if_fail (CHORUS_IS_CONSULTATION (self));
  _chorus_set_str (&self->opens, _chorus_nonempty (opens));
  _chorus_set_str (&self->closes, _chorus_nonempty (closes));
}

const char *
chorus_consultation_get_description (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);
  return self->description;
}

void
chorus_consultation_set_description (ChorusConsultation *self,
                                     const char         *description)
{
  g_return_if_fail (CHORUS_IS_CONSULTATION (self));
  _chorus_set_str (&self->description, _chorus_nonempty (description));
}

GListModel *
chorus_consultation_get_documents (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);
  return G_LIST_MODEL (self->documents);
}

void
chorus_consultation_add_document (ChorusConsultation *self,
                                  ChorusDocument     *document)
{
  g_return_if_fail (CHORUS_IS_CONSULTATION (self));
  g_return_if_fail (CHORUS_IS_DOCUMENT (document));
  g_return_if_fail (chorus_document_get_consultation (document) == NULL);

  _chorus_document_set_consultation (document, self);
  g_list_store_append (self->documents, document);
  self->index_valid = FALSE;
}

ChorusQuestion *
chorus_consultation_find_question (ChorusConsultation *self,
                                   const char         *question_id)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);

  if (question_id == NULL)
    return NULL;

  ensure_index (self);
  return g_hash_table_lookup (self->questions_by_id, question_id);
}

ChorusSection *
chorus_consultation_find_section (ChorusConsultation *self,
                                  const char         *section_id)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);

  if (section_id == NULL)
    return NULL;

  ensure_index (self);
  return g_hash_table_lookup (self->sections_by_id, section_id);
}

ChorusDocument *
chorus_consultation_find_document (ChorusConsultation *self,
                                   const char         *document_id)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);

  if (document_id == NULL)
    return NULL;

  ensure_index (self);
  return g_hash_table_lookup (self->documents_by_id, document_id);
}

GListModel *
chorus_consultation_get_questions (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);

  ensure_index (self);
  return G_LIST_MODEL (self->all_questions);
}

guint
chorus_consultation_get_n_questions (ChorusConsultation *self)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), 0);

  ensure_index (self);
  return g_hash_table_size (self->question_index);
}

int
chorus_consultation_get_question_index (ChorusConsultation *self,
                                        const char         *question_id)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), -1);

  if (question_id == NULL)
    return -1;

  ensure_index (self);
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->question_index, question_id)) - 1;
}
