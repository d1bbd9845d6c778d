/* fuzz-consultation.h — the consultation the import fuzz targets match against
 *
 * Numbering restarts in the second document, as in the real companion papers,
 * so that ambiguous numbers are exercised too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <chorus.h>

static inline void
fuzz_add_question (ChorusSection *section,
                   const char    *id,
                   const char    *number,
                   const char    *text)
{
  g_autoptr(ChorusQuestion) question = chorus_question_new (id, number, text,
                                                            CHORUS_QUESTION_KIND_FREE_TEXT);

  chorus_section_add_question (section, question);
}

static inline ChorusConsultation *
fuzz_make_consultation (void)
{
  ChorusConsultation *consultation =
    chorus_consultation_new ("liberating-the-nhs-2010", "Equity and Excellence: Liberating the NHS");
  g_autoptr(ChorusDocument) commissioning = chorus_document_new ("commissioning",
                                                                 "Commissioning for patients");
  g_autoptr(ChorusDocument) healthwatch = chorus_document_new ("healthwatch", "HealthWatch");
  g_autoptr(ChorusSection) gp = chorus_section_new ("gp-consortia", "GP consortia");
  g_autoptr(ChorusSection) hw = chorus_section_new ("establishing-healthwatch", "HealthWatch");

  fuzz_add_question (gp, "c1", "Q1", "How can GP consortia best be supported in developing their "
                     "own capacity and capability in commissioning?");
  fuzz_add_question (gp, "c2", "Q2", "What support will GP consortia need to access and evaluate "
                     "external providers of commissioning services?");
  fuzz_add_question (gp, "c5", "Q5", "Should there be a minimum and/or maximum population size "
                     "for GP consortia?");
  fuzz_add_question (gp, "c8", "Q8", "What support will GP consortia need to help them manage "
                     "financial risk?");
  fuzz_add_question (gp, "c9", "Q9", "What features should be considered essential for the "
                     "governance of GP consortia?");
  fuzz_add_question (gp, "c10", "4.2", "What are the key elements that you would expect to see "
                     "reflected in a commissioning outcomes framework?");
  fuzz_add_question (hw, "h1", "Q1", "What needs to happen for local HealthWatch to fulfil its "
                     "new functions around health complaints advocacy?");
  fuzz_add_question (hw, "h3", "Q3", "How should local HealthWatch work with the local authority "
                     "and GP consortia to influence commissioning decisions?");
  fuzz_add_question (hw, "h4", "", "What needs to happen for local Healthwatch to support the "
                     "needs of vulnerable people – such as older or very frail people?");

  chorus_document_add_section (commissioning, gp);
  chorus_document_add_section (healthwatch, hw);
  chorus_consultation_add_document (consultation, commissioning);
  chorus_consultation_add_document (consultation, healthwatch);

  return consultation;
}

/* Any warning or critical is a bug the fuzzer should stop at. */
static inline void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

static inline guint
fuzz_n_items (ChorusProject *project)
{
  return g_list_model_get_n_items (chorus_project_get_items (project));
}

/* Every item's text is what the model may hold and an import may create. */
static inline void
fuzz_check_items (ChorusProject *project)
{
  GListModel *items = chorus_project_get_items (project);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);
      const char *text = chorus_item_get_text (item);

      g_assert (g_utf8_validate (text, -1, NULL));
      g_assert (text[0] != '\0');
      g_assert (strchr (text, '\r') == NULL);
      g_assert (!g_unichar_isspace (g_utf8_get_char (text)));
    }
}
