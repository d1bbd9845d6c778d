/* chorus-theme-menu.c — the "tag with theme" menu built from a codebook
 *
 * A GMenu carries only strings and icons, so a theme's colour travels as a small PNG drawn with
 * cairo and wrapped in a GBytesIcon: GtkPopoverMenu, GtkImage and AdwActionRow all show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo.h>

#include "chorus-gui-util.h"
#include "chorus-theme-menu.h"

/* Drawn at twice the size menus show it, so it stays sharp on HiDPI screens. */
#define SWATCH_SIZE 32

static cairo_status_t
append_png_data_cb (void                *closure,
                    const unsigned char *data,
                    unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GIcon *
chorus_theme_swatch_new (const char *colour)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  GByteArray *png = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  double red = 0.6, green = 0.6, blue = 0.6;

  /* A theme with a broken colour still gets a visible, neutral swatch. */
  chorus_colour_parse (colour, &red, &green, &blue);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, SWATCH_SIZE, SWATCH_SIZE);
  cr = cairo_create (surface);
  cairo_arc (cr, SWATCH_SIZE / 2.0, SWATCH_SIZE / 2.0, SWATCH_SIZE / 2.0 - 3, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill_preserve (cr);
  /* A faint rim keeps pale colours (yellow, light grey) visible on light and dark menus. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_destroy (cr);

  cairo_surface_write_to_png_stream (surface, append_png_data_cb, png);
  cairo_surface_destroy (surface);

  bytes = g_byte_array_free_to_bytes (png);
  return g_bytes_icon_new (bytes);
}

void
chorus_theme_menu_fill (GMenu          *menu,
                        ChorusProject  *project,
                        const char     *action_name)
{
  g_autoptr(GPtrArray) themes = NULL;

  g_return_if_fail (G_IS_MENU (menu));
  g_return_if_fail (CHORUS_IS_PROJECT (project));
  g_return_if_fail (action_name != NULL);

  g_menu_remove_all (menu);

  themes = chorus_codebook_dup_tree_order (project);
  for (guint i = 0; i < themes->len; i++)
    {
      ChorusTheme *theme = g_ptr_array_index (themes, i);
      g_autoptr(GMenuItem) menu_item = NULL;
      g_autoptr(GIcon) swatch = chorus_theme_swatch_new (chorus_theme_get_colour (theme));

      menu_item = g_menu_item_new (chorus_theme_get_name (theme), NULL);
      g_menu_item_set_action_and_target (menu_item, action_name, "s", chorus_theme_get_id (theme));
      g_menu_item_set_icon (menu_item, swatch);

      if (i < CHORUS_N_THEME_SHORTCUTS)
        {
          g_autofree char *accel = g_strdup_printf ("<Control>%u", i + 1);

          g_menu_item_set_attribute (menu_item, "accel", "s", accel);
        }

      g_menu_append_item (menu, menu_item);
    }
}
