/* chorus-window-private.h — ChorusWindow's insides, for its own files and the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-question-page.h"
#include "chorus-window.h"

G_BEGIN_DECLS

struct _ChorusWindow
{
  AdwApplicationWindow  parent_instance;

  ChorusProject        *project;
  /* NULL when the schema is not installed (running from the build tree without
   * GSETTINGS_SCHEMA_DIR): the window then just does not remember its size. */
  GSettings            *settings;

  /* Opening a file */
  GCancellable         *load_cancellable;
  GFile                *loading_file;
  guint                 loading_timeout_id;
  GtkFileChooserNative *file_chooser;

  /* The outline: document nodes -> tree (expanding to sections and questions) -> selection */
  GListModel           *outline_roots;
  GtkTreeListModel     *outline_model;
  GtkSingleSelection   *outline_selection;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *sidebar_button;
  GtkButton            *open_button;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  AdwFlap              *flap;
  GtkListView          *outline_view;
  GtkStack             *content_stack;
  ChorusQuestionPage   *question_page;
  AdwStatusPage        *heading_page;
};

G_END_DECLS
