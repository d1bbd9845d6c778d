/* chorus-cli-new.c — "chorus-cli new": an empty project for a consultation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <chorus.h>

#include "chorus-cli-private.h"

int
chorus_cli_new (int    argc,
                char **argv)
{
  g_autofree char *consultation_path = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "consultation", 'c', 0, G_OPTION_ARG_FILENAME, &consultation_path,
      N_("The consultation the project answers"), N_("FILE.consultation.xml") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("The responding organisation"), N_("NAME") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the project"), N_("OUT.chorus") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace an existing OUT.chorus, keeping it as OUT.chorus~"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChorusConsultation) consultation = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  guint n_questions;

  context = chorus_cli_context_new (NULL,
                                    _("Create an empty project that answers a consultation."),
                                    entries);
  if (!chorus_cli_parse (context, "new", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc > 1)
    {
      chorus_cli_usage_error ("new", _("unexpected argument “%s”"), argv[1]);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (consultation_path == NULL)
    {
      chorus_cli_usage_error ("new", _("--consultation FILE.consultation.xml is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (output == NULL)
    {
      chorus_cli_usage_error ("new", _("-o OUT.chorus is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  display = g_filename_display_name (output);

  /* Checked before any work: a project is weeks of someone's input, and
   * the backup a save keeps is one version deep. */
  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    {
      chorus_cli_error (_("%s: already exists; use --force to replace it"), display);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  consultation = chorus_consultation_load_file (consultation_path, &error);
  if (consultation == NULL)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  project = chorus_project_new (consultation);
  if (organisation != NULL)
    chorus_project_set_organisation (project, organisation);

  if (!chorus_project_save_file (project, output, &error))
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  n_questions = chorus_consultation_get_n_questions (consultation);
  g_print (ngettext ("%s: new project for “%s” (%u question)\n",
                     "%s: new project for “%s” (%u questions)\n",
                     n_questions),
           display, chorus_consultation_get_title (consultation), n_questions);

  return CHORUS_CLI_EXIT_OK;
}
