/* chorus-xml-reader.c
 *
 * Chorus files never contain a DOCTYPE, so refusing one outright removes
 * entity expansion (billion laughs) and external entities (XXE) as a class
 * of attack. On top of that the parser never loads anything from the
 * network or the file system: the only external resources it may open are
 * Chorus's own schemas, served from the GResource.
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

/* Never XML_PARSE_NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

struct _ChorusXmlReader
{
  xmlTextReaderPtr  reader;
  GBytes           *bytes;
  char             *display_name;

  /* The first problem libxml2 reported, kept until the caller asks. */
  ChorusError       error_code;
  char             *error_message;
  int               error_line;
};

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
  const char *base;

  if (url == NULL)
    return NULL;

  /* project.rng refers to consultation.rng; nothing else may be loaded. */
  base = strrchr (url, '/');
  base = base ? base + 1 : url;
  if (g_str_equal (base, "consultation.rng") &&
      (strchr (url, '/') == NULL || g_str_has_prefix (url, "resource://")))
    {
      xmlParserInputBufferPtr buffer;

      if (g_once_init_enter (&consultation_schema))
        g_once_init_leave (&consultation_schema, lookup_schema_bytes ("consultation.rng"));

      buffer = xmlParserInputBufferCreateMem (g_bytes_get_data (consultation_schema, NULL),
                                                 (int) g_bytes_get_size (consultation_schema),
                                                 XML_CHAR_ENCODING_NONE);
      return xmlNewIOInputStream (context, buffer, XML_CHAR_ENCODING_NONE);
    }

  /* Anything else (a DTD, an external entity, /etc/passwd, http://…) is refused. */
  return NULL;
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
silence_cb (void       *user_data,
            xmlErrorPtr error)
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

/* Parsed once: the schemas are read-only and shared by every reader. */
static xmlRelaxNGPtr
get_schema (ChorusFileKind kind)
{
  static xmlRelaxNGPtr schemas[3];
  static gsize once[3];

  g_assert (kind == CHORUS_FILE_KIND_CONSULTATION || kind == CHORUS_FILE_KIND_PROJECT);

  if (g_once_init_enter (&once[kind]))
    {
      schemas[kind] = parse_schema (kind == CHORUS_FILE_KIND_PROJECT ? "project.rng"
                                                                     : "consultation.rng");
      g_once_init_leave (&once[kind], 1);
    }

  return schemas[kind];
}

/* libxml2's messages end in a newline and sometimes carry its own jargon. */
static char *
clean_message (const char *message)
{
  g_autofree char *copy = g_strstrip (g_strdup (message ? message : ""));

  if (g_str_has_prefix (copy, "Input is not proper UTF-8"))
    return g_strdup (_("the text is not valid UTF-8"));
  if (g_str_has_prefix (copy, "Premature end of data") ||
      g_str_has_prefix (copy, "EndTag: '</' not found") ||
      strstr (copy, "not finished") != NULL)
    return g_strdup_printf (_("the file ends too early; it may be truncated (%s)"), copy);
  if (strstr (copy, "PCDATA invalid Char value") != NULL ||
      strstr (copy, "invalid Char value") != NULL)
    return g_strdup_printf (_("the text contains a control character XML cannot hold (%s)"), copy);
  if (strstr (copy, "Excessive depth") != NULL)
    return g_strdup_printf (_("elements are nested more than %d levels deep"), CHORUS_MAX_DEPTH);
  if (strstr (copy, "entity") != NULL || strstr (copy, "Entity") != NULL)
    return g_strdup_printf (_("entities are not allowed in Chorus files (%s)"), copy);

  return g_steal_pointer (&copy);
}

static void
structured_error_cb (void       *user_data,
                     xmlErrorPtr error)
{
  ChorusXmlReader *self = user_data;

  if (error == NULL || error->level == XML_ERR_WARNING || self->error_message != NULL)
    return;

  self->error_code = (error->domain == XML_FROM_RELAXNGV || error->domain == XML_FROM_RELAXNGP)
                     ? CHORUS_ERROR_INVALID : CHORUS_ERROR_PARSE;
  if (strstr (error->message ? error->message : "", "Excessive depth") != NULL)
    self->error_code = CHORUS_ERROR_TOO_LARGE;
  if (strstr (error->message ? error->message : "", "ntity") != NULL)
    self->error_code = CHORUS_ERROR_UNSAFE;
  self->error_message = clean_message (error->message);
  self->error_line = error->line;
}

static void
set_error_valist (GError    **error,
                  const char *display_name,
                  int         line,
                  ChorusError code,
                  const char *format,
                  va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (line > 0)
    g_set_error (error, CHORUS_ERROR, code, "%s:%d: %s", display_name, line, message);
  else
    g_set_error (error, CHORUS_ERROR, code, "%s: %s", display_name, message);
}

static void
set_error (GError    **error,
           const char *display_name,
           int         line,
           ChorusError code,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  set_error_valist (error, display_name, line, code, format, args);
  va_end (args);
}

static gboolean
check_size (GBytes     *bytes,
            const char *display_name,
            GError    **error)
{
  gsize size = g_bytes_get_size (bytes);

  if (size > CHORUS_MAX_FILE_SIZE)
    {
      set_error (error, display_name, 0, CHORUS_ERROR_TOO_LARGE,
                 _("the file is %s, larger than any Chorus file can be (the limit is %s)"),
                 g_format_size (size), g_format_size (CHORUS_MAX_FILE_SIZE));
      return FALSE;
    }

  if (size == 0)
    {
      set_error (error, display_name, 0, CHORUS_ERROR_PARSE, _("the file is empty"));
      return FALSE;
    }

  return TRUE;
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
  int ret;

  *kind = CHORUS_FILE_KIND_UNKNOWN;

  if (!check_size (bytes, display_name, error))
    return FALSE;

  reader = open_reader (bytes, display_name, &errors);
  if (reader == NULL)
    {
      set_error (error, display_name, 0, CHORUS_ERROR_PARSE, _("could not start reading the file"));
      return FALSE;
    }

  while ((ret = xmlTextReaderRead (reader)) == 1 && errors.error_message == NULL)
    {
      int type = xmlTextReaderNodeType (reader);

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
          int line = xmlTextReaderGetParserLineNumber (reader);
          gboolean is_project = g_strcmp0 (name, "project") == 0;
          gboolean is_consultation = g_strcmp0 (name, "consultation") == 0;
          const char *prefix = is_project ? "https://chorus-app.github.io/ns/project/"
                                          : "https://chorus-app.github.io/ns/consultation/";
          guint64 ns_version = 0, attribute_version = 0;

          if ((!is_project && !is_consultation) || ns == NULL || !g_str_has_prefix (ns, prefix))
            {
              set_error (error, display_name, line, CHORUS_ERROR_WRONG_KIND,
                         _("this is not a Chorus file (its root element is <%s>%s%s)"),
                         name, ns ? _(" in the namespace ") : "", ns ? ns : "");
              goto out;
            }

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
  g_free (self->display_name);
  g_free (self->error_message);
  g_free (self);
}

static gboolean
take_pending_error (ChorusXmlReader  *self,
                    GError          **error)
{
  if (self->error_message == NULL)
    return FALSE;

  set_error (error, self->display_name, self->error_line, self->error_code, "%s",
             self->error_message);
  return TRUE;
}

gboolean
chorus_xml_reader_read (ChorusXmlReader  *self,
                        GError          **error)
{
  int ret = xmlTextReaderRead (self->reader);

  /* Depth first: a deeply nested file is refused for what it is, not for
   * the first element the schema did not expect. */
  if (ret == 1 && xmlTextReaderDepth (self->reader) > CHORUS_MAX_DEPTH)
    {
      set_error (error, self->display_name, xmlTextReaderGetParserLineNumber (self->reader),
                 CHORUS_ERROR_TOO_LARGE, _("elements are nested more than %d levels deep"),
                 CHORUS_MAX_DEPTH);
      return FALSE;
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
        {
          set_error (error, self->display_name, xmlTextReaderGetParserLineNumber (self->reader),
                     CHORUS_ERROR_INVALID, _("the file does not follow the Chorus format"));
          return FALSE;
        }
      return FALSE;
    }

  if (xmlTextReaderDepth (self->reader) > CHORUS_MAX_DEPTH)
    {
      set_error (error, self->display_name, xmlTextReaderGetParserLineNumber (self->reader),
                 CHORUS_ERROR_TOO_LARGE, _("elements are nested more than %d levels deep"),
                 CHORUS_MAX_DEPTH);
      return FALSE;
    }

  if (xmlTextReaderNodeType (self->reader) == XML_READER_TYPE_ENTITY_REFERENCE)
    {
      set_error (error, self->display_name, xmlTextReaderGetParserLineNumber (self->reader),
                 CHORUS_ERROR_UNSAFE, _("entities are not allowed in Chorus files"));
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

char *
chorus_xml_reader_text (ChorusXmlReader  *self,
                        GError          **error)
{
  GString *text;
  int depth;

  if (chorus_xml_reader_is_empty (self))
    return g_strdup ("");

  depth = xmlTextReaderDepth (self->reader);
  text = g_string_new (NULL);

  while (chorus_xml_reader_read (self, error))
    {
      int type = xmlTextReaderNodeType (self->reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (self->reader) == depth)
        return g_string_free (text, FALSE);

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
          type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE)
        g_string_append (text, (const char *) xmlTextReaderConstValue (self->reader));
      else if (type == XML_READER_TYPE_ELEMENT)
        {
          chorus_xml_reader_error (self, error, CHORUS_ERROR_INVALID,
                                   _("unexpected element <%s> inside text"),
                                   chorus_xml_reader_name (self));
          break;
        }
    }

  g_string_free (text, TRUE);
  if (error != NULL && *error == NULL)
    chorus_xml_reader_error (self, error, CHORUS_ERROR_PARSE, _("the file ends inside a text"));
  return NULL;
}

int
chorus_xml_reader_line (ChorusXmlReader *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);
  long line = node ? xmlGetLineNo (node) : -1;

  return line > 0 ? (int) line : xmlTextReaderGetParserLineNumber (self->reader);
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

const char *
chorus_xml_reader_get_display_name (ChorusXmlReader *self)
{
  return self->display_name;
}
