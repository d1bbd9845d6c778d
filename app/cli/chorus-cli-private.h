/* chorus-cli-private.h — what the chorus-cli commands share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include <chorus.h>

G_BEGIN_DECLS

/* The exit statuses are part of the command-line contract (see
 * docs/cli.md): scripts tell a bad file from a mistyped command line. */
typedef enum
{
  CHORUS_CLI_EXIT_OK = 0,
  CHORUS_CLI_EXIT_BAD_INPUT = 1,
  CHORUS_CLI_EXIT_BAD_USAGE = 2,
} ChorusCliExit;

/* Each command gets its own argv, argv[0] being "chorus-cli COMMAND" so
 * that GOptionContext's --help names the command. */
typedef int (*ChorusCliCommandFunc) (int    argc,
                                     char **argv);

int             chorus_cli_new               (int                  argc,
                                              char               **argv);
int             chorus_cli_validate          (int                  argc,
                                              char               **argv);
int             chorus_cli_stats             (int                  argc,
                                              char               **argv);
int             chorus_cli_export            (int                  argc,
                                              char               **argv);
int             chorus_cli_chart             (int                  argc,
                                              char               **argv);

/* A context for one command: "Usage: chorus-cli COMMAND [OPTION…] PARAMETERS". */
GOptionContext *chorus_cli_context_new       (const char          *parameter_string,
                                              const char          *summary,
                                              const GOptionEntry  *entries);
/* Parses; on a usage error prints it and returns FALSE (exit with
 * CHORUS_CLI_EXIT_BAD_USAGE). --help prints and exits 0 inside GLib. */
gboolean        chorus_cli_parse             (GOptionContext      *context,
                                              const char          *command,
                                              int                 *argc,
                                              char              ***argv);
/* "chorus-cli: COMMAND: message (see “chorus-cli COMMAND --help”)" */
void            chorus_cli_usage_error       (const char          *command,
                                              const char          *format,
                                              ...) G_GNUC_PRINTF (2, 3);
/* "chorus-cli: message"; libchorus messages already start with "FILE:LINE:". */
void            chorus_cli_error             (const char          *format,
                                              ...) G_GNUC_PRINTF (1, 2);

/* A group or activity by id, else by name or title ignoring case; NULL
 * when the project has none. People type what they see in the window. */
ChorusGroup    *chorus_cli_find_group        (ChorusProject       *project,
                                              const char          *id_or_name);
ChorusActivity *chorus_cli_find_activity     (ChorusProject       *project,
                                              const char          *id_or_title);

G_END_DECLS
