/* chorus-project.h — the response being drafted, and the only way to change it
 *
 * Every change goes through the functions below so that one undo stack, the
 * modified flag, the statistics and the user interface all see it. The model
 * objects' properties are writable only so that the undo stack can set them:
 * setting them directly bypasses undo, the modified flag and the statistics.
 *
 * Signals: "changed" once per undo step (and after each undo and redo).
 * Properties: "modified", "can-undo", "can-redo", "file" notify as they change.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_PROJECT (chorus_project_get_type ())

G_DECLARE_FINAL_TYPE (ChorusProject, chorus_project, CHORUS, PROJECT, GObject)

ChorusProject      *chorus_project_new                  (ChorusConsultation *consultation) G_GNUC_WARN_UNUSED_RESULT;
ChorusConsultation *chorus_project_get_consultation     (ChorusProject      *self);

/* Respondent */
const char         *chorus_project_get_organisation     (ChorusProject      *self);
void                chorus_project_set_organisation     (ChorusProject      *self,
                                                         const char         *organisation);
const char         *chorus_project_get_contact_name     (ChorusProject      *self);
void                chorus_project_set_contact_name     (ChorusProject      *self,
                                                         const char         *name);
const char         *chorus_project_get_contact_role     (ChorusProject      *self);
void                chorus_project_set_contact_role     (ChorusProject      *self,
                                                         const char         *role);
const char         *chorus_project_get_contact_email    (ChorusProject      *self);
void                chorus_project_set_contact_email    (ChorusProject      *self,
                                                         const char         *email);
const char         *chorus_project_get_contact_phone    (ChorusProject      *self);
void                chorus_project_set_contact_phone    (ChorusProject      *self,
                                                         const char         *phone);

/* Undo. A group makes several changes one step ("Delete theme" also removes
 * its codings); groups nest, and an empty group leaves no step. */
gboolean            chorus_project_can_undo             (ChorusProject      *self);
gboolean            chorus_project_can_redo             (ChorusProject      *self);
gboolean            chorus_project_undo                 (ChorusProject      *self);
gboolean            chorus_project_redo                 (ChorusProject      *self);
/* Labels of the next undo/redo step ("Edit answer"), or NULL. */
const char         *chorus_project_get_undo_label       (ChorusProject      *self);
const char         *chorus_project_get_redo_label       (ChorusProject      *self);
void                chorus_project_begin_group          (ChorusProject      *self,
                                                         const char         *label);
void                chorus_project_end_group            (ChorusProject      *self);

/* The modified flag is TRUE whenever the state differs from the last save,
 * including after undoing past it. */
gboolean            chorus_project_get_modified         (ChorusProject      *self);
void                chorus_project_mark_saved           (ChorusProject      *self);
/* The project differs from its file even with nothing to undo: a restored recovery copy. */
void                chorus_project_mark_unsaved         (ChorusProject      *self);
/* The file the project was loaded from or last saved to; may be NULL. */
GFile              *chorus_project_get_file             (ChorusProject      *self);
void                chorus_project_set_file             (ChorusProject      *self,
                                                         GFile              *file);

/* Groups */
GListModel         *chorus_project_get_groups           (ChorusProject      *self);
ChorusGroup        *chorus_project_find_group           (ChorusProject      *self,
                                                         const char         *group_id);
ChorusGroup        *chorus_project_add_group            (ChorusProject      *self,
                                                         const char         *name,
                                                         gboolean            partner);
void                chorus_project_rename_group         (ChorusProject      *self,
                                                         ChorusGroup        *group,
                                                         const char         *name);
void                chorus_project_set_group_partner    (ChorusProject      *self,
                                                         ChorusGroup        *group,
                                                         gboolean            partner);
/* Items in the group plus partner responses written for it. */
guint               chorus_project_count_group_uses     (ChorusProject      *self,
                                                         ChorusGroup        *group);
/* Items move to @reassign_to, or are deleted with the group when it is NULL;
 * the group's partner responses are deleted. One undo step. */
void                chorus_project_remove_group         (ChorusProject      *self,
                                                         ChorusGroup        *group,
                                                         ChorusGroup        *reassign_to);

/* Activities */
GListModel         *chorus_project_get_activities       (ChorusProject      *self);
ChorusActivity     *chorus_project_find_activity        (ChorusProject      *self,
                                                         const char         *activity_id);
ChorusActivity     *chorus_project_add_activity         (ChorusProject      *self,
                                                         ChorusActivityKind  kind,
                                                         const char         *title);
void                chorus_project_set_activity_kind    (ChorusProject      *self,
                                                         ChorusActivity     *activity,
                                                         ChorusActivityKind  kind);
void                chorus_project_set_activity_title   (ChorusProject      *self,
                                                         ChorusActivity     *activity,
                                                         const char         *title);
void                chorus_project_set_activity_dates   (ChorusProject      *self,
                                                         ChorusActivity     *activity,
                                                         const char         *dates);
void                chorus_project_set_activity_involved (ChorusProject     *self,
                                                         ChorusActivity     *activity,
                                                         const char         *involved);
void                chorus_project_set_activity_number_involved (ChorusProject  *self,
                                                                 ChorusActivity *activity,
                                                                 const char     *number_involved);
guint               chorus_project_count_activity_uses  (ChorusProject      *self,
                                                         ChorusActivity     *activity);
/* As chorus_project_remove_group(). */
void                chorus_project_remove_activity      (ChorusProject      *self,
                                                         ChorusActivity     *activity,
                                                         ChorusActivity     *reassign_to);

/* Themes */
ChorusCodebook     *chorus_project_get_codebook         (ChorusProject      *self);
/* @parent may be NULL. The colour comes from the palette. */
ChorusTheme        *chorus_project_add_theme            (ChorusProject      *self,
                                                         const char         *name,
                                                         ChorusTheme        *parent);
void                chorus_project_rename_theme         (ChorusProject      *self,
                                                         ChorusTheme        *theme,
                                                         const char         *name);
void                chorus_project_set_theme_colour     (ChorusProject      *self,
                                                         ChorusTheme        *theme,
                                                         const char         *colour);
void                chorus_project_set_theme_description (ChorusProject     *self,
                                                         ChorusTheme        *theme,
                                                         const char         *description);
void                chorus_project_set_theme_keywords   (ChorusProject      *self,
                                                         ChorusTheme        *theme,
                                                         const char * const *keywords);
/* FALSE (and no change) when @parent is @theme or one of its descendants. */
gboolean            chorus_project_set_theme_parent     (ChorusProject      *self,
                                                         ChorusTheme        *theme,
                                                         ChorusTheme        *parent);
/* Codings that use the theme itself (not its children). */
guint               chorus_project_count_theme_codings  (ChorusProject      *self,
                                                         ChorusTheme        *theme);
/* Removes its codings; its children move up to its parent. One undo step. */
void                chorus_project_remove_theme         (ChorusProject      *self,
                                                         ChorusTheme        *theme);

/* Items */
GListModel         *chorus_project_get_items            (ChorusProject      *self);
ChorusItem         *chorus_project_find_item            (ChorusProject      *self,
                                                         const char         *item_id);
/* @group and @activity may be NULL. */
ChorusItem         *chorus_project_add_item             (ChorusProject      *self,
                                                         const char         *question_id,
                                                         ChorusGroup        *group,
                                                         ChorusActivity     *activity,
                                                         const char         *text);
/* Codings move with the text they cover; a coding whose text is deleted goes. */
void                chorus_project_set_item_text        (ChorusProject      *self,
                                                         ChorusItem         *item,
                                                         const char         *text);
void                chorus_project_set_item_question    (ChorusProject      *self,
                                                         ChorusItem         *item,
                                                         const char         *question_id);
void                chorus_project_set_item_group       (ChorusProject      *self,
                                                         ChorusItem         *item,
                                                         ChorusGroup        *group);
void                chorus_project_set_item_activity    (ChorusProject      *self,
                                                         ChorusItem         *item,
                                                         ChorusActivity     *activity);
void                chorus_project_set_item_stance      (ChorusProject      *self,
                                                         ChorusItem         *item,
                                                         ChorusStance        stance);
void                chorus_project_set_item_author      (ChorusProject      *self,
                                                         ChorusItem         *item,
                                                         const char         *author);
void                chorus_project_set_item_publish     (ChorusProject      *self,
                                                         ChorusItem         *item,
                                                         gboolean            publish);
ChorusItem         *chorus_project_duplicate_item       (ChorusProject      *self,
                                                         ChorusItem         *item);
void                chorus_project_remove_item          (ChorusProject      *self,
                                                         ChorusItem         *item);
/* Codes [start, end) of the text with the theme; end == G_MAXUINT means the
 * whole item. FALSE (and no change) when the span is empty, out of range, or
 * already coded with that theme. */
gboolean            chorus_project_add_coding           (ChorusProject      *self,
                                                         ChorusItem         *item,
                                                         ChorusTheme        *theme,
                                                         guint               start,
                                                         guint               end);
void                chorus_project_remove_coding        (ChorusProject      *self,
                                                         ChorusItem         *item,
                                                         guint               position);

/* Drafts. Getters return NULL when nothing was written yet; setters create
 * the draft on first use. */
GListModel         *chorus_project_get_drafts           (ChorusProject      *self);
ChorusDraft        *chorus_project_find_draft           (ChorusProject      *self,
                                                         ChorusDraftKind     kind,
                                                         const char         *target_id,
                                                         const char         *group_id);
ChorusDraft        *chorus_project_get_answer           (ChorusProject      *self,
                                                         const char         *question_id);
void                chorus_project_set_answer_text      (ChorusProject      *self,
                                                         const char         *question_id,
                                                         const char         *text);
/* @option_id NULL clears the choice. */
void                chorus_project_set_answer_option    (ChorusProject      *self,
                                                         const char         *question_id,
                                                         const char         *option_id);
void                chorus_project_set_answer_status    (ChorusProject      *self,
                                                         const char         *question_id,
                                                         ChorusDraftStatus   status);
ChorusDraftStatus   chorus_project_get_answer_status    (ChorusProject      *self,
                                                         const char         *question_id);
const char         *chorus_project_get_key_points       (ChorusProject      *self,
                                                         const char         *target_id);
void                chorus_project_set_key_points       (ChorusProject      *self,
                                                         const char         *target_id,
                                                         const char         *text);
const char         *chorus_project_get_partner_response (ChorusProject      *self,
                                                         ChorusGroup        *group,
                                                         const char         *target_id);
void                chorus_project_set_partner_response (ChorusProject      *self,
                                                         ChorusGroup        *group,
                                                         const char         *target_id,
                                                         const char         *text);

/* Statistics, computed once per change and shared until the next one. */
ChorusStats        *chorus_project_get_stats            (ChorusProject      *self);

/* Files; see docs/file-format.md. A load never touches the network. */
ChorusProject      *chorus_project_load_file            (const char         *path,
                                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;
ChorusProject      *chorus_project_load_bytes           (GBytes             *bytes,
                                                         const char         *display_name,
                                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes             *chorus_project_to_bytes             (ChorusProject      *self) G_GNUC_WARN_UNUSED_RESULT;
/* Atomic: a temporary file beside @path, fsync, rename; the previous
 * version is kept as "@path~". On failure @path is untouched. On success
 * the project is marked saved and its file is @path. */
gboolean            chorus_project_save_file            (ChorusProject      *self,
                                                         const char         *path,
                                                         GError            **error);

G_END_DECLS
