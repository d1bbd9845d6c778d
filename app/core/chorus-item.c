/* chorus-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "chorus-enums.h"
#include "chorus-model-private.h"

struct _ChorusItem
{
  GObject       parent_instance;

  char         *id;
  /* Interned: 100,000 items share a few hundred ids. */
  const char   *question_id;
  const char   *group_id;
  const char   *activity_id;
  char         *text;
  guint         length;
  ChorusStance  stance;
  gboolean      publish;
  char         *author;
  GArray       *codings;  /* of ChorusCoding, or NULL */
};

G_DEFINE_FINAL_TYPE (ChorusItem, chorus_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_QUESTION_ID,
  PROP_GROUP_ID,
  PROP_ACTIVITY_ID,
  PROP_TEXT,
  PROP_STANCE,
  PROP_AUTHOR,
  PROP_PUBLISH,
  PROP_CODINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static int
compare_codings (gconstpointer a,
                 gconstpointer b)
{
  const ChorusCoding *ca = a;
  const ChorusCoding *cb = b;

  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  if (ca->end != cb->end)
    return ca->end < cb->end ? -1 : 1;
  return strcmp (ca->theme_id, cb->theme_id);
}

GArray *
_chorus_coding_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (ChorusCoding));
}

GArray *
_chorus_coding_array_copy (GArray *codings)
{
  GArray *copy = _chorus_coding_array_new ();

  if (codings != NULL)
    g_array_append_vals (copy, codings->data, codings->len);

  return copy;
}

gboolean
_chorus_coding_array_insert (GArray     *codings,
                             const char *theme_id,
                             guint       start,
                             guint       end)
{
  ChorusCoding coding = { g_intern_string (theme_id), start, end };
  guint position = codings->len;

  /* Loaders append in sorted order, so search from the end. */
  while (position > 0)
    {
      int cmp = compare_codings (&g_array_index (codings, ChorusCoding, position - 1), &coding);

      if (cmp == 0)
        return FALSE;
      if (cmp < 0)
        break;
      position--;
    }

  g_array_insert_val (codings, position, coding);
  return TRUE;
}

static void
chorus_item_finalize (GObject *object)
{
  ChorusItem *self = (ChorusItem *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->codings, g_array_unref);

  G_OBJECT_CLASS (chorus_item_parent_class)->finalize (object);
}

static void
chorus_item_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ChorusItem *self = CHORUS_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_QUESTION_ID:
      g_value_set_static_string (value, self->question_id);
      break;
    case PROP_GROUP_ID:
      g_value_set_static_string (value, self->group_id);
      break;
    case PROP_ACTIVITY_ID:
      g_value_set_static_string (value, self->activity_id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_STANCE:
      g_value_set_enum (value, self->stance);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_PUBLISH:
      g_value_set_boolean (value, self->publish);
      break;
    case PROP_CODINGS:
      g_value_set_boxed (value, self->codings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_text (ChorusItem *self,
          const char *text)
{
  if (_chorus_set_str (&self->text, text ? text : ""))
    self->length = (guint) g_utf8_strlen (self->text, -1);
}

static void
chorus_item_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ChorusItem *self = CHORUS_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_QUESTION_ID:
      self->question_id = g_intern_string (g_value_get_string (value));
      break;
    case PROP_GROUP_ID:
      self->group_id = g_intern_string (_chorus_nonempty (g_value_get_string (value)));
      break;
    case PROP_ACTIVITY_ID:
      self->activity_id = g_intern_string (_chorus_nonempty (g_value_get_string (value)));
      break;
    case PROP_TEXT:
      set_text (self, g_value_get_string (value));
      break;
    case PROP_STANCE:
      self->stance = g_value_get_enum (value);
      break;
    case PROP_AUTHOR:
      _chorus_set_str (&self->author, _chorus_nonempty (g_value_get_string (value)));
      break;
    case PROP_PUBLISH:
      self->publish = g_value_get_boolean (value);
      break;
    case PROP_CODINGS:
      {
        GArray *codings = g_value_get_boxed (value);

        g_clear_pointer (&self->codings, g_array_unref);
        if (codings != NULL && codings->len > 0)
          self->codings = g_array_ref (codings);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_item_class_init (ChorusItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_item_finalize;
  object_class->get_property = chorus_item_get_property;
  object_class->set_property = chorus_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUESTION_ID] =
    g_param_spec_string ("question-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_ID] =
    g_param_spec_string ("group-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY_ID] =
    g_param_spec_string ("activity-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL, CHORUS_TYPE_STANCE, CHORUS_STANCE_UNSET,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PUBLISH] =
    g_param_spec_boolean ("publish", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODINGS] =
    g_param_spec_boxed ("codings", NULL, NULL, G_TYPE_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_item_init (ChorusItem *self)
{
  self->publish = TRUE;
  self->text = g_strdup ("");
}

ChorusItem *
chorus_item_new (const char *id,
                 const char *question_id,
                 const char *group_id,
                 const char *activity_id,
                 const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  return _chorus_item_new_take (g_strdup (id), question_id, group_id, activity_id,
                                g_strdup (text ? text : ""), CHORUS_STANCE_UNSET, NULL, TRUE);
}

ChorusItem *
_chorus_item_new_take (char         *id,
                       const char   *question_id,
                       const char   *group_id,
                       const char   *activity_id,
                       char         *text,
                       ChorusStance  stance,
                       char         *author,
                       gboolean      publish)
{
  /* Loaders create 100,000 of these: set the fields directly rather than
   * through GObject properties. */
  ChorusItem *self = g_object_new (CHORUS_TYPE_ITEM, NULL);

  self->id = id;
  self->question_id = g_intern_string (question_id);
  self->group_id = g_intern_string (_chorus_nonempty (group_id));
  self->activity_id = g_intern_string (_chorus_nonempty (activity_id));
  g_free (self->text);
  self->text = text ? text : g_strdup ("");
  self->length = (guint) g_utf8_strlen (self->text, -1);
  self->stance = stance;
  self->author = _chorus_nonempty (author) ? author : (g_free (author), NULL);
  self->publish = !!publish;

  return self;
}

gboolean
_chorus_item_add_coding (ChorusItem *self,
                         const char *theme_id,
                         guint       start,
                         guint       end)
{
  if (self->codings == NULL)
    self->codings = _chorus_coding_array_new ();

  return _chorus_coding_array_insert (self->codings, theme_id, start, end);
}

GArray *
_chorus_item_get_codings (ChorusItem *self)
{
  return self->codings;
}

const char *
chorus_item_get_id (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), NULL);
  return self->id;
}

const char *
chorus_item_get_question_id (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), NULL);
  return self->question_id;
}

const char *
chorus_item_get_group_id (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), NULL);
  return self->group_id;
}

const char *
chorus_item_get_activity_id (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), NULL);
  return self->activity_id;
}

const char *
chorus_item_get_text (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), NULL);
  return self->text;
}

guint
chorus_item_get_length (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), 0);
  return self->length;
}

ChorusStance
chorus_item_get_stance (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), CHORUS_STANCE_UNSET);
  return self->stance;
}

const char *
chorus_item_get_author (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), NULL);
  return self->author;
}

gboolean
chorus_item_get_publish (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), TRUE);
  return self->publish;
}

guint
chorus_item_get_n_codings (ChorusItem *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM (self), 0);
  return self->codings ? self->codings->len : 0;
}

const char *
chorus_item_get_coding (ChorusItem *self,
                        guint       position,
                        guint      *start,
                        guint      *end)
{
  const ChorusCoding *coding;

  g_return_val_if_fail (CHORUS_IS_ITEM (self), NULL);
  g_return_val_if_fail (position < chorus_item_get_n_codings (self), NULL);

  coding = &g_array_index (self->codings, ChorusCoding, position);
  if (start != NULL)
    *start = coding->start;
  if (end != NULL)
    *end = coding->end;

  return coding->theme_id;
}

gboolean
chorus_item_has_theme (ChorusItem *self,
                       const char *theme_id)
{
  const char *interned;

  g_return_val_if_fail (CHORUS_IS_ITEM (self), FALSE);

  if (self->codings == NULL || theme_id == NULL)
    return FALSE;

  interned = g_intern_string (theme_id);
  for (guint i = 0; i < self->codings->len; i++)
    {
      if (g_array_index (self->codings, ChorusCoding, i).theme_id == interned)
        return TRUE;
    }

  return FALSE;
}
