/* chorus-print-operation.c — print the submission as the PDF export lays it out
 *
 * The same ChorusPageLayout that writes the PDF draws each printed page, so paper and PDF
 * match line for line. The layout has margins, a running header and a footer of its own, so
 * the operation draws on the whole sheet, in points (see chorus-export.h).
 *
 * Laying out 100,000 items takes seconds, so it runs in a worker thread on a copy of the
 * project taken in begin-print; GtkPrintOperation asks "paginate" again and again until the
 * layout is there, which keeps the window responsive meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-print-operation.h"

/* The longest "paginate" waits for the worker before giving the main loop back. */
#define PAGINATE_WAIT_US (10 * G_TIME_SPAN_MILLISECOND)

/* Shared between the operation and the worker thread; the mutex guards every field. */
typedef struct
{
  gatomicrefcount   ref_count;
  GMutex            mutex;
  GCond             done_cond;
  gboolean          done;
  ChorusPageLayout *layout;
  GError           *error;
} LayoutJob;

struct _ChorusPrintOperation
{
  GtkPrintOperation  parent_instance;

  ChorusProject     *project;
  GCancellable      *cancellable;
  LayoutJob         *job;
  ChorusPageLayout  *layout;
  GError            *layout_error;
};

G_DEFINE_FINAL_TYPE (ChorusPrintOperation, chorus_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static LayoutJob *
layout_job_new (void)
{
  LayoutJob *job = g_new0 (LayoutJob, 1);

  g_atomic_ref_count_init (&job->ref_count);
  g_mutex_init (&job->mutex);
  g_cond_init (&job->done_cond);

  return job;
}

static LayoutJob *
layout_job_ref (LayoutJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
layout_job_unref (LayoutJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  g_clear_object (&job->layout);
  g_clear_error (&job->error);
  g_cond_clear (&job->done_cond);
  g_mutex_clear (&job->mutex);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LayoutJob, layout_job_unref)

typedef struct
{
  LayoutJob    *job;
  GBytes       *snapshot;
  GCancellable *cancellable;
  double        width;
  double        height;
} LayoutThreadData;

static gpointer
layout_thread (gpointer user_data)
{
  LayoutThreadData *data = user_data;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusPageLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  project = chorus_project_load_bytes (data->snapshot, NULL, &error);
  if (project != NULL)
    {
      ChorusExportOptions options;

      chorus_export_options_init (&options);
      options.cancellable = data->cancellable;
      layout = chorus_export_layout_new (project, &options, data->width, data->height, &error);
    }

  g_mutex_lock (&data->job->mutex);
  data->job->layout = g_steal_pointer (&layout);
  data->job->error = g_steal_pointer (&error);
  data->job->done = TRUE;
  g_cond_signal (&data->job->done_cond);
  g_mutex_unlock (&data->job->mutex);

  layout_job_unref (data->job);
  g_bytes_unref (data->snapshot);
  g_object_unref (data->cancellable);
  g_free (data);

  return NULL;
}

static void
chorus_print_operation_begin_print (GtkPrintOperation *operation,
                                    GtkPrintContext   *context)
{
  ChorusPrintOperation *self = CHORUS_PRINT_OPERATION (operation);
  LayoutThreadData *data;
  GThread *thread;

  g_clear_object (&self->layout);
  g_clear_error (&self->layout_error);
  g_clear_pointer (&self->job, layout_job_unref);
  g_clear_object (&self->cancellable);

  self->cancellable = g_cancellable_new ();
  self->job = layout_job_new ();

  data = g_new0 (LayoutThreadData, 1);
  data->job = layout_job_ref (self->job);
  data->snapshot = chorus_project_to_bytes (self->project);
  data->cancellable = g_object_ref (self->cancellable);
  /* With the full page in points (set in init) this is the sheet of the chosen paper. */
  data->width = gtk_print_context_get_width (context);
  data->height = gtk_print_context_get_height (context);

  thread = g_thread_new ("chorus-print-layout", layout_thread, data);
  g_thread_unref (thread);
}

static gboolean
chorus_print_operation_paginate_cb (GtkPrintOperation *operation,
                                    GtkPrintContext   *context,
                                    gpointer           user_data)
{
  ChorusPrintOperation *self = CHORUS_PRINT_OPERATION (operation);
  LayoutJob *job = self->job;
  gboolean done;

  if (job == NULL)
    return TRUE;

  /* Waiting a little here, rather than returning at once, keeps GTK from spinning on this
   * handler while the worker is busy; a frame's worth does not make the window stutter. */
  g_mutex_lock (&job->mutex);
  if (!job->done)
    g_cond_wait_until (&job->done_cond, &job->mutex, g_get_monotonic_time () + PAGINATE_WAIT_US);
  done = job->done;
  if (done)
    {
      self->layout = g_steal_pointer (&job->layout);
      self->layout_error = g_steal_pointer (&job->error);
    }
  g_mutex_unlock (&job->mutex);

  if (!done)
    return FALSE;

  g_clear_pointer (&self->job, layout_job_unref);

  if (self->layout == NULL)
    {
      gtk_print_operation_cancel (operation);
      return TRUE;
    }

  gtk_print_operation_set_n_pages (operation, (int) chorus_page_layout_get_n_pages (self->layout));

  return TRUE;
}

static void
chorus_print_operation_draw_page (GtkPrintOperation *operation,
                                  GtkPrintContext   *context,
                                  int                page_nr)
{
  ChorusPrintOperation *self = CHORUS_PRINT_OPERATION (operation);

  if (self->layout == NULL)
    return;

  chorus_page_layout_render_page (self->layout, gtk_print_context_get_cairo_context (context),
                                  (guint) page_nr);
}

static void
chorus_print_operation_end_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  ChorusPrintOperation *self = CHORUS_PRINT_OPERATION (operation);

  /* Cancelled while the worker still lays out: stop it; it cleans up after itself. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->job, layout_job_unref);
  g_clear_object (&self->layout);
}

ChorusPrintOperation *
chorus_print_operation_new (ChorusProject *project)
{
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);

  return g_object_new (CHORUS_TYPE_PRINT_OPERATION,
                       "project", project,
                       NULL);
}

ChorusProject *
chorus_print_operation_get_project (ChorusPrintOperation *self)
{
  g_return_val_if_fail (CHORUS_IS_PRINT_OPERATION (self), NULL);

  return self->project;
}

const GError *
chorus_print_operation_get_layout_error (ChorusPrintOperation *self)
{
  g_return_val_if_fail (CHORUS_IS_PRINT_OPERATION (self), NULL);

  return self->layout_error;
}

static void
chorus_print_operation_constructed (GObject *object)
{
  ChorusPrintOperation *self = CHORUS_PRINT_OPERATION (object);
  const char *organisation = chorus_project_get_organisation (self->project);
  g_autofree char *job_name = NULL;

  G_OBJECT_CLASS (chorus_print_operation_parent_class)->constructed (object);

  /* What the print queue shows. */
  if (organisation != NULL && organisation[0] != '\0')
    /* Translators: a print job's name: "NHS Trafford response" */
    job_name = g_strdup_printf (_("%s response"), organisation);
  else
    job_name = g_strdup (_("Response"));
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
}

static void
chorus_print_operation_dispose (GObject *object)
{
  ChorusPrintOperation *self = (ChorusPrintOperation *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->job, layout_job_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->layout);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_print_operation_parent_class)->dispose (object);
}

static void
chorus_print_operation_finalize (GObject *object)
{
  ChorusPrintOperation *self = (ChorusPrintOperation *)object;

  g_clear_error (&self->layout_error);

  G_OBJECT_CLASS (chorus_print_operation_parent_class)->finalize (object);
}

static void
chorus_print_operation_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ChorusPrintOperation *self = CHORUS_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_print_operation_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ChorusPrintOperation *self = CHORUS_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_print_operation_class_init (ChorusPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = chorus_print_operation_constructed;
  object_class->dispose = chorus_print_operation_dispose;
  object_class->finalize = chorus_print_operation_finalize;
  object_class->get_property = chorus_print_operation_get_property;
  object_class->set_property = chorus_print_operation_set_property;

  operation_class->begin_print = chorus_print_operation_begin_print;
  operation_class->draw_page = chorus_print_operation_draw_page;
  operation_class->end_print = chorus_print_operation_end_print;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chorus_print_operation_init (ChorusPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The layout has its own margins and draws from the corner of the sheet, in points. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);

  /* GTK 4 asks "paginate" only when a handler is connected: a class handler does not count. */
  g_signal_connect (self, "paginate", G_CALLBACK (chorus_print_operation_paginate_cb), NULL);
}
