/* chorus-file.h — telling Chorus files apart and checking them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus-types.h"

G_BEGIN_DECLS

/* The current format version, written into every file. */
#define CHORUS_FORMAT_VERSION 1
#define CHORUS_CONSULTATION_NAMESPACE "https://chorus-app.github.io/ns/consultation/1"
#define CHORUS_PROJECT_NAMESPACE      "https://chorus-app.github.io/ns/project/1"

/* Larger files than this are refused before parsing. */
#define CHORUS_MAX_FILE_SIZE (512 * 1024 * 1024)
/* No Chorus file nests deeper than a dozen levels. */
#define CHORUS_MAX_DEPTH 64

/* Validates a .chorus or .consultation.xml file completely (schema and
 * references), reporting the first problem as "FILE:LINE: message". */
gboolean chorus_file_validate (const char      *path,
                               ChorusFileKind  *kind,
                               GError         **error);

G_END_DECLS
