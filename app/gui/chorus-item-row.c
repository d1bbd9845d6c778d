/* chorus-item-row.c — one piece of input in a list
 *
 * Shows the item's text and, beneath it, where it came from: the respondent group, the
 * engagement activity and the stance. An item stores only the ids of its group and activity,
 * so the row asks the project for their names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "chorus-gui-util.h"
#include "chorus-item-row.h"
#include "chorus-item-text.h"
#include "chorus-row-label.h"

struct _ChorusItemRow
{
  GtkWidget      parent_instance;

  ChorusItem     *item;
  ChorusProject  *project;
  /* Follows the bound item so that an edit (from undo, or another view) shows at once. */
  GSignalGroup   *item_signals;

  ChorusItemText *text_label;
  GtkLabel       *group_label;
  GtkLabel       *activity_label;
  GtkLabel       *stance_label;
  GtkLabel       *themes_label;
};

G_DEFINE_FINAL_TYPE (ChorusItemRow, chorus_item_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* The list shows the start of a long item, up to a word boundary, and the editor all of it:
 * hundreds of rows of a survey's longest answers would otherwise take seconds to lay out
 * whenever the filters change. Span highlights past the cut are simply not shown here. */
#define ROW_TEXT_MAX_CHARS 600

static void
chorus_item_row_set_text (ChorusItemRow *self)
{
  const char *text = chorus_item_get_text (self->item);
  g_autofree char *shown = NULL;

  if (chorus_item_get_length (self->item) > ROW_TEXT_MAX_CHARS)
    {
      const char *cut = g_utf8_offset_to_pointer (text, ROW_TEXT_MAX_CHARS);
      const char *space = cut;

      while (space > text && *space != ' ' && cut - space < 40)
        space--;
      if (*space == ' ')
        cut = space;
      g_autofree char *head = g_strndup (text, (gsize) (cut - text));

      shown = g_strconcat (head, "…", NULL);
    }

  chorus_item_text_set_text (self->text_label, shown != NULL ? shown : text);
}

/* Coded words are shaded in their theme's colour, as in the editor; the themes themselves are
 * listed under the text, each after a dot of its colour. One label each rather than a widget
 * per chip: the list shows thousands of rows. */
/* Returns how the themes are read out: "Themes: Parking, Access" or "No theme". */
static char *
chorus_item_row_update_codings (ChorusItemRow *self)
{
  const char *text = chorus_item_get_text (self->item);
  guint length = chorus_item_get_length (self->item);
  guint n_codings = chorus_item_get_n_codings (self->item);
  PangoAttrList *attributes = pango_attr_list_new ();
  g_autoptr(GString) chips = g_string_new (NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; self->project != NULL && i < n_codings; i++)
    {
      guint start, end;
      const char *theme_id = chorus_item_get_coding (self->item, i, &start, &end);
      ChorusTheme *theme = chorus_codebook_find_theme (chorus_project_get_codebook (self->project),
                                                       theme_id);
      const char *colour;
      double red = 0.6, green = 0.6, blue = 0.6;

      if (theme == NULL)
        continue;

      colour = chorus_theme_get_colour (theme);
      chorus_colour_parse_for_style (colour, &red, &green, &blue);

      if (start > 0 || end < length)
        {
          PangoAttribute *background = pango_attr_background_new ((guint16) (red * 65535),
                                                                  (guint16) (green * 65535),
                                                                  (guint16) (blue * 65535));
          PangoAttribute *alpha = pango_attr_background_alpha_new (65535 * 28 / 100);
          guint byte_start = (guint) (g_utf8_offset_to_pointer (text, start) - text);
          guint byte_end = (guint) (g_utf8_offset_to_pointer (text, MIN (end, length)) - text);

          background->start_index = alpha->start_index = byte_start;
          background->end_index = alpha->end_index = byte_end;
          pango_attr_list_insert (attributes, background);
          pango_attr_list_insert (attributes, alpha);
        }

      if (g_ptr_array_find (seen, theme, NULL))
        continue;
      g_ptr_array_add (seen, theme);

      {
        g_autofree char *escaped = g_markup_escape_text (chorus_theme_get_name (theme), -1);

        if (chips->len > 0)
          g_string_append (chips, "   ");
        /* A no-break space keeps each dot on the line of its theme's name. */
        g_string_append_printf (chips, "<span foreground=\"#%02x%02x%02x\">●</span>\u00a0%s",
                                (guint) (red * 255), (guint) (green * 255), (guint) (blue * 255),
                                escaped);
        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, chorus_theme_get_name (theme));
      }
    }

  chorus_item_text_set_attributes (self->text_label, attributes);
  pango_attr_list_unref (attributes);
  gtk_label_set_markup (self->themes_label, chips->str);
  gtk_widget_set_visible (GTK_WIDGET (self->themes_label), chips->len > 0);

  /* Translators: how a row of input is read out: its text, then its themes */
  return names->len > 0 ? g_strdup_printf (_("Themes: %s"), names->str) : g_strdup (_("No theme"));
}

static void
chorus_item_row_update (ChorusItemRow *self)
{
  const char *group_name = NULL;
  const char *activity_title = NULL;
  const char *stance = NULL;
  g_autofree char *themes = NULL;

  /* A row without an item is not shown: the list has just made it, or has let its item go
   * and (in GTK 4.8) is about to destroy it. Emptying its five labels would only lay them out
   * again, for each of the rows a filter change replaces. */
  if (self->item == NULL)
    return;

  if (self->project != NULL)
    {
      const char *group_id = chorus_item_get_group_id (self->item);
      const char *activity_id = chorus_item_get_activity_id (self->item);
      ChorusGroup *group = NULL;
      ChorusActivity *activity = NULL;

      if (group_id != NULL)
        group = chorus_project_find_group (self->project, group_id);
      if (activity_id != NULL)
        activity = chorus_project_find_activity (self->project, activity_id);

      if (group != NULL)
        group_name = chorus_group_get_name (group);
      if (activity != NULL)
        activity_title = chorus_activity_get_title (activity);
    }

  if (chorus_item_get_stance (self->item) != CHORUS_STANCE_UNSET)
    stance = chorus_stance_get_label (chorus_item_get_stance (self->item));

  chorus_item_row_set_text (self);
  set_label (self->group_label, group_name);
  set_label (self->activity_label, activity_title);
  set_label (self->stance_label, stance);
  themes = chorus_item_row_update_codings (self);

  /* The row the list focuses is what a screen reader names: the words, where they came from,
   * the stance and the themes, in the order the eye reads them. */
  {
    g_autoptr(GString) name = g_string_new (chorus_item_text_get_text (self->text_label));
    const char *details[] = { group_name, activity_title, stance, themes };

    for (guint i = 0; i < G_N_ELEMENTS (details); i++)
      if (details[i] != NULL && details[i][0] != '\0')
        {
          /* Translators: separates the parts of an input row read out by a screen reader */
          g_string_append (name, _(". "));
          g_string_append (name, details[i]);
        }
    chorus_name_list_row (GTK_WIDGET (self), name->str);
  }
}

GtkWidget *
chorus_item_row_new (void)
{
  return g_object_new (CHORUS_TYPE_ITEM_ROW, NULL);
}

ChorusItem *
chorus_item_row_get_item (ChorusItemRow *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_ROW (self), NULL);

  return self->item;
}

void
chorus_item_row_set_item (ChorusItemRow *self,
                          ChorusItem    *item)
{
  g_return_if_fail (CHORUS_IS_ITEM_ROW (self));
  g_return_if_fail (item == NULL || CHORUS_IS_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  g_signal_group_set_target (self->item_signals, item);
  chorus_item_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

ChorusProject *
chorus_item_row_get_project (ChorusItemRow *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_ROW (self), NULL);

  return self->project;
}

void
chorus_item_row_set_project (ChorusItemRow *self,
                             ChorusProject *project)
{
  g_return_if_fail (CHORUS_IS_ITEM_ROW (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (!g_set_object (&self->project, project))
    return;

  chorus_item_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

static void
chorus_item_row_dispose (GObject *object)
{
  ChorusItemRow *self = (ChorusItemRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_ITEM_ROW);

  /* The template's top-level box has no id, so dispose_template() leaves it in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->item_signals != NULL)
    g_signal_group_set_target (self->item_signals, NULL);
  g_clear_object (&self->item_signals);
  g_clear_object (&self->item);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_item_row_parent_class)->dispose (object);
}

static void
chorus_item_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ChorusItemRow *self = CHORUS_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_item_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  ChorusItemRow *self = CHORUS_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      chorus_item_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_PROJECT:
      chorus_item_row_set_project (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_item_row_class_init (ChorusItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_item_row_dispose;
  object_class->get_property = chorus_item_row_get_property;
  object_class->set_property = chorus_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, CHORUS_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHORUS_TYPE_ITEM_TEXT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusItemRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemRow, group_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemRow, activity_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemRow, stance_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusItemRow, themes_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-item-row");
}

static void
chorus_item_row_init (ChorusItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->item_signals = g_signal_group_new (CHORUS_TYPE_ITEM);
  g_signal_group_connect_swapped (self->item_signals, "notify",
                                  G_CALLBACK (chorus_item_row_update), self);
  /* Theme colours are lifted in the dark style, so the highlights follow a switch. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (chorus_item_row_update), self, G_CONNECT_SWAPPED);
}
