/* chorus-project.c — the response being drafted, its undoable edits and indexes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-model-private.h"
#include "chorus-undo-stack.h"

typedef enum
{
  LIST_GROUPS,
  LIST_ACTIVITIES,
  LIST_THEMES,
  LIST_ITEMS,
  LIST_DRAFTS,
} ListKind;

struct _ChorusProject
{
  GObject             parent_instance;

  ChorusConsultation *consultation;

  char               *organisation;
  char               *contact_name;
  char               *contact_role;
  char               *contact_email;
  char               *contact_phone;

  GListStore         *groups;
  GListStore         *activities;
  ChorusCodebook     *codebook;
  GListStore         *items;
  GListStore         *drafts;

  GHashTable         *groups_by_id;      /* id -> ChorusGroup */
  GHashTable         *activities_by_id;  /* id -> ChorusActivity */
  GHashTable         *items_by_id;       /* id -> ChorusItem */
  GHashTable         *drafts_by_key;     /* draft_key() -> ChorusDraft, key owned */

  ChorusUndoStack    *undo;
  GFile              *file;
  ChorusStats        *stats;

  /* Last values notified, so that notify fires only on real changes. */
  guint               modified : 1;
  guint               can_undo : 1;
  guint               can_redo : 1;
};

G_DEFINE_FINAL_TYPE (ChorusProject, chorus_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONSULTATION,
  PROP_ORGANISATION,
  PROP_CONTACT_NAME,
  PROP_CONTACT_ROLE,
  PROP_CONTACT_EMAIL,
  PROP_CONTACT_PHONE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_FILE,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Text */

char *
_chorus_text_sanitize (const char *text)
{
  g_autofree char *made_valid = NULL;
  const char *valid;
  const char *run;
  const char *p;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = text;
  if (!g_utf8_validate (text, -1, NULL))
    valid = made_valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  /* Byte by byte, copying clean runs whole: this runs for every imported
   * cell (100,000-row surveys), and in valid UTF-8 the bytes below 0x20 and
   * the lead byte 0xEF never occur inside another character. */
  for (run = p = valid; *p != '\0'; )
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != 0xEF)
        {
          p++;
          continue;
        }

      if (c == 0xEF && ((guchar) p[1] != 0xBF || ((guchar) p[2] != 0xBE && (guchar) p[2] != 0xBF)))
        {
          /* Some other character of U+F000…U+FFFF: kept. */
          p++;
          continue;
        }

      if (c == '\t' || c == '\n')
        {
          p++;
          continue;
        }

      g_string_append_len (out, run, p - run);
      if (c == '\r')
        {
          /* CR LF and a lone CR both become LF. */
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          p++;
        }
      else if (c == 0xEF)
        {
          /* U+FFFE and U+FFFF, which XML cannot carry. */
          p += 3;
        }
      else
        {
          /* Other control characters are dropped. */
          p++;
        }
      run = p;
    }
  g_string_append_len (out, run, p - run);

  return g_string_free (out, FALSE);
}

/* Indexes */

static char *
draft_key (ChorusDraftKind  kind,
           const char      *target_id,
           const char      *group_id)
{
  return g_strdup_printf ("%d\x1f%s\x1f%s", kind, target_id, group_id ? group_id : "");
}

static GListModel *
list_model_for (ChorusProject *self,
                ListKind       kind)
{
  switch (kind)
    {
    case LIST_GROUPS:
      return G_LIST_MODEL (self->groups);
    case LIST_ACTIVITIES:
      return G_LIST_MODEL (self->activities);
    case LIST_THEMES:
      return G_LIST_MODEL (self->codebook);
    case LIST_ITEMS:
      return G_LIST_MODEL (self->items);
    case LIST_DRAFTS:
      return G_LIST_MODEL (self->drafts);
    default:
      g_assert_not_reached ();
    }
}

static void
index_object (ChorusProject *self,
              ListKind       kind,
              GObject       *object,
              gboolean       add)
{
  GHashTable *table = NULL;
  const char *id = NULL;

  switch (kind)
    {
    case LIST_GROUPS:
      table = self->groups_by_id;
      id = chorus_group_get_id (CHORUS_GROUP (object));
      break;
    case LIST_ACTIVITIES:
      table = self->activities_by_id;
      id = chorus_activity_get_id (CHORUS_ACTIVITY (object));
      break;
    case LIST_ITEMS:
      table = self->items_by_id;
      id = chorus_item_get_id (CHORUS_ITEM (object));
      break;
    case LIST_DRAFTS:
      {
        ChorusDraft *draft = CHORUS_DRAFT (object);
        char *key = draft_key (chorus_draft_get_kind (draft),
                               chorus_draft_get_target_id (draft),
                               chorus_draft_get_group_id (draft));
        if (add)
          g_hash_table_insert (self->drafts_by_key, key, draft);
        else
          {
            g_hash_table_remove (self->drafts_by_key, key);
            g_free (key);
          }
      }
      return;
    case LIST_THEMES:
      /* The codebook indexes itself. */
      return;
    default:
      g_assert_not_reached ();
    }

  if (add)
    g_hash_table_insert (table, (gpointer) id, object);
  else
    g_hash_table_remove (table, id);
}

static void
list_insert (ChorusProject *self,
             ListKind       kind,
             guint          position,
             GObject       *object)
{
  index_object (self, kind, object, TRUE);

  if (kind == LIST_THEMES)
    _chorus_codebook_insert (self->codebook, position, CHORUS_THEME (object));
  else
    g_list_store_insert (G_LIST_STORE (list_model_for (self, kind)), position, object);
}

static void
list_remove (ChorusProject *self,
             ListKind       kind,
             guint          position)
{
  g_autoptr(GObject) object = g_list_model_get_item (list_model_for (self, kind), position);

  g_return_if_fail (object != NULL);

  if (kind == LIST_THEMES)
    _chorus_codebook_remove (self->codebook, position);
  else
    g_list_store_remove (G_LIST_STORE (list_model_for (self, kind)), position);

  index_object (self, kind, object, FALSE);
}

static gboolean
list_find (ChorusProject *self,
           ListKind       kind,
           gpointer       object,
           guint         *position)
{
  if (kind == LIST_THEMES)
    {
      int found = chorus_codebook_get_position (self->codebook, object);

      if (found < 0)
        return FALSE;
      *position = (guint) found;
      return TRUE;
    }

  return g_list_store_find (G_LIST_STORE (list_model_for (self, kind)), object, position);
}

/* Change notification */

static void
update_state (ChorusProject *self)
{
  gboolean modified = !chorus_undo_stack_is_at_saved (self->undo);
  gboolean can_undo = chorus_undo_stack_can_undo (self->undo);
  gboolean can_redo = chorus_undo_stack_can_redo (self->undo);

  if (self->modified != modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  if (self->can_undo != can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (self->can_redo != can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
}

/* Called after every change that reached the model, and after undo/redo. */
static void
model_changed (ChorusProject *self)
{
  g_clear_pointer (&self->stats, chorus_stats_unref);

  if (chorus_undo_stack_in_group (self->undo))
    return;

  update_state (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* Changes the undo stack records */

typedef struct
{
  /* A reference, except when the object is the project itself (respondent
   * details): the project owns the stack, and a reference would be a cycle. */
  GObject    *object;
  gboolean    object_is_project;
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
} PropertyChange;

static void
property_change_apply (gpointer data,
                       gboolean forward)
{
  PropertyChange *change = data;

  g_object_set_property (change->object, change->pspec->name,
                         forward ? &change->new_value : &change->old_value);
}

static void
property_change_free (gpointer data)
{
  PropertyChange *change = data;

  g_value_unset (&change->old_value);
  g_value_unset (&change->new_value);
  if (!change->object_is_project)
    g_object_unref (change->object);
  g_free (change);
}

static const ChorusChangeClass property_change_class = {
  property_change_apply,
  property_change_free,
};

typedef struct
{
  ChorusProject *project;  /* not a reference: the project owns the stack */
  ListKind       kind;
  guint          position;
  GObject       *object;
  gboolean       insert;
} ListChange;

static void
list_change_apply (gpointer data,
                   gboolean forward)
{
  ListChange *change = data;

  if (change->insert == forward)
    list_insert (change->project, change->kind, change->position, change->object);
  else
    list_remove (change->project, change->kind, change->position);
}

static void
list_change_free (gpointer data)
{
  ListChange *change = data;

  g_object_unref (change->object);
  g_free (change);
}

static const ChorusChangeClass list_change_class = {
  list_change_apply,
  list_change_free,
};

/* Sets @property of @object to @value as an undoable change; nothing happens
 * when the value is already that. */
static void
record_set (ChorusProject *self,
            gpointer       object,
            const char    *property,
            const GValue  *value,
            const char    *label)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  PropertyChange *change;

  g_assert (pspec != NULL);

  change = g_new0 (PropertyChange, 1);
  g_value_init (&change->old_value, pspec->value_type);
  g_object_get_property (object, property, &change->old_value);

  if (g_param_values_cmp (pspec, &change->old_value, value) == 0 &&
      !G_IS_PARAM_SPEC_BOXED (pspec))
    {
      g_value_unset (&change->old_value);
      g_free (change);
      return;
    }

  change->object_is_project = (object == (gpointer) self);
  change->object = change->object_is_project ? object : g_object_ref (object);
  change->pspec = pspec;
  g_value_init (&change->new_value, pspec->value_type);
  g_value_copy (value, &change->new_value);

  property_change_apply (change, TRUE);
  chorus_undo_stack_push (self->undo, &property_change_class, change, label);
  model_changed (self);
}

static void
record_set_string (ChorusProject *self,
                   gpointer       object,
                   const char    *property,
                   const char    *text,
                   const char    *label)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *clean = _chorus_text_sanitize (text);

  g_value_init (&value, G_TYPE_STRING);
  g_value_take_string (&value, g_steal_pointer (&clean));
  record_set (self, object, property, &value, label);
}

static void
record_set_id (ChorusProject *self,
               gpointer       object,
               const char    *property,
               const char    *id,
               const char    *label)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, id);
  record_set (self, object, property, &value, label);
}

static void
record_set_enum (ChorusProject *self,
                 gpointer       object,
                 const char    *property,
                 int            enum_value,
                 const char    *label)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_value_set_enum (&value, enum_value);
  record_set (self, object, property, &value, label);
}

static void
record_set_boolean (ChorusProject *self,
                    gpointer       object,
                    const char    *property,
                    gboolean       boolean,
                    const char    *label)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, !!boolean);
  record_set (self, object, property, &value, label);
}

static void
record_set_codings (ChorusProject *self,
                    ChorusItem    *item,
                    GArray        *codings,
                    const char    *label)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_ARRAY);
  g_value_set_boxed (&value, codings);
  record_set (self, item, "codings", &value, label);
}

static void
record_insert (ChorusProject *self,
               ListKind       kind,
               guint          position,
               gpointer       object,
               const char    *label)
{
  ListChange *change = g_new0 (ListChange, 1);

  change->project = self;
  change->kind = kind;
  change->position = position;
  change->object = g_object_ref (object);
  change->insert = TRUE;

  list_change_apply (change, TRUE);
  chorus_undo_stack_push (self->undo, &list_change_class, change, label);
  model_changed (self);
}

static void
record_remove (ChorusProject *self,
               ListKind       kind,
               gpointer       object,
               const char    *label)
{
  ListChange *change;
  guint position;

  if (!list_find (self, kind, object, &position))
    {
      g_critical ("%s: object %p is not in the project", G_STRFUNC, object);
      return;
    }

  change = g_new0 (ListChange, 1);
  change->project = self;
  change->kind = kind;
  change->position = position;
  change->object = g_object_ref (object);
  change->insert = FALSE;

  list_change_apply (change, TRUE);
  chorus_undo_stack_push (self->undo, &list_change_class, change, label);
  model_changed (self);
}

/* Ids */

/* A readable id from a name ("Online staff survey" -> "online-staff-survey"),
 * unique within @table. */
static char *
make_slug_id (GHashTable *table,
              const char *name,
              const char *fallback)
{
  g_autofree char *ascii = g_str_to_ascii (name ? name : "", "C");
  g_autoptr(GString) slug = g_string_new (NULL);
  g_autofree char *candidate = NULL;

  for (const char *p = ascii; *p != '\0' && slug->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0 || g_ascii_isdigit (slug->str[0]))
    g_string_prepend (slug, fallback);

  candidate = g_strdup (slug->str);
  for (guint n = 2; g_hash_table_contains (table, candidate); n++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s-%u", slug->str, n);
    }

  return g_steal_pointer (&candidate);
}

/* Item ids are random so that two colleagues adding input to copies of the
 * same file never mint the same id; merging relies on that. */
static char *
make_item_id (ChorusProject *self)
{
  for (;;)
    {
      char *id = g_strdup_printf ("i-%08x%08x", g_random_int (), g_random_int ());

      if (!g_hash_table_contains (self->items_by_id, id))
        return id;
      g_free (id);
    }
}

/* GObject */

static void
chorus_project_dispose (GObject *object)
{
  ChorusProject *self = (ChorusProject *) object;

  /* The undo stack holds objects whose changes point back at us. */
  g_clear_pointer (&self->undo, chorus_undo_stack_free);

  G_OBJECT_CLASS (chorus_project_parent_class)->dispose (object);
}

static void
chorus_project_finalize (GObject *object)
{
  ChorusProject *self = (ChorusProject *) object;

  g_clear_pointer (&self->stats, chorus_stats_unref);
  g_clear_pointer (&self->groups_by_id, g_hash_table_unref);
  g_clear_pointer (&self->activities_by_id, g_hash_table_unref);
  g_clear_pointer (&self->items_by_id, g_hash_table_unref);
  g_clear_pointer (&self->drafts_by_key, g_hash_table_unref);
  g_clear_object (&self->groups);
  g_clear_object (&self->activities);
  g_clear_object (&self->codebook);
  g_clear_object (&self->items);
  g_clear_object (&self->drafts);
  g_clear_object (&self->consultation);
  g_clear_object (&self->file);
  g_clear_pointer (&self->organisation, g_free);
  g_clear_pointer (&self->contact_name, g_free);
  g_clear_pointer (&self->contact_role, g_free);
  g_clear_pointer (&self->contact_email, g_free);
  g_clear_pointer (&self->contact_phone, g_free);

  G_OBJECT_CLASS (chorus_project_parent_class)->finalize (object);
}

static char **
respondent_field (ChorusProject *self,
                  guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_ORGANISATION:
      return &self->organisation;
    case PROP_CONTACT_NAME:
      return &self->contact_name;
    case PROP_CONTACT_ROLE:
      return &self->contact_role;
    case PROP_CONTACT_EMAIL:
      return &self->contact_email;
    case PROP_CONTACT_PHONE:
      return &self->contact_phone;
    default:
      return NULL;
    }
}

static void
chorus_project_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ChorusProject *self = CHORUS_PROJECT (object);
  char **field = respondent_field (self, prop_id);

  if (field != NULL)
    {
      g_value_set_string (value, *field);
      return;
    }

  switch (prop_id)
    {
    case PROP_CONSULTATION:
      g_value_set_object (value, self->consultation);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_project_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  ChorusProject *self = CHORUS_PROJECT (object);
  char **field = respondent_field (self, prop_id);

  if (field != NULL)
    {
      _chorus_set_str (field, g_value_get_string (value) ? g_value_get_string (value) : "");
      return;
    }

  switch (prop_id)
    {
    case PROP_CONSULTATION:
      self->consultation = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_project_class_init (ChorusProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chorus_project_dispose;
  object_class->finalize = chorus_project_finalize;
  object_class->get_property = chorus_project_get_property;
  object_class->set_property = chorus_project_set_property;

  properties[PROP_CONSULTATION] =
    g_param_spec_object ("consultation", NULL, NULL, CHORUS_TYPE_CONSULTATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] =
    g_param_spec_string ("organisation", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_NAME] =
    g_param_spec_string ("contact-name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_ROLE] =
    g_param_spec_string ("contact-role", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_EMAIL] =
    g_param_spec_string ("contact-email", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTACT_PHONE] =
    g_param_spec_string ("contact-phone", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
chorus_project_init (ChorusProject *self)
{
  self->organisation = g_strdup ("");
  self->contact_name = g_strdup ("");
  self->contact_role = g_strdup ("");
  self->contact_email = g_strdup ("");
  self->contact_phone = g_strdup ("");
  self->groups = g_list_store_new (CHORUS_TYPE_GROUP);
  self->activities = g_list_store_new (CHORUS_TYPE_ACTIVITY);
  self->codebook = _chorus_codebook_new ();
  self->items = g_list_store_new (CHORUS_TYPE_ITEM);
  self->drafts = g_list_store_new (CHORUS_TYPE_DRAFT);
  self->groups_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->activities_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->drafts_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo = chorus_undo_stack_new ();
}

ChorusProject *
chorus_project_new (ChorusConsultation *consultation)
{
  g_return_val_if_fail (CHORUS_IS_CONSULTATION (consultation), NULL);

  return g_object_new (CHORUS_TYPE_PROJECT, "consultation", consultation, NULL);
}

ChorusConsultation *
chorus_project_get_consultation (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return self->consultation;
}

/* Respondent */

#define RESPONDENT_ACCESSORS(field, property)                                   \
  const char *                                                                  \
  chorus_project_get_##field (ChorusProject *self)                              \
  {                                                                             \
    g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);                      \
    return self->field;                                                         \
  }                                                                             \
                                                                                \
  void                                                                          \
  chorus_project_set_##field (ChorusProject *self,                              \
                              const char    *value)                             \
  {                                                                             \
    g_return_if_fail (CHORUS_IS_PROJECT (self));                                \
    record_set_string (self, self, property, value, _("Edit respondent details")); \
  }

RESPONDENT_ACCESSORS (organisation, "organisation")
RESPONDENT_ACCESSORS (contact_name, "contact-name")
RESPONDENT_ACCESSORS (contact_role, "contact-role")
RESPONDENT_ACCESSORS (contact_email, "contact-email")
RESPONDENT_ACCESSORS (contact_phone, "contact-phone")

/* Undo */

gboolean
chorus_project_can_undo (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);
  return chorus_undo_stack_can_undo (self->undo);
}

gboolean
chorus_project_can_redo (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);
  return chorus_undo_stack_can_redo (self->undo);
}

gboolean
chorus_project_undo (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);

  if (!chorus_undo_stack_undo (self->undo))
    return FALSE;

  model_changed (self);
  return TRUE;
}

gboolean
chorus_project_redo (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);

  if (!chorus_undo_stack_redo (self->undo))
    return FALSE;

  model_changed (self);
  return TRUE;
}

const char *
chorus_project_get_undo_label (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return chorus_undo_stack_get_undo_label (self->undo);
}

const char *
chorus_project_get_redo_label (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return chorus_undo_stack_get_redo_label (self->undo);
}

void
chorus_project_begin_group (ChorusProject *self,
                            const char    *label)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  chorus_undo_stack_begin_group (self->undo, label);
}

void
chorus_project_end_group (ChorusProject *self)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));

  if (chorus_undo_stack_end_group (self->undo))
    model_changed (self);
}

gboolean
chorus_project_get_modified (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);
  return self->modified;
}

void
chorus_project_mark_saved (ChorusProject *self)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));

  chorus_undo_stack_mark_saved (self->undo);
  update_state (self);
}

void
chorus_project_mark_unsaved (ChorusProject *self)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));

  chorus_undo_stack_mark_unsaved (self->undo);
  update_state (self);
}

GFile *
chorus_project_get_file (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return self->file;
}

void
chorus_project_set_file (ChorusProject *self,
                         GFile         *file)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/* Groups */

GListModel *
chorus_project_get_groups (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->groups);
}

ChorusGroup *
chorus_project_find_group (ChorusProject *self,
                           const char    *group_id)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return group_id ? g_hash_table_lookup (self->groups_by_id, group_id) : NULL;
}

ChorusGroup *
chorus_project_add_group (ChorusProject *self,
                          const char    *name,
                          gboolean       partner)
{
  g_autofree char *clean = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ChorusGroup) group = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);

  clean = _chorus_text_sanitize (name);
  id = make_slug_id (self->groups_by_id, clean, "group-");
  group = chorus_group_new (id, clean);
  _chorus_group_set_partner (group, partner);

  record_insert (self, LIST_GROUPS, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                 group, _("Add group"));

  return group;
}

void
chorus_project_rename_group (ChorusProject *self,
                             ChorusGroup   *group,
                             const char    *name)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_GROUP (group));

  record_set_string (self, group, "name", name, _("Rename group"));
}

/* Drafts written for @group, which must go when the group stops being a partner. */
static GPtrArray *
collect_partner_drafts (ChorusProject *self,
                        ChorusGroup   *group)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->drafts));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusDraft) draft = g_list_model_get_item (G_LIST_MODEL (self->drafts), i);

      if (chorus_draft_get_kind (draft) == CHORUS_DRAFT_KIND_PARTNER_RESPONSE &&
          g_strcmp0 (chorus_draft_get_group_id (draft), chorus_group_get_id (group)) == 0)
        g_ptr_array_add (found, g_steal_pointer (&draft));
    }

  return found;
}

void
chorus_project_set_group_partner (ChorusProject *self,
                                  ChorusGroup   *group,
                                  gboolean       partner)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_GROUP (group));

  chorus_project_begin_group (self, partner ? _("Mark group as partner")
                                            : _("Mark group as not a partner"));
  if (!partner)
    {
      drafts = collect_partner_drafts (self, group);
      for (guint i = 0; i < drafts->len; i++)
        record_remove (self, LIST_DRAFTS, g_ptr_array_index (drafts, i), NULL);
    }
  record_set_boolean (self, group, "partner", partner, NULL);
  chorus_project_end_group (self);
}

static guint
count_items_with (ChorusProject *self,
                  const char *(*get_id) (ChorusItem *),
                  const char    *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  const char *interned = g_intern_string (id);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      ChorusItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (get_id (item) == interned)
        count++;
      g_object_unref (item);
    }

  return count;
}

guint
chorus_project_count_group_uses (ChorusProject *self,
                                 ChorusGroup   *group)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), 0);
  g_return_val_if_fail (CHORUS_IS_GROUP (group), 0);

  drafts = collect_partner_drafts (self, group);

  return count_items_with (self, chorus_item_get_group_id, chorus_group_get_id (group)) +
         drafts->len;
}

/* Moves the items whose @property is @id to @reassign_id, or deletes them
 * when @reassign_id is NULL. */
static void
reassign_items (ChorusProject *self,
                const char    *property,
                const char *(*get_id) (ChorusItem *),
                const char    *id,
                const char    *reassign_id)
{
  g_autoptr(GPtrArray) affected = g_ptr_array_new_with_free_func (g_object_unref);
  const char *interned = g_intern_string (id);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      ChorusItem *item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (get_id (item) == interned)
        g_ptr_array_add (affected, item);
      else
        g_object_unref (item);
    }

  /* Delete from the end so each removal's position stays cheap to find. */
  for (guint i = affected->len; i > 0; i--)
    {
      ChorusItem *item = g_ptr_array_index (affected, i - 1);

      if (reassign_id != NULL)
        record_set_id (self, item, property, reassign_id, NULL);
      else
        record_remove (self, LIST_ITEMS, item, NULL);
    }
}

void
chorus_project_remove_group (ChorusProject *self,
                             ChorusGroup   *group,
                             ChorusGroup   *reassign_to)
{
  g_autoptr(GPtrArray) drafts = NULL;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_GROUP (group));
  g_return_if_fail (reassign_to == NULL || CHORUS_IS_GROUP (reassign_to));
  g_return_if_fail (reassign_to != group);

  g_object_ref (group);
  chorus_project_begin_group (self, _("Delete group"));
  reassign_items (self, "group-id", chorus_item_get_group_id, chorus_group_get_id (group),
                  reassign_to ? chorus_group_get_id (reassign_to) : NULL);
  drafts = collect_partner_drafts (self, group);
  for (guint i = 0; i < drafts->len; i++)
    record_remove (self, LIST_DRAFTS, g_ptr_array_index (drafts, i), NULL);
  record_remove (self, LIST_GROUPS, group, NULL);
  chorus_project_end_group (self);
  g_object_unref (group);
}

/* Activities */

GListModel *
chorus_project_get_activities (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->activities);
}

ChorusActivity *
chorus_project_find_activity (ChorusProject *self,
                              const char    *activity_id)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return activity_id ? g_hash_table_lookup (self->activities_by_id, activity_id) : NULL;
}

ChorusActivity *
chorus_project_add_activity (ChorusProject      *self,
                             ChorusActivityKind  kind,
                             const char         *title)
{
  g_autofree char *clean = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ChorusActivity) activity = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);

  clean = _chorus_text_sanitize (title);
  id = make_slug_id (self->activities_by_id, clean, "activity-");
  activity = chorus_activity_new (id, kind, clean);

  record_insert (self, LIST_ACTIVITIES,
                 g_list_model_get_n_items (G_LIST_MODEL (self->activities)),
                 activity, _("Add activity"));

  return activity;
}

void
chorus_project_set_activity_kind (ChorusProject      *self,
                                  ChorusActivity     *activity,
                                  ChorusActivityKind  kind)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ACTIVITY (activity));
  record_set_enum (self, activity, "kind", kind, _("Change activity kind"));
}

void
chorus_project_set_activity_title (ChorusProject  *self,
                                   ChorusActivity *activity,
                                   const char     *title)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ACTIVITY (activity));
  record_set_string (self, activity, "title", title, _("Rename activity"));
}

void
chorus_project_set_activity_dates (ChorusProject  *self,
                                   ChorusActivity *activity,
                                   const char     *dates)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ACTIVITY (activity));
  record_set_string (self, activity, "dates", dates, _("Edit activity dates"));
}

void
chorus_project_set_activity_involved (ChorusProject  *self,
                                      ChorusActivity *activity,
                                      const char     *involved)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ACTIVITY (activity));
  record_set_string (self, activity, "involved", involved, _("Edit who was involved"));
}

void
chorus_project_set_activity_number_involved (ChorusProject  *self,
                                             ChorusActivity *activity,
                                             const char     *number_involved)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ACTIVITY (activity));
  record_set_string (self, activity, "number-involved", number_involved,
                     _("Edit number involved"));
}

guint
chorus_project_count_activity_uses (ChorusProject  *self,
                                    ChorusActivity *activity)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), 0);
  g_return_val_if_fail (CHORUS_IS_ACTIVITY (activity), 0);

  return count_items_with (self, chorus_item_get_activity_id, chorus_activity_get_id (activity));
}

void
chorus_project_remove_activity (ChorusProject  *self,
                                ChorusActivity *activity,
                                ChorusActivity *reassign_to)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ACTIVITY (activity));
  g_return_if_fail (reassign_to == NULL || CHORUS_IS_ACTIVITY (reassign_to));
  g_return_if_fail (reassign_to != activity);

  g_object_ref (activity);
  chorus_project_begin_group (self, _("Delete activity"));
  reassign_items (self, "activity-id", chorus_item_get_activity_id,
                  chorus_activity_get_id (activity),
                  reassign_to ? chorus_activity_get_id (reassign_to) : NULL);
  record_remove (self, LIST_ACTIVITIES, activity, NULL);
  chorus_project_end_group (self);
  g_object_unref (activity);
}

/* Themes */

ChorusCodebook *
chorus_project_get_codebook (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return self->codebook;
}

static GHashTable *
theme_ids (ChorusProject *self)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->codebook));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (G_LIST_MODEL (self->codebook), i);
      g_hash_table_add (ids, (gpointer) chorus_theme_get_id (theme));
    }

  return ids;
}

ChorusTheme *
chorus_project_add_theme (ChorusProject *self,
                          const char    *name,
                          ChorusTheme   *parent)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ChorusTheme) theme = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (parent == NULL || CHORUS_IS_THEME (parent), NULL);

  ids = theme_ids (self);
  clean = _chorus_text_sanitize (name);
  id = make_slug_id (ids, clean, "theme-");
  theme = chorus_theme_new (id, clean, chorus_codebook_get_next_colour (self->codebook));
  if (parent != NULL)
    _chorus_theme_set_details (theme, NULL, chorus_theme_get_id (parent), NULL);

  record_insert (self, LIST_THEMES, g_list_model_get_n_items (G_LIST_MODEL (self->codebook)),
                 theme, _("Add theme"));

  return theme;
}

void
chorus_project_rename_theme (ChorusProject *self,
                             ChorusTheme   *theme,
                             const char    *name)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_THEME (theme));
  record_set_string (self, theme, "name", name, _("Rename theme"));
}

void
chorus_project_set_theme_colour (ChorusProject *self,
                                 ChorusTheme   *theme,
                                 const char    *colour)
{
  g_autofree char *lower = NULL;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_THEME (theme));
  g_return_if_fail (chorus_colour_parse (colour, NULL, NULL, NULL));

  lower = g_ascii_strdown (colour, -1);
  record_set_id (self, theme, "colour", lower, _("Change theme colour"));
}

void
chorus_project_set_theme_description (ChorusProject *self,
                                      ChorusTheme   *theme,
                                      const char    *description)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_THEME (theme));
  record_set_string (self, theme, "description", description, _("Edit theme description"));
}

void
chorus_project_set_theme_keywords (ChorusProject      *self,
                                   ChorusTheme        *theme,
                                   const char * const *keywords)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) clean = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_THEME (theme));

  for (guint i = 0; keywords != NULL && keywords[i] != NULL; i++)
    {
      g_autofree char *keyword = _chorus_text_sanitize (keywords[i]);

      g_strstrip (keyword);
      if (keyword[0] != '\0')
        g_strv_builder_add (builder, keyword);
    }
  clean = g_strv_builder_end (builder);

  if (g_strv_equal ((const char * const *) clean, chorus_theme_get_keywords (theme)))
    return;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, clean);
  record_set (self, theme, "keywords", &value, _("Edit theme keywords"));
}

gboolean
chorus_project_set_theme_parent (ChorusProject *self,
                                 ChorusTheme   *theme,
                                 ChorusTheme   *parent)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_THEME (theme), FALSE);
  g_return_val_if_fail (parent == NULL || CHORUS_IS_THEME (parent), FALSE);

  if (parent != NULL &&
      chorus_codebook_is_descendant (self->codebook, chorus_theme_get_id (parent),
                                     chorus_theme_get_id (theme)))
    return FALSE;

  record_set_id (self, theme, "parent-id", parent ? chorus_theme_get_id (parent) : NULL,
                 _("Move theme"));
  return TRUE;
}

guint
chorus_project_count_theme_codings (ChorusProject *self,
                                    ChorusTheme   *theme)
{
  const char *interned;
  guint n, count = 0;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), 0);
  g_return_val_if_fail (CHORUS_IS_THEME (theme), 0);

  interned = g_intern_string (chorus_theme_get_id (theme));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      GArray *codings = _chorus_item_get_codings (item);

      for (guint c = 0; codings != NULL && c < codings->len; c++)
        count += g_array_index (codings, ChorusCoding, c).theme_id == interned;
    }

  return count;
}

void
chorus_project_remove_theme (ChorusProject *self,
                             ChorusTheme   *theme)
{
  const char *interned;
  guint n;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_THEME (theme));

  g_object_ref (theme);
  interned = g_intern_string (chorus_theme_get_id (theme));
  chorus_project_begin_group (self, _("Delete theme"));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      GArray *codings = _chorus_item_get_codings (item);
      g_autoptr(GArray) kept = NULL;

      if (!chorus_item_has_theme (item, interned))
        continue;

      kept = _chorus_coding_array_new ();
      for (guint c = 0; c < codings->len; c++)
        {
          ChorusCoding *coding = &g_array_index (codings, ChorusCoding, c);

          if (coding->theme_id != interned)
            g_array_append_val (kept, *coding);
        }
      record_set_codings (self, item, kept, NULL);
    }

  /* Children move up a level rather than vanish with their parent. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->codebook));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusTheme) child = g_list_model_get_item (G_LIST_MODEL (self->codebook), i);

      if (g_strcmp0 (chorus_theme_get_parent_id (child), interned) == 0)
        record_set_id (self, child, "parent-id", chorus_theme_get_parent_id (theme), NULL);
    }

  record_remove (self, LIST_THEMES, theme, NULL);
  chorus_project_end_group (self);
  g_object_unref (theme);
}

/* Items */

GListModel *
chorus_project_get_items (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->items);
}

ChorusItem *
chorus_project_find_item (ChorusProject *self,
                          const char    *item_id)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return item_id ? g_hash_table_lookup (self->items_by_id, item_id) : NULL;
}

ChorusItem *
chorus_project_add_item (ChorusProject  *self,
                         const char     *question_id,
                         ChorusGroup    *group,
                         ChorusActivity *activity,
                         const char     *text)
{
  g_autoptr(ChorusItem) item = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (chorus_consultation_find_question (self->consultation, question_id), NULL);
  g_return_val_if_fail (group == NULL || CHORUS_IS_GROUP (group), NULL);
  g_return_val_if_fail (activity == NULL || CHORUS_IS_ACTIVITY (activity), NULL);

  item = _chorus_item_new_take (make_item_id (self), question_id,
                                group ? chorus_group_get_id (group) : NULL,
                                activity ? chorus_activity_get_id (activity) : NULL,
                                _chorus_text_sanitize (text), CHORUS_STANCE_UNSET, NULL, TRUE);

  record_insert (self, LIST_ITEMS, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                 item, _("Add input"));

  return item;
}

/* Length in characters of the common prefix and suffix of two strings, the
 * suffix not overlapping the prefix in either. */
static void
common_affixes (const char *a,
                const char *b,
                guint       a_length,
                guint       b_length,
                guint      *prefix,
                guint      *suffix)
{
  const char *pa = a, *pb = b;
  const char *ea = a + strlen (a), *eb = b + strlen (b);
  guint p = 0, s = 0;

  while (*pa != '\0' && *pb != '\0' && g_utf8_get_char (pa) == g_utf8_get_char (pb))
    {
      pa = g_utf8_next_char (pa);
      pb = g_utf8_next_char (pb);
      p++;
    }

  while (p + s < a_length && p + s < b_length)
    {
      const char *qa = g_utf8_prev_char (ea);
      const char *qb = g_utf8_prev_char (eb);

      if (g_utf8_get_char (qa) != g_utf8_get_char (qb))
        break;
      ea = qa;
      eb = qb;
      s++;
    }

  *prefix = p;
  *suffix = s;
}

/* Where a coding boundary lands after the text between prefix and the suffix
 * was replaced: before the change it stays, after it shifts, and inside it
 * snaps to the edge of the new text (the start to its start, the end to its
 * end) so a coding keeps covering what replaced its words. */
static guint
move_boundary (guint    offset,
               gboolean is_start,
               guint    prefix,
               guint    old_changed_end,
               guint    new_changed_end)
{
  if (offset <= prefix)
    return offset;
  if (offset >= old_changed_end)
    return offset - old_changed_end + new_changed_end;
  return is_start ? prefix : new_changed_end;
}

void
chorus_project_set_item_text (ChorusProject *self,
                              ChorusItem    *item,
                              const char    *text)
{
  g_autofree char *clean = NULL;
  GArray *codings;
  guint old_length, new_length, prefix, suffix;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ITEM (item));

  clean = _chorus_text_sanitize (text);
  if (g_str_equal (clean, chorus_item_get_text (item)))
    return;

  old_length = chorus_item_get_length (item);
  new_length = (guint) g_utf8_strlen (clean, -1);
  common_affixes (chorus_item_get_text (item), clean, old_length, new_length, &prefix, &suffix);

  chorus_project_begin_group (self, _("Edit input"));

  codings = _chorus_item_get_codings (item);
  if (codings != NULL)
    {
      g_autoptr(GArray) moved = _chorus_coding_array_new ();

      for (guint i = 0; i < codings->len; i++)
        {
          ChorusCoding *coding = &g_array_index (codings, ChorusCoding, i);
          guint start = move_boundary (coding->start, TRUE, prefix,
                                       old_length - suffix, new_length - suffix);
          guint end = move_boundary (coding->end, FALSE, prefix,
                                     old_length - suffix, new_length - suffix);

          if (start < end)
            _chorus_coding_array_insert (moved, coding->theme_id, start, end);
        }

      record_set_codings (self, item, moved, NULL);
    }

  record_set_string (self, item, "text", clean, NULL);
  chorus_project_end_group (self);
}

void
chorus_project_set_item_question (ChorusProject *self,
                                  ChorusItem    *item,
                                  const char    *question_id)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ITEM (item));
  g_return_if_fail (chorus_consultation_find_question (self->consultation, question_id));

  record_set_id (self, item, "question-id", question_id, _("Move input to another question"));
}

void
chorus_project_set_item_group (ChorusProject *self,
                               ChorusItem    *item,
                               ChorusGroup   *group)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ITEM (item));
  g_return_if_fail (group == NULL || CHORUS_IS_GROUP (group));

  record_set_id (self, item, "group-id", group ? chorus_group_get_id (group) : NULL,
                 _("Change group"));
}

void
chorus_project_set_item_activity (ChorusProject  *self,
                                  ChorusItem     *item,
                                  ChorusActivity *activity)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ITEM (item));
  g_return_if_fail (activity == NULL || CHORUS_IS_ACTIVITY (activity));

  record_set_id (self, item, "activity-id", activity ? chorus_activity_get_id (activity) : NULL,
                 _("Change activity"));
}

void
chorus_project_set_item_stance (ChorusProject *self,
                                ChorusItem    *item,
                                ChorusStance   stance)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ITEM (item));
  g_return_if_fail ((guint) stance < CHORUS_N_STANCES);

  record_set_enum (self, item, "stance", stance, _("Set stance"));
}

void
chorus_project_set_item_author (ChorusProject *self,
                                ChorusItem    *item,
                                const char    *author)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ITEM (item));

  record_set_string (self, item, "author", author, _("Edit author"));
}

void
chorus_project_set_item_publish (ChorusProject *self,
                                 ChorusItem    *item,
                                 gboolean       publish)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ITEM (item));

  record_set_boolean (self, item, "publish", publish,
                      publish ? _("Include in publication") : _("Leave out of publication"));
}

ChorusItem *
chorus_project_duplicate_item (ChorusProject *self,
                               ChorusItem    *item)
{
  g_autoptr(ChorusItem) copy = NULL;
  GArray *codings;
  guint position;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  g_return_val_if_fail (CHORUS_IS_ITEM (item), NULL);

  if (!list_find (self, LIST_ITEMS, item, &position))
    g_return_val_if_reached (NULL);

  copy = _chorus_item_new_take (make_item_id (self),
                                chorus_item_get_question_id (item),
                                chorus_item_get_group_id (item),
                                chorus_item_get_activity_id (item),
                                g_strdup (chorus_item_get_text (item)),
                                chorus_item_get_stance (item),
                                g_strdup (chorus_item_get_author (item)),
                                chorus_item_get_publish (item));
  codings = _chorus_item_get_codings (item);
  for (guint i = 0; codings != NULL && i < codings->len; i++)
    {
      ChorusCoding *coding = &g_array_index (codings, ChorusCoding, i);
      _chorus_item_add_coding (copy, coding->theme_id, coding->start, coding->end);
    }

  record_insert (self, LIST_ITEMS, position + 1, copy, _("Duplicate input"));

  return copy;
}

void
chorus_project_remove_item (ChorusProject *self,
                            ChorusItem    *item)
{
  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ITEM (item));

  record_remove (self, LIST_ITEMS, item, _("Delete input"));
}

gboolean
chorus_project_add_coding (ChorusProject *self,
                           ChorusItem    *item,
                           ChorusTheme   *theme,
                           guint          start,
                           guint          end)
{
  g_autoptr(GArray) codings = NULL;
  guint length;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_ITEM (item), FALSE);
  g_return_val_if_fail (CHORUS_IS_THEME (theme), FALSE);

  length = chorus_item_get_length (item);
  if (end == G_MAXUINT)
    {
      start = 0;
      end = length;
    }
  if (start >= end || end > length)
    return FALSE;

  codings = _chorus_coding_array_copy (_chorus_item_get_codings (item));
  if (!_chorus_coding_array_insert (codings, chorus_theme_get_id (theme), start, end))
    return FALSE;

  record_set_codings (self, item, codings, _("Tag with theme"));
  return TRUE;
}

void
chorus_project_remove_coding (ChorusProject *self,
                              ChorusItem    *item,
                              guint          position)
{
  g_autoptr(GArray) codings = NULL;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_ITEM (item));
  g_return_if_fail (position < chorus_item_get_n_codings (item));

  codings = _chorus_coding_array_copy (_chorus_item_get_codings (item));
  g_array_remove_index (codings, position);
  record_set_codings (self, item, codings, _("Remove theme tag"));
}

/* Drafts */

GListModel *
chorus_project_get_drafts (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->drafts);
}

ChorusDraft *
chorus_project_find_draft (ChorusProject   *self,
                           ChorusDraftKind  kind,
                           const char      *target_id,
                           const char      *group_id)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);

  if (target_id == NULL)
    return NULL;

  key = draft_key (kind, target_id, group_id);
  return g_hash_table_lookup (self->drafts_by_key, key);
}

/* Inside an undo group: the draft's creation is part of the edit. */
static ChorusDraft *
ensure_draft (ChorusProject   *self,
              ChorusDraftKind  kind,
              const char      *target_id,
              const char      *group_id)
{
  ChorusDraft *draft = chorus_project_find_draft (self, kind, target_id, group_id);

  if (draft == NULL)
    {
      g_autoptr(ChorusDraft) created = chorus_draft_new (kind, target_id, group_id);

      record_insert (self, LIST_DRAFTS, g_list_model_get_n_items (G_LIST_MODEL (self->drafts)),
                     created, NULL);
      draft = created;
    }

  return draft;
}

ChorusDraft *
chorus_project_get_answer (ChorusProject *self,
                           const char    *question_id)
{
  return chorus_project_find_draft (self, CHORUS_DRAFT_KIND_ANSWER, question_id, NULL);
}

void
chorus_project_set_answer_text (ChorusProject *self,
                                const char    *question_id,
                                const char    *text)
{
  ChorusDraft *draft;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (chorus_consultation_find_question (self->consultation, question_id));

  chorus_project_begin_group (self, _("Edit answer"));
  draft = ensure_draft (self, CHORUS_DRAFT_KIND_ANSWER, question_id, NULL);
  record_set_string (self, draft, "text", text, NULL);
  chorus_project_end_group (self);
}

void
chorus_project_set_answer_option (ChorusProject *self,
                                  const char    *question_id,
                                  const char    *option_id)
{
  ChorusQuestion *question;
  ChorusDraft *draft;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  question = chorus_consultation_find_question (self->consultation, question_id);
  g_return_if_fail (question != NULL);
  g_return_if_fail (option_id == NULL || chorus_question_find_option (question, option_id));

  chorus_project_begin_group (self, _("Choose option"));
  draft = ensure_draft (self, CHORUS_DRAFT_KIND_ANSWER, question_id, NULL);
  record_set_id (self, draft, "option-id", option_id, NULL);
  chorus_project_end_group (self);
}

void
chorus_project_set_answer_status (ChorusProject     *self,
                                  const char        *question_id,
                                  ChorusDraftStatus  status)
{
  ChorusDraft *draft;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (chorus_consultation_find_question (self->consultation, question_id));
  g_return_if_fail ((guint) status < CHORUS_N_DRAFT_STATUSES);

  chorus_project_begin_group (self, _("Change answer status"));
  draft = ensure_draft (self, CHORUS_DRAFT_KIND_ANSWER, question_id, NULL);
  record_set_enum (self, draft, "status", status, NULL);
  chorus_project_end_group (self);
}

ChorusDraftStatus
chorus_project_get_answer_status (ChorusProject *self,
                                  const char    *question_id)
{
  ChorusDraft *draft = chorus_project_get_answer (self, question_id);

  return draft ? chorus_draft_get_status (draft) : CHORUS_DRAFT_STATUS_NOT_STARTED;
}

const char *
chorus_project_get_key_points (ChorusProject *self,
                               const char    *target_id)
{
  ChorusDraft *draft =
    chorus_project_find_draft (self, CHORUS_DRAFT_KIND_KEY_POINTS, target_id, NULL);

  return draft ? chorus_draft_get_text (draft) : NULL;
}

void
chorus_project_set_key_points (ChorusProject *self,
                               const char    *target_id,
                               const char    *text)
{
  ChorusDraft *draft;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (chorus_consultation_find_document (self->consultation, target_id) ||
                    chorus_consultation_find_section (self->consultation, target_id));

  chorus_project_begin_group (self, _("Edit key points"));
  draft = ensure_draft (self, CHORUS_DRAFT_KIND_KEY_POINTS, target_id, NULL);
  record_set_string (self, draft, "text", text, NULL);
  chorus_project_end_group (self);
}

const char *
chorus_project_get_partner_response (ChorusProject *self,
                                     ChorusGroup   *group,
                                     const char    *target_id)
{
  ChorusDraft *draft;

  g_return_val_if_fail (CHORUS_IS_GROUP (group), NULL);

  draft = chorus_project_find_draft (self, CHORUS_DRAFT_KIND_PARTNER_RESPONSE, target_id,
                                     chorus_group_get_id (group));

  return draft ? chorus_draft_get_text (draft) : NULL;
}

void
chorus_project_set_partner_response (ChorusProject *self,
                                     ChorusGroup   *group,
                                     const char    *target_id,
                                     const char    *text)
{
  ChorusDraft *draft;

  g_return_if_fail (CHORUS_IS_PROJECT (self));
  g_return_if_fail (CHORUS_IS_GROUP (group));
  g_return_if_fail (chorus_group_get_partner (group));
  g_return_if_fail (g_strcmp0 (target_id, chorus_consultation_get_id (self->consultation)) == 0 ||
                    chorus_consultation_find_document (self->consultation, target_id) ||
                    chorus_consultation_find_question (self->consultation, target_id));

  chorus_project_begin_group (self, _("Edit partner response"));
  draft = ensure_draft (self, CHORUS_DRAFT_KIND_PARTNER_RESPONSE, target_id,
                        chorus_group_get_id (group));
  record_set_string (self, draft, "text", text, NULL);
  chorus_project_end_group (self);
}

/* Statistics */

ChorusStats *
chorus_project_get_stats (ChorusProject *self)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);

  if (self->stats == NULL)
    self->stats = chorus_stats_new (self);

  return self->stats;
}

/* Loading */

void
_chorus_project_load_respondent (ChorusProject *self,
                                 const char    *organisation,
                                 const char    *contact_name,
                                 const char    *contact_role,
                                 const char    *contact_email,
                                 const char    *contact_phone)
{
  _chorus_set_str (&self->organisation, organisation ? organisation : "");
  _chorus_set_str (&self->contact_name, contact_name ? contact_name : "");
  _chorus_set_str (&self->contact_role, contact_role ? contact_role : "");
  _chorus_set_str (&self->contact_email, contact_email ? contact_email : "");
  _chorus_set_str (&self->contact_phone, contact_phone ? contact_phone : "");
}

void
_chorus_project_load_group (ChorusProject *self,
                            ChorusGroup   *group)
{
  list_insert (self, LIST_GROUPS, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
               G_OBJECT (group));
}

void
_chorus_project_load_activity (ChorusProject  *self,
                               ChorusActivity *activity)
{
  list_insert (self, LIST_ACTIVITIES,
               g_list_model_get_n_items (G_LIST_MODEL (self->activities)),
               G_OBJECT (activity));
}

void
_chorus_project_load_theme (ChorusProject *self,
                            ChorusTheme   *theme)
{
  list_insert (self, LIST_THEMES, g_list_model_get_n_items (G_LIST_MODEL (self->codebook)),
               G_OBJECT (theme));
}

void
_chorus_project_load_items (ChorusProject *self,
                            GPtrArray     *items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < items->len; i++)
    index_object (self, LIST_ITEMS, g_ptr_array_index (items, i), TRUE);

  /* One splice, not 100,000 appends with a signal each. */
  g_list_store_splice (self->items, n, 0, items->pdata, items->len);
  g_ptr_array_set_size (items, 0);
  g_clear_pointer (&self->stats, chorus_stats_unref);
}

void
_chorus_project_load_draft (ChorusProject *self,
                            ChorusDraft   *draft)
{
  list_insert (self, LIST_DRAFTS, g_list_model_get_n_items (G_LIST_MODEL (self->drafts)),
               G_OBJECT (draft));
}
