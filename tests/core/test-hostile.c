/* test-hostile.c — broken and hostile files are refused with a clear message
 *
 * Each case is written to a file named after it, so the tests also check
 * that the message names the file (and the line, where there is one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <chorus.h>

#define PROJECT_NS "https://chorus-app.github.io/ns/project/1"
#define CONSULTATION_NS "https://chorus-app.github.io/ns/consultation/1"

typedef struct
{
  const char  *name;
  const char  *contents;  /* NULL: built by the test */
  ChorusError  code;
  const char  *words;     /* must appear in the message */
  gboolean     has_line;
} HostileCase;

/* A small valid project; the cases below break one thing in it. */
#define CONSULTATION                                                               \
  "  <consultation xmlns=\"" CONSULTATION_NS "\" version=\"1\" id=\"c\">\n"        \
  "    <title>T</title>\n"                                                         \
  "    <document id=\"d\">\n"                                                      \
  "      <title>D</title>\n"                                                       \
  "      <section id=\"s\">\n"                                                     \
  "        <title>S</title>\n"                                                     \
  "        <question id=\"q\" number=\"Q1\" kind=\"free-text\">\n"                 \
  "          <text>Q?</text>\n"                                                    \
  "        </question>\n"                                                          \
  "      </section>\n"                                                             \
  "    </document>\n"                                                              \
  "  </consultation>\n"

#define PROJECT(groups, codebook, items)                                           \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                   \
  "<project xmlns=\"" PROJECT_NS "\" version=\"1\">\n"                             \
  "  <respondent>\n"                                                               \
  "    <organisation>O</organisation>\n"                                           \
  "    <contact/>\n"                                                               \
  "  </respondent>\n"                                                              \
  CONSULTATION                                                                     \
  "  <groups>\n" groups "  </groups>\n"                                            \
  "  <activities>\n  </activities>\n"                                              \
  "  <codebook>\n" codebook "  </codebook>\n"                                      \
  "  <items>\n" items "  </items>\n"                                               \
  "  <drafts>\n  </drafts>\n"                                                      \
  "</project>\n"

#define STAFF "    <group id=\"staff\">Staff</group>\n"
#define THEME(id, parent) \
  "    <theme id=\"" id "\" colour=\"#0072b2\"" parent ">\n      <name>" id "</name>\n    </theme>\n"

static const HostileCase cases[] = {
  { "valid.chorus",
    PROJECT (STAFF, THEME ("t", ""),
             "    <item id=\"i1\" question=\"q\" group=\"staff\">\n"
             "      <text>Hello</text>\n"
             "      <coding theme=\"t\" start=\"0\" end=\"5\"/>\n"
             "    </item>\n"),
    0, NULL, FALSE },
  { "billion-laughs.chorus",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE project [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    "<project xmlns=\"" PROJECT_NS "\" version=\"1\"><respondent><organisation>&lol9;</organisation></respondent></project>\n",
    CHORUS_ERROR_UNSAFE, NULL, TRUE },
  { "xxe.chorus",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE project [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
    "<project xmlns=\"" PROJECT_NS "\" version=\"1\"><respondent><organisation>&xxe;</organisation></respondent></project>\n",
    CHORUS_ERROR_UNSAFE, NULL, TRUE },
  { "external-dtd.chorus",
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE project SYSTEM \"http://attacker.invalid/evil.dtd\">\n"
    "<project xmlns=\"" PROJECT_NS "\" version=\"1\"/>\n",
    CHORUS_ERROR_UNSAFE, "document type", TRUE },
  { "wrong-root.chorus",
    "<?xml version=\"1.0\"?>\n<html><body>Not a project</body></html>\n",
    CHORUS_ERROR_WRONG_KIND, "not a Chorus file", TRUE },
  { "newer-namespace.chorus",
    "<?xml version=\"1.0\"?>\n"
    "<project xmlns=\"https://chorus-app.github.io/ns/project/2\" version=\"2\"><future/></project>\n",
    CHORUS_ERROR_NEWER_VERSION, "newer version of Chorus", TRUE },
  { "newer-version.chorus",
    "<?xml version=\"1.0\"?>\n"
    "<project xmlns=\"" PROJECT_NS "\" version=\"2\"><future/></project>\n",
    CHORUS_ERROR_NEWER_VERSION, "format version 2", TRUE },
  { "invalid-utf8.chorus",
    PROJECT (STAFF, "", "    <item id=\"i1\" question=\"q\">\n      <text>caf\xe9</text>\n    </item>\n"),
    CHORUS_ERROR_PARSE, "UTF-8", TRUE },
  { "control-character.chorus",
    PROJECT (STAFF, "", "    <item id=\"i1\" question=\"q\">\n      <text>bell &#7;</text>\n    </item>\n"),
    CHORUS_ERROR_PARSE, NULL, TRUE },
  { "unknown-group.chorus",
    PROJECT (STAFF, "", "    <item id=\"i1\" question=\"q\" group=\"stafff\">\n      <text>Hello</text>\n    </item>\n"),
    CHORUS_ERROR_INVALID, "unknown group “stafff”", TRUE },
  { "unknown-question.chorus",
    PROJECT (STAFF, "", "    <item id=\"i1\" question=\"q9\">\n      <text>Hello</text>\n    </item>\n"),
    CHORUS_ERROR_INVALID, "unknown question “q9”", TRUE },
  { "coding-past-end.chorus",
    PROJECT (STAFF, THEME ("t", ""),
             "    <item id=\"i1\" question=\"q\">\n      <text>Hello</text>\n"
             "      <coding theme=\"t\" start=\"2\" end=\"9\"/>\n    </item>\n"),
    CHORUS_ERROR_INVALID, "5 characters long", TRUE },
  { "unknown-theme.chorus",
    PROJECT (STAFF, THEME ("t", ""),
             "    <item id=\"i1\" question=\"q\">\n      <text>Hello</text>\n"
             "      <coding theme=\"nope\"/>\n    </item>\n"),
    CHORUS_ERROR_INVALID, "unknown theme “nope”", TRUE },
  { "theme-loop.chorus",
    PROJECT (STAFF, THEME ("a", " parent=\"b\"") THEME ("b", " parent=\"a\""), ""),
    CHORUS_ERROR_INVALID, "loop", TRUE },
  { "duplicate-item.chorus",
    PROJECT (STAFF, "",
             "    <item id=\"i1\" question=\"q\">\n      <text>A</text>\n    </item>\n"
             "    <item id=\"i1\" question=\"q\">\n      <text>B</text>\n    </item>\n"),
    CHORUS_ERROR_INVALID, "two items", TRUE },
  { "schema-violation.chorus",
    PROJECT (STAFF, "", "    <item id=\"i1\" question=\"q\" stance=\"furious\">\n      <text>A</text>\n    </item>\n"),
    CHORUS_ERROR_INVALID, NULL, TRUE },
  { "empty.chorus", "", CHORUS_ERROR_PARSE, "empty", FALSE },
  { "binary.chorus", NULL, CHORUS_ERROR_PARSE, NULL, FALSE },
  { "truncated.chorus", NULL, CHORUS_ERROR_PARSE, NULL, TRUE },
  /* Streaming validation stops at the second nested element, long before the
   * depth limit (64) or libxml2's own (256) is reached: either way it is refused. */
  { "deep.chorus", NULL, CHORUS_ERROR_INVALID, "Did not expect element respondent", TRUE },
};

static char *
build_contents (const HostileCase *test,
                gsize             *length)
{
  if (g_str_equal (test->name, "binary.chorus"))
    {
      static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
                                    'D', 'R', 0xff, 0xfe, 0 };
      *length = sizeof png;
      return g_memdup2 (png, sizeof png);
    }

  if (g_str_equal (test->name, "truncated.chorus"))
    {
      const char *valid = cases[0].contents;

      *length = strlen (valid) / 2;
      return g_strndup (valid, *length);
    }

  if (g_str_equal (test->name, "deep.chorus"))
    {
      GString *deep = g_string_new ("<?xml version=\"1.0\"?>\n<project xmlns=\"" PROJECT_NS "\" version=\"1\">\n");

      for (guint i = 0; i < 200; i++)
        g_string_append (deep, "<respondent>");
      for (guint i = 0; i < 200; i++)
        g_string_append (deep, "</respondent>");
      g_string_append (deep, "\n</project>\n");
      *length = deep->len;
      return g_string_free (deep, FALSE);
    }

  *length = strlen (test->contents);
  return g_strdup (test->contents);
}

static void
test_case (gconstpointer data)
{
  const HostileCase *test = data;
  g_autofree char *dir = g_dir_make_tmp ("chorus-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, test->name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = NULL;
  ChorusFileKind kind;
  gsize length;

  contents = build_contents (test, &length);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));

  project = chorus_project_load_file (path, &error);

  if (test->code == 0 && g_str_equal (test->name, "valid.chorus"))
    {
      /* The base of the other cases must itself be valid, or they prove nothing. */
      g_assert_no_error (error);
      g_assert_nonnull (project);
    }
  else
    {
      g_assert_null (project);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (error->domain == CHORUS_ERROR);
      g_assert_cmpint (error->code, ==, test->code);
      /* "FILE:LINE: message", FILE as the user named it. */
      g_assert_true (g_str_has_prefix (error->message, path));
      if (test->has_line)
        g_assert_true (error->message[strlen (path)] == ':' &&
                       g_ascii_isdigit (error->message[strlen (path) + 1]));
      if (test->words != NULL)
        g_assert_nonnull (strstr (error->message, test->words));
      /* Nothing of /etc/passwd may ever appear. */
      g_assert_null (strstr (error->message, "root:"));

      g_clear_error (&error);
      g_assert_false (chorus_file_validate (path, &kind, &error));
      g_assert_nonnull (error);
    }

  g_remove (path);
  g_rmdir (dir);
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chorus-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = NULL;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0644);

  /* A sparse file: as large as the limit allows plus one, without the disk. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) CHORUS_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  project = chorus_project_load_file (path, &error);
  g_assert_null (project);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, path));

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/hostile/%s", cases[i].name);
      g_test_add_data_func (test_path, &cases[i], test_case);
    }
  g_test_add_func ("/hostile/too-large", test_too_large);

  return g_test_run ();
}
