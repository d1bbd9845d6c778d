/* test-import.c — survey CSV, focus-group notes and merging: every word
 * arrives once, under the right question, group and activity, or is
 * reported; nothing partial on error; one undo step each
 *
 * The fixtures in tests/data/import/ come with .expected files written
 * independently of the importers: one line per item ("question-id<TAB>text")
 * and per unassigned piece ("-<TAB>line<TAB>text"), \n escaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <chorus.h>

#include "chorus-model-private.h"

/* Fixtures ---------------------------------------------------------------------- */

static void
add_question (ChorusSection *section,
              const char    *id,
              const char    *number,
              const char    *text)
{
  g_autoptr(ChorusQuestion) question = chorus_question_new (id, number, text,
                                                            CHORUS_QUESTION_KIND_FREE_TEXT);

  chorus_section_add_question (section, question);
}

/* Seed 004's questions: commissioning (numbered Q1–Q10) and HealthWatch,
 * whose numbering restarts at Q1 as it does in the real companion papers. */
static ChorusConsultation *
make_consultation (const char *id,
                   const char *title)
{
  ChorusConsultation *consultation = chorus_consultation_new (id, title);
  g_autoptr(ChorusDocument) commissioning = chorus_document_new ("commissioning",
                                                                 "Commissioning for patients");
  g_autoptr(ChorusDocument) healthwatch = chorus_document_new ("healthwatch",
                                                               "Local democratic legitimacy in health");
  g_autoptr(ChorusSection) gp = chorus_section_new ("gp-consortia", "GP consortia");
  g_autoptr(ChorusSection) hw = chorus_section_new ("establishing-healthwatch",
                                                    "Establishing HealthWatch");

  add_question (gp, "c1", "Q1", "How can GP consortia best be supported in developing their own "
                "capacity and capability in commissioning?");
  add_question (gp, "c2", "Q2", "What support will GP consortia need to access and evaluate "
                "external providers of commissioning services?");
  add_question (gp, "c3", "Q3", "In what practical ways can the NHS Commissioning Board most "
                "effectively engage GP consortia in influencing the commissioning of national and "
                "regional specialised services and the commissioning of maternity services?");
  add_question (gp, "c4", "Q4", "Are there other activities that could be undertaken by the NHS "
                "Commissioning Board to support efficient and effective local commissioning?");
  add_question (gp, "c5", "Q5", "Should there be a minimum and/or maximum population size for GP "
                "consortia?");
  add_question (gp, "c6", "Q6", "How can the NHS Commissioning Board and GP consortia best work "
                "together to ensure effective commissioning of low volume services?");
  add_question (gp, "c7", "Q7", "What safeguards are likely to be most effective in ensuring "
                "transparency and fairness in commissioning services from primary care and in "
                "promoting patient choice?");
  add_question (gp, "c8", "Q8", "What support will GP consortia need to help them manage "
                "financial risk?");
  add_question (gp, "c9", "Q9", "What features should be considered essential for the governance "
                "of GP consortia?");
  add_question (gp, "c10", "Q10", "What are the key elements that you would expect to see "
                "reflected in a commissioning outcomes framework?");
  add_question (hw, "h1", "Q1", "What needs to happen for local HealthWatch to fulfil its new "
                "functions around health complaints advocacy?");
  add_question (hw, "h2", "Q2", "What needs to happen for local HealthWatch to support people "
                "making choices, in particular to support people who do not have the means or "
                "capacity to make choices about their care?");
  add_question (hw, "h3", "Q3", "How should local HealthWatch work with the local authority and "
                "GP consortia to influence commissioning decisions?");
  add_question (hw, "h4", "Q4", "What needs to happen for local Healthwatch to support the needs "
                "of vulnerable people – such as older or very frail people?");

  chorus_document_add_section (commissioning, gp);
  chorus_document_add_section (healthwatch, hw);
  chorus_consultation_add_document (consultation, commissioning);
  chorus_consultation_add_document (consultation, healthwatch);

  return consultation;
}

static ChorusProject *
make_project (void)
{
  g_autoptr(ChorusConsultation) consultation =
    make_consultation ("liberating-the-nhs-2010", "Equity and Excellence: Liberating the NHS");

  return chorus_project_new (consultation);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static char *
escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\\')
        g_string_append (out, "\\\\");
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p == '\t')
        g_string_append (out, "\\t");
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The .expected file's item lines (sorted) and unassigned lines (in order). */
static void
read_expected (const char  *name,
               GPtrArray  **items,
               GPtrArray  **unassigned)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  *items = g_ptr_array_new_with_free_func (g_free);
  *unassigned = g_ptr_array_new_with_free_func (g_free);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      if (g_str_has_prefix (lines[i], "-\t"))
        g_ptr_array_add (*unassigned, g_strdup (lines[i] + 2));
      else
        g_ptr_array_add (*items, g_strdup (lines[i]));
    }

  g_ptr_array_sort (*items, compare_strings);
}

/* Every item of the project with @group and @activity, as "question<TAB>text". */
static GPtrArray *
items_of (ChorusProject  *project,
          ChorusGroup    *group,
          ChorusActivity *activity)
{
  GListModel *items = chorus_project_get_items (project);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);
      g_autofree char *text = escape (chorus_item_get_text (item));

      if (g_strcmp0 (chorus_item_get_group_id (item), chorus_group_get_id (group)) != 0 ||
          g_strcmp0 (chorus_item_get_activity_id (item), chorus_activity_get_id (activity)) != 0)
        continue;

      g_ptr_array_add (found, g_strdup_printf ("%s\t%s", chorus_item_get_question_id (item), text));
    }

  g_ptr_array_sort (found, compare_strings);
  return found;
}

static void
assert_same_lines (GPtrArray *actual,
                   GPtrArray *expected)
{
  for (guint i = 0; i < MIN (actual->len, expected->len); i++)
    g_assert_cmpstr (g_ptr_array_index (actual, i), ==, g_ptr_array_index (expected, i));
  g_assert_cmpuint (actual->len, ==, expected->len);
}

static GPtrArray *
unassigned_of (const ChorusImportReport *report)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < report->unassigned->len; i++)
    {
      const ChorusImportLine *line = g_ptr_array_index (report->unassigned, i);
      g_autofree char *text = escape (line->text);

      g_assert_nonnull (line->reason);
      g_ptr_array_add (found, g_strdup_printf ("%u\t%s", line->line, text));
    }

  return found;
}

/* A canonical dump of everything the tests change, from public getters. */
static char *
dump_project (ChorusProject *project)
{
  GString *out = g_string_new (NULL);
  GListModel *model;

  g_string_append_printf (out, "organisation|%s\n", chorus_project_get_organisation (project));

  model = chorus_project_get_groups (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (model, i);
      g_string_append_printf (out, "group|%s|%s|%d\n", chorus_group_get_id (group),
                              chorus_group_get_name (group), chorus_group_get_partner (group));
    }

  model = chorus_project_get_activities (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (model, i);
      g_string_append_printf (out, "activity|%s|%s|%s\n", chorus_activity_get_id (activity),
                              chorus_activity_get_title (activity),
                              chorus_activity_get_dates (activity));
    }

  model = G_LIST_MODEL (chorus_project_get_codebook (project));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (model, i);
      g_string_append_printf (out, "theme|%s|%s|%s|%s\n", chorus_theme_get_id (theme),
                              chorus_theme_get_name (theme), chorus_theme_get_colour (theme),
                              chorus_theme_get_parent_id (theme));
    }

  model = chorus_project_get_items (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (out, "item|%s|%s|%s|%s|%d|%s|%d|%s\n",
                              chorus_item_get_id (item), chorus_item_get_question_id (item),
                              chorus_item_get_group_id (item), chorus_item_get_activity_id (item),
                              chorus_item_get_stance (item), chorus_item_get_author (item),
                              chorus_item_get_publish (item), chorus_item_get_text (item));
      for (guint c = 0; c < chorus_item_get_n_codings (item); c++)
        {
          guint start, end;
          const char *theme = chorus_item_get_coding (item, c, &start, &end);
          g_string_append_printf (out, "  coding|%s|%u|%u\n", theme, start, end);
        }
    }

  model = chorus_project_get_drafts (project);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ChorusDraft) draft = g_list_model_get_item (model, i);
      g_string_append_printf (out, "draft|%d|%s|%s|%s|%s|%d\n", chorus_draft_get_kind (draft),
                              chorus_draft_get_target_id (draft), chorus_draft_get_group_id (draft),
                              chorus_draft_get_text (draft), chorus_draft_get_option_id (draft),
                              chorus_draft_get_status (draft));
    }

  return g_string_free (out, FALSE);
}

static guint
n_items (ChorusProject *project)
{
  return g_list_model_get_n_items (chorus_project_get_items (project));
}

static ChorusCsvImport *
load_csv (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  ChorusCsvImport *import = chorus_csv_import_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);

  return import;
}

static ChorusCsvImport *
csv_from_string (const char  *text,
                 gssize       length,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize) length);

  return chorus_csv_import_new_from_bytes (bytes, "bad.csv", error);
}

/* Survey CSV ------------------------------------------------------------------------ */

static void
test_csv_survey (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autoptr(ChorusCsvImport) import = load_csv ("survey-staff.csv");
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) expected_unassigned = NULL;
  g_autoptr(GPtrArray) actual = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  ChorusGroup *staff;
  ChorusActivity *survey;
  /* What each column must map to, worked out by hand from the header. */
  static const struct {
    ChorusCsvColumnRole role;
    const char *question;
    ChorusImportMatch match;
  } mapping[] = {
    { CHORUS_CSV_COLUMN_RESPONDENT_ID, NULL, CHORUS_IMPORT_MATCH_COLUMN },
    { CHORUS_CSV_COLUMN_IGNORE, NULL, CHORUS_IMPORT_MATCH_COLUMN },     /* Start date */
    { CHORUS_CSV_COLUMN_IGNORE, NULL, CHORUS_IMPORT_MATCH_COLUMN },     /* Team */
    { CHORUS_CSV_COLUMN_QUESTION, "c1", CHORUS_IMPORT_MATCH_NUMBER },   /* "Q1." shared with h1 */
    { CHORUS_CSV_COLUMN_QUESTION, "c2", CHORUS_IMPORT_MATCH_NUMBER },   /* "Q2)" abbreviated */
    { CHORUS_CSV_COLUMN_QUESTION, "c5", CHORUS_IMPORT_MATCH_NUMBER },   /* "Question 5 –" */
    { CHORUS_CSV_COLUMN_QUESTION, "c8", CHORUS_IMPORT_MATCH_TEXT },     /* words only */
    { CHORUS_CSV_COLUMN_QUESTION, "h3", CHORUS_IMPORT_MATCH_NUMBER },   /* "Q3." shared with c3 */
    { CHORUS_CSV_COLUMN_IGNORE, NULL, CHORUS_IMPORT_MATCH_COLUMN },     /* Your name: personal */
    { CHORUS_CSV_COLUMN_IGNORE, NULL, CHORUS_IMPORT_MATCH_NONE },       /* Any other comments */
  };

  g_assert_null (chorus_csv_import_get_encoding (import));
  g_assert_cmpuint (chorus_csv_import_get_n_columns (import), ==, G_N_ELEMENTS (mapping));
  g_assert_cmpuint (chorus_csv_import_get_n_rows (import), ==, 10);
  g_assert_cmpuint (chorus_csv_import_get_n_ragged_rows (import), ==, 0);
  /* The BOM is not part of the first heading. */
  g_assert_cmpstr (chorus_csv_import_get_header (import, 0), ==, "Respondent ID");
  /* Row 1 spans lines 2–17: two of its answers have line breaks in them. */
  g_assert_cmpuint (chorus_csv_import_get_row_line (import, 0), ==, 2);
  g_assert_cmpuint (chorus_csv_import_get_row_line (import, 1), ==, 18);
  g_assert_cmpstr (chorus_csv_import_get_cell (import, 4, 6), ==,
                   "Training on budgets – even £5,000 a year per practice would help");

  chorus_csv_import_guess_mapping (import, chorus_project_get_consultation (project));
  for (guint i = 0; i < G_N_ELEMENTS (mapping); i++)
    {
      g_test_message ("column %u", i + 1);
      g_assert_cmpint (chorus_csv_import_get_column_role (import, i), ==, mapping[i].role);
      g_assert_cmpstr (chorus_csv_import_get_column_question (import, i), ==, mapping[i].question);
      g_assert_cmpint (chorus_csv_import_get_column_match (import, i), ==, mapping[i].match);
    }

  staff = chorus_project_add_group (project, "Staff", FALSE);
  survey = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY,
                                        "Online staff survey");
  chorus_project_add_group (project, "Public", FALSE);
  before = dump_project (project);

  chorus_import_report_init (&report);
  g_assert_true (chorus_csv_import_apply (import, project, staff, survey, FALSE, &report, &error));
  g_assert_no_error (error);

  read_expected ("survey-staff.expected", &expected, &expected_unassigned);
  actual = items_of (project, staff, survey);
  assert_same_lines (actual, expected);
  g_assert_cmpuint (n_items (project), ==, expected->len);
  g_assert_cmpuint (expected_unassigned->len, ==, 0);

  /* Authors are personal data: not recorded unless a column is mapped. */
  for (guint i = 0; i < n_items (project); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (chorus_project_get_items (project), i);
      g_assert_null (chorus_item_get_author (item));
    }

  g_assert_cmpuint (report.n_read, ==, 10);
  g_assert_cmpuint (report.n_created, ==, 26);
  g_assert_cmpuint (report.items->len, ==, 26);
  /* 5 mapped columns x 10 rows - 26 answers */
  g_assert_cmpuint (report.n_skipped_empty, ==, 24);
  /* dates 10, teams 8, one name, two comments */
  g_assert_cmpuint (report.n_skipped_unmapped, ==, 21);
  g_assert_cmpuint (report.n_skipped_duplicate, ==, 0);
  g_assert_cmpuint (report.unassigned->len, ==, 0);
  g_assert_null (report.encoding);

  text = chorus_import_report_format (&report);
  g_assert_nonnull (strstr (text, "10 rows read, 26 items created"));
  g_assert_nonnull (strstr (text, "24 empty cells"));

  /* One undo step takes all of it away, and redo brings it back. */
  g_assert_cmpstr (chorus_project_get_undo_label (project), ==, "Import “survey-staff.csv”");
  g_assert_true (chorus_project_undo (project));
  after = dump_project (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (chorus_project_redo (project));
  g_assert_cmpuint (n_items (project), ==, 26);
}

static void
test_csv_reimport (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autoptr(ChorusCsvImport) import = load_csv ("survey-staff.csv");
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  ChorusGroup *staff = chorus_project_add_group (project, "Staff", FALSE);
  ChorusGroup *public = chorus_project_add_group (project, "Public", FALSE);
  ChorusActivity *survey = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY,
                                                        "Online staff survey");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  chorus_csv_import_guess_mapping (import, chorus_project_get_consultation (project));
  chorus_import_report_init (&report);

  g_assert_cmpuint (chorus_csv_import_count_duplicates (import, project, staff, survey), ==, 0);
  g_assert_true (chorus_csv_import_apply (import, project, staff, survey, TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_created, ==, 26);

  /* The same file again: everything is a duplicate, the two "no" answers
   * to Q5 included, and nothing is added (not even an undo step). */
  g_assert_cmpuint (chorus_csv_import_count_duplicates (import, project, staff, survey), ==, 26);
  before = dump_project (project);
  g_assert_true (chorus_csv_import_apply (import, project, staff, survey, TRUE, &report, &error));
  g_assert_cmpuint (report.n_created, ==, 0);
  g_assert_cmpuint (report.n_skipped_duplicate, ==, 26);
  after = dump_project (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (chorus_project_get_undo_label (project), ==, "Import “survey-staff.csv”");

  /* A different group is not a duplicate. */
  g_assert_cmpuint (chorus_csv_import_count_duplicates (import, project, public, survey), ==, 0);

  /* Asked not to skip, the import adds them again and says so. */
  g_assert_true (chorus_csv_import_apply (import, project, staff, survey, FALSE, &report, &error));
  g_assert_cmpuint (report.n_created, ==, 26);
  g_assert_cmpuint (report.n_duplicates_kept, ==, 26);
  g_assert_cmpuint (n_items (project), ==, 52);
}

static void
test_csv_windows_1252 (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autoptr(ChorusCsvImport) import = load_csv ("survey-cp1252.csv");
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) expected_unassigned = NULL;
  g_autoptr(GPtrArray) actual = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  g_autofree char *text = NULL;
  ChorusGroup *staff = chorus_project_add_group (project, "Staff", FALSE);
  ChorusActivity *survey = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY,
                                                        "Online staff survey");

  g_assert_cmpstr (chorus_csv_import_get_encoding (import), ==, "Windows-1252");
  g_assert_cmpuint (chorus_csv_import_get_n_columns (import), ==, 10);
  g_assert_cmpstr (chorus_csv_import_get_header (import, 4), ==,
                   "Q2) External providers of commissioning services – what support will GP "
                   "consortia need?");

  chorus_csv_import_guess_mapping (import, chorus_project_get_consultation (project));
  chorus_import_report_init (&report);
  g_assert_true (chorus_csv_import_apply (import, project, staff, survey, FALSE, &report, &error));
  g_assert_no_error (error);

  read_expected ("survey-cp1252.expected", &expected, &expected_unassigned);
  actual = items_of (project, staff, survey);
  assert_same_lines (actual, expected);
  g_assert_cmpstr (report.encoding, ==, "Windows-1252");

  text = chorus_import_report_format (&report);
  g_assert_nonnull (strstr (text, "converted from Windows-1252"));
}

static void
test_csv_malformed (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  ChorusGroup *staff = chorus_project_add_group (project, "Staff", FALSE);
  g_autofree char *before = dump_project (project);
  g_autofree char *after = NULL;
  g_autoptr(ChorusCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };

  /* The quote opened on line 3 never closes. */
  import = csv_from_string ("Q1,Q5\r\nyes,no\r\n\"open,no\r\nmore,text\r\n", -1, &error);
  g_assert_null (import);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "bad.csv:3: unterminated quoted cell");
  g_clear_error (&error);

  /* ... here with a complete row between. */
  import = csv_from_string ("Q1,Q5\n\"a\nb\",c\nd,\"e\n\nf,g\n", -1, &error);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "bad.csv:4: unterminated quoted cell");
  g_clear_error (&error);

  /* A quote in the middle of an unquoted cell. */
  import = csv_from_string ("Q1,Q5\nfine,fine\nsay \"hi\",x\n", -1, &error);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "bad.csv:3: "));
  g_clear_error (&error);

  /* Ragged rows: read, but not imported unless accepted. */
  import = csv_from_string ("Q8,Q5,Team\nyes,no,HR\na,b\nc,d,e,f\nlast,row,x\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_csv_import_get_n_ragged_rows (import), ==, 2);
  g_assert_cmpuint (chorus_csv_import_get_first_ragged_line (import), ==, 3);
  chorus_csv_import_guess_mapping (import, chorus_project_get_consultation (project));

  chorus_import_report_init (&report);
  g_assert_false (chorus_csv_import_apply (import, project, staff, NULL, FALSE, &report, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "bad.csv:3: this row has 2 cells but the header has 3"));
  g_clear_error (&error);
  after = dump_project (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_items (project), ==, 0);

  chorus_csv_import_set_accept_ragged (import, TRUE);
  g_assert_true (chorus_csv_import_apply (import, project, staff, NULL, FALSE, &report, &error));
  g_assert_no_error (error);
  /* yes no | a b | c d | last row, under c8 and c5 */
  g_assert_cmpuint (report.n_created, ==, 8);
  g_assert_cmpuint (report.unassigned->len, ==, 1);
  g_assert_cmpuint (((ChorusImportLine *) g_ptr_array_index (report.unassigned, 0))->line, ==, 4);
  g_assert_cmpstr (((ChorusImportLine *) g_ptr_array_index (report.unassigned, 0))->text, ==, "f");
}

static void
test_csv_edge_cases (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autoptr(ChorusCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  g_autoptr(GString) big = g_string_new ("\"Q9\",Q8\r\n\"");
  const char *unit = "A \"long\" answer about GP consortia,\nline after line. ";
  g_autofree char *utf16 = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  gsize utf16_length;
  static const char empty_bom[] = "\xef\xbb\xbf";
  static const char with_nul[] = "Q1,Q2\nok,fine\nbad\0byte,x\n";

  /* Nothing but a byte-order mark. */
  import = csv_from_string (empty_bom, -1, &error);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_clear_error (&error);

  /* A NUL byte: not a text file; the line is named. */
  import = csv_from_string (with_nul, sizeof with_nul - 1, &error);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "bad.csv:3: "));
  g_clear_error (&error);

  /* A header and no rows. */
  import = csv_from_string ("Q1,Q2\r\n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_csv_import_get_n_rows (import), ==, 0);
  g_clear_object (&import);

  /* Commas, doubled quotes, CR, LF and CRLF inside quoted cells; old Mac
   * line ends between rows; blank lines; spaces around cells. */
  import = csv_from_string ("Q9,Q10\r\"a, b\",\"He said \"\"hi\"\"\"\r\r\n\r\n"
                            "  \"x\ry\r\nz\"  ,  plain  \n", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_csv_import_get_n_rows (import), ==, 2);
  g_assert_cmpstr (chorus_csv_import_get_cell (import, 0, 0), ==, "a, b");
  g_assert_cmpstr (chorus_csv_import_get_cell (import, 0, 1), ==, "He said \"hi\"");
  g_assert_cmpuint (chorus_csv_import_get_row_line (import, 0), ==, 2);
  g_assert_cmpuint (chorus_csv_import_get_row_line (import, 1), ==, 5);
  chorus_csv_import_guess_mapping (import, chorus_project_get_consultation (project));
  chorus_import_report_init (&report);
  g_assert_true (chorus_csv_import_apply (import, project, NULL, NULL, FALSE, &report, &error));
  g_assert_cmpuint (report.n_created, ==, 4);
  g_assert_cmpstr (chorus_item_get_text (g_ptr_array_index (report.items, 2)), ==, "x\ny\nz");
  g_clear_object (&import);

  /* A very long cell (2 MB, with quotes and line breaks) arrives whole. */
  for (guint i = 0; i < 40000; i++)
    g_string_append (big, "A \"\"long\"\" answer about GP consortia,\nline after line. ");
  g_string_append (big, "\",short\r\n");
  import = csv_from_string (big->str, big->len, &error);
  g_assert_no_error (error);
  chorus_csv_import_guess_mapping (import, chorus_project_get_consultation (project));
  g_assert_cmpstr (chorus_csv_import_get_column_question (import, 0), ==, "c9");
  g_assert_cmpuint (strlen (chorus_csv_import_get_cell (import, 0, 0)), ==, 40000 * strlen (unit));
  g_assert_true (chorus_csv_import_apply (import, project, NULL, NULL, FALSE, &report, &error));
  g_assert_cmpuint (chorus_item_get_length (g_ptr_array_index (report.items, 0)), ==,
                    40000 * strlen (unit) - 1);
  g_clear_object (&import);

  /* Excel's "Unicode text": UTF-16LE with a byte-order mark, tab separated. */
  utf16 = g_convert ("Respondent\tQ8\r\n7\tA £5 budget\r\n", -1, "UTF-16LE", "UTF-8", NULL,
                     &utf16_length, &error);
  g_assert_no_error (error);
  g_byte_array_append (bytes, (const guint8 *) "\xff\xfe", 2);
  g_byte_array_append (bytes, (const guint8 *) utf16, utf16_length);
  import = csv_from_string ((const char *) bytes->data, bytes->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chorus_csv_import_get_encoding (import), ==, "UTF-16");
  g_assert_cmpstr (chorus_csv_import_get_cell (import, 0, 1), ==, "A £5 budget");
}

static void
test_csv_mapping (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  g_autoptr(ChorusCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  static const struct {
    const char *header;
    const char *question;
  } headers[] = {
    { "Q9.", "c9" },
    { "9)", "c9" },
    { "Question 10 – commissioning outcomes framework", "c10" },
    { "q 6", "c6" },
    { "Population size of GP consortia", "c5" },
    { "HealthWatch: vulnerable people such as older or frail people", "h4" },
    /* The survey's own numbering disagrees with the consultation's: the
     * words decide. */
    { "Q1. What safeguards are likely to be most effective in ensuring transparency and "
      "fairness in commissioning services from primary care?", "c7" },
    /* Shared by c1 and h1, and no words to tell them apart. */
    { "Q1", NULL },
    { "Q42", NULL },
    { "Favourite colour", NULL },
    { "GP consortia", NULL },
  };
  g_autoptr(GString) csv = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    g_string_append_printf (csv, "%s\"%s\"", i ? "," : "", headers[i].header);
  g_string_append (csv, ",First name,Surname\n");
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    g_string_append_printf (csv, "answer %u,", i);
  g_string_append (csv, "Ann,Other\n");

  import = csv_from_string (csv->str, csv->len, &error);
  g_assert_no_error (error);
  chorus_csv_import_guess_mapping (import, consultation);

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_test_message ("header “%s”", headers[i].header);
      g_assert_cmpstr (chorus_csv_import_get_column_question (import, i), ==, headers[i].question);
    }

  g_assert_cmpint (chorus_csv_import_find_column (import, "favourite COLOUR"), ==, 9);
  g_assert_cmpint (chorus_csv_import_find_column (import, "8"), ==, 7);
  g_assert_cmpint (chorus_csv_import_find_column (import, "no such column"), ==, -1);

  /* The user's corrections, and two author columns joined. */
  chorus_csv_import_set_column_question (import, 7, "h1");
  chorus_csv_import_set_column_question (import, 0, NULL);
  chorus_csv_import_set_column_role (import, 11, CHORUS_CSV_COLUMN_AUTHOR);
  chorus_csv_import_set_column_role (import, 12, CHORUS_CSV_COLUMN_AUTHOR);
  g_assert_cmpint (chorus_csv_import_get_column_match (import, 7), ==, CHORUS_IMPORT_MATCH_USER);
  g_assert_cmpint (chorus_csv_import_get_column_role (import, 0), ==, CHORUS_CSV_COLUMN_IGNORE);

  chorus_import_report_init (&report);
  g_assert_true (chorus_csv_import_apply (import, project, NULL, NULL, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_created, ==, 7);
  for (guint i = 0; i < report.items->len; i++)
    g_assert_cmpstr (chorus_item_get_author (g_ptr_array_index (report.items, i)), ==, "Ann Other");
  g_assert_cmpstr (chorus_item_get_question_id (g_ptr_array_index (report.items, 6)), ==, "h1");
  g_assert_cmpstr (chorus_item_get_text (g_ptr_array_index (report.items, 6)), ==, "answer 7");

  /* A question the project's consultation does not have: nothing imported. */
  chorus_csv_import_set_column_question (import, 8, "no-such-question");
  g_assert_false (chorus_csv_import_apply (import, project, NULL, NULL, FALSE, &report, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID);
  g_assert_cmpuint (n_items (project), ==, 7);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The window reads files in a thread; the result is the same. */
static void
test_csv_async (void)
{
  g_autofree char *path = fixture_path ("survey-staff.csv");
  g_autofree char *notes_path = fixture_path ("focus-group-2.txt");
  g_autofree char *missing = fixture_path ("no-such-file.csv");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(ChorusCsvImport) import = NULL;
  g_autoptr(ChorusNotesImport) notes = NULL;
  g_autoptr(GError) error = NULL;

  chorus_csv_import_new_from_file_async (path, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  import = chorus_csv_import_new_from_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (chorus_csv_import_get_n_rows (import), ==, 10);
  g_clear_object (&result);

  chorus_csv_import_new_from_file_async (missing, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (chorus_csv_import_new_from_file_finish (result, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  /* The path as given, as the project loader names a file it cannot read. */
  {
    g_autofree char *expected = g_strdup_printf ("%s: could not be read: ", missing);

    g_assert_true (g_str_has_prefix (error->message, expected));
  }
  g_clear_error (&error);
  g_clear_object (&result);

  chorus_notes_import_new_from_file_async (notes_path, NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  notes = chorus_notes_import_new_from_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chorus_notes_import_get_display_name (notes), ==, "focus-group-2.txt");
}

/* Focus-group notes ------------------------------------------------------------------ */

static void
check_notes (const char *name,
             guint       session)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autofree char *path = fixture_path (name);
  g_autofree char *expected_name = NULL;
  g_autofree char *title = g_strdup_printf ("Staff focus group %u", session);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(ChorusNotesImport) import = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) expected_unassigned = NULL;
  g_autoptr(GPtrArray) actual = NULL;
  g_autoptr(GPtrArray) actual_unassigned = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  ChorusGroup *staff = chorus_project_add_group (project, "Staff", FALSE);
  ChorusActivity *group = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_FOCUS_GROUP,
                                                       title);

  g_test_message ("%s", name);
  expected_name = g_strdup_printf ("%.*s.expected", (int) (strrchr (name, '.') - name), name);
  read_expected (expected_name, &expected, &expected_unassigned);

  import = chorus_notes_import_new_from_file (path, &error);
  g_assert_no_error (error);
  chorus_notes_import_guess (import, chorus_project_get_consultation (project));
  for (guint i = 0; i < chorus_notes_import_get_n_blocks (import); i++)
    g_test_message ("  block %u line %u kind %d question %s: %s", i,
                    chorus_notes_import_get_block_line (import, i),
                    chorus_notes_import_get_block_kind (import, i),
                    chorus_notes_import_get_block_question (import, i),
                    chorus_notes_import_get_block_text (import, i));

  before = dump_project (project);
  chorus_import_report_init (&report);
  g_assert_true (chorus_notes_import_apply (import, project, staff, group, TRUE, &report, &error));
  g_assert_no_error (error);

  actual = items_of (project, staff, group);
  assert_same_lines (actual, expected);
  g_assert_cmpuint (n_items (project), ==, expected->len);
  g_assert_cmpuint (report.n_created, ==, expected->len);

  actual_unassigned = unassigned_of (&report);
  for (guint i = 0; i < MIN (actual_unassigned->len, expected_unassigned->len); i++)
    g_assert_cmpstr (g_ptr_array_index (actual_unassigned, i), ==,
                     g_ptr_array_index (expected_unassigned, i));
  g_assert_cmpuint (actual_unassigned->len, ==, expected_unassigned->len);

  /* Again: nothing new. */
  g_assert_true (chorus_notes_import_apply (import, project, staff, group, TRUE, &report, &error));
  g_assert_cmpuint (report.n_created, ==, 0);
  g_assert_cmpuint (report.n_skipped_duplicate, ==, expected->len);

  /* One undo step. */
  g_assert_true (chorus_project_undo (project));
  after = dump_project (project);
  g_assert_cmpstr (after, ==, before);
}

static void
test_notes_focus_groups (void)
{
  check_notes ("focus-group-1.md", 1);
  check_notes ("focus-group-2.txt", 2);
  check_notes ("focus-group-3.txt", 3);
}

static void
test_notes_place_by_hand (void)
{
  g_autoptr(ChorusProject) project = make_project ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ChorusNotesImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(ChorusImportReport) report = { 0 };
  static const char notes[] =
    "Notes typed on the train, no questions named\n"
    "\n"
    "- Fear that services will not be available locally\n"
    "- Ensure clinicians are on board from the beginning\n"
    "\n"
    "Q4\n"
    "* Regional or national commissioning would be more cost effective\n";

  bytes = g_bytes_new_static (notes, sizeof notes - 1);
  import = chorus_notes_import_new_from_bytes (bytes, "train.txt", &error);
  g_assert_no_error (error);
  chorus_notes_import_guess (import, chorus_project_get_consultation (project));

  /* "Q4" is shared by c4 and h4, with no words and no earlier question to
   * tell which: kept for the user, with what follows it. */
  g_assert_cmpuint (chorus_notes_import_get_n_blocks (import), ==, 5);
  g_assert_cmpint (chorus_notes_import_get_block_kind (import, 1), ==, CHORUS_NOTES_BLOCK_INPUT);
  g_assert_null (chorus_notes_import_get_block_question (import, 1));
  g_assert_cmpint (chorus_notes_import_get_block_kind (import, 3), ==, CHORUS_NOTES_BLOCK_OTHER);

  chorus_notes_import_set_block_question (import, 1, "c3");
  chorus_notes_import_set_block_question (import, 4, "c4");

  chorus_import_report_init (&report);
  g_assert_true (chorus_notes_import_apply (import, project, NULL, NULL, FALSE, &report, &error));
  g_assert_cmpuint (report.n_created, ==, 2);
  g_assert_cmpuint (report.unassigned->len, ==, 3);
  g_assert_cmpuint (((ChorusImportLine *) g_ptr_array_index (report.unassigned, 1))->line, ==, 4);
  g_assert_cmpstr (chorus_item_get_question_id (g_ptr_array_index (report.items, 0)), ==, "c3");
}

/* Merging ----------------------------------------------------------------------------- */

static void
load_item (GPtrArray  *items,
           const char *id,
           const char *question,
           const char *group,
           const char *activity,
           const char *text)
{
  g_ptr_array_add (items, _chorus_item_new_take (g_strdup (id), question, group, activity,
                                                 g_strdup (text), CHORUS_STANCE_UNSET, NULL,
                                                 TRUE));
}

/* The same file opened by two people: identical ids. */
static ChorusProject *
make_shared_copy (void)
{
  ChorusProject *project = make_project ();
  g_autoptr(ChorusGroup) staff = chorus_group_new ("staff", "Staff");
  g_autoptr(ChorusActivity) fg = chorus_activity_new ("staff-focus-groups",
                                                      CHORUS_ACTIVITY_KIND_FOCUS_GROUP,
                                                      "Staff focus groups");
  g_autoptr(ChorusTheme) quality = chorus_theme_new ("quality", "Quality", "#0072b2");
  g_autoptr(ChorusTheme) workforce = chorus_theme_new ("workforce", "Workforce", "#e69f00");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  _chorus_project_load_group (project, staff);
  _chorus_project_load_activity (project, fg);
  _chorus_project_load_theme (project, quality);
  _chorus_project_load_theme (project, workforce);
  load_item (items, "i-0000000000000001", "c1", "staff", "staff-focus-groups",
             "By employing PCT staff!");
  load_item (items, "i-0000000000000002", "c1", "staff", "staff-focus-groups",
             "Having a structured handover period");
  load_item (items, "i-0000000000000003", "c5", "staff", "staff-focus-groups",
             "NO - not relevant");
  load_item (items, "i-0000000000000004", "c8", "staff", "staff-focus-groups",
             "Financial experts");
  load_item (items, "i-0000000000000005", "h1", "staff", "staff-focus-groups",
             "Need to understand what local means");
  _chorus_project_load_items (project, items);
  chorus_project_mark_saved (project);

  return project;
}

static ChorusItem *
item (ChorusProject *project,
      const char    *id)
{
  ChorusItem *found = chorus_project_find_item (project, id);

  g_assert_nonnull (found);
  return found;
}

static ChorusItem *
item_with_text (ChorusProject *project,
                const char    *text)
{
  GListModel *items = chorus_project_get_items (project);
  ChorusItem *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) candidate = g_list_model_get_item (items, i);

      if (g_str_equal (chorus_item_get_text (candidate), text))
        {
          g_assert_null (found);
          found = candidate;
        }
    }

  g_assert_nonnull (found);
  return found;
}

static ChorusTheme *
theme (ChorusProject *project,
       const char    *name)
{
  ChorusTheme *found = chorus_codebook_find_by_name (chorus_project_get_codebook (project), name);

  g_assert_nonnull (found);
  return found;
}

static void
test_merge_edits (void)
{
  g_autoptr(ChorusProject) ours = make_shared_copy ();
  g_autoptr(ChorusProject) theirs = make_shared_copy ();
  g_autoptr(GError) error = NULL;
  g_auto(ChorusMergeReport) report = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *text = NULL;
  ChorusItem *added;
  ChorusTheme *access;
  ChorusActivity *fg3;
  ChorusGroup *council;
  ChorusMergeConflict *text_conflict = NULL;

  /* Our edits. */
  chorus_project_add_coding (ours, item (ours, "i-0000000000000001"), theme (ours, "Quality"), 0,
                             G_MAXUINT);
  chorus_project_set_item_stance (ours, item (ours, "i-0000000000000002"), CHORUS_STANCE_AGREE);
  chorus_project_set_item_text (ours, item (ours, "i-0000000000000003"), "No – not relevant");
  chorus_project_set_answer_text (ours, "c1", "Our answer to Q1.");
  chorus_project_add_item (ours, "c9", chorus_project_find_group (ours, "staff"), NULL,
                           "HR framework?? Corporate support services.");

  /* Theirs: a facilitator's session, coded with a theme of their own. */
  chorus_project_add_coding (theirs, item (theirs, "i-0000000000000001"),
                             theme (theirs, "Workforce"), 3, 12);
  chorus_project_set_item_stance (theirs, item (theirs, "i-0000000000000002"),
                                  CHORUS_STANCE_DISAGREE);
  chorus_project_set_item_text (theirs, item (theirs, "i-0000000000000003"), "NO - irrelevant");
  chorus_project_set_item_stance (theirs, item (theirs, "i-0000000000000004"), CHORUS_STANCE_MIXED);
  chorus_project_set_item_author (theirs, item (theirs, "i-0000000000000005"), "A. Facilitator");
  chorus_project_set_answer_text (theirs, "c1", "Their answer to Q1.");
  chorus_project_set_answer_text (theirs, "c2", "Their answer to Q2.");
  chorus_project_set_answer_status (theirs, "c2", CHORUS_DRAFT_STATUS_IN_REVIEW);
  council = chorus_project_add_group (theirs, "Trafford Council", TRUE);
  chorus_project_set_partner_response (theirs, council, "h1", "HealthWatch needs resources.");
  fg3 = chorus_project_add_activity (theirs, CHORUS_ACTIVITY_KIND_FOCUS_GROUP, "Focus group 3");
  chorus_project_set_activity_dates (theirs, fg3, "29 Sep 10");
  access = chorus_project_add_theme (theirs, "Access", NULL);
  chorus_project_add_theme (theirs, "Local access", access);
  chorus_project_rename_theme (theirs, theme (theirs, "Quality"), "QUALITY");
  added = chorus_project_add_item (theirs, "h3", chorus_project_find_group (theirs, "staff"), fg3,
                                   "Use charities to deliver the message");
  chorus_project_add_coding (theirs, added, theme (theirs, "Local access"), 0, 3);
  chorus_project_add_coding (theirs, added, theme (theirs, "QUALITY"), 4, 12);

  before = dump_project (ours);
  chorus_merge_report_init (&report);
  g_assert_true (chorus_project_merge (ours, theirs, &report, &error));
  g_assert_no_error (error);

  text = chorus_merge_report_format (&report);
  g_test_message ("%s", text);

  /* Their new input, with its activity and codings mapped to our ids. */
  added = item_with_text (ours, "Use charities to deliver the message");
  g_assert_cmpstr (chorus_item_get_question_id (added), ==, "h3");
  g_assert_cmpstr (chorus_item_get_group_id (added), ==, "staff");
  fg3 = chorus_project_find_activity (ours, chorus_item_get_activity_id (added));
  g_assert_cmpstr (chorus_activity_get_title (fg3), ==, "Focus group 3");
  g_assert_cmpstr (chorus_activity_get_dates (fg3), ==, "29 Sep 10");
  g_assert_true (chorus_item_has_theme (added, chorus_theme_get_id (theme (ours, "Local access"))));
  g_assert_true (chorus_item_has_theme (added, "quality"));
  g_assert_cmpstr (chorus_theme_get_parent_id (theme (ours, "Local access")), ==,
                   chorus_theme_get_id (theme (ours, "Access")));

  /* Codings from both sides on the same text. */
  g_assert_true (chorus_item_has_theme (item (ours, "i-0000000000000001"), "quality"));
  g_assert_true (chorus_item_has_theme (item (ours, "i-0000000000000001"), "workforce"));
  /* Filled in from theirs: a stance and an author we had not set. */
  g_assert_cmpint (chorus_item_get_stance (item (ours, "i-0000000000000004")), ==,
                   CHORUS_STANCE_MIXED);
  g_assert_cmpstr (chorus_item_get_author (item (ours, "i-0000000000000005")), ==,
                   "A. Facilitator");
  /* Ours kept where both changed. */
  g_assert_cmpint (chorus_item_get_stance (item (ours, "i-0000000000000002")), ==,
                   CHORUS_STANCE_AGREE);
  g_assert_cmpstr (chorus_item_get_text (item (ours, "i-0000000000000003")), ==,
                   "No – not relevant");
  g_assert_cmpstr (chorus_project_get_answer (ours, "c1") ?
                   chorus_draft_get_text (chorus_project_get_answer (ours, "c1")) : NULL, ==,
                   "Our answer to Q1.");
  /* Drafts only they wrote. */
  g_assert_cmpstr (chorus_draft_get_text (chorus_project_get_answer (ours, "c2")), ==,
                   "Their answer to Q2.");
  g_assert_cmpint (chorus_project_get_answer_status (ours, "c2"), ==,
                   CHORUS_DRAFT_STATUS_IN_REVIEW);
  council = chorus_project_find_group (ours, "trafford-council");
  g_assert_nonnull (council);
  g_assert_true (chorus_group_get_partner (council));
  g_assert_cmpstr (chorus_project_get_partner_response (ours, council, "h1"), ==,
                   "HealthWatch needs resources.");
  /* Our own new item is still there. */
  item_with_text (ours, "HR framework?? Corporate support services.");

  g_assert_cmpuint (report.n_items_added, ==, 1);
  g_assert_cmpuint (report.n_items_updated, ==, 3);
  g_assert_cmpuint (report.n_items_unchanged, ==, 0);
  g_assert_cmpuint (report.n_themes_added, ==, 2);
  g_assert_cmpuint (report.n_themes_matched, ==, 2);
  g_assert_cmpuint (report.n_groups_added, ==, 1);
  g_assert_cmpuint (report.n_activities_added, ==, 1);
  g_assert_cmpuint (report.n_drafts_filled, ==, 2);

  /* Three conflicts: a stance, a text, an answer. */
  g_assert_cmpuint (report.conflicts->len, ==, 3);
  for (guint i = 0; i < report.conflicts->len; i++)
    {
      ChorusMergeConflict *conflict = g_ptr_array_index (report.conflicts, i);

      if (conflict->kind == CHORUS_MERGE_CONFLICT_ITEM &&
          g_str_equal (conflict->target_id, "i-0000000000000003"))
        text_conflict = conflict;
    }
  g_assert_nonnull (text_conflict);
  g_assert_cmpstr (chorus_item_get_text (CHORUS_ITEM (text_conflict->theirs)), ==,
                   "NO - irrelevant");
  g_assert_nonnull (strstr (text, "3 conflicts; ours were kept"));

  /* One undo step back to exactly our state before the merge. */
  g_assert_cmpstr (chorus_project_get_undo_label (ours), ==, "Merge “the other project”");
  merged = dump_project (ours);
  g_assert_true (chorus_project_undo (ours));
  after = dump_project (ours);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (chorus_project_redo (ours));
  g_clear_pointer (&after, g_free);
  after = dump_project (ours);
  g_assert_cmpstr (after, ==, merged);

  /* Taking theirs is one more step. */
  g_assert_true (chorus_project_merge_take_theirs (ours, text_conflict));
  g_assert_true (text_conflict->resolved);
  g_assert_false (chorus_project_merge_take_theirs (ours, text_conflict));
  g_assert_cmpstr (chorus_item_get_text (item (ours, "i-0000000000000003")), ==, "NO - irrelevant");
  g_assert_true (chorus_project_undo (ours));
  g_assert_cmpstr (chorus_item_get_text (item (ours, "i-0000000000000003")), ==,
                   "No – not relevant");

  /* Merging the same file again adds nothing new. */
  g_assert_true (chorus_project_merge (ours, theirs, &report, &error));
  g_assert_cmpuint (report.n_items_added, ==, 0);
  g_assert_cmpuint (report.n_themes_added, ==, 0);
  g_assert_cmpuint (report.n_groups_added, ==, 0);
  g_assert_cmpuint (report.n_activities_added, ==, 0);
  g_assert_cmpuint (report.conflicts->len, ==, 3);
  g_assert_cmpuint (n_items (ours), ==, 7);
}

static void
test_merge_other_consultation (void)
{
  g_autoptr(ChorusProject) ours = make_project ();
  g_autoptr(ChorusConsultation) essex =
    make_consultation ("patient-led-nhs-essex-2005", "Commissioning a Patient-led NHS in Essex");
  g_autoptr(ChorusProject) theirs = chorus_project_new (essex);
  g_autoptr(GError) error = NULL;

  g_assert_false (chorus_project_merge (ours, theirs, NULL, &error));
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_WRONG_KIND);
  g_assert_nonnull (strstr (error->message, "Commissioning a Patient-led NHS in Essex"));
  g_assert_nonnull (strstr (error->message, "Equity and Excellence: Liberating the NHS"));
  g_assert_false (chorus_project_can_undo (ours));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/survey", test_csv_survey);
  g_test_add_func ("/import/csv/reimport", test_csv_reimport);
  g_test_add_func ("/import/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/import/csv/malformed", test_csv_malformed);
  g_test_add_func ("/import/csv/edge-cases", test_csv_edge_cases);
  g_test_add_func ("/import/csv/mapping", test_csv_mapping);
  g_test_add_func ("/import/csv/async", test_csv_async);
  g_test_add_func ("/import/notes/focus-groups", test_notes_focus_groups);
  g_test_add_func ("/import/notes/place-by-hand", test_notes_place_by_hand);
  g_test_add_func ("/import/merge/edits", test_merge_edits);
  g_test_add_func ("/import/merge/other-consultation", test_merge_other_consultation);

  return g_test_run ();
}
