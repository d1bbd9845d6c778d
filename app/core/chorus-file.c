/* chorus-file.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-consultation-io.h"
#include "chorus-project-io.h"

gboolean
chorus_file_validate (const char      *path,
                      ChorusFileKind  *kind,
                      GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;
  ChorusFileKind found = CHORUS_FILE_KIND_UNKNOWN;

  g_return_val_if_fail (path != NULL, FALSE);

  if (kind != NULL)
    *kind = CHORUS_FILE_KIND_UNKNOWN;

  if (!_chorus_read_file (path, &bytes, &display_name, error) ||
      !chorus_xml_sniff (bytes, display_name, &found, error))
    return FALSE;

  /* Everything a load checks, the schema and what the schema cannot:
   * references, offsets, loops. */
  if (found == CHORUS_FILE_KIND_PROJECT)
    {
      if (!_chorus_project_validate_bytes (bytes, display_name, error))
        return FALSE;
    }
  else
    {
      g_autoptr(ChorusConsultation) consultation =
        chorus_consultation_load_bytes (bytes, display_name, error);

      if (consultation == NULL)
        return FALSE;
    }

  if (kind != NULL)
    *kind = found;

  return TRUE;
}
