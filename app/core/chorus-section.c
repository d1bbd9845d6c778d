/* chorus-section.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-consultation-private.h"
#include "chorus-model-private.h"

struct _ChorusSection
{
  GObject         parent_instance;

  char           *id;
  char           *title;
  GListStore     *questions;
  /* Not a reference: the document owns us. */
  ChorusDocument *document;
};

G_DEFINE_FINAL_TYPE (ChorusSection, chorus_section, G_TYPE_OBJECT)

static void
chorus_section_finalize (GObject *object)
{
  ChorusSection *self = (ChorusSection *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->questions);

  G_OBJECT_CLASS (chorus_section_parent_class)->finalize (object);
}

static void
chorus_section_class_init (ChorusSectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chorus_section_finalize;
}

static void
chorus_section_init (ChorusSection *self)
{
  self->questions = g_list_store_new (CHORUS_TYPE_QUESTION);
}

ChorusSection *
chorus_section_new (const char *id,
                    const char *title)
{
  ChorusSection *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CHORUS_TYPE_SECTION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title ? title : "");

  return self;
}

const char *
chorus_section_get_id (ChorusSection *self)
{
  g_return_val_if_fail (CHORUS_IS_SECTION (self), NULL);
  return self->id;
}

const char *
chorus_section_get_title (ChorusSection *self)
{
  g_return_val_if_fail (CHORUS_IS_SECTION (self), NULL);
  return self->title;
}

GListModel *
chorus_section_get_questions (ChorusSection *self)
{
  g_return_val_if_fail (CHORUS_IS_SECTION (self), NULL);
  return G_LIST_MODEL (self->questions);
}

void
chorus_section_add_question (ChorusSection  *self,
                             ChorusQuestion *question)
{
  g_return_if_fail (CHORUS_IS_SECTION (self));
  g_return_if_fail (CHORUS_IS_QUESTION (question));
  g_return_if_fail (chorus_question_get_section (question) == NULL);

  _chorus_question_set_section (question, self);
  g_list_store_append (self->questions, question);

  if (self->document != NULL)
    _chorus_consultation_invalidate (chorus_document_get_consultation (self->document));
}

ChorusDocument *
chorus_section_get_document (ChorusSection *self)
{
  g_return_val_if_fail (CHORUS_IS_SECTION (self), NULL);
  return self->document;
}

void
_chorus_section_set_document (ChorusSection  *self,
                              ChorusDocument *document)
{
  self->document = document;
}
