/* chorus-chart-data.c — what a chart shows, before anything is measured
 *
 * Every number comes from ChorusStats; chorus-chart-counts.c supplies the
 * few filter combinations the statistics do not keep. The data is immutable
 * and shared by the drawing, the description and the table, so the three
 * cannot disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-chart-private.h"
#include "chorus-model-private.h"

/* Okabe and Ito's colour-blind-safe palette, for groups and activities. */
static const char * const series_palette[] = {
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999",
};

#define NONE_COLOUR_LIGHT  "#bdbdbd"
#define NONE_COLOUR_DARK   "#77767b"
#define UNSET_COLOUR_LIGHT "#dcdcdc"
#define UNSET_COLOUR_DARK  "#4a4a4d"

/* Drawing order of the diverging bar: disagree on the left, agree on the
 * right, the directionless answers straddling the centre. */
static const ChorusStance stance_order[] = {
  CHORUS_STANCE_DISAGREE,
  CHORUS_STANCE_MIXED,
  CHORUS_STANCE_NEUTRAL,
  CHORUS_STANCE_UNSET,
  CHORUS_STANCE_AGREE,
};

/* Progress reads from the left: what is done first. */
static const ChorusDraftStatus status_order[] = {
  CHORUS_DRAFT_STATUS_FINAL,
  CHORUS_DRAFT_STATUS_IN_REVIEW,
  CHORUS_DRAFT_STATUS_DRAFTING,
  CHORUS_DRAFT_STATUS_NOT_STARTED,
};

char *
_chorus_chart_format_count (guint count)
{
  /* The ' flag groups thousands as the locale does ("1,234", "1 234"). */
  return g_strdup_printf ("%'u", count);
}

static void
parse_colour (const char     *colour,
              gboolean        dark,
              ChorusChartRGB *rgb)
{
  chorus_colour_parse_for_background (colour, dark, &rgb->red, &rgb->green, &rgb->blue);
}

/* Labels are drawn on one line (or wrapped by Pango); a question copied
 * from a PDF keeps its line breaks, which would start new paragraphs. */
static char *
label_dup (const char *label)
{
  return g_strdelimit (g_strdup (label != NULL ? label : ""), "\n\r\t", ' ');
}

static ChorusChartRow *
row_new (const char           *label,
         const char           *id,
         ChorusChartHitFields  field,
         guint                 n_series)
{
  ChorusChartRow *row = g_new0 (ChorusChartRow, 1);

  row->label = label_dup (label);
  row->id = g_intern_string (id);
  row->field = field;
  row->values = g_new0 (guint, MAX (n_series, 1));

  return row;
}

void
_chorus_chart_row_free (ChorusChartRow *row)
{
  if (row == NULL)
    return;

  g_free (row->label);
  g_free (row->other_ids);
  g_free (row->values);
  g_free (row);
}

static void
series_free (ChorusChartSeries *series)
{
  g_free (series->label);
  g_free (series);
}

static ChorusChartSeries *
series_add (ChorusChartData      *data,
            const char           *label,
            const char           *id,
            ChorusChartHitFields  field,
            int                   value,
            const char           *colour)
{
  ChorusChartSeries *series = g_new0 (ChorusChartSeries, 1);

  series->label = label_dup (label);
  series->id = g_intern_string (id);
  series->field = field;
  series->value = value;
  parse_colour (colour, data->dark, &series->colour);
  g_ptr_array_add (data->series, series);

  return series;
}

static void
data_finish (ChorusChartData *data)
{
  for (guint r = 0; r < data->rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (data->rows, r);

      row->total = 0;
      for (guint s = 0; s < data->series->len; s++)
        {
          ChorusChartSeries *series = g_ptr_array_index (data->series, s);

          row->total += row->values[s];
          series->total += row->values[s];
          data->max_value = MAX (data->max_value, row->values[s]);
        }
    }
}

/* "Staff · Online staff survey · 1,234 items" */
static char *
scope_text (ChorusProject           *project,
            const ChorusChartFilter *filter,
            const char              *count_text)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (filter->document_id != NULL)
    {
      ChorusConsultation *consultation = chorus_project_get_consultation (project);
      ChorusDocument *document = chorus_consultation_find_document (consultation,
                                                                    filter->document_id);

      g_ptr_array_add (parts, (gpointer) (document ? chorus_document_get_title (document)
                                                   : filter->document_id));
    }
  if (filter->group_id != NULL)
    {
      ChorusGroup *group = chorus_project_find_group (project, filter->group_id);

      g_ptr_array_add (parts, (gpointer) (group ? chorus_group_get_name (group)
                                                : filter->group_id));
    }
  if (filter->activity_id != NULL)
    {
      ChorusActivity *activity = chorus_project_find_activity (project, filter->activity_id);

      g_ptr_array_add (parts, (gpointer) (activity ? chorus_activity_get_title (activity)
                                                   : filter->activity_id));
    }
  if (parts->len == 0)
    g_ptr_array_add (parts, (gpointer) _("All input"));
  if (count_text != NULL)
    g_ptr_array_add (parts, (gpointer) count_text);
  g_ptr_array_add (parts, NULL);

  /* TRANSLATORS: the separator between the parts of a chart's subtitle. */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

static char *
items_text (guint n_items)
{
  g_autofree char *count = _chorus_chart_format_count (n_items);

  return g_strdup_printf (ngettext ("%s item", "%s items", n_items), count);
}

static guint
count_in_document (ChorusStats *stats,
                   GHashTable  *document_questions)
{
  GHashTableIter iter;
  gpointer question_id;
  guint n = 0;

  g_hash_table_iter_init (&iter, document_questions);
  while (g_hash_table_iter_next (&iter, &question_id, NULL))
    n += chorus_stats_count_question (stats, question_id);

  return n;
}

/* Themes and heatmap -------------------------------------------------------- */

/* Can ChorusStats alone answer this combination of filters and split? When
 * not, chorus-chart-counts.c walks the items. At most one filter is set
 * whenever this returns FALSE. */
static gboolean
themes_need_walk (const ChorusChartFilter *filter,
                  ChorusChartSplit         split)
{
  guint n_filters = (filter->group_id != NULL) + (filter->activity_id != NULL) +
                    (filter->document_id != NULL);

  switch (split)
    {
    case CHORUS_CHART_SPLIT_GROUPS:
      return filter->activity_id != NULL || filter->document_id != NULL;
    case CHORUS_CHART_SPLIT_ACTIVITIES:
      return filter->group_id != NULL || filter->document_id != NULL;
    case CHORUS_CHART_SPLIT_NONE:
    default:
      return n_filters >= 2;
    }
}

typedef struct
{
  const char *id;     /* interned; NULL for "none" */
  const char *label;
  gboolean    wanted; /* passes the filter on the same dimension */
} Slot;

static GArray *
split_slots (ChorusProject           *project,
             const ChorusChartFilter *filter,
             ChorusChartSplit         split)
{
  GArray *slots = g_array_new (FALSE, TRUE, sizeof (Slot));
  GListModel *model;
  const char *wanted_id;
  Slot none = { NULL, NULL, TRUE };

  if (split == CHORUS_CHART_SPLIT_NONE)
    {
      none.label = _("Items");
      g_array_append_val (slots, none);
      return slots;
    }

  if (split == CHORUS_CHART_SPLIT_GROUPS)
    {
      model = chorus_project_get_groups (project);
      wanted_id = filter->group_id;
      none.label = _("No group");
    }
  else
    {
      model = chorus_project_get_activities (project);
      wanted_id = filter->activity_id;
      none.label = _("No activity");
    }

  none.wanted = wanted_id == NULL;
  g_array_append_val (slots, none);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);
      Slot slot;

      if (split == CHORUS_CHART_SPLIT_GROUPS)
        {
          slot.id = g_intern_string (chorus_group_get_id (CHORUS_GROUP (object)));
          slot.label = chorus_group_get_name (CHORUS_GROUP (object));
        }
      else
        {
          slot.id = g_intern_string (chorus_activity_get_id (CHORUS_ACTIVITY (object)));
          slot.label = chorus_activity_get_title (CHORUS_ACTIVITY (object));
        }
      slot.wanted = wanted_id == NULL || wanted_id == slot.id;
      g_array_append_val (slots, slot);
    }

  return slots;
}

static const char *
wanted_slot_id (const ChorusChartFilter *filter,
                ChorusChartSplit         split)
{
  return split == CHORUS_CHART_SPLIT_GROUPS ? filter->group_id : filter->activity_id;
}

static guint
theme_count_from_stats (ChorusStats             *stats,
                        const ChorusChartFilter *filter,
                        ChorusChartSplit         split,
                        GHashTable              *document_questions,
                        const char              *theme_id,
                        const Slot              *slot)
{
  if (split == CHORUS_CHART_SPLIT_GROUPS)
    return chorus_stats_count_theme_group (stats, theme_id, slot->id);
  if (split == CHORUS_CHART_SPLIT_ACTIVITIES)
    return chorus_stats_count_theme_activity (stats, theme_id, slot->id);

  if (filter->group_id != NULL)
    return chorus_stats_count_theme_group (stats, theme_id, filter->group_id);
  if (filter->activity_id != NULL)
    return chorus_stats_count_theme_activity (stats, theme_id, filter->activity_id);
  if (filter->document_id != NULL)
    {
      GHashTableIter iter;
      gpointer question_id;
      guint n = 0;

      /* An item answers one question, so the per-question counts add up. */
      if (document_questions == NULL)
        return 0;
      g_hash_table_iter_init (&iter, document_questions);
      while (g_hash_table_iter_next (&iter, &question_id, NULL))
        n += chorus_stats_count_question_theme (stats, question_id, theme_id);
      return n;
    }

  return chorus_stats_count_theme (stats, theme_id);
}

static int
compare_rows_by_total (gconstpointer a,
                       gconstpointer b)
{
  const ChorusChartRow *row_a = *(ChorusChartRow * const *) a;
  const ChorusChartRow *row_b = *(ChorusChartRow * const *) b;

  /* Descending; g_ptr_array_sort() is stable, so ties keep codebook order. */
  return (row_b->total > row_a->total) - (row_b->total < row_a->total);
}

static void
build_themes (ChorusChartData  *data,
              ChorusProject    *project,
              ChorusChartSplit  split)
{
  ChorusStats *stats = chorus_project_get_stats (project);
  GListModel *codebook = G_LIST_MODEL (chorus_project_get_codebook (project));
  guint n_themes = g_list_model_get_n_items (codebook);
  g_autoptr(GArray) slots = split_slots (project, &data->filter, split);
  g_autoptr(ChorusChartCounts) counts = NULL;
  g_autoptr(GHashTable) document_questions = NULL;
  g_autofree guint *matrix = NULL;
  g_autofree guint *slot_totals = NULL;
  g_autofree int *series_of_slot = NULL;
  guint n_coded = 0;

  data->project = g_object_ref (project);
  data->split = split;

  if (data->filter.document_id != NULL)
    document_questions =
      _chorus_chart_document_questions (chorus_project_get_consultation (project),
                                        data->filter.document_id);

  if (themes_need_walk (&data->filter, split))
    {
      counts = _chorus_chart_counts_new (project, &data->filter, split);
      data->walked = TRUE;
      data->n_items = counts->n_items;
    }
  else if (data->filter.group_id != NULL)
    data->n_items = chorus_stats_count_group (stats, data->filter.group_id);
  else if (data->filter.activity_id != NULL)
    data->n_items = chorus_stats_count_activity (stats, data->filter.activity_id);
  else if (data->filter.document_id != NULL)
    data->n_items = document_questions ? count_in_document (stats, document_questions) : 0;
  else
    data->n_items = chorus_stats_get_n_items (stats);

  /* The full theme x slot matrix first; then only the slots worth a series. */
  matrix = g_new0 (guint, MAX (n_themes, 1) * slots->len);
  slot_totals = g_new0 (guint, slots->len);
  for (guint t = 0; t < n_themes; t++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (codebook, t);
      const char *theme_id = chorus_theme_get_id (theme);

      for (guint s = 0; s < slots->len; s++)
        {
          const Slot *slot = &g_array_index (slots, Slot, s);
          guint value;

          if (!slot->wanted)
            continue;
          if (counts != NULL)
            value = counts->theme_slot_counts[t * counts->n_slots + s];
          else
            value = theme_count_from_stats (stats, &data->filter, split, document_questions,
                                            theme_id, slot);
          matrix[t * slots->len + s] = value;
          slot_totals[s] += value;
        }
    }

  series_of_slot = g_new (int, slots->len);
  for (guint s = 0; s < slots->len; s++)
    {
      const Slot *slot = &g_array_index (slots, Slot, s);
      gboolean keep;

      series_of_slot[s] = -1;
      if (!slot->wanted)
        continue;

      /* A group with nothing coded would be an empty legend entry or a row
       * of zeros (a partner council writes its own response and has no
       * input); the table still lists the themes. A group asked for by the
       * filter stays, so the chart says it has nothing. */
      if (split == CHORUS_CHART_SPLIT_NONE)
        keep = TRUE;
      else
        keep = slot_totals[s] > 0 ||
               (slot->id != NULL && slot->id == wanted_slot_id (&data->filter, split));

      if (keep)
        {
          const char *colour;

          if (split == CHORUS_CHART_SPLIT_NONE)
            colour = series_palette[0];
          else if (slot->id == NULL)
            colour = data->dark ? NONE_COLOUR_DARK : NONE_COLOUR_LIGHT;
          else
            colour = series_palette[(s - 1) % G_N_ELEMENTS (series_palette)];

          series_of_slot[s] = (int) data->series->len;
          series_add (data, slot->label, slot->id,
                      split == CHORUS_CHART_SPLIT_NONE ? 0 :
                      split == CHORUS_CHART_SPLIT_GROUPS ? CHORUS_CHART_HIT_GROUP :
                      CHORUS_CHART_HIT_ACTIVITY,
                      0, colour);
        }
    }

  /* "No group" reads best last. */
  if (series_of_slot[0] >= 0 && data->series->len > 1)
    {
      gpointer none = g_ptr_array_steal_index (data->series, 0);

      g_ptr_array_add (data->series, none);
      for (guint s = 1; s < slots->len; s++)
        if (series_of_slot[s] >= 0)
          series_of_slot[s]--;
      series_of_slot[0] = (int) data->series->len - 1;
    }

  for (guint t = 0; t < n_themes; t++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (codebook, t);
      ChorusChartRow *row = row_new (chorus_theme_get_name (theme), chorus_theme_get_id (theme),
                                     CHORUS_CHART_HIT_THEME, data->series->len);

      parse_colour (chorus_theme_get_colour (theme), data->dark, &row->colour);
      row->has_colour = TRUE;
      for (guint s = 0; s < slots->len; s++)
        if (series_of_slot[s] >= 0)
          row->values[series_of_slot[s]] = matrix[t * slots->len + s];
      g_ptr_array_add (data->rows, row);
    }

  data_finish (data);
  g_ptr_array_sort (data->rows, compare_rows_by_total);

  for (guint r = 0; r < data->rows->len; r++)
    n_coded += ((ChorusChartRow *) g_ptr_array_index (data->rows, r))->total;

  {
    g_autofree char *count = items_text (data->n_items);
    data->scope = scope_text (project, &data->filter, count);
  }

  if (n_themes == 0)
    {
      data->empty_text = g_strdup (_("No themes yet"));
      data->empty_hint = g_strdup (_("Add themes to the codebook, then code the input with them."));
    }
  else if (data->n_items == 0)
    {
      data->empty_text = g_strdup (_("No input yet"));
      if (data->filter_fields != 0)
        data->empty_hint = g_strdup (_("Nothing matches the filters."));
    }
  else if (n_coded == 0)
    {
      data->empty_text = g_strdup (_("No input coded yet"));
      data->empty_hint = g_strdup (_("Select text in an item and apply a theme to see it here."));
    }
}

/* Stance -------------------------------------------------------------------- */

static const char *
question_document_id (ChorusQuestion *question)
{
  ChorusSection *section = chorus_question_get_section (question);
  ChorusDocument *document = section ? chorus_section_get_document (section) : NULL;

  return document ? g_intern_string (chorus_document_get_id (document)) : NULL;
}

static void
build_stance (ChorusChartData *data,
              ChorusProject   *project)
{
  ChorusStats *stats = chorus_project_get_stats (project);
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  GListModel *questions = chorus_consultation_get_questions (consultation);
  guint n_questions = g_list_model_get_n_items (questions);
  g_autoptr(ChorusChartCounts) counts = NULL;
  g_autoptr(GHashTable) document_questions = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const char *last_document = NULL;
  guint n_documents = 0;
  guint n_with_stance = 0;

  for (guint s = 0; s < G_N_ELEMENTS (stance_order); s++)
    {
      ChorusStance stance = stance_order[s];
      const char *colour;

      switch (stance)
        {
        case CHORUS_STANCE_DISAGREE: colour = "#d55e00"; break;
        case CHORUS_STANCE_MIXED: colour = "#cc79a7"; break;
        case CHORUS_STANCE_NEUTRAL: colour = data->dark ? "#8e8e93" : "#9e9e9e"; break;
        case CHORUS_STANCE_AGREE: colour = "#0072b2"; break;
        case CHORUS_STANCE_UNSET:
        default:
          colour = data->dark ? UNSET_COLOUR_DARK : UNSET_COLOUR_LIGHT;
          break;
        }
      series_add (data, chorus_stance_get_label (stance), NULL, CHORUS_CHART_HIT_STANCE,
                  stance, colour);
    }

  if (data->filter.group_id != NULL || data->filter.activity_id != NULL)
    {
      counts = _chorus_chart_counts_new (project, &data->filter, CHORUS_CHART_SPLIT_NONE);
      data->walked = TRUE;
    }
  if (data->filter.document_id != NULL)
    document_questions = _chorus_chart_document_questions (consultation, data->filter.document_id);

  for (guint q = 0; q < n_questions; q++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
      const char *question_id = g_intern_string (chorus_question_get_id (question));
      const char *number = chorus_question_get_number (question);
      g_autofree char *label = NULL;
      ChorusChartRow *row;
      guint total = 0;

      if (data->filter.document_id != NULL &&
          (document_questions == NULL || !g_hash_table_contains (document_questions, question_id)))
        continue;

      if (number != NULL && number[0] != '\0')
        label = g_strdup_printf ("%s %s", number, chorus_question_get_text (question));
      else
        label = g_strdup (chorus_question_get_text (question));

      row = row_new (label, question_id, CHORUS_CHART_HIT_QUESTION, G_N_ELEMENTS (stance_order));
      row->bold_len = (number != NULL) ? strlen (number) : 0;
      row->document_id = question_document_id (question);
      for (guint s = 0; s < G_N_ELEMENTS (stance_order); s++)
        {
          if (counts != NULL)
            row->values[s] = counts->question_stance_counts[q * CHORUS_N_STANCES + stance_order[s]];
          else
            row->values[s] = chorus_stats_count_question_stance (stats, question_id,
                                                                 stance_order[s]);
          total += row->values[s];
          if (stance_order[s] != CHORUS_STANCE_UNSET)
            n_with_stance += row->values[s];
        }

      /* Questions nobody spoke to would be empty bars; the subtitle says
       * how many questions are shown. */
      if (total == 0)
        {
          _chorus_chart_row_free (row);
          continue;
        }

      if (row->document_id != last_document)
        n_documents++;
      last_document = row->document_id;
      g_ptr_array_add (rows, row);
    }

  /* Question numbers restart in each document of a consultation: name the
   * document above its questions whenever more than one is shown. */
  last_document = NULL;
  for (guint r = 0; r < rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (rows, r);

      if (n_documents > 1 && (r == 0 || row->document_id != last_document) &&
          row->document_id != NULL)
        {
          ChorusDocument *document = chorus_consultation_find_document (consultation,
                                                                        row->document_id);
          ChorusChartRow *heading = row_new (document ? chorus_document_get_title (document)
                                                      : row->document_id,
                                             row->document_id, CHORUS_CHART_HIT_DOCUMENT,
                                             G_N_ELEMENTS (stance_order));

          heading->heading = TRUE;
          g_ptr_array_add (data->rows, heading);
        }
      last_document = row->document_id;
      g_ptr_array_add (data->rows, row);
    }

  data_finish (data);
  for (guint r = 0; r < data->rows->len; r++)
    data->n_items += ((ChorusChartRow *) g_ptr_array_index (data->rows, r))->total;

  {
    g_autofree char *items = items_text (data->n_items);
    g_autofree char *shown = _chorus_chart_format_count (rows->len);
    g_autofree char *of = _chorus_chart_format_count (document_questions != NULL
                                                      ? g_hash_table_size (document_questions)
                                                      : n_questions);
    g_autofree char *questions = NULL;
    g_autofree char *count = NULL;

    /* TRANSLATORS: questions with input, of all questions: "12 of 40 questions" */
    questions = g_strdup_printf (ngettext ("%s of %s question", "%s of %s questions",
                                           document_questions != NULL
                                           ? g_hash_table_size (document_questions)
                                           : n_questions),
                                 shown, of);
    count = g_strdup_printf ("%s%s%s", items, _(" · "), questions);
    data->scope = scope_text (project, &data->filter, count);
  }

  if (n_questions == 0)
    data->empty_text = g_strdup (_("No questions"));
  else if (data->n_items == 0)
    {
      data->empty_text = g_strdup (_("No input yet"));
      if (data->filter_fields != 0)
        data->empty_hint = g_strdup (_("Nothing matches the filters."));
    }
  else if (n_with_stance == 0)
    {
      data->empty_text = g_strdup (_("No stances recorded yet"));
      data->empty_hint = g_strdup (_("Mark items as agreeing, disagreeing, mixed or neutral "
                                     "to see the balance here."));
    }
}

/* Coverage ------------------------------------------------------------------ */

static void
build_coverage (ChorusChartData *data,
                ChorusProject   *project)
{
  ChorusStats *stats = chorus_project_get_stats (project);
  ChorusConsultation *consultation = chorus_project_get_consultation (project);
  guint n_final = 0;

  for (guint s = 0; s < G_N_ELEMENTS (status_order); s++)
    {
      ChorusDraftStatus status = status_order[s];
      const char *colour;

      switch (status)
        {
        case CHORUS_DRAFT_STATUS_FINAL: colour = "#009e73"; break;
        case CHORUS_DRAFT_STATUS_IN_REVIEW: colour = "#56b4e9"; break;
        case CHORUS_DRAFT_STATUS_DRAFTING: colour = "#e69f00"; break;
        case CHORUS_DRAFT_STATUS_NOT_STARTED:
        default:
          colour = data->dark ? UNSET_COLOUR_DARK : UNSET_COLOUR_LIGHT;
          break;
        }
      series_add (data, chorus_draft_status_get_label (status), NULL, CHORUS_CHART_HIT_STATUS,
                  status, colour);
    }

  if (data->filter.document_id != NULL)
    {
      /* Within one document, a bar per section. ChorusStats counts statuses
       * per document only; reading a question's answer status is a lookup
       * in the project's drafts, not a walk of the input. */
      ChorusDocument *document = chorus_consultation_find_document (consultation,
                                                                    data->filter.document_id);
      GListModel *sections = document ? chorus_document_get_sections (document) : NULL;

      for (guint i = 0; sections != NULL && i < g_list_model_get_n_items (sections); i++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, i);
          GListModel *questions = chorus_section_get_questions (section);
          ChorusChartRow *row = row_new (chorus_section_get_title (section),
                                         chorus_section_get_id (section),
                                         CHORUS_CHART_HIT_SECTION,
                                         G_N_ELEMENTS (status_order));

          for (guint q = 0; q < g_list_model_get_n_items (questions); q++)
            {
              g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
              ChorusDraftStatus status =
                chorus_project_get_answer_status (project, chorus_question_get_id (question));

              for (guint s = 0; s < G_N_ELEMENTS (status_order); s++)
                if (status_order[s] == status)
                  row->values[s]++;
            }
          g_ptr_array_add (data->rows, row);
        }
    }
  else
    {
      GListModel *documents = chorus_consultation_get_documents (consultation);

      for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
        {
          g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, i);
          const char *document_id = chorus_document_get_id (document);
          ChorusChartRow *row = row_new (chorus_document_get_title (document), document_id,
                                         CHORUS_CHART_HIT_DOCUMENT, G_N_ELEMENTS (status_order));

          for (guint s = 0; s < G_N_ELEMENTS (status_order); s++)
            row->values[s] = chorus_stats_count_document_status (stats, document_id,
                                                                 status_order[s]);
          g_ptr_array_add (data->rows, row);
        }
    }

  data_finish (data);
  for (guint r = 0; r < data->rows->len; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (data->rows, r);

      data->n_items += row->total;
      n_final += row->values[0];
    }

  {
    g_autofree char *count = _chorus_chart_format_count (data->n_items);
    g_autofree char *final = _chorus_chart_format_count (n_final);
    /* "40 questions, 12 final" */
    g_autofree char *text = g_strdup_printf (ngettext ("%s question, %s final",
                                                       "%s questions, %s final",
                                                       data->n_items),
                                             count, final);
    ChorusChartFilter document_only = { NULL, NULL, data->filter.document_id };

    if (data->filter.document_id == NULL)
      {
        g_autofree char *all = g_strdup_printf ("%s%s%s", _("All documents"), _(" · "), text);
        data->scope = g_steal_pointer (&all);
      }
    else
      data->scope = scope_text (project, &document_only, text);
  }

  if (data->n_items == 0)
    data->empty_text = g_strdup (_("No questions to answer yet"));
}

/* The data ------------------------------------------------------------------ */

ChorusChartData *
_chorus_chart_data_new (ChorusProject           *project,
                        ChorusChartKind          kind,
                        const ChorusChartFilter *filter,
                        gboolean                 stack_by_group,
                        ChorusChartRows          heatmap_rows,
                        gboolean                 dark)
{
  ChorusChartData *data = g_new0 (ChorusChartData, 1);

  g_atomic_ref_count_init (&data->ref_count);
  g_mutex_init (&data->other_lock);
  data->kind = kind;
  data->dark = dark;
  data->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _chorus_chart_row_free);
  data->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  data->filter = *filter;

  /* Coverage is about our answers, which are not per group or activity. */
  if (kind != CHORUS_CHART_KIND_COVERAGE)
    {
      if (filter->group_id != NULL)
        data->filter_fields |= CHORUS_CHART_HIT_GROUP;
      if (filter->activity_id != NULL)
        data->filter_fields |= CHORUS_CHART_HIT_ACTIVITY;
    }
  else
    data->filter.group_id = data->filter.activity_id = NULL;
  if (filter->document_id != NULL)
    data->filter_fields |= CHORUS_CHART_HIT_DOCUMENT;

  switch (kind)
    {
    case CHORUS_CHART_KIND_STANCE:
      data->title = g_strdup (_("Stance by question"));
      data->row_header = g_strdup (_("Question"));
      data->axis_label = g_strdup (_("Items"));
      build_stance (data, project);
      break;

    case CHORUS_CHART_KIND_COVERAGE:
      data->title = g_strdup (_("Drafting progress"));
      data->row_header = g_strdup (filter->document_id ? _("Section") : _("Document"));
      data->axis_label = g_strdup (_("Share of questions"));
      build_coverage (data, project);
      break;

    case CHORUS_CHART_KIND_HEATMAP:
      if (heatmap_rows == CHORUS_CHART_ROWS_ACTIVITIES)
        {
          data->title = g_strdup (_("Themes by activity"));
          data->row_header = g_strdup (_("Activity"));
        }
      else
        {
          data->title = g_strdup (_("Themes by group"));
          data->row_header = g_strdup (_("Group"));
        }
      build_themes (data, project,
                    heatmap_rows == CHORUS_CHART_ROWS_ACTIVITIES ? CHORUS_CHART_SPLIT_ACTIVITIES
                                                                 : CHORUS_CHART_SPLIT_GROUPS);
      break;

    case CHORUS_CHART_KIND_THEMES:
    default:
      data->title = g_strdup (_("Input by theme"));
      data->row_header = g_strdup (_("Theme"));
      data->axis_label = g_strdup (_("Items coded with the theme"));
      build_themes (data, project,
                    stack_by_group ? CHORUS_CHART_SPLIT_GROUPS : CHORUS_CHART_SPLIT_NONE);
      break;
    }

  return data;
}

ChorusChartData *
_chorus_chart_data_ref (ChorusChartData *data)
{
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
_chorus_chart_data_unref (ChorusChartData *data)
{
  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;

  g_free (data->title);
  g_free (data->scope);
  g_free (data->empty_text);
  g_free (data->empty_hint);
  g_free (data->row_header);
  g_free (data->axis_label);
  g_ptr_array_unref (data->rows);
  g_ptr_array_unref (data->series);
  g_clear_object (&data->project);
  g_free (data->other_values);
  g_mutex_clear (&data->other_lock);
  g_free (data);
}

guint
_chorus_chart_keep_rows (guint n_rows,
                         guint max_bars)
{
  max_bars = MAX (max_bars, 2);

  if (n_rows <= max_bars)
    return n_rows;

  return max_bars - 1;
}

/* The series an item of @group_id and @activity_id counts in, or -1. */
static int
series_of_item (ChorusChartData *data,
                const char      *group_id,
                const char      *activity_id)
{
  const char *id;

  if (data->split == CHORUS_CHART_SPLIT_NONE)
    return data->series->len > 0 ? 0 : -1;

  id = data->split == CHORUS_CHART_SPLIT_GROUPS ? group_id : activity_id;
  for (guint s = 0; s < data->series->len; s++)
    if (((ChorusChartSeries *) g_ptr_array_index (data->series, s))->id == id)
      return (int) s;

  return -1;
}

/* One pass over the items in the chart's scope, as the statistics recorded them: the item
 * objects are visited once per change for all the charts, and this pass over the record
 * takes about a millisecond at 100,000 items. */
static void
count_other_items (ChorusChartData *data,
                   ChorusChartRow  *other)
{
  ChorusStats *stats = chorus_project_get_stats (data->project);
  const ChorusStatsItems *items = _chorus_stats_get_items (stats, data->project);
  g_autofree gboolean *folded = g_new0 (gboolean, MAX (items->n_themes, 1));
  g_autoptr(GHashTable) document_questions = NULL;

  for (guint t = 0; other->other_ids[t] != NULL; t++)
    {
      int slot = _chorus_stats_get_theme_slot (stats, other->other_ids[t]);

      if (slot >= 0)
        folded[slot] = TRUE;
    }

  if (data->filter.document_id != NULL)
    {
      document_questions =
        _chorus_chart_document_questions (chorus_project_get_consultation (data->project),
                                          data->filter.document_id);
      if (document_questions == NULL)
        return;
    }

  for (guint i = 0; i < items->n_items; i++)
    {
      const char *group_id = items->group_ids[i];
      const char *activity_id = items->activity_ids[i];
      gboolean in_other = FALSE;
      int series;

      if ((data->filter.group_id != NULL && group_id != data->filter.group_id) ||
          (data->filter.activity_id != NULL && activity_id != data->filter.activity_id))
        continue;

      for (guint k = items->theme_offsets[i]; k < items->theme_offsets[i + 1] && !in_other; k++)
        in_other = folded[items->themes[k]];
      if (!in_other ||
          (document_questions != NULL &&
           !g_hash_table_contains (document_questions, items->question_ids[i])))
        continue;

      series = series_of_item (data, group_id, activity_id);
      if (series >= 0)
        other->values[series]++;
    }
}

ChorusChartRow *
_chorus_chart_data_make_other (ChorusChartData *data,
                               guint            first,
                               guint            last)
{
  g_autofree char *label = NULL;
  ChorusChartRow *other;
  guint n_other;

  last = MIN (last, data->rows->len);
  n_other = last > first ? last - first : 0;
  label = g_strdup_printf (ngettext ("Other (%u theme)", "Other (%u themes)", n_other), n_other);
  other = row_new (label, NULL, CHORUS_CHART_HIT_OTHER_THEMES, data->series->len);

  other->other = TRUE;
  other->n_other = n_other;
  other->other_ids = g_new0 (const char *, n_other + 1);
  parse_colour (data->dark ? "#8e8e93" : "#a8a8a8", FALSE, &other->colour);
  other->has_colour = TRUE;

  for (guint r = first; r < last; r++)
    {
      ChorusChartRow *row = g_ptr_array_index (data->rows, r);

      other->other_ids[r - first] = row->id;
    }

  /* A row counts items per theme, so adding rows up would count an item
   * coded with two of these themes twice ("Other" once showed 90 for an
   * activity of 51 items). "Other" counts the items that carry any of its
   * themes, once each, as the items its hit lists. */
  if (data->project != NULL)
    {
      gsize size = sizeof (guint) * MAX (data->series->len, 1);

      g_mutex_lock (&data->other_lock);
      if (data->other_values == NULL || data->other_first != first || data->other_last != last)
        {
          count_other_items (data, other);
          g_free (data->other_values);
          data->other_values = g_memdup2 (other->values, size);
          data->other_first = first;
          data->other_last = last;
        }
      else
        memcpy (other->values, data->other_values, size);
      g_mutex_unlock (&data->other_lock);
    }
  else
    for (guint r = first; r < last; r++)
      {
        ChorusChartRow *row = g_ptr_array_index (data->rows, r);

        for (guint s = 0; s < data->series->len; s++)
          other->values[s] += row->values[s];
      }

  for (guint s = 0; s < data->series->len; s++)
    other->total += other->values[s];

  return other;
}

/* Hits ---------------------------------------------------------------------- */

static void
set_field (ChorusChartHit       *hit,
           ChorusChartHitFields  field,
           const char           *id)
{
  hit->fields |= field;

  switch ((guint) field)
    {
    case CHORUS_CHART_HIT_THEME: hit->theme_id = id; break;
    case CHORUS_CHART_HIT_QUESTION: hit->question_id = id; break;
    case CHORUS_CHART_HIT_DOCUMENT: hit->document_id = id; break;
    case CHORUS_CHART_HIT_SECTION: hit->section_id = id; break;
    case CHORUS_CHART_HIT_GROUP: hit->group_id = id; break;
    case CHORUS_CHART_HIT_ACTIVITY: hit->activity_id = id; break;
    default: break;
    }
}

void
_chorus_chart_data_fill_hit (ChorusChartData   *data,
                             ChorusChartRow    *row,
                             int                series,
                             ChorusChartTarget  target,
                             ChorusChartHit    *hit)
{
  memset (hit, 0, sizeof *hit);
  hit->target = target;

  if (data->filter.group_id != NULL)
    set_field (hit, CHORUS_CHART_HIT_GROUP, data->filter.group_id);
  if (data->filter.activity_id != NULL)
    set_field (hit, CHORUS_CHART_HIT_ACTIVITY, data->filter.activity_id);
  if (data->filter.document_id != NULL)
    set_field (hit, CHORUS_CHART_HIT_DOCUMENT, data->filter.document_id);

  if (row != NULL)
    {
      if (row->other)
        {
          hit->fields |= CHORUS_CHART_HIT_OTHER_THEMES;
          hit->theme_ids = row->other_ids;
        }
      else
        set_field (hit, row->field, row->id);

      hit->label = row->label;
      hit->count = row->total;
      hit->total = row->total;
    }

  if (series >= 0 && (guint) series < data->series->len)
    {
      ChorusChartSeries *s = g_ptr_array_index (data->series, series);

      if (s->field == CHORUS_CHART_HIT_STANCE)
        {
          hit->fields |= CHORUS_CHART_HIT_STANCE;
          hit->stance = s->value;
        }
      else if (s->field == CHORUS_CHART_HIT_STATUS)
        {
          hit->fields |= CHORUS_CHART_HIT_STATUS;
          hit->status = s->value;
        }
      else if (s->field != 0)
        set_field (hit, s->field, s->id);

      if (row != NULL)
        hit->count = row->values[series];
      else
        {
          hit->label = s->label;
          hit->count = hit->total = s->total;
        }
    }
}

char *
_chorus_chart_format_hit (ChorusChartData *data,
                          ChorusChartRow  *row,
                          int              series)
{
  ChorusChartSeries *s = NULL;
  g_autofree char *count = NULL;
  g_autofree char *total = NULL;
  guint n_count, n_total;

  if (series >= 0 && (guint) series < data->series->len)
    s = g_ptr_array_index (data->series, series);

  if (row == NULL)
    return g_strdup (s != NULL ? s->label : "");
  if (row->heading)
    return g_strdup (row->label);

  n_total = row->total;
  n_count = s != NULL ? row->values[series] : n_total;
  count = _chorus_chart_format_count (n_count);
  total = _chorus_chart_format_count (n_total);

  switch (data->kind)
    {
    case CHORUS_CHART_KIND_STANCE:
      if (s == NULL)
        return g_strdup_printf (ngettext ("%s: %s item", "%s: %s items", n_total),
                                row->label, total);
      /* TRANSLATORS: question, stance: "Q3 What…? — Agree: 5 of 12 items" */
      return g_strdup_printf (ngettext ("%s — %s: %s of %s item",
                                        "%s — %s: %s of %s items", n_total),
                              row->label, s->label, count, total);

    case CHORUS_CHART_KIND_COVERAGE:
      if (s == NULL)
        return g_strdup_printf (ngettext ("%s: %s question", "%s: %s questions", n_total),
                                row->label, total);
      /* TRANSLATORS: document, status: "Regulating providers — Final: 3 of 8 questions" */
      return g_strdup_printf (ngettext ("%s — %s: %s of %s question",
                                        "%s — %s: %s of %s questions", n_total),
                              row->label, s->label, count, total);

    case CHORUS_CHART_KIND_HEATMAP:
      if (s == NULL)
        return g_strdup_printf (ngettext ("%s: %s item", "%s: %s items", n_total),
                                row->label, total);
      /* TRANSLATORS: group, theme: "Staff, Patient choice: 12 items" */
      return g_strdup_printf (ngettext ("%s, %s: %s item", "%s, %s: %s items", n_count),
                              s->label, row->label, count);

    case CHORUS_CHART_KIND_THEMES:
    default:
      if (s == NULL || data->series->len == 1)
        return g_strdup_printf (ngettext ("%s: %s item", "%s: %s items", n_total),
                                row->label, total);
      /* TRANSLATORS: theme, group: "Patient choice, Staff: 12 of 23 items" */
      return g_strdup_printf (ngettext ("%s, %s: %s of %s item", "%s, %s: %s of %s items", n_total),
                              row->label, s->label, count, total);
    }
}

/* A row's numbers by series: "Disagree 3, Mixed 1, Agree 5". */
static void
append_breakdown (GString         *string,
                  ChorusChartData *data,
                  ChorusChartRow  *row,
                  gboolean         skip_zero)
{
  gboolean first = TRUE;

  for (guint s = 0; s < data->series->len; s++)
    {
      ChorusChartSeries *series = g_ptr_array_index (data->series, s);
      g_autofree char *count = NULL;

      if (skip_zero && row->values[s] == 0)
        continue;
      count = _chorus_chart_format_count (row->values[s]);
      /* TRANSLATORS: a part of a breakdown, "Agree 5" */
      g_string_append_printf (string, first ? _("%s %s") : _(", %s %s"), series->label, count);
      first = FALSE;
    }
}

char *
_chorus_chart_data_describe (ChorusChartData *data,
                             guint            max_bars)
{
  GString *string = g_string_new (data->title);
  gboolean first = TRUE;

  if (data->scope != NULL)
    g_string_append_printf (string, " (%s)", data->scope);
  g_string_append (string, ". ");

  if (data->empty_text != NULL)
    {
      g_string_append (string, data->empty_text);
      g_string_append (string, ".");
      return g_string_free (string, FALSE);
    }

  switch (data->kind)
    {
    case CHORUS_CHART_KIND_THEMES:
      {
        guint keep = _chorus_chart_keep_rows (data->rows->len, max_bars);
        g_autoptr(ChorusChartRow) other = NULL;

        if (keep < data->rows->len)
          other = _chorus_chart_data_make_other (data, keep, data->rows->len);

        for (guint r = 0; r <= keep; r++)
          {
            ChorusChartRow *row = r < keep ? g_ptr_array_index (data->rows, r) : other;
            g_autofree char *text = NULL;

            if (row == NULL)
              break;
            text = _chorus_chart_format_hit (data, row, -1);
            g_string_append (string, first ? "" : "; ");
            g_string_append (string, text);
            if (data->series->len > 1 && row->total > 0)
              {
                g_string_append (string, " (");
                append_breakdown (string, data, row, TRUE);
                g_string_append (string, ")");
              }
            first = FALSE;
          }
      }
      break;

    case CHORUS_CHART_KIND_HEATMAP:
      for (guint s = 0; s < data->series->len; s++)
        {
          ChorusChartSeries *series = g_ptr_array_index (data->series, s);
          gboolean first_theme = TRUE;

          g_string_append (string, first ? "" : "; ");
          g_string_append_printf (string, "%s: ", series->label);
          for (guint r = 0; r < data->rows->len; r++)
            {
              ChorusChartRow *row = g_ptr_array_index (data->rows, r);
              g_autofree char *count = NULL;

              if (row->values[s] == 0)
                continue;
              count = _chorus_chart_format_count (row->values[s]);
              g_string_append_printf (string, first_theme ? _("%s %s") : _(", %s %s"),
                                      row->label, count);
              first_theme = FALSE;
            }
          if (first_theme)
            g_string_append (string, _("nothing coded"));
          first = FALSE;
        }
      break;

    case CHORUS_CHART_KIND_STANCE:
    case CHORUS_CHART_KIND_COVERAGE:
    default:
      for (guint r = 0; r < data->rows->len; r++)
        {
          ChorusChartRow *row = g_ptr_array_index (data->rows, r);
          g_autofree char *name = NULL;
          g_autofree char *total = NULL;

          if (row->heading)
            {
              /* Numbers restart per document: say which one. */
              g_string_append (string, first ? "" : ". ");
              g_string_append_printf (string, "%s: ", row->label);
              first = TRUE;
              continue;
            }

          /* A question number says enough; the text is in the table. */
          name = row->bold_len > 0 ? g_strndup (row->label, row->bold_len) : g_strdup (row->label);
          total = _chorus_chart_format_count (row->total);
          g_string_append (string, first ? "" : "; ");
          if (data->kind == CHORUS_CHART_KIND_STANCE)
            g_string_append_printf (string, ngettext ("%s: %s item", "%s: %s items", row->total),
                                    name, total);
          else
            g_string_append_printf (string, ngettext ("%s: %s question", "%s: %s questions",
                                                      row->total),
                                    name, total);
          if (row->total > 0)
            {
              g_string_append (string, " (");
              append_breakdown (string, data, row, data->kind == CHORUS_CHART_KIND_STANCE);
              g_string_append (string, ")");
            }
          first = FALSE;
        }
      break;
    }

  g_string_append (string, ".");

  return g_string_free (string, FALSE);
}
