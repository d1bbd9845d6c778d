/* chorus-cli-chart.c — "chorus-cli chart": one summary chart as PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <chorus.h>

#include "chorus-cli-private.h"

#define DEFAULT_WIDTH 800

static const struct
{
  const char      *name;
  ChorusChartKind  kind;
} kinds[] = {
  { "themes", CHORUS_CHART_KIND_THEMES },
  { "stance", CHORUS_CHART_KIND_STANCE },
  { "coverage", CHORUS_CHART_KIND_COVERAGE },
  { "heatmap", CHORUS_CHART_KIND_HEATMAP },
};

int
chorus_cli_chart (int    argc,
                  char **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *group_id = NULL;
  g_autofree char *activity_id = NULL;
  g_autofree char *document_id = NULL;
  g_autofree char *rows = NULL;
  int width = DEFAULT_WIDTH;
  int height = 0;
  int max_bars = 0;
  gboolean dark = FALSE;
  gboolean stack_by_group = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name,
      N_("Which chart: themes, stance, coverage or heatmap"), N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write it; the extension (.png, .svg, .pdf) is the format"), N_("OUT") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width,
      N_("Width in pixels at 96 per inch (default 800)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height,
      N_("Height in pixels (default: what the chart needs at that width)"), N_("H") },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark,
      N_("Draw for a dark background"), NULL },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group_id,
      N_("Only the input of one respondent group"), N_("ID") },
    { "activity", 0, 0, G_OPTION_ARG_STRING, &activity_id,
      N_("Only the input of one activity"), N_("ID") },
    { "document", 0, 0, G_OPTION_ARG_STRING, &document_id,
      N_("Only the questions of one consultation document"), N_("ID") },
    { "stack-by-group", 0, 0, G_OPTION_ARG_NONE, &stack_by_group,
      N_("Themes: split each bar by respondent group"), NULL },
    { "rows", 0, 0, G_OPTION_ARG_STRING, &rows,
      N_("Heatmap: groups (the default) or activities as rows"), N_("ROWS") },
    { "max-bars", 0, 0, G_OPTION_ARG_INT, &max_bars,
      N_("At most this many theme bars; the rest add up as “Other”"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  ChorusChartKind kind = CHORUS_CHART_KIND_THEMES;
  gboolean found = FALSE;
  gboolean written;

  context = chorus_cli_context_new (_("FILE.chorus"),
                                    _("Draw one of the summary charts of a project."),
                                    entries);
  if (!chorus_cli_parse (context, "chart", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc != 2)
    {
      chorus_cli_usage_error ("chart", argc < 2 ? _("FILE.chorus is required")
                                                : _("one FILE.chorus at a time"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  for (guint i = 0; kind_name != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind_name, kinds[i].name))
      {
        kind = kinds[i].kind;
        found = TRUE;
      }
  if (!found)
    {
      chorus_cli_usage_error ("chart", _("--kind themes, stance, coverage or heatmap is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (output == NULL)
    {
      chorus_cli_usage_error ("chart", _("-o OUT.png, OUT.svg or OUT.pdf is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (!g_str_has_suffix (output, ".png") && !g_str_has_suffix (output, ".svg") &&
      !g_str_has_suffix (output, ".pdf"))
    {
      chorus_cli_usage_error ("chart", _("the output must end in .png, .svg or .pdf"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (width < 200 || width > 10000 || height < 0 || height > 20000)
    {
      chorus_cli_usage_error ("chart", _("the width must be 200 to 10000 and the height up to "
                                         "20000 pixels"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (rows != NULL && g_strcmp0 (rows, "groups") != 0 && g_strcmp0 (rows, "activities") != 0)
    {
      chorus_cli_usage_error ("chart", _("--rows is groups or activities, not “%s”"), rows);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (max_bars < 0)
    {
      chorus_cli_usage_error ("chart", _("--max-bars must be positive"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  project = chorus_project_load_file (argv[1], &error);
  if (project == NULL)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  /* A filter naming nothing in the project would draw an empty chart without saying why. */
  if (group_id != NULL && chorus_project_find_group (project, group_id) == NULL)
    {
      chorus_cli_error (_("%s: no group with the id “%s”"), argv[1], group_id);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }
  if (activity_id != NULL && chorus_project_find_activity (project, activity_id) == NULL)
    {
      chorus_cli_error (_("%s: no activity with the id “%s”"), argv[1], activity_id);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }
  if (document_id != NULL &&
      chorus_consultation_find_document (chorus_project_get_consultation (project),
                                         document_id) == NULL)
    {
      chorus_cli_error (_("%s: no consultation document with the id “%s”"), argv[1], document_id);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  chart = chorus_chart_new (kind, project);
  chorus_chart_set_dark (chart, dark);
  chorus_chart_set_group_id (chart, group_id);
  chorus_chart_set_activity_id (chart, activity_id);
  chorus_chart_set_document_id (chart, document_id);
  chorus_chart_set_stack_by_group (chart, stack_by_group);
  chorus_chart_set_heatmap_rows (chart, g_strcmp0 (rows, "activities") == 0
                                          ? CHORUS_CHART_ROWS_ACTIVITIES
                                          : CHORUS_CHART_ROWS_GROUPS);
  if (max_bars > 0)
    chorus_chart_set_max_bars (chart, (guint) max_bars);

  if (height == 0)
    height = (int) chorus_chart_get_natural_height (chart, width);

  if (g_str_has_suffix (output, ".png"))
    written = chorus_chart_write_png (chart, output, width, height, &error);
  else if (g_str_has_suffix (output, ".svg"))
    written = chorus_chart_write_svg (chart, output, width, height, &error);
  else
    written = chorus_chart_write_pdf (chart, output, width, height, &error);

  if (!written)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  return CHORUS_CLI_EXIT_OK;
}
