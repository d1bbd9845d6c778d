/* chorus-text.c — finding words in text the way a person means them
 *
 * Shared by the input list's search, the window's search and anything else that matches
 * text typed by the user against text in a project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "chorus-model-private.h"

char *
_chorus_text_fold (const char *text)
{
  /* NFKC keeps "é" one character, so an ASCII search for "e" does not find it either way. */
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : text, -1);
}

gboolean
_chorus_text_is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

const char *
_chorus_text_find_ascii_folded (const char *haystack,
                                const char *folded_ascii_needle)
{
  size_t needle_len = strlen (folded_ascii_needle);
  guchar first = (guchar) folded_ascii_needle[0];

  if (needle_len == 0)
    return haystack;

  for (const char *p = haystack; *p != '\0'; p++)
    {
      if (g_ascii_tolower ((guchar) *p) != first)
        continue;
      if (g_ascii_strncasecmp (p, folded_ascii_needle, needle_len) == 0)
        return p;
    }

  return NULL;
}
