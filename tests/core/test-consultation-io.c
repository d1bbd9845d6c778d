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

static void
check_round_trip (ChorusConsultation *consultation)
{
  g_autoptr(GBytes) first = chorus_consultation_to_bytes (consultation);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusConsultation) again = chorus_consultation_load_bytes (first, "again.xml", &error);
  g_autoptr(GBytes) second = NULL;

  g_assert_no_error (error);
  second = chorus_consultation_to_bytes (again);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpuint (chorus_consultation_get_n_questions (again), ==,
                    chorus_consultation_get_n_questions (consultation));
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
  check_round_trip (consultation);
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
  check_round_trip (consultation);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/consultation-io/liberating-the-nhs", test_liberating_the_nhs);
  g_test_add_func ("/consultation-io/essex-options", test_essex_options);
  g_test_add_func ("/consultation-io/project-is-not-a-consultation", test_project_is_not_a_consultation);
  g_test_add_func ("/consultation-io/missing-file", test_missing_file);

  return g_test_run ();
}
