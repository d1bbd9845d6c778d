/* chorus-project-io.c — reading and writing *.chorus
 *
 * The reader streams: 100,000 items are validated against the schema and
 * turned into model objects as they go by, without a DOM. Every reference
 * is checked, and a broken one is an error naming its line, never dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-atomic-file.h"
#include "chorus-consultation-io.h"
#include "chorus-model-private.h"
#include "chorus-project-io.h"

/* A coding read but not yet given to its item: an item's codings are
 * sorted once, at its end, rather than inserted one by one. */
typedef struct
{
  const char *theme_id;  /* interned */
  guint       start;
  guint       end;
  guint       element;   /* to report it on its line */
} PendingCoding;

typedef struct
{
  ChorusXmlReader *reader;
  ChorusProject   *project;
  /* Validating only checks every item as a load does but makes none: most
   * of the work of a load, and all of freeing it again, is in the items. */
  gboolean         keep_items;
  GPtrArray       *items;          /* of ChorusItem, owned, in file order */
  GHashTable      *item_ids;       /* keys belong to the items, or to item_id_chunk */
  GStringChunk    *item_id_chunk;
  GHashTable      *theme_elements; /* theme id -> element index, to report parent problems */

  /* Respondent */
  char            *organisation;
  char            *contact[4];

  /* The element being read */
  ChorusActivity  *activity;
  ChorusTheme     *theme;
  GStrvBuilder    *keywords;
  char            *theme_name;
  char            *theme_description;
  /* The item being read: checked at its start tag, made once its text is
   * known, since codings that follow are checked against its length. */
  gboolean         in_item;
  char            *item_id;
  const char      *item_question;  /* these three belong to the model */
  const char      *item_group;
  const char      *item_activity;
  ChorusStance     item_stance;
  char            *item_author;
  gboolean         item_publish;
  gboolean         item_has_text;
  guint            item_length;
  ChorusItem      *item;           /* when keep_items */
  GArray          *item_codings;   /* of PendingCoding */
  ChorusDraft     *draft;
} ProjectReader;

static void
project_reader_clear (ProjectReader *self)
{
  g_clear_object (&self->project);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->item_ids, g_hash_table_unref);
  g_clear_pointer (&self->item_id_chunk, g_string_chunk_free);
  g_clear_pointer (&self->item_codings, g_array_unref);
  g_clear_pointer (&self->theme_elements, g_hash_table_unref);
  g_clear_pointer (&self->organisation, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->contact); i++)
    g_clear_pointer (&self->contact[i], g_free);
  g_clear_object (&self->activity);
  g_clear_object (&self->theme);
  g_clear_pointer (&self->keywords, g_strv_builder_unref);
  g_clear_pointer (&self->theme_name, g_free);
  g_clear_pointer (&self->theme_description, g_free);
  g_clear_object (&self->item);
  g_clear_pointer (&self->item_id, g_free);
  g_clear_pointer (&self->item_author, g_free);
  g_clear_object (&self->draft);
}

static gboolean
invalid (ProjectReader  *self,
         GError        **error,
         const char     *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (ProjectReader  *self,
         GError        **error,
         const char     *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  chorus_xml_reader_error (self->reader, error, CHORUS_ERROR_INVALID, "%s", message);
  return FALSE;
}

static gboolean
read_text (ProjectReader  *self,
           char          **text,
           GError        **error)
{
  g_free (*text);
  *text = chorus_xml_reader_text (self->reader, error);
  return *text != NULL;
}

static gboolean
start_group (ProjectReader  *self,
             GError        **error)
{
  g_autofree char *id = chorus_xml_reader_attribute (self->reader, "id");
  g_autofree char *partner = chorus_xml_reader_attribute (self->reader, "partner");
  g_autofree char *name = NULL;
  g_autoptr(ChorusGroup) group = NULL;

  if (chorus_project_find_group (self->project, id))
    return invalid (self, error, _("there are two groups with the id “%s”"), id);
  if (!read_text (self, &name, error))
    return FALSE;

  group = chorus_group_new (id, name);
  _chorus_group_set_partner (group, g_strcmp0 (partner, "true") == 0);
  _chorus_project_load_group (self->project, group);
  return TRUE;
}

static gboolean
start_activity (ProjectReader  *self,
                GError        **error)
{
  g_autofree char *id = chorus_xml_reader_attribute (self->reader, "id");
  g_autofree char *kind_name = chorus_xml_reader_attribute (self->reader, "kind");
  ChorusActivityKind kind;

  if (chorus_project_find_activity (self->project, id))
    return invalid (self, error, _("there are two activities with the id “%s”"), id);
  if (!chorus_activity_kind_from_string (kind_name, &kind))
    return invalid (self, error, _("“%s” is not a kind of activity"), kind_name);

  g_clear_object (&self->activity);
  self->activity = chorus_activity_new (id, kind, "");
  return TRUE;
}

static gboolean
end_activity (ProjectReader *self)
{
  _chorus_project_load_activity (self->project, self->activity);
  g_clear_object (&self->activity);
  return TRUE;
}

static gboolean
start_theme (ProjectReader  *self,
             GError        **error)
{
  g_autofree char *id = chorus_xml_reader_attribute (self->reader, "id");
  g_autofree char *colour = chorus_xml_reader_attribute (self->reader, "colour");
  g_autofree char *parent = chorus_xml_reader_attribute (self->reader, "parent");

  if (id == NULL || g_hash_table_contains (self->theme_elements, id))
    return invalid (self, error, _("there are two themes with the id “%s”"), id ? id : "");
  if (!chorus_colour_parse (colour, NULL, NULL, NULL))
    return invalid (self, error, _("theme “%s” has the colour “%s”, which is not #rrggbb"),
                    id, colour ? colour : "");

  g_hash_table_insert (self->theme_elements, g_strdup (id),
                       GUINT_TO_POINTER (chorus_xml_reader_element_index (self->reader)));
  g_clear_object (&self->theme);
  self->theme = chorus_theme_new (id, "", colour);
  g_object_set_data_full (G_OBJECT (self->theme), "chorus-parent", g_steal_pointer (&parent), g_free);
  g_clear_pointer (&self->keywords, g_strv_builder_unref);
  self->keywords = g_strv_builder_new ();
  g_clear_pointer (&self->theme_name, g_free);
  g_clear_pointer (&self->theme_description, g_free);
  return TRUE;
}

static gboolean
end_theme (ProjectReader *self)
{
  g_auto(GStrv) keywords = g_strv_builder_end (self->keywords);
  ChorusTheme *theme;

  /* Names and descriptions come after the start tag, and the model sets
   * names at construction: make the theme again now that it is complete. */
  theme = chorus_theme_new (chorus_theme_get_id (self->theme), self->theme_name,
                            chorus_theme_get_colour (self->theme));
  _chorus_theme_set_details (theme, self->theme_description,
                             g_object_get_data (G_OBJECT (self->theme), "chorus-parent"),
                             (const char * const *) keywords);
  _chorus_project_load_theme (self->project, theme);
  g_object_unref (theme);
  g_clear_object (&self->theme);
  return TRUE;
}

static gboolean
theme_invalid (ProjectReader  *self,
               const char     *theme_id,
               GError        **error,
               const char     *format,
               ...) G_GNUC_PRINTF (4, 5);

/* Reported on the theme's own line, though the reader is past it. */
static gboolean
theme_invalid (ProjectReader  *self,
               const char     *theme_id,
               GError        **error,
               const char     *format,
               ...)
{
  guint element = GPOINTER_TO_UINT (g_hash_table_lookup (self->theme_elements, theme_id));
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  chorus_xml_reader_error_at (self->reader, error,
                              chorus_xml_reader_line_of_element (self->reader, element),
                              CHORUS_ERROR_INVALID, "%s", message);
  return FALSE;
}

/* After the codebook: every parent exists and no chain loops. Each theme
 * is walked once, so a hostile codebook of a million themes in one long
 * chain costs a million steps, not a million squared. */
static gboolean
check_theme_parents (ProjectReader  *self,
                     GError        **error)
{
  ChorusCodebook *codebook = chorus_project_get_codebook (self->project);
  GListModel *themes = G_LIST_MODEL (codebook);
  guint n = g_list_model_get_n_items (themes);
  /* theme id -> 1 + the number of the walk that reached it first */
  g_autoptr(GHashTable) walked = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);
      const char *parent = chorus_theme_get_parent_id (theme);

      if (parent != NULL && chorus_codebook_find_theme (codebook, parent) == NULL)
        return theme_invalid (self, chorus_theme_get_id (theme), error,
                              _("theme “%s” has the parent “%s”, which is not in the codebook"),
                              chorus_theme_get_id (theme), parent);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);
      const char *current = chorus_theme_get_id (theme);

      while (current != NULL)
        {
          guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (walked, current));
          ChorusTheme *ancestor;

          /* Met in this walk: the chain has come round to itself. Met in
           * an earlier one: the rest of the chain is known to end. */
          if (seen == i + 1)
            return theme_invalid (self, current, error,
                                  _("theme “%s” is its own ancestor (its parents form a loop)"),
                                  current);
          if (seen != 0)
            break;

          g_hash_table_insert (walked, (char *) current, GUINT_TO_POINTER (i + 1));
          ancestor = chorus_codebook_find_theme (codebook, current);
          current = ancestor != NULL ? chorus_theme_get_parent_id (ancestor) : NULL;
        }
    }

  return TRUE;
}

/* Characters, as chorus_item_get_length() counts them, of text libxml2 has
 * already checked to be UTF-8: every byte but a continuation byte starts one. */
static guint
utf8_length (const char *text)
{
  guint n = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    n += (*p & 0xC0) != 0x80;

  return n;
}

/* The item's id belongs to the item once there is one. */
static const char *
current_item_id (ProjectReader *self)
{
  if (self->item != NULL)
    return chorus_item_get_id (self->item);

  return self->item_id ? self->item_id : "";
}

static void
clear_item (ProjectReader *self)
{
  self->in_item = FALSE;
  self->item_has_text = FALSE;
  if (self->item_codings != NULL)
    g_array_set_size (self->item_codings, 0);
  g_clear_pointer (&self->item_id, g_free);
  g_clear_pointer (&self->item_author, g_free);
  g_clear_object (&self->item);
}

/* Everything an item refers to is checked at its start tag, so a broken
 * reference is reported on the item's own line. This runs 100,000 times in
 * a large file: the attributes are read without copying them. */
static gboolean
start_item (ProjectReader  *self,
            GError        **error)
{
  static const char * const names[] = { "id", "question", "group", "activity", "stance",
                                        "author", "publish" };
  const char *a[G_N_ELEMENTS (names)];
  ChorusConsultation *consultation = chorus_project_get_consultation (self->project);
  ChorusQuestion *question;
  ChorusGroup *group = NULL;
  ChorusActivity *activity = NULL;
  ChorusStance stance = CHORUS_STANCE_UNSET;

  clear_item (self);
  chorus_xml_reader_attributes (self->reader, names, a, G_N_ELEMENTS (names));

  if (a[0] == NULL)
    return invalid (self, error, _("an item has no id"));
  if (g_hash_table_contains (self->item_ids, a[0]))
    return invalid (self, error, _("there are two items with the id “%s”"), a[0]);
  if ((question = chorus_consultation_find_question (consultation, a[1])) == NULL)
    return invalid (self, error, _("item %s refers to the unknown question “%s”"), a[0],
                    a[1] ? a[1] : "");
  if (a[2] != NULL && (group = chorus_project_find_group (self->project, a[2])) == NULL)
    return invalid (self, error, _("item %s refers to the unknown group “%s”"), a[0], a[2]);
  if (a[3] != NULL && (activity = chorus_project_find_activity (self->project, a[3])) == NULL)
    return invalid (self, error, _("item %s refers to the unknown activity “%s”"), a[0], a[3]);
  if (a[4] != NULL && !chorus_stance_from_string (a[4], &stance))
    return invalid (self, error, _("item %s has the unknown stance “%s”"), a[0], a[4]);

  self->in_item = TRUE;
  self->item_id = g_strdup (a[0]);
  self->item_question = chorus_question_get_id (question);
  self->item_group = group ? chorus_group_get_id (group) : NULL;
  self->item_activity = activity ? chorus_activity_get_id (activity) : NULL;
  self->item_stance = stance;
  self->item_author = g_strdup (a[5]);
  self->item_publish = g_strcmp0 (a[6], "false") != 0;
  return TRUE;
}

static gboolean
read_item_text (ProjectReader  *self,
                GError        **error)
{
  char *text;

  if (self->item_has_text)
    return invalid (self, error, _("item %s has two texts"), current_item_id (self));

  text = chorus_xml_reader_text (self->reader, error);
  if (text == NULL)
    return FALSE;

  self->item_has_text = TRUE;

  if (!self->keep_items)
    {
      self->item_length = utf8_length (text);
      g_free (text);
      g_hash_table_add (self->item_ids, g_string_chunk_insert (self->item_id_chunk, self->item_id));
      return TRUE;
    }

  self->item = _chorus_item_new_take (g_steal_pointer (&self->item_id), self->item_question,
                                      self->item_group, self->item_activity, text,
                                      self->item_stance, g_steal_pointer (&self->item_author),
                                      self->item_publish);
  self->item_length = chorus_item_get_length (self->item);
  /* The item owns its id, and outlives this table. */
  g_hash_table_add (self->item_ids, (char *) chorus_item_get_id (self->item));
  return TRUE;
}

static gboolean
read_coding (ProjectReader  *self,
             GError        **error)
{
  static const char * const names[] = { "theme", "start", "end" };
  const char *a[G_N_ELEMENTS (names)];
  const char *theme, *start_text, *end_text;
  const char *item_id;
  guint length;
  guint64 start = 0, end;

  if (!self->item_has_text)
    return invalid (self, error, _("a coding must follow its item's text"));

  chorus_xml_reader_attributes (self->reader, names, a, G_N_ELEMENTS (names));
  theme = a[0];
  start_text = a[1];
  end_text = a[2];
  item_id = current_item_id (self);
  length = self->item_length;
  end = length;

  if (chorus_codebook_find_theme (chorus_project_get_codebook (self->project), theme) == NULL)
    return invalid (self, error, _("item %s is coded with the unknown theme “%s”"), item_id,
                    theme ? theme : "");
  if ((start_text == NULL) != (end_text == NULL))
    return invalid (self, error, _("a coding of item %s has a start without an end or the other way round"),
                    item_id);
  if (start_text != NULL &&
      (!g_ascii_string_to_unsigned (start_text, 10, 0, G_MAXUINT, &start, NULL) ||
       !g_ascii_string_to_unsigned (end_text, 10, 0, G_MAXUINT, &end, NULL)))
    return invalid (self, error, _("a coding of item %s has offsets that are not numbers"), item_id);
  if (start >= end || end > length)
    return invalid (self, error,
                    _("a coding of item %s covers characters %" G_GUINT64_FORMAT " to %"
                      G_GUINT64_FORMAT ", but its text is %u characters long"),
                    item_id, start, end, length);
  {
    PendingCoding coding = { g_intern_string (theme), (guint) start, (guint) end,
                             chorus_xml_reader_element_index (self->reader) };

    g_array_append_val (self->item_codings, coding);
  }

  return TRUE;
}

static int
compare_pending_codings (gconstpointer a,
                         gconstpointer b)
{
  const PendingCoding *ca = a;
  const PendingCoding *cb = b;
  int cmp;

  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  if (ca->end != cb->end)
    return ca->end < cb->end ? -1 : 1;
  if ((cmp = strcmp (ca->theme_id, cb->theme_id)) != 0)
    return cmp;
  return ca->element < cb->element ? -1 : (ca->element > cb->element);
}

/* Sorted, the codings go to the item in the order it keeps them, each one
 * an append: even an item with a million codings in reverse order costs
 * one sort, and a coding given twice sits next to its twin. */
static gboolean
end_item_codings (ProjectReader  *self,
                  GError        **error)
{
  GArray *codings = self->item_codings;
  const PendingCoding *twin = NULL;

  if (codings->len == 0)
    return TRUE;

  g_array_sort (codings, compare_pending_codings);

  /* The first repeat in the file is the one to report. */
  for (guint i = 1; i < codings->len; i++)
    {
      const PendingCoding *a = &g_array_index (codings, PendingCoding, i - 1);
      const PendingCoding *b = &g_array_index (codings, PendingCoding, i);

      if (a->theme_id == b->theme_id && a->start == b->start && a->end == b->end &&
          (twin == NULL || b->element < twin->element))
        twin = b;
    }

  if (twin != NULL)
    {
      chorus_xml_reader_error_at (self->reader, error,
                                  chorus_xml_reader_line_of_element (self->reader, twin->element),
                                  CHORUS_ERROR_INVALID,
                                  _("item %s is coded twice with “%s” on the same text"),
                                  current_item_id (self), twin->theme_id);
      return FALSE;
    }

  if (self->keep_items)
    for (guint i = 0; i < codings->len; i++)
      {
        const PendingCoding *coding = &g_array_index (codings, PendingCoding, i);

        _chorus_item_add_coding (self->item, coding->theme_id, coding->start, coding->end);
      }

  g_array_set_size (codings, 0);
  return TRUE;
}

static gboolean
end_item (ProjectReader  *self,
          GError        **error)
{
  if (!self->item_has_text)
    return invalid (self, error, _("item %s has no text"), current_item_id (self));

  if (!end_item_codings (self, error))
    return FALSE;

  if (self->keep_items)
    g_ptr_array_add (self->items, g_steal_pointer (&self->item));
  clear_item (self);
  return TRUE;
}

static gboolean
start_draft (ProjectReader    *self,
             ChorusDraftKind   kind,
             GError          **error)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (self->project);
  g_autofree char *target = NULL;
  g_autofree char *group_id = NULL;
  g_autofree char *option = NULL;
  g_autofree char *status_name = NULL;
  ChorusDraftStatus status = CHORUS_DRAFT_STATUS_NOT_STARTED;

  if (kind == CHORUS_DRAFT_KIND_ANSWER)
    {
      ChorusQuestion *question;

      target = chorus_xml_reader_attribute (self->reader, "question");
      option = chorus_xml_reader_attribute (self->reader, "option");
      status_name = chorus_xml_reader_attribute (self->reader, "status");
      question = chorus_consultation_find_question (consultation, target);

      if (question == NULL)
        return invalid (self, error, _("an answer refers to the unknown question “%s”"),
                        target ? target : "");
      if (option != NULL && chorus_question_find_option (question, option) == NULL)
        return invalid (self, error, _("the answer to %s chooses the unknown option “%s”"),
                        target, option);
      if (status_name != NULL && !chorus_draft_status_from_string (status_name, &status))
        return invalid (self, error, _("the answer to %s has the unknown status “%s”"), target,
                        status_name);
    }
  else if (kind == CHORUS_DRAFT_KIND_KEY_POINTS)
    {
      target = chorus_xml_reader_attribute (self->reader, "target");

      if (chorus_consultation_find_document (consultation, target) == NULL &&
          chorus_consultation_find_section (consultation, target) == NULL)
        return invalid (self, error, _("key points refer to the unknown document or section “%s”"),
                        target ? target : "");
    }
  else
    {
      ChorusGroup *group;

      target = chorus_xml_reader_attribute (self->reader, "target");
      group_id = chorus_xml_reader_attribute (self->reader, "group");
      group = chorus_project_find_group (self->project, group_id);

      if (group == NULL)
        return invalid (self, error, _("a partner response refers to the unknown group “%s”"),
                        group_id ? group_id : "");
      if (!chorus_group_get_partner (group))
        return invalid (self, error, _("group “%s” has a partner response but is not marked as a partner"),
                        group_id);
      if (g_strcmp0 (target, chorus_consultation_get_id (consultation)) != 0 &&
          chorus_consultation_find_document (consultation, target) == NULL &&
          chorus_consultation_find_question (consultation, target) == NULL)
        return invalid (self, error, _("a partner response refers to the unknown target “%s”"),
                        target ? target : "");
    }

  if (chorus_project_find_draft (self->project, kind, target, group_id) != NULL)
    return invalid (self, error, _("“%s” has two drafts of the same kind"), target);

  g_clear_object (&self->draft);
  self->draft = _chorus_draft_new_full (kind, target, group_id, "", option, status);
  return TRUE;
}

static gboolean
end_draft (ProjectReader *self)
{
  if (self->draft != NULL)
    _chorus_project_load_draft (self->project, self->draft);
  g_clear_object (&self->draft);
  return TRUE;
}

static gboolean
read_element (ProjectReader  *self,
              const char     *name,
              GError        **error)
{
  ChorusXmlReader *reader = self->reader;

  if (self->in_item)
    {
      if (g_str_equal (name, "text"))
        return read_item_text (self, error);
      if (g_str_equal (name, "coding"))
        return read_coding (self, error);
    }

  if (g_str_equal (name, "item"))
    return start_item (self, error);

  if (self->draft != NULL && g_str_equal (name, "text"))
    {
      g_autofree char *text = chorus_xml_reader_text (reader, error);

      if (text == NULL)
        return FALSE;
      g_object_set (self->draft, "text", text, NULL);
      return TRUE;
    }

  if (self->activity != NULL)
    {
      const char *property = g_str_equal (name, "title") ? "title"
                             : g_str_equal (name, "dates") ? "dates"
                             : g_str_equal (name, "involved") ? "involved"
                             : g_str_equal (name, "number-involved") ? "number-involved"
                             : NULL;

      if (property != NULL)
        {
          g_autofree char *text = chorus_xml_reader_text (reader, error);

          if (text == NULL)
            return FALSE;
          g_object_set (self->activity, property, text, NULL);
          return TRUE;
        }
    }

  if (self->theme != NULL)
    {
      if (g_str_equal (name, "name"))
        return read_text (self, &self->theme_name, error);
      if (g_str_equal (name, "description"))
        return read_text (self, &self->theme_description, error);
      if (g_str_equal (name, "keyword"))
        {
          g_autofree char *keyword = chorus_xml_reader_text (reader, error);

          if (keyword == NULL)
            return FALSE;
          g_strv_builder_add (self->keywords, keyword);
          return TRUE;
        }
    }

  if (g_str_equal (name, "organisation"))
    return read_text (self, &self->organisation, error);

  if (g_str_equal (name, "contact"))
    {
      static const char * const names[] = { "name", "role", "email", "phone" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_free (self->contact[i]);
          self->contact[i] = chorus_xml_reader_attribute (reader, names[i]);
        }
      return TRUE;
    }

  if (g_str_equal (name, "consultation") && chorus_xml_reader_depth (reader) == 1)
    {
      g_autoptr(ChorusConsultation) consultation = _chorus_consultation_read (reader, error);

      if (consultation == NULL)
        return FALSE;
      self->project = chorus_project_new (consultation);
      return TRUE;
    }

  /* Everything below needs the consultation, which the schema puts first. */
  if (self->project == NULL)
    return TRUE;

  if (g_str_equal (name, "group"))
    return start_group (self, error);
  if (g_str_equal (name, "activity"))
    return start_activity (self, error);
  if (g_str_equal (name, "theme"))
    return start_theme (self, error);
  if (g_str_equal (name, "answer"))
    return start_draft (self, CHORUS_DRAFT_KIND_ANSWER, error);
  if (g_str_equal (name, "key-points"))
    return start_draft (self, CHORUS_DRAFT_KIND_KEY_POINTS, error);
  if (g_str_equal (name, "partner-response"))
    return start_draft (self, CHORUS_DRAFT_KIND_PARTNER_RESPONSE, error);

  return TRUE;
}

static gboolean
read_end_element (ProjectReader  *self,
                  const char     *name,
                  GError        **error)
{
  if (g_str_equal (name, "activity") && self->activity != NULL)
    return end_activity (self);
  if (g_str_equal (name, "theme") && self->theme != NULL)
    return end_theme (self);
  if (g_str_equal (name, "codebook") && self->project != NULL)
    return check_theme_parents (self, error);
  if (g_str_equal (name, "item"))
    return end_item (self, error);
  if (g_str_equal (name, "answer") || g_str_equal (name, "key-points") ||
      g_str_equal (name, "partner-response"))
    return end_draft (self);
  if (g_str_equal (name, "respondent") && self->organisation == NULL)
    self->organisation = g_strdup ("");

  return TRUE;
}

static void
read_empty_element_end (ProjectReader *self,
                        const char    *name)
{
  /* An empty element gets no end node from the reader. */
  if (g_str_equal (name, "answer") || g_str_equal (name, "key-points") ||
      g_str_equal (name, "partner-response"))
    end_draft (self);
}

static ChorusProject *
read_project (GBytes      *bytes,
              const char  *display_name,
              gboolean     keep_items,
              GError     **error)
{
  ProjectReader self = { 0 };
  g_autoptr(ChorusXmlReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  ChorusProject *project;

  reader = chorus_xml_reader_new (bytes, display_name ? display_name : _("(unnamed)"),
                                  CHORUS_FILE_KIND_PROJECT, error);
  if (reader == NULL)
    return NULL;

  self.reader = reader;
  self.keep_items = keep_items;
  self.items = g_ptr_array_new_with_free_func (g_object_unref);
  self.item_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.item_codings = g_array_new (FALSE, FALSE, sizeof (PendingCoding));
  if (!keep_items)
    self.item_id_chunk = g_string_chunk_new (64 * 1024);
  self.theme_elements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  while (chorus_xml_reader_read (reader, &local_error))
    {
      int type = chorus_xml_reader_node_type (reader);
      const char *name = chorus_xml_reader_name (reader);

      if (type == CHORUS_XML_ELEMENT)
        {
          gboolean empty = chorus_xml_reader_is_empty (reader);

          if (!read_element (&self, name, &local_error))
            break;
          if (empty)
            read_empty_element_end (&self, name);
        }
      else if (type == CHORUS_XML_END_ELEMENT)
        {
          if (!read_end_element (&self, name, &local_error))
            break;
        }
    }

  if (local_error == NULL && self.project == NULL)
    chorus_xml_reader_error_at (reader, &local_error, 0, CHORUS_ERROR_INVALID,
                                _("the project has no consultation in it"));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      project_reader_clear (&self);
      return NULL;
    }

  _chorus_project_load_respondent (self.project, self.organisation, self.contact[0],
                                   self.contact[1], self.contact[2], self.contact[3]);
  _chorus_project_load_items (self.project, self.items);
  project = g_steal_pointer (&self.project);
  project_reader_clear (&self);

  return project;
}

ChorusProject *
chorus_project_load_bytes (GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return read_project (bytes, display_name, TRUE, error);
}

gboolean
_chorus_project_validate_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_autoptr(ChorusProject) project = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);

  project = read_project (bytes, display_name, FALSE, error);
  return project != NULL;
}

ChorusProject *
chorus_project_load_file (const char  *path,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GFile) file = NULL;
  ChorusProject *project;

  g_return_val_if_fail (path != NULL, NULL);

  if (!_chorus_read_file (path, &bytes, &display_name, error))
    return NULL;

  project = chorus_project_load_bytes (bytes, display_name, error);
  if (project != NULL)
    {
      file = g_file_new_for_path (path);
      chorus_project_set_file (project, file);
    }

  return project;
}

static int
compare_drafts (gconstpointer a,
                gconstpointer b)
{
  ChorusDraft *da = *(ChorusDraft **) a;
  ChorusDraft *db = *(ChorusDraft **) b;
  int cmp;

  if (chorus_draft_get_kind (da) != chorus_draft_get_kind (db))
    return chorus_draft_get_kind (da) < chorus_draft_get_kind (db) ? -1 : 1;
  if ((cmp = strcmp (chorus_draft_get_target_id (da), chorus_draft_get_target_id (db))) != 0)
    return cmp;
  return g_strcmp0 (chorus_draft_get_group_id (da), chorus_draft_get_group_id (db));
}

static void
write_items (ChorusProject   *self,
             ChorusXmlWriter *writer)
{
  GListModel *items = chorus_project_get_items (self);
  guint n = g_list_model_get_n_items (items);

  chorus_xml_writer_open (writer, 1, "items", NULL);
  for (guint i = 0; i < n; i++)
    {
      ChorusItem *item = g_list_model_get_item (items, i);
      ChorusStance stance = chorus_item_get_stance (item);
      guint length = chorus_item_get_length (item);

      chorus_xml_writer_open (writer, 2, "item",
                              "id", chorus_item_get_id (item),
                              "question", chorus_item_get_question_id (item),
                              "group", chorus_item_get_group_id (item),
                              "activity", chorus_item_get_activity_id (item),
                              "stance", stance == CHORUS_STANCE_UNSET ? NULL
                                                                      : chorus_stance_to_string (stance),
                              "author", chorus_item_get_author (item),
                              "publish", chorus_item_get_publish (item) ? NULL : "false",
                              NULL);
      chorus_xml_writer_text (writer, 3, "text", chorus_item_get_text (item), NULL);

      for (guint c = 0; c < chorus_item_get_n_codings (item); c++)
        {
          guint start, end;
          const char *theme = chorus_item_get_coding (item, c, &start, &end);

          if (start == 0 && end == length)
            {
              chorus_xml_writer_empty (writer, 3, "coding", "theme", theme, NULL);
            }
          else
            {
              char start_text[16], end_text[16];

              g_snprintf (start_text, sizeof start_text, "%u", start);
              g_snprintf (end_text, sizeof end_text, "%u", end);
              chorus_xml_writer_empty (writer, 3, "coding", "theme", theme,
                                       "start", start_text, "end", end_text, NULL);
            }
        }

      chorus_xml_writer_close (writer, 2, "item");
      g_object_unref (item);
    }
  chorus_xml_writer_close (writer, 1, "items");
}

static void
write_drafts (ChorusProject   *self,
              ChorusXmlWriter *writer)
{
  GListModel *model = chorus_project_get_drafts (self);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (drafts, g_list_model_get_item (model, i));
  g_ptr_array_sort (drafts, compare_drafts);

  chorus_xml_writer_open (writer, 1, "drafts", NULL);
  for (guint i = 0; i < drafts->len; i++)
    {
      ChorusDraft *draft = g_ptr_array_index (drafts, i);
      const char *text = chorus_draft_get_text (draft);

      switch (chorus_draft_get_kind (draft))
        {
        case CHORUS_DRAFT_KIND_ANSWER:
          chorus_xml_writer_open (writer, 2, "answer",
                                  "question", chorus_draft_get_target_id (draft),
                                  "status", chorus_draft_status_to_string (chorus_draft_get_status (draft)),
                                  "option", chorus_draft_get_option_id (draft),
                                  NULL);
          /* An answer may be a status or a choice with no words yet. */
          chorus_xml_writer_text (writer, 3, "text", text[0] != '\0' ? text : NULL, NULL);
          chorus_xml_writer_close (writer, 2, "answer");
          break;

        case CHORUS_DRAFT_KIND_KEY_POINTS:
          chorus_xml_writer_open (writer, 2, "key-points",
                                  "target", chorus_draft_get_target_id (draft), NULL);
          chorus_xml_writer_text (writer, 3, "text", text, NULL);
          chorus_xml_writer_close (writer, 2, "key-points");
          break;

        case CHORUS_DRAFT_KIND_PARTNER_RESPONSE:
          chorus_xml_writer_open (writer, 2, "partner-response",
                                  "group", chorus_draft_get_group_id (draft),
                                  "target", chorus_draft_get_target_id (draft), NULL);
          chorus_xml_writer_text (writer, 3, "text", text, NULL);
          chorus_xml_writer_close (writer, 2, "partner-response");
          break;

        default:
          g_assert_not_reached ();
        }
    }
  chorus_xml_writer_close (writer, 1, "drafts");
}

GBytes *
chorus_project_to_bytes (ChorusProject *self)
{
  ChorusXmlWriter writer;
  GListModel *model;
  guint n;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), NULL);

  /* About 350 bytes an item in practice; growing the buffer is what costs. */
  chorus_xml_writer_init (&writer,
                          64 * 1024 + 400 * g_list_model_get_n_items (chorus_project_get_items (self)));

  chorus_xml_writer_open (&writer, 0, "project",
                          "xmlns", CHORUS_PROJECT_NAMESPACE,
                          "version", G_STRINGIFY (CHORUS_FORMAT_VERSION),
                          NULL);

  chorus_xml_writer_open (&writer, 1, "respondent", NULL);
  chorus_xml_writer_text (&writer, 2, "organisation", chorus_project_get_organisation (self), NULL);
  chorus_xml_writer_empty (&writer, 2, "contact",
                           "name", _chorus_nonempty (chorus_project_get_contact_name (self)),
                           "role", _chorus_nonempty (chorus_project_get_contact_role (self)),
                           "email", _chorus_nonempty (chorus_project_get_contact_email (self)),
                           "phone", _chorus_nonempty (chorus_project_get_contact_phone (self)),
                           NULL);
  chorus_xml_writer_close (&writer, 1, "respondent");

  _chorus_consultation_write (chorus_project_get_consultation (self), &writer, 1);

  model = chorus_project_get_groups (self);
  n = g_list_model_get_n_items (model);
  chorus_xml_writer_open (&writer, 1, "groups", NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (model, i);

      chorus_xml_writer_text (&writer, 2, "group", chorus_group_get_name (group),
                              "id", chorus_group_get_id (group),
                              "partner", chorus_group_get_partner (group) ? "true" : NULL,
                              NULL);
    }
  chorus_xml_writer_close (&writer, 1, "groups");

  model = chorus_project_get_activities (self);
  n = g_list_model_get_n_items (model);
  chorus_xml_writer_open (&writer, 1, "activities", NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (model, i);

      chorus_xml_writer_open (&writer, 2, "activity",
                              "id", chorus_activity_get_id (activity),
                              "kind", chorus_activity_kind_to_string (chorus_activity_get_kind (activity)),
                              NULL);
      chorus_xml_writer_text (&writer, 3, "title", chorus_activity_get_title (activity), NULL);
      chorus_xml_writer_text (&writer, 3, "dates", chorus_activity_get_dates (activity), NULL);
      chorus_xml_writer_text (&writer, 3, "involved", chorus_activity_get_involved (activity), NULL);
      chorus_xml_writer_text (&writer, 3, "number-involved",
                              chorus_activity_get_number_involved (activity), NULL);
      chorus_xml_writer_close (&writer, 2, "activity");
    }
  chorus_xml_writer_close (&writer, 1, "activities");

  model = G_LIST_MODEL (chorus_project_get_codebook (self));
  n = g_list_model_get_n_items (model);
  chorus_xml_writer_open (&writer, 1, "codebook", NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (model, i);
      const char * const *keywords = chorus_theme_get_keywords (theme);

      chorus_xml_writer_open (&writer, 2, "theme",
                              "id", chorus_theme_get_id (theme),
                              "colour", chorus_theme_get_colour (theme),
                              "parent", chorus_theme_get_parent_id (theme),
                              NULL);
      chorus_xml_writer_text (&writer, 3, "name", chorus_theme_get_name (theme), NULL);
      chorus_xml_writer_text (&writer, 3, "description", chorus_theme_get_description (theme), NULL);
      for (guint k = 0; keywords[k] != NULL; k++)
        chorus_xml_writer_text (&writer, 3, "keyword", keywords[k], NULL);
      chorus_xml_writer_close (&writer, 2, "theme");
    }
  chorus_xml_writer_close (&writer, 1, "codebook");

  write_items (self, &writer);
  write_drafts (self, &writer);

  chorus_xml_writer_close (&writer, 0, "project");

  return chorus_xml_writer_finish (&writer);
}

gboolean
chorus_project_save_file (ChorusProject  *self,
                          const char     *path,
                          GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  bytes = chorus_project_to_bytes (self);
  if (!chorus_atomic_file_replace (path, bytes, TRUE, error))
    return FALSE;

  file = g_file_new_for_path (path);
  chorus_project_set_file (self, file);
  chorus_project_mark_saved (self);

  return TRUE;
}
