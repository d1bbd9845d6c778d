/* chorus-cli-validate.c — "chorus-cli validate": check files completely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <chorus.h>

#include "chorus-cli-private.h"

static void
print_valid_project (const char    *display,
                     ChorusProject *project)
{
  guint n_items = g_list_model_get_n_items (chorus_project_get_items (project));

  g_print (ngettext ("%s: valid project (%u item)\n",
                     "%s: valid project (%u items)\n",
                     n_items),
           display, n_items);
}

/* Validates one file; prints the verdict and returns whether it is valid. */
static gboolean
validate_one (const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusConsultation) consultation = NULL;
  ChorusFileKind kind = CHORUS_FILE_KIND_UNKNOWN;
  guint n_questions;

  /* A project is loaded rather than passed to chorus_file_validate(): the
   * load makes exactly the same checks and reports the same first problem
   * (chorus-project-io.h), and the item count needs the model anyway.
   * Validating and then loading read a 100,000-item file twice (1.9 s
   * instead of 1 s). */
  project = chorus_project_load_file (path, &error);
  if (project != NULL)
    {
      print_valid_project (display, project);
      return TRUE;
    }
  if (!g_error_matches (error, CHORUS_ERROR, CHORUS_ERROR_WRONG_KIND))
    {
      chorus_cli_error ("%s", error->message);
      return FALSE;
    }
  g_clear_error (&error);

  /* Not a project: a consultation, or something chorus_file_validate()
   * explains better than "not a project". */
  if (!chorus_file_validate (path, &kind, &error))
    {
      chorus_cli_error ("%s", error->message);
      return FALSE;
    }

  if (kind == CHORUS_FILE_KIND_PROJECT)
    {
      /* Changed under us between the two reads; report what is there now. */
      project = chorus_project_load_file (path, &error);
      if (project == NULL)
        {
          chorus_cli_error ("%s", error->message);
          return FALSE;
        }
      print_valid_project (display, project);
      return TRUE;
    }

  /* Consultations are a few dozen questions: loading again costs nothing. */
  consultation = chorus_consultation_load_file (path, &error);
  if (consultation == NULL)
    {
      chorus_cli_error ("%s", error->message);
      return FALSE;
    }

  n_questions = chorus_consultation_get_n_questions (consultation);
  g_print (ngettext ("%s: valid consultation (%u question)\n",
                     "%s: valid consultation (%u questions)\n",
                     n_questions),
           display, n_questions);

  return TRUE;
}

int
chorus_cli_validate (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  int status = CHORUS_CLI_EXIT_OK;

  context = chorus_cli_context_new (_("FILE…"),
                                    _("Check .chorus projects and .consultation.xml files "
                                      "against the schema and the format's rules."),
                                    NULL);
  g_option_context_set_description (context,
                                    _("Exits with 0 when every file is valid, 1 otherwise."));
  if (!chorus_cli_parse (context, "validate", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc < 2)
    {
      chorus_cli_usage_error ("validate", _("no file given"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  /* Every file is checked even after a bad one, so one run lists all
   * the problems. */
  for (int i = 1; i < argc; i++)
    if (!validate_one (argv[i]))
      status = CHORUS_CLI_EXIT_BAD_INPUT;

  return status;
}
