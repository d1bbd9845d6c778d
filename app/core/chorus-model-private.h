/* chorus-model-private.h — what the loaders and the project may do that nobody else may
 *
 * Loaders build a model directly, without undo steps or change notifications;
 * every other change goes through ChorusProject.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus.h"

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
static inline gboolean
_chorus_set_str (char       **str_pointer,
                 const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* Empty strings and NULL mean the same thing in the model: "not set". */
static inline const char *
_chorus_nonempty (const char *str)
{
  return (str != NULL && str[0] != '\0') ? str : NULL;
}

/* Consultation: link children to their parents and index ids. Called by
 * chorus_*_add_*(); the consultation's index is built lazily on first lookup. */
void         _chorus_section_set_document       (ChorusSection      *self,
                                                 ChorusDocument     *document);
void         _chorus_question_set_section       (ChorusQuestion     *self,
                                                 ChorusSection      *section);
void         _chorus_document_set_consultation  (ChorusDocument     *self,
                                                 ChorusConsultation *consultation);

/* One coding of an item. Item codings are a GArray of these, sorted, and
 * copy-on-write: once set on an item an array is never changed again, so the
 * undo stack can keep the old one. */
typedef struct
{
  const char *theme_id;  /* interned */
  guint       start;
  guint       end;
} ChorusCoding;

GArray      *_chorus_coding_array_new           (void);
GArray      *_chorus_coding_array_copy          (GArray             *codings);
/* Inserts in sorted position; FALSE if that exact coding is there already. */
gboolean     _chorus_coding_array_insert        (GArray             *codings,
                                                 const char         *theme_id,
                                                 guint               start,
                                                 guint               end);
/* May be NULL when the item has no codings. */
GArray      *_chorus_item_get_codings           (ChorusItem         *self);

/* Items. Ids are interned (g_intern_string) so that 100,000 items share them. */
ChorusItem  *_chorus_item_new_take              (char               *id,
                                                 const char         *question_id,
                                                 const char         *group_id,
                                                 const char         *activity_id,
                                                 char               *text,
                                                 ChorusStance        stance,
                                                 char               *author,
                                                 gboolean            publish);
/* For loaders: the caller has checked 0 <= start < end <= length and the theme.
 * Returns FALSE when the same (theme, start, end) is already there. */
gboolean     _chorus_item_add_coding            (ChorusItem         *self,
                                                 const char         *theme_id,
                                                 guint               start,
                                                 guint               end);

/* Drafts */
ChorusDraft *_chorus_draft_new_full             (ChorusDraftKind     kind,
                                                 const char         *target_id,
                                                 const char         *group_id,
                                                 const char         *text,
                                                 const char         *option_id,
                                                 ChorusDraftStatus   status);

/* Activities, groups, themes: the public constructors plus these. */
void         _chorus_activity_set_details       (ChorusActivity     *self,
                                                 const char         *dates,
                                                 const char         *involved,
                                                 const char         *number_involved);
void         _chorus_group_set_partner          (ChorusGroup        *self,
                                                 gboolean            partner);
void         _chorus_theme_set_details          (ChorusTheme        *self,
                                                 const char         *description,
                                                 const char         *parent_id,
                                                 const char * const *keywords);

/* Project: appending while loading. The project takes a reference. Ids must be
 * unique (the loader checks with the find functions first). */
void         _chorus_project_load_respondent    (ChorusProject      *self,
                                                 const char         *organisation,
                                                 const char         *contact_name,
                                                 const char         *contact_role,
                                                 const char         *contact_email,
                                                 const char         *contact_phone);
void         _chorus_project_load_group         (ChorusProject      *self,
                                                 ChorusGroup        *group);
void         _chorus_project_load_activity      (ChorusProject      *self,
                                                 ChorusActivity     *activity);
void         _chorus_project_load_theme         (ChorusProject      *self,
                                                 ChorusTheme        *theme);
/* Takes the array's items in order; the array must own them (free function
 * g_object_unref) and is emptied. */
void         _chorus_project_load_items         (ChorusProject      *self,
                                                 GPtrArray          *items);
void         _chorus_project_load_draft         (ChorusProject      *self,
                                                 ChorusDraft        *draft);

/* Text as the model keeps it: valid UTF-8, line feeds only (\r\n and \r become
 * \n, as an XML parser would make them), and none of the characters XML 1.0
 * cannot carry (control characters other than tab and line feed, U+FFFE,
 * U+FFFF). Returns a new string. */
char           *_chorus_text_sanitize           (const char         *text);

/* Codebook */
ChorusCodebook *_chorus_codebook_new            (void);
void            _chorus_codebook_insert         (ChorusCodebook     *self,
                                                 guint               position,
                                                 ChorusTheme        *theme);
void            _chorus_codebook_remove         (ChorusCodebook     *self,
                                                 guint               position);

/* Searching text as a person would: ignoring case and Unicode compatibility forms. The
 * search text is folded once; an ASCII search text is then found byte by byte without
 * folding each haystack (a UTF-8 multi-byte sequence never contains an ASCII byte). */
char       *_chorus_text_fold              (const char *text) G_GNUC_WARN_UNUSED_RESULT;
gboolean    _chorus_text_is_ascii          (const char *text);
/* The first occurrence of @folded_ascii_needle in @haystack, ignoring ASCII case; NULL when
 * there is none. */
const char *_chorus_text_find_ascii_folded (const char *haystack,
                                            const char *folded_ascii_needle);

/* The items as ChorusStats counted them, in the project's order, for the passes that need more
 * than the counts (a chart's "Other" row counts items carrying any of several themes, once
 * each; a chart filtered to a group and an activity), so that the charts of one change share
 * a single visit of the item objects. Ids are interned, so they compare as pointers; item i
 * carries the distinct theme slots themes[theme_offsets[i]] up to themes[theme_offsets[i + 1]].
 * Recorded on first request from @project, which must be the project in the state @stats
 * counted (the stats chorus_project_get_stats() gives now); lives as long as the ChorusStats. */
typedef struct
{
  guint        n_items;
  guint        n_themes;
  const char **group_ids;
  const char **activity_ids;
  const char **question_ids;
  /* Position in the consultation's questions, or -1. */
  int         *question_slots;
  guint8      *stances;
  guint       *theme_offsets;
  guint       *themes;
} ChorusStatsItems;

const ChorusStatsItems *_chorus_stats_get_items      (ChorusStats   *stats,
                                                      ChorusProject *project);
/* The theme's slot in ChorusStatsItems.themes (its position in the codebook), or -1. */
int                     _chorus_stats_get_theme_slot (ChorusStats *stats,
                                                      const char  *theme_id);

G_END_DECLS
