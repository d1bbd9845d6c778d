/* chorus-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-enums.h"
#include "chorus-model-private.h"

struct _ChorusDraft
{
  GObject            parent_instance;

  ChorusDraftKind    kind;
  char              *target_id;
  char              *group_id;
  char              *text;
  char              *option_id;
  ChorusDraftStatus  status;
};

G_DEFINE_FINAL_TYPE (ChorusDraft, chorus_draft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TARGET_ID,
  PROP_GROUP_ID,
  PROP_TEXT,
  PROP_OPTION_ID,
  PROP_STATUS,
  PROP_N_WORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chorus_draft_finalize (GObject *object)
{
  ChorusDraft *self = (ChorusDraft *) object;

  g_clear_pointer (&self->target_id, g_free);
  g_clear_pointer (&self->group_id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->option_id, g_free);

  G_OBJECT_CLASS (chorus_draft_parent_class)->finalize (object);
}

static void
chorus_draft_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ChorusDraft *self = CHORUS_DRAFT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TARGET_ID:
      g_value_set_string (value, self->target_id);
      break;
    case PROP_GROUP_ID:
      g_value_set_string (value, self->group_id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_OPTION_ID:
      g_value_set_string (value, self->option_id);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_N_WORDS:
      g_value_set_uint (value, chorus_draft_get_n_words (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_draft_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ChorusDraft *self = CHORUS_DRAFT (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_TARGET_ID:
      self->target_id = g_value_dup_string (value);
      break;
    case PROP_GROUP_ID:
      self->group_id = g_strdup (_chorus_nonempty (g_value_get_string (value)));
      break;
    case PROP_TEXT:
      if (_chorus_set_str (&self->text, g_value_get_string (value) ? g_value_get_string (value) : ""))
        g_object_notify_by_pspec (object, properties[PROP_N_WORDS]);
      break;
    case PROP_OPTION_ID:
      _chorus_set_str (&self->option_id, _chorus_nonempty (g_value_get_string (value)));
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_draft_class_init (ChorusDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_draft_finalize;
  object_class->get_property = chorus_draft_get_property;
  object_class->set_property = chorus_draft_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CHORUS_TYPE_DRAFT_KIND, CHORUS_DRAFT_KIND_ANSWER,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_ID] =
    g_param_spec_string ("target-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_ID] =
    g_param_spec_string ("group-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OPTION_ID] =
    g_param_spec_string ("option-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CHORUS_TYPE_DRAFT_STATUS, CHORUS_DRAFT_STATUS_NOT_STARTED,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WORDS] =
    g_param_spec_uint ("n-words", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_draft_init (ChorusDraft *self)
{
  self->text = g_strdup ("");
}

ChorusDraft *
chorus_draft_new (ChorusDraftKind  kind,
                  const char      *target_id,
                  const char      *group_id)
{
  g_return_val_if_fail (target_id != NULL, NULL);

  return g_object_new (CHORUS_TYPE_DRAFT,
                       "kind", kind,
                       "target-id", target_id,
                       "group-id", group_id,
                       NULL);
}

ChorusDraft *
_chorus_draft_new_full (ChorusDraftKind    kind,
                        const char        *target_id,
                        const char        *group_id,
                        const char        *text,
                        const char        *option_id,
                        ChorusDraftStatus  status)
{
  ChorusDraft *self = chorus_draft_new (kind, target_id, group_id);

  _chorus_set_str (&self->text, text ? text : "");
  self->option_id = g_strdup (_chorus_nonempty (option_id));
  self->status = status;

  return self;
}

ChorusDraftKind
chorus_draft_get_kind (ChorusDraft *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT (self), CHORUS_DRAFT_KIND_ANSWER);
  return self->kind;
}

const char *
chorus_draft_get_target_id (ChorusDraft *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT (self), NULL);
  return self->target_id;
}

const char *
chorus_draft_get_group_id (ChorusDraft *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT (self), NULL);
  return self->group_id;
}

const char *
chorus_draft_get_text (ChorusDraft *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT (self), NULL);
  return self->text;
}

const char *
chorus_draft_get_option_id (ChorusDraft *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT (self), NULL);
  return self->option_id;
}

ChorusDraftStatus
chorus_draft_get_status (ChorusDraft *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT (self), CHORUS_DRAFT_STATUS_NOT_STARTED);
  return self->status;
}

guint
chorus_draft_get_n_words (ChorusDraft *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT (self), 0);
  return chorus_count_words (self->text);
}

guint
chorus_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n_words = 0;

  if (text == NULL)
    return 0;

  /* A word is a run of letters, digits and the marks and joiners inside them
   * ("don't", "co-ordination", "£7.5m" each count once). */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word_char = g_unichar_isalnum (c) || g_unichar_ismark (c) ||
                           (in_word && (c == '\'' || c == 0x2019 || c == '-' || c == '.'))
                           || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL;

      if (word_char && !in_word)
        n_words++;
      in_word = word_char;
    }

  return n_words;
}
