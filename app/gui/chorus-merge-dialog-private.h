/* chorus-merge-dialog-private.h — the merge assistant's insides, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-merge-dialog.h"

G_BEGIN_DECLS

/* The merge rehearsed on a copy of our project: what the review page shows. */
typedef struct
{
  ChorusProject     *theirs;
  ChorusProject     *copy;
  ChorusMergeReport  report;
} ChorusMergeRehearsal;

struct _ChorusMergeDialog
{
  AdwWindow             parent_instance;

  ChorusProject        *project;
  GFile                *file;
  GCancellable         *cancellable;
  ChorusMergeRehearsal *rehearsal;
  /* One "Take Theirs" toggle per conflict of the rehearsal, in its order. */
  GPtrArray            *take_theirs_buttons;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *merge_button;
  GtkStack             *stack;
  GtkLabel             *loading_label;
  AdwStatusPage        *error_page;
  GtkLabel             *summary_title;
  GtkLabel             *items_added_label;
  GtkLabel             *items_updated_label;
  GtkLabel             *items_unchanged_label;
  GtkLabel             *themes_label;
  GtkLabel             *groups_label;
  GtkLabel             *activities_label;
  GtkLabel             *drafts_label;
  AdwPreferencesGroup  *messages_group;
  GtkListBox           *messages_list;
  AdwPreferencesGroup  *conflicts_group;
  GtkBox               *conflicts_box;
};

/* The page shown: "loading", "error" or "review". */
const char *_chorus_merge_dialog_get_page (ChorusMergeDialog *self);

G_END_DECLS
