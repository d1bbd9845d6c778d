/* chorus-section-page.h — a section or document of the consultation: its questions at a
 * glance, our key points for it, and partners' responses to a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "chorus.h"

G_BEGIN_DECLS

#define CHORUS_TYPE_SECTION_PAGE (chorus_section_page_get_type ())

G_DECLARE_FINAL_TYPE (ChorusSectionPage, chorus_section_page, CHORUS, SECTION_PAGE, GtkWidget)

GtkWidget     *chorus_section_page_new         (void);
ChorusProject *chorus_section_page_get_project (ChorusSectionPage *self);
/* Commits pending typing to the previous project and clears the target. */
void           chorus_section_page_set_project (ChorusSectionPage *self,
                                                ChorusProject     *project);
/* A ChorusSection or a ChorusDocument of the project's consultation, or NULL. Commits
 * pending typing for the previous target first. */
GObject       *chorus_section_page_get_target  (ChorusSectionPage *self);
void           chorus_section_page_set_target  (ChorusSectionPage *self,
                                                GObject           *target);
/* Writes pending typing (key points, partner responses) to the project; TRUE when it
 * changed. */
gboolean       chorus_section_page_commit      (ChorusSectionPage *self);

/* Signals:
 *   question-activated (const char *question_id): the user clicked a question in the
 *   summary; the window shows that question.
 */

G_END_DECLS
