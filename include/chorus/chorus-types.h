/* chorus-types.h — forward declarations and enumerations shared by libchorus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _ChorusActivity     ChorusActivity;
typedef struct _ChorusCodebook     ChorusCodebook;
typedef struct _ChorusConsultation ChorusConsultation;
typedef struct _ChorusDocument     ChorusDocument;
typedef struct _ChorusDraft        ChorusDraft;
typedef struct _ChorusGroup        ChorusGroup;
typedef struct _ChorusItem         ChorusItem;
typedef struct _ChorusProject      ChorusProject;
typedef struct _ChorusQuestion     ChorusQuestion;
typedef struct _ChorusSection      ChorusSection;
typedef struct _ChorusStats        ChorusStats;
typedef struct _ChorusTheme        ChorusTheme;

typedef enum
{
  CHORUS_QUESTION_KIND_FREE_TEXT,
  CHORUS_QUESTION_KIND_SINGLE_CHOICE,
  CHORUS_QUESTION_KIND_AGREE_SCALE,
} ChorusQuestionKind;

typedef enum
{
  CHORUS_STANCE_UNSET,
  CHORUS_STANCE_AGREE,
  CHORUS_STANCE_DISAGREE,
  CHORUS_STANCE_MIXED,
  CHORUS_STANCE_NEUTRAL,
} ChorusStance;

#define CHORUS_N_STANCES (CHORUS_STANCE_NEUTRAL + 1)

typedef enum
{
  CHORUS_DRAFT_STATUS_NOT_STARTED,
  CHORUS_DRAFT_STATUS_DRAFTING,
  CHORUS_DRAFT_STATUS_IN_REVIEW,
  CHORUS_DRAFT_STATUS_FINAL,
} ChorusDraftStatus;

#define CHORUS_N_DRAFT_STATUSES (CHORUS_DRAFT_STATUS_FINAL + 1)

typedef enum
{
  CHORUS_DRAFT_KIND_ANSWER,
  CHORUS_DRAFT_KIND_KEY_POINTS,
  CHORUS_DRAFT_KIND_PARTNER_RESPONSE,
} ChorusDraftKind;

typedef enum
{
  CHORUS_ACTIVITY_KIND_BRIEFING,
  CHORUS_ACTIVITY_KIND_ONLINE_SURVEY,
  CHORUS_ACTIVITY_KIND_FOCUS_GROUP,
  CHORUS_ACTIVITY_KIND_QUESTION_AND_ANSWER,
  CHORUS_ACTIVITY_KIND_WRITTEN_SUBMISSION,
  CHORUS_ACTIVITY_KIND_OTHER,
} ChorusActivityKind;

typedef enum
{
  CHORUS_FILE_KIND_UNKNOWN,
  CHORUS_FILE_KIND_CONSULTATION,
  CHORUS_FILE_KIND_PROJECT,
} ChorusFileKind;

/* The nicks of these enumerations ("agree", "in-review", "focus-group", …) are the
 * values written in the XML formats; see docs/file-format.md.
 */
const char        *chorus_stance_to_string          (ChorusStance        stance);
gboolean           chorus_stance_from_string        (const char         *string,
                                                     ChorusStance       *stance);
const char        *chorus_stance_get_label          (ChorusStance        stance);
const char        *chorus_draft_status_to_string    (ChorusDraftStatus   status);
gboolean           chorus_draft_status_from_string  (const char         *string,
                                                     ChorusDraftStatus  *status);
const char        *chorus_draft_status_get_label    (ChorusDraftStatus   status);
const char        *chorus_activity_kind_to_string   (ChorusActivityKind  kind);
gboolean           chorus_activity_kind_from_string (const char         *string,
                                                     ChorusActivityKind *kind);
const char        *chorus_activity_kind_get_label   (ChorusActivityKind  kind);
const char        *chorus_question_kind_to_string   (ChorusQuestionKind  kind);
gboolean           chorus_question_kind_from_string (const char         *string,
                                                     ChorusQuestionKind *kind);

G_END_DECLS
