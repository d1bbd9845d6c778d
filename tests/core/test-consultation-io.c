/* test-consultation-io.c — reading and writing *.consultation.xml
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <chorus.h>

static char *
example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "examples", name, NULL);
}

/* Everything a consultation holds, from the public getters only, so the
 * comparison does not depend on the writer. */
static char *
dump_consultation (ChorusConsultation *consultation)
{
  GString *out = g_string_new (NULL);
  GListModel *documents = chorus_consultation_get_documents (consultation);

  g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%s\n",
                          chorus_consultation_get_id (consultation),
                          chorus_consultation_get_title (consultation),
                          chorus_consultation_get_issuer (consultation),
                          chorus_consultation_get_reference (consultation),
                          chorus_consultation_get_opens (consultation),
                          chorus_consultation_get_closes (consultation),
                          chorus_consultation_get_description (consultation));

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);
      GListModel *sections = chorus_document_get_sections (document);

      g_string_append_printf (out, " document|%s|%s|%s\n", chorus_document_get_id (document),
                              chorus_document_get_title (document),
                              chorus_document_get_summary (document));
      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
          GListModel *questions = chorus_section_get_questions (section);

          g_string_append_printf (out, "  section|%s|%s\n", chorus_section_get_id (section),
                                  chorus_section_get_title (section));
          for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
            {
              g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);

              g_string_append_printf (out, "   question|%s|%s|%d|%s|%s\n",
                                      chorus_question_get_id (question),
                                      chorus_question_get_number (question),
                                      chorus_question_get_kind (question),
                                      chorus_question_get_reference (question),
                                      chorus_question_get_text (question));
              for (guint o = 0; o < chorus_question_get_n_options (question); o++)
                g_string_append_printf (out, "    option|%s|%s\n",
                                        chorus_question_get_option_id (question, o),
                                        chorus_question_get_option_label (question, o));
            }
        }
    }

  return g_string_free (out, FALSE);
}

/* Load, write, load again: the same model, and the second write is the
 * same bytes as the first. The bundled files are laid out as Chorus writes
 * them, but carry comments for their maintainers, which a model has no
 * place for: apart from those, writing gives back the file on disk. */
static void
check_round_trip (ChorusConsultation *consultation,
                  const char         *path)
{
  g_autoptr(GBytes) first = chorus_consultation_to_bytes (consultation);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) again = chorus_consultation_load_bytes (first, "again.xml", &error);
  g_autoptr(GBytes) second = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *on_disk = NULL;
  gsize length;

  g_assert_no_error (error);
  second = chorus_consultation_to_bytes (again);
  g_assert_true (g_bytes_equal (first, second));

  before = dump_consultation (consultation);
  after = dump_consultation (again);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (g_file_get_contents (path, &on_disk, &length, NULL));
  {
    g_autoptr(GRegex) comment = g_regex_new ("\\n[ \\t]*<!--.*?-->", G_REGEX_DOTALL, 0, NULL);
    g_autofree char *uncommented = g_regex_replace_literal (comment, on_disk, -1, 0, "", 0, NULL);

    g_assert_cmpmem (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                     uncommented, strlen (uncommented));
  }
}

static void
test_liberating_the_nhs (void)
{
  g_autofree char *path = example_path ("liberating-the-nhs.consultation.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) consultation = chorus_consultation_load_file (path, &error);
  GListModel *documents;
  ChorusQuestion *question;

  g_assert_no_error (error);
  g_assert_cmpstr (chorus_consultation_get_title (consultation), ==,
                   "Equity & Excellence: Liberating the NHS");
  documents = chorus_consultation_get_documents (consultation);
  g_assert_cmpuint (g_list_model_get_n_items (documents), ==, 4);
  g_assert_cmpuint (chorus_consultation_get_n_questions (consultation), ==, 40);

  /* A question seed 004 quotes, word for word. */
  question = chorus_consultation_find_question (consultation, "c-q3");
  g_assert_nonnull (question);
  g_assert_cmpstr (chorus_question_get_text (question), ==,
                   "Should there be a minimum and/or maximum population size for GP consortia?");
  check_round_trip (consultation, path);
}

static void
test_essex_options (void)
{
  g_autofree char *path = example_path ("patient-led-nhs-essex.consultation.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) consultation = chorus_consultation_load_file (path, &error);
  GListModel *questions;
  ChorusQuestion *choice = NULL;

  g_assert_no_error (error);
  questions = chorus_consultation_get_questions (consultation);
  for (guint i = 0; i < g_list_model_get_n_items (questions); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, i);

      if (chorus_question_get_kind (question) == CHORUS_QUESTION_KIND_SINGLE_CHOICE)
        choice = question;
    }

  g_assert_nonnull (choice);
  g_assert_cmpuint (chorus_question_get_n_options (choice), ==, 4);
  g_assert_true (g_str_has_prefix (chorus_question_get_option_label (choice, 0), "Option 1"));
  g_assert_true (g_str_has_prefix (chorus_question_get_option_label (choice, 3), "Option 4"));
  check_round_trip (consultation, path);
}

static void
test_project_is_not_a_consultation (void)
{
  g_autofree char *path = example_path ("trafford-staff-response.chorus");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) consultation = chorus_consultation_load_file (path, &error);

  g_assert_null (consultation);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_WRONG_KIND);
  g_assert_nonnull (strstr (error->message, "trafford-staff-response.chorus"));
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) consultation =
    chorus_consultation_load_file ("/nonexistent/x.consultation.xml", &error);

  g_assert_null (consultation);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "x.consultation.xml"));
}

static void
test_bundled_files_validate (void)
{
  const char *names[] = { "liberating-the-nhs.consultation.xml",
                          "patient-led-nhs-essex.consultation.xml",
                          "trafford-staff-response.chorus" };
  const ChorusFileKind kinds[] = { CHORUS_FILE_KIND_CONSULTATION, CHORUS_FILE_KIND_CONSULTATION,
                                   CHORUS_FILE_KIND_PROJECT };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = example_path (names[i]);
      g_autoptr(GError) error = NULL;
      ChorusFileKind kind = CHORUS_FILE_KIND_UNKNOWN;

      g_assert_true (chorus_file_validate (path, &kind, &error));
      g_assert_no_error (error);
      g_assert_cmpint (kind, ==, kinds[i]);
    }
}

/* Text as a person typed it: leading and trailing spaces, blank lines,
 * markup characters, emoji and combining marks all survive. */
static void
test_text_round_trips (void)
{
  g_autoptr(ChorusConsultation) consultation =
    chorus_consultation_new ("c.1", "  Title with <angle brackets> & \"quotes\"  ");
  g_autoptr(ChorusDocument) document = chorus_document_new ("d_1", "Ünïcödé — 👩🏽‍⚕️ e\u0301");
  g_autoptr(ChorusSection) section = chorus_section_new ("s-1", "   ");
  g_autoptr(ChorusQuestion) question =
    chorus_question_new ("q1", "Q1", "Line one\n\n  Line three\ttabbed\n", CHORUS_QUESTION_KIND_SINGLE_CHOICE);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  chorus_consultation_set_description (consultation, "]]> <!-- not a comment --> &amp;");
  chorus_consultation_add_document (consultation, document);
  chorus_document_add_section (document, section);
  chorus_question_set_reference (question, "paragraph \"4.2\"\n(annex)");
  chorus_question_add_option (question, "o1", "Option\t1 — “quoted”");
  chorus_section_add_question (section, question);

  bytes = chorus_consultation_to_bytes (consultation);
  again = chorus_consultation_load_bytes (bytes, "again.consultation.xml", &error);
  g_assert_no_error (error);

  before = dump_consultation (consultation);
  after = dump_consultation (again);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/consultation-io/liberating-the-nhs", test_liberating_the_nhs);
  g_test_add_func ("/consultation-io/essex-options", test_essex_options);
  g_test_add_func ("/consultation-io/project-is-not-a-consultation", test_project_is_not_a_consultation);
  g_test_add_func ("/consultation-io/missing-file", test_missing_file);
  g_test_add_func ("/consultation-io/bundled-files-validate", test_bundled_files_validate);
  g_test_add_func ("/consultation-io/text-round-trips", test_text_round_trips);

  return g_test_run ();
}
