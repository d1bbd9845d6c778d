/* chorus-xml-reader.c
 *
 * Chorus files never contain a DOCTYPE, so refusing one outright — before
 * libxml2 has parsed a byte of it — removes entity expansion (billion
 * laughs) and external entities (XXE) as a class of attack. On top of that
 * the parser never loads anything from the network or the file system: the
 * only external resources it may open are Chorus's own schemas, served from
 * the GResource.
 *
 * Messages are for the person who opened the file: libxml2's own wording is
 * translated into plain words where we know what it means, and every one
 * names the file and, where there is one, the line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>

#include "chorus-core-resources.h"
#include "chorus-xml-reader.h"

#define SCHEMA_RESOURCE_DIR "/io/github/chorus_app/Chorus/schemas/"
#define NAMESPACE_BASE      "https://chorus-app.github.io/ns/"

/* Never XML_PARSE_NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE. BIG_LINES
 * because a 100,000-item file runs to 400,000 lines and libxml2 otherwise
 * stops counting at 65,535. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT | \
                       XML_PARSE_BIG_LINES)

/* libxml2 keeps element lines in 16 bits; at this value it has given up. */
#define LIBXML_LINE_LIMIT 65535

#define MAX_ATTRIBUTES 16

struct _ChorusXmlReader
{
  xmlTextReaderPtr  reader;
  GBytes           *bytes;
  char             *display_name;

  /* Elements in document order: the last one started, and the one open at
   * each depth, so that an end tag knows where its element began. */
  guint             n_elements;
  guint             open_elements[CHORUS_MAX_DEPTH + 2];

  /* Attribute values handed out by chorus_xml_reader_attributes(). */
  GString          *scratch;

  /* The first problem libxml2 reported, kept until the caller asks. */
  ChorusError       error_code;
  char             *error_message;
  int               error_line;
  /* The node a schema error was about. libxml2 may name a node the reader
   * has freed already, so this is compared with the current node and
   * never dereferenced. */
  gboolean          error_is_schema;
  const void       *error_node;
};

/* Schemas ------------------------------------------------------------------- */

static GBytes *
lookup_schema_bytes (const char *name)
{
  g_autofree char *path = g_strconcat (SCHEMA_RESOURCE_DIR, name, NULL);

  /* Referencing the resource keeps the linker from dropping it out of the
   * static library. */
  (void) chorus_core_get_resource ();

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static xmlParserInputPtr
chorus_entity_loader (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  context)
{
  static GBytes *consultation_schema;
  xmlParserInputBufferPtr buffer;

  /* project.rng refers to consultation.rng by a relative href, resolved
   * against the base URL the schema is parsed with. Nothing else may be
   * loaded: not a DTD, not an external entity, not /etc/passwd, not http://. */
  if (g_strcmp0 (url, "consultation.rng") != 0 &&
      g_strcmp0 (url, "resource://" SCHEMA_RESOURCE_DIR "consultation.rng") != 0)
    return NULL;

  if (g_once_init_enter (&consultation_schema))
    g_once_init_leave (&consultation_schema, lookup_schema_bytes ("consultation.rng"));

  /* A copy: libxml2 2.9's "static" input buffers misbehave when parsed. */
  buffer = xmlParserInputBufferCreateMem (g_bytes_get_data (consultation_schema, NULL),
                                          (int) g_bytes_get_size (consultation_schema),
                                          XML_CHAR_ENCODING_NONE);
  return xmlNewIOInputStream (context, buffer, XML_CHAR_ENCODING_NONE);
}

static void
ensure_initialised (void)
{
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (chorus_entity_loader);
      g_once_init_leave (&initialised, 1);
    }
}

static void
silence_cb (void        *user_data,
            xmlErrorPtr  error)
{
}

static xmlRelaxNGPtr
parse_schema (const char *name)
{
  g_autoptr(GBytes) bytes = lookup_schema_bytes (name);
  xmlRelaxNGParserCtxtPtr context;
  xmlRelaxNGPtr schema;

  g_assert (bytes != NULL);

  context = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                        (int) g_bytes_get_size (bytes));
  xmlRelaxNGSetParserStructuredErrors (context, silence_cb, NULL);
  schema = xmlRelaxNGParse (context);
  xmlRelaxNGFreeParserCtxt (context);

  if (schema == NULL)
    g_error ("The built-in schema %s does not compile", name);

  return schema;
}

/* Parsed once: the compiled schemas are read-only and shared by every reader. */
static xmlRelaxNGPtr
get_schema (ChorusFileKind kind)
{
  static xmlRelaxNGPtr schemas[3];
  static gsize once[3];

  g_assert (kind == CHORUS_FILE_KIND_CONSULTATION || kind == CHORUS_FILE_KIND_PROJECT);

  ensure_initialised ();

  if (g_once_init_enter (&once[kind]))
    {
      schemas[kind] = parse_schema (kind == CHORUS_FILE_KIND_PROJECT ? "project.rng"
                                                                     : "consultation.rng");
      g_once_init_leave (&once[kind], 1);
    }

  return schemas[kind];
}

/* Messages ------------------------------------------------------------------ */

static void
set_error_valist (GError     **error,
                  const char  *display_name,
                  int          line,
                  ChorusError  code,
                  const char  *format,
                  va_list      args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (line > 0)
    g_set_error (error, CHORUS_ERROR, code, "%s:%d: %s", display_name, line, message);
  else
    g_set_error (error, CHORUS_ERROR, code, "%s: %s", display_name, message);
}

static void
set_error (GError     **error,
           const char  *display_name,
           int          line,
           ChorusError  code,
           const char  *format,
           ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, display_name, line, code, format, args);
  va_end (args);
}

static int
count_lines (const char *start,
             const char *end)
{
  int n = 0;

  while (start < end && (start = memchr (start, '\n', end - start)) != NULL)
    {
      n++;
      start++;
    }

  return n;
}

/* The last line that holds anything: an error there in a file whose root
 * element is still open means the file stops short. */
static int
last_line (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int n = count_lines (data, data + size);

  return (size > 0 && data[size - 1] == '\n') ? n : n + 1;
}

/* "Did not expect element X there" and friends, in words. */
char *
chorus_xml_describe_schema_error (const xmlError *error)
{
  const char *s1 = error->str1 ? error->str1 : "";
  const char *s2 = error->str2 ? error->str2 : "";

  switch (error->code)
    {
    case XML_RELAXNG_ERR_ELEMWRONG:
      return g_strdup_printf (_("<%s> is not allowed here: it may be misspelt or out of order, "
                                "or something before it is missing"), s1);
    case XML_RELAXNG_ERR_TEXTWRONG:
      return g_strdup (_("there is text where only elements are allowed"));
    case XML_RELAXNG_ERR_INVALIDATTR:
      return g_strdup_printf (_("the attribute %s of <%s> is unknown or has a value "
                                "Chorus does not accept"), s1, s2);
    case XML_RELAXNG_ERR_ATTRVALID:
      return g_strdup_printf (_("<%s> lacks an attribute it needs, or one of its attributes "
                                "has a value Chorus does not accept"), s1);
    case XML_RELAXNG_ERR_CONTENTVALID:
      return g_strdup_printf (_("<%s> does not contain what it should"), s1);
    case XML_RELAXNG_ERR_ELEMNAME:
      return g_strdup_printf (_("expected <%s> here, found <%s>"), s1, s2);
    case XML_RELAXNG_ERR_NOELEM:
      /* libxml names no element when what it expected was a choice: "<> is missing" would
       * read as a typo, so say it without the name. */
      if (*s1 == '\0')
        return g_strdup (_("an element is missing"));
      return g_strdup_printf (_("<%s> is missing"), s1);
    case XML_RELAXNG_ERR_ELEMNOTEMPTY:
      return g_strdup_printf (_("<%s> should be empty"), s1);
    case XML_RELAXNG_ERR_EXTRACONTENT:
      return g_strdup_printf (_("<%s> has content it should not have"), s1);
    case XML_RELAXNG_ERR_ELEMWRONGNS:
    case XML_RELAXNG_ERR_ELEMNONS:
    case XML_RELAXNG_ERR_ELEMEXTRANS:
      return g_strdup_printf (_("<%s> is in the wrong XML namespace"), s1);
    default:
      {
        g_autofree char *message = g_strstrip (g_strdup (error->message ? error->message : ""));

        return g_strdup_printf (_("the file does not follow the Chorus format (%s)"), message);
      }
    }
}

/* The version number at the end of a Chorus namespace, or 0 for any other. */
static guint64
namespace_version (const char *ns,
                   const char *kind)
{
  g_autofree char *prefix = g_strconcat (NAMESPACE_BASE, kind, "/", NULL);
  guint64 version = 0;

  if (ns == NULL || !g_str_has_prefix (ns, prefix))
    return 0;
  if (!g_ascii_string_to_unsigned (ns + strlen (prefix), 10, 1, G_MAXUINT32, &version, NULL))
    return 0;

  return version;
}

/* The format version of the element the reader is on, if it is in a
 * Chorus namespace. */
static guint64
current_namespace_version (xmlTextReaderPtr reader)
{
  const char *ns;

  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
    return 0;

  ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
  return MAX (namespace_version (ns, "project"), namespace_version (ns, "consultation"));
}

static char *
describe_error (ChorusXmlReader *self,
                const xmlError  *error,
                ChorusError     *code,
                int             *line)
{
  g_autofree char *raw = g_strstrip (g_strdup (error->message ? error->message : ""));
  xmlParserCtxtPtr parser = error->domain == XML_FROM_PARSER ? error->ctxt : NULL;

  *line = error->line;

  if (error->domain == XML_FROM_RELAXNGV)
    {
      *code = CHORUS_ERROR_INVALID;
      return chorus_xml_describe_schema_error (error);
    }

  *code = CHORUS_ERROR_PARSE;

  /* Elements still open when the input runs out: a file cut short by a
   * failed copy or download, whatever libxml2 makes of the last bytes. */
  if (parser != NULL && parser->nameNr > 0 && self->bytes != NULL &&
      error->line >= last_line (self->bytes))
    return g_strdup (_("the file ends too early: it looks cut short, perhaps by an "
                       "interrupted copy or download"));

  /* libxml2 files bad UTF-8 under XML_ERR_INVALID_CHAR too. */
  if (g_str_has_prefix (raw, "Input is not proper UTF-8"))
    return g_strdup (_("the text is not valid UTF-8; Chorus files are always saved in UTF-8"));

  switch (error->code)
    {
    case XML_ERR_INVALID_ENCODING:
      return g_strdup (_("the text is not valid UTF-8; Chorus files are always saved in UTF-8"));

    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_HEX_CHARREF:
      /* Control characters pasted from other programs, mostly. */
      if (error->int1 > 0)
        return g_strdup_printf (_("the file contains a character XML does not allow (U+%04X); "
                                  "control characters cannot be kept in a Chorus file"),
                                (guint) error->int1);
      return g_strdup (_("the file contains a character XML does not allow; control "
                         "characters cannot be kept in a Chorus file"));

    case XML_ERR_DOCUMENT_END:
      return g_strdup (_("there is more after the end of the document"));

    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (_("the file has no XML element in it"));

    case XML_ERR_TAG_NAME_MISMATCH:
      return g_strdup_printf (_("<%s> (opened on line %d) is closed by </%s>"),
                              error->str1 ? error->str1 : "", error->int1,
                              error->str2 ? error->str2 : "");

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      /* "&nbsp;" pasted from a web page: XML only knows five names. */
      return g_strdup_printf (_("the entity “&%s;” is not defined; write the character itself"),
                              error->str1 ? error->str1 : "");

    default:
      if (strstr (raw, "Excessive depth") != NULL)
        {
          *code = CHORUS_ERROR_TOO_LARGE;
          return g_strdup_printf (_("elements are nested more than %d levels deep"),
                                  CHORUS_MAX_DEPTH);
        }
      return g_strdup_printf (_("the file is not well-formed XML (%s)"), raw);
    }
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  error)
{
  ChorusXmlReader *self = user_data;

  if (error == NULL || error->level == XML_ERR_WARNING || self->error_message != NULL)
    return;

  self->error_message = describe_error (self, error, &self->error_code, &self->error_line);
  self->error_is_schema = error->domain == XML_FROM_RELAXNGV;
  self->error_node = error->node;
}

/* Before libxml2 ----------------------------------------------------------- */

static gboolean
check_size (GBytes      *bytes,
            const char  *display_name,
            GError     **error)
{
  gsize size = g_bytes_get_size (bytes);

  if (size > CHORUS_MAX_FILE_SIZE)
    {
      g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (CHORUS_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      set_error (error, display_name, 0, CHORUS_ERROR_TOO_LARGE,
                 _("the file is %s, larger than any Chorus file can be (the limit is %s)"),
                 actual, limit);
      return FALSE;
    }

  return TRUE;
}

/* Walks the prolog by hand, before libxml2 sees it: a DOCTYPE is refused
 * here, so no DTD, internal or external, and no entity declaration is ever
 * parsed. It also tells an empty file, or one that is not XML at all, from
 * a broken one, which libxml2 reports in terms only a programmer reads. */
static gboolean
check_prolog (GBytes      *bytes,
              const char  *display_name,
              GError     **error)
{
  gsize size;
  const char *start = g_bytes_get_data (bytes, &size);
  const char *end = start + size;
  const char *p = start;
  gboolean seen_markup = FALSE;
  int line = 1;

  if (size >= 2 && ((guchar) p[0] == 0xFF || (guchar) p[0] == 0xFE) &&
      ((guchar) p[1] == 0xFF || (guchar) p[1] == 0xFE))
    {
      set_error (error, display_name, 0, CHORUS_ERROR_PARSE,
                 _("the file is in UTF-16; Chorus files are always saved in UTF-8"));
      return FALSE;
    }

  if (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  for (;;)
    {
      const char *close = NULL;

      while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        {
          if (*p == '\n')
            line++;
          p++;
        }

      if (p == end)
        {
          set_error (error, display_name, 0, CHORUS_ERROR_PARSE,
                     seen_markup ? _("the file has no XML element in it") : _("the file is empty"));
          return FALSE;
        }

      if (*p != '<')
        {
          if (seen_markup)
            return TRUE;  /* libxml2 says what is wrong */

          set_error (error, display_name, 0, CHORUS_ERROR_PARSE,
                     _("this is not a Chorus file: it is not XML text at all"));
          return FALSE;
        }

      if (end - p >= 2 && p[1] == '?')
        close = g_strstr_len (p + 2, end - p - 2, "?>");
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p + 4, end - p - 4, "-->");
      else if (end - p >= 9 && g_ascii_strncasecmp (p, "<!DOCTYPE", 9) == 0)
        {
          set_error (error, display_name, line, CHORUS_ERROR_UNSAFE,
                     _("document type declarations are not allowed in Chorus files"));
          return FALSE;
        }
      else
        return TRUE;  /* the root element, or something libxml2 will report */

      if (close == NULL)
        return TRUE;

      line += count_lines (p, close);
      p = close + (p[1] == '?' ? 2 : 3);
      seen_markup = TRUE;
    }
}

static xmlTextReaderPtr
open_reader (GBytes          *bytes,
             const char      *display_name,
             ChorusXmlReader *errors)
{
  xmlTextReaderPtr reader;

  ensure_initialised ();
  reader = xmlReaderForMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                               display_name, "UTF-8", PARSE_OPTIONS);
  if (reader != NULL)
    xmlTextReaderSetStructuredErrorHandler (reader, structured_error_cb, errors);

  return reader;
}

gboolean
chorus_xml_sniff (GBytes          *bytes,
                  const char      *display_name,
                  ChorusFileKind  *kind,
                  GError         **error)
{
  ChorusXmlReader errors = { 0 };
  xmlTextReaderPtr reader;
  gboolean ok = FALSE;

  *kind = CHORUS_FILE_KIND_UNKNOWN;

  if (!check_size (bytes, display_name, error) ||
      !check_prolog (bytes, display_name, error))
    return FALSE;

  errors.bytes = bytes;
  reader = open_reader (bytes, display_name, &errors);
  if (reader == NULL)
    {
      set_error (error, display_name, 0, CHORUS_ERROR_PARSE, _("could not start reading the file"));
      return FALSE;
    }

  while (xmlTextReaderRead (reader) == 1 && errors.error_message == NULL)
    {
      int type = xmlTextReaderNodeType (reader);

      /* check_prolog() has refused these already; this is the belt to its braces. */
      if (type == XML_READER_TYPE_DOCUMENT_TYPE)
        {
          set_error (error, display_name, xmlTextReaderGetParserLineNumber (reader),
                     CHORUS_ERROR_UNSAFE,
                     _("document type declarations are not allowed in Chorus files"));
          goto out;
        }

      if (type == XML_READER_TYPE_ELEMENT)
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (reader);
          const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
          g_autofree char *version = (char *) xmlTextReaderGetAttribute (reader, BAD_CAST "version");
          int line = (int) xmlGetLineNo (xmlTextReaderCurrentNode (reader));
          gboolean is_project = g_strcmp0 (name, "project") == 0;
          gboolean is_consultation = g_strcmp0 (name, "consultation") == 0;
          g_autofree char *prefix = g_strconcat (NAMESPACE_BASE,
                                                 is_project ? "project/" : "consultation/", NULL);
          guint64 ns_version = 0, attribute_version = 0;

          if ((!is_project && !is_consultation) || ns == NULL || !g_str_has_prefix (ns, prefix))
            {
              if (ns != NULL)
                set_error (error, display_name, line, CHORUS_ERROR_WRONG_KIND,
                           _("this is not a Chorus file (its root element is <%s> in the "
                             "namespace %s)"), name, ns);
              else
                set_error (error, display_name, line, CHORUS_ERROR_WRONG_KIND,
                           _("this is not a Chorus file (its root element is <%s>)"), name);
              goto out;
            }

          /* Either number may be the newer one: a later Chorus changes both,
           * but a hand-edited file may have only one. Anything unreadable
           * is left to the schema. */
          g_ascii_string_to_unsigned (ns + strlen (prefix), 10, 1, G_MAXUINT32, &ns_version, NULL);
          if (version != NULL)
            g_ascii_string_to_unsigned (version, 10, 1, G_MAXUINT32, &attribute_version, NULL);

          if (ns_version > CHORUS_FORMAT_VERSION || attribute_version > CHORUS_FORMAT_VERSION)
            {
              set_error (error, display_name, line, CHORUS_ERROR_NEWER_VERSION,
                         _("made by a newer version of Chorus (format version %" G_GUINT64_FORMAT
                           "; this version reads up to %d)"),
                         MAX (ns_version, attribute_version), CHORUS_FORMAT_VERSION);
              goto out;
            }

          *kind = is_project ? CHORUS_FILE_KIND_PROJECT : CHORUS_FILE_KIND_CONSULTATION;
          ok = TRUE;
          goto out;
        }
    }

  if (errors.error_message != NULL)
    set_error (error, display_name, errors.error_line, errors.error_code, "%s", errors.error_message);
  else
    set_error (error, display_name, 0, CHORUS_ERROR_PARSE, _("the file has no XML element in it"));

out:
  xmlFreeTextReader (reader);
  g_free (errors.error_message);
  return ok;
}

/* The reader ---------------------------------------------------------------- */

ChorusXmlReader *
chorus_xml_reader_new (GBytes          *bytes,
                       const char      *display_name,
                       ChorusFileKind   expected,
                       GError         **error)
{
  g_autoptr(ChorusXmlReader) self = NULL;
  ChorusFileKind kind;

  if (!chorus_xml_sniff (bytes, display_name, &kind, error))
    return NULL;

  if (kind != expected)
    {
      set_error (error, display_name, 0, CHORUS_ERROR_WRONG_KIND,
                 expected == CHORUS_FILE_KIND_PROJECT
                 ? _("this is a consultation definition, not a project; start a new response from it instead")
                 : _("this is a project, not a consultation definition"));
      return NULL;
    }

  self = g_new0 (ChorusXmlReader, 1);
  self->bytes = g_bytes_ref (bytes);
  self->display_name = g_strdup (display_name);
  self->scratch = g_string_sized_new (256);
  self->reader = open_reader (bytes, display_name, self);

  if (self->reader == NULL ||
      xmlTextReaderRelaxNGSetSchema (self->reader, get_schema (kind)) != 0)
    {
      set_error (error, display_name, 0, CHORUS_ERROR_PARSE, _("could not start reading the file"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
chorus_xml_reader_free (ChorusXmlReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  if (self->scratch != NULL)
    g_string_free (self->scratch, TRUE);
  g_free (self->display_name);
  g_free (self->error_message);
  g_free (self);
}

static gboolean
take_pending_error (ChorusXmlReader  *self,
                    GError          **error)
{
  int line;

  if (self->error_message == NULL)
    return FALSE;

  line = self->error_line;

  if (self->error_is_schema && self->error_node != NULL &&
      self->error_node == (const void *) xmlTextReaderCurrentNode (self->reader))
    {
      guint64 newer = current_namespace_version (self->reader);

      /* An element from a later format (a Chorus namespace ending in /2)
       * inside a version 1 file: say so, rather than that it is not allowed. */
      if (newer > CHORUS_FORMAT_VERSION)
        {
          g_free (self->error_message);
          self->error_code = CHORUS_ERROR_NEWER_VERSION;
          self->error_message =
            g_strdup_printf (_("made by a newer version of Chorus (format version %"
                               G_GUINT64_FORMAT "; this version reads up to %d)"),
                             newer, CHORUS_FORMAT_VERSION);
        }

      /* The element just reached: its line is known exactly even where
       * libxml2 has stopped counting. */
      if (line >= LIBXML_LINE_LIMIT)
        line = chorus_xml_reader_line (self);
    }

  set_error (error, self->display_name, line, self->error_code, "%s", self->error_message);
  return TRUE;
}

gboolean
chorus_xml_reader_read (ChorusXmlReader  *self,
                        GError          **error)
{
  int ret = xmlTextReaderRead (self->reader);
  int depth, type;

  if (ret == 1)
    {
      depth = xmlTextReaderDepth (self->reader);
      type = xmlTextReaderNodeType (self->reader);

      /* Depth first: a deeply nested file is refused for what it is, if the
       * schema has not refused it already. */
      if (depth > CHORUS_MAX_DEPTH)
        {
          set_error (error, self->display_name, xmlTextReaderGetParserLineNumber (self->reader),
                     CHORUS_ERROR_TOO_LARGE, _("elements are nested more than %d levels deep"),
                     CHORUS_MAX_DEPTH);
          return FALSE;
        }

      if (type == XML_READER_TYPE_ELEMENT)
        self->open_elements[depth] = ++self->n_elements;
      else if (type == XML_READER_TYPE_ENTITY_REFERENCE)
        {
          set_error (error, self->display_name, xmlTextReaderGetParserLineNumber (self->reader),
                     CHORUS_ERROR_UNSAFE, _("entities are not allowed in Chorus files"));
          return FALSE;
        }
    }

  if (take_pending_error (self, error))
    return FALSE;

  if (ret < 0)
    {
      set_error (error, self->display_name, xmlTextReaderGetParserLineNumber (self->reader),
                 CHORUS_ERROR_PARSE, _("the file is not well-formed XML"));
      return FALSE;
    }

  if (ret == 0)
    {
      if (xmlTextReaderIsValid (self->reader) != 1)
        set_error (error, self->display_name, xmlTextReaderGetParserLineNumber (self->reader),
                   CHORUS_ERROR_INVALID, _("the file does not follow the Chorus format"));
      return FALSE;
    }

  return TRUE;
}

int
chorus_xml_reader_node_type (ChorusXmlReader *self)
{
  return xmlTextReaderNodeType (self->reader);
}

const char *
chorus_xml_reader_name (ChorusXmlReader *self)
{
  return (const char *) xmlTextReaderConstLocalName (self->reader);
}

int
chorus_xml_reader_depth (ChorusXmlReader *self)
{
  return xmlTextReaderDepth (self->reader);
}

gboolean
chorus_xml_reader_is_empty (ChorusXmlReader *self)
{
  return xmlTextReaderIsEmptyElement (self->reader) == 1;
}

char *
chorus_xml_reader_attribute (ChorusXmlReader *self,
                             const char      *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (self->reader, BAD_CAST name);
  char *copy;

  if (value == NULL)
    return NULL;

  /* libxml2 allocates with its own allocator; hand out GLib memory. */
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

void
chorus_xml_reader_attributes (ChorusXmlReader    *self,
                              const char * const *names,
                              const char        **values,
                              guint               n_names)
{
  gssize offsets[MAX_ATTRIBUTES];

  g_assert (n_names <= MAX_ATTRIBUTES);

  for (guint i = 0; i < n_names; i++)
    offsets[i] = -1;
  g_string_truncate (self->scratch, 0);

  /* Values are copied into one reused buffer: a value made of several
   * nodes comes back in a buffer libxml2 reuses for the next one. */
  if (xmlTextReaderMoveToFirstAttribute (self->reader) == 1)
    {
      do
        {
          const char *name = (const char *) xmlTextReaderConstLocalName (self->reader);

          if (xmlTextReaderConstNamespaceUri (self->reader) != NULL)
            continue;  /* xmlns and foreign attributes; the schema has its say */

          for (guint i = 0; i < n_names; i++)
            {
              if (strcmp (name, names[i]) == 0)
                {
                  offsets[i] = (gssize) self->scratch->len;
                  g_string_append (self->scratch,
                                   (const char *) xmlTextReaderConstValue (self->reader));
                  g_string_append_c (self->scratch, '\0');
                  break;
                }
            }
        }
      while (xmlTextReaderMoveToNextAttribute (self->reader) == 1);

      xmlTextReaderMoveToElement (self->reader);
    }

  for (guint i = 0; i < n_names; i++)
    values[i] = offsets[i] >= 0 ? self->scratch->str + offsets[i] : NULL;
}

char *
chorus_xml_reader_text (ChorusXmlReader  *self,
                        GError          **error)
{
  char *first = NULL;
  GString *more = NULL;
  int depth;

  if (chorus_xml_reader_is_empty (self))
    return g_strdup ("");

  depth = xmlTextReaderDepth (self->reader);

  while (chorus_xml_reader_read (self, error))
    {
      int type = xmlTextReaderNodeType (self->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (self->reader) == depth)
        {
          /* Nearly always one text node: hand out its copy as it is. */
          if (more != NULL)
            return g_string_free (more, FALSE);
          return first != NULL ? first : g_strdup ("");
        }

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE)
        {
          const char *value = (const char *) xmlTextReaderConstValue (self->reader);

          if (first == NULL && more == NULL)
            first = g_strdup (value);
          else
            {
              if (more == NULL)
                {
                  more = g_string_new (first);
                  g_clear_pointer (&first, g_free);
                }
              g_string_append (more, value);
            }
        }
      else if (type == XML_READER_TYPE_ELEMENT)
        {
          chorus_xml_reader_error (self, error, CHORUS_ERROR_INVALID,
                                   _("<%s> is not allowed inside text"),
                                   chorus_xml_reader_name (self));
          break;
        }
    }

  g_free (first);
  if (more != NULL)
    g_string_free (more, TRUE);
  if (error != NULL && *error == NULL)
    chorus_xml_reader_error (self, error, CHORUS_ERROR_PARSE, _("the file ends inside a text"));
  return NULL;
}

/* The element the reader is in: the node itself, or a text's parent. */
static xmlNodePtr
current_element (ChorusXmlReader *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);

  while (node != NULL && node->type != XML_ELEMENT_NODE)
    node = node->parent;

  return node;
}

guint
chorus_xml_reader_element_index (ChorusXmlReader *self)
{
  int type = xmlTextReaderNodeType (self->reader);
  int depth = xmlTextReaderDepth (self->reader);

  /* An end tag is the same element as its start; anything else belongs to
   * the element one level up. */
  if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT)
    depth--;

  if (depth < 0 || depth > CHORUS_MAX_DEPTH)
    return 0;

  return self->open_elements[depth];
}

/* Finds the @element_index-th start tag by scanning the bytes: in XML every
 * '<' outside comments, CDATA sections and processing instructions begins
 * a tag, so counting start tags counts elements as the reader met them.
 * Only ever done to report a problem. */
static int
scan_line_of_element (GBytes *bytes,
                      guint   element_index)
{
  gsize size;
  const char *start = g_bytes_get_data (bytes, &size);
  const char *end = start + size;
  const char *p = start;
  guint n = 0;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *close = NULL;

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p + 4, end - p - 4, "-->");
      else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        close = g_strstr_len (p + 9, end - p - 9, "]]>");
      else if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        close = g_strstr_len (p + 2, end - p - 2, ">");
      else if (end - p >= 2 && p[1] != '/' && ++n == element_index)
        return 1 + count_lines (start, p);

      if (close != NULL)
        p = close + 1;
      else if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        break;
      else
        p++;
    }

  return 0;
}

int
chorus_xml_reader_line_of_element (ChorusXmlReader *self,
                                   guint            element_index)
{
  xmlNodePtr node = current_element (self);

  /* The common case: libxml2 knows, and knows exactly. */
  if (node != NULL && element_index == chorus_xml_reader_element_index (self) &&
      node->line > 0 && node->line < LIBXML_LINE_LIMIT)
    return node->line;

  return scan_line_of_element (self->bytes, element_index);
}

int
chorus_xml_reader_line (ChorusXmlReader *self)
{
  guint index = chorus_xml_reader_element_index (self);

  if (index == 0)
    return xmlTextReaderGetParserLineNumber (self->reader);

  return chorus_xml_reader_line_of_element (self, index);
}

void
chorus_xml_reader_error (ChorusXmlReader  *self,
                         GError          **error,
                         ChorusError       code,
                         const char       *format,
                         ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, self->display_name, chorus_xml_reader_line (self), code, format, args);
  va_end (args);
}

void
chorus_xml_reader_error_at (ChorusXmlReader  *self,
                            GError          **error,
                            int               line,
                            ChorusError       code,
                            const char       *format,
                            ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, self->display_name, line, code, format, args);
  va_end (args);
}

const char *
chorus_xml_reader_get_display_name (ChorusXmlReader *self)
{
  return self->display_name;
}
