/* test-hostile.c — broken and hostile files are refused with a clear message
 *
 * The fixtures are in tests/data/hostile/. Each is loaded by its path, so
 * the tests also check that the message begins "FILE:LINE: " with the file
 * as the user named it and the exact line, and that it says what is wrong
 * in words a reader would look for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <chorus.h>

#include "chorus-xml-reader.h"

typedef struct
{
  const char  *name;
  ChorusError  code;
  int          line;   /* 0: the message has no line */
  const char  *words;  /* must appear in the message */
} HostileCase;

static const HostileCase cases[] = {
  /* Attacks: nothing of a DTD is ever parsed. */
  { "billion-laughs.chorus", CHORUS_ERROR_UNSAFE, 2, "document type declarations are not allowed" },
  { "xxe-passwd.chorus", CHORUS_ERROR_UNSAFE, 2, "document type declarations are not allowed" },
  { "external-dtd.chorus", CHORUS_ERROR_UNSAFE, 2, "document type declarations are not allowed" },
  { "doctype-after-comment.chorus", CHORUS_ERROR_UNSAFE, 5, "document type declarations" },
  { "consultation-doctype.consultation.xml", CHORUS_ERROR_UNSAFE, 2, "document type declarations" },
  /* Streaming validation refuses the second level already; the depth limit
   * (64) stands behind it should the schema ever allow recursion. */
  { "deep-nesting.chorus", CHORUS_ERROR_INVALID, 3, "<respondent> is not allowed here" },

  /* Not a Chorus file, or not one this version reads. */
  { "empty.chorus", CHORUS_ERROR_PARSE, 0, "the file is empty" },
  { "binary.chorus", CHORUS_ERROR_PARSE, 0, "not XML" },
  { "utf16.chorus", CHORUS_ERROR_PARSE, 0, "UTF-16" },
  { "wrong-root.chorus", CHORUS_ERROR_WRONG_KIND, 2, "not a Chorus file (its root element is <html>)" },
  { "foreign-namespace.chorus", CHORUS_ERROR_WRONG_KIND, 2, "http://example.com/not-chorus" },
  { "newer-namespace.chorus", CHORUS_ERROR_NEWER_VERSION, 2,
    "made by a newer version of Chorus (format version 2; this version reads up to 1)" },
  { "newer-version-attribute.chorus", CHORUS_ERROR_NEWER_VERSION, 2, "format version 2" },
  { "newer-element.chorus", CHORUS_ERROR_NEWER_VERSION, 33, "newer version of Chorus" },

  /* Broken XML. */
  { "truncated.chorus", CHORUS_ERROR_PARSE, 36, "ends too early" },
  { "invalid-utf8.chorus", CHORUS_ERROR_PARSE, 32, "not valid UTF-8" },
  { "control-character.chorus", CHORUS_ERROR_PARSE, 32, "(U+0001)" },
  { "control-character-reference.chorus", CHORUS_ERROR_PARSE, 32, "(U+0001)" },
  { "undeclared-entity.chorus", CHORUS_ERROR_PARSE, 32, "“&nbsp;” is not defined" },
  { "tag-mismatch.chorus", CHORUS_ERROR_PARSE, 32, "is closed by </txet>" },
  { "extra-content.chorus", CHORUS_ERROR_PARSE, 42, "more after the end" },

  /* Well-formed, but not a valid Chorus file. */
  { "schema-violation.chorus", CHORUS_ERROR_INVALID, 31, "stance" },
  /* libxml2 reports this about a text node it has freed already. */
  { "stray-text.chorus", CHORUS_ERROR_INVALID, 23, "there is text where only elements are allowed" },
  { "unknown-group.chorus", CHORUS_ERROR_INVALID, 31, "item i-12 refers to the unknown group “stafff”" },
  { "unknown-question.chorus", CHORUS_ERROR_INVALID, 31, "unknown question “q9”" },
  { "unknown-activity.chorus", CHORUS_ERROR_INVALID, 31, "unknown activity “survey”" },
  { "unknown-theme.chorus", CHORUS_ERROR_INVALID, 36, "unknown theme “nope”" },
  { "coding-past-end.chorus", CHORUS_ERROR_INVALID, 36, "but its text is 5 characters long" },
  /* Offsets count characters: 11 bytes, 7 characters. */
  { "coding-past-end-unicode.chorus", CHORUS_ERROR_INVALID, 36, "but its text is 7 characters long" },
  { "coding-twice.chorus", CHORUS_ERROR_INVALID, 38, "item i-12 is coded twice with “t” on the same text" },
  { "theme-parent-loop.chorus", CHORUS_ERROR_INVALID, 29, "its parents form a loop" },
  { "theme-unknown-parent.chorus", CHORUS_ERROR_INVALID, 29, "the parent “zz”, which is not in the codebook" },
  { "duplicate-item-id.chorus", CHORUS_ERROR_INVALID, 34, "two items with the id “i-12”" },
  { "unknown-option.chorus", CHORUS_ERROR_INVALID, 33, "unknown option “o9”" },
  { "partner-response-not-partner.chorus", CHORUS_ERROR_INVALID, 33, "not marked as a partner" },
  { "consultation-duplicate-id.consultation.xml", CHORUS_ERROR_INVALID, 8, "the id “s” is used twice" },
  { "consultation-duplicate-option.consultation.xml", CHORUS_ERROR_INVALID, 11, "“o1” is used twice" },
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "hostile", name, NULL);
}

static GObject *
load (const char  *path,
      GError     **error)
{
  if (g_str_has_suffix (path, ".consultation.xml"))
    return G_OBJECT (chorus_consultation_load_file (path, error));

  return G_OBJECT (chorus_project_load_file (path, error));
}

/* "FILE:LINE: message" (or "FILE: message"), FILE as the user named it. */
static void
assert_message (const GError *error,
                const char   *path,
                int           line,
                const char   *words)
{
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *prefix = line > 0 ? g_strdup_printf ("%s:%d: ", display_name, line)
                                     : g_strdup_printf ("%s: ", display_name);

  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not begin with “%s”", error->message, prefix);
  if (words != NULL && strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  /* Nothing of /etc/passwd may ever appear. */
  g_assert_null (strstr (error->message, "root:"));
}

static void
test_case (gconstpointer data)
{
  const HostileCase *test = data;
  g_autofree char *path = fixture_path (test->name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) loaded = NULL;
  ChorusFileKind kind = CHORUS_FILE_KIND_PROJECT;

  loaded = load (path, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CHORUS_ERROR);
  g_assert_cmpint (error->code, ==, test->code);
  assert_message (error, path, test->line, test->words);

  /* Validation says the same. */
  g_clear_error (&error);
  g_assert_false (chorus_file_validate (path, &kind, &error));
  g_assert_error (error, CHORUS_ERROR, (int) test->code);
  assert_message (error, path, test->line, test->words);
  g_assert_cmpint (kind, ==, CHORUS_FILE_KIND_UNKNOWN);
}

/* The fixtures above break one thing each in this file: it must be valid,
 * or they prove nothing. */
static void
test_base_is_valid (void)
{
  g_autofree char *path = fixture_path ("valid.chorus");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  ChorusFileKind kind;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (chorus_file_validate (path, &kind, &error));
  g_assert_cmpint (kind, ==, CHORUS_FILE_KIND_PROJECT);
}

/* The fixtures the schema tests use (tests/data/invalid/) are refused by
 * the library too. */
static void
test_schema_fixtures (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "invalid", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      ChorusFileKind kind;

      g_assert_false (chorus_file_validate (path, &kind, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, path));
      n++;
    }

  g_assert_cmpuint (n, >, 0);
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chorus-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.chorus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = NULL;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0644);

  /* A sparse file: one byte over the limit, without using the disk. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) CHORUS_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  project = chorus_project_load_file (path, &error);
  g_assert_null (project);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_TOO_LARGE);
  assert_message (error, path, 0, "larger than any Chorus file can be");

  g_remove (path);
  g_rmdir (dir);
}

static void
test_not_a_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("chorus-hostile-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (dir, &error);
  g_autoptr(ChorusProject) device = NULL;

  g_assert_null (project);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  assert_message (error, dir, 0, "folder");
  g_clear_error (&error);

  /* A device never ends: it must not be read at all. */
  device = chorus_project_load_file ("/dev/zero", &error);
  g_assert_null (device);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_IO);
  assert_message (error, "/dev/zero", 0, "not a regular file");

  g_rmdir (dir);
}

/* libxml2 counts element lines in 16 bits. A problem far down a large file
 * is still reported on its own line. */
static void
test_line_past_65535 (void)
{
  g_autofree char *base_path = fixture_path ("valid.chorus");
  g_autofree char *base = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chorus-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.chorus", NULL);
  const char *broken[] = { "group=\"stafff\"", "stance=\"furious\"" };
  const char *words[] = { "unknown group “stafff”", "stance" };
  ChorusError codes[] = { CHORUS_ERROR_INVALID, CHORUS_ERROR_INVALID };

  g_assert_true (g_file_get_contents (base_path, &base, NULL, NULL));

  for (guint b = 0; b < G_N_ELEMENTS (broken); b++)
    {
      g_autoptr(GString) contents = g_string_new (NULL);
      const char *items = strstr (base, "  <items>\n");
      const char *after = strstr (base, "  </items>\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(ChorusProject) project = NULL;
      int line;

      g_string_append_len (contents, base, items - base);
      g_string_append (contents, "  <items>\n");
      /* 20,000 items of 4 lines: 80,000 lines. */
      for (guint i = 0; i < 20000; i++)
        g_string_append_printf (contents,
                                "    <item id=\"i-%u\" question=\"q1\" %s>\n"
                                "      <text>Item %u</text>\n"
                                "    </item>\n"
                                "    <!-- a comment with a <fake tag> in it -->\n",
                                i, i == 19000 ? broken[b] : "group=\"staff\"", i);
      g_string_append (contents, after);
      g_assert_true (g_file_set_contents (path, contents->str, (gssize) contents->len, NULL));

      /* The broken item's line, counted here independently. */
      line = 1;
      for (const char *p = contents->str, *at = strstr (p, broken[b]); p < at; p++)
        if (*p == '\n')
          line++;
      g_assert_cmpint (line, >, 65535);

      project = chorus_project_load_file (path, &error);
      g_assert_null (project);
      g_assert_error (error, CHORUS_ERROR, (int) codes[b]);
      assert_message (error, path, line, words[b]);
    }

  g_remove (path);
  g_rmdir (dir);
}

/* A codebook built to make loop detection slow: 100,000 themes in one
 * chain that comes round at the end. Checked in one pass, it takes well
 * under a second; checked theme by theme up the chain, it would take hours. */
static void
test_long_theme_chain (void)
{
  g_autofree char *base_path = fixture_path ("valid.chorus");
  g_autofree char *base = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chorus-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chain.chorus", NULL);
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = NULL;
  const guint n = 100000;
  const char *codebook, *after;
  int line = 1;

  g_assert_true (g_file_get_contents (base_path, &base, NULL, NULL));
  codebook = strstr (base, "  <codebook>\n");
  after = strstr (base, "  </codebook>\n");
  g_string_append_len (contents, base, codebook - base);
  g_string_append (contents, "  <codebook>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (contents,
                            "    <theme id=\"t%u\" colour=\"#0072b2\" parent=\"t%u\">\n"
                            "      <name>Theme %u</name>\n"
                            "    </theme>\n",
                            i, (i + 1) % n, i);
  g_string_append (contents, after);
  g_assert_true (g_file_set_contents (path, contents->str, (gssize) contents->len, NULL));

  for (const char *p = contents->str, *at = strstr (p, "<theme id=\"t0\""); p < at; p++)
    if (*p == '\n')
      line++;

  project = chorus_project_load_file (path, &error);
  g_assert_null (project);
  g_assert_error (error, CHORUS_ERROR, CHORUS_ERROR_INVALID);
  assert_message (error, path, line, "theme “t0” is its own ancestor");

  g_remove (path);
  g_rmdir (dir);
}

/* One item with 200,000 codings, written in the reverse of the order the
 * model keeps them in: sorted once, not inserted one by one. */
static void
test_many_codings (void)
{
  g_autofree char *base_path = fixture_path ("valid.chorus");
  g_autofree char *base = NULL;
  g_autofree char *dir = g_dir_make_tmp ("chorus-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "codings.chorus", NULL);
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = NULL;
  g_autoptr(ChorusItem) item = NULL;
  const guint length = 1000, n = 200000;
  const char *text, *codings_end;
  guint written = 0, previous_start = 0, previous_end = 0;
  ChorusFileKind kind;

  g_assert_true (g_file_get_contents (base_path, &base, NULL, NULL));
  text = strstr (base, "<text>Hello</text>\n");
  codings_end = strstr (text, "    </item>\n");
  g_string_append_len (contents, base, text - base);
  g_string_append (contents, "<text>");
  for (guint i = 0; i < length; i++)
    g_string_append_c (contents, 'a' + i % 26);
  g_string_append (contents, "</text>\n");
  for (guint start = length; start-- > 0 && written < n;)
    for (guint end = length; end > start && written < n; end--, written++)
      g_string_append_printf (contents, "      <coding theme=\"t\" start=\"%u\" end=\"%u\"/>\n",
                              start, end);
  g_string_append (contents, codings_end);
  g_assert_true (g_file_set_contents (path, contents->str, (gssize) contents->len, NULL));

  project = chorus_project_load_file (path, &error);
  g_assert_no_error (error);
  item = g_list_model_get_item (chorus_project_get_items (project), 0);
  g_assert_cmpuint (chorus_item_get_n_codings (item), ==, n);
  for (guint i = 0; i < n; i++)
    {
      guint start, end;

      chorus_item_get_coding (item, i, &start, &end);
      g_assert_true (i == 0 || start > previous_start ||
                     (start == previous_start && end > previous_end));
      previous_start = start;
      previous_end = end;
    }

  g_assert_true (chorus_file_validate (path, &kind, &error));
  g_assert_no_error (error);

  g_remove (path);
  g_rmdir (dir);
}

/* libxml2 would happily print to stderr; Chorus never lets it. */
static void
test_silent (void)
{
  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *path = fixture_path (cases[i].name);
          g_autoptr(GError) error = NULL;
          g_autoptr(GObject) loaded = load (path, &error);

          g_assert_null (loaded);
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

/* libxml may report a missing element without its name (when it expected one of several); the
 * message must not then read "<> is missing". */
static void
test_missing_element_message (void)
{
  xmlError error = { 0 };
  g_autofree char *named = NULL;
  g_autofree char *unnamed = NULL;
  g_autofree char *empty = NULL;

  error.domain = XML_FROM_RELAXNGV;
  error.code = XML_RELAXNG_ERR_NOELEM;
  error.str1 = (char *) "title";
  named = chorus_xml_describe_schema_error (&error);
  g_assert_cmpstr (named, ==, "<title> is missing");

  error.str1 = NULL;
  unnamed = chorus_xml_describe_schema_error (&error);
  g_assert_cmpstr (unnamed, ==, "an element is missing");

  error.str1 = (char *) "";
  empty = chorus_xml_describe_schema_error (&error);
  g_assert_cmpstr (empty, ==, "an element is missing");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile/base-is-valid", test_base_is_valid);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/hostile/%s", cases[i].name);
      g_test_add_data_func (test_path, &cases[i], test_case);
    }
  g_test_add_func ("/hostile/schema-fixtures", test_schema_fixtures);
  g_test_add_func ("/hostile/too-large", test_too_large);
  g_test_add_func ("/hostile/not-a-file", test_not_a_file);
  g_test_add_func ("/hostile/line-past-65535", test_line_past_65535);
  g_test_add_func ("/hostile/long-theme-chain", test_long_theme_chain);
  g_test_add_func ("/hostile/many-codings", test_many_codings);
  g_test_add_func ("/hostile/silent", test_silent);
  g_test_add_func ("/hostile/missing-element-message", test_missing_element_message);

  return g_test_run ();
}
