/* chorus-error.h — the error domain of libchorus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CHORUS_ERROR (chorus_error_quark ())

typedef enum
{
  /* Not well-formed XML, or not valid UTF-8. */
  CHORUS_ERROR_PARSE,
  /* Well-formed, but breaks the RELAX NG schema or the format's rules
   * (unknown ids, overlapping codings, …). */
  CHORUS_ERROR_INVALID,
  /* Written by a newer Chorus: a format version this build does not know. */
  CHORUS_ERROR_NEWER_VERSION,
  /* A DOCTYPE, an entity, or anything else a Chorus file never contains
   * and an attacker would use. */
  CHORUS_ERROR_UNSAFE,
  /* Larger or more deeply nested than any real file. */
  CHORUS_ERROR_TOO_LARGE,
  /* A project where a consultation was expected, or the other way round. */
  CHORUS_ERROR_WRONG_KIND,
  /* Reading or writing the file failed (permissions, full disk, …). */
  CHORUS_ERROR_IO,
} ChorusError;

GQuark chorus_error_quark (void);

G_END_DECLS
