/* chorus-csv-import.c — a survey tool's CSV export, one column per question
 *
 * libcsv does the parsing; this file feeds it one line at a time so that
 * every row and every error can name its line, keeps the table, guesses
 * which column answers which question, and adds the items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "chorus-import-private.h"

/* libcsv's parser states (libcsv.c, unchanged since 2.0): the struct is
 * public but the state names are not. */
#define LIBCSV_ROW_NOT_BEGUN 0
#define LIBCSV_FIELD_BEGUN   2

/* A survey has dozens of columns; a "CSV" with more is something else, and
 * the mapping guess is linear in the columns. */
#define MAX_COLUMNS 4096

/* libcsv grows its cell buffer by a fixed block; feeding long lines in
 * pieces lets us double the block in between, so a 10 MB cell costs a few
 * reallocations instead of 80,000. */
#define FEED_CHUNK (64 * 1024)

typedef struct
{
  guint first;    /* index of its first cell in ->cells */
  guint n_cells;
  guint line;
} CsvRow;

typedef struct
{
  ChorusCsvColumnRole  role;
  const char          *question_id;  /* interned, QUESTION columns only */
  ChorusImportMatch    match;
} CsvColumn;

struct _ChorusCsvImport
{
  GObject       parent_instance;

  char         *display_name;
  char         *encoding;

  GStringChunk *strings;
  GPtrArray    *header;   /* const char *, in ->strings */
  GPtrArray    *cells;    /* const char *, row after row */
  GArray       *rows;     /* CsvRow */
  GArray       *columns;  /* CsvColumn, one per header cell */

  guint         n_ragged;
  guint         first_ragged_line;
  gboolean      accept_ragged;
};

G_DEFINE_FINAL_TYPE (ChorusCsvImport, chorus_csv_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  PROP_ENCODING,
  PROP_ACCEPT_RAGGED,
  N_PROPS
};

enum {
  SIGNAL_MAPPING_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
chorus_csv_import_finalize (GObject *object)
{
  ChorusCsvImport *self = (ChorusCsvImport *) object;

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->header, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);

  G_OBJECT_CLASS (chorus_csv_import_parent_class)->finalize (object);
}

static void
chorus_csv_import_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChorusCsvImport *self = CHORUS_CSV_IMPORT (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;

    case PROP_ACCEPT_RAGGED:
      g_value_set_boolean (value, self->accept_ragged);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_csv_import_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChorusCsvImport *self = CHORUS_CSV_IMPORT (object);

  switch (prop_id)
    {
    case PROP_ACCEPT_RAGGED:
      chorus_csv_import_set_accept_ragged (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_csv_import_class_init (ChorusCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_csv_import_finalize;
  object_class->get_property = chorus_csv_import_get_property;
  object_class->set_property = chorus_csv_import_set_property;

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCEPT_RAGGED] =
    g_param_spec_boolean ("accept-ragged", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the column mapping changes, by a guess or a correction. */
  signals[SIGNAL_MAPPING_CHANGED] =
    g_signal_new ("mapping-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
chorus_csv_import_init (ChorusCsvImport *self)
{
  self->strings = g_string_chunk_new (64 * 1024);
  self->header = g_ptr_array_new ();
  self->cells = g_ptr_array_new ();
  self->rows = g_array_new (FALSE, FALSE, sizeof (CsvRow));
  self->columns = g_array_new (FALSE, TRUE, sizeof (CsvColumn));
}

/* Parsing ------------------------------------------------------------------------ */

typedef struct
{
  ChorusCsvImport *self;
  gboolean         in_header;
  guint            row_first;
  guint            row_cells;
  guint            row_line;
  gboolean         too_many_columns;
  guint            too_many_line;
} ParseState;

static void
field_cb (void   *field,
          size_t  length,
          void   *data)
{
  ParseState *state = data;
  ChorusCsvImport *self = state->self;
  const char *cell = "";

  if (++state->row_cells > MAX_COLUMNS)
    {
      if (!state->too_many_columns)
        state->too_many_line = state->row_line;
      state->too_many_columns = TRUE;
      return;
    }

  if (length > 0)
    cell = g_string_chunk_insert_len (self->strings, field, length);

  g_ptr_array_add (state->in_header ? self->header : self->cells, (gpointer) cell);
}

static void
row_cb (int   terminator,
        void *data)
{
  ParseState *state = data;
  ChorusCsvImport *self = state->self;

  if (state->in_header)
    {
      state->in_header = FALSE;
    }
  else
    {
      CsvRow row = { state->row_first, MIN (state->row_cells, MAX_COLUMNS), state->row_line };
      g_array_append_val (self->rows, row);
    }

  state->row_first = self->cells->len;
  state->row_cells = 0;
}

/* The separator is whichever of , ; and tab the header row uses most
 * outside quotes: Excel writes semicolons where the decimal point is a
 * comma, and "Unicode text" exports use tabs. */
static unsigned char
guess_delimiter (const char *text,
                 gsize       length)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
      else if (!quoted && c == '\t')
        tabs++;
    }

  if (tabs > commas && tabs >= semicolons)
    return CSV_TAB;
  if (semicolons > commas)
    return ';';
  return CSV_COMMA;
}

static gboolean
in_quoted_field (const struct csv_parser *parser)
{
  return parser->pstate == LIBCSV_FIELD_BEGUN && parser->quoted;
}

static gboolean
chorus_csv_import_parse (ChorusCsvImport  *self,
                         const char       *text,
                         gsize             length,
                         GError          **error)
{
  struct csv_parser parser;
  ParseState state = { self, TRUE, 0, 0, 1, FALSE, 0 };
  unsigned char delimiter = guess_delimiter (text, length);
  gsize position = 0;
  guint line = 1;
  guint quote_line = 0;
  gboolean ok = TRUE;

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    g_error ("csv_init failed");
  csv_set_delim (&parser, delimiter);

  while (position < length && ok)
    {
      gsize end = position;
      gboolean was_quoted;

      /* One line, with its terminator: \n, \r\n or a lone \r. */
      while (end < length && text[end] != '\n' && text[end] != '\r')
        end++;
      if (end < length)
        end += (text[end] == '\r' && end + 1 < length && text[end + 1] == '\n') ? 2 : 1;

      if (parser.pstate == LIBCSV_ROW_NOT_BEGUN)
        state.row_line = line;
      was_quoted = in_quoted_field (&parser);

      for (gsize chunk = position; chunk < end && ok; chunk += FEED_CHUNK)
        {
          gsize chunk_length = MIN (FEED_CHUNK, end - chunk);

          csv_set_blk_size (&parser, MAX (csv_get_buffer_size (&parser), 128));
          if (csv_parse (&parser, text + chunk, chunk_length, field_cb, row_cb, &state) != chunk_length)
            ok = FALSE;
        }

      if (!ok)
        {
          if (csv_error (&parser) == CSV_EPARSE)
            g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                         _("%s:%u: a quote in the middle of a cell; a cell with quotes in it must "
                           "be quoted and its quotes doubled"),
                         self->display_name, line);
          else
            g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_TOO_LARGE,
                         _("%s:%u: a cell too large to read"), self->display_name, line);
          break;
        }

      if (!in_quoted_field (&parser))
        quote_line = 0;
      else if (!was_quoted)
        quote_line = line;

      position = end;
      line++;
    }

  if (ok && csv_fini (&parser, field_cb, row_cb, &state) != 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("%s:%u: unterminated quoted cell"), self->display_name,
                   quote_line ? quote_line : line);
      ok = FALSE;
    }
  csv_free (&parser);

  if (ok && state.too_many_columns)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_TOO_LARGE,
                   _("%s:%u: more than %u columns; this does not look like a survey export"),
                   self->display_name, state.too_many_line, MAX_COLUMNS);
      ok = FALSE;
    }

  if (ok && self->header->len == 0)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("%s: the file is empty; a survey export starts with a row of column "
                     "headings"),
                   self->display_name);
      ok = FALSE;
    }

  if (!ok)
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const CsvRow *row = &g_array_index (self->rows, CsvRow, i);

      if (row->n_cells != self->header->len)
        {
          if (self->n_ragged++ == 0)
            self->first_ragged_line = row->line;
        }
    }

  g_array_set_size (self->columns, self->header->len);

  return TRUE;
}

ChorusCsvImport *
chorus_csv_import_new_from_bytes (GBytes      *bytes,
                                  const char  *display_name,
                                  GError     **error)
{
  g_autoptr(ChorusCsvImport) self = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CHORUS_TYPE_CSV_IMPORT, NULL);
  self->display_name = g_strdup (display_name ? display_name : _("survey"));

  text = _chorus_import_decode (bytes, self->display_name, &length, &self->encoding, error);
  if (text == NULL)
    return NULL;

  if (!chorus_csv_import_parse (self, text, length, error))
    return NULL;

  return g_steal_pointer (&self);
}

ChorusCsvImport *
chorus_csv_import_new_from_file (const char  *path,
                                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = _chorus_import_load_file (path, &display_name, error);
  if (bytes == NULL)
    return NULL;

  return chorus_csv_import_new_from_bytes (bytes, display_name, error);
}

/* ChorusImportNewFromFileFunc: the same, for the shared thread. */
static gpointer
new_from_file_cb (const char  *path,
                  GError     **error)
{
  return chorus_csv_import_new_from_file (path, error);
}

void
chorus_csv_import_new_from_file_async (const char          *path,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _chorus_import_new_from_file_async (path, new_from_file_cb,
                                      chorus_csv_import_new_from_file_async, cancellable, callback,
                                      user_data);
}

ChorusCsvImport *
chorus_csv_import_new_from_file_finish (GAsyncResult  *result,
                                         GError       **error)
{
  return _chorus_import_new_from_file_finish (result, chorus_csv_import_new_from_file_async, error);
}

/* The table ------------------------------------------------------------------------- */

const char *
chorus_csv_import_get_display_name (ChorusCsvImport *self)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), NULL);
  return self->display_name;
}

const char *
chorus_csv_import_get_encoding (ChorusCsvImport *self)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), NULL);
  return self->encoding;
}

guint
chorus_csv_import_get_n_columns (ChorusCsvImport *self)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), 0);
  return self->header->len;
}

guint
chorus_csv_import_get_n_rows (ChorusCsvImport *self)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), 0);
  return self->rows->len;
}

const char *
chorus_csv_import_get_header (ChorusCsvImport *self,
                              guint            column)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->header->len, NULL);

  return g_ptr_array_index (self->header, column);
}

const char *
chorus_csv_import_get_cell (ChorusCsvImport *self,
                            guint            row,
                            guint            column)
{
  const CsvRow *r;

  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);

  r = &g_array_index (self->rows, CsvRow, row);
  if (column >= r->n_cells)
    return "";

  return g_ptr_array_index (self->cells, r->first + column);
}

guint
chorus_csv_import_get_row_line (ChorusCsvImport *self,
                                guint            row)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (row < self->rows->len, 0);

  return g_array_index (self->rows, CsvRow, row).line;
}

guint
chorus_csv_import_get_n_ragged_rows (ChorusCsvImport *self)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), 0);
  return self->n_ragged;
}

guint
chorus_csv_import_get_first_ragged_line (ChorusCsvImport *self)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), 0);
  return self->first_ragged_line;
}

gboolean
chorus_csv_import_get_accept_ragged (ChorusCsvImport *self)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), FALSE);
  return self->accept_ragged;
}

void
chorus_csv_import_set_accept_ragged (ChorusCsvImport *self,
                                     gboolean         accept_ragged)
{
  g_return_if_fail (CHORUS_IS_CSV_IMPORT (self));

  accept_ragged = !!accept_ragged;
  if (self->accept_ragged == accept_ragged)
    return;

  self->accept_ragged = accept_ragged;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPT_RAGGED]);
}

int
chorus_csv_import_find_column (ChorusCsvImport *self,
                               const char      *name)
{
  g_autofree char *wanted = NULL;
  guint64 number;

  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), -1);
  g_return_val_if_fail (name != NULL, -1);

  wanted = _chorus_import_clean_text (name, -1);

  for (guint i = 0; i < self->header->len; i++)
    {
      g_autofree char *header = _chorus_import_clean_text (g_ptr_array_index (self->header, i), -1);
      g_autofree char *a = g_utf8_casefold (header, -1);
      g_autofree char *b = g_utf8_casefold (wanted, -1);

      if (g_str_equal (a, b))
        return (int) i;
    }

  if (g_ascii_string_to_unsigned (wanted, 10, 1, self->header->len, &number, NULL))
    return (int) number - 1;

  return -1;
}

/* The mapping ------------------------------------------------------------------------- */

/* Columns survey tools add beside the questions, by their usual names. */
static const char * const respondent_id_names[] = {
  "respondent id", "respondent", "respondent number", "response id", "response number",
  "submission id", "record id", "id", "ref", "reference", "unique id", "participant id",
};

/* Personal data: off by default; the user may map one to the author. */
static const char * const personal_names[] = {
  "name", "your name", "full name", "first name", "last name", "surname", "forename",
  "email", "email address", "e mail", "e mail address", "your email", "contact", "phone",
  "telephone", "contact details",
};

static const char * const metadata_names[] = {
  "timestamp", "date", "time", "start date", "end date", "start time", "end time",
  "date submitted", "submitted", "submitted at", "submission date", "completed",
  "completion time", "date completed", "ip address", "ip", "collector id", "status",
  "duration", "language", "team", "department", "directorate", "role", "job title",
  "location", "site", "organisation", "organization", "consent", "last page", "seed",
};

static gboolean
name_in (const char         *name,
         const char * const *names,
         gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    if (g_str_equal (name, names[i]))
      return TRUE;

  return FALSE;
}

/* "Respondent ID:" -> "respondent id" */
static char *
column_name_key (const char *header)
{
  g_autofree char *folded = g_utf8_casefold (header, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
      else if (key->len > 0 && key->str[key->len - 1] != ' ')
        g_string_append_c (key, ' ');
    }
  if (key->len > 0 && key->str[key->len - 1] == ' ')
    g_string_truncate (key, key->len - 1);

  return g_string_free (key, FALSE);
}

void
chorus_csv_import_guess_mapping (ChorusCsvImport    *self,
                                 ChorusConsultation *consultation)
{
  g_autoptr(ChorusQuestionMatcher) matcher = NULL;

  g_return_if_fail (CHORUS_IS_CSV_IMPORT (self));
  g_return_if_fail (CHORUS_IS_CONSULTATION (consultation));

  matcher = _chorus_question_matcher_new (consultation);

  for (guint i = 0; i < self->header->len; i++)
    {
      CsvColumn *column = &g_array_index (self->columns, CsvColumn, i);
      g_autofree char *header = _chorus_import_clean_text (g_ptr_array_index (self->header, i), -1);
      g_autofree char *key = column_name_key (header);
      ChorusQuestion *question;

      column->role = CHORUS_CSV_COLUMN_IGNORE;
      column->question_id = NULL;
      column->match = CHORUS_IMPORT_MATCH_NONE;

      if (header[0] == '\0')
        continue;

      if (g_str_equal (header, "#") ||
          name_in (key, respondent_id_names, G_N_ELEMENTS (respondent_id_names)))
        {
          column->role = CHORUS_CSV_COLUMN_RESPONDENT_ID;
          column->match = CHORUS_IMPORT_MATCH_COLUMN;
          continue;
        }
      if (name_in (key, personal_names, G_N_ELEMENTS (personal_names)) ||
          name_in (key, metadata_names, G_N_ELEMENTS (metadata_names)))
        {
          column->match = CHORUS_IMPORT_MATCH_COLUMN;
          continue;
        }

      question = _chorus_question_matcher_match (matcher, header, 0.45, NULL, &column->match);
      if (question != NULL)
        {
          column->role = CHORUS_CSV_COLUMN_QUESTION;
          column->question_id = g_intern_string (chorus_question_get_id (question));
        }
    }

  g_signal_emit (self, signals[SIGNAL_MAPPING_CHANGED], 0);
}

ChorusCsvColumnRole
chorus_csv_import_get_column_role (ChorusCsvImport *self,
                                   guint            column)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), CHORUS_CSV_COLUMN_IGNORE);
  g_return_val_if_fail (column < self->columns->len, CHORUS_CSV_COLUMN_IGNORE);

  return g_array_index (self->columns, CsvColumn, column).role;
}

const char *
chorus_csv_import_get_column_question (ChorusCsvImport *self,
                                       guint            column)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, CsvColumn, column).question_id;
}

ChorusImportMatch
chorus_csv_import_get_column_match (ChorusCsvImport *self,
                                    guint            column)
{
  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), CHORUS_IMPORT_MATCH_NONE);
  g_return_val_if_fail (column < self->columns->len, CHORUS_IMPORT_MATCH_NONE);

  return g_array_index (self->columns, CsvColumn, column).match;
}

void
chorus_csv_import_set_column_question (ChorusCsvImport *self,
                                       guint            column,
                                       const char      *question_id)
{
  CsvColumn *c;

  g_return_if_fail (CHORUS_IS_CSV_IMPORT (self));
  g_return_if_fail (column < self->columns->len);

  c = &g_array_index (self->columns, CsvColumn, column);
  c->role = question_id ? CHORUS_CSV_COLUMN_QUESTION : CHORUS_CSV_COLUMN_IGNORE;
  c->question_id = g_intern_string (question_id);
  c->match = CHORUS_IMPORT_MATCH_USER;

  g_signal_emit (self, signals[SIGNAL_MAPPING_CHANGED], 0);
}

void
chorus_csv_import_set_column_role (ChorusCsvImport     *self,
                                   guint                column,
                                   ChorusCsvColumnRole  role)
{
  CsvColumn *c;

  g_return_if_fail (CHORUS_IS_CSV_IMPORT (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (role != CHORUS_CSV_COLUMN_QUESTION);
  g_return_if_fail (role <= CHORUS_CSV_COLUMN_RESPONDENT_ID);

  c = &g_array_index (self->columns, CsvColumn, column);
  c->role = role;
  c->question_id = NULL;
  c->match = CHORUS_IMPORT_MATCH_USER;

  g_signal_emit (self, signals[SIGNAL_MAPPING_CHANGED], 0);
}

/* Applying ---------------------------------------------------------------------------- */

static gboolean
check_mapping (ChorusCsvImport     *self,
               ChorusConsultation  *consultation,
               GError             **error)
{
  if (self->n_ragged > 0 && !self->accept_ragged)
    {
      const CsvRow *first = NULL;

      for (guint i = 0; i < self->rows->len && first == NULL; i++)
        if (g_array_index (self->rows, CsvRow, i).line == self->first_ragged_line)
          first = &g_array_index (self->rows, CsvRow, i);

      g_assert (first != NULL);
      if (self->n_ragged == 1)
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                     _("%s:%u: this row has %u cells but the header has %u; nothing was "
                       "imported (accept ragged rows to import it anyway)"),
                     self->display_name, self->first_ragged_line, first->n_cells,
                     self->header->len);
      else
        g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                     ngettext ("%s:%u: this row has %u cells but the header has %u, and %u "
                               "more row is ragged too; nothing was imported (accept ragged "
                               "rows to import them anyway)",
                               "%s:%u: this row has %u cells but the header has %u, and %u "
                               "more rows are ragged too; nothing was imported (accept ragged "
                               "rows to import them anyway)",
                               self->n_ragged - 1),
                     self->display_name, self->first_ragged_line, first->n_cells,
                     self->header->len, self->n_ragged - 1);
      return FALSE;
    }

  for (guint i = 0; i < self->columns->len; i++)
    {
      const CsvColumn *column = &g_array_index (self->columns, CsvColumn, i);

      if (column->role == CHORUS_CSV_COLUMN_QUESTION &&
          chorus_consultation_find_question (consultation, column->question_id) == NULL)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID,
                       _("%s: column %u is mapped to question “%s”, which this consultation "
                         "does not have"),
                       self->display_name, i + 1, column->question_id);
          return FALSE;
        }
    }

  return TRUE;
}

/* The author of a row: its AUTHOR cells ("First name", "Surname") joined. */
static char *
row_author (ChorusCsvImport *self,
            const CsvRow    *row)
{
  GString *author = NULL;

  for (guint c = 0; c < self->columns->len; c++)
    {
      g_autofree char *text = NULL;

      if (g_array_index (self->columns, CsvColumn, c).role != CHORUS_CSV_COLUMN_AUTHOR ||
          c >= row->n_cells)
        continue;

      text = _chorus_import_clean_text (g_ptr_array_index (self->cells, row->first + c), -1);
      if (text[0] == '\0')
        continue;

      if (author == NULL)
        author = g_string_new (text);
      else
        g_string_append_printf (author, " %s", text);
    }

  return author ? g_string_free (author, FALSE) : NULL;
}

/* Walks the cells as an import would; with @project NULL only counts. */
static void
import_rows (ChorusCsvImport      *self,
             ChorusDuplicateIndex *duplicates,
             gboolean              skip_duplicates,
             ChorusProject        *project,
             ChorusGroup          *group,
             ChorusActivity       *activity,
             ChorusImportReport   *report)
{
  gboolean have_author = FALSE;

  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, CsvColumn, c).role == CHORUS_CSV_COLUMN_AUTHOR)
      have_author = TRUE;

  for (guint r = 0; r < self->rows->len; r++)
    {
      const CsvRow *row = &g_array_index (self->rows, CsvRow, r);
      g_autofree char *author = (have_author && project) ? row_author (self, row) : NULL;
      guint n_cells = MAX (row->n_cells, self->columns->len);

      report->n_read++;

      for (guint c = 0; c < n_cells; c++)
        {
          const char *cell = c < row->n_cells ? g_ptr_array_index (self->cells, row->first + c) : "";
          g_autofree char *text = NULL;
          const CsvColumn *column;
          ChorusItem *item;

          if (c >= self->columns->len)
            {
              /* A ragged row the user accepted: the cell has no column, so
               * it is the user's to place. */
              text = _chorus_import_clean_text (cell, -1);
              if (text[0] != '\0')
                _chorus_import_report_unassigned (report, row->line, text,
                                                  _("a cell beyond the last column"));
              continue;
            }

          column = &g_array_index (self->columns, CsvColumn, c);
          if (column->role != CHORUS_CSV_COLUMN_QUESTION)
            {
              if (column->role == CHORUS_CSV_COLUMN_IGNORE && cell[0] != '\0')
                {
                  text = _chorus_import_clean_text (cell, -1);
                  if (text[0] != '\0')
                    report->n_skipped_unmapped++;
                }
              continue;
            }

          text = _chorus_import_clean_text (cell, -1);
          if (text[0] == '\0')
            {
              report->n_skipped_empty++;
              continue;
            }

          item = _chorus_import_add_item (project, duplicates, skip_duplicates,
                                          column->question_id, group, activity, text, report);
          if (item != NULL && author != NULL)
            chorus_project_set_item_author (project, item, author);
        }
    }
}

guint
chorus_csv_import_count_duplicates (ChorusCsvImport *self,
                                    ChorusProject   *project,
                                    ChorusGroup     *group,
                                    ChorusActivity  *activity)
{
  g_auto(ChorusImportReport) report = { 0 };
  g_autoptr(ChorusDuplicateIndex) duplicates = NULL;

  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), 0);
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), 0);

  chorus_import_report_init (&report);
  duplicates = _chorus_duplicate_index_new (project, group, activity);
  import_rows (self, duplicates, TRUE, NULL, group, activity, &report);

  return report.n_skipped_duplicate;
}

gboolean
chorus_csv_import_apply (ChorusCsvImport     *self,
                         ChorusProject       *project,
                         ChorusGroup         *group,
                         ChorusActivity      *activity,
                         gboolean             skip_duplicates,
                         ChorusImportReport  *report,
                         GError             **error)
{
  g_auto(ChorusImportReport) local_report = { 0 };
  g_autoptr(ChorusDuplicateIndex) duplicates = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CHORUS_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (group == NULL || CHORUS_IS_GROUP (group), FALSE);
  g_return_val_if_fail (activity == NULL || CHORUS_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report == NULL)
    {
      chorus_import_report_init (&local_report);
      report = &local_report;
    }
  _chorus_import_report_reset (report, CHORUS_IMPORT_SOURCE_CSV, self->display_name,
                               self->encoding);

  if (!check_mapping (self, chorus_project_get_consultation (project), error))
    return FALSE;

  duplicates = _chorus_duplicate_index_new (project, group, activity);

  /* TRANSLATORS: an undo step; %s is a file name */
  label = g_strdup_printf (_("Import “%s”"), self->display_name);
  chorus_project_begin_group (project, label);
  import_rows (self, duplicates, skip_duplicates, project, group, activity, report);
  chorus_project_end_group (project);

  return TRUE;
}
