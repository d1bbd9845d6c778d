/* chorus-consultation-io.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chorus-consultation-io.h"
#include "chorus-model-private.h"

/* Where the reader is: an element's id is known at its start tag, but the
 * objects are created once their title (or text) has been read, since the
 * model's titles are set at construction. */
typedef struct
{
  ChorusConsultation *consultation;
  char               *consultation_id;
  ChorusDocument     *document;
  char               *document_id;
  ChorusSection      *section;
  char               *section_id;
  ChorusQuestion     *question;
  char               *question_id;
  char               *question_number;
  char               *question_reference;
  ChorusQuestionKind  question_kind;
  GHashTable         *ids;        /* every document, section and question id */
  GHashTable         *option_ids; /* option ids of the current question */
} ReadState;

static void
read_state_clear (ReadState *state)
{
  g_clear_object (&state->consultation);
  g_clear_object (&state->document);
  g_clear_object (&state->section);
  g_clear_object (&state->question);
  g_clear_pointer (&state->consultation_id, g_free);
  g_clear_pointer (&state->document_id, g_free);
  g_clear_pointer (&state->section_id, g_free);
  g_clear_pointer (&state->question_id, g_free);
  g_clear_pointer (&state->question_number, g_free);
  g_clear_pointer (&state->question_reference, g_free);
  g_clear_pointer (&state->ids, g_hash_table_unref);
  g_clear_pointer (&state->option_ids, g_hash_table_unref);
}

static gboolean
claim_id (ChorusXmlReader  *reader,
          GHashTable       *ids,
          const char       *id,
          GError          **error)
{
  if (id == NULL)
    {
      chorus_xml_reader_error (reader, error, CHORUS_ERROR_INVALID,
                               _("<%s> has no id"), chorus_xml_reader_name (reader));
      return FALSE;
    }

  if (!g_hash_table_add (ids, g_strdup (id)))
    {
      chorus_xml_reader_error (reader, error, CHORUS_ERROR_INVALID,
                               _("the id “%s” is used twice"), id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_start (ChorusXmlReader  *reader,
            ReadState        *state,
            const char       *name,
            GError          **error)
{
  if (g_str_equal (name, "document"))
    {
      g_free (state->document_id);
      state->document_id = chorus_xml_reader_attribute (reader, "id");
      return claim_id (reader, state->ids, state->document_id, error);
    }

  if (g_str_equal (name, "section"))
    {
      g_free (state->section_id);
      state->section_id = chorus_xml_reader_attribute (reader, "id");
      return claim_id (reader, state->ids, state->section_id, error);
    }

  if (g_str_equal (name, "question"))
    {
      g_autofree char *kind = chorus_xml_reader_attribute (reader, "kind");

      g_free (state->question_id);
      g_free (state->question_number);
      g_free (state->question_reference);
      state->question_id = chorus_xml_reader_attribute (reader, "id");
      state->question_number = chorus_xml_reader_attribute (reader, "number");
      state->question_reference = chorus_xml_reader_attribute (reader, "reference");
      g_hash_table_remove_all (state->option_ids);

      if (!chorus_question_kind_from_string (kind, &state->question_kind))
        {
          chorus_xml_reader_error (reader, error, CHORUS_ERROR_INVALID,
                                   _("“%s” is not a kind of question"), kind ? kind : "");
          return FALSE;
        }

      return claim_id (reader, state->ids, state->question_id, error);
    }

  if (g_str_equal (name, "option"))
    {
      g_autofree char *id = chorus_xml_reader_attribute (reader, "id");
      g_autofree char *label = NULL;

      if (state->question == NULL)
        {
          chorus_xml_reader_error (reader, error, CHORUS_ERROR_INVALID,
                                   _("an option must follow its question's text"));
          return FALSE;
        }
      if (!claim_id (reader, state->option_ids, id, error))
        return FALSE;

      label = chorus_xml_reader_text (reader, error);
      if (label == NULL)
        return FALSE;
      chorus_question_add_option (state->question, id, label);
      return TRUE;
    }

  if (g_str_equal (name, "title"))
    {
      g_autofree char *title = chorus_xml_reader_text (reader, error);

      if (title == NULL)
        return FALSE;

      if (state->section_id != NULL && state->section == NULL)
        {
          state->section = chorus_section_new (state->section_id, title);
          chorus_document_add_section (state->document, state->section);
        }
      else if (state->document_id != NULL && state->document == NULL)
        {
          state->document = chorus_document_new (state->document_id, title);
          chorus_consultation_add_document (state->consultation, state->document);
        }
      else if (state->consultation == NULL)
        {
          state->consultation = chorus_consultation_new (state->consultation_id, title);
        }
      return TRUE;
    }

  if (g_str_equal (name, "text") && state->question_id != NULL && state->question == NULL &&
      state->section != NULL)
    {
      g_autofree char *text = chorus_xml_reader_text (reader, error);

      if (text == NULL)
        return FALSE;
      state->question = chorus_question_new (state->question_id, state->question_number, text,
                                             state->question_kind);
      chorus_question_set_reference (state->question, state->question_reference);
      chorus_section_add_question (state->section, state->question);
      return TRUE;
    }

  if (state->consultation != NULL && state->document == NULL &&
      (g_str_equal (name, "issuer") || g_str_equal (name, "reference") ||
       g_str_equal (name, "opens") || g_str_equal (name, "closes") ||
       g_str_equal (name, "description")))
    {
      g_autofree char *text = chorus_xml_reader_text (reader, error);
      ChorusConsultation *c = state->consultation;

      if (text == NULL)
        return FALSE;

      if (g_str_equal (name, "issuer"))
        chorus_consultation_set_issuer (c, text);
      else if (g_str_equal (name, "reference"))
        chorus_consultation_set_reference (c, text);
      else if (g_str_equal (name, "opens"))
        chorus_consultation_set_dates (c, text, chorus_consultation_get_closes (c));
      else if (g_str_equal (name, "closes"))
        chorus_consultation_set_dates (c, chorus_consultation_get_opens (c), text);
      else
        chorus_consultation_set_description (c, text);
      return TRUE;
    }

  if (g_str_equal (name, "summary") && state->document != NULL)
    {
      g_autofree char *text = chorus_xml_reader_text (reader, error);

      if (text == NULL)
        return FALSE;
      chorus_document_set_summary (state->document, text);
      return TRUE;
    }

  return TRUE;
}

static gboolean
read_end (ChorusXmlReader  *reader,
          ReadState        *state,
          const char       *name,
          GError          **error)
{
  if (g_str_equal (name, "question"))
    {
      if (state->question != NULL &&
          chorus_question_get_kind (state->question) == CHORUS_QUESTION_KIND_SINGLE_CHOICE &&
          chorus_question_get_n_options (state->question) == 0)
        {
          chorus_xml_reader_error (reader, error, CHORUS_ERROR_INVALID,
                                   _("question “%s” is single-choice but has no options"),
                                   state->question_id);
          return FALSE;
        }
      g_clear_object (&state->question);
      g_clear_pointer (&state->question_id, g_free);
    }
  else if (g_str_equal (name, "section"))
    {
      g_clear_object (&state->section);
      g_clear_pointer (&state->section_id, g_free);
    }
  else if (g_str_equal (name, "document"))
    {
      g_clear_object (&state->document);
      g_clear_pointer (&state->document_id, g_free);
    }

  return TRUE;
}

ChorusConsultation *
_chorus_consultation_read (ChorusXmlReader  *reader,
                           GError          **error)
{
  ReadState state = { 0 };
  int depth = chorus_xml_reader_depth (reader);

  state.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.option_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state.consultation_id = chorus_xml_reader_attribute (reader, "id");

  if (state.consultation_id == NULL)
    {
      chorus_xml_reader_error (reader, error, CHORUS_ERROR_INVALID, _("the consultation has no id"));
      goto fail;
    }

  while (chorus_xml_reader_read (reader, error))
    {
      int type = chorus_xml_reader_node_type (reader);
      const char *name = chorus_xml_reader_name (reader);

      if (type == CHORUS_XML_ELEMENT)
        {
          if (!read_start (reader, &state, name, error))
            goto fail;
        }
      else if (type == CHORUS_XML_END_ELEMENT)
        {
          if (chorus_xml_reader_depth (reader) == depth)
            {
              ChorusConsultation *consultation = g_steal_pointer (&state.consultation);

              read_state_clear (&state);
              if (consultation == NULL)
                chorus_xml_reader_error (reader, error, CHORUS_ERROR_INVALID,
                                         _("the consultation has no title"));
              return consultation;
            }

          if (!read_end (reader, &state, name, error))
            goto fail;
        }
    }

  if (error != NULL && *error == NULL)
    chorus_xml_reader_error (reader, error, CHORUS_ERROR_PARSE, _("the consultation is not complete"));

fail:
  read_state_clear (&state);
  return NULL;
}

void
_chorus_consultation_write (ChorusConsultation *self,
                            ChorusXmlWriter    *writer,
                            guint               depth)
{
  GListModel *documents = chorus_consultation_get_documents (self);
  guint n_documents = g_list_model_get_n_items (documents);

  chorus_xml_writer_open (writer, depth, "consultation",
                          "xmlns", CHORUS_CONSULTATION_NAMESPACE,
                          "version", G_STRINGIFY (CHORUS_FORMAT_VERSION),
                          "id", chorus_consultation_get_id (self),
                          NULL);
  chorus_xml_writer_text (writer, depth + 1, "title", chorus_consultation_get_title (self), NULL);
  chorus_xml_writer_text (writer, depth + 1, "issuer", chorus_consultation_get_issuer (self), NULL);
  chorus_xml_writer_text (writer, depth + 1, "reference", chorus_consultation_get_reference (self), NULL);
  chorus_xml_writer_text (writer, depth + 1, "opens", chorus_consultation_get_opens (self), NULL);
  chorus_xml_writer_text (writer, depth + 1, "closes", chorus_consultation_get_closes (self), NULL);
  chorus_xml_writer_text (writer, depth + 1, "description", chorus_consultation_get_description (self), NULL);

  for (guint d = 0; d < n_documents; d++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (documents, d);
      GListModel *sections = chorus_document_get_sections (document);
      guint n_sections = g_list_model_get_n_items (sections);

      chorus_xml_writer_open (writer, depth + 1, "document",
                              "id", chorus_document_get_id (document), NULL);
      chorus_xml_writer_text (writer, depth + 2, "title", chorus_document_get_title (document), NULL);
      chorus_xml_writer_text (writer, depth + 2, "summary", chorus_document_get_summary (document), NULL);

      for (guint s = 0; s < n_sections; s++)
        {
          g_autoptr(ChorusSection) section = g_list_model_get_item (sections, s);
          GListModel *questions = chorus_section_get_questions (section);
          guint n_questions = g_list_model_get_n_items (questions);

          chorus_xml_writer_open (writer, depth + 2, "section",
                                  "id", chorus_section_get_id (section), NULL);
          chorus_xml_writer_text (writer, depth + 3, "title", chorus_section_get_title (section), NULL);

          for (guint q = 0; q < n_questions; q++)
            {
              g_autoptr(ChorusQuestion) question = g_list_model_get_item (questions, q);
              guint n_options = chorus_question_get_n_options (question);

              chorus_xml_writer_open (writer, depth + 3, "question",
                                      "id", chorus_question_get_id (question),
                                      "number", chorus_question_get_number (question),
                                      "kind", chorus_question_kind_to_string (chorus_question_get_kind (question)),
                                      "reference", chorus_question_get_reference (question),
                                      NULL);
              chorus_xml_writer_text (writer, depth + 4, "text", chorus_question_get_text (question), NULL);
              for (guint o = 0; o < n_options; o++)
                chorus_xml_writer_text (writer, depth + 4, "option",
                                        chorus_question_get_option_label (question, o),
                                        "id", chorus_question_get_option_id (question, o),
                                        NULL);
              chorus_xml_writer_close (writer, depth + 3, "question");
            }

          chorus_xml_writer_close (writer, depth + 2, "section");
        }

      chorus_xml_writer_close (writer, depth + 1, "document");
    }

  chorus_xml_writer_close (writer, depth, "consultation");
}

static gboolean
read_failed (GError     **error,
             const char  *display_name,
             int          saved_errno)
{
  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO, _("%s: could not be read: %s"),
               display_name, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
too_large (GError     **error,
           const char  *display_name,
           goffset      size)
{
  g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (CHORUS_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_TOO_LARGE,
               _("%s: the file is %s, larger than any Chorus file can be (the limit is %s)"),
               display_name, actual, limit);
  return FALSE;
}

/* Reads up to @capacity bytes; -1 with errno set on failure. */
static gssize
read_up_to (int    fd,
            char  *buffer,
            gsize  capacity)
{
  gsize length = 0;

  while (length < capacity)
    {
      gssize n = read (fd, buffer + length, capacity - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      length += (gsize) n;
    }

  return (gssize) length;
}

/* Reads into one buffer of the file's size: no copies, no regrowing, and an
 * absurd size is refused before a byte is read. A pipe is read up to the
 * limit; devices and other special files are refused (think /dev/zero). */
gboolean
_chorus_read_file (const char  *path,
                   GBytes     **bytes,
                   char       **display_name,
                   GError     **error)
{
  g_autofree char *buffer = NULL;
  GStatBuf st;
  gsize capacity;
  gssize length;
  int fd, saved_errno;

  *display_name = g_filename_display_name (path);
  *bytes = NULL;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    return read_failed (error, *display_name, errno);

  if (fstat (fd, &st) != 0)
    goto failed;

  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO, _("%s: this is a folder, not a file"),
                   *display_name);
      return FALSE;
    }

  if (!S_ISREG (st.st_mode) && !S_ISFIFO (st.st_mode))
    {
      close (fd);
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO, _("%s: this is not a regular file"),
                   *display_name);
      return FALSE;
    }

  if (st.st_size > CHORUS_MAX_FILE_SIZE)
    {
      close (fd);
      return too_large (error, *display_name, st.st_size);
    }

  /* One byte more than expected tells a file that grew from one that did
   * not; a pipe gets the whole limit. */
  capacity = S_ISREG (st.st_mode) ? (gsize) st.st_size + 1 : (gsize) CHORUS_MAX_FILE_SIZE + 1;
  buffer = g_try_malloc (capacity + 1);
  if (buffer == NULL)
    {
      errno = ENOMEM;
      goto failed;
    }

  length = read_up_to (fd, buffer, capacity);
  if (length < 0)
    goto failed;
  close (fd);

  if ((gsize) length > CHORUS_MAX_FILE_SIZE)
    return too_large (error, *display_name, length);
  if (S_ISREG (st.st_mode) && (gsize) length == capacity)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_IO,
                   _("%s: the file changed while it was being read; try again"), *display_name);
      return FALSE;
    }

  /* Nul-terminated for safety's sake; the terminator is not in the bytes. */
  buffer[length] = '\0';
  if (S_ISFIFO (st.st_mode))
    buffer = g_realloc (buffer, (gsize) length + 1);
  *bytes = g_bytes_new_take (g_steal_pointer (&buffer), (gsize) length);
  return TRUE;

failed:
  saved_errno = errno;
  close (fd);
  return read_failed (error, *display_name, saved_errno);
}

ChorusConsultation *
chorus_consultation_load_bytes (GBytes      *bytes,
                                const char  *display_name,
                                GError     **error)
{
  g_autoptr(ChorusXmlReader) reader = NULL;
  g_autoptr(ChorusConsultation) consultation = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  reader = chorus_xml_reader_new (bytes, display_name ? display_name : _("(unnamed)"),
                                  CHORUS_FILE_KIND_CONSULTATION, error);
  if (reader == NULL)
    return NULL;

  while (chorus_xml_reader_read (reader, &local_error))
    {
      if (chorus_xml_reader_node_type (reader) == CHORUS_XML_ELEMENT &&
          chorus_xml_reader_depth (reader) == 0)
        {
          consultation = _chorus_consultation_read (reader, &local_error);
          if (consultation == NULL)
            break;
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&consultation);
}

ChorusConsultation *
chorus_consultation_load_file (const char  *path,
                               GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!_chorus_read_file (path, &bytes, &display_name, error))
    return NULL;

  return chorus_consultation_load_bytes (bytes, display_name, error);
}

GBytes *
chorus_consultation_to_bytes (ChorusConsultation *self)
{
  ChorusXmlWriter writer;

  g_return_val_if_fail (CHORUS_IS_CONSULTATION (self), NULL);

  chorus_xml_writer_init (&writer, 16 * 1024);
  _chorus_consultation_write (self, &writer, 0);
  return chorus_xml_writer_finish (&writer);
}
