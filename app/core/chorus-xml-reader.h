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

/* Looks at the root element only: which kind of Chorus file this is, and
 * whether this version can read it. Refuses DOCTYPEs, oversized input,
 * foreign root elements and newer format versions with a clear message. */
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
/* The text content of the current element (which must hold only text),
 * leaving the reader on its end. */
char            *chorus_xml_reader_text      (ChorusXmlReader  *self,
                                              GError          **error);
int              chorus_xml_reader_line      (ChorusXmlReader  *self);
/* Sets "FILE:LINE: message" on @error. */
void             chorus_xml_reader_error     (ChorusXmlReader  *self,
                                              GError          **error,
                                              ChorusError       code,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (4, 5);
const char      *chorus_xml_reader_get_display_name (ChorusXmlReader *self);

/* For the readers: element type tests. */
#define CHORUS_XML_ELEMENT     XML_READER_TYPE_ELEMENT
#define CHORUS_XML_END_ELEMENT XML_READER_TYPE_END_ELEMENT

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusXmlReader, chorus_xml_reader_free)

G_END_DECLS
