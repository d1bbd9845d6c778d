/* chorus-row-label.c — names the list row it sits in, for assistive technologies
 *
 * In GTK 4.8 a GtkListView row (and a GtkTreeExpander in it) takes the keyboard focus but has
 * no accessible name of its own, and a row template cannot give it one: accessible properties
 * are not GObject properties, so a <binding> cannot reach them. ChorusRowLabel is a widget
 * that takes no space and shows nothing; placed in a row template with its "label" bound to
 * the item, it passes that label on to the row, so a screen reader says "Q1, How can…, 4 items,
 * Final" instead of nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-row-label.h"

struct _ChorusRowLabel
{
  GtkWidget  parent_instance;

  char      *label;
};

G_DEFINE_FINAL_TYPE (ChorusRowLabel, chorus_row_label, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
chorus_name_list_row (GtkWidget  *widget,
                      const char *label)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (widget);
       ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      GtkWidget *parent = gtk_widget_get_parent (ancestor);

      if (GTK_IS_TREE_EXPANDER (ancestor) || GTK_IS_LIST_VIEW (parent))
        gtk_accessible_update_property (GTK_ACCESSIBLE (ancestor),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label != NULL ? label : "",
                                        -1);
      if (GTK_IS_LIST_VIEW (parent))
        break;
    }
}

static void
chorus_row_label_root (GtkWidget *widget)
{
  ChorusRowLabel *self = CHORUS_ROW_LABEL (widget);

  GTK_WIDGET_CLASS (chorus_row_label_parent_class)->root (widget);

  chorus_name_list_row (widget, self->label);
}

static void
chorus_row_label_finalize (GObject *object)
{
  ChorusRowLabel *self = CHORUS_ROW_LABEL (object);

  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (chorus_row_label_parent_class)->finalize (object);
}

static void
chorus_row_label_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ChorusRowLabel *self = CHORUS_ROW_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_row_label_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ChorusRowLabel *self = CHORUS_ROW_LABEL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      chorus_row_label_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_row_label_class_init (ChorusRowLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = chorus_row_label_finalize;
  object_class->get_property = chorus_row_label_get_property;
  object_class->set_property = chorus_row_label_set_property;

  widget_class->root = chorus_row_label_root;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Nothing to read out itself: it only names its row. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
chorus_row_label_init (ChorusRowLabel *self)
{
}

const char *
chorus_row_label_get_label (ChorusRowLabel *self)
{
  g_return_val_if_fail (CHORUS_IS_ROW_LABEL (self), NULL);

  return self->label;
}

void
chorus_row_label_set_label (ChorusRowLabel *self,
                            const char     *label)
{
  g_return_if_fail (CHORUS_IS_ROW_LABEL (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);

  chorus_name_list_row (GTK_WIDGET (self), self->label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}
