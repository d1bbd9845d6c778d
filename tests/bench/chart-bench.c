/* chart-bench.c — how long the four charts take on a large project
 *
 *   chart-bench [--items N] [--runs R] [--width W] [--height H] [--output DIR] [FILE.chorus]
 *
 * Builds a project of N input items (100,000 by default) shaped like the
 * example response — four documents, 40 questions, 21 themes, two groups,
 * four activities — or loads FILE.chorus, then renders each chart R times
 * (20) to a W x H (1200 x 800) image surface and prints the median time per
 * chart and their sum:
 *
 *   cached   the same ChorusChart redrawn: what a dashboard repaint costs;
 *   fresh    a new ChorusChart each time, its data rebuilt from the
 *            project's statistics: what the dashboard costs after an edit,
 *            once the statistics are recomputed (timed separately).
 *
 * A filtered chart that needs a walk of the items (group and activity) is
 * timed too. The statistics are computed once, before any chart, as the
 * project caches them. --output writes the four charts there as PNG, to
 * look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include <cairo.h>

#include <chorus.h>

#include "chorus-model-private.h"

static const char * const theme_names[] = {
  "Secure high quality safe services", "Measuring outcomes",
  "Improve health, reduce inequalities", "Vulnerable and seldom-heard groups",
  "Improve the engagement of GPs", "Improve public involvement", "Patient choice",
  "Improve commissioning", "Performance and contract management",
  "Manage financial balance and risk", "Improve co-ordination with social services",
  "Reduce management costs", "Accountability and governance", "Conflicts of interest",
  "Resources and capacity", "Workforce and skills", "Information and data",
  "Partnership working", "Value for money", "Local focus", "Clarity of roles and remit",
};

static const char * const colours[] = {
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999",
};

static ChorusProject *
build_project (guint n_items)
{
  g_autoptr(ChorusConsultation) consultation = chorus_consultation_new ("bench", "Bench");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) question_ids = g_ptr_array_new_with_free_func (g_free);
  const char *groups[] = { "staff", "public", NULL };
  const char *activities[] = { "briefing", "survey", "focus-groups", "qa" };
  ChorusStance stances[] = {
    CHORUS_STANCE_AGREE, CHORUS_STANCE_NEUTRAL, CHORUS_STANCE_DISAGREE, CHORUS_STANCE_NEUTRAL,
    CHORUS_STANCE_MIXED, CHORUS_STANCE_UNSET, CHORUS_STANCE_AGREE,
  };
  ChorusDraftStatus statuses[] = {
    CHORUS_DRAFT_STATUS_FINAL, CHORUS_DRAFT_STATUS_IN_REVIEW, CHORUS_DRAFT_STATUS_DRAFTING,
    CHORUS_DRAFT_STATUS_NOT_STARTED,
  };
  GRand *rand = g_rand_new_with_seed (4);
  ChorusProject *project;

  for (guint d = 0; d < 4; d++)
    {
      g_autofree char *document_id = g_strdup_printf ("doc%u", d + 1);
      g_autofree char *title = g_strdup_printf ("Companion document %u", d + 1);
      g_autoptr(ChorusDocument) document = chorus_document_new (document_id, title);
      g_autofree char *section_id = g_strdup_printf ("doc%u-s", d + 1);
      g_autoptr(ChorusSection) section = chorus_section_new (section_id, "Questions");

      for (guint q = 0; q < 10; q++)
        {
          g_autofree char *id = g_strdup_printf ("doc%u-q%u", d + 1, q + 1);
          g_autofree char *number = g_strdup_printf ("Q%u", q + 1);
          g_autoptr(ChorusQuestion) question =
            chorus_question_new (id, number, "What needs to happen for this to work locally?",
                                 CHORUS_QUESTION_KIND_FREE_TEXT);

          chorus_section_add_question (section, question);
          g_ptr_array_add (question_ids, g_steal_pointer (&id));
        }
      chorus_document_add_section (document, section);
      chorus_consultation_add_document (consultation, document);
    }

  project = chorus_project_new (consultation);

  /* Loaded the way the file loader does: no undo steps for 100,000 items. */
  _chorus_project_load_group (project, chorus_group_new ("staff", "Staff"));
  _chorus_project_load_group (project, chorus_group_new ("public", "Public"));
  _chorus_project_load_activity (project, chorus_activity_new ("briefing",
                                                               CHORUS_ACTIVITY_KIND_BRIEFING,
                                                               "Staff briefing"));
  _chorus_project_load_activity (project, chorus_activity_new ("survey",
                                                               CHORUS_ACTIVITY_KIND_ONLINE_SURVEY,
                                                               "Online staff survey"));
  _chorus_project_load_activity (project, chorus_activity_new ("focus-groups",
                                                               CHORUS_ACTIVITY_KIND_FOCUS_GROUP,
                                                               "Staff focus groups"));
  _chorus_project_load_activity (project,
                                 chorus_activity_new ("qa",
                                                      CHORUS_ACTIVITY_KIND_QUESTION_AND_ANSWER,
                                                      "Intranet Q&A"));
  for (guint t = 0; t < G_N_ELEMENTS (theme_names); t++)
    {
      g_autofree char *id = g_strdup_printf ("theme-%u", t + 1);

      _chorus_project_load_theme (project, chorus_theme_new (id, theme_names[t],
                                                             colours[t % G_N_ELEMENTS (colours)]));
    }

  for (guint i = 0; i < n_items; i++)
    {
      const char *question_id = g_ptr_array_index (question_ids,
                                                   g_rand_int_range (rand, 0, question_ids->len));
      ChorusStance stance = stances[g_rand_int_range (rand, 0, G_N_ELEMENTS (stances))];
      ChorusItem *item = _chorus_item_new_take (g_strdup_printf ("i-%08x", i), question_id,
                                                groups[g_rand_int_range (rand, 0, 3)],
                                                activities[g_rand_int_range (rand, 0, 4)],
                                                g_strdup ("It will take time to bed in."),
                                                stance, NULL, TRUE);
      guint n_codings = g_rand_int_range (rand, 0, 4);

      /* Skewed, as real codebooks are: a few themes carry most input. */
      for (guint c = 0; c < n_codings; c++)
        {
          guint t = (guint) (G_N_ELEMENTS (theme_names) * pow (g_rand_double (rand), 1.7));
          g_autofree char *theme_id = g_strdup_printf ("theme-%u", t + 1);

          _chorus_item_add_coding (item, theme_id, 0, 10 + c);
        }
      g_ptr_array_add (items, item);
    }
  _chorus_project_load_items (project, items);

  for (guint q = 0; q < question_ids->len; q++)
    chorus_project_set_answer_status (project, g_ptr_array_index (question_ids, q),
                                      statuses[q % G_N_ELEMENTS (statuses)]);

  g_rand_free (rand);

  return project;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  if (times->len == 0)
    return 0;
  if (times->len % 2 == 1)
    return g_array_index (times, double, times->len / 2);

  return (g_array_index (times, double, times->len / 2 - 1) +
          g_array_index (times, double, times->len / 2)) / 2;
}

static double
render_once (ChorusChart     *chart,
             cairo_surface_t *surface,
             double           width,
             double           height)
{
  cairo_t *cr = cairo_create (surface);
  double r, g, b;
  gint64 start = g_get_monotonic_time ();

  chorus_chart_get_background (chart, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_paint (cr);
  chorus_chart_render (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  static const char * const kind_names[] = { "themes", "stance", "coverage", "heatmap" };
  int n_items = 100000, runs = 20;
  double width = 1200, height = 800;
  g_auto(GStrv) files = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "items", 0, 0, G_OPTION_ARG_INT, &n_items, "Input items to generate (100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Renders per chart (20)", "R" },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width, "Width (1200)", "W" },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &height, "Height (800)", "H" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, "Also write the charts as PNG here", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "[FILE.chorus]" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the summary charts");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = NULL;
  cairo_surface_t *surface;
  double total_cached = 0, total_fresh = 0;
  gint64 start;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_items < 0 || runs < 1 ||
      width < 100 || height < 100)
    {
      g_printerr ("chart-bench: %s\n", error ? error->message : "bad arguments");
      return 2;
    }

  start = g_get_monotonic_time ();
  if (files != NULL && files[0] != NULL)
    {
      project = chorus_project_load_file (files[0], &error);
      if (project == NULL)
        {
          g_printerr ("chart-bench: %s\n", error->message);
          return 1;
        }
      g_print ("loaded %s in %.0f ms\n", files[0], (g_get_monotonic_time () - start) / 1000.0);
    }
  else
    {
      project = build_project ((guint) n_items);
      g_print ("built a project in %.0f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    }

  start = g_get_monotonic_time ();
  chorus_project_get_stats (project);
  g_print ("%u items; statistics computed in %.1f ms (once per change, shared)\n",
           chorus_stats_get_n_items (chorus_project_get_stats (project)),
           (g_get_monotonic_time () - start) / 1000.0);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width, (int) height);

  /* Fonts and fontconfig load on first use; that is start-up, not drawing. */
  {
    g_autoptr(ChorusChart) warm = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);

    render_once (warm, surface, width, height);
  }

  g_print ("\n%-10s %12s %12s   (median of %d renders at %.0f x %.0f)\n",
           "chart", "cached ms", "fresh ms", runs, width, height);

  for (guint k = 0; k < G_N_ELEMENTS (kind_names); k++)
    {
      g_autoptr(ChorusChart) chart = chorus_chart_new (k, project);
      g_autoptr(GArray) cached = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) fresh = g_array_new (FALSE, FALSE, sizeof (double));
      double cached_ms, fresh_ms;

      for (int i = 0; i < runs; i++)
        {
          double ms = render_once (chart, surface, width, height);

          g_array_append_val (cached, ms);
        }

      for (int i = 0; i < runs; i++)
        {
          gint64 t0 = g_get_monotonic_time ();
          g_autoptr(ChorusChart) again = chorus_chart_new (k, project);
          double ms;

          render_once (again, surface, width, height);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (fresh, ms);
        }

      cached_ms = median (cached);
      fresh_ms = median (fresh);
      total_cached += cached_ms;
      total_fresh += fresh_ms;
      g_print ("%-10s %12.2f %12.2f\n", kind_names[k], cached_ms, fresh_ms);

      if (output != NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s.png", kind_names[k]);
          g_autofree char *path = g_build_filename (output, name, NULL);

          if (!chorus_chart_write_png (chart, path, width, height, &error))
            {
              g_printerr ("chart-bench: %s\n", error->message);
              g_clear_error (&error);
            }
        }
    }

  g_print ("%-10s %12.2f %12.2f   (budget: 50 ms)\n", "total", total_cached, total_fresh);

  /* A filter combination ChorusStats does not keep: one walk of the items. */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (int i = 0; i < runs; i++)
      {
        gint64 t0 = g_get_monotonic_time ();
        g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
        double ms;

        chorus_chart_set_group_id (chart, "staff");
        chorus_chart_set_activity_id (chart, "survey");
        render_once (chart, surface, width, height);
        ms = (g_get_monotonic_time () - t0) / 1000.0;
        g_array_append_val (times, ms);
      }
    g_print ("\nthemes filtered to a group and an activity (one pass over the items): %.2f ms\n",
             median (times));
  }

  cairo_surface_destroy (surface);

  return 0;
}
