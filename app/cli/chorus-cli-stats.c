/* chorus-cli-stats.c — "chorus-cli stats": the counts of a project, for people or scripts
 *
 * Every number comes from ChorusStats, so the CLI cannot disagree with the
 * dashboard, the charts or the exports. The JSON is written by hand because
 * libchorus links GLib only; its shape is documented in docs/cli.md and must
 * stay stable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include <chorus.h>

#include "chorus-cli-private.h"

/* Plain text tables ------------------------------------------------------ */

typedef struct
{
  guint      n_columns;
  guint      right_aligned;  /* bit n set: column n holds numbers */
  GPtrArray *cells;          /* row-major, owned strings */
} Table;

static Table *
table_new (guint n_columns,
           guint right_aligned)
{
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->right_aligned = right_aligned;
  table->cells = g_ptr_array_new_with_free_func (g_free);

  return table;
}

static void
table_free (Table *table)
{
  g_ptr_array_unref (table->cells);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* Appends one row of n_columns strings (copied; NULL prints as nothing). */
static void
table_add (Table *table,
           ...)
{
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    g_ptr_array_add (table->cells, g_strdup (va_arg (args, const char *)));
  va_end (args);
}

static guint
table_n_rows (Table *table)
{
  return table->cells->len / table->n_columns;
}

/* Columns on a terminal: CJK takes two, combining marks none. */
static guint
display_width (const char *text)
{
  guint width = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

static void
pad (GString *out,
     guint    n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

static void
table_print (Table      *table,
             GString    *out,
             const char *indent)
{
  g_autofree guint *widths = g_new0 (guint, table->n_columns);
  guint n_rows = table_n_rows (table);

  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < table->n_columns; column++)
      {
        const char *cell = g_ptr_array_index (table->cells, row * table->n_columns + column);

        widths[column] = MAX (widths[column], display_width (cell));
      }

  for (guint row = 0; row < n_rows; row++)
    {
      GString *line = g_string_new (indent);

      for (guint column = 0; column < table->n_columns; column++)
        {
          const char *cell = g_ptr_array_index (table->cells, row * table->n_columns + column);
          guint gap = widths[column] - display_width (cell);

          if (column > 0)
            pad (line, 2);
          if (table->right_aligned & (1u << column))
            pad (line, gap);
          if (cell != NULL)
            g_string_append (line, cell);
          if (!(table->right_aligned & (1u << column)))
            pad (line, gap);
        }

      /* Empty trailing cells would leave spaces at the end of the line. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_string_append_len (out, line->str, line->len);
      g_string_append_c (out, '\n');
      g_string_free (line, TRUE);
    }
}

static char *
format_count (guint count)
{
  return g_strdup_printf ("%u", count);
}

/* "42%", rounded; empty when there is nothing to be a share of. */
static char *
format_share (guint count,
              guint total)
{
  if (total == 0)
    return g_strdup ("");

  return g_strdup_printf ("%u%%", (guint) (((guint64) count * 100 + total / 2) / total));
}

static void
append_heading (GString    *out,
                const char *heading)
{
  g_string_append_printf (out, "\n%s\n", heading);
}

/* Adds "label  count  share" to a table of three columns. */
static void
add_count_row (Table      *table,
               const char *label,
               guint       count,
               guint       total)
{
  g_autofree char *count_text = format_count (count);
  g_autofree char *share_text = format_share (count, total);

  table_add (table, label, count_text, share_text);
}

/* Human output ------------------------------------------------------------ */

typedef struct
{
  ChorusTheme *theme;
  guint        position;
  guint        count;
} ThemeRow;

static int
compare_theme_rows (gconstpointer a,
                    gconstpointer b)
{
  const ThemeRow *row_a = a;
  const ThemeRow *row_b = b;

  /* Most used first; ties keep codebook order so output is stable. */
  if (row_a->count != row_b->count)
    return row_a->count > row_b->count ? -1 : 1;

  return row_a->position < row_b->position ? -1 : (row_a->position > row_b->position);
}

static void
append_themes (GString       *out,
               ChorusProject *project,
               ChorusStats   *stats,
               guint          n_items)
{
  ChorusCodebook *codebook = chorus_project_get_codebook (project);
  guint n_themes = g_list_model_get_n_items (G_LIST_MODEL (codebook));
  g_autoptr(GArray) rows = g_array_sized_new (FALSE, FALSE, sizeof (ThemeRow), n_themes);
  g_autoptr(Table) table = NULL;
  gboolean any_parent = FALSE;

  append_heading (out, _("Themes"));
  if (n_themes == 0)
    {
      g_string_append_printf (out, "  %s\n", _("The codebook has no themes."));
      return;
    }

  for (guint i = 0; i < n_themes; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (G_LIST_MODEL (codebook), i);
      ThemeRow row = { theme, i, chorus_stats_count_theme (stats, chorus_theme_get_id (theme)) };

      any_parent |= chorus_theme_get_parent_id (theme) != NULL;
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_theme_rows);

  /* A parent column only when the codebook is a hierarchy: sorting by
   * count separates children from their parents. */
  table = table_new (any_parent ? 4 : 3, 0x6);
  if (any_parent)
    table_add (table, _("Theme"), _("Items"), _("Share"), _("Parent"));
  else
    table_add (table, _("Theme"), _("Items"), _("Share"));

  for (guint i = 0; i < rows->len; i++)
    {
      ThemeRow *row = &g_array_index (rows, ThemeRow, i);
      g_autofree char *count_text = format_count (row->count);
      g_autofree char *share_text = format_share (row->count, n_items);

      if (any_parent)
        {
          const char *parent_id = chorus_theme_get_parent_id (row->theme);
          ChorusTheme *parent = parent_id ? chorus_codebook_find_theme (codebook, parent_id) : NULL;

          table_add (table, chorus_theme_get_name (row->theme), count_text, share_text,
                     parent ? chorus_theme_get_name (parent) : NULL);
        }
      else
        {
          table_add (table, chorus_theme_get_name (row->theme), count_text, share_text);
        }
    }

  table_print (table, out, "  ");
}

static void
append_groups (GString       *out,
               ChorusProject *project,
               ChorusStats   *stats,
               guint          n_items)
{
  GListModel *groups = chorus_project_get_groups (project);
  guint n_groups = g_list_model_get_n_items (groups);
  guint none = chorus_stats_count_group (stats, NULL);
  g_autoptr(Table) table = table_new (4, 0xc);

  append_heading (out, _("Groups"));
  table_add (table, _("Group"), _("Partner"), _("Items"), _("Share"));
  for (guint i = 0; i < n_groups; i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);
      guint count = chorus_stats_count_group (stats, chorus_group_get_id (group));
      g_autofree char *count_text = format_count (count);
      g_autofree char *share_text = format_share (count, n_items);

      table_add (table, chorus_group_get_name (group),
                 chorus_group_get_partner (group) ? _("yes") : NULL,
                 count_text, share_text);
    }
  if (none > 0 || n_groups == 0)
    {
      g_autofree char *count_text = format_count (none);
      g_autofree char *share_text = format_share (none, n_items);

      table_add (table, _("(no group)"), NULL, count_text, share_text);
    }

  table_print (table, out, "  ");
}

static void
append_activities (GString       *out,
                   ChorusProject *project,
                   ChorusStats   *stats,
                   guint          n_items)
{
  GListModel *activities = chorus_project_get_activities (project);
  guint n_activities = g_list_model_get_n_items (activities);
  guint none = chorus_stats_count_activity (stats, NULL);
  g_autoptr(Table) table = table_new (4, 0xc);

  append_heading (out, _("Activities"));
  table_add (table, _("Activity"), _("Kind"), _("Items"), _("Share"));
  for (guint i = 0; i < n_activities; i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, i);
      guint count = chorus_stats_count_activity (stats, chorus_activity_get_id (activity));
      g_autofree char *count_text = format_count (count);
      g_autofree char *share_text = format_share (count, n_items);

      table_add (table, chorus_activity_get_title (activity),
                 chorus_activity_kind_get_label (chorus_activity_get_kind (activity)),
                 count_text, share_text);
    }
  if (none > 0 || n_activities == 0)
    {
      g_autofree char *count_text = format_count (none);
      g_autofree char *share_text = format_share (none, n_items);

      table_add (table, _("(no activity)"), NULL, count_text, share_text);
    }

  table_print (table, out, "  ");
}

static void
append_stances (GString     *out,
                ChorusStats *stats,
                guint        n_items)
{
  g_autoptr(Table) table = table_new (3, 0x6);

  append_heading (out, _("Stance"));
  table_add (table, _("Stance"), _("Items"), _("Share"));
  /* Agree … neutral, then the items nobody has judged yet. */
  for (guint i = 1; i <= CHORUS_N_STANCES; i++)
    {
      ChorusStance stance = (ChorusStance) (i % CHORUS_N_STANCES);

      add_count_row (table, chorus_stance_get_label (stance),
                     chorus_stats_count_stance (stats, stance), n_items);
    }

  table_print (table, out, "  ");
}

static void
append_questions (GString       *out,
                  ChorusProject *project,
                  ChorusStats   *stats)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  GListModel *documents = chorus_consultation_get_documents (consultation);
  guint n_documents = g_list_model_get_n_items (documents);

  append_heading (out, _("Questions"));
  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);
      GListModel *sections = chorus_document_get_sections (document);
      g_autoptr(Table) table = table_new (3, 0x2);

      if (d > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "  %s\n", chorus_document_get_title (document));
      table_add (table, _("Question"), _("Items"), _("Answer"));

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
          GListModel *questions = chorus_section_get_questions (section);

          for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
            {
              g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
              const char *id = chorus_question_get_id (question);
              g_autofree char *count_text = format_count (chorus_stats_count_question (stats, id));
              ChorusDraftStatus status = chorus_project_get_answer_status (project, id);

              table_add (table, chorus_question_get_number (question), count_text,
                         chorus_draft_status_get_label (status));
            }
        }

      if (table_n_rows (table) > 1)
        table_print (table, out, "    ");
      else
        g_string_append_printf (out, "    %s\n", _("No questions."));
    }
}

static void
append_coverage (GString       *out,
                 ChorusProject *project,
                 ChorusStats   *stats)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  GListModel *documents = chorus_consultation_get_documents (consultation);
  guint n_documents = g_list_model_get_n_items (documents);
  g_autoptr(Table) table = table_new (1 + CHORUS_N_DRAFT_STATUSES, 0x1e);
  char *totals[CHORUS_N_DRAFT_STATUSES];

  append_heading (out, _("Coverage (questions by the status of their answer)"));
  table_add (table, _("Document"),
             chorus_draft_status_get_label (CHORUS_DRAFT_STATUS_NOT_STARTED),
             chorus_draft_status_get_label (CHORUS_DRAFT_STATUS_DRAFTING),
             chorus_draft_status_get_label (CHORUS_DRAFT_STATUS_IN_REVIEW),
             chorus_draft_status_get_label (CHORUS_DRAFT_STATUS_FINAL));

  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);
      const char *id = chorus_document_get_id (document);
      char *counts[CHORUS_N_DRAFT_STATUSES];

      for (guint s = 0; s < CHORUS_N_DRAFT_STATUSES; s++)
        counts[s] = format_count (chorus_stats_count_document_status (stats, id, s));
      table_add (table, chorus_document_get_title (document),
                 counts[0], counts[1], counts[2], counts[3]);
      for (guint s = 0; s < CHORUS_N_DRAFT_STATUSES; s++)
        g_free (counts[s]);
    }

  for (guint s = 0; s < CHORUS_N_DRAFT_STATUSES; s++)
    totals[s] = format_count (chorus_stats_count_status (stats, s));
  table_add (table, _("All documents"), totals[0], totals[1], totals[2], totals[3]);
  for (guint s = 0; s < CHORUS_N_DRAFT_STATUSES; s++)
    g_free (totals[s]);

  table_print (table, out, "  ");
}

static void
print_human (const char    *path,
             ChorusProject *project,
             ChorusStats   *stats)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  const char *organisation = chorus_project_get_organisation (project);
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(Table) header = table_new (2, 0);
  g_autoptr(Table) totals = table_new (3, 0x6);
  guint n_items = chorus_stats_get_n_items (stats);
  g_autofree char *items_text = format_count (n_items);
  g_autofree char *codings_text = format_count (chorus_stats_get_n_codings (stats));

  table_add (header, _("Project"), display);
  table_add (header, _("Consultation"), chorus_consultation_get_title (consultation));
  table_add (header, _("Organisation"), organisation ? organisation : _("(not set)"));
  table_print (header, out, "");

  append_heading (out, _("Items"));
  table_add (totals, _("Items"), items_text, NULL);
  add_count_row (totals, _("Coded items"), chorus_stats_get_n_coded_items (stats), n_items);
  table_add (totals, _("Codings"), codings_text, NULL);
  table_print (totals, out, "  ");

  append_themes (out, project, stats, n_items);
  append_groups (out, project, stats, n_items);
  append_activities (out, project, stats, n_items);
  append_stances (out, stats, n_items);
  append_questions (out, project, stats);
  append_coverage (out, project, stats);

  g_print ("%s", out->str);
}

/* JSON -------------------------------------------------------------------- */

/* A JSON string: quotes, backslashes and control characters escaped; the
 * rest is UTF-8 as JSON allows. The model holds valid UTF-8 only. */
static void
json_string (GString    *out,
             const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

/* A file name may be in any encoding; JSON must be UTF-8. */
static void
json_filename (GString    *out,
               const char *path)
{
  if (g_utf8_validate (path, -1, NULL))
    {
      json_string (out, path);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      json_string (out, display);
    }
}

static void
json_key (GString    *out,
          const char *key)
{
  json_string (out, key);
  g_string_append (out, ": ");
}

static void
json_stances (GString     *out,
              ChorusStats *stats,
              const char  *question_id)
{
  g_string_append_c (out, '{');
  for (guint s = 0; s < CHORUS_N_STANCES; s++)
    {
      guint count = question_id
        ? chorus_stats_count_question_stance (stats, question_id, s)
        : chorus_stats_count_stance (stats, s);

      if (s > 0)
        g_string_append (out, ", ");
      json_key (out, chorus_stance_to_string (s));
      g_string_append_printf (out, "%u", count);
    }
  g_string_append_c (out, '}');
}

static void
json_coverage (GString     *out,
               ChorusStats *stats,
               const char  *document_id)
{
  g_string_append_c (out, '{');
  for (guint s = 0; s < CHORUS_N_DRAFT_STATUSES; s++)
    {
      guint count = document_id
        ? chorus_stats_count_document_status (stats, document_id, s)
        : chorus_stats_count_status (stats, s);

      if (s > 0)
        g_string_append (out, ", ");
      json_key (out, chorus_draft_status_to_string (s));
      g_string_append_printf (out, "%u", count);
    }
  g_string_append_c (out, '}');
}

/* Arrays put one element per line: stable, diffable, and easy to grep. */
static void
json_begin_element (GString *out,
                    guint    index)
{
  g_string_append (out, index == 0 ? "\n    " : ",\n    ");
}

static void
json_end_array (GString *out,
                guint    n_elements)
{
  g_string_append (out, n_elements > 0 ? "\n  ]" : "]");
}

static void
json_themes (GString       *out,
             ChorusProject *project,
             ChorusStats   *stats)
{
  GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (project));
  guint n = g_list_model_get_n_items (themes);

  g_string_append (out, "[");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);

      json_begin_element (out, i);
      g_string_append (out, "{\"id\": ");
      json_string (out, chorus_theme_get_id (theme));
      g_string_append (out, ", \"name\": ");
      json_string (out, chorus_theme_get_name (theme));
      g_string_append (out, ", \"parent\": ");
      json_string (out, chorus_theme_get_parent_id (theme));
      g_string_append_printf (out, ", \"count\": %u}",
                              chorus_stats_count_theme (stats, chorus_theme_get_id (theme)));
    }
  json_end_array (out, n);
}

static void
json_groups (GString       *out,
             ChorusProject *project,
             ChorusStats   *stats)
{
  GListModel *groups = chorus_project_get_groups (project);
  guint n = g_list_model_get_n_items (groups);

  g_string_append (out, "[");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);

      json_begin_element (out, i);
      g_string_append (out, "{\"id\": ");
      json_string (out, chorus_group_get_id (group));
      g_string_append (out, ", \"name\": ");
      json_string (out, chorus_group_get_name (group));
      g_string_append_printf (out, ", \"partner\": %s, \"count\": %u}",
                              chorus_group_get_partner (group) ? "true" : "false",
                              chorus_stats_count_group (stats, chorus_group_get_id (group)));
    }
  json_end_array (out, n);
}

static void
json_activities (GString       *out,
                 ChorusProject *project,
                 ChorusStats   *stats)
{
  GListModel *activities = chorus_project_get_activities (project);
  guint n = g_list_model_get_n_items (activities);

  g_string_append (out, "[");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, i);

      json_begin_element (out, i);
      g_string_append (out, "{\"id\": ");
      json_string (out, chorus_activity_get_id (activity));
      g_string_append (out, ", \"title\": ");
      json_string (out, chorus_activity_get_title (activity));
      g_string_append (out, ", \"kind\": ");
      json_string (out, chorus_activity_kind_to_string (chorus_activity_get_kind (activity)));
      g_string_append_printf (out, ", \"count\": %u}",
                              chorus_stats_count_activity (stats,
                                                           chorus_activity_get_id (activity)));
    }
  json_end_array (out, n);
}

static void
json_questions (GString       *out,
                ChorusProject *project,
                ChorusStats   *stats)
{
  GListModel *questions = chorus_consultation_get_questions (chorus_project_get_consultation (project));
  guint n = g_list_model_get_n_items (questions);

  g_string_append (out, "[");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);
      ChorusSection *section = chorus_question_get_section (question);
      ChorusDocument *document = section ? chorus_section_get_document (section) : NULL;
      const char *id = chorus_question_get_id (question);

      json_begin_element (out, i);
      g_string_append (out, "{\"id\": ");
      json_string (out, id);
      g_string_append (out, ", \"number\": ");
      json_string (out, chorus_question_get_number (question));
      g_string_append (out, ", \"document\": ");
      json_string (out, document ? chorus_document_get_id (document) : NULL);
      g_string_append (out, ", \"section\": ");
      json_string (out, section ? chorus_section_get_id (section) : NULL);
      g_string_append_printf (out, ", \"count\": %u, \"status\": ",
                              chorus_stats_count_question (stats, id));
      json_string (out, chorus_draft_status_to_string (chorus_project_get_answer_status (project, id)));
      g_string_append (out, ", \"stances\": ");
      json_stances (out, stats, id);
      g_string_append_c (out, '}');
    }
  json_end_array (out, n);
}

static guint
count_document_questions (ChorusDocument *document)
{
  GListModel *sections = chorus_document_get_sections (document);
  guint n = 0;

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);

      n += g_list_model_get_n_items (chorus_section_get_questions (section));
    }

  return n;
}

static void
json_documents (GString       *out,
                ChorusProject *project,
                ChorusStats   *stats)
{
  GListModel *documents = chorus_consultation_get_documents (chorus_project_get_consultation (project));
  guint n = g_list_model_get_n_items (documents);

  g_string_append (out, "[");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, i);

      json_begin_element (out, i);
      g_string_append (out, "{\"id\": ");
      json_string (out, chorus_document_get_id (document));
      g_string_append (out, ", \"title\": ");
      json_string (out, chorus_document_get_title (document));
      g_string_append_printf (out, ", \"questions\": %u, \"coverage\": ",
                              count_document_questions (document));
      json_coverage (out, stats, chorus_document_get_id (document));
      g_string_append_c (out, '}');
    }
  json_end_array (out, n);
}

static void
json_theme_groups (GString       *out,
                   ChorusProject *project,
                   ChorusStats   *stats)
{
  GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (project));
  GListModel *groups = chorus_project_get_groups (project);
  guint n_themes = g_list_model_get_n_items (themes);
  guint n_groups = g_list_model_get_n_items (groups);
  guint n = 0;

  g_string_append (out, "[");
  for (guint t = 0; t < n_themes; t++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, t);
      const char *theme_id = chorus_theme_get_id (theme);

      /* The groups in order, then (null) for the items with no group. */
      for (guint g = 0; g <= n_groups; g++)
        {
          g_autoptr(ChorusGroup) group = g < n_groups ? g_list_model_get_item (groups, g) : NULL;
          const char *group_id = group ? chorus_group_get_id (group) : NULL;
          guint count = chorus_stats_count_theme_group (stats, theme_id, group_id);

          if (count == 0)
            continue;

          json_begin_element (out, n++);
          g_string_append (out, "{\"theme\": ");
          json_string (out, theme_id);
          g_string_append (out, ", \"group\": ");
          json_string (out, group_id);
          g_string_append_printf (out, ", \"count\": %u}", count);
        }
    }
  json_end_array (out, n);
}

static void
print_json (const char    *path,
            ChorusProject *project,
            ChorusStats   *stats)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  g_autoptr(GString) out = g_string_new ("{\n  ");

  json_key (out, "file");
  json_filename (out, path);
  g_string_append (out, ",\n  ");

  json_key (out, "consultation");
  g_string_append (out, "{\"id\": ");
  json_string (out, chorus_consultation_get_id (consultation));
  g_string_append (out, ", \"title\": ");
  json_string (out, chorus_consultation_get_title (consultation));
  g_string_append (out, "},\n  ");

  json_key (out, "organisation");
  json_string (out, chorus_project_get_organisation (project));
  g_string_append (out, ",\n  ");

  g_string_append_printf (out,
                          "\"items\": %u,\n"
                          "  \"codings\": %u,\n"
                          "  \"coded_items\": %u,\n"
                          "  \"items_without_group\": %u,\n"
                          "  \"items_without_activity\": %u,\n  ",
                          chorus_stats_get_n_items (stats),
                          chorus_stats_get_n_codings (stats),
                          chorus_stats_get_n_coded_items (stats),
                          chorus_stats_count_group (stats, NULL),
                          chorus_stats_count_activity (stats, NULL));

  json_key (out, "themes");
  json_themes (out, project, stats);
  g_string_append (out, ",\n  ");

  json_key (out, "groups");
  json_groups (out, project, stats);
  g_string_append (out, ",\n  ");

  json_key (out, "activities");
  json_activities (out, project, stats);
  g_string_append (out, ",\n  ");

  json_key (out, "stances");
  json_stances (out, stats, NULL);
  g_string_append (out, ",\n  ");

  json_key (out, "questions");
  json_questions (out, project, stats);
  g_string_append (out, ",\n  ");

  json_key (out, "coverage");
  json_coverage (out, stats, NULL);
  g_string_append (out, ",\n  ");

  json_key (out, "documents");
  json_documents (out, project, stats);
  g_string_append (out, ",\n  ");

  json_key (out, "theme_groups");
  json_theme_groups (out, project, stats);
  g_string_append (out, "\n}\n");

  /* Bytes as they are: JSON is UTF-8 whatever the locale, so no g_print(). */
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
}

/* The command ----------------------------------------------------------- */

int
chorus_cli_stats (int    argc,
                  char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Write JSON for scripts (the format is in docs/cli.md)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusStats) stats = NULL;
  g_autoptr(GError) error = NULL;

  context = chorus_cli_context_new (_("FILE.chorus"),
                                    _("Count a project's input per theme, group, activity, "
                                      "stance and question, and its answers by status."),
                                    entries);
  if (!chorus_cli_parse (context, "stats", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc < 2)
    {
      chorus_cli_usage_error ("stats", _("no file given"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (argc > 2)
    {
      chorus_cli_usage_error ("stats", _("unexpected argument “%s”"), argv[2]);
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  project = chorus_project_load_file (argv[1], &error);
  if (project == NULL)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  stats = chorus_stats_ref (chorus_project_get_stats (project));
  if (json)
    print_json (argv[1], project, stats);
  else
    print_human (argv[1], project, stats);

  return CHORUS_CLI_EXIT_OK;
}
