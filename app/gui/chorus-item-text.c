/* chorus-item-text.c — an input item's text in a list row, wrapped at words
 *
 * Looks like a GtkLabel with xalign 0, word wrapping, width-chars 24 and max-width-chars 80
 * (the CSS node is "label", so the same style rules apply), but lays its text out far fewer
 * times. GTK 4.8's list view makes a new row for every item a filter change brings into view,
 * and a new GtkLabel lays a long text out five times before its first frame: unwrapped, at 24
 * and at 80 characters for its width request, then at the widths it is measured and allocated
 * at. The narrow layout, dozens of lines, is the dearest. This widget takes its width request
 * from the one unwrapped layout (the widest word stands in for the 24-character layout, 80
 * characters for the 80-character one) and then lays out only at the widths it is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-item-text.h"

#define MIN_WIDTH_CHARS 24
#define MAX_WIDTH_CHARS 80
/* What resources/style.css gave the text label as ".item-row .item-text { line-height: 1.3 }":
 * GtkLabel applies a CSS line height itself, and GTK 4.8 offers no other widget a way to. */
#define LINE_HEIGHT 1.3

struct _ChorusItemText
{
  GtkWidget      parent_instance;

  char          *text;
  PangoAttrList *attributes;
  /* Made when first needed, and again after the text or the font changes. */
  PangoLayout   *layout;
};

G_DEFINE_FINAL_TYPE (ChorusItemText, chorus_item_text, GTK_TYPE_WIDGET)

static PangoLayout *
chorus_item_text_ensure_layout (ChorusItemText *self)
{
  PangoAttrList *attributes;

  if (self->layout != NULL)
    return self->layout;

  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD);

  attributes = self->attributes != NULL ? pango_attr_list_copy (self->attributes)
                                        : pango_attr_list_new ();
  pango_attr_list_insert_before (attributes, pango_attr_line_height_new (LINE_HEIGHT));
  pango_layout_set_attributes (self->layout, attributes);
  pango_attr_list_unref (attributes);

  return self->layout;
}

static void
chorus_item_text_clear_layout (ChorusItemText *self)
{
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* GtkLabel's width of a character: the wider of an average character and an average digit. */
static int
chorus_item_text_get_char_width (ChorusItemText *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                   pango_font_metrics_get_approximate_digit_width (metrics));

  pango_font_metrics_unref (metrics);
  return width;
}

/* The widest run of text that may not be broken, in the unwrapped layout: the narrowest the
 * text can be wrapped to. One pass over the characters, as asking Pango for each position in
 * turn is quadratic. */
static int
get_widest_word (PangoLayout *layout)
{
  const PangoLogAttr *attrs;
  int n_attrs;
  PangoLayoutIter *iter;
  int widest = 0;
  int start = 0, end = 0;   /* the current word's extent, in Pango units */
  gboolean in_word = FALSE;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  iter = pango_layout_get_iter (layout);

  for (int i = 0; i < n_attrs - 1; i++)
    {
      PangoRectangle extents;

      pango_layout_iter_get_char_extents (iter, &extents);

      if (attrs[i].is_line_break || attrs[i].is_mandatory_break)
        {
          if (in_word)
            widest = MAX (widest, end - start);
          in_word = FALSE;
        }

      if (!attrs[i].is_white)
        {
          int from = MIN (extents.x, extents.x + extents.width);
          int to = MAX (extents.x, extents.x + extents.width);

          if (!in_word)
            {
              start = from;
              end = to;
              in_word = TRUE;
            }
          start = MIN (start, from);
          end = MAX (end, to);
        }

      if (!pango_layout_iter_next_char (iter))
        break;
    }

  if (in_word)
    widest = MAX (widest, end - start);

  pango_layout_iter_free (iter);
  return widest;
}

static void
chorus_item_text_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  ChorusItemText *self = CHORUS_ITEM_TEXT (widget);
  PangoLayout *layout = chorus_item_text_ensure_layout (self);
  PangoRectangle logical;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int char_width = chorus_item_text_get_char_width (self);
      int smallest, widest;

      pango_layout_set_width (layout, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      smallest = MAX (char_width * MIN_WIDTH_CHARS, get_widest_word (layout));
      widest = MAX (smallest, MIN (logical.width, char_width * MAX_WIDTH_CHARS));

      *minimum = PANGO_PIXELS_CEIL (smallest);
      *natural = PANGO_PIXELS_CEIL (widest);
      return;
    }

  /* Without a width, the height of the unwrapped text, which the width request has just laid
   * out. GTK 4.8's list view asks this of every row it keeps, and uses only the heights it then
   * asks for at its width; another layout here, at the natural width, would be thrown away. */
  pango_layout_set_width (layout, for_size >= 0 ? for_size * PANGO_SCALE : -1);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  *minimum = *natural = logical.height;
}

static GtkSizeRequestMode
chorus_item_text_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
chorus_item_text_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  ChorusItemText *self = CHORUS_ITEM_TEXT (widget);

  pango_layout_set_width (chorus_item_text_ensure_layout (self), width * PANGO_SCALE);
}

static void
chorus_item_text_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  ChorusItemText *self = CHORUS_ITEM_TEXT (widget);
  PangoLayout *layout = chorus_item_text_ensure_layout (self);
  PangoRectangle logical;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float x, y;

  if (self->text == NULL || *self->text == '\0')
    return;

  /* Placed as GtkLabel places its layout: at the start, centred vertically. */
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    x = floorf ((float) (width - logical.width) - (float) logical.x);
  else
    x = (float) -logical.x;
  y = floorf ((float) (height - logical.height) * 0.5f) - (float) logical.y;

  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), x, y, layout);
}

static void
chorus_item_text_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous_direction)
{
  chorus_item_text_clear_layout (CHORUS_ITEM_TEXT (widget));
}

static void
chorus_item_text_system_setting_changed (GtkWidget        *widget,
                                         GtkSystemSetting  setting)
{
  chorus_item_text_clear_layout (CHORUS_ITEM_TEXT (widget));
  GTK_WIDGET_CLASS (chorus_item_text_parent_class)->system_setting_changed (widget, setting);
}

GtkWidget *
chorus_item_text_new (void)
{
  return g_object_new (CHORUS_TYPE_ITEM_TEXT, NULL);
}

const char *
chorus_item_text_get_text (ChorusItemText *self)
{
  g_return_val_if_fail (CHORUS_IS_ITEM_TEXT (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
chorus_item_text_set_text (ChorusItemText *self,
                           const char     *text)
{
  g_return_if_fail (CHORUS_IS_ITEM_TEXT (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->text != NULL ? self->text : "", -1);
  chorus_item_text_clear_layout (self);
}

/* Spans of the text to shade; the list is not copied, so do not change it afterwards. */
void
chorus_item_text_set_attributes (ChorusItemText *self,
                                 PangoAttrList  *attributes)
{
  g_return_if_fail (CHORUS_IS_ITEM_TEXT (self));

  if (self->attributes == attributes)
    return;
  if (self->attributes != NULL && attributes != NULL &&
      pango_attr_list_equal (self->attributes, attributes))
    return;

  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  if (attributes != NULL)
    self->attributes = pango_attr_list_ref (attributes);
  /* Shading does not change the size, but the layout keeps its own copy of the list. */
  g_clear_object (&self->layout);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chorus_item_text_finalize (GObject *object)
{
  ChorusItemText *self = CHORUS_ITEM_TEXT (object);

  g_clear_object (&self->layout);
  g_clear_pointer (&self->attributes, pango_attr_list_unref);
  g_free (self->text);

  G_OBJECT_CLASS (chorus_item_text_parent_class)->finalize (object);
}

static void
chorus_item_text_class_init (ChorusItemTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = chorus_item_text_finalize;

  widget_class->get_request_mode = chorus_item_text_get_request_mode;
  widget_class->measure = chorus_item_text_measure;
  widget_class->size_allocate = chorus_item_text_size_allocate;
  widget_class->snapshot = chorus_item_text_snapshot;
  widget_class->direction_changed = chorus_item_text_direction_changed;
  widget_class->system_setting_changed = chorus_item_text_system_setting_changed;

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
chorus_item_text_init (ChorusItemText *self)
{
}
