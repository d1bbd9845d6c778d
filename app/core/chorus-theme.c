/* chorus-theme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "chorus-model-private.h"

struct _ChorusTheme
{
  GObject   parent_instance;

  char     *id;
  char     *name;
  char     *colour;
  char     *description;
  char     *parent_id;
  GStrv     keywords;
};

G_DEFINE_FINAL_TYPE (ChorusTheme, chorus_theme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOUR,
  PROP_DESCRIPTION,
  PROP_PARENT_ID,
  PROP_KEYWORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chorus_theme_finalize (GObject *object)
{
  ChorusTheme *self = (ChorusTheme *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->colour, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->parent_id, g_free);
  g_clear_pointer (&self->keywords, g_strfreev);

  G_OBJECT_CLASS (chorus_theme_parent_class)->finalize (object);
}

static void
chorus_theme_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ChorusTheme *self = CHORUS_THEME (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COLOUR:
      g_value_set_string (value, self->colour);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_PARENT_ID:
      g_value_set_string (value, self->parent_id);
      break;
    case PROP_KEYWORDS:
      g_value_set_boxed (value, self->keywords);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_theme_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ChorusTheme *self = CHORUS_THEME (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      _chorus_set_str (&self->name, g_value_get_string (value));
      break;
    case PROP_COLOUR:
      _chorus_set_str (&self->colour, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      _chorus_set_str (&self->description, _chorus_nonempty (g_value_get_string (value)));
      break;
    case PROP_PARENT_ID:
      _chorus_set_str (&self->parent_id, _chorus_nonempty (g_value_get_string (value)));
      break;
    case PROP_KEYWORDS:
      {
        const char * const *keywords = g_value_get_boxed (value);

        g_strfreev (self->keywords);
        self->keywords = keywords ? g_strdupv ((char **) keywords) : g_new0 (char *, 1);
      }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_theme_class_init (ChorusThemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_theme_finalize;
  object_class->get_property = chorus_theme_get_property;
  object_class->set_property = chorus_theme_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] =
    g_param_spec_string ("colour", NULL, NULL, "#999999",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARENT_ID] =
    g_param_spec_string ("parent-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEYWORDS] =
    g_param_spec_boxed ("keywords", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_theme_init (ChorusTheme *self)
{
  self->name = g_strdup ("");
  self->colour = g_strdup ("#999999");
  self->keywords = g_new0 (char *, 1);
}

ChorusTheme *
chorus_theme_new (const char *id,
                  const char *name,
                  const char *colour)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CHORUS_TYPE_THEME,
                       "id", id,
                       "name", name ? name : "",
                       "colour", colour && chorus_colour_parse (colour, NULL, NULL, NULL)
                                 ? colour : "#999999",
                       NULL);
}

const char *
chorus_theme_get_id (ChorusTheme *self)
{
  g_return_val_if_fail (CHORUS_IS_THEME (self), NULL);
  return self->id;
}

const char *
chorus_theme_get_name (ChorusTheme *self)
{
  g_return_val_if_fail (CHORUS_IS_THEME (self), NULL);
  return self->name;
}

const char *
chorus_theme_get_colour (ChorusTheme *self)
{
  g_return_val_if_fail (CHORUS_IS_THEME (self), NULL);
  return self->colour;
}

const char *
chorus_theme_get_description (ChorusTheme *self)
{
  g_return_val_if_fail (CHORUS_IS_THEME (self), NULL);
  return self->description;
}

const char *
chorus_theme_get_parent_id (ChorusTheme *self)
{
  g_return_val_if_fail (CHORUS_IS_THEME (self), NULL);
  return self->parent_id;
}

const char * const *
chorus_theme_get_keywords (ChorusTheme *self)
{
  g_return_val_if_fail (CHORUS_IS_THEME (self), NULL);
  return (const char * const *) self->keywords;
}

void
_chorus_theme_set_details (ChorusTheme        *self,
                           const char         *description,
                           const char         *parent_id,
                           const char * const *keywords)
{
  _chorus_set_str (&self->description, _chorus_nonempty (description));
  _chorus_set_str (&self->parent_id, _chorus_nonempty (parent_id));
  g_strfreev (self->keywords);
  self->keywords = keywords ? g_strdupv ((char **) keywords) : g_new0 (char *, 1);
}

gboolean
chorus_colour_parse (const char *colour,
                     double     *red,
                     double     *green,
                     double     *blue)
{
  guint components[3];

  if (colour == NULL || colour[0] != '#' || strlen (colour) != 7)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      int high = g_ascii_xdigit_value (colour[1 + i * 2]);
      int low = g_ascii_xdigit_value (colour[2 + i * 2]);

      if (high < 0 || low < 0)
        return FALSE;
      components[i] = (guint) (high * 16 + low);
    }

  if (red != NULL)
    *red = components[0] / 255.0;
  if (green != NULL)
    *green = components[1] / 255.0;
  if (blue != NULL)
    *blue = components[2] / 255.0;

  return TRUE;
}

gboolean
chorus_colour_parse_for_background (const char *colour,
                                    gboolean    dark,
                                    double     *red,
                                    double     *green,
                                    double     *blue)
{
  double r, g, b;

  g_return_val_if_fail (red != NULL && green != NULL && blue != NULL, FALSE);

  if (!chorus_colour_parse (colour, &r, &g, &b))
    {
      *red = *green = *blue = 0.6;
      return FALSE;
    }

  /* 0.32 of relative luminance is where a colour meets the dark style's card (#363636) at
   * less than about 2:1; lifting it a third of the way to white keeps the hue. */
  if (dark && 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.32)
    {
      r += (1.0 - r) * 0.35;
      g += (1.0 - g) * 0.35;
      b += (1.0 - b) * 0.35;
    }

  *red = r;
  *green = g;
  *blue = b;
  return TRUE;
}
