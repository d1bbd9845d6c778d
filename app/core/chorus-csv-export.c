/* chorus-csv-export.c — the coded input as a CSV a spreadsheet opens safely
 *
 * RFC 4180: CRLF between records, a field quoted when it holds a comma, a
 * double quote, CR or LF, quotes inside doubled. UTF-8 with a byte-order
 * mark, without which Excel reads UTF-8 as the local code page and turns
 * every curly quote into mojibake; Chorus's own import skips the mark.
 *
 * A cell that a spreadsheet would evaluate (one starting with = + - @, a
 * tab or a carriage return, or their full-width forms, which some
 * spreadsheets fold to ASCII) gets a leading apostrophe: the text shows as
 * written and no formula ever runs (CSV injection, OWASP).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-export-private.h"

static gboolean
starts_like_formula (const char *value)
{
  gunichar c;

  if (value == NULL || *value == '\0')
    return FALSE;

  c = g_utf8_get_char (value);
  switch (c)
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case 0xFF1D: /* FULLWIDTH EQUALS SIGN */
    case 0xFF0B: /* FULLWIDTH PLUS SIGN */
    case 0xFF0D: /* FULLWIDTH HYPHEN-MINUS */
    case 0xFF20: /* FULLWIDTH COMMERCIAL AT */
      return TRUE;
    default:
      return FALSE;
    }
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    first)
{
  gboolean neutralise = starts_like_formula (value);
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL)
    return;

  quote = strpbrk (value, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* The names of the themes that code @item, each once, in the order of
 * their first coding. */
static char *
item_themes (ChorusCodebook *codebook,
             ChorusItem     *item)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) themes = g_string_new (NULL);

  for (guint c = 0; c < chorus_item_get_n_codings (item); c++)
    {
      const char *theme_id = chorus_item_get_coding (item, c, NULL, NULL);
      ChorusTheme *theme = chorus_codebook_find_theme (codebook, theme_id);

      if (theme == NULL || g_ptr_array_find (seen, theme, NULL))
        continue;
      g_ptr_array_add (seen, theme);
      if (themes->len > 0)
        g_string_append (themes, "; ");
      g_string_append (themes, chorus_theme_get_name (theme));
    }

  return g_string_free (g_steal_pointer (&themes), FALSE);
}

GBytes *
chorus_export_csv_to_bytes (ChorusProject             *project,
                            const ChorusExportOptions *options)
{
  ChorusConsultation *consultation;
  ChorusCodebook *codebook;
  g_autoptr(GPtrArray) items = NULL;
  GString *out;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);

  options = _chorus_export_options_or_default (options);
  consultation = chorus_project_get_consultation (project);
  codebook = chorus_project_get_codebook (project);
  items = _chorus_export_sorted_items (project, options);
  out = g_string_sized_new (256 + items->len * 256);

  g_string_append (out, "\xEF\xBB\xBF");
  append_field (out, _("Item ID"), TRUE);
  append_field (out, _("Question number"), FALSE);
  append_field (out, _("Question"), FALSE);
  append_field (out, _("Group"), FALSE);
  append_field (out, _("Activity"), FALSE);
  append_field (out, _("Stance"), FALSE);
  append_field (out, _("Themes"), FALSE);
  if (!options->redact_authors)
    append_field (out, _("Author"), FALSE);
  append_field (out, _("Text"), FALSE);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < items->len; i++)
    {
      ChorusItem *item = g_ptr_array_index (items, i);
      const char *question_id = chorus_item_get_question_id (item);
      ChorusQuestion *question = chorus_consultation_find_question (consultation, question_id);
      const char *group_id = chorus_item_get_group_id (item);
      const char *activity_id = chorus_item_get_activity_id (item);
      ChorusGroup *group = group_id ? chorus_project_find_group (project, group_id) : NULL;
      ChorusActivity *activity = activity_id ? chorus_project_find_activity (project, activity_id)
                                             : NULL;
      ChorusStance stance = chorus_item_get_stance (item);
      g_autofree char *themes = item_themes (codebook, item);

      append_field (out, chorus_item_get_id (item), TRUE);
      append_field (out, question ? chorus_question_get_number (question) : NULL, FALSE);
      append_field (out, question ? chorus_question_get_text (question) : question_id, FALSE);
      append_field (out, group ? chorus_group_get_name (group) : NULL, FALSE);
      append_field (out, activity ? chorus_activity_get_title (activity) : NULL, FALSE);
      append_field (out, stance == CHORUS_STANCE_UNSET ? NULL : chorus_stance_get_label (stance),
                    FALSE);
      append_field (out, themes, FALSE);
      if (!options->redact_authors)
        append_field (out, chorus_item_get_author (item), FALSE);
      append_field (out, chorus_item_get_text (item), FALSE);
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}

gboolean
chorus_export_csv (ChorusProject             *project,
                   const char                *path,
                   const ChorusExportOptions *options,
                   GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = chorus_export_csv_to_bytes (project, options);

  return _chorus_export_write_bytes (path, bytes, error);
}
