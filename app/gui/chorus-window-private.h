/* chorus-window-private.h — ChorusWindow's insides, for its own files and the tests
 *
 * The window spans chorus-window.c (opening, the outline, the pages), chorus-window-actions.c
 * (saving, undo, search, the menus) and chorus-window-autosave.c (recovery copies).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-codebook-pane.h"
#include "chorus-dashboard.h"
#include "chorus-draft-pane.h"
#include "chorus-engagement-page.h"
#include "chorus-question-page.h"
#include "chorus-section-page.h"
#include "chorus-welcome-page.h"
#include "chorus-window.h"

G_BEGIN_DECLS

struct _ChorusWindow
{
  AdwApplicationWindow  parent_instance;

  ChorusProject        *project;
  /* NULL when the schema is not installed (running from the build tree without
   * GSETTINGS_SCHEMA_DIR): the window then does not remember its size or autosave. */
  GSettings            *settings;

  /* Opening a file */
  GCancellable         *load_cancellable;
  GFile                *loading_file;
  /* The file is a template (the example): show it as a new, unsaved response. */
  gboolean              loading_as_copy;
  guint                 loading_timeout_id;
  GtkFileChooserNative *file_chooser;

  /* What the title says while the response has no file: "New Response", "Example Response". */
  char                 *untitled_name;

  /* Saving */
  GtkFileChooserNative *save_chooser;
  /* Close the window once the save the user asked for from the unsaved-changes dialog is done. */
  gboolean              close_after_save;
  /* The user chose to close without saving: close-request lets the window go. */
  gboolean              closing_confirmed;

  /* Autosave: the key of this response's recovery copy, and the pending write. */
  char                 *recovery_key;
  /* Set just before showing a restored copy: the key to go on writing it under. */
  char                 *restored_recovery_key;
  guint                 autosave_timeout_id;
  GCancellable         *autosave_cancellable;

  /* The outline: document nodes -> tree (expanding to sections and questions) -> selection */
  GListModel           *outline_roots;
  GtkTreeListModel     *outline_model;
  GtkSingleSelection   *outline_selection;
  /* Where to go back to from the dashboard or the engagement page. */
  guint                 last_outline_position;

  /* Search results in the sidebar */
  GtkNoSelection       *search_selection;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkToggleButton      *sidebar_button;
  GtkButton            *open_button;
  GtkButton            *save_button;
  GtkToggleButton      *codebook_button;
  GtkStack             *main_stack;
  ChorusWelcomePage    *welcome_page;
  AdwFlap              *flap;
  GtkListBox           *places_list;
  /* Set while the places list's selection is made to follow the page shown. */
  gboolean              syncing_places;
  GtkListBoxRow        *dashboard_row;
  GtkListBoxRow        *engagement_row;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkStack             *sidebar_stack;
  GtkListView          *outline_view;
  GtkListView          *search_results_view;
  AdwFlap              *codebook_flap;
  AdwBin               *codebook_slot;
  GtkStack             *content_stack;
  GtkPaned             *question_paned;
  ChorusQuestionPage   *question_page;
  ChorusDraftPane      *draft_pane;
  ChorusSectionPage    *section_page;
  /* Made in code: the codebook pane in its flap, the engagement page in the content stack. */
  ChorusCodebookPane   *codebook_pane;
  ChorusEngagementPage *engagement_page;
  ChorusDashboard      *dashboard;
};

/* chorus-window.c */
void      _chorus_window_show_error          (ChorusWindow *self,
                                              const char   *heading,
                                              const char   *body);
void      _chorus_window_request_open        (ChorusWindow *self,
                                              GFile        *file);
char     *_chorus_window_dup_display_name    (ChorusWindow *self) G_GNUC_WARN_UNUSED_RESULT;
void      _chorus_window_update_title        (ChorusWindow *self);
gboolean  _chorus_window_select_target       (ChorusWindow *self,
                                              const char   *target_id);
/* "questions" (back to the outline's selection), "dashboard" or "engagement". */
void      _chorus_window_show_view           (ChorusWindow *self,
                                              const char   *name);

/* chorus-window-actions.c */
void      _chorus_window_class_add_actions   (GtkWidgetClass *widget_class);
void      _chorus_window_update_actions      (ChorusWindow *self);
void      _chorus_window_init_search         (ChorusWindow *self);
void      _chorus_window_clear_search        (ChorusWindow *self);
/* Writes every edit still held by an editor (a draft being typed) into the project. */
void      _chorus_window_commit_edits        (ChorusWindow *self);
/* Asks before closing a window with unsaved changes; TRUE when the window may close now. */
gboolean  _chorus_window_confirm_close       (ChorusWindow *self);

/* chorus-window-autosave.c */
void      _chorus_window_autosave_attach     (ChorusWindow *self);
void      _chorus_window_autosave_detach     (ChorusWindow *self);
/* Writes the recovery copy now rather than when the timer fires; for the tests. */
void      _chorus_window_autosave_now        (ChorusWindow *self);
/* The response was saved or its changes thrown away: its recovery copy is no longer needed. */
void      _chorus_window_autosave_discard    (ChorusWindow *self);
/* After "Save As" the copy belongs to a different file. */
void      _chorus_window_autosave_rekey      (ChorusWindow *self);
/* Offers the recovery copy a crash left for the file just opened, if there is one. */
void      _chorus_window_offer_recovery      (ChorusWindow *self);

G_END_DECLS
