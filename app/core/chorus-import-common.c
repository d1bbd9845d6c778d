/* chorus-import-common.c — decoding, question matching, duplicate checks and
 * the report, shared by the CSV and notes importers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-import-private.h"

/* Decoding ------------------------------------------------------------------ */

static guint
line_of_offset (const guchar *data,
                gsize         offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

static char *
convert_windows_1252 (const guchar *data,
                      gsize         size,
                      gsize        *length)
{
  g_autofree guchar *copy = NULL;
  char *converted;

  converted = g_convert ((const char *) data, size, "UTF-8", "WINDOWS-1252", NULL, length, NULL);
  if (converted != NULL)
    return converted;

  /* Five byte values mean nothing in Windows-1252 and iconv refuses them;
   * they carry no text, so a replacement character keeps the rest. */
  copy = g_memdup2 (data, size);
  for (gsize i = 0; i < size; i++)
    if (copy[i] == 0x81 || copy[i] == 0x8D || copy[i] == 0x8F || copy[i] == 0x90 || copy[i] == 0x9D)
      copy[i] = '?';

  converted = g_convert ((const char *) copy, size, "UTF-8", "WINDOWS-1252", NULL, length, NULL);
  if (converted != NULL)
    return converted;

  /* ISO-8859-1 maps every byte. */
  return g_convert ((const char *) data, size, "UTF-8", "ISO-8859-1", NULL, length, NULL);
}

GBytes *
_chorus_import_load_file (const char  *path,
                          char       **display_name,
                          GError     **error)
{
  g_autofree char *shown_path = g_filename_display_name (path);
  g_autoptr(GByteArray) contents = NULL;
  GStatBuf info;
  int fd;

  *display_name = g_filename_display_basename (path);

  /* Read here rather than through GIO, so that a failure says what the project loader says
   * ("FILE: could not be read: No such file or directory") with the path as the user gave it,
   * not GIO's own sentence naming the path a second time. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &info) != 0 || S_ISDIR (info.st_mode))
    {
      int saved_errno = fd < 0 ? errno : S_ISDIR (info.st_mode) ? EISDIR : errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO, _("%s: could not be read: %s"),
                   shown_path, g_strerror (saved_errno));
      return NULL;
    }

  /* Checked before reading so a mistaken multi-gigabyte file is not loaded. */
  if (info.st_size > CHORUS_IMPORT_MAX_SIZE)
    {
      close (fd);
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %u MiB; split it before importing"),
                   shown_path, CHORUS_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  contents = g_byte_array_sized_new ((guint) MAX (info.st_size, 0));
  for (;;)
    {
      guint8 buffer[65536];
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO, _("%s: could not be read: %s"),
                       shown_path, g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      /* A device or a growing file can give more than it said. */
      if (contents->len + (gsize) n > CHORUS_IMPORT_MAX_SIZE)
        {
          close (fd);
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_TOO_LARGE,
                       _("%s: the file is larger than %u MiB; split it before importing"),
                       shown_path, CHORUS_IMPORT_MAX_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (contents, buffer, (guint) n);
    }
  close (fd);

  return g_byte_array_free_to_bytes (g_steal_pointer (&contents));
}

typedef struct
{
  char                        *path;
  ChorusImportNewFromFileFunc  new_from_file;
} NewFromFileData;

static void
new_from_file_data_free (gpointer data)
{
  NewFromFileData *task_data = data;

  g_free (task_data->path);
  g_free (task_data);
}

static void
new_from_file_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      data,
                      GCancellable *cancellable)
{
  NewFromFileData *task_data = data;
  GError *error = NULL;
  gpointer import = task_data->new_from_file (task_data->path, &error);

  if (import == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, import, g_object_unref);
}

void
_chorus_import_new_from_file_async (const char                  *path,
                                    ChorusImportNewFromFileFunc  new_from_file,
                                    gpointer                     source_tag,
                                    GCancellable                *cancellable,
                                    GAsyncReadyCallback          callback,
                                    gpointer                     user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  NewFromFileData *task_data = g_new0 (NewFromFileData, 1);

  task_data->path = g_strdup (path);
  task_data->new_from_file = new_from_file;
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, task_data, new_from_file_data_free);
  g_task_run_in_thread (task, new_from_file_thread);
}

gpointer
_chorus_import_new_from_file_finish (GAsyncResult  *result,
                                     gpointer       source_tag,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
_chorus_import_decode (GBytes      *bytes,
                       const char  *display_name,
                       gsize       *length,
                       char       **encoding,
                       GError     **error)
{
  const guchar *data;
  const guchar *nul;
  gsize size;
  char *text;

  g_return_val_if_fail (bytes != NULL, NULL);

  *encoding = NULL;
  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = (const guchar *) "";

  if (size > CHORUS_IMPORT_MAX_SIZE)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %u MiB; split it before importing"),
                   display_name, CHORUS_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  /* Excel's "Unicode text" export is UTF-16 with a byte-order mark. */
  if (size >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      const char *from = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";

      text = g_convert ((const char *) data + 2, size - 2, "UTF-8", from, NULL, length, NULL);
      if (text == NULL || memchr (text, '\0', *length) != NULL ||
          !g_utf8_validate_len (text, *length, NULL))
        {
          g_free (text);
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                       _("%s: starts like UTF-16 text but is not valid UTF-16"), display_name);
          return NULL;
        }
      *encoding = g_strdup ("UTF-16");
      return text;
    }

  if (size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      size -= 3;
    }

  nul = memchr (data, '\0', size);
  if (nul != NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("%s:%u: the file contains NUL bytes; it is not a text file"),
                   display_name, line_of_offset (data, nul - data));
      return NULL;
    }

  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      *length = size;
      return g_strndup ((const char *) data, size);
    }

  /* Not UTF-8: what Excel on Windows writes in Western Europe. Invalid
   * UTF-8 is almost never valid UTF-8 by accident, so this is a safe guess. */
  text = convert_windows_1252 (data, size, length);
  if (text == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("%s: the file is neither UTF-8 nor Windows-1252 text"), display_name);
      return NULL;
    }
  *encoding = g_strdup ("Windows-1252");

  return text;
}

/* Whether the model would change the text: line ends other than \n, control
 * characters, U+FFFE/U+FFFF, invalid UTF-8. Most cells need nothing, and
 * the check is much cheaper than the copy sanitising makes. */
static gboolean
needs_sanitizing (const char *text,
                  gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (c < 0x20 && c != '\t' && c != '\n')
        return TRUE;
      if (c == 0xEF && i + 2 < length && (guchar) text[i + 1] == 0xBF &&
          ((guchar) text[i + 2] == 0xBE || (guchar) text[i + 2] == 0xBF))
        return TRUE;
    }

  return !g_utf8_validate_len (text, length, NULL);
}

static char *
trim_copy (const char *start,
           const char *end)
{
  while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

char *
_chorus_import_clean_text (const char *text,
                           gssize      length)
{
  g_autofree char *clean = NULL;

  if (length < 0)
    length = strlen (text);

  if (!needs_sanitizing (text, length))
    return trim_copy (text, text + length);

  {
    g_autofree char *copy = g_strndup (text, length);
    clean = _chorus_text_sanitize (copy);
  }

  return trim_copy (clean, clean + strlen (clean));
}

/* Words ----------------------------------------------------------------------- */

/* Words that say nothing about which question a text is about. Sorted. */
static const char * const stop_words[] = {
  "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being",
  "but", "by", "can", "could", "do", "does", "for", "from", "has", "have", "how", "if", "in",
  "into", "is", "it", "its", "may", "might", "more", "most", "no", "not", "of", "on", "or",
  "other", "our", "should", "so", "some", "such", "than", "that", "the", "their", "them",
  "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "when",
  "where", "which", "who", "why", "will", "with", "would", "yes", "you", "your",
};

static int
compare_words (const void *a,
               const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_stop_word (const char *word)
{
  return bsearch (&word, stop_words, G_N_ELEMENTS (stop_words), sizeof (char *),
                  compare_words) != NULL;
}

/* A light English stemmer: enough for "supported"/"support",
 * "commissioners"/"commissioning", "services"/"service". */
static void
stem_word (GString *word)
{
  static const char * const suffixes[] = { "ies", "ing", "ers", "ed", "er", "es", "s" };
  gsize len = word->len;

  if (len >= 5 && g_str_has_suffix (word->str, "ies"))
    {
      g_string_truncate (word, len - 3);
      g_string_append_c (word, 'y');
      return;
    }

  for (guint i = 1; i < G_N_ELEMENTS (suffixes); i++)
    {
      gsize suffix_len = strlen (suffixes[i]);

      if (len >= suffix_len + 4 && g_str_has_suffix (word->str, suffixes[i]) &&
          !(suffix_len == 1 && word->str[len - 2] == 's'))
        {
          g_string_truncate (word, len - suffix_len);
          break;
        }
    }

  if (word->len >= 5 && word->str[word->len - 1] == 'e')
    g_string_truncate (word, word->len - 1);
}

/* The set of stems of the meaningful words of @text (all words when every
 * one is a stop word). */
static GHashTable *
word_set (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_autofree char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (normal ? normal : valid, -1);
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) stops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p = folded;

  for (;;)
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
        }
      else if (c != 0 && g_unichar_ismark (c))
        {
          /* Accents, decomposed by the normalisation: "café" is "cafe". */
        }
      else
        {
          if (word->len > 1 || (word->len == 1 && g_ascii_isdigit (word->str[0])))
            {
              if (is_stop_word (word->str))
                g_hash_table_add (stops, g_strdup (word->str));
              else
                {
                  stem_word (word);
                  g_hash_table_add (words, g_strdup (word->str));
                }
            }
          g_string_truncate (word, 0);
          if (c == 0)
            break;
        }

      p = g_utf8_next_char (p);
    }

  if (g_hash_table_size (words) == 0)
    return g_steal_pointer (&stops);

  return g_steal_pointer (&words);
}

guint
_chorus_import_count_words (const char *text)
{
  g_autoptr(GHashTable) words = word_set (text);

  return g_hash_table_size (words);
}

/* Question numbers ------------------------------------------------------------ */

static gboolean
is_dash_at (const char *p,
            gsize      *len)
{
  if (*p == '-')
    {
      *len = 1;
      return TRUE;
    }
  /* en and em dashes, as Word turns " - " into */
  if (g_str_has_prefix (p, "\xe2\x80\x93") || g_str_has_prefix (p, "\xe2\x80\x94"))
    {
      *len = 3;
      return TRUE;
    }

  return FALSE;
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

char *
_chorus_import_parse_number (const char  *text,
                             gboolean    *explicit_number,
                             const char **rest)
{
  const char *p = skip_spaces (text);
  const char *start;
  gboolean explicit = FALSE;
  gboolean terminated = FALSE;
  g_autofree char *number = NULL;
  gsize dash_len;

  if (g_ascii_strncasecmp (p, "question", 8) == 0)
    {
      p += 8;
      explicit = TRUE;
    }
  else if ((*p == 'Q' || *p == 'q') &&
           (g_ascii_isdigit (p[1]) || ((p[1] == '.' || p[1] == ' ') && g_ascii_isdigit (p[2]))))
    {
      p++;
      explicit = TRUE;
    }

  if (explicit)
    {
      /* "Question 3", "Q.3", "Question no. 3", "Q #3" */
      if (g_ascii_strncasecmp (p, " no.", 4) == 0)
        p += 4;
      while (*p == ' ' || *p == '.' || *p == '#')
        p++;
    }

  if (!g_ascii_isdigit (*p))
    return NULL;

  start = p;
  while (g_ascii_isdigit (*p))
    p++;
  while (*p == '.' && g_ascii_isdigit (p[1]))
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++;
    }
  /* "3a", "12b" */
  if (g_ascii_isalpha (*p) && !g_ascii_isalnum (p[1]) && (p[1] == '\0' || (guchar) p[1] < 0x80))
    p++;
  if (g_ascii_isalnum (*p) || (p - start) > 12)
    return NULL;

  number = g_ascii_strdown (start, p - start);

  if (*p == '.' || *p == ')' || *p == ':')
    {
      p++;
      terminated = TRUE;
    }
  p = skip_spaces (p);
  if (is_dash_at (p, &dash_len))
    {
      p = skip_spaces (p + dash_len);
      terminated = TRUE;
    }
  else if (*p == ':' || *p == ')')
    {
      p = skip_spaces (p + 1);
      terminated = TRUE;
    }

  /* A bare "3 people said" is not a question number; "3." or "3)" is. */
  if (!explicit && !terminated && *p != '\0')
    return NULL;

  if (explicit_number != NULL)
    *explicit_number = explicit;
  if (rest != NULL)
    *rest = p;

  return g_steal_pointer (&number);
}

/* Matching questions ------------------------------------------------------------ */

typedef struct
{
  ChorusQuestion *question;
  char           *number;   /* normal form, or NULL */
  ChorusDocument *document;
  GHashTable     *words;
  double          weight;   /* of its words */
} MatcherQuestion;

struct _ChorusQuestionMatcher
{
  ChorusConsultation *consultation;
  GArray             *questions;  /* MatcherQuestion */
  GHashTable         *frequency;  /* stem -> number of questions using it */
  guint               n_questions;
};

static void
matcher_question_clear (gpointer data)
{
  MatcherQuestion *mq = data;

  g_clear_object (&mq->question);
  g_clear_pointer (&mq->number, g_free);
  g_clear_pointer (&mq->words, g_hash_table_unref);
}

/* Words shared by many questions ("GP", "consortia") say less about which
 * one a text means than rare ones ("bariatric"). */
static double
word_weight (ChorusQuestionMatcher *self,
             const char            *word)
{
  guint frequency = GPOINTER_TO_UINT (g_hash_table_lookup (self->frequency, word));

  return log (1.0 + (double) MAX (self->n_questions, 1) / MAX (frequency, 1));
}

ChorusQuestionMatcher *
_chorus_question_matcher_new (ChorusConsultation *consultation)
{
  ChorusQuestionMatcher *self = g_new0 (ChorusQuestionMatcher, 1);
  GListModel *questions = chorus_consultation_get_questions (consultation);
  guint n = g_list_model_get_n_items (questions);

  self->consultation = g_object_ref (consultation);
  self->questions = g_array_sized_new (FALSE, TRUE, sizeof (MatcherQuestion), n);
  g_array_set_clear_func (self->questions, matcher_question_clear);
  self->frequency = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->n_questions = n;

  for (guint i = 0; i < n; i++)
    {
      MatcherQuestion mq = { 0 };
      const char *number;
      const char *rest = NULL;
      GHashTableIter iter;
      gpointer word;

      mq.question = g_list_model_get_item (questions, i);
      if (chorus_question_get_section (mq.question) != NULL)
        mq.document = chorus_section_get_document (chorus_question_get_section (mq.question));
      number = chorus_question_get_number (mq.question);
      if (number != NULL && number[0] != '\0')
        {
          mq.number = _chorus_import_parse_number (number, NULL, &rest);
          if (mq.number == NULL || *rest != '\0')
            {
              g_free (mq.number);
              mq.number = g_utf8_casefold (number, -1);
              g_strstrip (mq.number);
            }
        }
      mq.words = word_set (chorus_question_get_text (mq.question));

      g_hash_table_iter_init (&iter, mq.words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->frequency, word));
          g_hash_table_replace (self->frequency, g_strdup (word), GUINT_TO_POINTER (count + 1));
        }

      g_array_append_val (self->questions, mq);
    }

  for (guint i = 0; i < n; i++)
    {
      MatcherQuestion *mq = &g_array_index (self->questions, MatcherQuestion, i);
      GHashTableIter iter;
      gpointer word;

      g_hash_table_iter_init (&iter, mq->words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        mq->weight += word_weight (self, word);
    }

  return self;
}

void
_chorus_question_matcher_free (ChorusQuestionMatcher *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->questions, g_array_unref);
  g_clear_pointer (&self->frequency, g_hash_table_unref);
  g_clear_object (&self->consultation);
  g_free (self);
}

/* Weighted Dice coefficient of the two word sets; with @allow_abbreviation
 * also how much of the text's words the question contains, so that a
 * survey tool's shortened header still finds its question. */
static double
score_words (ChorusQuestionMatcher *self,
             GHashTable            *words,
             MatcherQuestion       *mq,
             gboolean               allow_abbreviation)
{
  GHashTableIter iter;
  gpointer word;
  double common = 0;
  double total = 0;
  guint n_words = g_hash_table_size (words);
  double score;

  if (n_words == 0 || mq->weight <= 0)
    return 0;

  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      double weight = word_weight (self, word);

      total += weight;
      if (g_hash_table_contains (mq->words, word))
        common += weight;
    }

  score = 2 * common / (total + mq->weight);
  if (allow_abbreviation && n_words >= 2)
    {
      /* Two words are a weak signal, four or more a strong one. */
      double confidence = MIN (1.0, 0.6 + 0.1 * n_words);
      score = MAX (score, 0.9 * confidence * common / total);
    }

  return score;
}

double
_chorus_question_matcher_score (ChorusQuestionMatcher *self,
                                ChorusQuestion        *question,
                                const char            *text,
                                gboolean               allow_abbreviation)
{
  g_autoptr(GHashTable) words = word_set (text);

  for (guint i = 0; i < self->questions->len; i++)
    {
      MatcherQuestion *mq = &g_array_index (self->questions, MatcherQuestion, i);

      if (mq->question == question)
        return score_words (self, words, mq, allow_abbreviation);
    }

  return 0;
}

ChorusQuestion *
_chorus_question_matcher_by_text (ChorusQuestionMatcher *self,
                                  const char            *text,
                                  double                 threshold,
                                  gboolean               allow_abbreviation,
                                  double                *score)
{
  g_autoptr(GHashTable) words = word_set (text);
  MatcherQuestion *best = NULL;
  double best_score = 0;
  double second_score = 0;

  if (score != NULL)
    *score = 0;

  if (g_hash_table_size (words) == 0)
    return NULL;

  for (guint i = 0; i < self->questions->len; i++)
    {
      MatcherQuestion *mq = &g_array_index (self->questions, MatcherQuestion, i);
      double s = score_words (self, words, mq, allow_abbreviation);

      if (s > best_score)
        {
          second_score = best_score;
          best_score = s;
          best = mq;
        }
      else if (s > second_score)
        {
          second_score = s;
        }
    }

  if (score != NULL)
    *score = best_score;

  /* Two questions nearly as close are a guess, and a wrong guess files
   * someone's words under the wrong question: leave it to the user. */
  if (best == NULL || best_score < threshold || best_score - second_score < 0.05)
    return NULL;

  return best->question;
}

ChorusQuestion *
_chorus_question_matcher_by_number (ChorusQuestionMatcher *self,
                                    const char            *number,
                                    const char            *text,
                                    ChorusDocument        *prefer,
                                    guint                 *n_candidates)
{
  g_autoptr(GHashTable) words = NULL;
  MatcherQuestion *found = NULL;
  MatcherQuestion *best = NULL;
  double best_score = 0;
  double second_score = 0;
  guint n = 0;

  for (guint i = 0; i < self->questions->len; i++)
    {
      MatcherQuestion *mq = &g_array_index (self->questions, MatcherQuestion, i);

      if (mq->number != NULL && g_str_equal (mq->number, number))
        {
          found = mq;
          n++;
        }
    }

  if (n_candidates != NULL)
    *n_candidates = n;
  if (n <= 1)
    return found ? found->question : NULL;

  /* Numbering restarts in each document: let the words decide. */
  words = word_set (text);

  for (guint i = 0; g_hash_table_size (words) > 0 && i < self->questions->len; i++)
    {
      MatcherQuestion *mq = &g_array_index (self->questions, MatcherQuestion, i);
      double s;

      if (mq->number == NULL || !g_str_equal (mq->number, number))
        continue;

      s = score_words (self, words, mq, TRUE);
      if (s > best_score)
        {
          second_score = best_score;
          best_score = s;
          best = mq;
        }
      else if (s > second_score)
        {
          second_score = s;
        }
    }

  if (best != NULL && best_score >= 0.2 && best_score - second_score >= 0.05)
    return best->question;

  /* "Question 4" in notes about HealthWatch means HealthWatch's question 4. */
  found = NULL;
  for (guint i = 0; prefer != NULL && i < self->questions->len; i++)
    {
      MatcherQuestion *mq = &g_array_index (self->questions, MatcherQuestion, i);

      if (mq->document == prefer && mq->number != NULL && g_str_equal (mq->number, number))
        {
          if (found != NULL)
            return NULL;
          found = mq;
        }
    }

  return found ? found->question : NULL;
}

ChorusQuestion *
_chorus_question_matcher_match (ChorusQuestionMatcher *self,
                                const char            *text,
                                double                 threshold,
                                ChorusDocument        *prefer,
                                ChorusImportMatch     *match)
{
  g_autofree char *number = NULL;
  const char *rest = NULL;
  ChorusQuestion *question;
  double score;

  *match = CHORUS_IMPORT_MATCH_NONE;

  number = _chorus_import_parse_number (text, NULL, &rest);
  if (number != NULL)
    {
      question = _chorus_question_matcher_by_number (self, number, rest, prefer, NULL);
      if (question != NULL)
        {
          /* A survey tool numbers its own questions, which need not be the
           * consultation's: when the words clearly name another question,
           * believe the words. */
          if (_chorus_import_count_words (rest) >= 4 &&
              _chorus_question_matcher_score (self, question, rest, TRUE) < 0.15)
            {
              ChorusQuestion *by_text =
                _chorus_question_matcher_by_text (self, rest, MAX (threshold, 0.5), TRUE, NULL);

              if (by_text != NULL)
                {
                  *match = CHORUS_IMPORT_MATCH_TEXT;
                  return by_text;
                }
            }

          *match = CHORUS_IMPORT_MATCH_NUMBER;
          return question;
        }
      text = rest;
    }

  question = _chorus_question_matcher_by_text (self, text, threshold, TRUE, &score);
  if (question != NULL)
    *match = CHORUS_IMPORT_MATCH_TEXT;

  return question;
}

/* Duplicates -------------------------------------------------------------------- */

struct _ChorusDuplicateIndex
{
  GHashTable *counts;  /* "question\037text" -> count */
};

static char *
duplicate_key (const char *question_id,
               const char *text)
{
  return g_strconcat (question_id, "\037", text, NULL);
}

ChorusDuplicateIndex *
_chorus_duplicate_index_new (ChorusProject  *project,
                             ChorusGroup    *group,
                             ChorusActivity *activity)
{
  ChorusDuplicateIndex *self = g_new0 (ChorusDuplicateIndex, 1);
  GListModel *items = chorus_project_get_items (project);
  const char *group_id = group ? chorus_group_get_id (group) : NULL;
  const char *activity_id = activity ? chorus_activity_get_id (activity) : NULL;
  guint n = g_list_model_get_n_items (items);

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);
      char *key;
      guint count;

      if (g_strcmp0 (chorus_item_get_group_id (item), group_id) != 0 ||
          g_strcmp0 (chorus_item_get_activity_id (item), activity_id) != 0)
        continue;

      key = duplicate_key (chorus_item_get_question_id (item), chorus_item_get_text (item));
      count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, key));
      g_hash_table_replace (self->counts, key, GUINT_TO_POINTER (count + 1));
    }

  return self;
}

void
_chorus_duplicate_index_free (ChorusDuplicateIndex *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->counts, g_hash_table_unref);
  g_free (self);
}

gboolean
_chorus_duplicate_index_take (ChorusDuplicateIndex *self,
                              const char           *question_id,
                              const char           *clean_text)
{
  g_autofree char *key = NULL;
  guint count;

  if (g_hash_table_size (self->counts) == 0)
    return FALSE;

  key = duplicate_key (question_id, clean_text);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, key));
  if (count == 0)
    return FALSE;

  if (count == 1)
    g_hash_table_remove (self->counts, key);
  else
    g_hash_table_replace (self->counts, g_steal_pointer (&key), GUINT_TO_POINTER (count - 1));

  return TRUE;
}

ChorusItem *
_chorus_import_add_item (ChorusProject        *project,
                         ChorusDuplicateIndex *duplicates,
                         gboolean              skip_duplicates,
                         const char           *question_id,
                         ChorusGroup          *group,
                         ChorusActivity       *activity,
                         const char           *text,
                         ChorusImportReport   *report)
{
  ChorusItem *item;

  if (_chorus_duplicate_index_take (duplicates, question_id, text))
    {
      if (skip_duplicates)
        {
          report->n_skipped_duplicate++;
          return NULL;
        }
      report->n_duplicates_kept++;
    }

  report->n_created++;
  if (project == NULL)
    return NULL;

  item = chorus_project_add_item (project, question_id, group, activity, text);
  g_ptr_array_add (report->items, g_object_ref (item));

  return item;
}

/* The report ---------------------------------------------------------------------- */

static void
import_line_free (gpointer data)
{
  ChorusImportLine *line = data;

  g_free (line->text);
  g_free (line->reason);
  g_free (line);
}

void
chorus_import_report_init (ChorusImportReport *report)
{
  g_return_if_fail (report != NULL);

  memset (report, 0, sizeof *report);
  report->unassigned = g_ptr_array_new_with_free_func (import_line_free);
  report->items = g_ptr_array_new_with_free_func (g_object_unref);
}

void
chorus_import_report_clear (ChorusImportReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->display_name, g_free);
  g_clear_pointer (&report->encoding, g_free);
  g_clear_pointer (&report->unassigned, g_ptr_array_unref);
  g_clear_pointer (&report->items, g_ptr_array_unref);
}

void
_chorus_import_report_reset (ChorusImportReport *report,
                             ChorusImportSource  source,
                             const char         *display_name,
                             const char         *encoding)
{
  chorus_import_report_clear (report);
  chorus_import_report_init (report);
  report->source = source;
  report->display_name = g_strdup (display_name);
  report->encoding = g_strdup (encoding);
}

void
_chorus_import_report_unassigned (ChorusImportReport *report,
                                  guint               line,
                                  const char         *text,
                                  const char         *reason)
{
  ChorusImportLine *entry = g_new0 (ChorusImportLine, 1);

  entry->line = line;
  entry->text = g_strdup (text);
  entry->reason = g_strdup (reason);
  g_ptr_array_add (report->unassigned, entry);
}

/* One line of the unassigned list: long paragraphs are shortened so the
 * report stays readable; the window shows them whole. */
static void
append_excerpt (GString    *out,
                const char *text)
{
  g_autofree char *flat = g_strdup (text);
  glong length;

  g_strdelimit (flat, "\n\t", ' ');
  length = g_utf8_strlen (flat, -1);
  if (length > 72)
    {
      char *cut = g_utf8_offset_to_pointer (flat, 71);
      *cut = '\0';
      g_string_append_printf (out, "%s…", flat);
    }
  else
    {
      g_string_append (out, flat);
    }
}

char *
chorus_import_report_format (const ChorusImportReport *report)
{
  GString *out = g_string_new (NULL);
  const char *name;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (report != NULL, NULL);

  name = report->display_name ? report->display_name : "";

  if (report->encoding != NULL)
    /* TRANSLATORS: the first %s is a file, the second an encoding such as "Windows-1252" */
    g_string_append_printf (out, _("%s: converted from %s to UTF-8\n"), name, report->encoding);

  if (report->source == CHORUS_IMPORT_SOURCE_CSV)
    g_string_append_printf (out, ngettext ("%s: %u row read", "%s: %u rows read", report->n_read),
                            name, report->n_read);
  else
    g_string_append_printf (out, ngettext ("%s: %u bullet or paragraph read",
                                           "%s: %u bullets and paragraphs read",
                                           report->n_read),
                            name, report->n_read);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u item created\n", "%u items created\n",
                                         report->n_created),
                          report->n_created);

  if (report->n_skipped_empty > 0)
    g_ptr_array_add (skipped, g_strdup_printf (ngettext ("%u empty cell", "%u empty cells",
                                                         report->n_skipped_empty),
                                               report->n_skipped_empty));
  if (report->n_skipped_duplicate > 0)
    g_ptr_array_add (skipped,
                     g_strdup_printf (ngettext ("%u duplicate already in the project",
                                                "%u duplicates already in the project",
                                                report->n_skipped_duplicate),
                                      report->n_skipped_duplicate));
  if (report->n_skipped_unmapped > 0)
    g_ptr_array_add (skipped,
                     g_strdup_printf (ngettext ("%u cell in columns mapped to no question",
                                                "%u cells in columns mapped to no question",
                                                report->n_skipped_unmapped),
                                      report->n_skipped_unmapped));
  if (skipped->len > 0)
    {
      g_ptr_array_add (skipped, NULL);
      g_autofree char *list = g_strjoinv (", ", (char **) skipped->pdata);

      /* TRANSLATORS: %s is a list such as "3 empty cells, 2 duplicates already in the project" */
      g_string_append_printf (out, _("Skipped: %s\n"), list);
    }

  if (report->n_duplicates_kept > 0)
    g_string_append_printf (out,
                            ngettext ("%u imported item was already in the project; "
                                      "use “skip duplicates” to leave such items out\n",
                                      "%u imported items were already in the project; "
                                      "use “skip duplicates” to leave such items out\n",
                                      report->n_duplicates_kept),
                            report->n_duplicates_kept);

  if (report->unassigned != NULL && report->unassigned->len > 0)
    {
      g_string_append_printf (out,
                              ngettext ("%u piece of text was not placed under a question:\n",
                                        "%u pieces of text were not placed under a question:\n",
                                        report->unassigned->len),
                              report->unassigned->len);
      for (guint i = 0; i < report->unassigned->len; i++)
        {
          const ChorusImportLine *line = g_ptr_array_index (report->unassigned, i);

          g_string_append_printf (out, "  %s:%u: ", name, line->line);
          append_excerpt (out, line->text);
          if (line->reason != NULL)
            g_string_append_printf (out, " (%s)", line->reason);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}
