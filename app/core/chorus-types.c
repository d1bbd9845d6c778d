/* chorus-types.c — names of the enumerations, in files and on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-types.h"

typedef struct
{
  const char *nick;
  const char *label;
} EnumName;

static const EnumName stance_names[] = {
  [CHORUS_STANCE_UNSET] = { "unset", N_("No stance") },
  [CHORUS_STANCE_AGREE] = { "agree", N_("Agree") },
  [CHORUS_STANCE_DISAGREE] = { "disagree", N_("Disagree") },
  [CHORUS_STANCE_MIXED] = { "mixed", N_("Mixed") },
  [CHORUS_STANCE_NEUTRAL] = { "neutral", N_("Neutral") },
};

static const EnumName status_names[] = {
  [CHORUS_DRAFT_STATUS_NOT_STARTED] = { "not-started", N_("Not started") },
  [CHORUS_DRAFT_STATUS_DRAFTING] = { "drafting", N_("Drafting") },
  [CHORUS_DRAFT_STATUS_IN_REVIEW] = { "in-review", N_("In review") },
  [CHORUS_DRAFT_STATUS_FINAL] = { "final", N_("Final") },
};

static const EnumName activity_kind_names[] = {
  [CHORUS_ACTIVITY_KIND_BRIEFING] = { "briefing", N_("Briefing") },
  [CHORUS_ACTIVITY_KIND_ONLINE_SURVEY] = { "online-survey", N_("Online survey") },
  [CHORUS_ACTIVITY_KIND_FOCUS_GROUP] = { "focus-group", N_("Focus group") },
  [CHORUS_ACTIVITY_KIND_QUESTION_AND_ANSWER] = { "question-and-answer", N_("Questions and answers") },
  [CHORUS_ACTIVITY_KIND_WRITTEN_SUBMISSION] = { "written-submission", N_("Written submission") },
  [CHORUS_ACTIVITY_KIND_OTHER] = { "other", N_("Other") },
};

static const EnumName question_kind_names[] = {
  [CHORUS_QUESTION_KIND_FREE_TEXT] = { "free-text", N_("Free text") },
  [CHORUS_QUESTION_KIND_SINGLE_CHOICE] = { "single-choice", N_("Single choice") },
  [CHORUS_QUESTION_KIND_AGREE_SCALE] = { "agree-scale", N_("Agree or disagree") },
};

static gboolean
lookup_nick (const EnumName *names,
             guint           n_names,
             const char     *nick,
             guint          *value)
{
  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i].nick, nick))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define DEFINE_ENUM_NAMES(Type, prefix, table)                                   \
  const char *                                                                   \
  prefix##_to_string (Type value)                                                \
  {                                                                              \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), NULL);           \
    return table[value].nick;                                                    \
  }                                                                              \
                                                                                 \
  gboolean                                                                       \
  prefix##_from_string (const char *string,                                      \
                        Type       *value)                                       \
  {                                                                              \
    guint found;                                                                 \
                                                                                 \
    if (!lookup_nick (table, G_N_ELEMENTS (table), string, &found))              \
      return FALSE;                                                              \
    *value = (Type) found;                                                       \
    return TRUE;                                                                 \
  }

DEFINE_ENUM_NAMES (ChorusStance, chorus_stance, stance_names)
DEFINE_ENUM_NAMES (ChorusDraftStatus, chorus_draft_status, status_names)
DEFINE_ENUM_NAMES (ChorusActivityKind, chorus_activity_kind, activity_kind_names)
DEFINE_ENUM_NAMES (ChorusQuestionKind, chorus_question_kind, question_kind_names)

const char *
chorus_stance_get_label (ChorusStance stance)
{
  g_return_val_if_fail ((guint) stance < G_N_ELEMENTS (stance_names), NULL);
  return g_dgettext (GETTEXT_PACKAGE, stance_names[stance].label);
}

const char *
chorus_draft_status_get_label (ChorusDraftStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_names), NULL);
  return g_dgettext (GETTEXT_PACKAGE, status_names[status].label);
}

const char *
chorus_activity_kind_get_label (ChorusActivityKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (activity_kind_names), NULL);
  return g_dgettext (GETTEXT_PACKAGE, activity_kind_names[kind].label);
}
