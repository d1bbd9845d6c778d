/* chorus-xml-export.c — the submission XML a department's portal reads
 *
 * The document is written with the same deterministic writer as project
 * files (same project and options, same bytes), then parsed back and
 * validated against resources/schemas/submission.rng, streaming, before
 * anything reaches the disk: a submission that breaks its own schema is a bug, and
 * is reported as one rather than sent.
 *
 * Counts are read from ChorusStats, never recounted here, so the XML, the
 * charts, the dashboard and `chorus-cli stats` cannot disagree. Per
 * question, the counts per group and per activity are sums of the
 * statistics' question × group × activity cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>

#include "chorus-core-resources.h"
#include "chorus-export-private.h"
#include "chorus-xml-writer.h"

#define SCHEMA_RESOURCE "/io/github/chorus_app/Chorus/schemas/submission.rng"

typedef struct
{
  ChorusProject             *project;
  const ChorusExportOptions *options;
  ChorusConsultation        *consultation;
  ChorusStats               *stats;
  ChorusXmlWriter            writer;
  GPtrArray                 *partners;
  GPtrArray                 *groups;
  GPtrArray                 *activities;
  GPtrArray                 *themes;
  /* question id → GPtrArray of published items, with include_input */
  GHashTable                *items_by_question;
} XmlExport;

static GPtrArray *
list_to_array (GListModel *list)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (array, g_list_model_get_item (list, i));

  return array;
}

static inline const char *
format_count (char  *buffer,
              gsize  size,
              guint  count)
{
  g_snprintf (buffer, size, "%u", count);
  return buffer;
}

static void
write_count (XmlExport  *x,
             guint       depth,
             const char *element,
             const char *key,
             const char *value,
             guint       count)
{
  char number[16];

  if (count == 0)
    return;

  chorus_xml_writer_empty (&x->writer, depth, element,
                           key, value,
                           "items", format_count (number, sizeof number, count),
                           NULL);
}

static void
write_key_points (XmlExport  *x,
                  guint       depth,
                  const char *target_id)
{
  const char *text = chorus_project_get_key_points (x->project, target_id);
  g_auto(GStrv) points = _chorus_export_split_paragraphs (text);

  if (points[0] == NULL)
    return;

  chorus_xml_writer_open (&x->writer, depth, "key-points", NULL);
  for (guint i = 0; points[i] != NULL; i++)
    chorus_xml_writer_text (&x->writer, depth + 1, "point", points[i], NULL);
  chorus_xml_writer_close (&x->writer, depth, "key-points");
}

static void
write_partner_responses (XmlExport  *x,
                         guint       depth,
                         const char *target_id)
{
  for (guint g = 0; g < x->partners->len; g++)
    {
      ChorusGroup *group = g_ptr_array_index (x->partners, g);
      const char *text = chorus_project_get_partner_response (x->project, group, target_id);
      g_auto(GStrv) paragraphs = _chorus_export_split_paragraphs (text);

      if (paragraphs[0] == NULL)
        continue;

      chorus_xml_writer_open (&x->writer, depth, "partner-response",
                              "group", chorus_group_get_id (group), NULL);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        chorus_xml_writer_text (&x->writer, depth + 1, "p", paragraphs[i], NULL);
      chorus_xml_writer_close (&x->writer, depth, "partner-response");
    }
}

static void
write_header (XmlExport *x)
{
  ChorusProject *project = x->project;
  g_autoptr(GDateTime) date = _chorus_export_get_date (x->options);
  g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");
  const char *name = chorus_project_get_contact_name (project);
  const char *role = chorus_project_get_contact_role (project);
  const char *email = chorus_project_get_contact_email (project);
  const char *phone = chorus_project_get_contact_phone (project);
  const char *organisation = chorus_project_get_organisation (project);

  chorus_xml_writer_open (&x->writer, 0, "submission",
                          "xmlns", CHORUS_SUBMISSION_NAMESPACE,
                          "version", G_STRINGIFY (CHORUS_SUBMISSION_VERSION),
                          "date", day,
                          "generator", "Chorus " PACKAGE_VERSION,
                          NULL);

  chorus_xml_writer_open (&x->writer, 1, "respondent", NULL);
  chorus_xml_writer_text (&x->writer, 2, "organisation", organisation ? organisation : "", NULL);
  if ((name && *name) || (role && *role) || (email && *email) || (phone && *phone))
    chorus_xml_writer_empty (&x->writer, 2, "contact",
                             "name", name && *name ? name : NULL,
                             "role", role && *role ? role : NULL,
                             "email", email && *email ? email : NULL,
                             "phone", phone && *phone ? phone : NULL,
                             NULL);
  chorus_xml_writer_close (&x->writer, 1, "respondent");

  chorus_xml_writer_open (&x->writer, 1, "consultation",
                          "id", chorus_consultation_get_id (x->consultation), NULL);
  chorus_xml_writer_text (&x->writer, 2, "title",
                          chorus_consultation_get_title (x->consultation), NULL);
  chorus_xml_writer_text (&x->writer, 2, "issuer",
                          chorus_consultation_get_issuer (x->consultation), NULL);
  chorus_xml_writer_text (&x->writer, 2, "reference",
                          chorus_consultation_get_reference (x->consultation), NULL);
  chorus_xml_writer_close (&x->writer, 1, "consultation");
}

static void
write_definitions (XmlExport *x)
{
  chorus_xml_writer_open (&x->writer, 1, "groups", NULL);
  for (guint g = 0; g < x->groups->len; g++)
    {
      ChorusGroup *group = g_ptr_array_index (x->groups, g);

      chorus_xml_writer_text (&x->writer, 2, "group", chorus_group_get_name (group),
                              "id", chorus_group_get_id (group),
                              "partner", chorus_group_get_partner (group) ? "true" : NULL,
                              NULL);
    }
  chorus_xml_writer_close (&x->writer, 1, "groups");

  chorus_xml_writer_open (&x->writer, 1, "activities", NULL);
  for (guint a = 0; a < x->activities->len; a++)
    {
      ChorusActivity *activity = g_ptr_array_index (x->activities, a);

      ChorusActivityKind kind = chorus_activity_get_kind (activity);

      chorus_xml_writer_open (&x->writer, 2, "activity",
                              "id", chorus_activity_get_id (activity),
                              "kind", chorus_activity_kind_to_string (kind),
                              NULL);
      chorus_xml_writer_text (&x->writer, 3, "title", chorus_activity_get_title (activity), NULL);
      chorus_xml_writer_text (&x->writer, 3, "dates", chorus_activity_get_dates (activity), NULL);
      chorus_xml_writer_text (&x->writer, 3, "involved", chorus_activity_get_involved (activity),
                              NULL);
      chorus_xml_writer_text (&x->writer, 3, "number-involved",
                              chorus_activity_get_number_involved (activity), NULL);
      chorus_xml_writer_close (&x->writer, 2, "activity");
    }
  chorus_xml_writer_close (&x->writer, 1, "activities");

  chorus_xml_writer_open (&x->writer, 1, "themes", NULL);
  for (guint t = 0; t < x->themes->len; t++)
    {
      ChorusTheme *theme = g_ptr_array_index (x->themes, t);

      chorus_xml_writer_text (&x->writer, 2, "theme", chorus_theme_get_name (theme),
                              "id", chorus_theme_get_id (theme),
                              "parent", chorus_theme_get_parent_id (theme),
                              NULL);
    }
  chorus_xml_writer_close (&x->writer, 1, "themes");
}

/* The counts of the whole response. */
static void
write_summary (XmlExport *x)
{
  char items[16];
  char coded[16];

  chorus_xml_writer_open (&x->writer, 1, "input-summary",
                          "items", format_count (items, sizeof items,
                                                 chorus_stats_get_n_items (x->stats)),
                          "coded-items", format_count (coded, sizeof coded,
                                                       chorus_stats_get_n_coded_items (x->stats)),
                          NULL);
  for (guint g = 0; g < x->groups->len; g++)
    {
      const char *id = chorus_group_get_id (g_ptr_array_index (x->groups, g));

      write_count (x, 2, "group", "ref", id, chorus_stats_count_group (x->stats, id));
    }
  write_count (x, 2, "group", "ref", NULL, chorus_stats_count_group (x->stats, NULL));

  for (guint a = 0; a < x->activities->len; a++)
    {
      const char *id = chorus_activity_get_id (g_ptr_array_index (x->activities, a));

      write_count (x, 2, "activity", "ref", id, chorus_stats_count_activity (x->stats, id));
    }
  write_count (x, 2, "activity", "ref", NULL, chorus_stats_count_activity (x->stats, NULL));

  for (guint t = 0; t < x->themes->len; t++)
    {
      const char *id = chorus_theme_get_id (g_ptr_array_index (x->themes, t));

      write_count (x, 2, "theme", "ref", id, chorus_stats_count_theme (x->stats, id));
    }

  for (guint s = 0; s < CHORUS_N_STANCES; s++)
    write_count (x, 2, "stance", "value", chorus_stance_to_string (s),
                 chorus_stats_count_stance (x->stats, s));

  chorus_xml_writer_close (&x->writer, 1, "input-summary");
}

/* Items of @question in group @group_id (NULL: none), every activity. */
static guint
question_group_count (XmlExport  *x,
                      const char *question_id,
                      const char *group_id)
{
  guint count = chorus_stats_count_question_group_activity (x->stats, question_id, group_id, NULL);

  for (guint a = 0; a < x->activities->len; a++)
    count += chorus_stats_count_question_group_activity (
      x->stats, question_id, group_id,
      chorus_activity_get_id (g_ptr_array_index (x->activities, a)));

  return count;
}

static guint
question_activity_count (XmlExport  *x,
                         const char *question_id,
                         const char *activity_id)
{
  guint count = chorus_stats_count_question_group_activity (x->stats, question_id, NULL,
                                                            activity_id);

  for (guint g = 0; g < x->groups->len; g++)
    count += chorus_stats_count_question_group_activity (
      x->stats, question_id, chorus_group_get_id (g_ptr_array_index (x->groups, g)),
      activity_id);

  return count;
}

static void
write_question_summary (XmlExport  *x,
                        const char *question_id)
{
  char items[16];

  chorus_xml_writer_open (&x->writer, 5, "input-summary",
                          "items", format_count (items, sizeof items,
                                                 chorus_stats_count_question (x->stats,
                                                                              question_id)),
                          NULL);
  for (guint g = 0; g < x->groups->len; g++)
    {
      const char *id = chorus_group_get_id (g_ptr_array_index (x->groups, g));

      write_count (x, 6, "group", "ref", id, question_group_count (x, question_id, id));
    }
  write_count (x, 6, "group", "ref", NULL, question_group_count (x, question_id, NULL));

  for (guint a = 0; a < x->activities->len; a++)
    {
      const char *id = chorus_activity_get_id (g_ptr_array_index (x->activities, a));

      write_count (x, 6, "activity", "ref", id, question_activity_count (x, question_id, id));
    }
  write_count (x, 6, "activity", "ref", NULL, question_activity_count (x, question_id, NULL));

  for (guint t = 0; t < x->themes->len; t++)
    {
      const char *id = chorus_theme_get_id (g_ptr_array_index (x->themes, t));

      write_count (x, 6, "theme", "ref", id,
                   chorus_stats_count_question_theme (x->stats, question_id, id));
    }

  for (guint s = 0; s < CHORUS_N_STANCES; s++)
    write_count (x, 6, "stance", "value", chorus_stance_to_string (s),
                 chorus_stats_count_question_stance (x->stats, question_id, s));

  chorus_xml_writer_close (&x->writer, 5, "input-summary");
}

static void
write_input (XmlExport  *x,
             const char *question_id)
{
  GPtrArray *items = g_hash_table_lookup (x->items_by_question, question_id);

  chorus_xml_writer_open (&x->writer, 5, "input", NULL);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ChorusItem *item = g_ptr_array_index (items, i);
      ChorusStance stance = chorus_item_get_stance (item);
      const char *author = x->options->redact_authors ? NULL : chorus_item_get_author (item);
      guint length = chorus_item_get_length (item);

      chorus_xml_writer_open (&x->writer, 6, "item",
                              "id", chorus_item_get_id (item),
                              "group", chorus_item_get_group_id (item),
                              "activity", chorus_item_get_activity_id (item),
                              "stance", stance == CHORUS_STANCE_UNSET
                                        ? NULL : chorus_stance_to_string (stance),
                              "author", author && *author ? author : NULL,
                              NULL);
      chorus_xml_writer_text (&x->writer, 7, "text", chorus_item_get_text (item), NULL);
      for (guint c = 0; c < chorus_item_get_n_codings (item); c++)
        {
          guint start, end;
          const char *theme_id = chorus_item_get_coding (item, c, &start, &end);
          gboolean whole = start == 0 && end >= length;
          char start_text[16];
          char end_text[16];

          chorus_xml_writer_empty (&x->writer, 7, "coding",
                                   "theme", theme_id,
                                   "start", whole ? NULL : format_count (start_text,
                                                                         sizeof start_text, start),
                                   "end", whole ? NULL : format_count (end_text,
                                                                       sizeof end_text, end),
                                   NULL);
        }
      chorus_xml_writer_close (&x->writer, 6, "item");
    }
  chorus_xml_writer_close (&x->writer, 5, "input");
}

static void
write_question (XmlExport      *x,
                ChorusQuestion *question)
{
  const char *question_id = chorus_question_get_id (question);
  ChorusDraft *answer = chorus_project_get_answer (x->project, question_id);
  ChorusDraftStatus status = chorus_project_get_answer_status (x->project, question_id);
  const char *option_id = answer ? chorus_draft_get_option_id (answer) : NULL;
  const char *option = option_id ? chorus_question_find_option (question, option_id) : NULL;
  const char *text = answer ? chorus_draft_get_text (answer) : NULL;
  g_auto(GStrv) paragraphs = _chorus_export_split_paragraphs (text);
  const char *number = chorus_question_get_number (question);
  const char *reference = chorus_question_get_reference (question);

  chorus_xml_writer_open (&x->writer, 4, "question",
                          "id", question_id,
                          "number", number && *number ? number : NULL,
                          "kind",
                          chorus_question_kind_to_string (chorus_question_get_kind (question)),
                          "reference", reference && *reference ? reference : NULL,
                          NULL);
  chorus_xml_writer_text (&x->writer, 5, "text", chorus_question_get_text (question), NULL);

  if (option == NULL && paragraphs[0] == NULL)
    {
      chorus_xml_writer_empty (&x->writer, 5, "answer",
                               "status", chorus_draft_status_to_string (status),
                               "response", "none",
                               NULL);
    }
  else
    {
      chorus_xml_writer_open (&x->writer, 5, "answer",
                              "status", chorus_draft_status_to_string (status), NULL);
      if (option != NULL)
        chorus_xml_writer_text (&x->writer, 6, "option", option, "id", option_id, NULL);
      for (guint i = 0; paragraphs[i] != NULL; i++)
        chorus_xml_writer_text (&x->writer, 6, "p", paragraphs[i], NULL);
      chorus_xml_writer_close (&x->writer, 5, "answer");
    }

  write_partner_responses (x, 5, question_id);
  write_question_summary (x, question_id);
  if (x->options->include_input)
    write_input (x, question_id);

  chorus_xml_writer_close (&x->writer, 4, "question");
}

static void
write_documents (XmlExport *x)
{
  GListModel *documents = chorus_consultation_get_documents (x->consultation);

  for (guint d = 0; d < g_list_model_get_n_items (documents); d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);
      GListModel *sections = chorus_document_get_sections (document);

      chorus_xml_writer_open (&x->writer, 1, "document",
                              "id", chorus_document_get_id (document), NULL);
      chorus_xml_writer_text (&x->writer, 2, "title", chorus_document_get_title (document), NULL);
      write_key_points (x, 2, chorus_document_get_id (document));
      write_partner_responses (x, 2, chorus_document_get_id (document));

      for (guint s = 0; s < g_list_model_get_n_items (sections); s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
          GListModel *questions = chorus_section_get_questions (section);

          chorus_xml_writer_open (&x->writer, 2, "section",
                                  "id", chorus_section_get_id (section), NULL);
          chorus_xml_writer_text (&x->writer, 3, "title", chorus_section_get_title (section), NULL);
          write_key_points (x, 3, chorus_section_get_id (section));
          for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
            {
              g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);

              write_question (x, question);
            }
          chorus_xml_writer_close (&x->writer, 2, "section");
        }

      chorus_xml_writer_close (&x->writer, 1, "document");
    }
}

/* Validation ------------------------------------------------------------------ */

static void
collect_error_cb (void       *user_data,
                  xmlErrorPtr error)
{
  GString *messages = user_data;

  if (error == NULL || error->level == XML_ERR_WARNING || messages->len > 0)
    return;

  g_string_append_printf (messages, "line %d: %s", error->line,
                          error->message ? error->message : "?");
  g_strchomp (messages->str);
}

static xmlRelaxNGPtr
get_schema (void)
{
  static xmlRelaxNGPtr schema;

  if (g_once_init_enter (&schema))
    {
      g_autoptr(GBytes) bytes = NULL;
      xmlRelaxNGParserCtxtPtr context;
      xmlRelaxNGPtr parsed;

      /* Referencing the resource keeps the linker from dropping it. */
      (void) chorus_core_get_resource ();
      bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (bytes != NULL);

      xmlInitParser ();
      context = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                            (int) g_bytes_get_size (bytes));
      parsed = xmlRelaxNGParse (context);
      xmlRelaxNGFreeParserCtxt (context);
      if (parsed == NULL)
        g_error ("The built-in schema submission.rng does not compile");

      g_once_init_leave (&schema, parsed);
    }

  return schema;
}

/* Streaming (xmlTextReader) rather than a DOM: a submission with 100,000
 * items is some 50 MB of XML, and a tree of it would take eight times that. */
gboolean
_chorus_export_validate_submission (GBytes  *bytes,
                                    GError **error)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  xmlTextReaderPtr reader;
  int result;

  reader = xmlReaderForMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                               "submission.xml", "UTF-8", XML_PARSE_NONET);
  if (reader == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID,
                   _("The submission could not be checked; please report this as a bug"));
      return FALSE;
    }

  xmlTextReaderSetStructuredErrorHandler (reader, collect_error_cb, messages);
  result = xmlTextReaderRelaxNGSetSchema (reader, get_schema ());
  if (result == 0)
    {
      /* 1 per node read, 0 at the end, -1 on an error. */
      while ((result = xmlTextReaderRead (reader)) == 1)
        ;
    }
  if (result == 0 && xmlTextReaderIsValid (reader) != 1)
    result = -1;
  xmlFreeTextReader (reader);

  if (result != 0 || messages->len > 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID,
                   _("The submission does not match its schema (%s); please report this as a bug"),
                   messages->len > 0 ? messages->str : "?");
      return FALSE;
    }

  return TRUE;
}

GBytes *
chorus_export_xml_to_bytes (ChorusProject             *project,
                            const ChorusExportOptions *options,
                            GError                   **error)
{
  XmlExport x = { 0 };
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options = _chorus_export_options_or_default (options);
  x.project = project;
  x.options = options;
  x.consultation = chorus_project_get_consultation (project);
  x.stats = chorus_stats_ref (chorus_project_get_stats (project));
  x.groups = list_to_array (chorus_project_get_groups (project));
  x.activities = list_to_array (chorus_project_get_activities (project));
  x.themes = list_to_array (G_LIST_MODEL (chorus_project_get_codebook (project)));
  x.partners = g_ptr_array_new ();
  for (guint g = 0; g < x.groups->len; g++)
    if (chorus_group_get_partner (g_ptr_array_index (x.groups, g)))
      g_ptr_array_add (x.partners, g_ptr_array_index (x.groups, g));

  x.items_by_question = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  if (options->include_input)
    {
      g_autoptr(GPtrArray) items = _chorus_export_sorted_items (project, options);

      for (guint i = 0; i < items->len; i++)
        {
          ChorusItem *item = g_ptr_array_index (items, i);
          const char *question_id = chorus_item_get_question_id (item);
          GPtrArray *list = g_hash_table_lookup (x.items_by_question, question_id);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (x.items_by_question, (char *) question_id, list);
            }
          g_ptr_array_add (list, item);
        }
    }

  chorus_xml_writer_init (&x.writer, 64 * 1024 + (options->include_input
                                                  ? 512 * chorus_stats_get_n_items (x.stats)
                                                  : 0));
  write_header (&x);
  write_definitions (&x);
  write_summary (&x);
  write_partner_responses (&x, 1, chorus_consultation_get_id (x.consultation));
  write_documents (&x);
  chorus_xml_writer_close (&x.writer, 0, "submission");
  bytes = chorus_xml_writer_finish (&x.writer);

  g_hash_table_unref (x.items_by_question);
  g_ptr_array_unref (x.partners);
  g_ptr_array_unref (x.themes);
  g_ptr_array_unref (x.activities);
  g_ptr_array_unref (x.groups);
  chorus_stats_unref (x.stats);

  if (!_chorus_export_validate_submission (bytes, error))
    return NULL;

  return g_steal_pointer (&bytes);
}

gboolean
chorus_export_xml (ChorusProject             *project,
                   const char                *path,
                   const ChorusExportOptions *options,
                   GError                   **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (CHORUS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = chorus_export_xml_to_bytes (project, options, error);
  if (bytes == NULL)
    return FALSE;

  return _chorus_export_write_bytes (path, bytes, error);
}
