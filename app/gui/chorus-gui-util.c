/* chorus-gui-util.c — small pieces the window's widgets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-gui-util.h"

static void
append_in_tree_order (GListModel  *themes,
                      const char  *parent_id,
                      GPtrArray   *order,
                      guint        depth)
{
  /* A codebook made by hand is a few dozen themes; quadratic is fine, and a loop cannot
   * happen (the core refuses one), but depth is bounded all the same. */
  if (depth > 64)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);

      if (g_strcmp0 (chorus_theme_get_parent_id (theme), parent_id) != 0)
        continue;

      g_ptr_array_add (order, theme);
      append_in_tree_order (themes, chorus_theme_get_id (theme), order, depth + 1);
    }
}

GPtrArray *
chorus_codebook_dup_tree_order (ChorusProject *project)
{
  GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (project));
  GPtrArray *order = g_ptr_array_new ();

  append_in_tree_order (themes, NULL, order, 0);
  return order;
}

ChorusTheme *
chorus_codebook_get_theme_at (ChorusProject *project,
                              guint          position)
{
  g_autoptr(GPtrArray) themes = chorus_codebook_dup_tree_order (project);

  /* The codebook holds its own reference. */
  return position < themes->len ? g_ptr_array_index (themes, position) : NULL;
}

gboolean
chorus_toggle_whole_item_theme (ChorusProject *project,
                                ChorusItem    *item,
                                ChorusTheme   *theme)
{
  const char *theme_id = chorus_theme_get_id (theme);
  guint length = chorus_item_get_length (item);

  for (guint i = 0; i < chorus_item_get_n_codings (item); i++)
    {
      guint start, end;
      const char *coded = chorus_item_get_coding (item, i, &start, &end);

      if (g_strcmp0 (coded, theme_id) == 0 && start == 0 && end >= length)
        {
          chorus_project_remove_coding (project, item, i);
          return FALSE;
        }
    }

  return chorus_project_add_coding (project, item, theme, 0, G_MAXUINT);
}

gboolean
chorus_colour_parse_for_style (const char *colour,
                               double     *red,
                               double     *green,
                               double     *blue)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  return chorus_colour_parse_for_background (colour, dark, red, green, blue);
}

void
chorus_theme_get_rgba (ChorusTheme *theme,
                       GdkRGBA     *rgba)
{
  double red = 0.6, green = 0.6, blue = 0.6;

  if (theme != NULL)
    chorus_colour_parse_for_style (chorus_theme_get_colour (theme), &red, &green, &blue);

  rgba->red = red;
  rgba->green = green;
  rgba->blue = blue;
  rgba->alpha = 1.0;
}

const char *
chorus_project_group_name (ChorusProject *project,
                           const char    *group_id)
{
  ChorusGroup *group = group_id != NULL ? chorus_project_find_group (project, group_id) : NULL;

  return group != NULL ? chorus_group_get_name (group) : "";
}

const char *
chorus_project_activity_name (ChorusProject *project,
                              const char    *activity_id)
{
  ChorusActivity *activity = activity_id != NULL
                             ? chorus_project_find_activity (project, activity_id) : NULL;

  return activity != NULL ? chorus_activity_get_title (activity) : "";
}

void
chorus_status_page_set_description_text (AdwStatusPage *page,
                                         const char    *text)
{
  g_autofree char *escaped = text != NULL ? g_markup_escape_text (text, -1) : NULL;

  adw_status_page_set_description (page, escaped);
}

AdwToast *
chorus_toast_new_text (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  return adw_toast_new (escaped);
}
