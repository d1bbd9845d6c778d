/* chorus-bench.c — build large projects and time libchorus on them
 *
 *   chorus-bench generate [--seed S] N OUT.chorus
 *   chorus-bench measure load|validate|save|stats FILE.chorus
 *   chorus-bench generate-csv [--seed S] N OUT.csv
 *   chorus-bench measure import-csv SURVEY.csv
 *
 * "measure" runs one operation in a fresh process and prints
 *
 *   OPERATION SECONDS PEAK_RSS_KIB PEAK_RSS_BEFORE_KIB ITEMS CPU_SECONDS
 *
 * SECONDS times the operation alone (for save and stats the load before it
 * is not counted); PEAK_RSS_KIB is the process's peak resident set
 * (getrusage), PEAK_RSS_BEFORE_KIB the same just before the timed part. One
 * process per measurement keeps one operation's peak out of the next.
 * CPU_SECONDS is the user and system time of the operation: on a busy
 * machine it tells the work done from the waiting.
 * tests/bench/run-bench drives it and prints the table.
 *
 * "generate-csv" writes a survey tool's export of N respondents (a BOM, CRLF,
 * quoted cells, some with commas, quotes and line breaks, a fifth of them
 * empty) answering four questions of the bundled consultation's
 * commissioning document; "measure import-csv" times reading, mapping and
 * importing it into the example project (whose load is not counted), and
 * ITEMS is then the items the import created.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <chorus.h>

#define EXIT_USAGE 2

/* Where the bundled examples are: the environment (as in the tests) or the
 * source tree this was built from. */
static char *
example_path (const char *name)
{
  const char *root = g_getenv ("CHORUS_SOURCE_ROOT");

  if (root == NULL || root[0] == '\0')
    root = CHORUS_SOURCE_ROOT;

  return g_build_filename (root, "resources", "examples", name, NULL);
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6
         + usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static glong
peak_rss_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;

  /* Linux reports ru_maxrss in kibibytes. */
  return usage.ru_maxrss;
}

/* generate ------------------------------------------------------------------ */

/* Used when the example project cannot be read, so the benchmark still runs
 * while the examples are being written. */
static const char *fallback_sentences[] = {
  "Need to monitor inequalities across the local population.",
  "Staff felt that the proposals would take time to bed in.",
  "Patients want to see their records and to be involved in decisions about their care.",
  "There is a risk that smaller practices will not have the capacity to commission.",
  "Local councils should have a stronger role in joining up health and social care.",
  "More emphasis on prevention would reduce demand on hospital services.",
  "The outcome measures must be meaningful to clinicians as well as to managers.",
  "How will the views of carers be heard?",
  "Information needs to be available in plain English and in community languages.",
  "We support the principle but are concerned about the pace of change.",
  "Good communication between GPs and hospital consultants is essential.",
  "The transition will need careful management to protect services during the change.",
};

typedef struct
{
  GRand      *rand;
  GPtrArray  *sentences;  /* char * */
  GPtrArray  *answers;    /* char *: answer texts to reuse */
} Generator;

/* Sentences of the example's items: what real input reads like. */
static void
collect_sentences (Generator     *generator,
                   ChorusProject *example)
{
  GListModel *items = chorus_project_get_items (example);
  GListModel *drafts = chorus_project_get_drafts (example);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);
      const char *text = chorus_item_get_text (item);
      const char *start = text;

      for (const char *p = text; ; p++)
        {
          gboolean end_of_sentence = *p == '\0' || *p == '\n'
            || ((*p == '.' || *p == '?' || *p == '!') && (p[1] == ' ' || p[1] == '\0' || p[1] == '\n'));

          if (!end_of_sentence)
            continue;

          {
            const char *stop = (*p == '\0' || *p == '\n') ? p : p + 1;
            g_autofree char *sentence = g_strstrip (g_strndup (start, stop - start));

            if (g_utf8_strlen (sentence, -1) >= 8)
              g_ptr_array_add (generator->sentences, g_steal_pointer (&sentence));
          }

          if (*p == '\0')
            break;
          start = p + 1;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (drafts); i++)
    {
      g_autoptr(ChorusDraft) draft = g_list_model_get_item (drafts, i);
      const char *text = chorus_draft_get_text (draft);

      if (chorus_draft_get_kind (draft) == CHORUS_DRAFT_KIND_ANSWER && text != NULL && text[0] != '\0')
        g_ptr_array_add (generator->answers, g_strdup (text));
    }
}

static const char *
random_sentence (Generator *generator)
{
  guint n = generator->sentences->len;

  return g_ptr_array_index (generator->sentences, g_rand_int_range (generator->rand, 0, n));
}

/* A text of 40 to 600 characters, most of them short as real comments are. */
static char *
random_text (Generator *generator)
{
  double r = g_rand_double (generator->rand);
  guint target = 40 + (guint) (560 * r * r);
  GString *text = g_string_new (NULL);
  glong length;

  while ((length = g_utf8_strlen (text->str, text->len)) < (glong) target)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, random_sentence (generator));
    }

  /* Cut an overlong text at the last space before 600 characters. */
  if (length > 600)
    {
      char *cut = g_utf8_offset_to_pointer (text->str, 600);
      char *space;

      g_string_truncate (text, cut - text->str);
      space = strrchr (text->str, ' ');
      if (space != NULL && g_utf8_strlen (text->str, space - text->str) >= 40)
        g_string_truncate (text, space - text->str);
    }

  return g_string_free (text, FALSE);
}

static ChorusStance
random_stance (Generator *generator)
{
  /* Roughly what coders record: much unset, agreement ahead of dissent. */
  static const ChorusStance weights[] = {
    CHORUS_STANCE_UNSET, CHORUS_STANCE_UNSET, CHORUS_STANCE_UNSET,
    CHORUS_STANCE_AGREE, CHORUS_STANCE_AGREE, CHORUS_STANCE_AGREE,
    CHORUS_STANCE_DISAGREE, CHORUS_STANCE_DISAGREE,
    CHORUS_STANCE_MIXED, CHORUS_STANCE_NEUTRAL,
  };

  return weights[g_rand_int_range (generator->rand, 0, G_N_ELEMENTS (weights))];
}

static gpointer
random_element (Generator  *generator,
                GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  return n > 0 ? g_list_model_get_item (list, g_rand_int_range (generator->rand, 0, n)) : NULL;
}

/* The example's groups, activities and codebook, or stand-ins. */
static void
copy_structure (ChorusProject *project,
                ChorusProject *example)
{
  if (example != NULL)
    {
      GListModel *groups = chorus_project_get_groups (example);
      GListModel *activities = chorus_project_get_activities (example);
      GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (example));
      g_autoptr(GHashTable) theme_map = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);

          chorus_project_add_group (project, chorus_group_get_name (group),
                                    chorus_group_get_partner (group));
        }

      for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
        {
          g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, i);
          ChorusActivity *copy = chorus_project_add_activity (project,
                                                              chorus_activity_get_kind (activity),
                                                              chorus_activity_get_title (activity));

          chorus_project_set_activity_dates (project, copy, chorus_activity_get_dates (activity));
          chorus_project_set_activity_involved (project, copy,
                                                chorus_activity_get_involved (activity));
          chorus_project_set_activity_number_involved (project, copy,
                                                       chorus_activity_get_number_involved (activity));
        }

      /* Two passes: a child may come before its parent in the codebook. */
      for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
        {
          g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);
          ChorusTheme *copy = chorus_project_add_theme (project, chorus_theme_get_name (theme), NULL);

          chorus_project_set_theme_description (project, copy, chorus_theme_get_description (theme));
          chorus_project_set_theme_keywords (project, copy, chorus_theme_get_keywords (theme));
          g_hash_table_insert (theme_map, (gpointer) chorus_theme_get_id (theme), copy);
        }
      for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
        {
          g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);
          const char *parent_id = chorus_theme_get_parent_id (theme);

          if (parent_id != NULL)
            chorus_project_set_theme_parent (project,
                                             g_hash_table_lookup (theme_map, chorus_theme_get_id (theme)),
                                             g_hash_table_lookup (theme_map, parent_id));
        }
    }

  if (g_list_model_get_n_items (chorus_project_get_groups (project)) == 0)
    {
      chorus_project_add_group (project, "Staff", FALSE);
      chorus_project_add_group (project, "Public", FALSE);
      chorus_project_add_group (project, "Trafford Council", TRUE);
    }
  if (g_list_model_get_n_items (chorus_project_get_activities (project)) == 0)
    {
      chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_BRIEFING, "Staff briefing");
      chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY, "Online survey");
      chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_FOCUS_GROUP, "Focus groups");
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (chorus_project_get_codebook (project))) == 0)
    {
      const char *names[] = {
        "Quality and safety", "Access", "Equity", "Choice", "Prevention", "Integration",
        "Workforce", "Finance",
      };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        chorus_project_add_theme (project, names[i], NULL);
    }
}

static void
add_codings (Generator     *generator,
             ChorusProject *project,
             ChorusItem    *item)
{
  GListModel *themes = G_LIST_MODEL (chorus_project_get_codebook (project));
  guint n_themes = g_rand_int_range (generator->rand, 1, 4);
  guint length = chorus_item_get_length (item);

  for (guint t = 0; t < n_themes; t++)
    {
      g_autoptr(ChorusTheme) theme = random_element (generator, themes);

      /* A third of the codings mark a span, the rest the whole item. */
      if (length > 10 && g_rand_int_range (generator->rand, 0, 3) == 0)
        {
          guint start = g_rand_int_range (generator->rand, 0, length - 5);
          guint end = g_rand_int_range (generator->rand, start + 1, length + 1);

          chorus_project_add_coding (project, item, theme, start, end);
        }
      else
        {
          chorus_project_add_coding (project, item, theme, 0, G_MAXUINT);
        }
    }
}

static void
add_drafts (Generator          *generator,
            ChorusProject      *project,
            ChorusConsultation *consultation)
{
  GListModel *questions = chorus_consultation_get_questions (consultation);
  GListModel *documents = chorus_consultation_get_documents (consultation);
  GListModel *groups = chorus_project_get_groups (project);

  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);
      const char *id = chorus_question_get_id (question);
      g_autofree char *text = NULL;

      if (generator->answers->len > 0)
        text = g_strdup (g_ptr_array_index (generator->answers, i % generator->answers->len));
      else
        text = random_text (generator);

      chorus_project_set_answer_text (project, id, text);
      chorus_project_set_answer_status (project, id, g_rand_int_range (generator->rand, 0,
                                                                       CHORUS_N_DRAFT_STATUSES));
      if (chorus_question_get_n_options (question) > 0)
        chorus_project_set_answer_option (project, id, chorus_question_get_option_id (question, 0));
    }

  for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, i);
      g_autofree char *key_points = random_text (generator);

      chorus_project_set_key_points (project, chorus_document_get_id (document), key_points);

      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, g);
          g_autofree char *response = NULL;

          if (!chorus_group_get_partner (group))
            continue;
          response = random_text (generator);
          chorus_project_set_partner_response (project, group, chorus_document_get_id (document),
                                               response);
        }
    }
}

static int
generate (guint       n_items,
          const char *output,
          guint32     seed)
{
  g_autofree char *consultation_path = example_path ("liberating-the-nhs.consultation.xml");
  g_autofree char *example_file = example_path ("trafford-staff-response.chorus");
  g_autoptr(ChorusConsultation) consultation = NULL;
  g_autoptr(ChorusProject) example = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *questions, *groups, *activities;
  guint n_questions;
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
  Generator generator = { rng, sentences, answers };
  gint64 begin = g_get_monotonic_time ();

  consultation = chorus_consultation_load_file (consultation_path, &error);
  if (consultation == NULL)
    {
      g_printerr ("chorus-bench: %s\n", error->message);
      return 1;
    }

  example = chorus_project_load_file (example_file, &error);
  if (example != NULL)
    collect_sentences (&generator, example);
  else
    {
      g_printerr ("chorus-bench: %s; using built-in sentences\n", error->message);
      g_clear_error (&error);
    }
  if (generator.sentences->len < 10)
    for (guint i = 0; i < G_N_ELEMENTS (fallback_sentences); i++)
      g_ptr_array_add (generator.sentences, g_strdup (fallback_sentences[i]));

  project = chorus_project_new (consultation);
  /* One undo step for everything: generating is not what is measured. */
  chorus_project_begin_group (project, "Generate");
  chorus_project_set_organisation (project, "Benchmark NHS Trust");
  chorus_project_set_contact_name (project, "A. N. Officer");
  copy_structure (project, example);

  questions = chorus_consultation_get_questions (consultation);
  groups = chorus_project_get_groups (project);
  activities = chorus_project_get_activities (project);
  n_questions = g_list_model_get_n_items (questions);

  for (guint i = 0; i < n_items; i++)
    {
      /* Every question gets input: round robin, not random. */
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i % n_questions);
      g_autoptr(ChorusGroup) group = random_element (&generator, groups);
      g_autoptr(ChorusActivity) activity = random_element (&generator, activities);
      g_autofree char *text = random_text (&generator);
      ChorusItem *item;

      item = chorus_project_add_item (project, chorus_question_get_id (question),
                                      group, activity, text);
      chorus_project_set_item_stance (project, item, random_stance (&generator));
      if (g_rand_int_range (generator.rand, 0, 10) < 6)
        add_codings (&generator, project, item);
    }

  add_drafts (&generator, project, consultation);
  chorus_project_end_group (project);

  if (!chorus_project_save_file (project, output, &error))
    {
      g_printerr ("chorus-bench: %s\n", error->message);
      return 1;
    }

  g_printerr ("chorus-bench: wrote %s: %u items in %.1f s\n", output, n_items,
              (g_get_monotonic_time () - begin) / 1e6);

  return 0;
}

/* generate-csv -------------------------------------------------------------- */

#define SURVEY_QUESTIONS 4

static void
append_csv_cell (GString    *out,
                 const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static int
generate_csv (guint       n_rows,
              const char *output,
              guint32     seed)
{
  g_autofree char *consultation_path = example_path ("liberating-the-nhs.consultation.xml");
  g_autofree char *example_file = example_path ("trafford-staff-response.chorus");
  g_autoptr(ChorusConsultation) consultation = NULL;
  g_autoptr(ChorusProject) example = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbfRespondent ID,Submitted,Team");
  Generator generator = { rng, sentences, answers };
  static const char *teams[] = { "Commissioning", "Finance", "Public health", "Estates", "HR" };
  GListModel *questions;
  guint n_columns = 0;
  gint64 begin = g_get_monotonic_time ();

  consultation = chorus_consultation_load_file (consultation_path, &error);
  example = consultation ? chorus_project_load_file (example_file, &error) : NULL;
  if (example == NULL)
    {
      g_printerr ("chorus-bench: %s\n", error->message);
      return 1;
    }
  collect_sentences (&generator, example);

  /* Headings as survey tools write them: "Q3. The question's words". */
  questions = chorus_consultation_get_questions (consultation);
  for (guint i = 0; i < g_list_model_get_n_items (questions) && n_columns < SURVEY_QUESTIONS; i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);
      g_autofree char *heading = NULL;

      if (!g_str_has_prefix (chorus_question_get_id (question), "c-"))
        continue;
      heading = g_strdup_printf ("%s. %s", chorus_question_get_number (question),
                                 chorus_question_get_text (question));
      g_string_append_c (out, ',');
      append_csv_cell (out, heading);
      n_columns++;
    }
  g_string_append (out, "\r\n");

  for (guint r = 0; r < n_rows; r++)
    {
      g_string_append_printf (out, "%u,%02u/10/2010 %02u:%02u,%s", 100000 + r, 1 + r % 28,
                              8 + r % 10, r % 60, teams[r % G_N_ELEMENTS (teams)]);
      for (guint c = 0; c < n_columns; c++)
        {
          g_autoptr(GString) cell = g_string_new (NULL);
          guint n_sentences = g_rand_int_range (rng, 0, 5);

          g_string_append_c (out, ',');
          /* One in five left empty; up to four sentences, sometimes on lines of their own. */
          if (n_sentences == 0)
            continue;
          for (guint k = 0; k < n_sentences; k++)
            {
              if (k > 0)
                g_string_append (cell, g_rand_int_range (rng, 0, 4) == 0 ? "\r\n" : " ");
              g_string_append (cell, random_sentence (&generator));
            }
          /* Make every answer unique, as real ones nearly are: duplicates are
           * looked up, not skipped, here. */
          g_string_append_printf (cell, " (%u)", r);
          append_csv_cell (out, cell->str);
        }
      g_string_append (out, "\r\n");
    }

  if (!g_file_set_contents (output, out->str, out->len, &error))
    {
      g_printerr ("chorus-bench: %s\n", error->message);
      return 1;
    }

  g_printerr ("chorus-bench: wrote %s: %u rows, %.1f MB in %.1f s\n", output, n_rows,
              out->len / 1048576.0, (g_get_monotonic_time () - begin) / 1e6);

  return 0;
}

/* measure ------------------------------------------------------------------- */

static ChorusProject *
load_or_die (const char *path)
{
  g_autoptr(GError) error = NULL;
  ChorusProject *project = chorus_project_load_file (path, &error);

  if (project == NULL)
    g_error ("%s", error->message);

  return project;
}

static int
measure (const char *operation,
         const char *path)
{
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch_dir = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *backup = NULL;
  glong rss_before;
  gint64 begin, end;
  double cpu_begin = 0, cpu_end = 0;
  guint n_items = 0;

  if (g_str_equal (operation, "load"))
    {
      rss_before = peak_rss_kib ();
      cpu_begin = cpu_seconds ();
      begin = g_get_monotonic_time ();
      project = chorus_project_load_file (path, &error);
      end = g_get_monotonic_time ();
      cpu_end = cpu_seconds ();
      if (project == NULL)
        g_error ("%s", error->message);
    }
  else if (g_str_equal (operation, "validate"))
    {
      ChorusFileKind kind;

      rss_before = peak_rss_kib ();
      cpu_begin = cpu_seconds ();
      begin = g_get_monotonic_time ();
      if (!chorus_file_validate (path, &kind, &error))
        g_error ("%s", error->message);
      end = g_get_monotonic_time ();
      cpu_end = cpu_seconds ();
    }
  else if (g_str_equal (operation, "save"))
    {
      g_autoptr(GFile) source = g_file_new_for_path (path);
      g_autoptr(GFile) copy = NULL;
      g_autofree char *dir = g_path_get_dirname (path);

      /* Save over an existing file, as a user does: the old one becomes the
       * backup. A scratch copy beside the input keeps the same disk. */
      scratch_dir = g_build_filename (dir, "chorus-bench-save-XXXXXX", NULL);
      if (g_mkdtemp (scratch_dir) == NULL)
        g_error ("%s: %s", scratch_dir, g_strerror (errno));
      scratch = g_build_filename (scratch_dir, "project.chorus", NULL);
      backup = g_strconcat (scratch, "~", NULL);
      copy = g_file_new_for_path (scratch);
      if (!g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);

      project = load_or_die (scratch);
      rss_before = peak_rss_kib ();
      cpu_begin = cpu_seconds ();
      begin = g_get_monotonic_time ();
      if (!chorus_project_save_file (project, scratch, &error))
        g_error ("%s", error->message);
      end = g_get_monotonic_time ();
      cpu_end = cpu_seconds ();

      g_unlink (scratch);
      g_unlink (backup);
      g_rmdir (scratch_dir);
    }
  else if (g_str_equal (operation, "stats"))
    {
      g_autoptr(ChorusStats) stats = NULL;

      project = load_or_die (path);
      rss_before = peak_rss_kib ();
      cpu_begin = cpu_seconds ();
      begin = g_get_monotonic_time ();
      stats = chorus_stats_new (project);
      end = g_get_monotonic_time ();
      cpu_end = cpu_seconds ();
      g_assert (chorus_stats_get_n_items (stats) ==
                g_list_model_get_n_items (chorus_project_get_items (project)));
    }
  else if (g_str_equal (operation, "import-csv"))
    {
      g_autofree char *example_file = example_path ("trafford-staff-response.chorus");
      g_autoptr(ChorusCsvImport) import = NULL;
      g_auto(ChorusImportReport) report = { 0 };
      ChorusGroup *group;
      ChorusActivity *activity;

      project = load_or_die (example_file);
      group = chorus_project_find_group (project, "staff");
      activity = chorus_project_find_activity (project, "online-staff-survey");
      g_assert (group != NULL && activity != NULL);
      chorus_import_report_init (&report);

      rss_before = peak_rss_kib ();
      cpu_begin = cpu_seconds ();
      begin = g_get_monotonic_time ();
      import = chorus_csv_import_new_from_file (path, &error);
      if (import == NULL)
        g_error ("%s", error->message);
      chorus_csv_import_guess_mapping (import, chorus_project_get_consultation (project));
      if (!chorus_csv_import_apply (import, project, group, activity, TRUE, &report, &error))
        g_error ("%s", error->message);
      end = g_get_monotonic_time ();
      cpu_end = cpu_seconds ();

      g_assert (report.n_read == chorus_csv_import_get_n_rows (import));
      g_assert (report.n_created > 0);
      n_items = report.n_created;
      g_clear_object (&project);
    }
  else
    {
      g_printerr ("chorus-bench: unknown operation “%s” (load, validate, save, stats or "
                  "import-csv)\n", operation);
      return EXIT_USAGE;
    }

  if (project != NULL)
    n_items = g_list_model_get_n_items (chorus_project_get_items (project));

  g_print ("%s %.6f %ld %ld %u %.6f\n", operation, (end - begin) / 1e6, peak_rss_kib (),
           rss_before, n_items, cpu_end - cpu_begin);

  return 0;
}

static void
usage (void)
{
  g_printerr ("Usage:\n"
              "  chorus-bench generate [--seed S] N OUT.chorus\n"
              "  chorus-bench measure load|validate|save|stats FILE.chorus\n"
              "  chorus-bench generate-csv [--seed S] N OUT.csv\n"
              "  chorus-bench measure import-csv SURVEY.csv\n");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");

  if (argc >= 2 && (g_str_equal (argv[1], "generate") || g_str_equal (argv[1], "generate-csv")))
    {
      guint32 seed = 2010;
      guint64 n;
      int arg = 2;

      if (argc >= 4 && g_str_equal (argv[arg], "--seed"))
        {
          seed = (guint32) g_ascii_strtoull (argv[arg + 1], NULL, 10);
          arg += 2;
        }
      if (argc - arg != 2 || !g_ascii_string_to_unsigned (argv[arg], 10, 1, G_MAXUINT32 / 4, &n, NULL))
        {
          usage ();
          return EXIT_USAGE;
        }

      if (g_str_equal (argv[1], "generate-csv"))
        return generate_csv ((guint) n, argv[arg + 1], seed);
      return generate ((guint) n, argv[arg + 1], seed);
    }

  if (argc == 4 && g_str_equal (argv[1], "measure"))
    return measure (argv[2], argv[3]);

  usage ();
  return EXIT_USAGE;
}
