/* chorus-consultation-io.h — reading and writing <consultation>, alone or
 * embedded in a project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chorus-xml-reader.h"
#include "chorus-xml-writer.h"

G_BEGIN_DECLS

/* The reader is on the <consultation> start element; on success it is left
 * on its end element. */
ChorusConsultation *_chorus_consultation_read  (ChorusXmlReader    *reader,
                                                GError            **error);
void                _chorus_consultation_write (ChorusConsultation *self,
                                                ChorusXmlWriter    *writer,
                                                guint               depth);
/* Reads a whole file's bytes, with a display name for messages. */
gboolean            _chorus_read_file          (const char         *path,
                                                GBytes            **bytes,
                                                char              **display_name,
                                                GError            **error);

G_END_DECLS
