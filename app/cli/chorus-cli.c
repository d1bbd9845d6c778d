/* chorus-cli.c — the headless front-end: command dispatch and shared helpers
 *
 * The contract (commands, output, exit statuses) is in docs/cli.md; tests,
 * benchmarks and users' scripts rely on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdarg.h>

#include <glib/gi18n.h>

#include "chorus-cli-import.h"
#include "chorus-cli-private.h"

typedef struct
{
  const char           *name;
  ChorusCliCommandFunc  func;
  const char           *summary;
} ChorusCliCommand;

static const ChorusCliCommand commands[] = {
  { "new", chorus_cli_new, N_("Create an empty project for a consultation") },
  { "validate", chorus_cli_validate, N_("Check project and consultation files") },
  { "stats", chorus_cli_stats, N_("Count input per theme, group, activity, stance and question") },
  { "export", chorus_cli_export, N_("Export the submission as PDF, XML or CSV") },
  { "chart", chorus_cli_chart, N_("Draw a summary chart as PNG, SVG or PDF") },
  { "import-csv", chorus_cli_import_csv, N_("Add a survey tool’s CSV export to a project") },
  { "import-notes", chorus_cli_import_notes, N_("Add focus-group notes to a project") },
  { "merge", chorus_cli_merge, N_("Merge a colleague’s copy of a project") },
};

GOptionContext *
chorus_cli_context_new (const char         *parameter_string,
                        const char         *summary,
                        const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter_string);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

gboolean
chorus_cli_parse (GOptionContext   *context,
                  const char       *command,
                  int              *argc,
                  char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      chorus_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

void
chorus_cli_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    /* TRANSLATORS: the last %s is a command such as "stats" */
    g_printerr (_("chorus-cli: %s: %s (see “chorus-cli %s --help”)\n"), command, message, command);
  else
    g_printerr (_("chorus-cli: %s (see “chorus-cli --help”)\n"), message);
}

void
chorus_cli_error (const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("chorus-cli: %s\n", message);
}

ChorusGroup *
chorus_cli_find_group (ChorusProject *project,
                       const char    *id_or_name)
{
  GListModel *groups = chorus_project_get_groups (project);
  g_autofree char *wanted = g_utf8_casefold (id_or_name, -1);
  ChorusGroup *group = chorus_project_find_group (project, id_or_name);

  for (guint i = 0; group == NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ChorusGroup) candidate = g_list_model_get_item (groups, i);
      g_autofree char *folded = g_utf8_casefold (chorus_group_get_name (candidate), -1);

      if (g_str_equal (folded, wanted))
        group = candidate;
    }

  return group;
}

ChorusActivity *
chorus_cli_find_activity (ChorusProject *project,
                          const char    *id_or_title)
{
  GListModel *activities = chorus_project_get_activities (project);
  g_autofree char *wanted = g_utf8_casefold (id_or_title, -1);
  ChorusActivity *activity = chorus_project_find_activity (project, id_or_title);

  for (guint i = 0; activity == NULL && i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(ChorusActivity) candidate = g_list_model_get_item (activities, i);
      g_autofree char *folded = g_utf8_casefold (chorus_activity_get_title (candidate), -1);

      if (g_str_equal (folded, wanted))
        activity = candidate;
    }

  return activity;
}

static void
print_usage (gboolean to_stderr)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "%s\n  chorus-cli %s\n\n%s\n\n%s\n",
                          _("Usage:"),
                          _("COMMAND [OPTION…] [FILE…]"),
                          _("Work with Chorus consultation responses without the graphical application."),
                          _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-13s %s\n", commands[i].name, _(commands[i].summary));

  g_string_append_printf (text, "\n%s\n  -h, --help     %s\n  --version      %s\n\n%s\n",
                          _("Options:"),
                          _("Show this help"),
                          _("Show the version"),
                          _("Run “chorus-cli COMMAND --help” for the options of a command."));

  /* g_print converts to the locale's charset, should it not be UTF-8. */
  if (to_stderr)
    g_printerr ("%s", text->str);
  else
    g_print ("%s", text->str);
}

static const ChorusCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, name))
      return &commands[i];

  return NULL;
}

static int
run_command (const ChorusCliCommand *command,
             int                     argc,
             char                  **argv)
{
  g_autofree char *name = g_strdup_printf ("chorus-cli %s", command->name);
  g_autofree char **command_argv = g_new0 (char *, argc + 1);

  /* GOptionContext takes the program name for "Usage:" from argv[0] the
   * first time it parses, so "chorus-cli stats --help" reads naturally. */
  command_argv[0] = name;
  for (int i = 1; i < argc; i++)
    command_argv[i] = argv[i];

  return command->func (argc, command_argv);
}

int
main (int   argc,
      char *argv[])
{
  const ChorusCliCommand *command;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (TRUE);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (FALSE);
      return CHORUS_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("chorus-cli %s\n", PACKAGE_VERSION);
      return CHORUS_CLI_EXIT_OK;
    }

  /* "chorus-cli help stats" is what people type after "git help stats". */
  if (g_str_equal (argv[1], "help"))
    {
      char *help_argv[] = { NULL, (char *) "--help", NULL };

      if (argc < 3)
        {
          print_usage (FALSE);
          return CHORUS_CLI_EXIT_OK;
        }

      command = find_command (argv[2]);
      if (command == NULL)
        {
          chorus_cli_usage_error (NULL, _("unknown command “%s”"), argv[2]);
          return CHORUS_CLI_EXIT_BAD_USAGE;
        }

      help_argv[0] = argv[2];
      return run_command (command, 2, help_argv);
    }

  if (argv[1][0] == '-')
    {
      chorus_cli_usage_error (NULL, _("unknown option “%s”"), argv[1]);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  command = find_command (argv[1]);
  if (command == NULL)
    {
      chorus_cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  return run_command (command, argc - 1, argv + 1);
}
