/* chorus-group.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-model-private.h"

struct _ChorusGroup
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  gboolean  partner;
};

G_DEFINE_FINAL_TYPE (ChorusGroup, chorus_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PARTNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chorus_group_finalize (GObject *object)
{
  ChorusGroup *self = (ChorusGroup *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (chorus_group_parent_class)->finalize (object);
}

static void
chorus_group_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ChorusGroup *self = CHORUS_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PARTNER:
      g_value_set_boolean (value, self->partner);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_group_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ChorusGroup *self = CHORUS_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      _chorus_set_str (&self->name, g_value_get_string (value));
      break;
    case PROP_PARTNER:
      self->partner = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_group_class_init (ChorusGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_group_finalize;
  object_class->get_property = chorus_group_get_property;
  object_class->set_property = chorus_group_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARTNER] =
    g_param_spec_boolean ("partner", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_group_init (ChorusGroup *self)
{
  self->name = g_strdup ("");
}

ChorusGroup *
chorus_group_new (const char *id,
                  const char *name)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHORUS_TYPE_GROUP, "id", id, "name", name ? name : "", NULL);
}

const char *
chorus_group_get_id (ChorusGroup *self)
{
  g_return_val_if_fail (CHORUS_IS_GROUP (self), NULL);
  return self->id;
}

const char *
chorus_group_get_name (ChorusGroup *self)
{
  g_return_val_if_fail (CHORUS_IS_GROUP (self), NULL);
  return self->name;
}

gboolean
chorus_group_get_partner (ChorusGroup *self)
{
  g_return_val_if_fail (CHORUS_IS_GROUP (self), FALSE);
  return self->partner;
}

void
_chorus_group_set_partner (ChorusGroup *self,
                           gboolean     partner)
{
  self->partner = !!partner;
}
