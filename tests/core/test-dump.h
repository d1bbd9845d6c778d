/* test-dump.h — a canonical text dump of a project for comparing states
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <chorus.h>

/* A canonical text dump of everything a project holds, written from the
 * public getters only, so these tests do not depend on the file writer. */
static inline char *
dump_project (ChorusProject *project)
{
  GString *out = g_string_new (NULL);
  GListModel *model;
  guint n;

  g_string_append_printf (out, "respondent|%s|%s|%s|%s|%s\n",
                          chorus_project_get_organisation (project),
                          chorus_project_get_contact_name (project),
                          chorus_project_get_contact_role (project),
                          chorus_project_get_contact_email (project),
                          chorus_project_get_contact_phone (project));

  model = chorus_project_get_groups (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (model, i);
      g_string_append_printf (out, "group|%s|%s|%d\n", chorus_group_get_id (group),
                              chorus_group_get_name (group), chorus_group_get_partner (group));
    }

  model = chorus_project_get_activities (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (model, i);
      g_string_append_printf (out, "activity|%s|%d|%s|%s|%s|%s\n",
                              chorus_activity_get_id (activity),
                              chorus_activity_get_kind (activity),
                              chorus_activity_get_title (activity),
                              chorus_activity_get_dates (activity),
                              chorus_activity_get_involved (activity),
                              chorus_activity_get_number_involved (activity));
    }

  model = G_LIST_MODEL (chorus_project_get_codebook (project));
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (model, i);
      g_autofree char *keywords = g_strjoinv (",", (char **) chorus_theme_get_keywords (theme));

      g_string_append_printf (out, "theme|%s|%s|%s|%s|%s|%s\n",
                              chorus_theme_get_id (theme), chorus_theme_get_name (theme),
                              chorus_theme_get_colour (theme),
                              chorus_theme_get_description (theme),
                              chorus_theme_get_parent_id (theme), keywords);
    }

  model = chorus_project_get_items (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (out, "item|%s|%s|%s|%s|%d|%s|%d|%s\n",
                              chorus_item_get_id (item), chorus_item_get_question_id (item),
                              chorus_item_get_group_id (item),
                              chorus_item_get_activity_id (item),
                              chorus_item_get_stance (item), chorus_item_get_author (item),
                              chorus_item_get_publish (item), chorus_item_get_text (item));
      for (guint c = 0; c < chorus_item_get_n_codings (item); c++)
        {
          guint start, end;
          const char *theme = chorus_item_get_coding (item, c, &start, &end);

          g_string_append_printf (out, "  coding|%s|%u|%u\n", theme, start, end);
        }
    }

  model = chorus_project_get_drafts (project);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusDraft) draft = g_list_model_get_item (model, i);

      g_string_append_printf (out, "draft|%d|%s|%s|%s|%d|%s\n",
                              chorus_draft_get_kind (draft), chorus_draft_get_target_id (draft),
                              chorus_draft_get_group_id (draft),
                              chorus_draft_get_option_id (draft),
                              chorus_draft_get_status (draft), chorus_draft_get_text (draft));
    }

  return g_string_free (out, FALSE);
}

