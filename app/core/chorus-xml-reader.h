/* chorus-xml-reader.h — the one way libchorus reads XML: streaming, validated,
 * and safe against hostile files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlreader.h>

#include "chorus.h"

G_BEGIN_DECLS

typedef struct _ChorusXmlReader ChorusXmlReader;

/* Looks at the prolog and the root element only: which kind of Chorus file
 * this is, and whether this version can read it. Refuses empty and oversized
 * input, anything that is not XML, DOCTYPEs, foreign root elements and newer
 * format versions, each with a message for the user. */
gboolean         chorus_xml_sniff            (GBytes           *bytes,
                                              const char       *display_name,
                                              ChorusFileKind   *kind,
                                              GError          **error);

/* Sniffs, then opens a reader that validates against the kind's schema
 * while it streams. @expected is the kind the caller can load. */
ChorusXmlReader *chorus_xml_reader_new       (GBytes           *bytes,
                                              const char       *display_name,
                                              ChorusFileKind    expected,
                                              GError          **error);
void             chorus_xml_reader_free      (ChorusXmlReader  *self);

/* The user's words for a RELAX NG validation error from libxml. */
char            *chorus_xml_describe_schema_error (const xmlError *error) G_GNUC_WARN_UNUSED_RESULT;

/* Advances to the next node. FALSE at the end of the document (error
 * unset) or on the first problem (error set). */
gboolean         chorus_xml_reader_read      (ChorusXmlReader  *self,
                                              GError          **error);
int              chorus_xml_reader_node_type (ChorusXmlReader  *self);
/* Local name of the current node. */
const char      *chorus_xml_reader_name      (ChorusXmlReader  *self);
int              chorus_xml_reader_depth     (ChorusXmlReader  *self);
gboolean         chorus_xml_reader_is_empty  (ChorusXmlReader  *self);
/* A newly allocated attribute value, or NULL. */
char            *chorus_xml_reader_attribute (ChorusXmlReader  *self,
                                              const char       *name);
/* Several attributes of the current element in one pass and without
 * allocating: @values[i] becomes the value of @names[i] (unprefixed), or
 * NULL. The strings belong to the reader and stay valid until the next call
 * to this function or to chorus_xml_reader_read(). At most 16 names. */
void             chorus_xml_reader_attributes (ChorusXmlReader    *self,
                                               const char * const *names,
                                               const char        **values,
                                               guint               n_names);
/* The text content of the current element (which must hold only text),
 * leaving the reader on its end. */
char            *chorus_xml_reader_text      (ChorusXmlReader  *self,
                                              GError          **error);
/* The line of the current element's start tag. Exact on any line, but
 * costs a scan of the file past line 65,535: call it when reporting a
 * problem, and remember chorus_xml_reader_element_index() otherwise. */
int              chorus_xml_reader_line      (ChorusXmlReader  *self);
/* The current element's position in document order (the root is 1). */
guint            chorus_xml_reader_element_index (ChorusXmlReader *self);
/* The line of the start tag of the element at @element_index. */
int              chorus_xml_reader_line_of_element (ChorusXmlReader *self,
                                                    guint            element_index);
/* Sets "FILE:LINE: message" on @error, LINE being the current element's. */
void             chorus_xml_reader_error     (ChorusXmlReader  *self,
                                              GError          **error,
                                              ChorusError       code,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (4, 5);
/* The same for a problem found after the reader has moved on; @line 0
 * leaves the line out. */
void             chorus_xml_reader_error_at  (ChorusXmlReader  *self,
                                              GError          **error,
                                              int               line,
                                              ChorusError       code,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (5, 6);
const char      *chorus_xml_reader_get_display_name (ChorusXmlReader *self);

/* For the readers: element type tests. */
#define CHORUS_XML_ELEMENT     XML_READER_TYPE_ELEMENT
#define CHORUS_XML_END_ELEMENT XML_READER_TYPE_END_ELEMENT

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusXmlReader, chorus_xml_reader_free)

G_END_DECLS
