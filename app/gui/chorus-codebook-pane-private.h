/* chorus-codebook-pane-private.h — ChorusCodebookPane's insides, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus-codebook-pane.h"

G_BEGIN_DECLS

#define CHORUS_CODEBOOK_PANE_N_SHORTCUTS 9

/* Keys of a row's parts, kept on its GtkTreeExpander. */
#define CHORUS_CODEBOOK_ROW_SWATCH "chorus-swatch"
#define CHORUS_CODEBOOK_ROW_NAME   "chorus-name"
#define CHORUS_CODEBOOK_ROW_HINT   "chorus-hint"
#define CHORUS_CODEBOOK_ROW_COUNT  "chorus-count"

struct _ChorusCodebookPane
{
  GtkWidget           parent_instance;

  ChorusProject      *project;

  /* The themes by parent: parent id ("" for the top level) -> GListStore of ChorusTheme,
   * rebuilt when the shape of the tree changes, which tree_shape records. */
  GHashTable         *children;
  char               *tree_shape;
  GtkTreeListModel   *tree_model;
  GtkSingleSelection *selection;

  /* The themes Ctrl+1…9 apply, in the tree's order; not references (the codebook holds
   * them, and the array is rebuilt whenever it changes). */
  ChorusTheme        *shortcut_themes[CHORUS_CODEBOOK_PANE_N_SHORTCUTS];

  /* The list items on screen, refreshed in place when names, colours or counts change. */
  GHashTable         *bound_items;

  GtkWidget          *context_menu;

  /* Template children */
  GtkStack           *stack;
  GtkListView        *theme_view;
  AdwStatusPage      *empty_page;
  GMenuModel         *theme_menu;
};

G_END_DECLS
