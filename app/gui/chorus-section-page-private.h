/* chorus-section-page-private.h — ChorusSectionPage's insides, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus-draft-text.h"
#include "chorus-partner-responses.h"
#include "chorus-section-page.h"

G_BEGIN_DECLS

struct _ChorusSectionPage
{
  GtkWidget               parent_instance;

  ChorusProject          *project;
  /* A ChorusSection or a ChorusDocument */
  GObject                *target;
  /* One QuestionRow per question shown, refreshed when the project changes. */
  GPtrArray              *question_rows;

  GtkScrolledWindow      *scroller;
  GtkLabel               *context_label;
  GtkLabel               *title_label;
  GtkLabel               *summary_label;
  GtkLabel               *progress_label;
  ChorusDraftText        *key_points_text;
  GtkBox                 *questions_box;
  ChorusPartnerResponses *partner_responses;
};

G_END_DECLS
