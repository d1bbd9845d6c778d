/* chorus-status-icon.c — the status of an answer as a small icon
 *
 * A circle that fills as the answer moves from "not started" to "final". The widget, not the
 * image inside it, carries the accessible label, so a screen reader says "Drafting" rather
 * than reading an icon name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-status-icon.h"

struct _ChorusStatusIcon
{
  GtkWidget          parent_instance;

  GtkImage          *image;

  ChorusDraftStatus  status;
};

G_DEFINE_FINAL_TYPE (ChorusStatusIcon, chorus_status_icon, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chorus_status_icon_update (ChorusStatusIcon *self)
{
  static const char * const status_classes[] = {
    [CHORUS_DRAFT_STATUS_NOT_STARTED] = "not-started",
    [CHORUS_DRAFT_STATUS_DRAFTING] = "drafting",
    [CHORUS_DRAFT_STATUS_IN_REVIEW] = "in-review",
    [CHORUS_DRAFT_STATUS_FINAL] = "final",
  };
  g_autofree char *icon_name = NULL;
  const char *label;

  g_assert (self->status < G_N_ELEMENTS (status_classes));

  icon_name = g_strdup_printf ("chorus-status-%s-symbolic", status_classes[self->status]);
  gtk_image_set_from_icon_name (self->image, icon_name);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self), status_classes[self->status]);

  label = chorus_draft_status_get_label (self->status);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

GtkWidget *
chorus_status_icon_new (void)
{
  return g_object_new (CHORUS_TYPE_STATUS_ICON, NULL);
}

ChorusDraftStatus
chorus_status_icon_get_status (ChorusStatusIcon *self)
{
  g_return_val_if_fail (CHORUS_IS_STATUS_ICON (self), CHORUS_DRAFT_STATUS_NOT_STARTED);

  return self->status;
}

void
chorus_status_icon_set_status (ChorusStatusIcon  *self,
                               ChorusDraftStatus  status)
{
  g_return_if_fail (CHORUS_IS_STATUS_ICON (self));
  g_return_if_fail (status < CHORUS_N_DRAFT_STATUSES);

  if (self->status == status)
    return;

  self->status = status;
  chorus_status_icon_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
chorus_status_icon_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), CHORUS_TYPE_STATUS_ICON);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (chorus_status_icon_parent_class)->dispose (object);
}

static void
chorus_status_icon_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChorusStatusIcon *self = CHORUS_STATUS_ICON (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_status_icon_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChorusStatusIcon *self = CHORUS_STATUS_ICON (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      chorus_status_icon_set_status (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_status_icon_class_init (ChorusStatusIconClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_status_icon_dispose;
  object_class->get_property = chorus_status_icon_get_property;
  object_class->set_property = chorus_status_icon_set_property;

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       CHORUS_TYPE_DRAFT_STATUS, CHORUS_DRAFT_STATUS_NOT_STARTED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-status-icon.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusStatusIcon, image);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-status-icon");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
chorus_status_icon_init (ChorusStatusIcon *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->status = CHORUS_DRAFT_STATUS_NOT_STARTED;
  chorus_status_icon_update (self);
}
