/* chorus-draft-pane-private.h — ChorusDraftPane's insides, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chorus-draft-pane.h"
#include "chorus-draft-text.h"
#include "chorus-partner-responses.h"

G_BEGIN_DECLS

struct _ChorusDraftPane
{
  GtkWidget               parent_instance;

  ChorusProject          *project;
  ChorusQuestion         *question;
  /* The widgets are being set from the project, which is not the user choosing. */
  gboolean                updating;

  AdwComboRow            *status_row;
  AdwPreferencesGroup    *options_group;
  GtkListBox             *options_list;
  /* The "No option chosen" button leads the radio group; the options' buttons follow. */
  GtkCheckButton         *no_option_check;
  ChorusDraftText        *answer_text;
  ChorusPartnerResponses *partner_responses;
};

G_END_DECLS
