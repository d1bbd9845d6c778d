/* chorus-xml-writer.h — a small, fast, deterministic XML writer into a GString
 *
 * Chorus files are written one element per line with two-space indentation,
 * attributes in a fixed order and unset attributes left out, so that the same
 * model always gives the same bytes (see docs/file-format.md, "Writing").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  GString *out;
} ChorusXmlWriter;

void chorus_xml_writer_init        (ChorusXmlWriter *self,
                                    gsize            size_hint);
/* Returns the document and frees the writer's buffer. */
GBytes *chorus_xml_writer_finish   (ChorusXmlWriter *self);

/* Attributes are NULL-terminated name/value pairs; a NULL value leaves the
 * attribute out. */
void chorus_xml_writer_open        (ChorusXmlWriter *self,
                                    guint            depth,
                                    const char      *name,
                                    ...) G_GNUC_NULL_TERMINATED;
void chorus_xml_writer_close       (ChorusXmlWriter *self,
                                    guint            depth,
                                    const char      *name);
void chorus_xml_writer_empty       (ChorusXmlWriter *self,
                                    guint            depth,
                                    const char      *name,
                                    ...) G_GNUC_NULL_TERMINATED;
/* <name attributes…>text</name> on one line (the text's own line feeds kept);
 * nothing at all when @text is NULL. */
void chorus_xml_writer_text        (ChorusXmlWriter *self,
                                    guint            depth,
                                    const char      *name,
                                    const char      *text,
                                    ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
