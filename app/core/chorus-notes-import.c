/* chorus-notes-import.c — focus-group notes as facilitators type them
 *
 * Plain text or Markdown: a heading or a line names a question ("Q3",
 * "## Question 3", "3. How can GP consortia…", or the question's own words),
 * and the bullets and paragraphs under it are what people said. Each bullet
 * or paragraph becomes one item. Whatever no question claims is kept as a
 * block for the user to place, never dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "chorus-import-private.h"

typedef struct
{
  ChorusNotesBlockKind  kind;
  char                 *text;
  guint                 line;
  const char           *question_id;  /* interned */
  ChorusImportMatch     match;
  const char           *reason;       /* why it is unassigned; translated, static */
} NotesBlock;

struct _ChorusNotesImport
{
  GObject   parent_instance;

  char     *display_name;
  char     *encoding;
  char    **lines;
  guint     n_lines;
  GArray   *blocks;  /* NotesBlock */
  gboolean  guessed;
};

G_DEFINE_FINAL_TYPE (ChorusNotesImport, chorus_notes_import, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DISPLAY_NAME,
  PROP_ENCODING,
  N_PROPS
};

enum {
  SIGNAL_BLOCKS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
notes_block_clear (gpointer data)
{
  NotesBlock *block = data;

  g_clear_pointer (&block->text, g_free);
}

static void
chorus_notes_import_finalize (GObject *object)
{
  ChorusNotesImport *self = (ChorusNotesImport *) object;

  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->encoding, g_free);
  g_clear_pointer (&self->lines, g_strfreev);
  g_clear_pointer (&self->blocks, g_array_unref);

  G_OBJECT_CLASS (chorus_notes_import_parent_class)->finalize (object);
}

static void
chorus_notes_import_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChorusNotesImport *self = CHORUS_NOTES_IMPORT (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_ENCODING:
      g_value_set_string (value, self->encoding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_notes_import_class_init (ChorusNotesImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chorus_notes_import_finalize;
  object_class->get_property = chorus_notes_import_get_property;

  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the blocks change: after a guess, or a block placed by hand. */
  signals[SIGNAL_BLOCKS_CHANGED] =
    g_signal_new ("blocks-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
chorus_notes_import_init (ChorusNotesImport *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (NotesBlock));
  g_array_set_clear_func (self->blocks, notes_block_clear);
}

ChorusNotesImport *
chorus_notes_import_new_from_bytes (GBytes      *bytes,
                                    const char  *display_name,
                                    GError     **error)
{
  g_autoptr(ChorusNotesImport) self = NULL;
  g_autofree char *text = NULL;
  g_autofree char *clean = NULL;
  gsize length = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CHORUS_TYPE_NOTES_IMPORT, NULL);
  self->display_name = g_strdup (display_name ? display_name : _("notes"));

  text = _chorus_import_decode (bytes, self->display_name, &length, &self->encoding, error);
  if (text == NULL)
    return NULL;

  /* Line feeds only, and nothing the model would refuse; the decoder has
   * already refused NUL bytes, so line numbers are the file's. */
  clean = _chorus_text_sanitize (text);
  self->lines = g_strsplit (clean, "\n", -1);
  self->n_lines = g_strv_length (self->lines);

  return g_steal_pointer (&self);
}

ChorusNotesImport *
chorus_notes_import_new_from_file (const char  *path,
                                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = _chorus_import_load_file (path, &display_name, error);
  if (bytes == NULL)
    return NULL;

  return chorus_notes_import_new_from_bytes (bytes, display_name, error);
}

/* ChorusImportNewFromFileFunc: the same, for the shared thread. */
static gpointer
new_from_file_cb (const char  *path,
                  GError     **error)
{
  return chorus_notes_import_new_from_file (path, error);
}

void
chorus_notes_import_new_from_file_async (const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _chorus_import_new_from_file_async (path, new_from_file_cb,
                                      chorus_notes_import_new_from_file_async, cancellable, callback,
                                      user_data);
}

ChorusNotesImport *
chorus_notes_import_new_from_file_finish (GAsyncResult  *result,
                                           GError       **error)
{
  return _chorus_import_new_from_file_finish (result, chorus_notes_import_new_from_file_async, error);
}

const char *
chorus_notes_import_get_display_name (ChorusNotesImport *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT (self), NULL);
  return self->display_name;
}

const char *
chorus_notes_import_get_encoding (ChorusNotesImport *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT (self), NULL);
  return self->encoding;
}

/* Reading lines ---------------------------------------------------------------------- */

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static const char *
skip_indent (const char *line)
{
  while (*line == ' ' || *line == '\t')
    line++;
  return line;
}

/* "---", "***", "___", "- - -": a Markdown rule. */
static gboolean
is_rule (const char *line)
{
  const char *p = skip_indent (line);
  char marker = *p;
  guint n = 0;

  if (marker != '-' && marker != '*' && marker != '_')
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (*p == marker)
        n++;
      else if (*p != ' ' && *p != '\t')
        return FALSE;
    }

  return n >= 3;
}

/* A setext underline: "====" makes the line above a heading of level 1,
 * "----" one of level 2. */
static guint
setext_level (const char *line)
{
  const char *p = skip_indent (line);
  char marker = *p;
  guint n = 0;

  if (marker != '=' && marker != '-')
    return 0;

  while (*p == marker)
    {
      p++;
      n++;
    }
  p = skip_indent (p);

  if (*p != '\0' || n < 2)
    return 0;

  return marker == '=' ? 1 : 2;
}

/* "## Question 3 ##" -> level 2, "Question 3" */
static guint
atx_heading (const char  *line,
             const char **text)
{
  const char *p = skip_indent (line);
  guint level = 0;

  while (*p == '#' && level < 7)
    {
      p++;
      level++;
    }
  if (level == 0 || level > 6 || (*p != ' ' && *p != '\t' && *p != '\0'))
    return 0;

  *text = skip_indent (p);
  return level;
}

/* The bullets facilitators use, Word's and Markdown's. */
static const char * const bullet_marks[] = {
  "\xe2\x80\xa2",  /* • */
  "\xc2\xb7",      /* · */
  "\xe2\x80\xa3",  /* ‣ */
  "\xe2\x97\xa6",  /* ◦ */
  "\xe2\x96\xaa",  /* ▪ */
  "\xe2\x81\x83",  /* ⁃ */
  "\xe2\x80\x93",  /* – */
  "\xe2\x80\x94",  /* — */
};

/* Returns the bullet's text, or NULL when the line is not a bullet. Sets
 * @number for "3." and "3)" items, which may name a question instead. */
static const char *
bullet_text (const char  *line,
             char       **number)
{
  const char *p = skip_indent (line);

  *number = NULL;

  if ((*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t'))
    return skip_indent (p + 1);

  for (guint i = 0; i < G_N_ELEMENTS (bullet_marks); i++)
    if (g_str_has_prefix (p, bullet_marks[i]))
      {
        const char *rest = p + strlen (bullet_marks[i]);

        /* Dashes need a space after them to be bullets, not punctuation. */
        if (i >= 6 && *rest != ' ' && *rest != '\t')
          return NULL;
        return skip_indent (rest);
      }

  if (g_ascii_isdigit (*p))
    {
      const char *start = p;

      while (g_ascii_isdigit (*p) && p - start < 3)
        p++;
      if ((*p == '.' || *p == ')') && (p[1] == ' ' || p[1] == '\t'))
        {
          *number = g_strndup (start, p - start);
          return skip_indent (p + 1);
        }
      return NULL;
    }

  /* "a) …", "(b) …" */
  if (*p == '(' && g_ascii_isalpha (p[1]) && p[2] == ')' && (p[3] == ' ' || p[3] == '\t'))
    return skip_indent (p + 3);
  if (g_ascii_isalpha (*p) && p[1] == ')' && (p[2] == ' ' || p[2] == '\t'))
    return skip_indent (p + 2);

  return NULL;
}

/* "**Q3: Support for GP consortia**:" -> "Q3: Support for GP consortia".
 * Linear: a line of ten thousand asterisks must not take a pass per pair. */
static char *
strip_markup (const char *text)
{
  g_autofree char *copy = _chorus_import_clean_text (text, -1);
  const char *start = copy;
  const char *end = copy + strlen (copy);

  for (;;)
    {
      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;

      if (end > start && (end[-1] == ':' || end[-1] == '#'))
        end--;
      else if (end - start >= 2 && (*start == '*' || *start == '_') && end[-1] == *start)
        {
          start++;
          end--;
        }
      else
        break;
    }

  return g_strndup (start, end - start);
}

/* Guessing ------------------------------------------------------------------------------ */

typedef enum
{
  CONTEXT_START,
  CONTEXT_QUESTION,
  CONTEXT_UNMATCHED,
} Context;

typedef struct
{
  ChorusNotesImport     *self;
  ChorusQuestionMatcher *matcher;
  ChorusQuestion        *question;        /* current */
  ChorusDocument        *document;        /* of the last question named */
  ChorusImportMatch      question_match;
  guint                  question_level;  /* of its heading; 0 for a plain line */
  Context                context;
  GString               *open;            /* the bullet or paragraph being read */
  guint                  open_line;
} Guess;

static void
add_block (Guess                *guess,
           ChorusNotesBlockKind  kind,
           const char           *text,
           guint                 line,
           ChorusQuestion       *question,
           ChorusImportMatch     match,
           const char           *reason)
{
  NotesBlock block = { 0 };

  block.kind = kind;
  block.text = g_strdup (text);
  block.line = line;
  block.question_id = question ? g_intern_string (chorus_question_get_id (question)) : NULL;
  block.match = question ? match : CHORUS_IMPORT_MATCH_NONE;
  block.reason = question ? NULL : reason;
  g_array_append_val (guess->self->blocks, block);
}

static const char *
context_reason (Guess *guess)
{
  if (guess->context == CONTEXT_START)
    return _("before any question");

  return _("under a heading that names no question");
}

static void
close_block (Guess *guess)
{
  g_autofree char *text = NULL;

  if (guess->open == NULL)
    return;

  text = _chorus_import_clean_text (guess->open->str, guess->open->len);
  if (text[0] != '\0')
    add_block (guess, CHORUS_NOTES_BLOCK_INPUT, text, guess->open_line, guess->question,
               guess->question ? CHORUS_IMPORT_MATCH_HEADING : CHORUS_IMPORT_MATCH_NONE,
               context_reason (guess));

  g_string_free (guess->open, TRUE);
  guess->open = NULL;
}

static void
open_block (Guess      *guess,
            const char *text,
            guint       line)
{
  close_block (guess);
  guess->open = g_string_new (text);
  guess->open_line = line;
}

static void
set_question (Guess             *guess,
              ChorusQuestion    *question,
              ChorusImportMatch  match,
              guint              level,
              const char        *text,
              guint              line)
{
  guess->question = question;
  guess->document = chorus_question_get_section (question)
    ? chorus_section_get_document (chorus_question_get_section (question)) : NULL;
  guess->question_match = match;
  guess->question_level = level;
  guess->context = CONTEXT_QUESTION;
  add_block (guess, CHORUS_NOTES_BLOCK_QUESTION, text, line, question, match, NULL);
}

static void
heading (Guess      *guess,
         const char *raw,
         guint       level,
         guint       line)
{
  g_autofree char *text = strip_markup (raw);
  ChorusImportMatch match;
  ChorusQuestion *question;

  close_block (guess);

  if (text[0] == '\0')
    return;

  question = _chorus_question_matcher_match (guess->matcher, text, 0.45, guess->document, &match);
  if (question != NULL)
    {
      set_question (guess, question, match, level, text, line);
      return;
    }

  /* "### Discussion points" under "## Q3": still Q3's input. */
  if (guess->context == CONTEXT_QUESTION && guess->question_level > 0 &&
      level > guess->question_level)
    {
      add_block (guess, CHORUS_NOTES_BLOCK_OTHER, text, line, NULL, CHORUS_IMPORT_MATCH_NONE,
                 _("a sub-heading that names no question"));
      return;
    }

  guess->question = NULL;
  guess->context = CONTEXT_UNMATCHED;
  add_block (guess, CHORUS_NOTES_BLOCK_OTHER, text, line, NULL, CHORUS_IMPORT_MATCH_NONE,
             _("a heading that names no question"));
}

/* A line naming a question by number: "Q3", "Question 3: How can…",
 * "3. How can GP consortia best be supported?". @bare is TRUE for "3."
 * forms, which are more often a numbered list: they must name the question
 * with their words too, or stand alone. Returns FALSE when the line is not
 * a question line after all. */
static gboolean
number_line (Guess      *guess,
             const char *raw,
             gboolean    bare,
             guint       line)
{
  g_autofree char *text = strip_markup (raw);
  g_autofree char *number = NULL;
  gboolean explicit_number = FALSE;
  const char *rest = NULL;
  ChorusQuestion *question;
  guint n_candidates = 0;
  guint n_words;

  number = _chorus_import_parse_number (text, &explicit_number, &rest);
  if (number == NULL || (!bare && !explicit_number))
    return FALSE;

  n_words = _chorus_import_count_words (rest);
  question = _chorus_question_matcher_by_number (guess->matcher, number, rest, guess->document,
                                                 &n_candidates);

  if (bare)
    {
      gboolean names_it = rest[0] == '\0' ||
        (question != NULL &&
         _chorus_question_matcher_score (guess->matcher, question, rest, TRUE) >= 0.35);

      if (!names_it && g_str_has_suffix (rest, "?"))
        {
          /* Numbered by the facilitator, not the consultation. */
          question = _chorus_question_matcher_by_text (guess->matcher, rest, 0.5, TRUE, NULL);
          if (question == NULL)
            return FALSE;
          close_block (guess);
          set_question (guess, question, CHORUS_IMPORT_MATCH_TEXT, 0, text, line);
          return TRUE;
        }
      if (!names_it || question == NULL)
        return FALSE;

      close_block (guess);
      set_question (guess, question, CHORUS_IMPORT_MATCH_NUMBER, 0, text, line);
      return TRUE;
    }

  close_block (guess);

  if (question == NULL)
    {
      /* A wrong number with the question's words still names it. */
      question = _chorus_question_matcher_by_text (guess->matcher, rest, 0.5, TRUE, NULL);
      if (question != NULL)
        {
          set_question (guess, question, CHORUS_IMPORT_MATCH_TEXT, 0, text, line);
          return TRUE;
        }

      guess->question = NULL;
      guess->context = CONTEXT_UNMATCHED;
      add_block (guess, CHORUS_NOTES_BLOCK_OTHER, text, line, NULL, CHORUS_IMPORT_MATCH_NONE,
                 n_candidates > 1 ? _("several questions have this number; place it by hand")
                                  : _("names a question this consultation does not have"));
      return TRUE;
    }

  /* "Q3: we need more training": the facilitator wrote the first answer on
   * the question's line. Words that do not resemble the question are input. */
  if (n_words >= 4 && _chorus_question_matcher_score (guess->matcher, question, rest, TRUE) < 0.2)
    {
      g_autofree char *label = g_strndup (text, rest - text);

      set_question (guess, question, CHORUS_IMPORT_MATCH_NUMBER, 0, g_strstrip (label), line);
      open_block (guess, rest, line);
      return TRUE;
    }

  set_question (guess, question, CHORUS_IMPORT_MATCH_NUMBER, 0, text, line);
  return TRUE;
}

/* A paragraph's first line that is the question itself, pasted in. */
static gboolean
text_line (Guess      *guess,
           const char *raw,
           guint       line)
{
  g_autofree char *text = strip_markup (raw);
  const char *words = text;
  gboolean prefixed = FALSE;
  ChorusQuestion *question;
  gboolean is_question;

  if (g_ascii_strncasecmp (words, "question:", 9) == 0)
    {
      words += 9;
      prefixed = TRUE;
    }
  else if (g_ascii_strncasecmp (words, "q:", 2) == 0)
    {
      words += 2;
      prefixed = TRUE;
    }

  is_question = g_str_has_suffix (words, "?");
  question = _chorus_question_matcher_by_text (guess->matcher, words,
                                               prefixed ? 0.4 : is_question ? 0.5 : 0.6,
                                               prefixed, NULL);
  if (question == NULL)
    {
      if (!prefixed)
        return FALSE;

      close_block (guess);
      guess->question = NULL;
      guess->context = CONTEXT_UNMATCHED;
      add_block (guess, CHORUS_NOTES_BLOCK_OTHER, text, line, NULL, CHORUS_IMPORT_MATCH_NONE,
                 _("a question this consultation does not have"));
      return TRUE;
    }

  close_block (guess);
  set_question (guess, question, CHORUS_IMPORT_MATCH_TEXT, 0, text, line);
  return TRUE;
}

/* "Discussion group responses:" above a list: a label, not input. */
static gboolean
is_label (ChorusNotesImport *self,
          guint              index)
{
  const char *line = self->lines[index];
  g_autofree char *text = _chorus_import_clean_text (line, -1);
  g_autofree char *number = NULL;

  if (!g_str_has_suffix (text, ":") || _chorus_import_count_words (text) > 12)
    return FALSE;

  for (guint i = index + 1; i < self->n_lines; i++)
    {
      if (is_blank (self->lines[i]))
        continue;

      return bullet_text (self->lines[i], &number) != NULL;
    }

  return FALSE;
}

void
chorus_notes_import_guess (ChorusNotesImport  *self,
                           ChorusConsultation *consultation)
{
  g_autoptr(ChorusQuestionMatcher) matcher = NULL;
  Guess guess = { 0 };

  g_return_if_fail (CHORUS_IS_NOTES_IMPORT (self));
  g_return_if_fail (CHORUS_IS_CONSULTATION (consultation));

  matcher = _chorus_question_matcher_new (consultation);
  g_array_set_size (self->blocks, 0);

  guess.self = self;
  guess.matcher = matcher;
  guess.context = CONTEXT_START;

  for (guint i = 0; i < self->n_lines; i++)
    {
      const char *line = self->lines[i];
      guint line_number = i + 1;
      g_autofree char *number = NULL;
      const char *text;
      guint level;

      if (is_blank (line))
        {
          close_block (&guess);
          continue;
        }

      level = atx_heading (line, &text);
      if (level > 0)
        {
          heading (&guess, text, level, line_number);
          continue;
        }

      /* Text underlined with === or ---, when it starts a block. */
      if (guess.open == NULL && i + 1 < self->n_lines && setext_level (self->lines[i + 1]) > 0 &&
          bullet_text (line, &number) == NULL && !is_rule (line))
        {
          heading (&guess, line, setext_level (self->lines[i + 1]), line_number);
          i++;
          continue;
        }
      g_clear_pointer (&number, g_free);

      if (is_rule (line))
        {
          close_block (&guess);
          continue;
        }

      text = bullet_text (line, &number);
      if (text != NULL)
        {
          if (number != NULL && number_line (&guess, line, TRUE, line_number))
            continue;
          open_block (&guess, text, line_number);
          continue;
        }

      /* "Q4" interrupts a paragraph: facilitators do not always leave a
       * blank line before the next question. */
      if (number_line (&guess, line, FALSE, line_number))
        continue;

      if (guess.open != NULL)
        {
          g_autofree char *trimmed = _chorus_import_clean_text (line, -1);

          g_string_append_c (guess.open, '\n');
          g_string_append (guess.open, trimmed);
          continue;
        }

      if (number_line (&guess, line, TRUE, line_number) || text_line (&guess, line, line_number))
        continue;

      if (is_label (self, i))
        {
          g_autofree char *label = _chorus_import_clean_text (line, -1);

          add_block (&guess, CHORUS_NOTES_BLOCK_OTHER, label, line_number, NULL,
                     CHORUS_IMPORT_MATCH_NONE, _("a label above a list"));
          continue;
        }

      open_block (&guess, skip_indent (line), line_number);
    }

  close_block (&guess);
  self->guessed = TRUE;

  g_signal_emit (self, signals[SIGNAL_BLOCKS_CHANGED], 0);
}

/* Blocks ------------------------------------------------------------------------------- */

static NotesBlock *
get_block (ChorusNotesImport *self,
           guint              block)
{
  return &g_array_index (self->blocks, NotesBlock, block);
}

guint
chorus_notes_import_get_n_blocks (ChorusNotesImport *self)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT (self), 0);
  return self->blocks->len;
}

ChorusNotesBlockKind
chorus_notes_import_get_block_kind (ChorusNotesImport *self,
                                    guint              block)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT (self), CHORUS_NOTES_BLOCK_OTHER);
  g_return_val_if_fail (block < self->blocks->len, CHORUS_NOTES_BLOCK_OTHER);

  return get_block (self, block)->kind;
}

const char *
chorus_notes_import_get_block_text (ChorusNotesImport *self,
                                    guint              block)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT (self), NULL);
  g_return_val_if_fail (block < self->blocks->len, NULL);

  return get_block (self, block)->text;
}

guint
chorus_notes_import_get_block_line (ChorusNotesImport *self,
                                    guint              block)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT (self), 0);
  g_return_val_if_fail (block < self->blocks->len, 0);

  return get_block (self, block)->line;
}

const char *
chorus_notes_import_get_block_question (ChorusNotesImport *self,
                                        guint              block)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT (self), NULL);
  g_return_val_if_fail (block < self->blocks->len, NULL);

  return get_block (self, block)->question_id;
}

ChorusImportMatch
chorus_notes_import_get_block_match (ChorusNotesImport *self,
                                     guint              block)
{
  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT (self), CHORUS_IMPORT_MATCH_NONE);
  g_return_val_if_fail (block < self->blocks->len, CHORUS_IMPORT_MATCH_NONE);

  return get_block (self, block)->match;
}

void
chorus_notes_import_set_block_question (ChorusNotesImport *self,
                                        guint              block,
                                        const char        *question_id)
{
  NotesBlock *b;

  g_return_if_fail (CHORUS_IS_NOTES_IMPORT (self));
  g_return_if_fail (block < self->blocks->len);

  b = get_block (self, block);
  g_return_if_fail (b->kind != CHORUS_NOTES_BLOCK_QUESTION);

  b->question_id = g_intern_string (question_id);
  b->match = question_id ? CHORUS_IMPORT_MATCH_USER : CHORUS_IMPORT_MATCH_NONE;
  b->reason = question_id ? NULL : _("left unassigned");
  if (question_id != NULL)
    b->kind = CHORUS_NOTES_BLOCK_INPUT;

  g_signal_emit (self, signals[SIGNAL_BLOCKS_CHANGED], 0);
}

/* Applying ------------------------------------------------------------------------------ */

gboolean
chorus_notes_import_apply (ChorusNotesImport   *self,
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
  ChorusConsultation *consultation;

  g_return_val_if_fail (CHORUS_IS_NOTES_IMPORT (self), FALSE);
  g_return_val_if_fail (CHORUS_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (group == NULL || CHORUS_IS_GROUP (group), FALSE);
  g_return_val_if_fail (activity == NULL || CHORUS_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  consultation = chorus_project_get_consultation (project);
  if (!self->guessed)
    chorus_notes_import_guess (self, consultation);

  if (report == NULL)
    {
      chorus_import_report_init (&local_report);
      report = &local_report;
    }
  _chorus_import_report_reset (report, CHORUS_IMPORT_SOURCE_NOTES, self->display_name,
                               self->encoding);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const NotesBlock *block = get_block (self, i);

      if (block->kind != CHORUS_NOTES_BLOCK_QUESTION && block->question_id != NULL &&
          chorus_consultation_find_question (consultation, block->question_id) == NULL)
        {
          g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID,
                       _("%s:%u: placed under question “%s”, which this consultation does "
                         "not have"),
                       self->display_name, block->line, block->question_id);
          return FALSE;
        }
    }

  duplicates = _chorus_duplicate_index_new (project, group, activity);

  /* TRANSLATORS: an undo step; %s is a file name */
  label = g_strdup_printf (_("Import “%s”"), self->display_name);
  chorus_project_begin_group (project, label);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const NotesBlock *block = get_block (self, i);

      if (block->kind == CHORUS_NOTES_BLOCK_QUESTION)
        continue;
      if (block->kind == CHORUS_NOTES_BLOCK_INPUT)
        report->n_read++;

      if (block->question_id == NULL)
        {
          _chorus_import_report_unassigned (report, block->line, block->text, block->reason);
          continue;
        }

      _chorus_import_add_item (project, duplicates, skip_duplicates, block->question_id, group,
                               activity, block->text, report);
    }

  chorus_project_end_group (project);

  return TRUE;
}
