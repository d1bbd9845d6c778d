/* chorus-atomic-file.h — replace a file so that it is either the old or the new
 * version, never half of each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes @contents to a temporary file beside @path, fsyncs it, keeps the
 * existing file as "@path~", renames the temporary file over @path and
 * fsyncs the folder. On failure @path is untouched and no temporary file is
 * left behind; the error (CHORUS_ERROR_IO) names the file and the reason. */
gboolean chorus_atomic_file_replace (const char  *path,
                                     GBytes      *contents,
                                     gboolean     keep_backup,
                                     GError     **error);

G_END_DECLS
