/* chorus-cli-validate.c — "chorus-cli validate": check files completely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <chorus.h>

#include "chorus-cli-private.h"

/* Validates one file; prints the verdict and returns whether it is valid. */
static gboolean
validate_one (const char *path)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GError) error = NULL;
  ChorusFileKind kind = CHORUS_FILE_KIND_UNKNOWN;

  if (!chorus_file_validate (path, &kind, &error))
    {
      chorus_cli_error ("%s", error->message);
      return FALSE;
    }

  /* chorus_file_validate() says whether the file is sound, not what is in
   * it; the counts come from loading it, which a valid file survives. */
  if (kind == CHORUS_FILE_KIND_PROJECT)
    {
      g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
      guint n_items;

      if (project == NULL)
        {
          chorus_cli_error ("%s", error->message);
          return FALSE;
        }

      n_items = g_list_model_get_n_items (chorus_project_get_items (project));
      g_print (ngettext ("%s: valid project (%u item)\n",
                         "%s: valid project (%u items)\n",
                         n_items),
               display, n_items);
    }
  else
    {
      g_autoptr(ChorusConsultation) consultation = chorus_consultation_load_file (path, &error);
      guint n_questions;

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
    }

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
