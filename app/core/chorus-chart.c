/* chorus-chart.c — a summary chart of a project, and what it drew where
 *
 * The chart keeps its data (chorus-chart-data.c) until the project's
 * statistics or one of its properties change, and the layout of its last
 * render for hit testing. Rendering itself is in chorus-chart-draw.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-chart-private.h"

#define DEFAULT_MAX_BARS 12
#define MAX_SIZE 8000

struct _ChorusChart
{
  GObject            parent_instance;

  ChorusProject     *project;
  ChorusChartKind    kind;
  ChorusChartRows    heatmap_rows;
  guint              max_bars;
  guint              dark : 1;
  guint              stack_by_group : 1;
  guint              show_title : 1;
  /* Interned, so the item walk compares pointers. */
  const char        *group_id;
  const char        *activity_id;
  const char        *document_id;

  /* Built from data_stats; rebuilt when the project has newer statistics. */
  ChorusChartData   *data;
  ChorusStats       *data_stats;
  /* What the last render drew where. */
  ChorusChartLayout *layout;
};

G_DEFINE_FINAL_TYPE (ChorusChart, chorus_chart, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (ChorusChartKind, chorus_chart_kind,
                    G_DEFINE_ENUM_VALUE (CHORUS_CHART_KIND_THEMES, "themes"),
                    G_DEFINE_ENUM_VALUE (CHORUS_CHART_KIND_STANCE, "stance"),
                    G_DEFINE_ENUM_VALUE (CHORUS_CHART_KIND_COVERAGE, "coverage"),
                    G_DEFINE_ENUM_VALUE (CHORUS_CHART_KIND_HEATMAP, "heatmap"))

G_DEFINE_ENUM_TYPE (ChorusChartRows, chorus_chart_rows,
                    G_DEFINE_ENUM_VALUE (CHORUS_CHART_ROWS_GROUPS, "groups"),
                    G_DEFINE_ENUM_VALUE (CHORUS_CHART_ROWS_ACTIVITIES, "activities"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_PROJECT,
  PROP_DARK,
  PROP_GROUP_ID,
  PROP_ACTIVITY_ID,
  PROP_DOCUMENT_ID,
  PROP_STACK_BY_GROUP,
  PROP_HEATMAP_ROWS,
  PROP_MAX_BARS,
  PROP_SHOW_TITLE,
  PROP_TITLE,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
chorus_chart_invalidate (ChorusChart *self)
{
  g_clear_pointer (&self->data, _chorus_chart_data_unref);
  g_clear_pointer (&self->data_stats, chorus_stats_unref);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
project_changed_cb (ChorusChart *self)
{
  chorus_chart_invalidate (self);
}

static ChorusChartData *
chorus_chart_get_data (ChorusChart *self)
{
  ChorusStats *stats = chorus_project_get_stats (self->project);
  ChorusChartFilter filter = { self->group_id, self->activity_id, self->document_id };

  /* The project replaces its statistics on every change; holding a
   * reference makes the pointer comparison safe. */
  if (self->data != NULL && self->data_stats == stats)
    return self->data;

  g_clear_pointer (&self->data, _chorus_chart_data_unref);
  g_clear_pointer (&self->data_stats, chorus_stats_unref);

  self->data = _chorus_chart_data_new (self->project, self->kind, &filter, self->stack_by_group,
                                       self->heatmap_rows, self->dark);
  self->data_stats = chorus_stats_ref (stats);

  return self->data;
}

ChorusChartLayout *
_chorus_chart_get_layout (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), NULL);

  return self->layout;
}

static void
chorus_chart_dispose (GObject *object)
{
  ChorusChart *self = CHORUS_CHART (object);

  g_clear_pointer (&self->layout, _chorus_chart_layout_free);
  g_clear_pointer (&self->data, _chorus_chart_data_unref);
  g_clear_pointer (&self->data_stats, chorus_stats_unref);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_chart_parent_class)->dispose (object);
}

static void
chorus_chart_constructed (GObject *object)
{
  ChorusChart *self = CHORUS_CHART (object);

  G_OBJECT_CLASS (chorus_chart_parent_class)->constructed (object);

  g_return_if_fail (CHORUS_IS_PROJECT (self->project));

  g_signal_connect_object (self->project, "changed", G_CALLBACK (project_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
chorus_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ChorusChart *self = CHORUS_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_GROUP_ID:
      g_value_set_string (value, self->group_id);
      break;
    case PROP_ACTIVITY_ID:
      g_value_set_string (value, self->activity_id);
      break;
    case PROP_DOCUMENT_ID:
      g_value_set_string (value, self->document_id);
      break;
    case PROP_STACK_BY_GROUP:
      g_value_set_boolean (value, self->stack_by_group);
      break;
    case PROP_HEATMAP_ROWS:
      g_value_set_enum (value, self->heatmap_rows);
      break;
    case PROP_MAX_BARS:
      g_value_set_uint (value, self->max_bars);
      break;
    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, self->show_title);
      break;
    case PROP_TITLE:
      g_value_set_string (value, chorus_chart_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ChorusChart *self = CHORUS_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      chorus_chart_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;
    case PROP_DARK:
      chorus_chart_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_GROUP_ID:
      chorus_chart_set_group_id (self, g_value_get_string (value));
      break;
    case PROP_ACTIVITY_ID:
      chorus_chart_set_activity_id (self, g_value_get_string (value));
      break;
    case PROP_DOCUMENT_ID:
      chorus_chart_set_document_id (self, g_value_get_string (value));
      break;
    case PROP_STACK_BY_GROUP:
      chorus_chart_set_stack_by_group (self, g_value_get_boolean (value));
      break;
    case PROP_HEATMAP_ROWS:
      chorus_chart_set_heatmap_rows (self, g_value_get_enum (value));
      break;
    case PROP_MAX_BARS:
      chorus_chart_set_max_bars (self, g_value_get_uint (value));
      break;
    case PROP_SHOW_TITLE:
      chorus_chart_set_show_title (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_chart_class_init (ChorusChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = chorus_chart_constructed;
  object_class->dispose = chorus_chart_dispose;
  object_class->get_property = chorus_chart_get_property;
  object_class->set_property = chorus_chart_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       CHORUS_TYPE_CHART_KIND, CHORUS_CHART_KIND_THEMES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS);
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GROUP_ID] =
    g_param_spec_string ("group-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVITY_ID] =
    g_param_spec_string ("activity-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT_ID] =
    g_param_spec_string ("document-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STACK_BY_GROUP] =
    g_param_spec_boolean ("stack-by-group", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEATMAP_ROWS] =
    g_param_spec_enum ("heatmap-rows", NULL, NULL,
                       CHORUS_TYPE_CHART_ROWS, CHORUS_CHART_ROWS_GROUPS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_BARS] =
    g_param_spec_uint ("max-bars", NULL, NULL,
                       2, 1000, DEFAULT_MAX_BARS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
chorus_chart_init (ChorusChart *self)
{
  self->max_bars = DEFAULT_MAX_BARS;
  self->show_title = TRUE;
}

ChorusChart *
chorus_chart_new (ChorusChartKind  kind,
                  ChorusProject   *project)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);

  return g_object_new (CHORUS_TYPE_CHART,
                       "kind", kind,
                       "project", project,
                       NULL);
}

/* Properties ---------------------------------------------------------------- */

ChorusChartKind
chorus_chart_get_kind (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), CHORUS_CHART_KIND_THEMES);

  return self->kind;
}

void
chorus_chart_set_kind (ChorusChart     *self,
                       ChorusChartKind  kind)
{
  g_return_if_fail (CHORUS_IS_CHART (self));
  g_return_if_fail (kind <= CHORUS_CHART_KIND_HEATMAP);

  if (self->kind == kind)
    return;

  self->kind = kind;
  /* During construction there is no project to read yet. */
  if (self->project != NULL)
    chorus_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

ChorusProject *
chorus_chart_get_project (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), NULL);

  return self->project;
}

gboolean
chorus_chart_get_dark (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), FALSE);

  return self->dark;
}

void
chorus_chart_set_dark (ChorusChart *self,
                       gboolean     dark)
{
  g_return_if_fail (CHORUS_IS_CHART (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  chorus_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

static gboolean
set_id (ChorusChart  *self,
        const char  **field,
        const char   *id,
        GParamSpec   *pspec)
{
  /* An empty id means "all", as NULL does. */
  const char *interned = (id != NULL && id[0] != '\0') ? g_intern_string (id) : NULL;

  if (*field == interned)
    return FALSE;

  *field = interned;
  chorus_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);

  return TRUE;
}

const char *
chorus_chart_get_group_id (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), NULL);

  return self->group_id;
}

void
chorus_chart_set_group_id (ChorusChart *self,
                           const char  *group_id)
{
  g_return_if_fail (CHORUS_IS_CHART (self));

  set_id (self, &self->group_id, group_id, properties[PROP_GROUP_ID]);
}

const char *
chorus_chart_get_activity_id (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), NULL);

  return self->activity_id;
}

void
chorus_chart_set_activity_id (ChorusChart *self,
                              const char  *activity_id)
{
  g_return_if_fail (CHORUS_IS_CHART (self));

  set_id (self, &self->activity_id, activity_id, properties[PROP_ACTIVITY_ID]);
}

const char *
chorus_chart_get_document_id (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), NULL);

  return self->document_id;
}

void
chorus_chart_set_document_id (ChorusChart *self,
                              const char  *document_id)
{
  g_return_if_fail (CHORUS_IS_CHART (self));

  set_id (self, &self->document_id, document_id, properties[PROP_DOCUMENT_ID]);
}

gboolean
chorus_chart_get_stack_by_group (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), FALSE);

  return self->stack_by_group;
}

void
chorus_chart_set_stack_by_group (ChorusChart *self,
                                 gboolean     stack_by_group)
{
  g_return_if_fail (CHORUS_IS_CHART (self));

  stack_by_group = !!stack_by_group;
  if (self->stack_by_group == stack_by_group)
    return;

  self->stack_by_group = stack_by_group;
  chorus_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK_BY_GROUP]);
}

ChorusChartRows
chorus_chart_get_heatmap_rows (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), CHORUS_CHART_ROWS_GROUPS);

  return self->heatmap_rows;
}

void
chorus_chart_set_heatmap_rows (ChorusChart     *self,
                               ChorusChartRows  rows)
{
  g_return_if_fail (CHORUS_IS_CHART (self));
  g_return_if_fail (rows <= CHORUS_CHART_ROWS_ACTIVITIES);

  if (self->heatmap_rows == rows)
    return;

  self->heatmap_rows = rows;
  chorus_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEATMAP_ROWS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

guint
chorus_chart_get_max_bars (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), DEFAULT_MAX_BARS);

  return self->max_bars;
}

void
chorus_chart_set_max_bars (ChorusChart *self,
                           guint        max_bars)
{
  g_return_if_fail (CHORUS_IS_CHART (self));

  max_bars = CLAMP (max_bars, 2, 1000);
  if (self->max_bars == max_bars)
    return;

  /* The data holds every row; only the drawing changes. */
  self->max_bars = max_bars;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BARS]);
}

gboolean
chorus_chart_get_show_title (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), TRUE);

  return self->show_title;
}

void
chorus_chart_set_show_title (ChorusChart *self,
                             gboolean     show_title)
{
  g_return_if_fail (CHORUS_IS_CHART (self));

  show_title = !!show_title;
  if (self->show_title == show_title)
    return;

  self->show_title = show_title;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
}

const char *
chorus_chart_get_title (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), NULL);

  return chorus_chart_get_data (self)->title;
}

/* Rendering ----------------------------------------------------------------- */

static void
chorus_chart_get_options (ChorusChart        *self,
                          ChorusChartOptions *options)
{
  options->max_bars = self->max_bars;
  options->show_title = self->show_title;
}

void
chorus_chart_render (ChorusChart *self,
                     cairo_t     *cr,
                     double       width,
                     double       height)
{
  ChorusChartData *data;
  ChorusChartOptions options;
  ChorusChartLayout *layout;

  g_return_if_fail (CHORUS_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  data = chorus_chart_get_data (self);
  chorus_chart_get_options (self, &options);
  layout = _chorus_chart_layout_new (data);
  _chorus_chart_draw (data, &options, cr, width, height, layout);

  g_clear_pointer (&self->layout, _chorus_chart_layout_free);
  self->layout = layout;
}

double
chorus_chart_get_natural_height (ChorusChart *self,
                                 double       width)
{
  ChorusChartOptions options;

  g_return_val_if_fail (CHORUS_IS_CHART (self), 0);

  chorus_chart_get_options (self, &options);

  return _chorus_chart_natural_height (chorus_chart_get_data (self), &options, width);
}

void
chorus_chart_get_background (ChorusChart *self,
                             double      *red,
                             double      *green,
                             double      *blue)
{
  ChorusChartRGB rgb;

  g_return_if_fail (CHORUS_IS_CHART (self));

  _chorus_chart_background (self->dark, &rgb);
  if (red != NULL)
    *red = rgb.red;
  if (green != NULL)
    *green = rgb.green;
  if (blue != NULL)
    *blue = rgb.blue;
}

/* Hit testing ----------------------------------------------------------------- */

static void
region_to_hit (ChorusChartLayout *layout,
               ChorusChartRegion *region,
               ChorusChartHit    *hit)
{
  _chorus_chart_data_fill_hit (layout->data, region->row, region->series, region->target, hit);

  if (region->text == NULL)
    region->text = _chorus_chart_format_hit (layout->data, region->row, region->series);
  hit->text = region->text;
}

static ChorusChartRegion *
find_region (GArray *regions,
             double  x,
             double  y)
{
  for (guint i = 0; i < regions->len; i++)
    {
      ChorusChartRegion *region = &g_array_index (regions, ChorusChartRegion, i);
      const cairo_rectangle_t *rect = &region->rect;

      if (x >= rect->x && x < rect->x + rect->width &&
          y >= rect->y && y < rect->y + rect->height)
        return region;
    }

  return NULL;
}

gboolean
chorus_chart_hit_test (ChorusChart    *self,
                       double          x,
                       double          y,
                       ChorusChartHit *hit)
{
  ChorusChartRegion *region = NULL;

  g_return_val_if_fail (CHORUS_IS_CHART (self), FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);

  if (self->layout == NULL)
    return FALSE;

  region = find_region (self->layout->regions, x, y);
  if (region == NULL)
    region = find_region (self->layout->labels, x, y);
  if (region == NULL)
    return FALSE;

  region_to_hit (self->layout, region, hit);

  return TRUE;
}

guint
chorus_chart_get_n_regions (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), 0);

  return self->layout != NULL ? self->layout->regions->len : 0;
}

gboolean
chorus_chart_get_region (ChorusChart       *self,
                         guint              position,
                         cairo_rectangle_t *rect,
                         ChorusChartHit    *hit)
{
  ChorusChartRegion *region;

  g_return_val_if_fail (CHORUS_IS_CHART (self), FALSE);

  if (self->layout == NULL || position >= self->layout->regions->len)
    {
      if (hit != NULL)
        memset (hit, 0, sizeof *hit);
      return FALSE;
    }

  region = &g_array_index (self->layout->regions, ChorusChartRegion, position);
  if (rect != NULL)
    *rect = region->rect;
  if (hit != NULL)
    region_to_hit (self->layout, region, hit);

  return TRUE;
}

/* Text alternatives --------------------------------------------------------- */

char *
chorus_chart_describe (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), NULL);

  return _chorus_chart_data_describe (chorus_chart_get_data (self), self->max_bars);
}

ChorusChartTable *
chorus_chart_get_table (ChorusChart *self)
{
  g_return_val_if_fail (CHORUS_IS_CHART (self), NULL);

  return _chorus_chart_table_new (chorus_chart_get_data (self));
}

/* Files ----------------------------------------------------------------------- */

typedef enum
{
  OUTPUT_PNG,
  OUTPUT_SVG,
  OUTPUT_PDF,
} OutputFormat;

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_io_error (GError     **error,
              const char  *path,
              const char  *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO,
               /* TRANSLATORS: file name, reason */
               _("Could not write “%s”: %s"), display, reason);
}

static gboolean
save_bytes (const char    *path,
            const guint8  *data,
            gsize          length,
            GError       **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);

  if (fd < 0)
    {
      int saved_errno = errno;

      set_io_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;

          close (fd);
          g_unlink (path);
          set_io_error (error, path, g_strerror (saved_errno));
          return FALSE;
        }

      data += n;
      length -= (gsize) n;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (path);
      set_io_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* cairo draws SVG text as glyph outlines, which no one can search or read
 * aloud; a <title> and <desc> carry the chart's words for both. */
static void
add_svg_description (GByteArray  *svg,
                     const char  *title,
                     const char  *description)
{
  const char *start = g_strstr_len ((const char *) svg->data, svg->len, "<svg");
  const char *end;
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_description = NULL;
  g_autofree char *insert = NULL;
  gsize offset;

  if (start == NULL)
    return;
  end = memchr (start, '>', svg->len - (gsize) (start - (const char *) svg->data));
  if (end == NULL)
    return;

  escaped_title = g_markup_escape_text (title, -1);
  escaped_description = g_markup_escape_text (description, -1);
  insert = g_strdup_printf ("\n<title>%s</title>\n<desc>%s</desc>", escaped_title,
                            escaped_description);
  offset = (gsize) (end + 1 - (const char *) svg->data);

  g_byte_array_set_size (svg, svg->len + strlen (insert));
  memmove (svg->data + offset + strlen (insert), svg->data + offset,
           svg->len - strlen (insert) - offset);
  memcpy (svg->data + offset, insert, strlen (insert));
}

static gboolean
chorus_chart_write (ChorusChart   *self,
                    const char    *path,
                    OutputFormat   format,
                    double         width,
                    double         height,
                    GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(ChorusChartLayout) layout = NULL;
  ChorusChartData *data;
  ChorusChartOptions options;
  cairo_surface_t *surface;
  cairo_status_t status;
  ChorusChartRGB background;
  cairo_t *cr;
  double scale;

  g_return_val_if_fail (CHORUS_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Up to a poster at 2x; beyond that cairo's image limits are near. The
   * size often comes from a command line, so this is an error, not a bug. */
  if (!(width >= 1 && width <= MAX_SIZE && height >= 1 && height <= MAX_SIZE))
    {
      g_autofree char *reason = g_strdup_printf (_("a chart is 1 to %d units wide and high"),
                                                 MAX_SIZE);

      set_io_error (error, path, reason);
      return FALSE;
    }

  data = chorus_chart_get_data (self);
  chorus_chart_get_options (self, &options);

  switch (format)
    {
    case OUTPUT_PNG:
      /* Twice the pixels, so the image stays sharp on HiDPI screens and
       * when a word processor scales it. */
      scale = 2;
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      break;

    case OUTPUT_SVG:
      scale = 1;
      surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;

    case OUTPUT_PDF:
    default:
      /* Pixels at 96 per inch are ¾ of a point: text stays 10 pt. */
      scale = 0.75;
      surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, width * scale,
                                                     height * scale);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, data->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chorus");
      break;
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);

  _chorus_chart_background (self->dark, &background);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);

  /* Drawn apart from the chart's own layout: exporting must not move what
   * the dashboard's pointer is over. */
  layout = _chorus_chart_layout_new (data);
  _chorus_chart_draw (data, &options, cr, width, height, layout);

  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == OUTPUT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_cb, bytes);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      set_io_error (error, path, cairo_status_to_string (status));
      return FALSE;
    }

  if (format == OUTPUT_SVG)
    {
      g_autofree char *description = _chorus_chart_data_describe (data, self->max_bars);

      add_svg_description (bytes, data->title, description);
    }

  return save_bytes (path, bytes->data, bytes->len, error);
}

gboolean
chorus_chart_write_png (ChorusChart  *self,
                        const char   *path,
                        double        width,
                        double        height,
                        GError      **error)
{
  return chorus_chart_write (self, path, OUTPUT_PNG, width, height, error);
}

gboolean
chorus_chart_write_svg (ChorusChart  *self,
                        const char   *path,
                        double        width,
                        double        height,
                        GError      **error)
{
  return chorus_chart_write (self, path, OUTPUT_SVG, width, height, error);
}

gboolean
chorus_chart_write_pdf (ChorusChart  *self,
                        const char   *path,
                        double        width,
                        double        height,
                        GError      **error)
{
  return chorus_chart_write (self, path, OUTPUT_PDF, width, height, error);
}
