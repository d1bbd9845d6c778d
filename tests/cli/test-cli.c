/* test-cli.c — chorus-cli as users and scripts meet it: exit statuses, messages, output
 *
 * The CLI runs in a subprocess (CHORUS_CLI names it); its counts are checked
 * against libchorus, linked here, and against tests/data/example-counts.txt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include <chorus.h>

/* Running the CLI ---------------------------------------------------------- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

/* Runs chorus-cli with the NULL-terminated arguments. */
static CliResult *
run_cli (const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CHORUS_CLI");
  CliResult *result = g_new0 (CliResult, 1);
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  g_test_message ("chorus-cli %s… exited %d\nstdout: %s\nstderr: %s",
                  first_arg ? first_arg : "", result->status, result->out, result->err);

  return result;
}

static char *
example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "resources", "examples", name, NULL);
}

static const char *example_files[] = {
  "liberating-the-nhs.consultation.xml",
  "patient-led-nhs-essex.consultation.xml",
  "trafford-staff-response.chorus",
};

/* A scratch directory, removed with its files at the end. */
typedef struct
{
  char *path;
} Scratch;

static void
scratch_setup (Scratch       *scratch,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  scratch->path = g_dir_make_tmp ("chorus-test-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
scratch_teardown (Scratch       *scratch,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (scratch->path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch->path, name, NULL);

      g_remove (path);
    }
  g_rmdir (scratch->path);
  g_free (scratch->path);
}

static char *
scratch_file (Scratch    *scratch,
              const char *name)
{
  return g_build_filename (scratch->path, name, NULL);
}

/* A little JSON reader -------------------------------------------------------
 *
 * GLib has no JSON parser and libchorus must not pull json-glib in, so this
 * reads just enough JSON (strictly) to check that the CLI writes valid
 * documents and to look the counts up by key. */

typedef enum
{
  JSON_NULL,
  JSON_BOOLEAN,
  JSON_NUMBER,
  JSON_STRING,
  JSON_ARRAY,
  JSON_OBJECT,
} JsonKind;

typedef struct _Json Json;

struct _Json
{
  JsonKind   kind;
  gboolean   boolean;
  gint64     number;
  char      *string;
  GPtrArray *values;  /* arrays and objects: Json * */
  GPtrArray *names;   /* objects: char *, parallel to values */
};

static void
json_free (Json *json)
{
  if (json == NULL)
    return;
  g_free (json->string);
  g_clear_pointer (&json->values, g_ptr_array_unref);
  g_clear_pointer (&json->names, g_ptr_array_unref);
  g_free (json);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Json, json_free)

static Json *json_parse_value (const char **p);

static void
json_skip_space (const char **p)
{
  while (**p == ' ' || **p == '\n' || **p == '\r' || **p == '\t')
    (*p)++;
}

static gboolean
json_parse_hex4 (const char **p,
                 gunichar    *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value ((*p)[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + (gunichar) digit;
    }
  *p += 4;

  return TRUE;
}

static char *
json_parse_string (const char **p)
{
  g_autoptr(GString) string = g_string_new (NULL);

  if (**p != '"')
    return NULL;
  (*p)++;

  while (**p != '"')
    {
      guchar c = (guchar) **p;

      if (c == '\0' || c < 0x20)
        return NULL;

      if (c != '\\')
        {
          g_string_append_c (string, (char) c);
          (*p)++;
          continue;
        }

      (*p)++;
      switch (**p)
        {
        case '"': g_string_append_c (string, '"'); break;
        case '\\': g_string_append_c (string, '\\'); break;
        case '/': g_string_append_c (string, '/'); break;
        case 'b': g_string_append_c (string, '\b'); break;
        case 'f': g_string_append_c (string, '\f'); break;
        case 'n': g_string_append_c (string, '\n'); break;
        case 'r': g_string_append_c (string, '\r'); break;
        case 't': g_string_append_c (string, '\t'); break;
        case 'u':
          {
            gunichar value;

            (*p)++;
            if (!json_parse_hex4 (p, &value))
              return NULL;
            if (value >= 0xd800 && value < 0xdc00)
              {
                gunichar low;

                if ((*p)[0] != '\\' || (*p)[1] != 'u')
                  return NULL;
                *p += 2;
                if (!json_parse_hex4 (p, &low) || low < 0xdc00 || low > 0xdfff)
                  return NULL;
                value = 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00);
              }
            g_string_append_unichar (string, value);
            continue;
          }
        default:
          return NULL;
        }
      (*p)++;
    }
  (*p)++;

  if (!g_utf8_validate (string->str, string->len, NULL))
    return NULL;

  return g_string_free (g_steal_pointer (&string), FALSE);
}

static Json *
json_parse_container (const char **p,
                      JsonKind     kind)
{
  g_autoptr(Json) json = g_new0 (Json, 1);
  char close = kind == JSON_ARRAY ? ']' : '}';

  json->kind = kind;
  json->values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_free);
  if (kind == JSON_OBJECT)
    json->names = g_ptr_array_new_with_free_func (g_free);

  (*p)++;
  json_skip_space (p);
  if (**p == close)
    {
      (*p)++;
      return g_steal_pointer (&json);
    }

  for (;;)
    {
      Json *value;

      json_skip_space (p);
      if (kind == JSON_OBJECT)
        {
          char *name = json_parse_string (p);

          if (name == NULL)
            return NULL;
          g_ptr_array_add (json->names, name);
          json_skip_space (p);
          if (**p != ':')
            return NULL;
          (*p)++;
        }

      value = json_parse_value (p);
      if (value == NULL)
        return NULL;
      g_ptr_array_add (json->values, value);

      json_skip_space (p);
      if (**p == ',')
        {
          (*p)++;
          continue;
        }
      if (**p != close)
        return NULL;
      (*p)++;

      return g_steal_pointer (&json);
    }
}

static Json *
json_parse_value (const char **p)
{
  g_autoptr(Json) json = NULL;

  json_skip_space (p);

  if (**p == '{')
    return json_parse_container (p, JSON_OBJECT);
  if (**p == '[')
    return json_parse_container (p, JSON_ARRAY);

  json = g_new0 (Json, 1);
  if (**p == '"')
    {
      json->kind = JSON_STRING;
      json->string = json_parse_string (p);
      if (json->string == NULL)
        return NULL;
    }
  else if (g_str_has_prefix (*p, "null"))
    {
      json->kind = JSON_NULL;
      *p += 4;
    }
  else if (g_str_has_prefix (*p, "true") || g_str_has_prefix (*p, "false"))
    {
      json->kind = JSON_BOOLEAN;
      json->boolean = **p == 't';
      *p += json->boolean ? 4 : 5;
    }
  else if (**p == '-' || g_ascii_isdigit (**p))
    {
      char *end;

      /* The CLI writes counts only: plain integers, no leading zeros. */
      if ((**p == '0' && g_ascii_isdigit ((*p)[1])) || (**p == '-' && !g_ascii_isdigit ((*p)[1])))
        return NULL;
      json->kind = JSON_NUMBER;
      json->number = g_ascii_strtoll (*p, &end, 10);
      if (*end == '.' || *end == 'e' || *end == 'E')
        return NULL;
      *p = end;
    }
  else
    {
      return NULL;
    }

  return g_steal_pointer (&json);
}

/* Parses a whole document; NULL if it is not exactly one JSON value. */
static Json *
json_parse (const char *text)
{
  const char *p = text;
  g_autoptr(Json) json = json_parse_value (&p);

  if (json == NULL)
    return NULL;
  json_skip_space (&p);
  if (*p != '\0')
    return NULL;

  return g_steal_pointer (&json);
}

static Json *
json_member (Json       *object,
             const char *name)
{
  g_assert_nonnull (object);
  g_assert_cmpint (object->kind, ==, JSON_OBJECT);

  for (guint i = 0; i < object->names->len; i++)
    if (g_str_equal (g_ptr_array_index (object->names, i), name))
      return g_ptr_array_index (object->values, i);

  return NULL;
}

static gint64
json_member_number (Json       *object,
                    const char *name)
{
  Json *member = json_member (object, name);

  if (member == NULL)
    g_error ("JSON member “%s” is missing", name);
  g_assert_cmpint (member->kind, ==, JSON_NUMBER);

  return member->number;
}

static const char *
json_member_string (Json       *object,
                    const char *name)
{
  Json *member = json_member (object, name);

  if (member == NULL)
    g_error ("JSON member “%s” is missing", name);
  if (member->kind == JSON_NULL)
    return NULL;
  g_assert_cmpint (member->kind, ==, JSON_STRING);

  return member->string;
}

/* The element of @array whose member @key is the string @value. */
static Json *
json_find (Json       *array,
           const char *key,
           const char *value)
{
  g_assert_nonnull (array);
  g_assert_cmpint (array->kind, ==, JSON_ARRAY);

  for (guint i = 0; i < array->values->len; i++)
    {
      Json *element = g_ptr_array_index (array->values, i);
      Json *member = json_member (element, key);

      if (member != NULL && member->kind == JSON_STRING && g_str_equal (member->string, value))
        return element;
    }

  return NULL;
}

static guint
json_length (Json *array)
{
  g_assert_nonnull (array);
  g_assert_cmpint (array->kind, ==, JSON_ARRAY);

  return array->values->len;
}

static void
test_json_reader (void)
{
  g_autoptr(Json) good = json_parse ("{\"a\": [1, -2, {\"b\": null}], \"c\": \"\\u00e9\\ud83d\\ude00\\n\","
                                     " \"d\": true}");
  const char *bad[] = {
    "", "{", "{\"a\" 1}", "[1,]", "[1 2]", "{\"a\": 1} x", "\"\x01\"", "[01]", "[1.5]",
    "\"\\x\"", "{1: 2}", "nul",
  };

  g_assert_nonnull (good);
  g_assert_cmpstr (json_member_string (good, "c"), ==, "é😀\n");
  g_assert_cmpuint (json_length (json_member (good, "a")), ==, 3);
  g_assert_true (json_member (good, "d")->boolean);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(Json) json = json_parse (bad[i]);

      if (json != NULL)
        g_error ("accepted bad JSON: %s", bad[i]);
    }
}

/* Usage ------------------------------------------------------------------- */

static void
test_help (void)
{
  const char *commands[] = { "new", "validate", "stats" };

  {
    g_autoptr(CliResult) result = run_cli ("--help", NULL);

    g_assert_cmpint (result->status, ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
      g_assert_nonnull (strstr (result->out, commands[i]));
    g_assert_cmpstr (result->err, ==, "");
  }

  {
    g_autoptr(CliResult) result = run_cli ("--version", NULL);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpstr (result->out, ==, "chorus-cli " PACKAGE_VERSION "\n");
  }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CliResult) result = run_cli (commands[i], "--help", NULL);
      g_autofree char *usage = g_strdup_printf ("chorus-cli %s", commands[i]);

      g_assert_cmpint (result->status, ==, 0);
      g_assert_nonnull (strstr (result->out, usage));
    }

  {
    g_autoptr(CliResult) result = run_cli ("stats", "-h", NULL);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_nonnull (strstr (result->out, "--json"));
  }

  {
    g_autoptr(CliResult) result = run_cli ("help", "new", NULL);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_nonnull (strstr (result->out, "--consultation"));
  }
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

/* Every bad command line exits 2 with one line on stderr naming the problem. */
static void
test_usage_errors (void)
{
  g_autofree char *project = example_path ("trafford-staff-response.chorus");
  g_autofree char *consultation = example_path ("liberating-the-nhs.consultation.xml");
  struct {
    const char *args[6];
    const char *message;
  } cases[] = {
    { { NULL }, "COMMAND" },
    { { "export", "--format", "pdf", NULL }, "FILE.chorus is required" },
    { { "frobnicate", NULL }, "unknown command “frobnicate”" },
    { { "--frobnicate", NULL }, "--frobnicate" },
    { { "stats", "--frobnicate", project, NULL }, "--frobnicate" },
    { { "stats", NULL }, "no file given" },
    { { "stats", project, project, NULL }, "unexpected argument" },
    { { "validate", NULL }, "no file given" },
    { { "validate", "--json", project, NULL }, "--json" },
    { { "new", "-o", "out.chorus", NULL }, "--consultation" },
    { { "new", "--consultation", consultation, NULL }, "-o OUT.chorus" },
    { { "new", "--consultation", NULL }, "--consultation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_autoptr(CliResult) result = run_cli (a[0], a[1], a[2], a[3], a[4], NULL);

      g_assert_cmpint (result->status, ==, 2);
      g_assert_cmpstr (result->out, ==, "");
      if (strstr (result->err, cases[i].message) == NULL)
        g_error ("case %u: “%s” not in stderr: %s", i, cases[i].message, result->err);
      if (a[0] != NULL)
        {
          /* One line, starting with the program's name. */
          g_assert_true (g_str_has_prefix (result->err, "chorus-cli: "));
          g_assert_true (g_str_has_suffix (result->err, "\n"));
          g_assert_cmpuint (count_lines (result->err), ==, 1);
        }
    }
}

/* validate ---------------------------------------------------------------- */

static void
test_validate_examples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (example_files); i++)
    {
      g_autofree char *path = example_path (example_files[i]);
      g_autoptr(CliResult) result = run_cli ("validate", path, NULL);
      gboolean is_project = g_str_has_suffix (path, ".chorus");
      g_autofree char *prefix = g_strdup_printf ("%s: valid %s (", path,
                                                 is_project ? "project" : "consultation");

      g_assert_cmpint (result->status, ==, 0);
      g_assert_cmpstr (result->err, ==, "");
      g_assert_true (g_str_has_prefix (result->out, prefix));

      if (is_project)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
          g_autofree char *expected = NULL;

          g_assert_no_error (error);
          expected = g_strdup_printf ("%s: valid project (%u items)\n", path,
                                      g_list_model_get_n_items (chorus_project_get_items (project)));
          g_assert_cmpstr (result->out, ==, expected);
        }
    }

  /* Several at once. */
  {
    g_autofree char *a = example_path (example_files[0]);
    g_autofree char *b = example_path (example_files[1]);
    g_autofree char *c = example_path (example_files[2]);
    g_autoptr(CliResult) result = run_cli ("validate", a, b, c, NULL);
    g_auto(GStrv) lines = g_strsplit (result->out, "\n", -1);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
  }
}

/* Writes @contents to a scratch file and returns its path. */
static char *
write_scratch (Scratch    *scratch,
               const char *name,
               const char *contents)
{
  g_autofree char *path = scratch_file (scratch, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_validate_broken (Scratch       *scratch,
                      gconstpointer  data)
{
  g_autofree char *good = example_path ("liberating-the-nhs.consultation.xml");
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *contents = NULL;
  g_autofree char *not_xml = NULL;
  g_autofree char *bad_reference = NULL;
  g_autofree char *missing = scratch_file (scratch, "missing.chorus");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  GString *edited;
  const char *items, *attribute, *end;
  guint line = 1;

  /* Not well-formed: the tag on line 4 is never closed. */
  not_xml = write_scratch (scratch, "broken.consultation.xml",
                           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                           "<consultation xmlns=\"" CHORUS_CONSULTATION_NAMESPACE "\""
                           " version=\"1\" id=\"x\">\n"
                           "  <title>Broken</title>\n"
                           "  <document id=\"d\"\n");
  {
    g_autoptr(CliResult) result = run_cli ("validate", not_xml, NULL);
    g_autofree char *escaped = g_regex_escape_string (not_xml, -1);
    g_autofree char *pattern = g_strdup_printf ("^chorus-cli: %s:[0-9]+: .+\n$", escaped);

    g_assert_cmpint (result->status, ==, 1);
    g_assert_cmpstr (result->out, ==, "");
    g_assert_true (g_regex_match_simple (pattern, result->err, 0, 0));
  }

  /* Well-formed but with a reference to a group that does not exist: the
   * error names the line of the item. */
  g_file_get_contents (example, &contents, NULL, &error);
  g_assert_no_error (error);
  items = strstr (contents, "<items>");
  g_assert_nonnull (items);
  attribute = strstr (items, " group=\"");
  g_assert_nonnull (attribute);
  attribute += strlen (" group=\"");
  end = strchr (attribute, '"');
  for (const char *p = contents; p < attribute; p++)
    line += *p == '\n';
  edited = g_string_new_len (contents, attribute - contents);
  g_string_append (edited, "no-such-group");
  g_string_append (edited, end);
  bad_reference = write_scratch (scratch, "bad-reference.chorus", edited->str);
  g_string_free (edited, TRUE);

  {
    g_autoptr(CliResult) result = run_cli ("validate", good, bad_reference, NULL);

    g_assert_cmpint (result->status, ==, 1);
    /* The good file is still reported... */
    g_assert_true (g_str_has_prefix (result->out, good));
    /* ...and the bad one names its file and line. */
    expected = g_strdup_printf ("chorus-cli: %s:%u: ", bad_reference, line);
    g_assert_true (g_str_has_prefix (result->err, expected));
    g_assert_nonnull (strstr (result->err, "no-such-group"));
  }

  /* A file that is not there is bad input too. */
  {
    g_autoptr(CliResult) result = run_cli ("validate", missing, NULL);

    g_assert_cmpint (result->status, ==, 1);
    g_assert_nonnull (strstr (result->err, missing));
  }

  {
    g_autoptr(CliResult) result = run_cli ("stats", bad_reference, NULL);

    g_assert_cmpint (result->status, ==, 1);
    g_assert_true (g_str_has_prefix (result->err, expected));
  }

  /* stats wants a project, not a consultation. */
  {
    g_autoptr(CliResult) result = run_cli ("stats", good, NULL);

    g_assert_cmpint (result->status, ==, 1);
    g_assert_nonnull (strstr (result->err, good));
  }
}

/* Every file of tests/data/invalid and a few hostile ones: each exits 1
 * with one line naming the file and, for these, the line. */
static void
test_validate_invalid_data (void)
{
  g_autofree char *invalid_dir = g_test_build_filename (G_TEST_DIST, "data", "invalid", NULL);
  g_autoptr(GDir) dir = g_dir_open (invalid_dir, 0, NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *hostile[] = { "wrong-root.chorus", "truncated.chorus", "unknown-theme.chorus" };
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (invalid_dir, name, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    g_ptr_array_add (paths, g_test_build_filename (G_TEST_DIST, "data", "hostile", hostile[i], NULL));
  g_assert_cmpuint (paths->len, >, G_N_ELEMENTS (hostile));

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(CliResult) result = run_cli ("validate", path, NULL);
      g_autofree char *escaped = g_regex_escape_string (path, -1);
      g_autofree char *pattern = g_strdup_printf ("^chorus-cli: %s:[0-9]+: [^\n]+\n$", escaped);

      g_assert_cmpint (result->status, ==, 1);
      g_assert_cmpstr (result->out, ==, "");
      if (!g_regex_match_simple (pattern, result->err, 0, 0))
        g_error ("unexpected error for %s: %s", path, result->err);
    }
}

/* new --------------------------------------------------------------------- */

static void
test_new (Scratch       *scratch,
          gconstpointer  data)
{
  g_autofree char *consultation = example_path ("liberating-the-nhs.consultation.xml");
  g_autofree char *output = scratch_file (scratch, "new.chorus");
  g_autofree char *missing = scratch_file (scratch, "missing.consultation.xml");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  const char *organisation = "NHS “Trafford” \\ Partners\tLtd";

  {
    g_autoptr(CliResult) result = run_cli ("new", "--consultation", consultation,
                                           "--organisation", organisation, "-o", output, NULL);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpstr (result->err, ==, "");
  }

  {
    g_autoptr(CliResult) result = run_cli ("validate", output, NULL);
    g_autofree char *expected = g_strdup_printf ("%s: valid project (0 items)\n", output);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpstr (result->out, ==, expected);
  }

  {
    g_autoptr(ChorusProject) project = chorus_project_load_file (output, &error);
    g_autoptr(ChorusConsultation) original = chorus_consultation_load_file (consultation, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (chorus_project_get_organisation (project), ==, organisation);
    g_assert_cmpstr (chorus_consultation_get_id (chorus_project_get_consultation (project)), ==,
                     chorus_consultation_get_id (original));
    g_assert_cmpuint (chorus_consultation_get_n_questions (chorus_project_get_consultation (project)), ==,
                      chorus_consultation_get_n_questions (original));
  }

  /* The organisation's quotes, backslash and tab survive JSON escaping. */
  {
    g_autoptr(CliResult) result = run_cli ("stats", "--json", output, NULL);
    g_autoptr(Json) json = json_parse (result->out);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_nonnull (json);
    g_assert_cmpstr (json_member_string (json, "organisation"), ==, organisation);
    g_assert_cmpint (json_member_number (json, "items"), ==, 0);
    g_assert_cmpuint (json_length (json_member (json, "themes")), ==, 0);
  }

  /* Never overwrite someone's project by accident. */
  g_file_get_contents (output, &before, NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CliResult) result = run_cli ("new", "--consultation", consultation,
                                           "-o", output, NULL);

    g_assert_cmpint (result->status, ==, 1);
    g_assert_nonnull (strstr (result->err, output));
    g_assert_nonnull (strstr (result->err, "--force"));
  }
  g_file_get_contents (output, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, ==, after);

  {
    g_autoptr(CliResult) result = run_cli ("new", "--consultation", consultation,
                                           "-o", output, "--force", NULL);
    g_autoptr(ChorusProject) project = NULL;

    g_assert_cmpint (result->status, ==, 0);
    project = chorus_project_load_file (output, &error);
    g_assert_no_error (error);
    /* No organisation given: the project has none (the model's unset is ""). */
    g_assert_cmpstr (chorus_project_get_organisation (project), ==, "");
  }

  /* A consultation that cannot be read is bad input, and nothing is written. */
  {
    g_autofree char *other = scratch_file (scratch, "other.chorus");
    g_autoptr(CliResult) result = run_cli ("new", "--consultation", missing, "-o", other, NULL);

    g_assert_cmpint (result->status, ==, 1);
    g_assert_nonnull (strstr (result->err, missing));
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
}

/* stats ------------------------------------------------------------------- */

static GHashTable *
read_expected_counts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "example-counts.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *equals = strchr (lines[i], '=');

      if (lines[i][0] == '#' || equals == NULL)
        continue;
      *equals = '\0';
      g_hash_table_insert (counts, g_strdup (g_strstrip (lines[i])),
                           GUINT_TO_POINTER (g_ascii_strtoull (equals + 1, NULL, 10)));
    }

  return counts;
}

/* The count of @id in the JSON array @name, where elements are keyed by "id". */
static gint64
json_count (Json       *json,
            const char *name,
            const char *id)
{
  Json *element = json_find (json_member (json, name), "id", id);

  if (element == NULL)
    g_error ("no “%s” in the JSON array “%s”", id, name);

  return json_member_number (element, "count");
}

static void
test_stats_json (void)
{
  g_autofree char *path = example_path ("trafford-staff-response.chorus");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  g_autoptr(CliResult) result = NULL;
  g_autoptr(Json) json = NULL;
  g_autoptr(GHashTable) expected = read_expected_counts ();
  ChorusStats *stats;
  ChorusConsultation *consultation;
  GListModel *list;
  GHashTableIter iter;
  gpointer key, value;
  guint checked = 0;
  gint64 total;

  g_assert_no_error (error);
  stats = chorus_project_get_stats (project);
  consultation = chorus_project_get_consultation (project);

  result = run_cli ("stats", "--json", path, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
  json = json_parse (result->out);
  g_assert_nonnull (json);

  /* Scripts may grep as well as parse: the layout is part of the contract. */
  {
    g_autofree char *items_line = g_strdup_printf ("\n  \"items\": %u,\n",
                                                   chorus_stats_get_n_items (stats));

    g_assert_true (g_str_has_prefix (result->out, "{\n  \"file\": "));
    g_assert_nonnull (strstr (result->out, items_line));
  }

  g_assert_cmpstr (json_member_string (json, "file"), ==, path);
  g_assert_cmpstr (json_member_string (json_member (json, "consultation"), "id"), ==,
                   chorus_consultation_get_id (consultation));
  g_assert_cmpstr (json_member_string (json_member (json, "consultation"), "title"), ==,
                   chorus_consultation_get_title (consultation));
  g_assert_cmpstr (json_member_string (json, "organisation"), ==,
                   chorus_project_get_organisation (project));

  /* Against the library. */
  g_assert_cmpint (json_member_number (json, "items"), ==, chorus_stats_get_n_items (stats));
  g_assert_cmpint (json_member_number (json, "codings"), ==, chorus_stats_get_n_codings (stats));
  g_assert_cmpint (json_member_number (json, "coded_items"), ==,
                   chorus_stats_get_n_coded_items (stats));
  g_assert_cmpint (json_member_number (json, "items_without_group"), ==,
                   chorus_stats_count_group (stats, NULL));
  g_assert_cmpint (json_member_number (json, "items_without_activity"), ==,
                   chorus_stats_count_activity (stats, NULL));

  list = G_LIST_MODEL (chorus_project_get_codebook (project));
  g_assert_cmpuint (json_length (json_member (json, "themes")), ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (list, i);
      Json *element = g_ptr_array_index (json_member (json, "themes")->values, i);

      /* Codebook order. */
      g_assert_cmpstr (json_member_string (element, "id"), ==, chorus_theme_get_id (theme));
      g_assert_cmpstr (json_member_string (element, "name"), ==, chorus_theme_get_name (theme));
      g_assert_cmpstr (json_member_string (element, "parent"), ==, chorus_theme_get_parent_id (theme));
      g_assert_cmpint (json_member_number (element, "count"), ==,
                       chorus_stats_count_theme (stats, chorus_theme_get_id (theme)));
    }

  list = chorus_project_get_groups (project);
  g_assert_cmpuint (json_length (json_member (json, "groups")), ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (list, i);
      Json *element = json_find (json_member (json, "groups"), "id", chorus_group_get_id (group));

      g_assert_nonnull (element);
      g_assert_cmpstr (json_member_string (element, "name"), ==, chorus_group_get_name (group));
      g_assert_cmpint (json_member (element, "partner")->boolean, ==, chorus_group_get_partner (group));
      g_assert_cmpint (json_member_number (element, "count"), ==,
                       chorus_stats_count_group (stats, chorus_group_get_id (group)));
    }

  list = chorus_project_get_activities (project);
  g_assert_cmpuint (json_length (json_member (json, "activities")), ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ChorusActivity) activity = g_list_model_get_item (list, i);
      const char *id = chorus_activity_get_id (activity);
      Json *element = json_find (json_member (json, "activities"), "id", id);

      g_assert_nonnull (element);
      g_assert_cmpstr (json_member_string (element, "kind"), ==,
                       chorus_activity_kind_to_string (chorus_activity_get_kind (activity)));
      g_assert_cmpint (json_member_number (element, "count"), ==,
                       chorus_stats_count_activity (stats, id));
    }

  total = 0;
  for (guint s = 0; s < CHORUS_N_STANCES; s++)
    {
      gint64 count = json_member_number (json_member (json, "stances"), chorus_stance_to_string (s));

      g_assert_cmpint (count, ==, chorus_stats_count_stance (stats, s));
      total += count;
    }
  g_assert_cmpint (total, ==, chorus_stats_get_n_items (stats));

  list = chorus_consultation_get_questions (consultation);
  g_assert_cmpuint (json_length (json_member (json, "questions")), ==, g_list_model_get_n_items (list));
  total = 0;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ChorusQuestion) question = g_list_model_get_item (list, i);
      const char *id = chorus_question_get_id (question);
      ChorusSection *section = chorus_question_get_section (question);
      Json *element = g_ptr_array_index (json_member (json, "questions")->values, i);

      /* Document order. */
      g_assert_cmpstr (json_member_string (element, "id"), ==, id);
      g_assert_cmpstr (json_member_string (element, "number"), ==, chorus_question_get_number (question));
      g_assert_cmpstr (json_member_string (element, "section"), ==, chorus_section_get_id (section));
      g_assert_cmpstr (json_member_string (element, "document"), ==,
                       chorus_document_get_id (chorus_section_get_document (section)));
      g_assert_cmpint (json_member_number (element, "count"), ==, chorus_stats_count_question (stats, id));
      g_assert_cmpstr (json_member_string (element, "status"), ==,
                       chorus_draft_status_to_string (chorus_project_get_answer_status (project, id)));
      for (guint s = 0; s < CHORUS_N_STANCES; s++)
        g_assert_cmpint (json_member_number (json_member (element, "stances"), chorus_stance_to_string (s)), ==,
                         chorus_stats_count_question_stance (stats, id, s));
      total += json_member_number (element, "count");
    }
  g_assert_cmpint (total, ==, chorus_stats_get_n_items (stats));

  total = 0;
  for (guint s = 0; s < CHORUS_N_DRAFT_STATUSES; s++)
    {
      gint64 count = json_member_number (json_member (json, "coverage"),
                                         chorus_draft_status_to_string (s));

      g_assert_cmpint (count, ==, chorus_stats_count_status (stats, s));
      total += count;
    }
  g_assert_cmpint (total, ==, chorus_consultation_get_n_questions (consultation));

  list = chorus_consultation_get_documents (consultation);
  g_assert_cmpuint (json_length (json_member (json, "documents")), ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(ChorusDocument) document = g_list_model_get_item (list, i);
      const char *id = chorus_document_get_id (document);
      Json *element = g_ptr_array_index (json_member (json, "documents")->values, i);
      gint64 questions = json_member_number (element, "questions");

      g_assert_cmpstr (json_member_string (element, "id"), ==, id);
      total = 0;
      for (guint s = 0; s < CHORUS_N_DRAFT_STATUSES; s++)
        {
          gint64 count = json_member_number (json_member (element, "coverage"),
                                             chorus_draft_status_to_string (s));

          g_assert_cmpint (count, ==, chorus_stats_count_document_status (stats, id, s));
          total += count;
        }
      g_assert_cmpint (total, ==, questions);
    }

  {
    Json *theme_groups = json_member (json, "theme_groups");

    for (guint i = 0; i < json_length (theme_groups); i++)
      {
        Json *element = g_ptr_array_index (theme_groups->values, i);
        gint64 count = json_member_number (element, "count");

        g_assert_cmpint (count, >, 0);
        g_assert_cmpint (count, ==,
                         chorus_stats_count_theme_group (stats, json_member_string (element, "theme"),
                                                         json_member_string (element, "group")));
      }
  }

  /* Against the counts made independently of libchorus. */
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *name = key;
      gint64 want = GPOINTER_TO_UINT (value);
      g_auto(GStrv) parts = g_strsplit (name, ".", 2);
      gint64 got;

      if (g_str_equal (name, "items") || g_str_equal (name, "codings")
          || g_str_equal (name, "coded_items"))
        got = json_member_number (json, name);
      else if (g_str_equal (parts[0], "stance"))
        got = json_member_number (json_member (json, "stances"), parts[1]);
      else if (g_str_equal (parts[0], "status"))
        got = json_member_number (json_member (json, "coverage"), parts[1]);
      else if (g_str_equal (parts[0], "group"))
        got = json_count (json, "groups", parts[1]);
      else if (g_str_equal (parts[0], "activity"))
        got = json_count (json, "activities", parts[1]);
      else if (g_str_equal (parts[0], "theme"))
        got = json_count (json, "themes", parts[1]);
      else if (g_str_equal (parts[0], "question"))
        got = json_count (json, "questions", parts[1]);
      else
        continue;

      if (got != want)
        g_error ("%s: chorus-cli stats --json says %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 name, got, want);
      checked++;
    }

  g_assert_true (g_hash_table_contains (expected, "items"));
  g_assert_cmpuint (checked, >, 20);
}

static void
test_stats_human (void)
{
  g_autofree char *path = example_path ("trafford-staff-response.chorus");
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);
  g_autoptr(CliResult) result = run_cli ("stats", path, NULL);
  const char *headings[] = {
    "\nItems\n", "\nThemes\n", "\nGroups\n", "\nActivities\n", "\nStance\n", "\nQuestions\n",
    "\nCoverage",
  };
  GListModel *themes;
  GListModel *groups;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_nonnull (strstr (result->out, headings[i]));

  themes = G_LIST_MODEL (chorus_project_get_codebook (project));
  g_assert_cmpuint (g_list_model_get_n_items (themes), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (themes); i++)
    {
      g_autoptr(ChorusTheme) theme = g_list_model_get_item (themes, i);

      if (strstr (result->out, chorus_theme_get_name (theme)) == NULL)
        g_error ("theme “%s” missing from the output", chorus_theme_get_name (theme));
    }

  groups = chorus_project_get_groups (project);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(ChorusGroup) group = g_list_model_get_item (groups, i);

      g_assert_nonnull (strstr (result->out, chorus_group_get_name (group)));
    }

  /* Tidy: no line ends in spaces. */
  lines = g_strsplit (result->out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_false (g_str_has_suffix (lines[i], " "));
}

/* export, chart, import ------------------------------------------------------ */

static gboolean
file_starts_with (const char *path,
                  const char *prefix,
                  gsize       length)
{
  g_autofree char *contents = NULL;
  gsize size = 0;

  if (!g_file_get_contents (path, &contents, &size, NULL))
    return FALSE;

  return size >= length && memcmp (contents, prefix, length) == 0;
}

static int
run_xmllint_relaxng (const char *schema,
                     const char *path)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              "xmllint", "--noout", "--relaxng", schema, path, NULL);
  if (process == NULL)
    {
      g_test_skip ("xmllint is not installed");
      return -1;
    }
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  return g_subprocess_get_exit_status (process);
}

static gint64
count_items_with_stats (const char *path)
{
  g_autoptr(CliResult) result = run_cli ("stats", "--json", path, NULL);
  g_autoptr(Json) json = NULL;

  g_assert_cmpint (result->status, ==, 0);
  json = json_parse (result->out);
  g_assert_nonnull (json);
  return json_member_number (json, "items");
}

/* The three exports write valid files; the XML passes its schema; a path that cannot be
 * written fails with a message naming it and leaves nothing behind. */
static void
test_export (Scratch       *scratch,
             gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *pdf = scratch_file (scratch, "response.pdf");
  g_autofree char *xml = scratch_file (scratch, "response.xml");
  g_autofree char *csv = scratch_file (scratch, "input.csv");
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "resources", "schemas",
                                                   "submission.rng", NULL);
  g_autofree char *unwritable = scratch_file (scratch, "no-such-folder/response.pdf");
  g_autoptr(CliResult) result = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (example, &error);
  guint n_published = 0;
  guint n_rows = 0;
  GListModel *items;
  int status;

  g_assert_no_error (error);

  result = run_cli ("export", "--format", "pdf", "-o", pdf, example, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpstr (result->err, ==, "");
  g_assert_true (file_starts_with (pdf, "%PDF-", 5));
  g_clear_pointer (&result, cli_result_free);

  result = run_cli ("export", "--format", "xml", "--include-input", "-o", xml, example, NULL);
  g_assert_cmpint (result->status, ==, 0);
  status = run_xmllint_relaxng (schema, xml);
  if (status >= 0)
    g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&result, cli_result_free);

  /* One row per published item, plus the header; cells with line breaks are quoted, so
   * count records, not lines. */
  result = run_cli ("export", "--format", "csv", "-o", csv, example, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  {
    gboolean quoted = FALSE;

    for (const char *p = contents; *p != '\0'; p++)
      {
        if (*p == '"')
          quoted = !quoted;
        else if (*p == '\n' && !quoted)
          n_rows++;
      }
  }
  items = chorus_project_get_items (project);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(ChorusItem) item = g_list_model_get_item (items, i);

      n_published += chorus_item_get_publish (item);
    }
  g_assert_cmpuint (n_rows, ==, n_published + 1);
  g_clear_pointer (&result, cli_result_free);

  result = run_cli ("export", "--format", "pdf", "-o", unwritable, example, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "response.pdf"));
  g_assert_false (g_file_test (unwritable, G_FILE_TEST_EXISTS));
  g_clear_pointer (&result, cli_result_free);

  result = run_cli ("export", "--format", "docx", "-o", pdf, example, NULL);
  g_assert_cmpint (result->status, ==, 2);
}

/* Each chart kind in each format; a wrong extension or kind is a usage error. */
static void
test_chart (Scratch       *scratch,
            gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  const char *kinds[] = { "themes", "stance", "coverage", "heatmap" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (example, &error);
  g_autoptr(CliResult) result = NULL;

  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *png = g_strdup_printf ("%s/%s.png", scratch->path, kinds[k]);
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", scratch->path, kinds[k]);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", scratch->path, kinds[k]);
      g_autoptr(CliResult) png_result = run_cli ("chart", "--kind", kinds[k], "-o", png, example, NULL);
      g_autoptr(CliResult) svg_result = run_cli ("chart", "--kind", kinds[k], "-o", svg, example, NULL);
      g_autoptr(CliResult) pdf_result = run_cli ("chart", "--kind", kinds[k], "--dark", "-o", pdf,
                                                 example, NULL);

      g_assert_cmpint (png_result->status, ==, 0);
      g_assert_cmpint (svg_result->status, ==, 0);
      g_assert_cmpint (pdf_result->status, ==, 0);
      g_assert_true (file_starts_with (png, "\x89PNG\r\n\x1a\n", 8));
      g_assert_true (file_starts_with (pdf, "%PDF-", 5));
      g_assert_true (file_starts_with (svg, "<?xml", 5));
    }

  /* The SVG of the themes chart names the themes it draws (text is kept as text). */
  {
    g_autofree char *svg = g_strdup_printf ("%s/themes.svg", scratch->path);
    g_autofree char *contents = NULL;
    g_autoptr(ChorusChart) chart = chorus_chart_new (CHORUS_CHART_KIND_THEMES, project);
    g_autoptr(ChorusChartTable) table = chorus_chart_get_table (chart);

    g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "Input by theme"));
    g_assert_cmpuint (chorus_chart_table_get_n_rows (table), >, 0);
  }

  result = run_cli ("chart", "--kind", "themes", "-o", "chart.jpg", example, NULL);
  g_assert_cmpint (result->status, ==, 2);
  g_clear_pointer (&result, cli_result_free);
  result = run_cli ("chart", "--kind", "pie", "-o", "chart.png", example, NULL);
  g_assert_cmpint (result->status, ==, 2);
  g_clear_pointer (&result, cli_result_free);
  result = run_cli ("chart", "--kind", "themes", "--group", "no-such-group", "-o", "chart.png",
                    example, NULL);
  g_assert_cmpint (result->status, ==, 1);
  g_assert_nonnull (strstr (result->err, "no-such-group"));
}

/* Importing a survey adds its answers; importing it again with --skip-duplicates adds none;
 * merging a colleague's copy adds what they added. */
static void
test_import_and_merge (Scratch       *scratch,
                       gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *survey = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                   "survey-staff.csv", NULL);
  g_autofree char *notes = g_test_build_filename (G_TEST_DIST, "data", "import",
                                                  "focus-group-1.md", NULL);
  g_autofree char *imported = scratch_file (scratch, "imported.chorus");
  g_autofree char *again = scratch_file (scratch, "again.chorus");
  g_autofree char *with_notes = scratch_file (scratch, "notes.chorus");
  g_autofree char *merged = scratch_file (scratch, "merged.chorus");
  g_autoptr(CliResult) result = NULL;
  gint64 before = count_items_with_stats (example);
  gint64 after_csv, after_notes;

  result = run_cli ("import-csv", "--group", "Staff", "--activity", "Online staff survey",
                    "-o", imported, example, survey, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_nonnull (strstr (result->out, "rows read"));
  after_csv = count_items_with_stats (imported);
  g_assert_cmpint (after_csv, >, before);
  g_clear_pointer (&result, cli_result_free);

  result = run_cli ("import-csv", "--group", "Staff", "--activity", "Online staff survey",
                    "--skip-duplicates", "-o", again, imported, survey, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpint (count_items_with_stats (again), ==, after_csv);
  g_clear_pointer (&result, cli_result_free);

  result = run_cli ("import-notes", "--group", "Staff", "--activity", "Focus group 1",
                    "-o", with_notes, example, notes, NULL);
  g_assert_cmpint (result->status, ==, 0);
  after_notes = count_items_with_stats (with_notes);
  g_assert_cmpint (after_notes, >, before);
  g_clear_pointer (&result, cli_result_free);

  /* Both colleagues started from the example: the merge holds both sets of additions. */
  result = run_cli ("merge", "-o", merged, imported, with_notes, NULL);
  g_assert_cmpint (result->status, ==, 0);
  g_assert_cmpint (count_items_with_stats (merged), ==,
                   before + (after_csv - before) + (after_notes - before));
  g_clear_pointer (&result, cli_result_free);

  /* Another consultation is refused. */
  {
    g_autofree char *essex = example_path ("patient-led-nhs-essex.consultation.xml");
    g_autofree char *other = scratch_file (scratch, "essex.chorus");
    g_autofree char *refused = scratch_file (scratch, "refused.chorus");
    g_autoptr(CliResult) created = run_cli ("new", "--consultation", essex, "-o", other, NULL);

    g_assert_cmpint (created->status, ==, 0);
    result = run_cli ("merge", "-o", refused, example, other, NULL);
    g_assert_cmpint (result->status, ==, 1);
    g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/json-reader", test_json_reader);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/validate/examples", test_validate_examples);
  g_test_add ("/cli/validate/broken", Scratch, NULL,
              scratch_setup, test_validate_broken, scratch_teardown);
  g_test_add_func ("/cli/validate/invalid-data", test_validate_invalid_data);
  g_test_add ("/cli/new", Scratch, NULL, scratch_setup, test_new, scratch_teardown);
  g_test_add_func ("/cli/stats/json", test_stats_json);
  g_test_add_func ("/cli/stats/human", test_stats_human);
  g_test_add ("/cli/export", Scratch, NULL, scratch_setup, test_export, scratch_teardown);
  g_test_add ("/cli/chart", Scratch, NULL, scratch_setup, test_chart, scratch_teardown);
  g_test_add ("/cli/import-and-merge", Scratch, NULL,
              scratch_setup, test_import_and_merge, scratch_teardown);

  return g_test_run ();
}
