/* chorus-cli-chart.c — "chorus-cli chart": one summary chart as PNG, SVG or PDF
 *
 * The chart is ChorusChart, the one the dashboard and the PDF export draw,
 * so a chart made here shows the numbers the window shows. See
 * docs/charts.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "chorus-cli-private.h"

/* Beyond this cairo's image surfaces (PNG is drawn at 2x) get near their
 * limits; ChorusChart refuses it too, but as a file error. */
#define MAX_CHART_SIZE 8000
#define DEFAULT_CHART_WIDTH 800

typedef enum
{
  CHART_FILE_NONE,
  CHART_FILE_PNG,
  CHART_FILE_SVG,
  CHART_FILE_PDF,
} ChartFile;

static ChartFile
chart_file_from_extension (const char *path)
{
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return CHART_FILE_NONE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return CHART_FILE_PNG;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return CHART_FILE_SVG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return CHART_FILE_PDF;

  return CHART_FILE_NONE;
}

static gboolean
parse_kind (const char      *name,
            ChorusChartKind *kind)
{
  static const struct {
    const char      *name;
    ChorusChartKind  kind;
  } kinds[] = {
    { "themes", CHORUS_CHART_KIND_THEMES },
    { "stance", CHORUS_CHART_KIND_STANCE },
    { "coverage", CHORUS_CHART_KIND_COVERAGE },
    { "heatmap", CHORUS_CHART_KIND_HEATMAP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (name, kinds[i].name) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }

  return FALSE;
}

/* Applies --group, --activity and --document, which name things in the
 * project: a name that matches nothing is bad input, not bad usage. */
static gboolean
apply_filters (ChorusChart   *chart,
               ChorusProject *project,
               const char    *path,
               const char    *group_name,
               const char    *activity_name,
               const char    *document_id)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);

  if (group_name != NULL)
    {
      ChorusGroup *group = chorus_cli_find_group (project, group_name);

      if (group == NULL)
        {
          /* Translators: %s is a file, then a group's name as the user typed it */
          chorus_cli_error (_("%s: the project has no group “%s”"), path, group_name);
          return FALSE;
        }
      chorus_chart_set_group_id (chart, chorus_group_get_id (group));
    }

  if (activity_name != NULL)
    {
      ChorusActivity *activity = chorus_cli_find_activity (project, activity_name);

      if (activity == NULL)
        {
          /* Translators: %s is a file, then an activity's title as the user typed it */
          chorus_cli_error (_("%s: the project has no activity “%s”"), path, activity_name);
          return FALSE;
        }
      chorus_chart_set_activity_id (chart, chorus_activity_get_id (activity));
    }

  if (document_id != NULL)
    {
      if (chorus_consultation_find_document (consultation, document_id) == NULL)
        {
          /* Translators: %s is a file, then a document id as the user typed it */
          chorus_cli_error (_("%s: the consultation has no document “%s”"), path, document_id);
          return FALSE;
        }
      chorus_chart_set_document_id (chart, document_id);
    }

  return TRUE;
}

int
chorus_cli_chart (int    argc,
                  char **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *group_name = NULL;
  g_autofree char *activity_name = NULL;
  g_autofree char *document_id = NULL;
  g_autofree char *rows_name = NULL;
  /* G_MININT is "not given": a given 0 or -5 is an error, not the default. */
  int width = G_MININT;
  int height = G_MININT;
  gboolean dark = FALSE;
  gboolean stack_by_group = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("themes, stance, coverage or heatmap"), N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the chart; .png, .svg or .pdf (replaced if it exists)"),
      N_("OUT") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width,
      N_("Width in pixels (PNG is drawn at twice as many); default 800"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height,
      N_("Height in pixels; default: what the chart needs at that width"), N_("H") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark,
      N_("Draw for a dark background"), NULL },
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group_name,
      N_("Only the input of one group, by id or name"), N_("GROUP") },
    { "activity", 'a', 0, G_OPTION_ARG_STRING, &activity_name,
      N_("Only the input of one activity, by id or title"), N_("ACTIVITY") },
    { "document", 'd', 0, G_OPTION_ARG_STRING, &document_id,
      N_("Only the questions of one consultation document, by id"), N_("DOCUMENT") },
    { "stack-by-group", 0, 0, G_OPTION_ARG_NONE, &stack_by_group,
      N_("themes: split each bar by respondent group"), NULL },
    { "rows", 0, 0, G_OPTION_ARG_STRING, &rows_name,
      N_("heatmap: rows are groups (the default) or activities"), N_("ROWS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  ChorusChartKind kind = CHORUS_CHART_KIND_THEMES;
  ChorusChartRows rows = CHORUS_CHART_ROWS_GROUPS;
  ChartFile file;
  double chart_height;
  gboolean written;

  context = chorus_cli_context_new (_("FILE.chorus"),
                                    _("Draw one of the dashboard’s summary charts into a PNG, "
                                      "SVG or PDF file, the format taken from OUT’s extension."),
                                    entries);
  if (!chorus_cli_parse (context, "chart", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc != 2)
    {
      if (argc > 2)
        chorus_cli_usage_error ("chart", _("unexpected argument “%s”"), argv[2]);
      else
        chorus_cli_usage_error ("chart", _("no file given"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (kind_name == NULL)
    {
      chorus_cli_usage_error ("chart", _("--kind themes, stance, coverage or heatmap is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (!parse_kind (kind_name, &kind))
    {
      chorus_cli_usage_error ("chart", _("unknown kind “%s”; use themes, stance, coverage or "
                                         "heatmap"), kind_name);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (output == NULL)
    {
      chorus_cli_usage_error ("chart", _("-o OUT.png, OUT.svg or OUT.pdf is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  display = g_filename_display_name (output);
  file = chart_file_from_extension (output);
  if (file == CHART_FILE_NONE)
    {
      chorus_cli_usage_error ("chart", _("%s: the name must end in .png, .svg or .pdf"), display);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  if ((width != G_MININT && (width < 1 || width > MAX_CHART_SIZE))
      || (height != G_MININT && (height < 1 || height > MAX_CHART_SIZE)))
    {
      chorus_cli_usage_error ("chart", _("--width and --height are 1 to %d pixels"),
                              MAX_CHART_SIZE);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  if (rows_name != NULL)
    {
      if (kind != CHORUS_CHART_KIND_HEATMAP)
        {
          chorus_cli_usage_error ("chart", _("--rows is for --kind heatmap"));
          return CHORUS_CLI_EXIT_BAD_USAGE;
        }
      if (g_ascii_strcasecmp (rows_name, "activities") == 0)
        rows = CHORUS_CHART_ROWS_ACTIVITIES;
      else if (g_ascii_strcasecmp (rows_name, "groups") != 0)
        {
          chorus_cli_usage_error ("chart", _("unknown rows “%s”; use groups or activities"),
                                  rows_name);
          return CHORUS_CLI_EXIT_BAD_USAGE;
        }
    }
  if (stack_by_group && kind != CHORUS_CHART_KIND_THEMES)
    {
      chorus_cli_usage_error ("chart", _("--stack-by-group is for --kind themes"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  project = chorus_project_load_file (argv[1], &error);
  if (project == NULL)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  chart = chorus_chart_new (kind, project);
  chorus_chart_set_dark (chart, dark);
  chorus_chart_set_stack_by_group (chart, stack_by_group);
  chorus_chart_set_heatmap_rows (chart, rows);
  if (!apply_filters (chart, project, argv[1], group_name, activity_name, document_id))
    return CHORUS_CLI_EXIT_BAD_INPUT;

  if (width == G_MININT)
    width = DEFAULT_CHART_WIDTH;
  chart_height = height;
  if (height == G_MININT)
    chart_height = CLAMP (ceil (chorus_chart_get_natural_height (chart, width)), 1,
                          MAX_CHART_SIZE);

  switch (file)
    {
    case CHART_FILE_PNG:
      written = chorus_chart_write_png (chart, output, width, chart_height, &error);
      break;

    case CHART_FILE_SVG:
      written = chorus_chart_write_svg (chart, output, width, chart_height, &error);
      break;

    case CHART_FILE_PDF:
    case CHART_FILE_NONE:
    default:
      written = chorus_chart_write_pdf (chart, output, width, chart_height, &error);
      break;
    }

  if (!written)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  /* TRANSLATORS: %s is a file name, %d × %d its size in pixels */
  g_print (_("Wrote %s (%d × %d)\n"), display, width, (int) chart_height);

  return CHORUS_CLI_EXIT_OK;
}
