/* chorus-engagement-page-private.h — ChorusEngagementPage's insides, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-engagement-page.h"

G_BEGIN_DECLS

/* What a row of the groups or activities list stands for (a ChorusGroup or ChorusActivity),
 * and the parts of a group row, kept on the row. */
#define CHORUS_ENGAGEMENT_ROW_OBJECT  "chorus-object"
#define CHORUS_ENGAGEMENT_ROW_NAME    "chorus-name"
#define CHORUS_ENGAGEMENT_ROW_PARTNER "chorus-partner"
#define CHORUS_ENGAGEMENT_ROW_DELETE  "chorus-delete"

struct _ChorusEngagementPage
{
  AdwPreferencesPage  parent_instance;

  ChorusProject      *project;

  /* Template children */
  AdwEntryRow        *organisation_row;
  AdwEntryRow        *contact_name_row;
  AdwEntryRow        *contact_role_row;
  AdwEntryRow        *contact_email_row;
  AdwEntryRow        *contact_phone_row;
  GtkListBox         *groups_list;
  GtkListBox         *activities_list;
};

G_END_DECLS
