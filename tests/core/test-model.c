/* test-model.c — every edit, undone and redone, restores the exact state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <chorus.h>

#include "test-dump.h"

static ChorusConsultation *
make_consultation (void)
{
  ChorusConsultation *consultation = chorus_consultation_new ("essex-2005",
                                                              "Commissioning a Patient-led NHS in Essex");
  g_autoptr(ChorusDocument) document = chorus_document_new ("doc-options", "The options");
  g_autoptr(ChorusSection) section = chorus_section_new ("sec-structure", "PCT structure");
  g_autoptr(ChorusSection) section2 = chorus_section_new ("sec-feedback", "Your feedback");
  g_autoptr(ChorusQuestion) q1 = chorus_question_new ("q-best", "Q1",
                                                      "What is the best PCT structure?",
                                                      CHORUS_QUESTION_KIND_SINGLE_CHOICE);
  g_autoptr(ChorusQuestion) q2 = chorus_question_new ("q-pros-cons", "Q2",
                                                      "What do you think are the pros and cons of each option?",
                                                      CHORUS_QUESTION_KIND_FREE_TEXT);

  chorus_question_add_option (q1, "option-1", "Option 1 – 2 PCTs (North Essex)");
  chorus_question_add_option (q1, "option-2", "Option 2 – 3 PCTs");
  chorus_section_add_question (section, q1);
  chorus_section_add_question (section2, q2);
  chorus_document_add_section (document, section);
  chorus_document_add_section (document, section2);
  chorus_consultation_add_document (consultation, document);

  return consultation;
}

typedef struct
{
  ChorusProject  *project;
  ChorusGroup    *staff;
  ChorusGroup    *council;
  ChorusActivity *survey;
  ChorusActivity *focus;
  ChorusTheme    *quality;
  ChorusTheme    *finance;
  ChorusTheme    *costs;   /* child of finance */
  ChorusItem     *item;    /* coded with quality (span) and finance (whole) */
  ChorusItem     *other;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(ChorusConsultation) consultation = make_consultation ();
  ChorusProject *project = chorus_project_new (consultation);

  fixture->project = project;
  chorus_project_set_organisation (project, "NHS Trafford");
  fixture->staff = chorus_project_add_group (project, "Staff", FALSE);
  fixture->council = chorus_project_add_group (project, "Trafford Council", TRUE);
  fixture->survey = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY,
                                                 "Online staff survey");
  fixture->focus = chorus_project_add_activity (project, CHORUS_ACTIVITY_KIND_FOCUS_GROUP,
                                                "Staff focus groups");
  fixture->quality = chorus_project_add_theme (project, "Secure high quality safe services", NULL);
  fixture->finance = chorus_project_add_theme (project, "Manage financial balance and risk", NULL);
  fixture->costs = chorus_project_add_theme (project, "Management costs", fixture->finance);
  fixture->item = chorus_project_add_item (project, "q-pros-cons", fixture->staff, fixture->focus,
                                           "Deprived areas risk losing out if finances merged");
  g_assert_true (chorus_project_add_coding (project, fixture->item, fixture->quality, 0, 14));
  g_assert_true (chorus_project_add_coding (project, fixture->item, fixture->finance, 0, G_MAXUINT));
  fixture->other = chorus_project_add_item (project, "q-best", fixture->staff, fixture->survey,
                                            "HQ remote from local practices");
  chorus_project_add_coding (project, fixture->other, fixture->costs, 0, G_MAXUINT);
  chorus_project_set_answer_text (project, "q-best", "We prefer option 4.");
  chorus_project_set_partner_response (project, fixture->council, "doc-options",
                                       "The council supports coterminosity.");
  chorus_project_mark_saved (project);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->project);
}

typedef void (*EditFunc) (Fixture *fixture);

/* The core assertion: the edit changes the dump, undo restores it exactly,
 * redo brings the edit back exactly, and both directions count as one step. */
static void
check_edit (Fixture  *fixture,
            EditFunc  edit)
{
  ChorusProject *project = fixture->project;
  g_autofree char *before = dump_project (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_false (chorus_project_get_modified (project));
  edit (fixture);
  after = dump_project (project);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (chorus_project_get_modified (project));
  g_assert_nonnull (chorus_project_get_undo_label (project));

  g_assert_true (chorus_project_undo (project));
  undone = dump_project (project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (chorus_project_get_modified (project));

  g_assert_true (chorus_project_redo (project));
  redone = dump_project (project);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (chorus_project_get_modified (project));
  g_assert_false (chorus_project_can_redo (project));
}

#define EDIT_TEST(name, ...)                                  \
  static void edit_##name (Fixture *f) { __VA_ARGS__; }       \
  static void test_##name (Fixture *f, gconstpointer data)    \
  {                                                           \
    check_edit (f, edit_##name);                              \
  }

EDIT_TEST (organisation, chorus_project_set_organisation (f->project, "Trafford Council"))
EDIT_TEST (contact, chorus_project_set_contact_email (f->project, "mike.barker@trafford.nhs.uk"))
EDIT_TEST (add_group, chorus_project_add_group (f->project, "Public", FALSE))
EDIT_TEST (rename_group, chorus_project_rename_group (f->project, f->staff, "All staff"))
EDIT_TEST (unpartner_group, chorus_project_set_group_partner (f->project, f->council, FALSE))
EDIT_TEST (remove_group_reassign, chorus_project_remove_group (f->project, f->staff, f->council))
EDIT_TEST (remove_group_delete, chorus_project_remove_group (f->project, f->staff, NULL))
EDIT_TEST (add_activity, chorus_project_add_activity (f->project, CHORUS_ACTIVITY_KIND_BRIEFING,
                                                      "Staff briefing"))
EDIT_TEST (activity_kind, chorus_project_set_activity_kind (f->project, f->survey,
                                                            CHORUS_ACTIVITY_KIND_OTHER))
EDIT_TEST (activity_title, chorus_project_set_activity_title (f->project, f->survey, "Survey"))
EDIT_TEST (activity_dates, chorus_project_set_activity_dates (f->project, f->survey,
                                                              "17 Sep 2010 – 1 Oct 2010"))
EDIT_TEST (activity_involved, chorus_project_set_activity_involved (f->project, f->survey,
                                                                    "All PCT staff"))
EDIT_TEST (activity_number, chorus_project_set_activity_number_involved (f->project, f->survey,
                                                                         "14 members of staff"))
EDIT_TEST (remove_activity, chorus_project_remove_activity (f->project, f->focus, f->survey))
EDIT_TEST (add_theme, chorus_project_add_theme (f->project, "Workforce", f->quality))
EDIT_TEST (rename_theme, chorus_project_rename_theme (f->project, f->quality, "Quality"))
EDIT_TEST (theme_colour, chorus_project_set_theme_colour (f->project, f->quality, "#D55E00"))
EDIT_TEST (theme_description, chorus_project_set_theme_description (f->project, f->quality,
                                                                    "Safety and quality"))
EDIT_TEST (theme_keywords,
           const char *keywords[] = { "safe", "quality", NULL };
           chorus_project_set_theme_keywords (f->project, f->quality, keywords))
EDIT_TEST (theme_parent, g_assert_true (chorus_project_set_theme_parent (f->project, f->quality,
                                                                         f->finance)))
EDIT_TEST (remove_theme, chorus_project_remove_theme (f->project, f->finance))
EDIT_TEST (add_item, chorus_project_add_item (f->project, "q-best", NULL, NULL, "No waiting"))
EDIT_TEST (item_text, chorus_project_set_item_text (f->project, f->item,
                                                    "Deprived areas may lose out if finances merged"))
EDIT_TEST (item_question, chorus_project_set_item_question (f->project, f->item, "q-best"))
EDIT_TEST (item_group, chorus_project_set_item_group (f->project, f->item, f->council))
EDIT_TEST (item_activity, chorus_project_set_item_activity (f->project, f->item, NULL))
EDIT_TEST (item_stance, chorus_project_set_item_stance (f->project, f->item,
                                                        CHORUS_STANCE_DISAGREE))
EDIT_TEST (item_author, chorus_project_set_item_author (f->project, f->item, "A. Nurse"))
EDIT_TEST (item_publish, chorus_project_set_item_publish (f->project, f->item, FALSE))
EDIT_TEST (duplicate_item, chorus_project_duplicate_item (f->project, f->item))
EDIT_TEST (remove_item, chorus_project_remove_item (f->project, f->item))
EDIT_TEST (add_coding, g_assert_true (chorus_project_add_coding (f->project, f->item, f->costs,
                                                                 15, 20)))
EDIT_TEST (remove_coding, chorus_project_remove_coding (f->project, f->item, 0))
EDIT_TEST (answer_text, chorus_project_set_answer_text (f->project, "q-pros-cons",
                                                        "Option 4 builds on existing arrangements."))
EDIT_TEST (answer_option, chorus_project_set_answer_option (f->project, "q-best", "option-2"))
EDIT_TEST (answer_status, chorus_project_set_answer_status (f->project, "q-best",
                                                            CHORUS_DRAFT_STATUS_FINAL))
EDIT_TEST (key_points, chorus_project_set_key_points (f->project, "doc-options",
                                                      "Stronger commissioning matters most."))
EDIT_TEST (partner_response, chorus_project_set_partner_response (f->project, f->council,
                                                                  "q-best", "Option 2."))
EDIT_TEST (user_group,
           chorus_project_begin_group (f->project, "Tidy up");
           chorus_project_set_item_stance (f->project, f->item, CHORUS_STANCE_AGREE);
           chorus_project_remove_item (f->project, f->other);
           chorus_project_rename_theme (f->project, f->costs, "Costs");
           chorus_project_end_group (f->project))

static void
test_remove_theme_consistency (Fixture       *f,
                               gconstpointer  data)
{
  ChorusCodebook *codebook = chorus_project_get_codebook (f->project);

  g_assert_cmpuint (chorus_project_count_theme_codings (f->project, f->finance), ==, 1);
  chorus_project_remove_theme (f->project, f->finance);

  /* No coding refers to the deleted theme, and its child moved up a level. */
  g_assert_null (chorus_codebook_find_theme (codebook, "manage-financial-balance-and-risk"));
  g_assert_false (chorus_item_has_theme (f->item, chorus_theme_get_id (f->finance)));
  g_assert_true (chorus_item_has_theme (f->item, chorus_theme_get_id (f->quality)));
  g_assert_null (chorus_theme_get_parent_id (f->costs));
  g_assert_cmpstr (chorus_project_get_undo_label (f->project), ==, "Delete theme");
}

static void
test_remove_group_consistency (Fixture       *f,
                               gconstpointer  data)
{
  /* Two items plus no partner responses for staff; one partner response for
   * the council. */
  g_assert_cmpuint (chorus_project_count_group_uses (f->project, f->staff), ==, 2);
  g_assert_cmpuint (chorus_project_count_group_uses (f->project, f->council), ==, 1);

  chorus_project_remove_group (f->project, f->council, NULL);
  g_assert_null (chorus_project_find_group (f->project, "trafford-council"));
  g_assert_null (chorus_project_find_draft (f->project, CHORUS_DRAFT_KIND_PARTNER_RESPONSE,
                                            "doc-options", "trafford-council"));

  chorus_project_remove_group (f->project, f->staff, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_items (f->project)), ==, 0);
  g_assert_null (chorus_project_find_item (f->project, chorus_item_get_id (f->item)));
}

static void
test_theme_parent_cycle (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *before = dump_project (f->project);
  g_autofree char *after = NULL;

  /* finance is the parent of costs: making finance a child of costs would loop. */
  g_assert_false (chorus_project_set_theme_parent (f->project, f->finance, f->costs));
  g_assert_false (chorus_project_set_theme_parent (f->project, f->finance, f->finance));
  after = dump_project (f->project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (chorus_project_get_modified (f->project));
}

static void
test_coding_rules (Fixture       *f,
                   gconstpointer  data)
{
  guint length = chorus_item_get_length (f->item);

  g_assert_false (chorus_project_add_coding (f->project, f->item, f->costs, 5, 5));
  g_assert_false (chorus_project_add_coding (f->project, f->item, f->costs, 6, 2));
  g_assert_false (chorus_project_add_coding (f->project, f->item, f->costs, 0, length + 1));
  /* The same theme on the same span twice is one coding. */
  g_assert_false (chorus_project_add_coding (f->project, f->item, f->quality, 0, 14));
  g_assert_false (chorus_project_get_modified (f->project));
  g_assert_true (chorus_project_add_coding (f->project, f->item, f->quality, 15, 20));
  g_assert_cmpuint (chorus_item_get_n_codings (f->item), ==, 3);
}

static void
test_text_edit_moves_codings (Fixture       *f,
                              gconstpointer  data)
{
  ChorusItem *item = chorus_project_add_item (f->project, "q-best", f->staff, NULL,
                                              "No waiting for emergency care");
  guint start, end;

  /* "waiting" at 3..10, "emergency care" at 15..29 */
  chorus_project_add_coding (f->project, item, f->quality, 3, 10);
  chorus_project_add_coding (f->project, item, f->finance, 15, 29);

  /* Inserting before both shifts both. */
  chorus_project_set_item_text (f->project, item, "Really no waiting for emergency care");
  g_assert_cmpstr (chorus_item_get_coding (item, 0, &start, &end), ==,
                   chorus_theme_get_id (f->quality));
  g_assert_cmpuint (start, ==, 10);
  g_assert_cmpuint (end, ==, 17);
  chorus_item_get_coding (item, 1, &start, &end);
  g_assert_cmpuint (start, ==, 22);
  g_assert_cmpuint (end, ==, 36);

  /* Deleting the coded word removes that coding and shifts the other back. */
  chorus_project_set_item_text (f->project, item, "Really no  for emergency care");
  g_assert_cmpuint (chorus_item_get_n_codings (item), ==, 1);
  g_assert_cmpstr (chorus_item_get_coding (item, 0, &start, &end), ==,
                   chorus_theme_get_id (f->finance));
  g_assert_cmpuint (start, ==, 15);
  g_assert_cmpuint (end, ==, 29);

  /* Non-ASCII text counts characters, not bytes. */
  chorus_project_set_item_text (f->project, item, "£££ Really no  for emergency care");
  chorus_item_get_coding (item, 0, &start, &end);
  g_assert_cmpuint (start, ==, 19);
  g_assert_cmpuint (end, ==, 33);
}

static void
test_modified_tracks_saved_state (Fixture       *f,
                                  gconstpointer  data)
{
  g_assert_false (chorus_project_get_modified (f->project));
  chorus_project_set_item_stance (f->project, f->item, CHORUS_STANCE_AGREE);
  chorus_project_mark_saved (f->project);
  g_assert_false (chorus_project_get_modified (f->project));

  /* Undoing past the save is a change too. */
  chorus_project_undo (f->project);
  g_assert_true (chorus_project_get_modified (f->project));
  chorus_project_redo (f->project);
  g_assert_false (chorus_project_get_modified (f->project));

  /* Once a new edit drops the saved state from history, it stays modified. */
  chorus_project_undo (f->project);
  chorus_project_set_item_stance (f->project, f->item, CHORUS_STANCE_MIXED);
  chorus_project_undo (f->project);
  g_assert_true (chorus_project_get_modified (f->project));
  g_assert_true (chorus_project_can_redo (f->project));

  /* A restored recovery copy differs from the file at every point of its history. */
  chorus_project_redo (f->project);
  chorus_project_mark_saved (f->project);
  chorus_project_mark_unsaved (f->project);
  g_assert_true (chorus_project_get_modified (f->project));
  chorus_project_undo (f->project);
  g_assert_true (chorus_project_get_modified (f->project));
  chorus_project_redo (f->project);
  g_assert_true (chorus_project_get_modified (f->project));
  chorus_project_mark_saved (f->project);
  g_assert_false (chorus_project_get_modified (f->project));
}

static void
count_cb (ChorusProject *project,
          guint         *count)
{
  (*count)++;
}

static void
test_changed_once_per_step (Fixture       *f,
                            gconstpointer  data)
{
  guint changed = 0;
  ChorusStats *before = chorus_project_get_stats (f->project);
  ChorusStats *after;

  g_signal_connect (f->project, "changed", G_CALLBACK (count_cb), &changed);

  chorus_project_remove_theme (f->project, f->finance);
  g_assert_cmpuint (changed, ==, 1);
  chorus_project_undo (f->project);
  g_assert_cmpuint (changed, ==, 2);

  /* A no-op is no step and no signal: the next undo is still the fixture's last edit. */
  chorus_project_rename_group (f->project, f->staff, "Staff");
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (chorus_project_get_undo_label (f->project), ==, "Edit partner response");
  g_assert_true (chorus_project_can_redo (f->project));

  /* Statistics are recomputed after a change, not before. */
  chorus_project_set_item_stance (f->project, f->item, CHORUS_STANCE_AGREE);
  after = chorus_project_get_stats (f->project);
  g_assert_true (after != before || chorus_stats_count_stance (after, CHORUS_STANCE_AGREE) == 1);
  g_assert_cmpuint (chorus_stats_count_stance (after, CHORUS_STANCE_AGREE), ==, 1);
  g_assert_true (chorus_project_get_stats (f->project) == after);
}

static void
test_text_is_sanitised (Fixture       *f,
                        gconstpointer  data)
{
  ChorusItem *item = chorus_project_add_item (f->project, "q-best", NULL, NULL,
                                              "line one\r\nline two\rline three\x01\x1b end\t!");

  g_assert_cmpstr (chorus_item_get_text (item), ==, "line one\nline two\nline three end\t!");
  chorus_project_set_item_text (f->project, item, "bad \xff utf-8");
  g_assert_true (g_utf8_validate (chorus_item_get_text (item), -1, NULL));

  /* U+FFFE and U+FFFF go (XML cannot carry them); their neighbours in
   * U+F000…U+FFFF (here U+FFFD and U+FB01 "ﬁ") and other characters stay,
   * and a CR at the very end becomes a line feed. */
  chorus_project_set_item_text (f->project, item,
                                "£5 \xef\xbf\xbe\xef\xbf\xbf\xef\xbf\xbd \xef\xac\x81ne – café\r");
  g_assert_cmpstr (chorus_item_get_text (item), ==, "£5 \xef\xbf\xbd \xef\xac\x81ne – café\n");
  g_assert_cmpuint (chorus_item_get_length (item), ==, 16);
}

static void
test_ids (Fixture       *f,
          gconstpointer  data)
{
  ChorusGroup *again = chorus_project_add_group (f->project, "Staff", FALSE);
  ChorusGroup *digits = chorus_project_add_group (f->project, "2010 panel", FALSE);
  ChorusItem *copy = chorus_project_duplicate_item (f->project, f->item);

  g_assert_cmpstr (chorus_group_get_id (f->staff), ==, "staff");
  g_assert_cmpstr (chorus_group_get_id (again), ==, "staff-2");
  g_assert_cmpstr (chorus_group_get_id (digits), ==, "group-2010-panel");
  g_assert_cmpstr (chorus_item_get_id (copy), !=, chorus_item_get_id (f->item));
  g_assert_cmpstr (chorus_item_get_text (copy), ==, chorus_item_get_text (f->item));
  g_assert_cmpuint (chorus_item_get_n_codings (copy), ==, chorus_item_get_n_codings (f->item));
  g_assert_true (chorus_project_find_item (f->project, chorus_item_get_id (copy)) == copy);
}

static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  g_assert_cmpint (chorus_project_get_answer_status (f->project, "q-pros-cons"), ==,
                   CHORUS_DRAFT_STATUS_NOT_STARTED);
  g_assert_null (chorus_project_get_answer (f->project, "q-pros-cons"));
  chorus_project_set_answer_status (f->project, "q-pros-cons", CHORUS_DRAFT_STATUS_IN_REVIEW);
  g_assert_cmpint (chorus_project_get_answer_status (f->project, "q-pros-cons"), ==,
                   CHORUS_DRAFT_STATUS_IN_REVIEW);
  /* Creating the draft and setting its status are one step. */
  chorus_project_undo (f->project);
  g_assert_null (chorus_project_get_answer (f->project, "q-pros-cons"));
  g_assert_cmpstr (chorus_project_get_partner_response (f->project, f->council, "doc-options"), ==,
                   "The council supports coterminosity.");
  g_assert_null (chorus_project_get_key_points (f->project, "doc-options"));
}

static void
test_word_count (void)
{
  g_assert_cmpuint (chorus_count_words (NULL), ==, 0);
  g_assert_cmpuint (chorus_count_words ("   "), ==, 0);
  g_assert_cmpuint (chorus_count_words ("We don't support co-ordination."), ==, 4);
  g_assert_cmpuint (chorus_count_words ("Target for Essex £7.5m (£2m from SHA)"), ==, 7);
  g_assert_cmpuint (chorus_count_words ("one\n\ntwo\tthree"), ==, 3);
}

static void
test_enum_names (void)
{
  ChorusStance stance;
  ChorusDraftStatus status;
  ChorusActivityKind kind;

  g_assert_true (chorus_stance_from_string ("disagree", &stance));
  g_assert_cmpint (stance, ==, CHORUS_STANCE_DISAGREE);
  g_assert_false (chorus_stance_from_string ("Disagree", &stance));
  g_assert_true (chorus_draft_status_from_string ("in-review", &status));
  g_assert_cmpstr (chorus_draft_status_to_string (status), ==, "in-review");
  g_assert_true (chorus_activity_kind_from_string ("question-and-answer", &kind));
  g_assert_cmpstr (chorus_activity_kind_get_label (kind), ==, "Questions and answers");
  g_assert_false (chorus_activity_kind_from_string (NULL, &kind));
}

static void
test_consultation_lookups (void)
{
  g_autoptr(ChorusConsultation) consultation = make_consultation ();
  ChorusQuestion *question = chorus_consultation_find_question (consultation, "q-pros-cons");

  g_assert_nonnull (question);
  g_assert_cmpuint (chorus_consultation_get_n_questions (consultation), ==, 2);
  g_assert_cmpint (chorus_consultation_get_question_index (consultation, "q-pros-cons"), ==, 1);
  g_assert_cmpint (chorus_consultation_get_question_index (consultation, "nope"), ==, -1);
  g_assert_cmpstr (chorus_section_get_id (chorus_question_get_section (question)), ==,
                   "sec-feedback");
  g_assert_cmpstr (chorus_question_find_option (chorus_consultation_find_question (consultation,
                                                                                   "q-best"),
                                                "option-2"), ==, "Option 2 – 3 PCTs");
  g_assert_nonnull (chorus_consultation_find_document (consultation, "doc-options"));
  g_assert_nonnull (chorus_consultation_find_section (consultation, "sec-structure"));
}

#define ADD_FIXTURE_TEST(path, func) \
  g_test_add ("/model/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* A very dark theme colour is lifted on a dark background, keeping its hue; others are drawn
 * as they are, and a broken colour is a neutral grey rather than black. */
static void
test_colour_for_background (void)
{
  double red, green, blue;
  double light_red, light_green, light_blue;

  g_assert_true (chorus_colour_parse_for_background ("#004c77", FALSE, &light_red, &light_green, &light_blue));
  g_assert_cmpfloat_with_epsilon (light_blue, 0x77 / 255.0, 1e-9);
  g_assert_true (chorus_colour_parse_for_background ("#004c77", TRUE, &red, &green, &blue));
  g_assert_cmpfloat (red, >, light_red);
  g_assert_cmpfloat (green, >, light_green);
  g_assert_cmpfloat (blue, >, light_blue);
  /* Still blue, not grey. */
  g_assert_cmpfloat (blue, >, red + 0.2);

  g_assert_true (chorus_colour_parse_for_background ("#f0e442", TRUE, &red, &green, &blue));
  g_assert_cmpfloat_with_epsilon (red, 0xf0 / 255.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (blue, 0x42 / 255.0, 1e-9);

  g_assert_false (chorus_colour_parse_for_background ("teal", TRUE, &red, &green, &blue));
  g_assert_cmpfloat_with_epsilon (red, 0.6, 1e-9);
  g_assert_cmpfloat_with_epsilon (green, 0.6, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_FIXTURE_TEST ("undo/organisation", test_organisation);
  ADD_FIXTURE_TEST ("undo/contact", test_contact);
  ADD_FIXTURE_TEST ("undo/add-group", test_add_group);
  ADD_FIXTURE_TEST ("undo/rename-group", test_rename_group);
  ADD_FIXTURE_TEST ("undo/unpartner-group", test_unpartner_group);
  ADD_FIXTURE_TEST ("undo/remove-group-reassign", test_remove_group_reassign);
  ADD_FIXTURE_TEST ("undo/remove-group-delete", test_remove_group_delete);
  ADD_FIXTURE_TEST ("undo/add-activity", test_add_activity);
  ADD_FIXTURE_TEST ("undo/activity-kind", test_activity_kind);
  ADD_FIXTURE_TEST ("undo/activity-title", test_activity_title);
  ADD_FIXTURE_TEST ("undo/activity-dates", test_activity_dates);
  ADD_FIXTURE_TEST ("undo/activity-involved", test_activity_involved);
  ADD_FIXTURE_TEST ("undo/activity-number", test_activity_number);
  ADD_FIXTURE_TEST ("undo/remove-activity", test_remove_activity);
  ADD_FIXTURE_TEST ("undo/add-theme", test_add_theme);
  ADD_FIXTURE_TEST ("undo/rename-theme", test_rename_theme);
  ADD_FIXTURE_TEST ("undo/theme-colour", test_theme_colour);
  ADD_FIXTURE_TEST ("undo/theme-description", test_theme_description);
  ADD_FIXTURE_TEST ("undo/theme-keywords", test_theme_keywords);
  ADD_FIXTURE_TEST ("undo/theme-parent", test_theme_parent);
  ADD_FIXTURE_TEST ("undo/remove-theme", test_remove_theme);
  ADD_FIXTURE_TEST ("undo/add-item", test_add_item);
  ADD_FIXTURE_TEST ("undo/item-text", test_item_text);
  ADD_FIXTURE_TEST ("undo/item-question", test_item_question);
  ADD_FIXTURE_TEST ("undo/item-group", test_item_group);
  ADD_FIXTURE_TEST ("undo/item-activity", test_item_activity);
  ADD_FIXTURE_TEST ("undo/item-stance", test_item_stance);
  ADD_FIXTURE_TEST ("undo/item-author", test_item_author);
  ADD_FIXTURE_TEST ("undo/item-publish", test_item_publish);
  ADD_FIXTURE_TEST ("undo/duplicate-item", test_duplicate_item);
  ADD_FIXTURE_TEST ("undo/remove-item", test_remove_item);
  ADD_FIXTURE_TEST ("undo/add-coding", test_add_coding);
  ADD_FIXTURE_TEST ("undo/remove-coding", test_remove_coding);
  ADD_FIXTURE_TEST ("undo/answer-text", test_answer_text);
  ADD_FIXTURE_TEST ("undo/answer-option", test_answer_option);
  ADD_FIXTURE_TEST ("undo/answer-status", test_answer_status);
  ADD_FIXTURE_TEST ("undo/key-points", test_key_points);
  ADD_FIXTURE_TEST ("undo/partner-response", test_partner_response);
  ADD_FIXTURE_TEST ("undo/user-group", test_user_group);
  ADD_FIXTURE_TEST ("remove-theme-consistency", test_remove_theme_consistency);
  ADD_FIXTURE_TEST ("remove-group-consistency", test_remove_group_consistency);
  ADD_FIXTURE_TEST ("theme-parent-cycle", test_theme_parent_cycle);
  ADD_FIXTURE_TEST ("coding-rules", test_coding_rules);
  ADD_FIXTURE_TEST ("text-edit-moves-codings", test_text_edit_moves_codings);
  ADD_FIXTURE_TEST ("modified-tracks-saved-state", test_modified_tracks_saved_state);
  ADD_FIXTURE_TEST ("changed-once-per-step", test_changed_once_per_step);
  ADD_FIXTURE_TEST ("text-is-sanitised", test_text_is_sanitised);
  ADD_FIXTURE_TEST ("ids", test_ids);
  ADD_FIXTURE_TEST ("answers", test_answers);
  g_test_add_func ("/model/word-count", test_word_count);
  g_test_add_func ("/model/enum-names", test_enum_names);
  g_test_add_func ("/model/consultation-lookups", test_consultation_lookups);
  g_test_add_func ("/model/colour-for-background", test_colour_for_background);

  return g_test_run ();
}
