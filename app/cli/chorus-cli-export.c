/* chorus-cli-export.c — "chorus-cli export": the submission as PDF, XML or CSV
 *
 * The options are those of ChorusExportOptions, the same the window's export
 * dialog offers; see docs/export.md for what each file holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "chorus-cli-private.h"

typedef enum
{
  EXPORT_FORMAT_NONE,
  EXPORT_FORMAT_PDF,
  EXPORT_FORMAT_XML,
  EXPORT_FORMAT_CSV,
} ExportFormat;

static ExportFormat
parse_format (const char *name)
{
  if (name == NULL)
    return EXPORT_FORMAT_NONE;
  if (g_ascii_strcasecmp (name, "pdf") == 0)
    return EXPORT_FORMAT_PDF;
  if (g_ascii_strcasecmp (name, "xml") == 0)
    return EXPORT_FORMAT_XML;
  if (g_ascii_strcasecmp (name, "csv") == 0)
    return EXPORT_FORMAT_CSV;

  return EXPORT_FORMAT_NONE;
}

/* "out.PDF" → pdf, so that -o alone is enough when the name says it. */
static ExportFormat
format_from_extension (const char *path)
{
  const char *dot = strrchr (path, '.');

  return dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL ? parse_format (dot + 1)
                                                              : EXPORT_FORMAT_NONE;
}

int
chorus_cli_export (int    argc,
                   char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *output = NULL;
  gboolean no_input = FALSE;
  gboolean no_charts = FALSE;
  gboolean include_input = FALSE;
  gboolean include_unpublished = FALSE;
  gboolean redact_authors = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'F', 0, G_OPTION_ARG_STRING, &format_name,
      N_("pdf, xml or csv; taken from OUT’s extension when left out"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the export (replaced if it exists)"), N_("OUT") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper,
      N_("PDF: the paper size, a4 (the default) or letter"), N_("SIZE") },
    { "no-input", 0, 0, G_OPTION_ARG_NONE, &no_input,
      N_("PDF: leave out the tables of input under each question"), NULL },
    { "no-charts", 0, 0, G_OPTION_ARG_NONE, &no_charts,
      N_("PDF: leave out the summary charts"), NULL },
    { "include-input", 0, 0, G_OPTION_ARG_NONE, &include_input,
      N_("XML: add the coded input item by item, besides the counts"), NULL },
    { "include-unpublished", 0, 0, G_OPTION_ARG_NONE, &include_unpublished,
      N_("Include the text of items not marked for publication"), NULL },
    { "redact-authors", 0, 0, G_OPTION_ARG_NONE, &redact_authors,
      N_("Leave out who said what"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  ChorusExportOptions options;
  ExportFormat format;
  gboolean written;

  context = chorus_cli_context_new (_("FILE.chorus"),
                                    _("Export the submission: the typeset PDF, the XML the "
                                      "department’s portal reads, or a CSV of the coded input."),
                                    entries);
  if (!chorus_cli_parse (context, "export", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc != 2)
    {
      if (argc > 2)
        chorus_cli_usage_error ("export", _("unexpected argument “%s”"), argv[2]);
      else
        chorus_cli_usage_error ("export", _("no file given"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (output == NULL)
    {
      chorus_cli_usage_error ("export", _("-o OUT is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  format = format_name != NULL ? parse_format (format_name) : format_from_extension (output);
  if (format == EXPORT_FORMAT_NONE)
    {
      if (format_name != NULL)
        chorus_cli_usage_error ("export", _("unknown format “%s”; use pdf, xml or csv"),
                                format_name);
      else if (strrchr (output, '.') != NULL && strchr (strrchr (output, '.'), '/') == NULL)
        /* Translators: %s is the extension of the output file, such as ".docx" */
        chorus_cli_usage_error ("export", _("cannot tell the format from “%s”; give --format pdf, "
                                            "xml or csv"), strrchr (output, '.'));
      else
        chorus_cli_usage_error ("export", _("--format pdf, xml or csv is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  /* An option that would do nothing is a misunderstanding worth naming. */
  if (format != EXPORT_FORMAT_PDF && (paper != NULL || no_input || no_charts))
    {
      chorus_cli_usage_error ("export", _("--paper, --no-input and --no-charts are for "
                                          "--format pdf"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (format != EXPORT_FORMAT_XML && include_input)
    {
      chorus_cli_usage_error ("export", _("--include-input is for --format xml"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  chorus_export_options_init (&options);
  if (paper == NULL || g_ascii_strcasecmp (paper, "a4") == 0)
    options.paper_size = CHORUS_PAPER_SIZE_A4;
  else if (g_ascii_strcasecmp (paper, "letter") == 0)
    options.paper_size = CHORUS_PAPER_SIZE_LETTER;
  else
    {
      chorus_cli_usage_error ("export", _("unknown paper size “%s”; use a4 or letter"), paper);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  options.include_input_tables = !no_input;
  options.include_charts = !no_charts;
  options.include_input = include_input;
  options.include_unpublished = include_unpublished;
  options.redact_authors = redact_authors;

  project = chorus_project_load_file (argv[1], &error);
  if (project == NULL)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  switch (format)
    {
    case EXPORT_FORMAT_PDF:
      written = chorus_export_pdf (project, output, &options, &error);
      break;

    case EXPORT_FORMAT_XML:
      written = chorus_export_xml (project, output, &options, &error);
      break;

    case EXPORT_FORMAT_CSV:
    case EXPORT_FORMAT_NONE:
    default:
      written = chorus_export_csv (project, output, &options, &error);
      break;
    }

  if (!written)
    {
      /* libchorus names the file and the reason. */
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  display = g_filename_display_name (output);
  /* TRANSLATORS: %s is a file name */
  g_print (_("Wrote %s\n"), display);

  return CHORUS_CLI_EXIT_OK;
}
