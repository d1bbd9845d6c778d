/* chorus-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-consultation-private.h"
#include "chorus-model-private.h"

struct _ChorusDocument
{
  GObject             parent_instance;

  char               *id;
  char               *title;
  char               *summary;
  GListStore         *sections;
  /* Not a reference: the consultation owns us. */
  ChorusConsultation *consultation;
};

G_DEFINE_FINAL_TYPE (ChorusDocument, chorus_document, G_TYPE_OBJECT)

static void
chorus_document_finalize (GObject *object)
{
  ChorusDocument *self = (ChorusDocument *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_object (&self->sections);

  G_OBJECT_CLASS (chorus_document_parent_class)->finalize (object);
}

static void
chorus_document_class_init (ChorusDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chorus_document_finalize;
}

static void
chorus_document_init (ChorusDocument *self)
{
  self->sections = g_list_store_new (CHORUS_TYPE_SECTION);
}

ChorusDocument *
chorus_document_new (const char *id,
                     const char *title)
{
  ChorusDocument *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CHORUS_TYPE_DOCUMENT, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title ? title : "");

  return self;
}

const char *
chorus_document_get_id (ChorusDocument *self)
{
  g_return_val_if_fail (CHORUS_IS_DOCUMENT (self), NULL);
  return self->id;
}

const char *
chorus_document_get_title (ChorusDocument *self)
{
  g_return_val_if_fail (CHORUS_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
chorus_document_get_summary (ChorusDocument *self)
{
  g_return_val_if_fail (CHORUS_IS_DOCUMENT (self), NULL);
  return self->summary;
}

void
chorus_document_set_summary (ChorusDocument *self,
                             const char     *summary)
{
  g_return_if_fail (CHORUS_IS_DOCUMENT (self));
  _chorus_set_str (&self->summary, _chorus_nonempty (summary));
}

GListModel *
chorus_document_get_sections (ChorusDocument *self)
{
  g_return_val_if_fail (CHORUS_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->sections);
}

void
chorus_document_add_section (ChorusDocument *self,
                             ChorusSection  *section)
{
  g_return_if_fail (CHORUS_IS_DOCUMENT (self));
  g_return_if_fail (CHORUS_IS_SECTION (section));
  g_return_if_fail (chorus_section_get_document (section) == NULL);

  _chorus_section_set_document (section, self);
  g_list_store_append (self->sections, section);
  _chorus_consultation_invalidate (self->consultation);
}

ChorusConsultation *
chorus_document_get_consultation (ChorusDocument *self)
{
  g_return_val_if_fail (CHORUS_IS_DOCUMENT (self), NULL);
  return self->consultation;
}

void
_chorus_document_set_consultation (ChorusDocument     *self,
                                   ChorusConsultation *consultation)
{
  self->consultation = consultation;
}
