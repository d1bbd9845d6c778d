/* chorus-item-editor-private.h — the editor's parts, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-item-editor.h"

G_BEGIN_DECLS

struct _ChorusItemEditor
{
  AdwWindow        parent_instance;

  ChorusProject   *project;
  ChorusItem      *item;

  /* Typing is committed as one undo step after this pause, or on Done. */
  guint            commit_text_id;
  /* TRUE while the widgets are being set from the item, so that they do not write back. */
  gboolean         syncing;
  /* The item was empty when the editor opened: it was just added, and Cancel removes it. */
  gboolean         fresh;
  /* Undo steps this editor made and undid, so Cancel can revert exactly its own edits and
   * the editor's undo never reaches past them. Reset when something else changes the
   * project, since the editor can then no longer tell which steps are its own. */
  guint            n_own_steps;
  guint            n_own_redo_steps;
  gboolean         recording;
  GMenu           *theme_menu;
  /* The codebook's themes in the pane's order, for the theme popover's list. */
  GListStore      *themes;
  GMenu           *extra_menu;
  /* Theme id -> GtkTextTag. Background and underline are separate tags with opposite
   * priorities, so where two themes overlap one shows its background, the other its line. */
  GHashTable      *background_tags;
  GHashTable      *underline_tags;
  /* What the list of tags shows, so it is rebuilt (and keyboard focus lost) only when that
   * changes. */
  char            *codings_signature;
  GtkStringList   *group_names;
  GtkStringList   *activity_names;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkButton       *done_button;
  GtkMenuButton   *theme_button;
  GtkListView     *theme_list;
  GtkPopover      *theme_popover;
  GtkTextView     *text_view;
  GtkListBox      *codings_list;
  AdwComboRow     *group_row;
  AdwComboRow     *activity_row;
  AdwComboRow     *stance_row;
  AdwEntryRow     *author_row;
  GtkSwitch       *publish_switch;
};

G_END_DECLS
