/* chorus-project-io.h — reading *.chorus without keeping it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus.h"

G_BEGIN_DECLS

/* Checks a project exactly as chorus_project_load_bytes() does (schema,
 * references, offsets, loops) and reports the same first problem, but
 * builds no items: validating a large file costs a fraction of loading it. */
gboolean _chorus_project_validate_bytes (GBytes      *bytes,
                                         const char  *display_name,
                                         GError     **error);

G_END_DECLS
