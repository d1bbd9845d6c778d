/* chorus-cli-export.c — "chorus-cli export": the submission as PDF or XML, the input as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <chorus.h>

#include "chorus-cli-private.h"

int
chorus_cli_export (int    argc,
                   char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper = NULL;
  gboolean no_input_tables = FALSE;
  gboolean no_charts = FALSE;
  gboolean include_unpublished = FALSE;
  gboolean redact_authors = FALSE;
  gboolean include_input = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("What to write: pdf, xml or csv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write it"), N_("OUT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("PDF paper size: a4 (the default) or letter"), N_("SIZE") },
    { "no-input-tables", 0, 0, G_OPTION_ARG_NONE, &no_input_tables,
      N_("PDF: leave out the tables of what people said"), NULL },
    { "no-charts", 0, 0, G_OPTION_ARG_NONE, &no_charts,
      N_("PDF: leave out the summary charts"), NULL },
    { "include-unpublished", 0, 0, G_OPTION_ARG_NONE, &include_unpublished,
      N_("Include input marked as not for publication"), NULL },
    { "redact-authors", 0, 0, G_OPTION_ARG_NONE, &redact_authors,
      N_("Leave out the names of the people who gave input"), NULL },
    { "include-input", 0, 0, G_OPTION_ARG_NONE, &include_input,
      N_("XML: include the coded input itself, not only the counts"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  ChorusExportOptions options;
  gboolean written;

  context = chorus_cli_context_new (_("FILE.chorus"),
                                    _("Write the submission as a typeset PDF or schema-valid XML, "
                                      "or the coded input as a spreadsheet-safe CSV."),
                                    entries);
  if (!chorus_cli_parse (context, "export", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc != 2)
    {
      chorus_cli_usage_error ("export", argc < 2 ? _("FILE.chorus is required")
                                                 : _("one FILE.chorus at a time"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (format == NULL ||
      (g_strcmp0 (format, "pdf") != 0 && g_strcmp0 (format, "xml") != 0 &&
       g_strcmp0 (format, "csv") != 0))
    {
      chorus_cli_usage_error ("export", _("--format pdf, xml or csv is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (output == NULL)
    {
      chorus_cli_usage_error ("export", _("-o OUT is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (paper != NULL && g_strcmp0 (paper, "a4") != 0 && g_strcmp0 (paper, "letter") != 0)
    {
      chorus_cli_usage_error ("export", _("--paper is a4 or letter, not “%s”"), paper);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  project = chorus_project_load_file (argv[1], &error);
  if (project == NULL)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  chorus_export_options_init (&options);
  options.paper_size = g_strcmp0 (paper, "letter") == 0 ? CHORUS_PAPER_SIZE_LETTER
                                                        : CHORUS_PAPER_SIZE_A4;
  options.include_input_tables = !no_input_tables;
  options.include_charts = !no_charts;
  options.include_unpublished = include_unpublished;
  options.redact_authors = redact_authors;
  options.include_input = include_input;

  if (g_str_equal (format, "pdf"))
    written = chorus_export_pdf (project, output, &options, &error);
  else if (g_str_equal (format, "xml"))
    written = chorus_export_xml (project, output, &options, &error);
  else
    written = chorus_export_csv (project, output, &options, &error);

  if (!written)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  return CHORUS_CLI_EXIT_OK;
}
