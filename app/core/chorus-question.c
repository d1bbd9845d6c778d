/* chorus-question.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-enums.h"
#include "chorus-model-private.h"

struct _ChorusQuestion
{
  GObject             parent_instance;

  char               *id;
  char               *number;
  char               *text;
  char               *reference;
  ChorusQuestionKind  kind;
  /* Pairs of (id, label), owned. */
  GPtrArray          *options;
  /* Not a reference: the section owns us. */
  ChorusSection      *section;
};

G_DEFINE_FINAL_TYPE (ChorusQuestion, chorus_question, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_TEXT,
  PROP_KIND,
  PROP_REFERENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chorus_question_finalize (GObject *object)
{
  ChorusQuestion *self = (ChorusQuestion *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->options, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_question_parent_class)->finalize (object);
}

static void
chorus_question_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChorusQuestion *self = CHORUS_QUESTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_question_class_init (ChorusQuestionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_question_finalize;
  object_class->get_property = chorus_question_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CHORUS_TYPE_QUESTION_KIND, CHORUS_QUESTION_KIND_FREE_TEXT,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_question_init (ChorusQuestion *self)
{
  self->options = g_ptr_array_new_with_free_func (g_free);
}

ChorusQuestion *
chorus_question_new (const char         *id,
                     const char         *number,
                     const char         *text,
                     ChorusQuestionKind  kind)
{
  ChorusQuestion *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (CHORUS_TYPE_QUESTION, NULL);
  self->id = g_strdup (id);
  self->number = g_strdup (number ? number : "");
  self->text = g_strdup (text ? text : "");
  self->kind = kind;

  return self;
}

const char *
chorus_question_get_id (ChorusQuestion *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), NULL);
  return self->id;
}

const char *
chorus_question_get_number (ChorusQuestion *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), NULL);
  return self->number;
}

const char *
chorus_question_get_text (ChorusQuestion *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), NULL);
  return self->text;
}

ChorusQuestionKind
chorus_question_get_kind (ChorusQuestion *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), CHORUS_QUESTION_KIND_FREE_TEXT);
  return self->kind;
}

const char *
chorus_question_get_reference (ChorusQuestion *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), NULL);
  return self->reference;
}

void
chorus_question_set_reference (ChorusQuestion *self,
                               const char     *reference)
{
  g_return_if_fail (CHORUS_IS_QUESTION (self));

  if (_chorus_set_str (&self->reference, reference))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFERENCE]);
}

void
chorus_question_add_option (ChorusQuestion *self,
                            const char     *id,
                            const char     *label)
{
  g_return_if_fail (CHORUS_IS_QUESTION (self));
  g_return_if_fail (id != NULL);

  g_ptr_array_add (self->options, g_strdup (id));
  g_ptr_array_add (self->options, g_strdup (label ? label : ""));
}

guint
chorus_question_get_n_options (ChorusQuestion *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), 0);
  return self->options->len / 2;
}

const char *
chorus_question_get_option_id (ChorusQuestion *self,
                               guint           position)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), NULL);
  g_return_val_if_fail (position < self->options->len / 2, NULL);
  return g_ptr_array_index (self->options, position * 2);
}

const char *
chorus_question_get_option_label (ChorusQuestion *self,
                                  guint           position)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), NULL);
  g_return_val_if_fail (position < self->options->len / 2, NULL);
  return g_ptr_array_index (self->options, position * 2 + 1);
}

const char *
chorus_question_find_option (ChorusQuestion *self,
                             const char     *option_id)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), NULL);

  if (option_id == NULL)
    return NULL;

  for (guint i = 0; i + 1 < self->options->len; i += 2)
    {
      if (g_str_equal (g_ptr_array_index (self->options, i), option_id))
        return g_ptr_array_index (self->options, i + 1);
    }

  return NULL;
}

ChorusSection *
chorus_question_get_section (ChorusQuestion *self)
{
  g_return_val_if_fail (CHORUS_IS_QUESTION (self), NULL);
  return self->section;
}

void
_chorus_question_set_section (ChorusQuestion *self,
                              ChorusSection  *section)
{
  self->section = section;
}
