/* chorus-pdf-export.c — the submission PDF, built as blocks for the page
 * layout engine
 *
 * The order follows the responses organisations actually send (see
 * docs/export.md): a title page with the contact, the contents, the
 * consultation activities, then each consultation document with its key
 * points, the answers to its questions and partners' responses, and a
 * table of the input behind the answers; then general responses from
 * partners and the summary charts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "chorus-export-private.h"
#include "chorus-page-layout.h"

#define A4_WIDTH     595.276
#define A4_HEIGHT    841.890
#define LETTER_WIDTH 612.0
#define LETTER_HEIGHT 792.0

/* Charts are drawn in units of 1/96 inch with 10 pt text; on the page a
 * unit is ¾ of a point, so their text stays 10 pt. */
#define CHART_SCALE 0.75
#define HEATMAP_SCALE 0.6

typedef struct
{
  ChorusProject             *project;
  const ChorusExportOptions *options;
  ChorusConsultation        *consultation;
  ChorusPageLayout          *layout;
  /* question id → GPtrArray of the items that are published, in order */
  GHashTable                *items_by_question;
  /* The partner groups, in the project's order. */
  GPtrArray                 *partners;
} Builder;

/* Helpers -------------------------------------------------------------------- */

static char *
anchor_for (const char *prefix,
            const char *id)
{
  return g_strconcat (prefix, "-", id, NULL);
}

/* A draft's text as paragraphs. */
static void
add_paragraphs (Builder           *b,
                ChorusLayoutStyle  style,
                const char        *text)
{
  g_auto(GStrv) paragraphs = _chorus_export_split_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    chorus_page_layout_add_paragraph (b->layout, style, paragraphs[i]);
}

/* The text after a list marker people type ("- ", "• ", "* "), or NULL
 * when @line does not start with one. */
static const char *
strip_list_marker (const char *line)
{
  static const char * const markers[] = { "- ", "– ", "• ", "· ", "* ", "◦ " };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (g_str_has_prefix (line, markers[i]) && line[strlen (markers[i])] != '\0')
      return line + strlen (markers[i]);

  return NULL;
}

/* One bullet per paragraph; a paragraph's further lines continue its
 * bullet, aligned with its text, or become bullets of their own one level
 * down when they start with a list marker. */
static void
add_bullets (Builder           *b,
             ChorusLayoutStyle  style,
             const char        *text)
{
  g_auto(GStrv) paragraphs = _chorus_export_split_paragraphs (text);
  ChorusLayoutStyle nested_style = style == CHORUS_LAYOUT_STYLE_TABLE_BULLET
                                   ? CHORUS_LAYOUT_STYLE_TABLE_BULLET_2
                                   : CHORUS_LAYOUT_STYLE_BULLET_2;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);
      gboolean first = TRUE;

      for (guint l = 0; lines[l] != NULL; l++)
        {
          const char *line = g_strstrip (lines[l]);
          const char *rest = strip_list_marker (line);

          if (*line == '\0')
            continue;
          if (first)
            chorus_page_layout_add_text (b->layout, style, CHORUS_LAYOUT_TEXT_NONE, "•",
                                         rest ? rest : line, NULL, 0);
          else if (rest != NULL)
            chorus_page_layout_add_text (b->layout, nested_style, CHORUS_LAYOUT_TEXT_NONE, "–",
                                         rest, NULL, 0);
          else
            chorus_page_layout_add_text (b->layout, style, CHORUS_LAYOUT_TEXT_CONTINUATION, NULL,
                                         line, NULL, 0);
          first = FALSE;
        }
    }
}

static const char *
question_number (ChorusQuestion *question)
{
  const char *number = chorus_question_get_number (question);

  return number != NULL && *number != '\0' ? number : NULL;
}

static gboolean
section_has_content (Builder       *b,
                     ChorusSection *section)
{
  const char *key_points = chorus_project_get_key_points (b->project,
                                                          chorus_section_get_id (section));

  return g_list_model_get_n_items (chorus_section_get_questions (section)) > 0 ||
         (key_points != NULL && *key_points != '\0');
}

static gboolean
document_has_input (Builder        *b,
                    ChorusDocument *document)
{
  GListModel *sections = chorus_document_get_sections (document);

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
      GListModel *questions = chorus_section_get_questions (section);

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);

          if (g_hash_table_contains (b->items_by_question, chorus_question_get_id (question)))
            return TRUE;
        }
    }

  return FALSE;
}

static void
add_partner_responses (Builder           *b,
                       const char        *target_id,
                       ChorusLayoutStyle  label_style)
{
  for (guint g = 0; g < b->partners->len; g++)
    {
      ChorusGroup *group = g_ptr_array_index (b->partners, g);
      const char *text = chorus_project_get_partner_response (b->project, group, target_id);
      g_autofree char *label = NULL;

      if (text == NULL || *text == '\0')
        continue;

      /* TRANSLATORS: a heading; %s is a partner organisation ("Trafford Council"). */
      label = g_strdup_printf (_("Response from %s"), chorus_group_get_name (group));
      chorus_page_layout_add_heading (b->layout, label_style, label, NULL, 0);
      /* A quote running onto the next page is still said to be the partner's. */
      if (label_style == CHORUS_LAYOUT_STYLE_QUOTE_LABEL)
        {
          g_autofree char *repeat = g_strdup_printf (_("%s (continued)"), label);

          chorus_page_layout_set_repeat (b->layout, repeat);
        }
      add_paragraphs (b, label_style == CHORUS_LAYOUT_STYLE_QUOTE_LABEL ? CHORUS_LAYOUT_STYLE_QUOTE
                                                                         : CHORUS_LAYOUT_STYLE_BODY,
                      text);
    }
}

/* The title page ------------------------------------------------------------ */

static void
draw_title_rule_cb (cairo_t *cr,
                    double   width,
                    double   height,
                    gpointer user_data)
{
  cairo_set_source_rgb (cr, 0x1d / 255.0, 0x4e / 255.0, 0x7c / 255.0);
  cairo_rectangle (cr, 0, 0, 64, height);
  cairo_fill (cr);
}

/* A line of the contact block, @value escaped into @format; nothing when
 * @value is empty. */
static void
append_markup_line (GString    *markup,
                    const char *format,
                    const char *value)
{
  g_autofree char *line = NULL;

  if (value == NULL || *value == '\0')
    return;

  /* The formats are ours (translated), each with one %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  line = g_markup_printf_escaped (format, value);
#pragma GCC diagnostic pop
  if (markup->len > 0)
    g_string_append_c (markup, '\n');
  g_string_append (markup, line);
}

static void
add_title_page (Builder *b)
{
  ChorusProject *project = b->project;
  const char *organisation = chorus_project_get_organisation (project);
  const char *issuer = chorus_consultation_get_issuer (b->consultation);
  const char *reference = chorus_consultation_get_reference (b->consultation);
  const char *contact_name = chorus_project_get_contact_name (project);
  const char *contact_role = chorus_project_get_contact_role (project);
  const char *contact_phone = chorus_project_get_contact_phone (project);
  const char *contact_email = chorus_project_get_contact_email (project);
  g_autoptr(GDateTime) date = _chorus_export_get_date (b->options);
  g_autofree char *date_text = g_date_time_format (date, "%-d %B %Y");
  g_autofree char *from = NULL;
  g_autofree char *ref = NULL;

  chorus_page_layout_add_fixed_space (b->layout, 110);
  chorus_page_layout_add_drawing (b->layout, 4, draw_title_rule_cb, NULL, NULL);
  chorus_page_layout_add_fixed_space (b->layout, 18);

  /* The issuing body as a kicker above the title. */
  chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_TITLE_META, issuer);
  chorus_page_layout_add_fixed_space (b->layout, 6);

  chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_TITLE,
                                    chorus_consultation_get_title (b->consultation));

  /* TRANSLATORS: the title page's subtitle; %s is the responding organisation. */
  from = g_strdup_printf (_("A response from %s"),
                          organisation && *organisation ? organisation : _("our organisation"));
  chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_SUBTITLE, from);
  chorus_page_layout_add_fixed_space (b->layout, 14);
  chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_TITLE_META, date_text);
  if (reference != NULL && *reference != '\0')
    {
      /* TRANSLATORS: %s is the consultation's reference, such as "Gateway 14385". */
      ref = g_strdup_printf (_("Reference: %s"), reference);
      chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_TITLE_META, ref);
    }

  if ((contact_name && *contact_name) || (contact_email && *contact_email) ||
      (contact_phone && *contact_phone))
    {
      g_autoptr(GString) contact = g_string_new (NULL);

      chorus_page_layout_add_bottom_align (b->layout);
      chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_LABEL,
                                      _("For further information, please contact"), NULL, 0);
      append_markup_line (contact, "<b>%s</b>", contact_name);
      append_markup_line (contact, "%s", contact_role);
      append_markup_line (contact, "%s", organisation);
      /* TRANSLATORS: the contact's telephone number on the title page; keep the markup. */
      append_markup_line (contact, _("Telephone %s"), contact_phone);
      /* TRANSLATORS: the contact's e-mail address on the title page; keep the markup. */
      append_markup_line (contact, _("Email %s"), contact_email);
      chorus_page_layout_add_text (b->layout, CHORUS_LAYOUT_STYLE_CONTACT,
                                   CHORUS_LAYOUT_TEXT_MARKUP | CHORUS_LAYOUT_TEXT_NO_HYPHENS,
                                   NULL, contact->str, NULL, 0);
    }

  chorus_page_layout_add_page_break (b->layout);
}

/* Contents -------------------------------------------------------------------- */

static char *
document_number (guint index)
{
  return g_strdup_printf ("%u", index + 1);
}

static gboolean
has_general_responses (Builder *b)
{
  const char *consultation_id = chorus_consultation_get_id (b->consultation);

  for (guint g = 0; g < b->partners->len; g++)
    {
      const char *text = chorus_project_get_partner_response (b->project,
                                                              g_ptr_array_index (b->partners, g),
                                                              consultation_id);
      if (text != NULL && *text != '\0')
        return TRUE;
    }

  return FALSE;
}

static void
add_contents (Builder *b)
{
  GListModel *documents = chorus_consultation_get_documents (b->consultation);
  guint n_documents = g_list_model_get_n_items (documents);

  chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_HEADING_1, _("Contents"),
                                  "contents", 0);
  chorus_page_layout_add_toc_entry (b->layout, CHORUS_LAYOUT_STYLE_TOC_1, "",
                                    _("Summary of consultation activities"), "activities");

  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);
      GListModel *sections = chorus_document_get_sections (document);
      g_autofree char *anchor = anchor_for ("doc", chorus_document_get_id (document));
      g_autofree char *number = document_number (d);

      chorus_page_layout_add_toc_entry (b->layout, CHORUS_LAYOUT_STYLE_TOC_1, number,
                                        chorus_document_get_title (document), anchor);

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
          g_autofree char *section_anchor = anchor_for ("sec", chorus_section_get_id (section));

          if (!section_has_content (b, section))
            continue;
          chorus_page_layout_add_toc_entry (b->layout, CHORUS_LAYOUT_STYLE_TOC_2, NULL,
                                            chorus_section_get_title (section), section_anchor);
        }

      if (b->options->include_input_tables && document_has_input (b, document))
        {
          g_autofree char *input_anchor = anchor_for ("input", chorus_document_get_id (document));

          chorus_page_layout_add_toc_entry (b->layout, CHORUS_LAYOUT_STYLE_TOC_2, NULL,
                                            _("Summary of responses to each question"),
                                            input_anchor);
        }
    }

  if (has_general_responses (b))
    chorus_page_layout_add_toc_entry (b->layout, CHORUS_LAYOUT_STYLE_TOC_1, "",
                                      _("General responses from partners"), "general");
  if (b->options->include_charts)
    chorus_page_layout_add_toc_entry (b->layout, CHORUS_LAYOUT_STYLE_TOC_1, "",
                                      _("Summary charts"), "charts");

  chorus_page_layout_add_page_break (b->layout);
}

/* Consultation activities ------------------------------------------------- */

/* How many of the activities produced at least one item. */
static guint
count_productive_activities (GListModel  *activities,
                             ChorusStats *stats)
{
  guint n_productive = 0;

  for (guint i = 0; i < g_list_model_get_n_items (activities); i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, i);

      if (chorus_stats_count_activity (stats, chorus_activity_get_id (activity)) > 0)
        n_productive++;
    }

  return n_productive;
}

/* The sentence over the activities table. The table lists every activity,
 * also those that produced no input, so when some did not the sentence says
 * how many of them the comments came through rather than claiming all. */
static char *
activities_sentence (const char *organisation,
                     const char *items_text,
                     guint       n_activities,
                     guint       n_productive)
{
  gboolean have_organisation = organisation != NULL && *organisation != '\0';

  if (n_productive == 0)
    {
      if (have_organisation)
        /* TRANSLATORS: "108 comments" "NHS Trafford"; none of the comments
         * is recorded against an activity. */
        return g_strdup_printf (_("This response draws on %s gathered by %s."),
                                items_text, organisation);
      /* TRANSLATORS: %s is "108 comments". */
      return g_strdup_printf (_("This response draws on %s."), items_text);
    }

  if (n_productive < n_activities)
    {
      if (have_organisation)
        /* TRANSLATORS: "108 comments" "NHS Trafford" "2" "4"; the plural
         * follows the second number, the activities in the table below. */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "This response draws on %s gathered by %s "
                                             "through %u of the %u consultation activity below.",
                                             "This response draws on %s gathered by %s "
                                             "through %u of the %u consultation activities below.",
                                             n_activities),
                                items_text, organisation, n_productive, n_activities);
      /* TRANSLATORS: "108 comments" "2" "4"; the plural follows the second number. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "This response draws on %s gathered "
                                           "through %u of the %u consultation activity below.",
                                           "This response draws on %s gathered "
                                           "through %u of the %u consultation activities below.",
                                           n_activities),
                              items_text, n_productive, n_activities);
    }

  if (have_organisation)
    /* TRANSLATORS: "108 comments" "NHS Trafford" "4 consultation activities" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "This response draws on %s gathered by %s "
                                         "through the consultation activity below.",
                                         "This response draws on %s gathered by %s "
                                         "through the %u consultation activities below.",
                                         n_activities),
                            items_text, organisation, n_activities);
  /* TRANSLATORS: "108 comments" "4 consultation activities" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This response draws on %s gathered "
                                       "through the consultation activity below.",
                                       "This response draws on %s gathered "
                                       "through the %u consultation activities below.",
                                       n_activities),
                          items_text, n_activities);
}

static void
add_activities (Builder *b)
{
  GListModel *activities = chorus_project_get_activities (b->project);
  guint n_activities = g_list_model_get_n_items (activities);
  g_autoptr(ChorusStats) stats = chorus_stats_ref (chorus_project_get_stats (b->project));
  guint n_items = chorus_stats_get_n_items (stats);
  static const double widths[] = { 0.25, 0.19, 0.34, 0.22 };
  const char *headers[] = {
    _("Consultation activity"), _("Date of activity"), _("Who was involved"),
    _("Numbers involved"),
  };

  chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_HEADING_1,
                                  _("Summary of consultation activities"), "activities", 1);

  if (n_activities == 0)
    {
      chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_NOTE,
                                        _("No consultation activities were recorded."));
      return;
    }

  if (n_items > 0)
    {
      const char *organisation = chorus_project_get_organisation (b->project);
      g_autofree char *items_text = NULL;
      g_autofree char *sentence = NULL;

      /* TRANSLATORS: the start of a sentence: "108 comments …". */
      items_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments",
                                                 n_items), n_items);
      sentence = activities_sentence (organisation, items_text, n_activities,
                                      count_productive_activities (activities, stats));
      chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_BODY, sentence);
    }

  chorus_page_layout_begin_table (b->layout, G_N_ELEMENTS (widths), widths, headers);
  for (guint i = 0; i < n_activities; i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (activities, i);

      chorus_page_layout_begin_row (b->layout);
      chorus_page_layout_add_cell_text (b->layout, 0, CHORUS_LAYOUT_STYLE_TABLE_STRONG,
                                        CHORUS_LAYOUT_TEXT_NONE, NULL,
                                        chorus_activity_get_title (activity));
      chorus_page_layout_add_cell_text (b->layout, 1, CHORUS_LAYOUT_STYLE_TABLE_CELL,
                                        CHORUS_LAYOUT_TEXT_NONE, NULL,
                                        chorus_activity_get_dates (activity));
      chorus_page_layout_add_cell_text (b->layout, 2, CHORUS_LAYOUT_STYLE_TABLE_CELL,
                                        CHORUS_LAYOUT_TEXT_NONE, NULL,
                                        chorus_activity_get_involved (activity));
      chorus_page_layout_add_cell_text (b->layout, 3, CHORUS_LAYOUT_STYLE_TABLE_CELL,
                                        CHORUS_LAYOUT_TEXT_NONE, NULL,
                                        chorus_activity_get_number_involved (activity));
    }
  chorus_page_layout_end_table (b->layout);
}

/* Consultation documents ------------------------------------------------- */

/* What stands for an answer the organisation did not write. A bare "No
 * response" right above a partner's answer reads as if nobody answered:
 * when a partner did, the note points to it. */
static char *
no_answer_note (Builder    *b,
                const char *question_id)
{
  const char *organisation = chorus_project_get_organisation (b->project);
  ChorusGroup *partner = NULL;
  guint n_partners = 0;

  for (guint g = 0; g < b->partners->len; g++)
    {
      ChorusGroup *group = g_ptr_array_index (b->partners, g);
      const char *text = chorus_project_get_partner_response (b->project, group, question_id);

      if (text != NULL && *text != '\0')
        {
          partner = group;
          n_partners++;
        }
    }

  if (n_partners == 0)
    return g_strdup (_("No response"));

  if (organisation == NULL || *organisation == '\0')
    {
      if (n_partners == 1)
        /* TRANSLATORS: %s is a partner organisation ("Trafford Council"). */
        return g_strdup_printf (_("No separate response; see the response from %s below"),
                                chorus_group_get_name (partner));
      return g_strdup (_("No separate response; see the partners’ responses below"));
    }

  if (n_partners == 1)
    /* TRANSLATORS: the first %s is the responding organisation, the second a
     * partner organisation ("Trafford Council"). */
    return g_strdup_printf (_("No separate response from %s; see the response from %s below"),
                            organisation, chorus_group_get_name (partner));
  /* TRANSLATORS: %s is the responding organisation. */
  return g_strdup_printf (_("No separate response from %s; see the partners’ responses below"),
                          organisation);
}

static void
add_answer (Builder        *b,
            ChorusQuestion *question)
{
  const char *question_id = chorus_question_get_id (question);
  ChorusDraft *answer = chorus_project_get_answer (b->project, question_id);
  const char *text = answer ? chorus_draft_get_text (answer) : NULL;
  const char *option_id = answer ? chorus_draft_get_option_id (answer) : NULL;
  const char *option = option_id ? chorus_question_find_option (question, option_id) : NULL;
  g_autofree char *anchor = anchor_for ("q", question_id);
  g_auto(GStrv) paragraphs = _chorus_export_split_paragraphs (text);

  chorus_page_layout_add_text (b->layout, CHORUS_LAYOUT_STYLE_QUESTION, CHORUS_LAYOUT_TEXT_NONE,
                               question_number (question), chorus_question_get_text (question),
                               anchor, 3);

  if (option != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (option, -1);
      /* TRANSLATORS: before the option the organisation chose; keep the markup. */
      g_autofree char *markup = g_strdup_printf (_("<b>Our choice:</b> %s"), escaped);

      chorus_page_layout_add_text (b->layout, CHORUS_LAYOUT_STYLE_BODY,
                                   CHORUS_LAYOUT_TEXT_MARKUP, NULL, markup, NULL, 0);
    }

  for (guint i = 0; paragraphs[i] != NULL; i++)
    chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_BODY, paragraphs[i]);

  /* A question left unanswered is said to be, never silently dropped. */
  if (option == NULL && paragraphs[0] == NULL)
    {
      g_autofree char *note = no_answer_note (b, question_id);

      chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_NOTE, note);
    }

  add_partner_responses (b, question_id, CHORUS_LAYOUT_STYLE_QUOTE_LABEL);
}

/* One item as a bullet in the input table: its further lines continue the
 * bullet; the author, when named, follows in the muted colour. */
static void
add_item_bullet (Builder    *b,
                 ChorusItem *item)
{
  const char *author = b->options->redact_authors ? NULL : chorus_item_get_author (item);
  g_auto(GStrv) lines = g_strsplit (chorus_item_get_text (item), "\n", -1);
  guint n_lines = 0;
  guint written = 0;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_strstrip (lines[l]);
      if (lines[l][0] != '\0')
        n_lines++;
    }
  if (n_lines == 0)
    return;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      ChorusLayoutTextFlags flags = written == 0 ? CHORUS_LAYOUT_TEXT_NONE
                                                 : CHORUS_LAYOUT_TEXT_CONTINUATION;
      ChorusLayoutStyle style;
      const char *marker;

      if (lines[l][0] == '\0')
        continue;
      written++;

      /* An item typed as "- point" is already a bullet: its own marker
       * would show as a stray "- " after ours. */
      if (written == 1 && strip_list_marker (lines[l]) != NULL)
        {
          const char *rest = strip_list_marker (lines[l]);

          memmove (lines[l], rest, strlen (rest) + 1);
        }

      /* "- reports showing …" under an item: a bullet one level down. */
      if (written > 1 && strip_list_marker (lines[l]) != NULL)
        {
          const char *rest = strip_list_marker (lines[l]);

          memmove (lines[l], rest, strlen (rest) + 1);
          style = CHORUS_LAYOUT_STYLE_TABLE_BULLET_2;
          marker = "–";
          flags = CHORUS_LAYOUT_TEXT_NONE;
        }
      else
        {
          style = CHORUS_LAYOUT_STYLE_TABLE_BULLET;
          marker = written == 1 ? "•" : NULL;
        }

      if (written == n_lines && author != NULL && *author != '\0')
        {
          g_autofree char *text = g_markup_escape_text (lines[l], -1);
          g_autofree char *name = g_markup_escape_text (author, -1);
          g_autofree char *markup =
            g_strdup_printf ("%s <span foreground=\"#5a5a5a\">— %s</span>", text, name);

          chorus_page_layout_add_cell_text (b->layout, 2, style,
                                            flags | CHORUS_LAYOUT_TEXT_MARKUP, marker, markup);
        }
      else
        {
          chorus_page_layout_add_cell_text (b->layout, 2, style, flags, marker, lines[l]);
        }
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
same_id (const char *a,
         const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

/* The "Group | Question | Summary response" table of one document: a row
 * per group and question, and in the response cell a sub-heading per
 * activity with its items as bullets. */
static void
add_input_table (Builder        *b,
                 ChorusDocument *document)
{
  /* The question column takes a question of three or four lines' length in about ten lines:
   * narrower, a long one ran to twenty and left the row mostly white. */
  static const double widths[] = { 0.13, 0.36, 0.51 };
  const char *headers[] = { _("Group"), _("Question"), _("Summary response to each question") };
  GListModel *groups = chorus_project_get_groups (b->project);
  GListModel *activities = chorus_project_get_activities (b->project);
  guint n_groups = g_list_model_get_n_items (groups);
  guint n_activities = g_list_model_get_n_items (activities);
  g_autoptr(GArray) order = _chorus_export_activity_order (b->project);
  GListModel *sections = chorus_document_get_sections (document);
  g_autofree char *anchor = anchor_for ("input", chorus_document_get_id (document));

  chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_HEADING_2,
                                  _("Summary of responses to each question"), anchor, 2);
  chorus_page_layout_begin_table (b->layout, G_N_ELEMENTS (widths), widths, headers);

  /* Groups in the project's order, then the items that have none. */
  for (guint g = 0; g <= n_groups; g++)
    {
      g_autoptr(ChorusGroup) group = g < n_groups ? g_list_model_get_item (groups, g) : NULL;
      const char *group_id = group ? chorus_group_get_id (group) : NULL;
      const char *group_name = group ? chorus_group_get_name (group) : _("No group");

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
          GListModel *questions = chorus_section_get_questions (section);

          for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
            {
              g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
              GPtrArray *items = g_hash_table_lookup (b->items_by_question,
                                                      chorus_question_get_id (question));
              g_autofree char *continued = NULL;
              gboolean row_started = FALSE;

              if (items == NULL)
                continue;

              /* Activities by kind, then items without one. */
              for (guint o = 0; o < order->len; o++)
                {
                  guint a = g_array_index (order, guint, o);
                  g_autoptr(ChorusActivity) activity =
                    a < n_activities ? g_list_model_get_item (activities, a) : NULL;
                  const char *activity_id = activity ? chorus_activity_get_id (activity) : NULL;
                  gboolean heading_added = FALSE;

                  for (guint i = 0; i < items->len; i++)
                    {
                      ChorusItem *item = g_ptr_array_index (items, i);

                      if (!same_id (chorus_item_get_group_id (item), group_id) ||
                          !same_id (chorus_item_get_activity_id (item), activity_id) ||
                          is_blank (chorus_item_get_text (item)))
                        continue;

                      if (!row_started)
                        {
                          chorus_page_layout_begin_row (b->layout);
                          chorus_page_layout_add_cell_text (b->layout, 0,
                                                            CHORUS_LAYOUT_STYLE_TABLE_STRONG,
                                                            CHORUS_LAYOUT_TEXT_NONE, NULL,
                                                            group_name);
                          /* Split, the question's second half would stand
                           * on the next page without its number. */
                          chorus_page_layout_add_cell_text (b->layout, 1,
                                                            CHORUS_LAYOUT_STYLE_TABLE_CELL,
                                                            CHORUS_LAYOUT_TEXT_KEEP_TOGETHER,
                                                            question_number (question),
                                                            chorus_question_get_text (question));
                          /* On the next page, a reader still knows whose
                           * input on which question this is. */
                          chorus_page_layout_set_cell_continued
                            (b->layout, 0, CHORUS_LAYOUT_STYLE_TABLE_STRONG_CONTINUED, group_name);
                          continued = g_strdup_printf (_("%s (continued)"),
                                                       question_number (question)
                                                       ? question_number (question)
                                                       : _("Question"));
                          chorus_page_layout_set_cell_continued (b->layout, 1,
                                                                 CHORUS_LAYOUT_STYLE_TABLE_NOTE,
                                                                 continued);
                          row_started = TRUE;
                        }
                      if (!heading_added)
                        {
                          g_autofree char *label = _chorus_export_activity_label (b->project,
                                                                                  activity);

                          g_autofree char *repeat = NULL;

                          chorus_page_layout_add_cell_text (b->layout, 2,
                                                            CHORUS_LAYOUT_STYLE_TABLE_SUBHEADING,
                                                            CHORUS_LAYOUT_TEXT_NONE, NULL, label);
                          /* Bullets at the top of a page: from which activity? */
                          repeat = g_strdup_printf (_("%s (continued)"), label);
                          chorus_page_layout_set_cell_repeat (b->layout, 2, repeat);
                          heading_added = TRUE;
                        }
                      add_item_bullet (b, item);
                    }
                }
            }
        }
    }

  chorus_page_layout_end_table (b->layout);
}

static void
add_document (Builder        *b,
              ChorusDocument *document,
              guint           index)
{
  const char *document_id = chorus_document_get_id (document);
  const char *key_points = chorus_project_get_key_points (b->project, document_id);
  GListModel *sections = chorus_document_get_sections (document);
  g_autofree char *anchor = anchor_for ("doc", document_id);
  g_autofree char *number = document_number (index);

  chorus_page_layout_add_page_break (b->layout);
  chorus_page_layout_add_text (b->layout, CHORUS_LAYOUT_STYLE_HEADING_1, CHORUS_LAYOUT_TEXT_NONE,
                               number, chorus_document_get_title (document), anchor, 1);

  /* The consultation's own summary of the document, set apart from ours. */
  add_paragraphs (b, CHORUS_LAYOUT_STYLE_LEAD, chorus_document_get_summary (document));

  if (key_points != NULL && *key_points != '\0')
    {
      chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_HEADING_3, _("Key points"),
                                      NULL, 0);
      add_bullets (b, CHORUS_LAYOUT_STYLE_BULLET, key_points);
    }

  add_partner_responses (b, document_id, CHORUS_LAYOUT_STYLE_QUOTE_LABEL);

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
      GListModel *questions = chorus_section_get_questions (section);
      const char *section_points = chorus_project_get_key_points (b->project,
                                                                  chorus_section_get_id (section));
      g_autofree char *section_anchor = anchor_for ("sec", chorus_section_get_id (section));

      if (!section_has_content (b, section))
        continue;

      chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_HEADING_2,
                                      chorus_section_get_title (section), section_anchor, 2);
      if (section_points != NULL && *section_points != '\0')
        {
          chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_HEADING_3,
                                          _("Key points"), NULL, 0);
          add_bullets (b, CHORUS_LAYOUT_STYLE_BULLET, section_points);
        }

      for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
        {
          g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);

          add_answer (b, question);
        }
    }

  if (b->options->include_input_tables && document_has_input (b, document))
    add_input_table (b, document);
}

static void
add_general_responses (Builder *b)
{
  if (!has_general_responses (b))
    return;

  chorus_page_layout_add_page_break (b->layout);
  chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_HEADING_1,
                                  _("General responses from partners"), "general", 1);
  add_partner_responses (b, chorus_consultation_get_id (b->consultation),
                         CHORUS_LAYOUT_STYLE_HEADING_3);
}

/* Charts -------------------------------------------------------------------- */

/* The heatmap needs width for its columns: drawn a little smaller, it shows
 * more themes before it adds the rest up as "Other". */
static double
chart_scale (ChorusChart *chart)
{
  return chorus_chart_get_kind (chart) == CHORUS_CHART_KIND_HEATMAP ? HEATMAP_SCALE : CHART_SCALE;
}

static void
draw_chart_cb (cairo_t *cr,
               double   width,
               double   height,
               gpointer user_data)
{
  ChorusChart *chart = user_data;
  double scale = chart_scale (chart);

  cairo_scale (cr, scale, scale);
  chorus_chart_render (chart, cr, width / scale, height / scale);
}

static guint
count_used (GListModel *list,
            ChorusStats *stats,
            gboolean     groups)
{
  guint used = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);
      guint count = groups
        ? chorus_stats_count_group (stats, chorus_group_get_id (CHORUS_GROUP (object)))
        : chorus_stats_count_activity (stats, chorus_activity_get_id (CHORUS_ACTIVITY (object)));

      if (count > 0)
        used++;
    }

  return used;
}

static gboolean
document_has_questions (ChorusDocument *document)
{
  GListModel *sections = chorus_document_get_sections (document);

  for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
    {
      g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);

      if (g_list_model_get_n_items (chorus_section_get_questions (section)) > 0)
        return TRUE;
    }

  return FALSE;
}

/* Under a stance chart: the questions it leaves out because nobody spoke
 * to them (empty bars would say nothing), so a reader does not take the
 * chart for every question of the document. */
static void
add_stance_note (Builder        *b,
                 ChorusDocument *document,
                 ChorusStats    *stats)
{
  GListModel *questions = chorus_consultation_get_questions (b->consultation);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new ();
  g_autofree char *note = NULL;
  guint n_without = 0;
  guint n_with = 0;

  for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
      const char *number = chorus_question_get_number (question);

      if (document != NULL &&
          chorus_section_get_document (chorus_question_get_section (question)) != document)
        continue;

      if (chorus_stats_count_question (stats, chorus_question_get_id (question)) > 0)
        {
          n_with++;
          continue;
        }
      n_without++;
      if (number != NULL && *number != '\0')
        g_ptr_array_add (numbers, (gpointer) number);
    }

  /* With no input at all the chart says so itself. */
  if (n_without == 0 || n_with == 0)
    return;

  if (numbers->len == n_without)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (numbers, NULL);
      /* TRANSLATORS: between question numbers in a list: "Q1, Q2, Q7". */
      list = g_strjoinv (_(", "), (char **) numbers->pdata);
      /* TRANSLATORS: under a stance chart; %s lists question numbers ("Q1, Q2, Q7"). */
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Question not shown because it had no input: %s.",
                                           "Questions not shown because they had no input: %s.",
                                           n_without),
                              list);
    }
  else
    {
      /* TRANSLATORS: under a stance chart. */
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u question with no input is not shown.",
                                           "%u questions with no input are not shown.",
                                           n_without),
                              n_without);
    }

  chorus_page_layout_add_paragraph (b->layout, CHORUS_LAYOUT_STYLE_CAPTION, note);
}

static void
add_chart (Builder                 *b,
           ChorusChartKind          kind,
           ChorusDocument          *document,
           const cairo_rectangle_t *body,
           ChorusStats             *stats,
           guint                    n_groups_used,
           gboolean                 first)
{
  ChorusChart *chart = chorus_chart_new (kind, b->project);
  g_autofree char *title = NULL;
  double height;

  chorus_chart_set_show_title (chart, FALSE);
  /* Paper has the room a window lacks: every theme, as far as the page
   * allows, rather than the dashboard's dozen. */
  chorus_chart_set_max_bars (chart, 30);
  if (kind == CHORUS_CHART_KIND_THEMES)
    chorus_chart_set_stack_by_group (chart, n_groups_used > 1);
  if (kind == CHORUS_CHART_KIND_HEATMAP && n_groups_used < 2 &&
      count_used (chorus_project_get_activities (b->project), stats, FALSE) > 1)
    chorus_chart_set_heatmap_rows (chart, CHORUS_CHART_ROWS_ACTIVITIES);
  if (document != NULL)
    chorus_chart_set_document_id (chart, chorus_document_get_id (document));

  height = chorus_chart_get_natural_height (chart, body->width / chart_scale (chart)) *
           chart_scale (chart);
  /* Room for the heading above it, and above the first the section's
   * heading and sentence too. */
  height = CLAMP (height, 60, body->height - (first ? 140 : 40));

  if (document != NULL)
    /* TRANSLATORS: a chart's heading: the chart, then a consultation document. */
    title = g_strdup_printf (_("%s: %s"), chorus_chart_get_title (chart),
                             chorus_document_get_title (document));
  else
    title = g_strdup (chorus_chart_get_title (chart));

  chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_HEADING_2, title, NULL, 0);
  chorus_page_layout_add_drawing (b->layout, height, draw_chart_cb, chart, g_object_unref);
  if (kind == CHORUS_CHART_KIND_STANCE)
    add_stance_note (b, document, stats);
}

/* The input charts. Not the coverage chart: how far drafting has got is
 * the organisation's own business, not part of what it submits. */
static void
add_charts (Builder *b)
{
  static const ChorusChartKind kinds[] = {
    CHORUS_CHART_KIND_THEMES,
    CHORUS_CHART_KIND_STANCE,
    CHORUS_CHART_KIND_HEATMAP,
  };
  g_autoptr(ChorusStats) stats = chorus_stats_ref (chorus_project_get_stats (b->project));
  guint n_groups_used = count_used (chorus_project_get_groups (b->project), stats, TRUE);
  cairo_rectangle_t body;

  chorus_page_layout_get_body_area (b->layout, &body);

  chorus_page_layout_add_page_break (b->layout);
  chorus_page_layout_add_heading (b->layout, CHORUS_LAYOUT_STYLE_HEADING_1, _("Summary charts"),
                                  "charts", 1);
  /* With the first chart, not alone on a page of its own. */
  chorus_page_layout_add_text (b->layout, CHORUS_LAYOUT_STYLE_BODY,
                               CHORUS_LAYOUT_TEXT_KEEP_WITH_NEXT, NULL,
                               _("The charts count all the input recorded for this "
                                 "response, including any not published above."), NULL, 0);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GListModel *documents = chorus_consultation_get_documents (b->consultation);
      guint n_with_questions = 0;

      for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
        {
          g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);

          if (document_has_questions (document))
            n_with_questions++;
        }

      /* Stance per document: one chart of every question of a large
       * consultation would not fit a page, and would leave some out. */
      if (kinds[i] == CHORUS_CHART_KIND_STANCE && n_with_questions > 1)
        {
          for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
            {
              g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);

              if (document_has_questions (document))
                add_chart (b, kinds[i], document, &body, stats, n_groups_used, i == 0);
            }
        }
      else
        {
          add_chart (b, kinds[i], NULL, &body, stats, n_groups_used, i == 0);
        }
    }
}

/* Putting it together ---------------------------------------------------------- */

static void
paper_size (const ChorusExportOptions *options,
            double                    *width,
            double                    *height)
{
  if (options->paper_size == CHORUS_PAPER_SIZE_LETTER)
    {
      *width = LETTER_WIDTH;
      *height = LETTER_HEIGHT;
    }
  else
    {
      *width = A4_WIDTH;
      *height = A4_HEIGHT;
    }
}

static void
builder_init (Builder                   *b,
              ChorusProject             *project,
              const ChorusExportOptions *options)
{
  g_autoptr(GPtrArray) items = _chorus_export_sorted_items (project, options);
  GListModel *groups = chorus_project_get_groups (project);

  b->project = project;
  b->options = options;
  b->consultation = chorus_project_get_consultation (project);
  b->items_by_question = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < items->len; i++)
    {
      ChorusItem *item = g_ptr_array_index (items, i);
      const char *question_id = chorus_item_get_question_id (item);
      GPtrArray *list = g_hash_table_lookup (b->items_by_question, question_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          /* The key belongs to the item, which the project keeps alive. */
          g_hash_table_insert (b->items_by_question, (char *) question_id, list);
        }
      g_ptr_array_add (list, item);
    }

  b->partners = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
    {
      ChorusGroup *group = g_list_model_get_item (groups, g);

      if (chorus_group_get_partner (group))
        g_ptr_array_add (b->partners, group);
      else
        g_object_unref (group);
    }
}

static void
builder_clear (Builder *b)
{
  g_clear_pointer (&b->items_by_question, g_hash_table_unref);
  g_clear_pointer (&b->partners, g_ptr_array_unref);
  g_clear_object (&b->layout);
}

ChorusPageLayout *
chorus_export_layout_new (ChorusProject             *project,
                          const ChorusExportOptions *options,
                          double                     page_width,
                          double                     page_height,
                          GError                   **error)
{
  Builder b = { 0 };
  GListModel *documents;
  const char *organisation;
  ChorusPageLayout *layout;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);

  options = _chorus_export_options_or_default (options);
  if (page_width <= 0 || page_height <= 0)
    paper_size (options, &page_width, &page_height);

  builder_init (&b, project, options);
  b.layout = chorus_page_layout_new (page_width, page_height);
  organisation = chorus_project_get_organisation (project);
  chorus_page_layout_set_header (b.layout, chorus_consultation_get_title (b.consultation),
                                 organisation && *organisation ? organisation : NULL);

  add_title_page (&b);
  add_contents (&b);
  add_activities (&b);

  documents = chorus_consultation_get_documents (b.consultation);
  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);

      add_document (&b, document, d);
    }

  add_general_responses (&b);

  if (options->include_charts)
    add_charts (&b);

  layout = g_steal_pointer (&b.layout);
  builder_clear (&b);

  if (!chorus_page_layout_paginate (layout, options->cancellable, options->progress,
                                    options->progress_data, error))
    {
      g_object_unref (layout);
      return NULL;
    }

  return layout;
}

/* Writing the file ------------------------------------------------------------ */

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  return _chorus_export_file_write (closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                            : CAIRO_STATUS_WRITE_ERROR;
}

static void
set_metadata (cairo_surface_t           *surface,
              ChorusProject             *project,
              const ChorusExportOptions *options)
{
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  const char *organisation = chorus_project_get_organisation (project);
  const char *title = chorus_consultation_get_title (consultation);
  g_autoptr(GDateTime) date = _chorus_export_get_date (options);
  g_autofree char *iso_date = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *subject = NULL;
  g_autofree char *pdf_title = NULL;

  if (organisation != NULL && *organisation != '\0')
    {
      /* TRANSLATORS: the PDF's title, shown in a viewer's title bar; the
       * organisation, then the consultation's title. */
      pdf_title = g_strdup_printf (_("%s: response to %s"), organisation, title);
      /* TRANSLATORS: the PDF's subject; the organisation, then the consultation. */
      subject = g_strdup_printf (_("A response from %s to the consultation “%s”"),
                                 organisation, title);
    }
  else
    {
      pdf_title = g_strdup (title);
      /* TRANSLATORS: the PDF's subject; %s is the consultation. */
      subject = g_strdup_printf (_("A response to the consultation “%s”"), title);
    }

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pdf_title);
  if (organisation != NULL && *organisation != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, organisation);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chorus");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS,
                                  _("consultation response"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, iso_date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, iso_date);
}

gboolean
chorus_export_pdf (ChorusProject             *project,
                   const char                *path,
                   const ChorusExportOptions *options,
                   GError                   **error)
{
  g_autoptr(ChorusPageLayout) layout = NULL;
  ChorusExportFile *file;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width;
  double height;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  options = _chorus_export_options_or_default (options);

  /* Open the file first: an unwritable folder fails at once, not after
   * the whole document has been laid out. */
  file = _chorus_export_file_open (path, error);
  if (file == NULL)
    return FALSE;

  layout = chorus_export_layout_new (project, options, 0, 0, error);
  if (layout == NULL)
    {
      _chorus_export_file_abort (file);
      return FALSE;
    }

  chorus_page_layout_get_page_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_cb, file, width, height);
  set_metadata (surface, project, options);

  if (!chorus_page_layout_write_pdf (layout, surface, options->cancellable, options->progress,
                                     options->progress_data, error))
    {
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      _chorus_export_file_abort (file);
      return FALSE;
    }

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS && status != CAIRO_STATUS_WRITE_ERROR)
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO, _("Could not export to “%s”: %s"),
                   display_name, cairo_status_to_string (status));
      _chorus_export_file_abort (file);
      return FALSE;
    }

  /* A write error was recorded by the file and is reported from here. */
  return _chorus_export_file_commit (file, error);
}
