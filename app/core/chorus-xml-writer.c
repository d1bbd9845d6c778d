/* chorus-xml-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "chorus-xml-writer.h"

void
chorus_xml_writer_init (ChorusXmlWriter *self,
                        gsize            size_hint)
{
  self->out = g_string_sized_new (MAX (size_hint, 4096));
  g_string_append (self->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
}

GBytes *
chorus_xml_writer_finish (ChorusXmlWriter *self)
{
  return g_string_free_to_bytes (g_steal_pointer (&self->out));
}

static void
indent (ChorusXmlWriter *self,
        guint            depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append_len (self->out, "  ", 2);
}

/* Copies runs of plain characters in one go: this loop is most of the time
 * spent saving 100,000 items.
 *
 * The model never holds a character XML 1.0 cannot carry (see
 * _chorus_text_sanitize()). Should one slip through all the same, it is
 * written as U+FFFD: a file Chorus cannot read back would lose far more
 * than one character. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '\x01': case '\x02': case '\x03': case '\x04': case '\x05': case '\x06':
        case '\x07': case '\x08': case '\x0b': case '\x0c': case '\x0e': case '\x0f':
        case '\x10': case '\x11': case '\x12': case '\x13': case '\x14': case '\x15':
        case '\x16': case '\x17': case '\x18': case '\x19': case '\x1a': case '\x1b':
        case '\x1c': case '\x1d': case '\x1e': case '\x1f':
          entity = "\xEF\xBF\xBD";
          break;
        case '\xEF':
          /* U+FFFE and U+FFFF */
          if (p[1] == '\xBF' && (p[2] == '\xBE' || p[2] == '\xBF'))
            {
              g_string_append_len (out, run, p - run);
              g_string_append (out, "\xEF\xBF\xBD");
              p += 2;
              run = p + 1;
            }
          entity = NULL;
          break;
        case '&':
          entity = "&amp;";
          break;
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        case '"':
          entity = "&quot;";
          break;
        case '\n':
          entity = attribute ? "&#10;" : NULL;
          break;
        case '\t':
          entity = attribute ? "&#9;" : NULL;
          break;
        case '\r':
          entity = "&#13;";
          break;
        default:
          entity = NULL;
        }

      if (entity != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, entity);
          run = p + 1;
        }
    }

  g_string_append_len (out, run, p - run);
}

static void
append_attributes (GString *out,
                   va_list  args)
{
  const char *name;

  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value == NULL)
        continue;

      g_string_append_c (out, ' ');
      g_string_append (out, name);
      g_string_append_len (out, "=\"", 2);
      append_escaped (out, value, TRUE);
      g_string_append_c (out, '"');
    }
}

void
chorus_xml_writer_open (ChorusXmlWriter *self,
                        guint            depth,
                        const char      *name,
                        ...)
{
  va_list args;

  indent (self, depth);
  g_string_append_c (self->out, '<');
  g_string_append (self->out, name);
  va_start (args, name);
  append_attributes (self->out, args);
  va_end (args);
  g_string_append_len (self->out, ">\n", 2);
}

void
chorus_xml_writer_close (ChorusXmlWriter *self,
                         guint            depth,
                         const char      *name)
{
  indent (self, depth);
  g_string_append_len (self->out, "</", 2);
  g_string_append (self->out, name);
  g_string_append_len (self->out, ">\n", 2);
}

void
chorus_xml_writer_empty (ChorusXmlWriter *self,
                         guint            depth,
                         const char      *name,
                         ...)
{
  va_list args;

  indent (self, depth);
  g_string_append_c (self->out, '<');
  g_string_append (self->out, name);
  va_start (args, name);
  append_attributes (self->out, args);
  va_end (args);
  g_string_append_len (self->out, "/>\n", 3);
}

void
chorus_xml_writer_text (ChorusXmlWriter *self,
                        guint            depth,
                        const char      *name,
                        const char      *text,
                        ...)
{
  va_list args;

  if (text == NULL)
    return;

  indent (self, depth);
  g_string_append_c (self->out, '<');
  g_string_append (self->out, name);
  va_start (args, text);
  append_attributes (self->out, args);
  va_end (args);
  g_string_append_c (self->out, '>');
  append_escaped (self->out, text, FALSE);
  g_string_append_len (self->out, "</", 2);
  g_string_append (self->out, name);
  g_string_append_len (self->out, ">\n", 2);
}
