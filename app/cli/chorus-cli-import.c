/* chorus-cli-import.c — "chorus-cli import-csv", "import-notes" and "merge"
 *
 * Each reads a project, brings input into it through the same libchorus
 * calls the window makes, prints the same report, and writes the result.
 * See docs/import.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include <chorus.h>

#include "chorus-cli-import.h"
#include "chorus-cli-private.h"

/* Shared ------------------------------------------------------------------------ */

/* Two paths naming one file, however they are spelled. */
static gboolean
same_file (const char *a,
           const char *b)
{
  g_autoptr(GFile) fa = g_file_new_for_commandline_arg (a);
  g_autoptr(GFile) fb = g_file_new_for_commandline_arg (b);
  g_autoptr(GFileInfo) ia = NULL;
  g_autoptr(GFileInfo) ib = NULL;

  if (g_file_equal (fa, fb))
    return TRUE;

  ia = g_file_query_info (fa, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  ib = g_file_query_info (fb, G_FILE_ATTRIBUTE_ID_FILE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return ia != NULL && ib != NULL &&
         g_strcmp0 (g_file_info_get_attribute_string (ia, G_FILE_ATTRIBUTE_ID_FILE),
                    g_file_info_get_attribute_string (ib, G_FILE_ATTRIBUTE_ID_FILE)) == 0;
}

/* Writing back over the input is the usual way to import; any other
 * existing file is someone's work and needs --force, as for "new". */
static gboolean
check_output (const char *output,
              const char *input,
              gboolean    force)
{
  g_autofree char *display = NULL;

  if (force || !g_file_test (output, G_FILE_TEST_EXISTS) || same_file (output, input))
    return TRUE;

  display = g_filename_display_name (output);
  chorus_cli_error (_("%s: already exists; use --force to replace it"), display);

  return FALSE;
}

static ChorusProject *
load_project (const char *path)
{
  g_autoptr(GError) error = NULL;
  ChorusProject *project = chorus_project_load_file (path, &error);

  if (project == NULL)
    chorus_cli_error ("%s", error->message);

  return project;
}

static gboolean
save_project (ChorusProject *project,
              const char    *output)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (output);

  if (!chorus_project_save_file (project, output, &error))
    {
      chorus_cli_error ("%s", error->message);
      return FALSE;
    }

  g_print (_("Saved %s\n"), display);

  return TRUE;
}

/* A group by id or name, created when there is none; saying so, since a
 * mistyped name would otherwise go unnoticed. */
static ChorusGroup *
resolve_group (ChorusProject *project,
               const char    *name)
{
  ChorusGroup *group = chorus_cli_find_group (project, name);

  if (group == NULL)
    {
      group = chorus_project_add_group (project, name, FALSE);
      g_print (_("Created group “%s” (%s)\n"), chorus_group_get_name (group),
               chorus_group_get_id (group));
    }

  return group;
}

static ChorusActivity *
resolve_activity (ChorusProject      *project,
                  const char         *name,
                  ChorusActivityKind  kind)
{
  ChorusActivity *activity = chorus_cli_find_activity (project, name);

  if (activity == NULL)
    {
      activity = chorus_project_add_activity (project, kind, name);
      /* TRANSLATORS: %s: a title, its kind ("Focus group") and its id */
      g_print (_("Created activity “%s”, %s (%s)\n"), chorus_activity_get_title (activity),
               chorus_activity_kind_get_label (kind), chorus_activity_get_id (activity));
    }

  return activity;
}

/* "Q3", "q3.", "Question 3" and "3" all name the question numbered "Q3". */
static char *
number_key (const char *number)
{
  g_autofree char *folded = g_utf8_casefold (number, -1);
  char *p = g_strstrip (folded);

  if (g_str_has_prefix (p, "question"))
    p += 8;
  else if (p[0] == 'q')
    p++;
  p = g_strstrip (p);
  while (*p != '\0' && strchr (".):", p[strlen (p) - 1]) != NULL)
    p[strlen (p) - 1] = '\0';

  return g_strdup (p);
}

/* A question by id, or by display number when only one question has it. */
static ChorusQuestion *
resolve_question (ChorusConsultation *consultation,
                  const char         *name,
                  guint              *n_matches)
{
  GListModel *questions = chorus_consultation_get_questions (consultation);
  ChorusQuestion *question = chorus_consultation_find_question (consultation, name);
  g_autofree char *wanted = number_key (name);
  ChorusQuestion *found = NULL;

  *n_matches = question ? 1 : 0;
  if (question != NULL)
    return question;

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) candidate = g_list_model_get_item (questions, i);
      g_autofree char *key = NULL;

      if (chorus_question_get_number (candidate) == NULL)
        continue;

      key = number_key (chorus_question_get_number (candidate));
      if (wanted[0] != '\0' && g_str_equal (key, wanted))
        {
          found = candidate;
          (*n_matches)++;
        }
    }

  return *n_matches == 1 ? found : NULL;
}

static void
append_shortened (GString    *out,
                  const char *text,
                  guint       width)
{
  g_autofree char *flat = g_strdup (text ? text : "");
  glong length;

  g_strdelimit (flat, "\n\t\r", ' ');
  length = g_utf8_strlen (flat, -1);
  if ((guint) length > width)
    {
      *g_utf8_offset_to_pointer (flat, width - 1) = '\0';
      g_string_append_printf (out, "%s…", flat);
      length = width;
    }
  else
    {
      g_string_append (out, flat);
    }

  for (guint i = length; i < width; i++)
    g_string_append_c (out, ' ');
}

static const char *
match_label (ChorusImportMatch match)
{
  switch (match)
    {
    case CHORUS_IMPORT_MATCH_NUMBER:
      return _("by number");
    case CHORUS_IMPORT_MATCH_TEXT:
      return _("by its words");
    case CHORUS_IMPORT_MATCH_HEADING:
      return _("by heading");
    case CHORUS_IMPORT_MATCH_USER:
      return _("as given");
    case CHORUS_IMPORT_MATCH_COLUMN:
    case CHORUS_IMPORT_MATCH_NONE:
    default:
      return "";
    }
}

static void
append_question (GString            *out,
                 ChorusConsultation *consultation,
                 const char         *question_id)
{
  ChorusQuestion *question = chorus_consultation_find_question (consultation, question_id);
  const char *number = question ? chorus_question_get_number (question) : NULL;

  if (number != NULL && number[0] != '\0')
    g_string_append_printf (out, "%s [%s] ", number, question_id);
  else
    g_string_append_printf (out, "[%s] ", question_id);
  if (question != NULL)
    append_shortened (out, chorus_question_get_text (question), 40);
}

/* The report names the window's "Skip duplicates" switch; here it is an option. */
static void
print_duplicates_hint (const ChorusImportReport *report)
{
  if (report->n_duplicates_kept > 0)
    g_print (_("To leave them out, import into the original file again with "
               "--skip-duplicates.\n"));
}

/* import-csv ---------------------------------------------------------------------- */

static void
print_mapping (ChorusCsvImport    *import,
               ChorusConsultation *consultation)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = chorus_csv_import_get_n_columns (import);

  /* TRANSLATORS: %s is a file name */
  g_string_append_printf (out, _("Columns of %s:\n"), chorus_csv_import_get_display_name (import));

  for (guint i = 0; i < n; i++)
    {
      const char *header = chorus_csv_import_get_header (import, i);
      ChorusImportMatch match = chorus_csv_import_get_column_match (import, i);

      g_string_append_printf (out, "  %3u  ", i + 1);
      append_shortened (out, header, 36);
      g_string_append (out, "  → ");

      switch (chorus_csv_import_get_column_role (import, i))
        {
        case CHORUS_CSV_COLUMN_QUESTION:
          append_question (out, consultation, chorus_csv_import_get_column_question (import, i));
          g_string_append_printf (out, " (%s)", match_label (match));
          break;

        case CHORUS_CSV_COLUMN_AUTHOR:
          g_string_append (out, _("author (personal data)"));
          break;

        case CHORUS_CSV_COLUMN_RESPONDENT_ID:
          g_string_append (out, _("respondent id, not imported"));
          break;

        case CHORUS_CSV_COLUMN_IGNORE:
        default:
          if (match == CHORUS_IMPORT_MATCH_NONE && header[0] != '\0')
            g_string_append (out, _("no question matched; ignored (use --map)"));
          else
            g_string_append (out, _("ignored"));
          break;
        }
      g_string_append_c (out, '\n');
    }

  g_print ("%s", out->str);
}

static gboolean
apply_maps (ChorusCsvImport     *import,
            ChorusConsultation  *consultation,
            char               **maps,
            gboolean            *usage)
{
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      /* The last "=": column headings may contain one, question ids never. */
      const char *equals = strrchr (maps[i], '=');
      g_autofree char *column_name = NULL;
      const char *target;
      ChorusQuestion *question;
      guint n_matches = 0;
      int column;

      if (equals == NULL || equals == maps[i] || equals[1] == '\0')
        {
          chorus_cli_usage_error ("import-csv", _("--map takes COLUMN=QUESTION, not “%s”"),
                                  maps[i]);
          *usage = TRUE;
          return FALSE;
        }

      column_name = g_strndup (maps[i], equals - maps[i]);
      target = equals + 1;
      column = chorus_csv_import_find_column (import, column_name);
      if (column < 0)
        {
          chorus_cli_error (_("%s: no column “%s” (give its heading or its number)"),
                            chorus_csv_import_get_display_name (import), column_name);
          return FALSE;
        }

      if (g_ascii_strcasecmp (target, "ignore") == 0)
        chorus_csv_import_set_column_role (import, column, CHORUS_CSV_COLUMN_IGNORE);
      else if (g_ascii_strcasecmp (target, "author") == 0)
        chorus_csv_import_set_column_role (import, column, CHORUS_CSV_COLUMN_AUTHOR);
      else if (g_ascii_strcasecmp (target, "respondent-id") == 0)
        chorus_csv_import_set_column_role (import, column, CHORUS_CSV_COLUMN_RESPONDENT_ID);
      else if ((question = resolve_question (consultation, target, &n_matches)) != NULL)
        chorus_csv_import_set_column_question (import, column, chorus_question_get_id (question));
      else if (n_matches > 1)
        {
          chorus_cli_error (_("--map %s: %u questions are numbered “%s”; give the question’s id"),
                            maps[i], n_matches, target);
          return FALSE;
        }
      else
        {
          chorus_cli_error (_("--map %s: the consultation has no question “%s”"), maps[i], target);
          return FALSE;
        }
    }

  return TRUE;
}

int
chorus_cli_import_csv (int    argc,
                       char **argv)
{
  g_autofree char *group_name = NULL;
  g_autofree char *activity_name = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) maps = NULL;
  gboolean skip_duplicates = FALSE;
  gboolean accept_ragged = FALSE;
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group_name,
      N_("The respondent group, by id or name; created if missing"), N_("GROUP") },
    { "activity", 'a', 0, G_OPTION_ARG_STRING, &activity_name,
      N_("The activity, by id or name; created as an online survey if missing"), N_("ACTIVITY") },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Map a column (heading or number) to a question (id or number), or to "
         "ignore, author or respondent-id; repeatable"), N_("COLUMN=QUESTION") },
    { "skip-duplicates", 0, 0, G_OPTION_ARG_NONE, &skip_duplicates,
      N_("Leave out answers already in the project for that question, group and activity"), NULL },
    { "accept-ragged", 0, 0, G_OPTION_ARG_NONE, &accept_ragged,
      N_("Import rows with more or fewer cells than the header"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the project (may be IN.chorus)"), N_("OUT.chorus") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace an existing OUT.chorus, keeping it as OUT.chorus~"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show the mapping and the report without writing anything"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  g_autofree char *text = NULL;
  ChorusConsultation *consultation;
  ChorusGroup *group;
  ChorusActivity *activity;
  gboolean usage = FALSE;
  gboolean any_question = FALSE;

  context = chorus_cli_context_new (_("IN.chorus SURVEY.csv"),
                                    _("Import a survey tool’s CSV export: one item per answer, "
                                      "under the question its column maps to."),
                                    entries);
  if (!chorus_cli_parse (context, "import-csv", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc != 3)
    {
      if (argc > 3)
        chorus_cli_usage_error ("import-csv", _("unexpected argument “%s”"), argv[3]);
      else
        chorus_cli_usage_error ("import-csv", _("IN.chorus and SURVEY.csv are required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (group_name == NULL || activity_name == NULL)
    {
      chorus_cli_usage_error ("import-csv", _("--group and --activity are required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (output == NULL && !dry_run)
    {
      chorus_cli_usage_error ("import-csv", _("-o OUT.chorus is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  if (output != NULL && !dry_run && !check_output (output, argv[1], force))
    return CHORUS_CLI_EXIT_BAD_INPUT;

  project = load_project (argv[1]);
  if (project == NULL)
    return CHORUS_CLI_EXIT_BAD_INPUT;
  consultation = chorus_project_get_consultation (project);

  import = chorus_csv_import_new_from_file (argv[2], &error);
  if (import == NULL)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }
  chorus_csv_import_set_accept_ragged (import, accept_ragged);
  chorus_csv_import_guess_mapping (import, consultation);

  if (!apply_maps (import, consultation, maps, &usage))
    return usage ? CHORUS_CLI_EXIT_BAD_USAGE : CHORUS_CLI_EXIT_BAD_INPUT;

  print_mapping (import, consultation);

  for (guint i = 0; i < chorus_csv_import_get_n_columns (import); i++)
    if (chorus_csv_import_get_column_role (import, i) == CHORUS_CSV_COLUMN_QUESTION)
      any_question = TRUE;
  if (!any_question)
    {
      chorus_cli_error (_("%s: no column matches a question of “%s”; map them with --map "
                          "COLUMN=QUESTION"),
                        chorus_csv_import_get_display_name (import),
                        chorus_consultation_get_title (consultation));
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  group = resolve_group (project, group_name);
  activity = resolve_activity (project, activity_name, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY);

  chorus_import_report_init (&report);
  if (!chorus_csv_import_apply (import, project, group, activity, skip_duplicates, &report,
                                &error))
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  text = chorus_import_report_format (&report);
  g_print ("%s", text);
  print_duplicates_hint (&report);

  if (!dry_run && !save_project (project, output))
    return CHORUS_CLI_EXIT_BAD_INPUT;

  return CHORUS_CLI_EXIT_OK;
}

/* import-notes ------------------------------------------------------------------------ */

static void
print_notes_summary (ChorusNotesImport  *import,
                     ChorusConsultation *consultation)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = chorus_notes_import_get_n_blocks (import);

  for (guint i = 0; i < n; i++)
    {
      const char *question_id;
      guint count = 0;

      if (chorus_notes_import_get_block_kind (import, i) != CHORUS_NOTES_BLOCK_QUESTION)
        continue;

      question_id = chorus_notes_import_get_block_question (import, i);
      for (guint j = i + 1; j < n; j++)
        {
          ChorusNotesBlockKind kind = chorus_notes_import_get_block_kind (import, j);

          if (kind == CHORUS_NOTES_BLOCK_QUESTION)
            break;
          if (kind == CHORUS_NOTES_BLOCK_INPUT &&
              chorus_notes_import_get_block_question (import, j) == question_id)
            count++;
        }

      g_string_append_printf (out, "  %s:%u  ", chorus_notes_import_get_display_name (import),
                              chorus_notes_import_get_block_line (import, i));
      append_question (out, consultation, question_id);
      g_string_append_printf (out, ngettext ("  %u item (%s)\n", "  %u items (%s)\n", count),
                              count, match_label (chorus_notes_import_get_block_match (import, i)));
    }

  if (out->len > 0)
    /* TRANSLATORS: %s is a file name */
    g_print (_("Questions in %s:\n%s"), chorus_notes_import_get_display_name (import), out->str);
}

int
chorus_cli_import_notes (int    argc,
                         char **argv)
{
  g_autofree char *group_name = NULL;
  g_autofree char *activity_name = NULL;
  g_autofree char *output = NULL;
  gboolean skip_duplicates = FALSE;
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "group", 'g', 0, G_OPTION_ARG_STRING, &group_name,
      N_("The respondent group, by id or name; created if missing"), N_("GROUP") },
    { "activity", 'a', 0, G_OPTION_ARG_STRING, &activity_name,
      N_("The activity, by id or name; created as a focus group if missing"), N_("ACTIVITY") },
    { "skip-duplicates", 0, 0, G_OPTION_ARG_NONE, &skip_duplicates,
      N_("Leave out input already in the project for that question, group and activity"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the project (may be IN.chorus)"), N_("OUT.chorus") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace an existing OUT.chorus, keeping it as OUT.chorus~"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what would be imported without writing anything"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusNotesImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  g_autofree char *text = NULL;
  ChorusConsultation *consultation;
  ChorusGroup *group;
  ChorusActivity *activity;

  context = chorus_cli_context_new (_("IN.chorus NOTES.txt"),
                                    _("Import focus-group notes, plain text or Markdown: each "
                                      "bullet or paragraph under a question becomes an item."),
                                    entries);
  if (!chorus_cli_parse (context, "import-notes", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc != 3)
    {
      if (argc > 3)
        chorus_cli_usage_error ("import-notes", _("unexpected argument “%s”"), argv[3]);
      else
        chorus_cli_usage_error ("import-notes", _("IN.chorus and NOTES.txt are required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (group_name == NULL || activity_name == NULL)
    {
      chorus_cli_usage_error ("import-notes", _("--group and --activity are required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (output == NULL && !dry_run)
    {
      chorus_cli_usage_error ("import-notes", _("-o OUT.chorus is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  if (output != NULL && !dry_run && !check_output (output, argv[1], force))
    return CHORUS_CLI_EXIT_BAD_INPUT;

  project = load_project (argv[1]);
  if (project == NULL)
    return CHORUS_CLI_EXIT_BAD_INPUT;
  consultation = chorus_project_get_consultation (project);

  import = chorus_notes_import_new_from_file (argv[2], &error);
  if (import == NULL)
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }
  chorus_notes_import_guess (import, consultation);
  print_notes_summary (import, consultation);

  group = resolve_group (project, group_name);
  activity = resolve_activity (project, activity_name, CHORUS_ACTIVITY_KIND_FOCUS_GROUP);

  chorus_import_report_init (&report);
  if (!chorus_notes_import_apply (import, project, group, activity, skip_duplicates, &report,
                                  &error))
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  text = chorus_import_report_format (&report);
  g_print ("%s", text);
  print_duplicates_hint (&report);

  if (!dry_run && !save_project (project, output))
    return CHORUS_CLI_EXIT_BAD_INPUT;

  return CHORUS_CLI_EXIT_OK;
}

/* merge -------------------------------------------------------------------------------- */

int
chorus_cli_merge (int    argc,
                  char **argv)
{
  g_autofree char *output = NULL;
  gboolean theirs = FALSE;
  gboolean dry_run = FALSE;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Where to write the merged project (may be A.chorus)"), N_("OUT.chorus") },
    { "theirs", 0, 0, G_OPTION_ARG_NONE, &theirs,
      N_("Resolve every conflict with B’s version instead of A’s"), NULL },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace an existing OUT.chorus, keeping it as OUT.chorus~"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show the report without writing anything"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ChorusProject) ours = NULL;
  g_autoptr(ChorusProject) other = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusMergeReport) report = { 0 };
  g_autofree char *text = NULL;

  context = chorus_cli_context_new (_("A.chorus B.chorus"),
                                    _("Merge a colleague’s copy B of a project into A: their "
                                      "input, themes, groups, activities and drafts are added; "
                                      "where both changed the same thing, A’s version is kept "
                                      "and the conflict reported."),
                                    entries);
  if (!chorus_cli_parse (context, "merge", &argc, &argv))
    return CHORUS_CLI_EXIT_BAD_USAGE;

  if (argc != 3)
    {
      if (argc > 3)
        chorus_cli_usage_error ("merge", _("unexpected argument “%s”"), argv[3]);
      else
        chorus_cli_usage_error ("merge", _("A.chorus and B.chorus are required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }
  if (output == NULL && !dry_run)
    {
      chorus_cli_usage_error ("merge", _("-o OUT.chorus is required"));
      return CHORUS_CLI_EXIT_BAD_USAGE;
    }

  if (output != NULL && !dry_run && !check_output (output, argv[1], force))
    return CHORUS_CLI_EXIT_BAD_INPUT;

  ours = load_project (argv[1]);
  if (ours == NULL)
    return CHORUS_CLI_EXIT_BAD_INPUT;
  other = load_project (argv[2]);
  if (other == NULL)
    return CHORUS_CLI_EXIT_BAD_INPUT;

  chorus_merge_report_init (&report);
  if (!chorus_project_merge (ours, other, &report, &error))
    {
      chorus_cli_error ("%s", error->message);
      return CHORUS_CLI_EXIT_BAD_INPUT;
    }

  if (theirs)
    for (guint i = 0; i < report.conflicts->len; i++)
      chorus_project_merge_take_theirs (ours, g_ptr_array_index (report.conflicts, i));

  text = chorus_merge_report_format (&report);
  g_print ("%s", text);

  if (!dry_run && !save_project (ours, output))
    return CHORUS_CLI_EXIT_BAD_INPUT;

  return CHORUS_CLI_EXIT_OK;
}
