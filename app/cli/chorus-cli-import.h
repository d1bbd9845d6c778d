/* chorus-cli-import.h — "chorus-cli import-csv", "import-notes" and "merge"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* ChorusCliCommandFunc: argv[0] is "chorus-cli COMMAND". */
int chorus_cli_import_csv   (int    argc,
                             char **argv);
int chorus_cli_import_notes (int    argc,
                             char **argv);
int chorus_cli_merge        (int    argc,
                             char **argv);

G_END_DECLS
