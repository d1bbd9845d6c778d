/* test-chart.c — the charts draw what the statistics say, legibly
 *
 * Geometry is checked twice: through the regions the chart records, and
 * from the pixels of the image, so a chart that records one thing and draws
 * another fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include <chorus.h>

#include "chorus-chart-private.h"

/* A test project ------------------------------------------------------------ */

static ChorusConsultation *
make_consultation (guint n_documents,
                   guint n_questions)
{
  ChorusConsultation *consultation = chorus_consultation_new ("c", "Consultation");

  for (guint d = 0; d < n_documents; d++)
    {
      g_autofree char *document_id = g_strdup_printf ("d%u", d + 1);
      g_autofree char *title = g_strdup_printf ("Document %u about local services", d + 1);
      g_autoptr(ChorusDocument) document = chorus_document_new (document_id, title);
      g_autofree char *section_id = g_strdup_printf ("d%u-s", d + 1);
      g_autoptr(ChorusSection) section = chorus_section_new (section_id, "Section");

      for (guint q = 0; q < n_questions; q++)
        {
          g_autofree char *id = g_strdup_printf ("d%u-q%u", d + 1, q + 1);
          g_autofree char *number = g_strdup_printf ("Q%u", q + 1);
          g_autoptr(ChorusQuestion) question =
            chorus_question_new (id, number, "What should happen next, and who should do it?",
                                 CHORUS_QUESTION_KIND_FREE_TEXT);

          chorus_section_add_question (section, question);
        }
      chorus_document_add_section (document, section);
      chorus_consultation_add_document (consultation, document);
    }

  return consultation;
}

/* Themes with the given numbers of items, spread over questions, groups,
 * activities and stances so that every dimension has something in it. */
static ChorusProject *
make_project (const guint *theme_counts,
              guint        n_themes)
{
  g_autoptr(ChorusConsultation) consultation = make_consultation (2, 3);
  ChorusProject *project = chorus_project_new (consultation);
  ChorusGroup *groups[2];
  ChorusActivity *activities[2];
  ChorusStance stances[] = {
    CHORUS_STANCE_AGREE, CHORUS_STANCE_DISAGREE, CHORUS_STANCE_AGREE, CHORUS_STANCE_MIXED,
    CHORUS_STANCE_NEUTRAL, CHORUS_STANCE_UNSET, CHORUS_STANCE_AGREE,
  };
  const char *questions[] = { "d1-q1", "d1-q2", "d1-q3", "d2-q1", "d2-q2" };
  guint n = 0;

  groups[0] = chorus_project_add_group (project, "Staff", FALSE);
  groups[1] = chorus_project_add_group (project, "Public", FALSE);
  activities[0] = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY,
                                               "Survey");
  activities[1] = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_FOCUS_GROUP,
                                               "Focus groups");

  chorus_project_begin_group (project, "Build");
  for (guint t = 0; t < n_themes; t++)
    {
      g_autofree char *name = g_strdup_printf ("Theme %u of the codebook", t + 1);
      ChorusTheme *theme = chorus_project_add_theme (project, name, NULL);

      for (guint i = 0; i < theme_counts[t]; i++, n++)
        {
          g_autofree char *text = g_strdup_printf ("Input %u on theme %u", i, t);
          const char *question_id = questions[n % G_N_ELEMENTS (questions)];
          ChorusItem *item = chorus_project_add_item (project, question_id, groups[n % 3 == 0],
                                                      activities[(n / 2) % 2], text);

          chorus_project_set_item_stance (project, item, stances[n % G_N_ELEMENTS (stances)]);
          chorus_project_add_coding (project, item, theme, 0, G_MAXUINT);
        }
    }

  chorus_project_set_answer_status (project, "d1-q1", CHORUS_DRAFT_STATUS_FINAL);
  chorus_project_set_answer_status (project, "d1-q2", CHORUS_DRAFT_STATUS_IN_REVIEW);
  chorus_project_set_answer_status (project, "d2-q1", CHORUS_DRAFT_STATUS_DRAFTING);
  chorus_project_set_answer_status (project, "d2-q3", CHORUS_DRAFT_STATUS_FINAL);
  chorus_project_end_group (project);

  return project;
}

static ChorusProject *
make_default_project (void)
{
  static const guint counts[] = { 23, 12, 31, 5, 1, 0, 8 };

  return make_project (counts, G_N_ELEMENTS (counts));
}

/* Drawing ------------------------------------------------------------------- */

static cairo_surface_t *
render (ChorusChart *chart,
        int          width,
        int          height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  double r, g, b;

  chorus_chart_get_background (chart, &r, &g, &b);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_paint (cr);
  chorus_chart_render (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       guint           *r,
       guint           *g,
       guint           *b)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 value = *(const guint32 *) (data + y * stride + x * 4);

  *r = (value >> 16) & 0xff;
  *g = (value >> 8) & 0xff;
  *b = value & 0xff;
}

static gboolean
pixel_is (cairo_surface_t *surface,
          int              x,
          int              y,
          const char      *colour)
{
  double cr, cg, cb;
  guint r, g, b;

  g_assert_true (chorus_colour_parse (colour, &cr, &cg, &cb));
  pixel (surface, x, y, &r, &g, &b);

  return abs ((int) r - (int) round (cr * 255)) <= 2 &&
         abs ((int) g - (int) round (cg * 255)) <= 2 &&
         abs ((int) b - (int) round (cb * 255)) <= 2;
}

/* How many pixels of @colour run right from @x along row @y. */
static int
run_length (cairo_surface_t *surface,
            int              x,
            int              y,
            const char      *colour)
{
  int width = cairo_image_surface_get_width (surface);
  int n = 0;

  while (x + n < width && pixel_is (surface, x + n, y, colour))
    n++;

  return n;
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  /* Touching edges are fine; half a unit of overlap is not. */
  return a->x + 0.5 < b->x + b->width && b->x + 0.5 < a->x + a->width &&
         a->y + 0.5 < b->y + b->height && b->y + 0.5 < a->y + a->height;
}

static void
assert_no_text_overlap (ChorusChart *chart,
                        double       width,
                        double       height)
{
  ChorusChartLayout *layout = _chorus_chart_get_layout (chart);
  GArray *rects = layout->text_rects;

  for (guint i = 0; i < rects->len; i++)
    {
      const cairo_rectangle_t *a = &g_array_index (rects, cairo_rectangle_t, i);

      /* Inside the chart, give or take a glyph's side bearing. */
      g_assert_cmpfloat (a->x, >=, -1);
      g_assert_cmpfloat (a->y, >=, -1);
      g_assert_cmpfloat (a->x + a->width, <=, width + 1);
      g_assert_cmpfloat (a->y + a->height, <=, height + 1);

      for (guint j = i + 1; j < rects->len; j++)
        {
          const cairo_rectangle_t *b = &g_array_index (rects, cairo_rectangle_t, j);

          if (rects_overlap (a, b))
            g_error ("text %u (%g,%g %gx%g) overlaps text %u (%g,%g %gx%g)",
                     i, a->x, a->y, a->width, a->height, j, b->x, b->y, b->width, b->height);
        }
    }
}

/* Counting independently of libchorus's statistics ---------------------------- */

static guint
brute_count (ChorusProject *project,
             const char    *theme_id,
             const char    *group_id,
             const char    *activity_id,
             const char    *document_prefix,
             int            stance,
             const char    *question_id)
{
  GListModel *items = chorus_project_get_items (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      if (theme_id != NULL && !chorus_item_has_theme (item, theme_id))
        continue;
      if (group_id != NULL && g_strcmp0 (chorus_item_get_group_id (item), group_id) != 0)
        continue;
      if (activity_id != NULL && g_strcmp0 (chorus_item_get_activity_id (item), activity_id) != 0)
        continue;
      if (document_prefix != NULL && !g_str_has_prefix (chorus_item_get_question_id (item),
                                                        document_prefix))
        continue;
      if (stance >= 0 && chorus_item_get_stance (item) != (ChorusStance) stance)
        continue;
      if (question_id != NULL && g_strcmp0 (chorus_item_get_question_id (item), question_id) != 0)
        continue;
      n++;
    }

  return n;
}

/* Themes ------------------------------------------------------------------- */

static void
test_themes_geometry (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  ChorusCodebook *codebook = chorus_project_get_codebook (project);
  ChorusStats *stats = chorus_project_get_stats (project);
  cairo_surface_t *surface = render (chart, 900, 500);
  ChorusChartLayout *layout = _chorus_chart_get_layout (chart);
  guint previous = G_MAXUINT;

  g_assert_cmpuint (chorus_chart_get_n_regions (chart), ==, 7);
  g_assert_cmpfloat (layout->axis_scale, >, 0);

  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      cairo_rectangle_t rect;
      ChorusChartHit hit;
      ChorusTheme *theme;
      int y, run;

      g_assert_true (chorus_chart_get_region (chart, i, &rect, &hit));
      g_assert_cmpint (hit.target, ==, CHORUS_CHART_TARGET_BAR);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_THEME);
      g_assert_cmpuint (hit.count, ==, chorus_stats_count_theme (stats, hit.theme_id));
      g_assert_nonnull (hit.text);

      /* Sorted, longest first. */
      g_assert_cmpuint (hit.count, <=, previous);
      previous = hit.count;

      /* Recorded: starts at zero, as long as the count says, within a pixel. */
      g_assert_cmpfloat (fabs (rect.x - layout->axis_zero), <=, 1);
      g_assert_cmpfloat (fabs (rect.width - hit.count * layout->axis_scale), <=, 1);

      if (hit.count == 0)
        continue;

      /* Drawn: a run of the theme's colour just as long. The axis line
       * covers the bar's first pixel. */
      theme = chorus_codebook_find_theme (codebook, hit.theme_id);
      y = (int) (rect.y + rect.height / 2);
      run = 1 + run_length (surface, (int) ceil (rect.x) + 1, y, chorus_theme_get_colour (theme));
      g_assert_cmpfloat (fabs (run - hit.count * layout->axis_scale), <=, 1.5);
    }

  assert_no_text_overlap (chart, 900, 500);
  cairo_surface_destroy (surface);
}

static void
test_themes_stacked (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  ChorusStats *stats = chorus_project_get_stats (project);
  cairo_surface_t *surface;
  ChorusChartLayout *layout;
  g_autoptr(GHashTable) widths = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  chorus_chart_set_stack_by_group (chart, TRUE);
  surface = render (chart, 900, 500);
  layout = _chorus_chart_get_layout (chart);

  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      cairo_rectangle_t rect;
      ChorusChartHit hit;
      double *width;

      chorus_chart_get_region (chart, i, &rect, &hit);
      g_assert_cmpint (hit.target, ==, CHORUS_CHART_TARGET_SEGMENT);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_GROUP);
      g_assert_cmpuint (hit.count, ==, chorus_stats_count_theme_group (stats, hit.theme_id,
                                                                         hit.group_id));
      g_assert_cmpuint (hit.total, ==, chorus_stats_count_theme (stats, hit.theme_id));
      g_assert_cmpuint (hit.count, ==, brute_count (project, hit.theme_id, hit.group_id, NULL,
                                                    NULL, -1, NULL));

      /* [first x, last end, total] of the theme's bar */
      width = g_hash_table_lookup (widths, hit.theme_id);
      if (width == NULL)
        {
          width = g_new0 (double, 3);
          width[0] = rect.x;
          width[2] = hit.total;
          g_hash_table_insert (widths, (gpointer) hit.theme_id, width);
        }
      /* Segments follow each other left to right. */
      g_assert_cmpfloat (rect.x, >=, width[1] - 0.01);
      width[1] = rect.x + rect.width;
    }

  /* Each bar starts at zero and ends where its total says. */
  g_assert_cmpuint (g_hash_table_size (widths), ==, 6);
  {
    GHashTableIter iter;
    double *width;

    g_hash_table_iter_init (&iter, widths);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &width))
      {
        g_assert_cmpfloat (fabs (width[0] - layout->axis_zero), <=, 1);
        g_assert_cmpfloat (fabs (width[1] - width[0] - width[2] * layout->axis_scale), <=, 1.5);
      }
  }
  assert_no_text_overlap (chart, 900, 500);
  cairo_surface_destroy (surface);
}

/* Stance -------------------------------------------------------------------- */

static void
test_stance_geometry (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_STANCE, project);
  ChorusStats *stats = chorus_project_get_stats (project);
  cairo_surface_t *surface = render (chart, 900, 500);
  ChorusChartLayout *layout = _chorus_chart_get_layout (chart);
  guint n_items = 0;

  g_assert_cmpuint (chorus_chart_get_n_regions (chart), >, 0);

  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      cairo_rectangle_t rect;
      ChorusChartHit hit;

      chorus_chart_get_region (chart, i, &rect, &hit);
      g_assert_cmpint (hit.target, ==, CHORUS_CHART_TARGET_SEGMENT);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_QUESTION);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_STANCE);
      g_assert_cmpuint (hit.count, ==, chorus_stats_count_question_stance (stats, hit.question_id,
                                                                             hit.stance));
      g_assert_cmpuint (hit.total, ==, chorus_stats_count_question (stats, hit.question_id));
      /* Both ends snap to pixels (up to half a pixel each) and a segment
       * followed by another leaves a pixel's gap: up to 2 in all. */
      g_assert_cmpfloat (fabs (rect.width - hit.count * layout->axis_scale), <=, 2);

      /* Disagreement left of the centre line, agreement right of it. */
      if (hit.stance == CHORUS_STANCE_DISAGREE)
        g_assert_cmpfloat (rect.x + rect.width, <=, layout->axis_zero + 1);
      if (hit.stance == CHORUS_STANCE_AGREE)
        g_assert_cmpfloat (rect.x, >=, layout->axis_zero - 1);
      /* The middle answers straddle it when they are all there is. */
      if (hit.count == hit.total && hit.stance != CHORUS_STANCE_AGREE &&
          hit.stance != CHORUS_STANCE_DISAGREE)
        g_assert_cmpfloat (fabs (rect.x + rect.width / 2 - layout->axis_zero), <=, 1.5);

      n_items += hit.count;
    }

  g_assert_cmpuint (n_items, ==, chorus_stats_get_n_items (stats));
  assert_no_text_overlap (chart, 900, 500);
  cairo_surface_destroy (surface);
}

/* Coverage ------------------------------------------------------------------ */

static void
test_coverage_geometry (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_COVERAGE, project);
  ChorusStats *stats = chorus_project_get_stats (project);
  cairo_surface_t *surface = render (chart, 900, 400);
  double row_width[2] = { 0, 0 };
  guint n_questions = 0;

  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      cairo_rectangle_t rect;
      ChorusChartHit hit;
      guint d;

      chorus_chart_get_region (chart, i, &rect, &hit);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_DOCUMENT);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_STATUS);
      g_assert_cmpuint (hit.count, ==, chorus_stats_count_document_status (stats, hit.document_id,
                                                                             hit.status));
      g_assert_cmpuint (hit.total, ==, 3);
      d = hit.document_id[1] - '1';
      row_width[d] += rect.width;
      n_questions += hit.count;
    }

  /* Every document's bar is the full width: a 100% stack. The gaps between
   * segments are a pixel each. */
  g_assert_cmpfloat (fabs (row_width[0] - row_width[1]), <=, 3);
  g_assert_cmpuint (n_questions, ==, 6);

  /* Proportions: d1 is 1 final, 1 in review, 1 not started of 3. */
  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      cairo_rectangle_t rect;
      ChorusChartHit hit;

      chorus_chart_get_region (chart, i, &rect, &hit);
      g_assert_cmpfloat (fabs (rect.width - row_width[0] * hit.count / hit.total), <=, 2);
    }

  assert_no_text_overlap (chart, 900, 400);
  cairo_surface_destroy (surface);
}

/* Heatmap ------------------------------------------------------------------- */

static double
brightness (cairo_surface_t *surface,
            int              x,
            int              y)
{
  guint r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

static void
test_heatmap_cells (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_HEATMAP, project);
  ChorusStats *stats = chorus_project_get_stats (project);
  cairo_surface_t *surface = render (chart, 900, 400);
  g_autoptr(GArray) shades = g_array_new (FALSE, FALSE, sizeof (double) * 2);

  /* 6 coded themes by 2 groups. */
  g_assert_cmpuint (chorus_chart_get_n_regions (chart), ==, 12);

  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      cairo_rectangle_t rect;
      ChorusChartHit hit;
      double shade[2];

      chorus_chart_get_region (chart, i, &rect, &hit);
      g_assert_cmpint (hit.target, ==, CHORUS_CHART_TARGET_CELL);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_THEME);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_GROUP);
      g_assert_cmpuint (hit.count, ==, chorus_stats_count_theme_group (stats, hit.theme_id,
                                                                         hit.group_id));
      /* Shade from a corner, clear of the number in the middle. */
      shade[0] = hit.count;
      shade[1] = brightness (surface, (int) rect.x + 2, (int) rect.y + 2);
      g_array_append_val (shades, shade);
    }

  /* More input, darker cell. */
  for (guint i = 0; i < shades->len; i++)
    for (guint j = 0; j < shades->len; j++)
      {
        const double *a = &g_array_index (shades, double, i * 2);
        const double *b = &g_array_index (shades, double, j * 2);

        if (a[0] > b[0])
          g_assert_cmpfloat (a[1], <, b[1]);
      }

  assert_no_text_overlap (chart, 900, 400);
  cairo_surface_destroy (surface);

  /* By activity too. */
  chorus_chart_set_heatmap_rows (chart, CHORUS_CHART_ROWS_ACTIVITIES);
  surface = render (chart, 900, 400);
  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      ChorusChartHit hit;

      chorus_chart_get_region (chart, i, NULL, &hit);
      g_assert_true (hit.fields & CHORUS_CHART_HIT_ACTIVITY);
      g_assert_cmpuint (hit.count, ==, chorus_stats_count_theme_activity (stats, hit.theme_id,
                                                                            hit.activity_id));
    }
  g_assert_cmpstr (chorus_chart_get_title (chart), ==, "Themes by activity");
  cairo_surface_destroy (surface);
}

/* The heatmap's "Other" column counts each item once, however many of
 * its themes the item carries: it once added up the per-theme counts and
 * showed 90 for an activity of 51 items. On the example, whose items
 * often carry several themes. */
static void
test_heatmap_other (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  g_autoptr(ChorusChart) chart = NULL;
  ChorusStats *stats;
  GListModel *items;
  cairo_surface_t *surface;
  guint n_other = 0;
  gboolean overlapping = FALSE;

  g_assert_no_error (error);
  stats = chorus_project_get_stats (project);
  items = chorus_project_get_items (project);
  chart = chorus_chart_new (CHORUS_CHART_KIND_HEATMAP, project);
  chorus_chart_set_heatmap_rows (chart, CHORUS_CHART_ROWS_ACTIVITIES);
  chorus_chart_set_max_bars (chart, 6);
  surface = render (chart, 900, 400);

  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      ChorusChartHit hit;
      guint distinct = 0;
      guint sum = 0;

      chorus_chart_get_region (chart, i, NULL, &hit);
      if (!(hit.fields & CHORUS_CHART_HIT_OTHER_THEMES))
        continue;
      g_assert_true (hit.fields & CHORUS_CHART_HIT_ACTIVITY);
      n_other++;

      for (guint t = 0; hit.theme_ids[t] != NULL; t++)
        sum += chorus_stats_count_theme_activity (stats, hit.theme_ids[t], hit.activity_id);
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(ChorusItem) item = g_list_model_get_item (items, j);
          gboolean any = FALSE;

          if (g_strcmp0 (chorus_item_get_activity_id (item), hit.activity_id) != 0)
            continue;
          for (guint t = 0; hit.theme_ids[t] != NULL && !any; t++)
            any = chorus_item_has_theme (item, hit.theme_ids[t]);
          distinct += any;
        }

      g_assert_cmpuint (hit.count, ==, distinct);
      g_assert_cmpuint (hit.count, <=, chorus_stats_count_activity (stats, hit.activity_id));
      overlapping |= distinct < sum;
    }
  g_assert_cmpuint (n_other, >, 0);
  /* Else the test could not tell counting items from adding rows up. */
  g_assert_true (overlapping);

  assert_no_text_overlap (chart, 900, 400);
  cairo_surface_destroy (surface);
}

/* Hit testing ----------------------------------------------------------------- */

static void
test_hit_test (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();

  for (ChorusChartKind kind = CHORUS_CHART_KIND_THEMES; kind <= CHORUS_CHART_KIND_HEATMAP; kind++)
    {
      g_autoptr(ChorusChart) chart = chorus_chart_new (kind, project);
      cairo_surface_t *surface = render (chart, 800, 500);
      ChorusChartLayout *layout = _chorus_chart_get_layout (chart);
      ChorusChartHit hit;

      for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
        {
          cairo_rectangle_t rect;
          ChorusChartHit region_hit;

          chorus_chart_get_region (chart, i, &rect, &region_hit);
          if (rect.width < 1)
            continue;

          g_assert_true (chorus_chart_hit_test (chart, rect.x + rect.width / 2,
                                                rect.y + rect.height / 2, &hit));
          g_assert_cmpint (hit.target, ==, region_hit.target);
          g_assert_cmpint (hit.fields, ==, region_hit.fields);
          g_assert_cmpstr (hit.theme_id, ==, region_hit.theme_id);
          g_assert_cmpstr (hit.question_id, ==, region_hit.question_id);
          g_assert_cmpstr (hit.document_id, ==, region_hit.document_id);
          g_assert_cmpstr (hit.group_id, ==, region_hit.group_id);
          g_assert_cmpuint (hit.count, ==, region_hit.count);
          g_assert_cmpstr (hit.text, ==, region_hit.text);

          /* Just outside the bar, above it, is no bar: empty space, or the
           * heatmap's column heading. */
          if (chorus_chart_hit_test (chart, rect.x + rect.width / 2, rect.y - 1.5, &hit))
            g_assert_cmpint (hit.target, ==, CHORUS_CHART_TARGET_LABEL);
          else
            g_assert_cmpint (hit.target, ==, CHORUS_CHART_TARGET_NONE);
        }

      /* The margins and the title hold no bars. */
      g_assert_false (chorus_chart_hit_test (chart, 2, 2, &hit));
      g_assert_false (chorus_chart_hit_test (chart, 799, 499, &hit));
      g_assert_false (chorus_chart_hit_test (chart, -10, 250, &hit));

      /* Labels answer with their row, full text included. */
      for (guint i = 0; i < layout->labels->len; i++)
        {
          ChorusChartRegion *label = &g_array_index (layout->labels, ChorusChartRegion, i);

          g_assert_true (chorus_chart_hit_test (chart, label->rect.x + 2,
                                                label->rect.y + label->rect.height / 2, &hit));
          g_assert_true (hit.target == CHORUS_CHART_TARGET_LABEL ||
                         hit.target == CHORUS_CHART_TARGET_HEADING);
          g_assert_nonnull (hit.label);
          g_assert_nonnull (hit.text);
        }

      cairo_surface_destroy (surface);
    }
}

static void
test_hit_before_render (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  ChorusChartHit hit;

  g_assert_false (chorus_chart_hit_test (chart, 100, 100, &hit));
  g_assert_cmpuint (chorus_chart_get_n_regions (chart), ==, 0);
  g_assert_false (chorus_chart_get_region (chart, 0, NULL, &hit));
}

/* Extremes -------------------------------------------------------------------- */

static void
render_all_kinds (ChorusProject *project,
                  double         width,
                  double         height)
{
  for (ChorusChartKind kind = CHORUS_CHART_KIND_THEMES; kind <= CHORUS_CHART_KIND_HEATMAP; kind++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autoptr(ChorusChart) chart = chorus_chart_new (kind, project);
        g_autofree char *description = NULL;
        g_autoptr(ChorusChartTable) table = NULL;
        cairo_surface_t *surface;

        chorus_chart_set_dark (chart, dark);
        surface = render (chart, (int) width, (int) height);
        assert_no_text_overlap (chart, width, height);
        description = chorus_chart_describe (chart);
        g_assert_true (g_str_has_prefix (description, chorus_chart_get_title (chart)));
        table = chorus_chart_get_table (chart);
        g_assert_nonnull (table);
        cairo_surface_destroy (surface);
      }
}

static void
test_empty (void)
{
  g_autoptr(ChorusConsultation) consultation = make_consultation (2, 3);
  g_autoptr(ChorusProject) project = chorus_project_new (consultation);
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  g_autofree char *description = NULL;
  cairo_surface_t *surface;
  ChorusItem *item;

  render_all_kinds (project, 800, 500);

  surface = render (chart, 800, 500);
  g_assert_cmpuint (chorus_chart_get_n_regions (chart), ==, 0);
  description = chorus_chart_describe (chart);
  g_assert_nonnull (strstr (description, "No themes yet"));
  cairo_surface_destroy (surface);

  /* Themes and input, but nothing coded. */
  chorus_project_add_theme (project, "Quality", NULL);
  item = chorus_project_add_item (project, "d1-q1", NULL, NULL, "Something");
  g_clear_pointer (&description, g_free);
  description = chorus_chart_describe (chart);
  g_assert_nonnull (strstr (description, "No input coded yet"));
  render_all_kinds (project, 800, 500);

  /* Input, no stance. */
  {
    g_autoptr(ChorusChart) stance = chorus_chart_new (CHORUS_CHART_KIND_STANCE, project);
    g_autofree char *text = chorus_chart_describe (stance);

    g_assert_nonnull (strstr (text, "No stances recorded yet"));
    chorus_project_set_item_stance (project, item, CHORUS_STANCE_AGREE);
    g_clear_pointer (&text, g_free);
    text = chorus_chart_describe (stance);
    g_assert_null (strstr (text, "No stances"));
  }
}

static void
test_single_item (void)
{
  static const guint counts[] = { 1 };
  g_autoptr(ChorusProject) project = make_project (counts, 1);

  render_all_kinds (project, 800, 500);
  render_all_kinds (project, 300, 200);
  render_all_kinds (project, 2400, 300);

  {
    g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
    cairo_surface_t *surface = render (chart, 600, 300);
    ChorusChartHit hit;

    g_assert_cmpuint (chorus_chart_get_n_regions (chart), ==, 1);
    chorus_chart_get_region (chart, 0, NULL, &hit);
    g_assert_cmpuint (hit.count, ==, 1);
    g_assert_cmpstr (hit.label, ==, "Theme 1 of the codebook");
    cairo_surface_destroy (surface);
  }
}

static void
test_tiny_sizes (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();

  /* Nothing legible fits; nothing may crash or overlap either. */
  render_all_kinds (project, 1, 1);
  render_all_kinds (project, 100, 50);
  render_all_kinds (project, 200, 120);
  render_all_kinds (project, 4000, 90);
  render_all_kinds (project, 360, 640);
  render_all_kinds (project, 250, 400);
}

static void
test_many_themes (void)
{
  g_autofree guint *counts = g_new0 (guint, 1000);
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusChart) chart = NULL;
  ChorusStats *stats;
  cairo_surface_t *surface;
  ChorusChartHit hit;
  guint n, tail = 0;
  g_autofree char *description = NULL;

  for (guint t = 0; t < 1000; t++)
    counts[t] = (t * 7919) % 13;
  project = make_project (counts, 1000);
  stats = chorus_project_get_stats (project);

  chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  surface = render (chart, 1200, 800);
  n = chorus_chart_get_n_regions (chart);
  g_assert_cmpuint (n, ==, chorus_chart_get_max_bars (chart));

  /* The last bar adds up the rest. */
  chorus_chart_get_region (chart, n - 1, NULL, &hit);
  g_assert_true (hit.fields & CHORUS_CHART_HIT_OTHER_THEMES);
  g_assert_false (hit.fields & CHORUS_CHART_HIT_THEME);
  g_assert_cmpuint (g_strv_length ((char **) hit.theme_ids), ==, 1000 - (n - 1));
  for (guint i = 0; hit.theme_ids[i] != NULL; i++)
    tail += chorus_stats_count_theme (stats, hit.theme_ids[i]);
  g_assert_cmpuint (hit.count, ==, tail);
  g_assert_nonnull (strstr (hit.label, "Other"));
  assert_no_text_overlap (chart, 1200, 800);
  cairo_surface_destroy (surface);

  description = chorus_chart_describe (chart);
  g_assert_nonnull (strstr (description, "Other (989 themes)"));

  /* Short of height, fewer bars: still no overlap. */
  surface = render (chart, 600, 200);
  g_assert_cmpuint (chorus_chart_get_n_regions (chart), <, n);
  assert_no_text_overlap (chart, 600, 200);
  cairo_surface_destroy (surface);

  chorus_chart_set_max_bars (chart, 30);
  surface = render (chart, 1200, 1200);
  g_assert_cmpuint (chorus_chart_get_n_regions (chart), ==, 30);
  assert_no_text_overlap (chart, 1200, 1200);
  cairo_surface_destroy (surface);

  render_all_kinds (project, 1200, 800);
  render_all_kinds (project, 500, 400);

  /* The table keeps every theme. */
  {
    g_autoptr(ChorusChartTable) table = chorus_chart_get_table (chart);

    g_assert_cmpuint (chorus_chart_table_get_n_rows (table), ==, 1000);
  }
}

static void
test_many_questions (void)
{
  g_autoptr(ChorusConsultation) consultation = make_consultation (3, 40);
  g_autoptr(ChorusProject) project = chorus_project_new (consultation);
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_STANCE, project);
  GListModel *questions = chorus_consultation_get_questions (consultation);
  cairo_surface_t *surface;

  for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
      ChorusItem *item = chorus_project_add_item (project, chorus_question_get_id (question),
                                                  NULL, NULL, "Yes");

      chorus_project_set_item_stance (project, item, q % 3 ? CHORUS_STANCE_AGREE
                                                           : CHORUS_STANCE_DISAGREE);
    }

  /* 120 questions do not fit in 600 units: the first ones and a note. */
  surface = render (chart, 900, 600);
  g_assert_cmpuint (chorus_chart_get_n_regions (chart), >, 5);
  g_assert_cmpuint (chorus_chart_get_n_regions (chart), <, 120);
  assert_no_text_overlap (chart, 900, 600);
  cairo_surface_destroy (surface);

  /* At its natural height every one is there. */
  {
    double height = chorus_chart_get_natural_height (chart, 900);

    surface = render (chart, 900, (int) height);
    g_assert_cmpuint (chorus_chart_get_n_regions (chart), ==, 120);
    assert_no_text_overlap (chart, 900, height);
    cairo_surface_destroy (surface);
  }
}

/* Filters ------------------------------------------------------------------- */

static void
check_theme_bars (ChorusChart   *chart,
                  ChorusProject *project,
                  const char    *group_id,
                  const char    *activity_id,
                  const char    *document_id)
{
  g_autofree char *prefix = document_id ? g_strdup_printf ("%s-", document_id) : NULL;
  cairo_surface_t *surface;

  chorus_chart_set_group_id (chart, group_id);
  chorus_chart_set_activity_id (chart, activity_id);
  chorus_chart_set_document_id (chart, document_id);
  surface = render (chart, 900, 500);

  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      ChorusChartHit hit;

      chorus_chart_get_region (chart, i, NULL, &hit);
      if (hit.fields & CHORUS_CHART_HIT_OTHER_THEMES)
        continue;
      g_assert_cmpuint (hit.count, ==, brute_count (project, hit.theme_id,
                                                    hit.group_id ? hit.group_id : group_id,
                                                    activity_id, prefix, -1, NULL));
      /* The hit names the whole filter, so the caller can show those items. */
      g_assert_cmpstr (hit.activity_id, ==, activity_id);
      g_assert_cmpstr (hit.document_id, ==, document_id);
      if (group_id != NULL)
        g_assert_cmpstr (hit.group_id, ==, group_id);
    }

  cairo_surface_destroy (surface);
}

static void
test_filters (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  const char *groups[] = { NULL, "staff", "public" };
  const char *activities[] = { NULL, "survey", "focus-groups" };
  const char *documents[] = { NULL, "d1", "d2" };

  for (guint stacked = 0; stacked < 2; stacked++)
    {
      chorus_chart_set_stack_by_group (chart, stacked);
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        for (guint a = 0; a < G_N_ELEMENTS (activities); a++)
          for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
            check_theme_bars (chart, project, groups[g], activities[a], documents[d]);
    }

  /* Stance under a group filter: a count the statistics do not keep. */
  {
    g_autoptr(ChorusChart) stance = chorus_chart_new (CHORUS_CHART_KIND_STANCE, project);
    cairo_surface_t *surface;

    chorus_chart_set_group_id (stance, "public");
    chorus_chart_set_document_id (stance, "d1");
    surface = render (stance, 900, 500);
    g_assert_cmpuint (chorus_chart_get_n_regions (stance), >, 0);
    for (guint i = 0; i < chorus_chart_get_n_regions (stance); i++)
      {
        ChorusChartHit hit;

        chorus_chart_get_region (stance, i, NULL, &hit);
        g_assert_true (g_str_has_prefix (hit.question_id, "d1-"));
        g_assert_cmpuint (hit.count, ==, brute_count (project, NULL, "public", NULL, NULL,
                                                      hit.stance, hit.question_id));
      }
    cairo_surface_destroy (surface);
  }

  /* Heatmap by groups, filtered to an activity. */
  {
    g_autoptr(ChorusChart) heatmap = chorus_chart_new (CHORUS_CHART_KIND_HEATMAP, project);
    cairo_surface_t *surface;

    chorus_chart_set_activity_id (heatmap, "survey");
    surface = render (heatmap, 900, 500);
    for (guint i = 0; i < chorus_chart_get_n_regions (heatmap); i++)
      {
        ChorusChartHit hit;

        chorus_chart_get_region (heatmap, i, NULL, &hit);
        if (hit.fields & CHORUS_CHART_HIT_OTHER_THEMES)
          continue;
        g_assert_cmpuint (hit.count, ==, brute_count (project, hit.theme_id, hit.group_id,
                                                      "survey", NULL, -1, NULL));
      }
    cairo_surface_destroy (surface);
  }

  /* An unknown group matches nothing: an empty chart, not a crash. */
  {
    g_autofree char *description = NULL;

    chorus_chart_set_stack_by_group (chart, FALSE);
    chorus_chart_set_group_id (chart, "no-such-group");
    chorus_chart_set_activity_id (chart, NULL);
    chorus_chart_set_document_id (chart, NULL);
    description = chorus_chart_describe (chart);
    g_assert_nonnull (strstr (description, "No input yet"));
  }
}

static void
test_coverage_document (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_COVERAGE, project);
  cairo_surface_t *surface;
  guint final = 0;

  chorus_chart_set_document_id (chart, "d1");
  surface = render (chart, 800, 300);
  for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
    {
      ChorusChartHit hit;

      chorus_chart_get_region (chart, i, NULL, &hit);
      g_assert_cmpstr (hit.section_id, ==, "d1-s");
      g_assert_cmpstr (hit.document_id, ==, "d1");
      if (hit.status == CHORUS_DRAFT_STATUS_FINAL)
        final += hit.count;
    }
  g_assert_cmpuint (final, ==, 1);
  cairo_surface_destroy (surface);
}

/* Text alternatives ------------------------------------------------------------ */

static void
test_table (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  ChorusStats *stats = chorus_project_get_stats (project);
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  g_autoptr(ChorusChartTable) table = chorus_chart_get_table (chart);
  ChorusChartHit hit;

  g_assert_cmpstr (chorus_chart_table_get_caption (table), ==, "Input by theme");
  g_assert_cmpstr (chorus_chart_table_get_row_header (table), ==, "Theme");
  g_assert_cmpuint (chorus_chart_table_get_n_rows (table), ==, 7);
  g_assert_cmpuint (chorus_chart_table_get_n_columns (table), ==, 1);
  for (guint r = 0; r < 7; r++)
    {
      g_assert_true (chorus_chart_table_get_hit (table, r, 0, &hit));
      g_assert_cmpstr (chorus_chart_table_get_row_label (table, r), ==, hit.label);
      g_assert_cmpuint (chorus_chart_table_get_value (table, r, 0), ==,
                        chorus_stats_count_theme (stats, hit.theme_id));
      g_assert_nonnull (hit.text);
    }
  g_assert_false (chorus_chart_table_get_hit (table, 7, 0, &hit));
  g_clear_pointer (&table, chorus_chart_table_unref);

  /* Stacked: a column per group and a total. */
  chorus_chart_set_stack_by_group (chart, TRUE);
  table = chorus_chart_get_table (chart);
  g_assert_cmpuint (chorus_chart_table_get_n_columns (table), ==, 3);
  g_assert_cmpstr (chorus_chart_table_get_column_label (table, 2), ==, "Total");
  for (guint r = 0; r < chorus_chart_table_get_n_rows (table); r++)
    g_assert_cmpuint (chorus_chart_table_get_value (table, r, 0) +
                      chorus_chart_table_get_value (table, r, 1), ==,
                      chorus_chart_table_get_value (table, r, 2));
  g_clear_pointer (&table, chorus_chart_table_unref);

  /* Heatmap: groups down, themes across. */
  {
    g_autoptr(ChorusChart) heatmap = chorus_chart_new (CHORUS_CHART_KIND_HEATMAP, project);

    table = chorus_chart_get_table (heatmap);
    g_assert_cmpuint (chorus_chart_table_get_n_rows (table), ==, 2);
    g_assert_cmpstr (chorus_chart_table_get_row_header (table), ==, "Group");
    for (guint r = 0; r < 2; r++)
      for (guint c = 0; c < chorus_chart_table_get_n_columns (table); c++)
        {
          chorus_chart_table_get_hit (table, r, c, &hit);
          g_assert_cmpint (hit.target, ==, CHORUS_CHART_TARGET_CELL);
          g_assert_cmpstr (chorus_chart_table_get_row_label (table, r), ==,
                           r == 0 ? "Staff" : "Public");
          g_assert_cmpuint (chorus_chart_table_get_value (table, r, c), ==,
                            chorus_stats_count_theme_group (stats, hit.theme_id, hit.group_id));
        }
    g_clear_pointer (&table, chorus_chart_table_unref);
  }

  /* Stance: every stance and a total, questions without input left out. */
  {
    g_autoptr(ChorusChart) stance = chorus_chart_new (CHORUS_CHART_KIND_STANCE, project);

    table = chorus_chart_get_table (stance);
    g_assert_cmpuint (chorus_chart_table_get_n_columns (table), ==, CHORUS_N_STANCES + 1);
    g_assert_cmpuint (chorus_chart_table_get_n_rows (table), ==, 5);
  }
}

static void
test_describe (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  g_autofree char *text = chorus_chart_describe (chart);

  g_assert_true (g_str_has_prefix (text, "Input by theme (All input · 80 items). "));
  g_assert_nonnull (strstr (text, "Theme 3 of the codebook: 31 items; "
                                  "Theme 1 of the codebook: 23 items"));
  g_assert_nonnull (strstr (text, "Theme 5 of the codebook: 1 item;"));
  g_assert_true (g_str_has_suffix (text, "Theme 6 of the codebook: 0 items."));
  g_clear_pointer (&text, g_free);

  chorus_chart_set_kind (chart, CHORUS_CHART_KIND_COVERAGE);
  text = chorus_chart_describe (chart);
  g_assert_nonnull (strstr (text, "Document 1 about local services: 3 questions "
                                  "(Final 1, In review 1, Drafting 0, Not started 1)"));
}

/* Files --------------------------------------------------------------------------- */

static char *
read_file (const char *path,
           gsize      *length)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_files (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autofree char *dir = g_dir_make_tmp ("chorus-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *txt = g_build_filename (dir, "chart.txt", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  for (ChorusChartKind kind = CHORUS_CHART_KIND_THEMES; kind <= CHORUS_CHART_KIND_HEATMAP; kind++)
    {
      g_autoptr(ChorusChart) chart = chorus_chart_new (kind, project);
      g_autoptr(ChorusChartTable) table = chorus_chart_get_table (chart);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      cairo_surface_t *image;
      gsize length;

      /* PNG: the signature, and twice the pixels. */
      g_assert_true (chorus_chart_write_png (chart, png, 640, 400, &error));
      g_assert_no_error (error);
      contents = read_file (png, &length);
      g_assert_cmpuint (length, >, 8);
      g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1280);
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, 800);
      cairo_surface_destroy (image);
      g_clear_pointer (&contents, g_free);

      /* SVG: cairo draws text as outlines; the words are in <title> and
       * <desc>, every label of the chart among them. */
      g_assert_true (chorus_chart_write_svg (chart, svg, 640, 400, &error));
      g_assert_no_error (error);
      contents = read_file (svg, NULL);
      g_assert_nonnull (strstr (contents, "<svg"));
      g_assert_nonnull (strstr (contents, "width=\"640px\""));
      g_assert_nonnull (strstr (contents, "<title>"));
      g_assert_nonnull (strstr (contents, chorus_chart_get_title (chart)));
      for (guint r = 0; r < chorus_chart_table_get_n_rows (table); r++)
        {
          ChorusChartHit hit;
          g_autofree char *escaped = NULL;

          chorus_chart_table_get_hit (table, r, 0, &hit);
          /* Rows without input are left out of the description. */
          if (kind == CHORUS_CHART_KIND_HEATMAP || hit.total == 0)
            continue;
          escaped = g_markup_escape_text (kind == CHORUS_CHART_KIND_STANCE ? "Q" : hit.label, -1);
          g_assert_nonnull (strstr (contents, escaped));
        }
      for (guint c = 0; c < chorus_chart_table_get_n_columns (table); c++)
        {
          const char *label = chorus_chart_table_get_column_label (table, c);
          g_autofree char *escaped = g_markup_escape_text (label, -1);
          ChorusChartHit hit;

          /* The heatmap leaves out themes nobody was coded with. */
          chorus_chart_table_get_hit (table, 0, c, &hit);
          if (g_strcmp0 (label, "Total") == 0 || kind == CHORUS_CHART_KIND_THEMES ||
              (kind == CHORUS_CHART_KIND_HEATMAP &&
               chorus_stats_count_theme (chorus_project_get_stats (project), hit.theme_id) == 0))
            continue;
          g_assert_nonnull (strstr (contents, escaped));
        }
      g_clear_pointer (&contents, g_free);

      /* PDF: real text, which pdftotext reads back. */
      g_assert_true (chorus_chart_write_pdf (chart, pdf, 640, 400, &error));
      g_assert_no_error (error);
      contents = read_file (pdf, NULL);
      g_assert_true (g_str_has_prefix (contents, "%PDF"));
      g_clear_pointer (&contents, g_free);

      if (pdftotext != NULL)
        {
          const char *argv[] = { pdftotext, "-raw", pdf, txt, NULL };
          int status;

          g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                        NULL, NULL, &status, &error);
          g_assert_no_error (error);
          g_assert_true (g_spawn_check_wait_status (status, NULL));
          contents = read_file (txt, NULL);
          g_assert_nonnull (strstr (contents, chorus_chart_get_title (chart)));
          if (kind == CHORUS_CHART_KIND_THEMES)
            {
              g_assert_nonnull (strstr (contents, "Theme 3 of the codebook"));
              g_assert_nonnull (strstr (contents, "31"));
            }
          if (kind == CHORUS_CHART_KIND_STANCE)
            g_assert_nonnull (strstr (contents, "Disagree"));
          if (kind == CHORUS_CHART_KIND_COVERAGE)
            g_assert_nonnull (strstr (contents, "Document 1 about local services"));
          if (kind == CHORUS_CHART_KIND_HEATMAP)
            g_assert_nonnull (strstr (contents, "Staff"));
        }
    }

  if (pdftotext == NULL)
    g_test_message ("pdftotext not found: PDF text not checked");

  /* Unwritable: a clean error naming the file. */
  {
    g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
    g_autofree char *missing = g_build_filename (dir, "no-such-dir", "chart.png", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_false (chorus_chart_write_png (chart, missing, 640, 400, &error));
    g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "chart.png"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_clear_error (&error);

    g_assert_false (chorus_chart_write_svg (chart, missing, 640, 400, &error));
    g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
    g_clear_error (&error);

    /* A directory where the file should go. */
    g_assert_false (chorus_chart_write_pdf (chart, dir, 640, 400, &error));
    g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  }

  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_unlink (txt);
  g_rmdir (dir);
}

/* Life cycle ------------------------------------------------------------------------ */

static void
changed_cb (ChorusChart *chart,
            guint       *n_changed)
{
  (*n_changed)++;
}

static void
test_changes (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  ChorusCodebook *codebook = chorus_project_get_codebook (project);
  g_autoptr(ChorusTheme) theme = g_list_model_get_item (G_LIST_MODEL (codebook), 5);
  GListModel *items = chorus_project_get_items (project);
  g_autoptr(ChorusItem) item = g_list_model_get_item (items, 0);
  cairo_surface_t *surface;
  guint n_changed = 0;
  ChorusChartHit hit;

  g_signal_connect (chart, "changed", G_CALLBACK (changed_cb), &n_changed);

  surface = render (chart, 800, 400);
  chorus_chart_get_region (chart, 6, NULL, &hit);
  g_assert_cmpstr (hit.theme_id, ==, chorus_theme_get_id (theme));
  g_assert_cmpuint (hit.count, ==, 0);
  cairo_surface_destroy (surface);

  /* Tagging an item shows at once. */
  chorus_project_add_coding (project, item, theme, 0, G_MAXUINT);
  g_assert_cmpuint (n_changed, ==, 1);
  surface = render (chart, 800, 400);
  chorus_chart_get_region (chart, 6, NULL, &hit);
  g_assert_cmpstr (hit.theme_id, ==, chorus_theme_get_id (theme));
  g_assert_cmpuint (hit.count, ==, 1);
  cairo_surface_destroy (surface);

  chorus_project_undo (project);
  g_assert_cmpuint (n_changed, ==, 2);

  chorus_chart_set_dark (chart, TRUE);
  chorus_chart_set_dark (chart, TRUE);
  chorus_chart_set_max_bars (chart, 4);
  chorus_chart_set_group_id (chart, "staff");
  chorus_chart_set_group_id (chart, "staff");
  g_assert_cmpuint (n_changed, ==, 5);
  g_assert_cmpuint (chorus_chart_get_max_bars (chart), ==, 4);
  g_assert_cmpstr (chorus_chart_get_group_id (chart), ==, "staff");

  /* The chart may outlive its last render and the project may outlive it. */
  g_signal_handlers_disconnect_by_func (chart, changed_cb, &n_changed);
  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_natural_height (void)
{
  g_autoptr(ChorusProject) project = make_default_project ();

  for (ChorusChartKind kind = CHORUS_CHART_KIND_THEMES; kind <= CHORUS_CHART_KIND_HEATMAP; kind++)
    {
      g_autoptr(ChorusChart) chart = chorus_chart_new (kind, project);
      double height = chorus_chart_get_natural_height (chart, 800);
      cairo_surface_t *surface;
      ChorusChartLayout *layout;

      g_assert_cmpfloat (height, >, 100);
      g_assert_cmpfloat (height, <, 2000);
      surface = render (chart, 800, (int) height);
      layout = _chorus_chart_get_layout (chart);
      /* Everything drawn fits, and nothing was left out for want of room. */
      g_assert_cmpfloat (layout->height, <=, height + 1);
      assert_no_text_overlap (chart, 800, height);
      cairo_surface_destroy (surface);
    }
}

/* A theme name too long for the label column is drawn on two lines, whole,
 * rather than cut short, when the chart is tall enough to give its row the
 * room (the other rows giving up a little of theirs): "Improve
 * co-ordination with social serv…" in the example's PDF. */
static void
test_long_label_wraps (void)
{
  static const char long_name[] =
    "Improve co-ordination with social services and the voluntary sector";
  g_autoptr(ChorusProject) project = make_default_project ();
  g_autofree char *dir = g_dir_make_tmp ("chorus-chart-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GListModel *items = chorus_project_get_items (project);
  ChorusTheme *theme = chorus_project_add_theme (project, long_name, NULL);
  g_autoptr(ChorusChart) chart = NULL;
  double natural;

  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      chorus_project_add_coding (project, item, theme, 0, G_MAXUINT);
    }

  chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
  natural = chorus_chart_get_natural_height (chart, 640);

  /* At its natural height, and squeezed to where the rows are at their
   * most compact but a two-line row still fits. */
  for (guint h = 0; h < 2; h++)
    {
      double height = h == 0 ? natural : 270;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface = render (chart, 640, (int) height);
      ChorusChartLayout *layout = _chorus_chart_get_layout (chart);
      const ChorusChartRegion *label = NULL;
      const ChorusChartRegion *other = NULL;

      cairo_surface_destroy (surface);
      for (guint i = 0; i < layout->labels->len; i++)
        {
          const ChorusChartRegion *region = &g_array_index (layout->labels, ChorusChartRegion, i);

          if (region->row != NULL && g_strcmp0 (region->row->label, long_name) == 0)
            label = region;
          else if (region->row != NULL)
            other = region;
        }
      g_assert_nonnull (label);
      g_assert_nonnull (other);
      /* Squeezed, its band is taller than a one-line row's. */
      g_assert_cmpfloat (label->rect.height, >=, other->rect.height);
      if (h == 1)
        g_assert_cmpfloat (label->rect.height, >, other->rect.height);
      assert_no_text_overlap (chart, 640, height);

      if (pdftotext == NULL)
        continue;

      g_assert_true (chorus_chart_write_pdf (chart, pdf, 640, height, &error));
      g_assert_no_error (error);
      {
        const char *argv[] = { pdftotext, "-raw", pdf, "-", NULL };
        g_autofree char *out = NULL;
        g_autofree char *flat = NULL;
        g_auto(GStrv) words = NULL;
        int status;

        g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                      &out, NULL, &status, &error);
        g_assert_no_error (error);
        g_assert_true (g_spawn_check_wait_status (status, NULL));
        /* On two lines: "… with social" then "services and …". */
        words = g_strsplit_set (out, " \n", -1);
        flat = g_strjoinv (" ", words);
        g_assert_null (strstr (out, "…"));
        g_assert_nonnull (strstr (flat, long_name));
        g_assert_null (strstr (out, long_name));
      }
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

/* The example project ------------------------------------------------------------- */

static void
test_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "examples",
                                                 "trafford-staff-response.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  ChorusStats *stats;

  if (project == NULL)
    {
      g_autofree char *message = g_strdup_printf ("the example does not load: %s",
                                                  error ? error->message : "?");

      g_test_skip (message);
      return;
    }

  stats = chorus_project_get_stats (project);
  render_all_kinds (project, 1200, 800);
  render_all_kinds (project, 640, 480);

  for (ChorusChartKind kind = CHORUS_CHART_KIND_THEMES; kind <= CHORUS_CHART_KIND_HEATMAP; kind++)
    {
      g_autoptr(ChorusChart) chart = chorus_chart_new (kind, project);
      cairo_surface_t *surface = render (chart, 1200, 800);
      ChorusChartLayout *layout = _chorus_chart_get_layout (chart);

      g_assert_cmpuint (chorus_chart_get_n_regions (chart), >, 0);
      for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
        {
          cairo_rectangle_t rect;
          ChorusChartHit hit;

          chorus_chart_get_region (chart, i, &rect, &hit);
          if (hit.fields & CHORUS_CHART_HIT_OTHER_THEMES)
            continue;
          switch (kind)
            {
            case CHORUS_CHART_KIND_THEMES:
              g_assert_cmpuint (hit.count, ==, chorus_stats_count_theme (stats, hit.theme_id));
              g_assert_cmpfloat (fabs (rect.width - hit.count * layout->axis_scale), <=, 1);
              break;
            case CHORUS_CHART_KIND_STANCE:
              g_assert_cmpuint (hit.count, ==,
                                chorus_stats_count_question_stance (stats, hit.question_id,
                                                                    hit.stance));
              break;
            case CHORUS_CHART_KIND_COVERAGE:
              g_assert_cmpuint (hit.count, ==,
                                chorus_stats_count_document_status (stats, hit.document_id,
                                                                    hit.status));
              break;
            case CHORUS_CHART_KIND_HEATMAP:
            default:
              g_assert_cmpuint (hit.count, ==,
                                chorus_stats_count_theme_group (stats, hit.theme_id, hit.group_id));
              break;
            }
        }
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/themes/geometry", test_themes_geometry);
  g_test_add_func ("/chart/themes/stacked", test_themes_stacked);
  g_test_add_func ("/chart/stance/geometry", test_stance_geometry);
  g_test_add_func ("/chart/coverage/geometry", test_coverage_geometry);
  g_test_add_func ("/chart/coverage/document", test_coverage_document);
  g_test_add_func ("/chart/heatmap/cells", test_heatmap_cells);
  g_test_add_func ("/chart/heatmap/other", test_heatmap_other);
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/hit-test/before-render", test_hit_before_render);
  g_test_add_func ("/chart/extremes/empty", test_empty);
  g_test_add_func ("/chart/extremes/single-item", test_single_item);
  g_test_add_func ("/chart/extremes/tiny", test_tiny_sizes);
  g_test_add_func ("/chart/extremes/many-themes", test_many_themes);
  g_test_add_func ("/chart/extremes/many-questions", test_many_questions);
  g_test_add_func ("/chart/filters", test_filters);
  g_test_add_func ("/chart/table", test_table);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/files", test_files);
  g_test_add_func ("/chart/changes", test_changes);
  g_test_add_func ("/chart/natural-height", test_natural_height);
  g_test_add_func ("/chart/long-label-wraps", test_long_label_wraps);
  g_test_add_func ("/chart/example", test_example);

  return g_test_run ();
}
