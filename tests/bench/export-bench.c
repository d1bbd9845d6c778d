/* export-bench.c — time the PDF export, and write the same response as HTML for LibreOffice
 *
 *   export-bench pdf FILE.chorus OUT.pdf     # prints: pdf LOAD_SECONDS EXPORT_SECONDS
 *   export-bench html FILE.chorus OUT.html   # the same content as HTML, for comparison
 *
 * tests/bench/export-vs-libreoffice drives it: it runs each under /usr/bin/time -v for the
 * wall time and peak memory of the whole process, as it does LibreOffice's conversion.
 *
 * The HTML holds what a word processor would need to typeset the same response: the title,
 * the organisation, then per question its number and text, the answer, and one table of the
 * input ("Group | Question | Summary response", a row per group, the items as bullets under
 * a sub-heading per activity), published items only as the PDF's defaults have it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include <chorus.h>

#define EXIT_USAGE 2

static ChorusProject *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  ChorusProject *project = chorus_project_load_file (path, &error);

  if (project == NULL)
    g_printerr ("export-bench: %s\n", error->message);

  return project;
}

static int
run_pdf (const char *input,
         const char *output)
{
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  ChorusExportOptions options;
  gint64 start, loaded, exported;

  start = g_get_monotonic_time ();
  project = load (input);
  if (project == NULL)
    return 1;
  loaded = g_get_monotonic_time ();

  chorus_export_options_init (&options);
  if (!chorus_export_pdf (project, output, &options, &error))
    {
      g_printerr ("export-bench: %s\n", error->message);
      return 1;
    }
  exported = g_get_monotonic_time ();

  printf ("pdf %.3f %.3f\n", (loaded - start) / 1e6, (exported - loaded) / 1e6);

  return 0;
}

/* Not g_markup_escape_text(): LibreOffice's HTML reader shows its "&apos;" as it is. */
static void
append_escaped (GString    *html,
                const char *text)
{
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (html, "&amp;");
          break;
        case '<':
          g_string_append (html, "&lt;");
          break;
        case '>':
          g_string_append (html, "&gt;");
          break;
        case '"':
          g_string_append (html, "&quot;");
          break;
        default:
          g_string_append_c (html, *p);
        }
    }
}

/* Paragraphs at blank lines, as the PDF sets them. */
static void
append_paragraphs (GString    *html,
                   const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n\\s*\\n", text ? text : "", 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_strstrip (paragraphs[i]);
      if (paragraphs[i][0] == '\0')
        continue;
      g_string_append (html, "<p>");
      append_escaped (html, paragraphs[i]);
      g_string_append (html, "</p>\n");
    }
}

static const char *
activity_heading (ChorusProject *project,
                  const char    *activity_id)
{
  ChorusActivity *activity = activity_id ? chorus_project_find_activity (project, activity_id) : NULL;

  return activity ? chorus_activity_get_title (activity) : "Other responses";
}

/* One question's input table: a row per group in order of first appearance, and in it a
 * sub-heading per activity with the items as bullets. */
static void
append_input_table (GString        *html,
                    ChorusProject  *project,
                    ChorusQuestion *question,
                    GPtrArray      *items)
{
  g_autoptr(GPtrArray) group_ids = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      const char *group_id = chorus_item_get_group_id (g_ptr_array_index (items, i));
      gboolean seen = FALSE;

      for (guint g = 0; g < group_ids->len && !seen; g++)
        seen = g_strcmp0 (g_ptr_array_index (group_ids, g), group_id) == 0;
      if (!seen)
        g_ptr_array_add (group_ids, (gpointer) group_id);
    }

  g_string_append (html, "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" width=\"100%\">\n"
                         "<thead><tr><th width=\"15%\">Group</th><th width=\"20%\">Question</th>"
                         "<th>Summary response to each question</th></tr></thead>\n<tbody>\n");

  for (guint g = 0; g < group_ids->len; g++)
    {
      const char *group_id = g_ptr_array_index (group_ids, g);
      ChorusGroup *group = group_id ? chorus_project_find_group (project, group_id) : NULL;
      g_autoptr(GPtrArray) activity_ids = g_ptr_array_new ();

      g_string_append (html, "<tr><td>");
      append_escaped (html, group ? chorus_group_get_name (group) : "Other");
      g_string_append (html, "</td><td>");
      append_escaped (html, chorus_question_get_number (question));
      g_string_append (html, "</td><td>\n");

      for (guint i = 0; i < items->len; i++)
        {
          ChorusItem *item = g_ptr_array_index (items, i);
          const char *activity_id = chorus_item_get_activity_id (item);
          gboolean seen = FALSE;

          if (g_strcmp0 (chorus_item_get_group_id (item), group_id) != 0)
            continue;
          for (guint a = 0; a < activity_ids->len && !seen; a++)
            seen = g_strcmp0 (g_ptr_array_index (activity_ids, a), activity_id) == 0;
          if (!seen)
            g_ptr_array_add (activity_ids, (gpointer) activity_id);
        }

      for (guint a = 0; a < activity_ids->len; a++)
        {
          const char *activity_id = g_ptr_array_index (activity_ids, a);

          g_string_append (html, "<h4>");
          append_escaped (html, activity_heading (project, activity_id));
          g_string_append (html, "</h4>\n<ul>\n");
          for (guint i = 0; i < items->len; i++)
            {
              ChorusItem *item = g_ptr_array_index (items, i);

              if (g_strcmp0 (chorus_item_get_group_id (item), group_id) != 0
                  || g_strcmp0 (chorus_item_get_activity_id (item), activity_id) != 0)
                continue;
              g_string_append (html, "<li>");
              append_escaped (html, chorus_item_get_text (item));
              if (chorus_item_get_author (item) != NULL && chorus_item_get_author (item)[0] != '\0')
                {
                  g_string_append (html, " (");
                  append_escaped (html, chorus_item_get_author (item));
                  g_string_append (html, ")");
                }
              g_string_append (html, "</li>\n");
            }
          g_string_append (html, "</ul>\n");
        }

      g_string_append (html, "</td></tr>\n");
    }

  g_string_append (html, "</tbody>\n</table>\n");
}

static int
run_html (const char *input,
          const char *output)
{
  g_autoptr(ChorusProject) project = load (input);
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) by_question = NULL;
  ChorusConsultation *consultation;
  GListModel *questions;
  GListModel *items;
  guint n_questions;

  if (project == NULL)
    return 1;

  consultation = chorus_project_get_consultation (project);
  questions = chorus_consultation_get_questions (consultation);
  n_questions = g_list_model_get_n_items (questions);
  items = chorus_project_get_items (project);

  /* The items of each question, published ones, in the project's order. */
  by_question = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint q = 0; q < n_questions; q++)
    g_ptr_array_add (by_question, g_ptr_array_new_with_free_func (g_object_unref));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      ChorusItem *item = g_list_model_get_item (items, i);
      int q = chorus_consultation_get_question_index (consultation,
                                                      chorus_item_get_question_id (item));

      if (q < 0 || !chorus_item_get_publish (item))
        {
          g_object_unref (item);
          continue;
        }
      g_ptr_array_add (g_ptr_array_index (by_question, q), item);
    }

  g_string_append (html, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
  append_escaped (html, chorus_consultation_get_title (consultation));
  g_string_append (html, "</title>\n</head>\n<body>\n<h1>");
  append_escaped (html, chorus_consultation_get_title (consultation));
  g_string_append (html, "</h1>\n<p>A response from ");
  append_escaped (html, chorus_project_get_organisation (project));
  g_string_append (html, "</p>\n");

  for (guint q = 0; q < n_questions; q++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
      ChorusDraft *answer = chorus_project_get_answer (project, chorus_question_get_id (question));
      GPtrArray *question_items = g_ptr_array_index (by_question, q);

      g_string_append (html, "<h2>");
      append_escaped (html, chorus_question_get_number (question));
      g_string_append (html, "</h2>\n<p><b>");
      append_escaped (html, chorus_question_get_text (question));
      g_string_append (html, "</b></p>\n");

      if (answer != NULL && chorus_draft_get_text (answer) != NULL
          && chorus_draft_get_text (answer)[0] != '\0')
        append_paragraphs (html, chorus_draft_get_text (answer));
      else
        g_string_append (html, "<p>No response</p>\n");

      if (question_items->len > 0)
        append_input_table (html, project, question, question_items);
    }

  g_string_append (html, "</body>\n</html>\n");

  if (!g_file_set_contents (output, html->str, (gssize) html->len, &error))
    {
      g_printerr ("export-bench: %s\n", error->message);
      return 1;
    }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc != 4)
    {
      g_printerr ("Usage: export-bench pdf|html FILE.chorus OUTPUT\n");
      return EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "pdf"))
    return run_pdf (argv[2], argv[3]);
  if (g_str_equal (argv[1], "html"))
    return run_html (argv[2], argv[3]);

  g_printerr ("Usage: export-bench pdf|html FILE.chorus OUTPUT\n");
  return EXIT_USAGE;
}
