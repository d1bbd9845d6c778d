/* chorus-activity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-enums.h"
#include "chorus-model-private.h"

struct _ChorusActivity
{
  GObject             parent_instance;

  char               *id;
  ChorusActivityKind  kind;
  char               *title;
  char               *dates;
  char               *involved;
  char               *number_involved;
};

G_DEFINE_FINAL_TYPE (ChorusActivity, chorus_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TITLE,
  PROP_DATES,
  PROP_INVOLVED,
  PROP_NUMBER_INVOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chorus_activity_finalize (GObject *object)
{
  ChorusActivity *self = (ChorusActivity *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->dates, g_free);
  g_clear_pointer (&self->involved, g_free);
  g_clear_pointer (&self->number_involved, g_free);

  G_OBJECT_CLASS (chorus_activity_parent_class)->finalize (object);
}

static void
chorus_activity_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChorusActivity *self = CHORUS_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DATES:
      g_value_set_string (value, self->dates);
      break;
    case PROP_INVOLVED:
      g_value_set_string (value, self->involved);
      break;
    case PROP_NUMBER_INVOLVED:
      g_value_set_string (value, self->number_involved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_activity_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChorusActivity *self = CHORUS_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_TITLE:
      _chorus_set_str (&self->title, g_value_get_string (value));
      break;
    case PROP_DATES:
      _chorus_set_str (&self->dates, _chorus_nonempty (g_value_get_string (value)));
      break;
    case PROP_INVOLVED:
      _chorus_set_str (&self->involved, _chorus_nonempty (g_value_get_string (value)));
      break;
    case PROP_NUMBER_INVOLVED:
      _chorus_set_str (&self->number_involved, _chorus_nonempty (g_value_get_string (value)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_activity_class_init (ChorusActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_activity_finalize;
  object_class->get_property = chorus_activity_get_property;
  object_class->set_property = chorus_activity_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CHORUS_TYPE_ACTIVITY_KIND, CHORUS_ACTIVITY_KIND_OTHER,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATES] =
    g_param_spec_string ("dates", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INVOLVED] =
    g_param_spec_string ("involved", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER_INVOLVED] =
    g_param_spec_string ("number-involved", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_activity_init (ChorusActivity *self)
{
  self->kind = CHORUS_ACTIVITY_KIND_OTHER;
  self->title = g_strdup ("");
}

ChorusActivity *
chorus_activity_new (const char         *id,
                     ChorusActivityKind  kind,
                     const char         *title)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHORUS_TYPE_ACTIVITY,
                       "id", id,
                       "kind", kind,
                       "title", title ? title : "",
                       NULL);
}

const char *
chorus_activity_get_id (ChorusActivity *self)
{
  g_return_val_if_fail (CHORUS_IS_ACTIVITY (self), NULL);
  return self->id;
}

ChorusActivityKind
chorus_activity_get_kind (ChorusActivity *self)
{
  g_return_val_if_fail (CHORUS_IS_ACTIVITY (self), CHORUS_ACTIVITY_KIND_OTHER);
  return self->kind;
}

const char *
chorus_activity_get_title (ChorusActivity *self)
{
  g_return_val_if_fail (CHORUS_IS_ACTIVITY (self), NULL);
  return self->title;
}

const char *
chorus_activity_get_dates (ChorusActivity *self)
{
  g_return_val_if_fail (CHORUS_IS_ACTIVITY (self), NULL);
  return self->dates;
}

const char *
chorus_activity_get_involved (ChorusActivity *self)
{
  g_return_val_if_fail (CHORUS_IS_ACTIVITY (self), NULL);
  return self->involved;
}

const char *
chorus_activity_get_number_involved (ChorusActivity *self)
{
  g_return_val_if_fail (CHORUS_IS_ACTIVITY (self), NULL);
  return self->number_involved;
}

void
_chorus_activity_set_details (ChorusActivity *self,
                              const char     *dates,
                              const char     *involved,
                              const char     *number_involved)
{
  _chorus_set_str (&self->dates, _chorus_nonempty (dates));
  _chorus_set_str (&self->involved, _chorus_nonempty (involved));
  _chorus_set_str (&self->number_involved, _chorus_nonempty (number_involved));
}
