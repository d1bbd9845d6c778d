/* test-cli.c — chorus-cli as users and scripts meet it: exit statuses, messages, output
 *
 * The CLI runs in a subprocess (CHORUS_CLI names it); its counts are checked
 * against libchorus, linked here, and against tests/data/example-counts.txt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
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

static CliResult *
run_argv (GPtrArray *args)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  CliResult *result = g_new0 (CliResult, 1);

  g_ptr_array_add (args, NULL);
  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  result->status = g_subprocess_get_exit_status (process);

  g_test_message ("%s %s… exited %d\nstdout: %s\nstderr: %s",
                  (const char *) args->pdata[0], args->len > 2 ? (const char *) args->pdata[1] : "",
                  result->status, result->out, result->err);

  return result;
}

/* Runs @program with the NULL-terminated arguments. */
static CliResult *
run_program (const char *program,
             const char *first_arg,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) program);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);

  return run_argv (args);
}

/* Runs chorus-cli with the NULL-terminated arguments. */
static CliResult *
run_cli (const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *cli = g_getenv ("CHORUS_CLI");
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (args, (gpointer) cli);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);

  return run_argv (args);
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
  const char *commands[] = {
    "new", "validate", "stats", "export", "chart", "import-csv", "import-notes", "merge",
  };

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
    { { "exports", "--format", "pdf", NULL }, "unknown command “exports”" },
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

/* import-csv, import-notes, merge ----------------------------------------- */

static char *
import_data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "import", name, NULL);
}

static guint
n_project_items (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (path, &error);

  g_assert_no_error (error);

  return g_list_model_get_n_items (chorus_project_get_items (project));
}

/* "items" of "chorus-cli stats --json PATH", the number users script against. */
static gint64
stats_n_items (const char *path)
{
  g_autoptr(CliResult) result = run_cli ("stats", "--json", path, NULL);
  g_autoptr(Json) json = NULL;

  g_assert_cmpint (result->status, ==, 0);
  json = json_parse (result->out);
  g_assert_nonnull (json);

  return json_member_number (json, "items");
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

/* One line on stderr, starting with the program's name, nothing on stdout. */
static void
assert_one_error_line (CliResult  *result,
                       int         status,
                       const char *message)
{
  g_assert_cmpint (result->status, ==, status);
  g_assert_true (g_str_has_prefix (result->err, "chorus-cli: "));
  g_assert_cmpuint (count_lines (result->err), ==, 1);
  assert_contains (result->err, message);
}

static void
test_import_csv (Scratch       *scratch,
                 gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *survey = import_data_path ("survey-staff.csv");
  g_autofree char *output = scratch_file (scratch, "imported.chorus");
  guint n_example = n_project_items (example);

  /* The example's survey group and activity, by name as the window shows them. */
  {
    g_autoptr(CliResult) result = run_cli ("import-csv", "--group", "staff", "--activity",
                                           "Online staff survey", "-o", output, example, survey,
                                           NULL);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpstr (result->err, ==, "");
    assert_contains (result->out, "Columns of survey-staff.csv:\n");
    assert_contains (result->out, "→ respondent id, not imported\n");
    assert_contains (result->out, "survey-staff.csv: 10 rows read, 28 items created\n");
    /* 14 answers of the survey are in the example already (seed 004 quotes them). */
    assert_contains (result->out, "--skip-duplicates");
    g_assert_null (strstr (result->out, "Created group"));
    g_assert_cmpint (stats_n_items (output), ==, n_example + 28);
  }

  /* Importing the same file again with --skip-duplicates adds nothing. */
  {
    g_autoptr(CliResult) result = run_cli ("import-csv", "--group", "Staff", "--activity",
                                           "online-staff-survey", "--skip-duplicates",
                                           "-o", output, output, survey, NULL);

    g_assert_cmpint (result->status, ==, 0);
    assert_contains (result->out, "10 rows read, 0 items created\n");
    assert_contains (result->out, "28 duplicates already in the project");
    g_assert_cmpint (stats_n_items (output), ==, n_example + 28);
  }

  /* A group and an activity that do not exist yet are created, and the output says so. */
  {
    g_autoptr(CliResult) result = run_cli ("import-csv", "--group", "Night shift", "--activity",
                                           "Winter pulse survey", "--skip-duplicates", "-o",
                                           output, output, survey, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(ChorusProject) project = NULL;
    ChorusGroup *group;
    ChorusActivity *activity;

    g_assert_cmpint (result->status, ==, 0);
    assert_contains (result->out, "Created group “Night shift” (night-shift)\n");
    assert_contains (result->out,
                     "Created activity “Winter pulse survey”, Online survey (winter-pulse-survey)\n");
    /* Duplicates are per question, group and activity: a new group's answers are new. */
    assert_contains (result->out, "10 rows read, 28 items created\n");

    project = chorus_project_load_file (output, &error);
    g_assert_no_error (error);
    group = chorus_project_find_group (project, "night-shift");
    activity = chorus_project_find_activity (project, "winter-pulse-survey");
    g_assert_nonnull (group);
    g_assert_nonnull (activity);
    g_assert_cmpint (chorus_activity_get_kind (activity), ==, CHORUS_ACTIVITY_KIND_ONLINE_SURVEY);
  }

  /* --map moves a column; --dry-run writes nothing. */
  {
    g_autofree char *dry = scratch_file (scratch, "dry.chorus");
    g_autoptr(CliResult) result = run_cli ("import-csv", "--group", "Staff", "--activity",
                                           "Online staff survey", "--map", "Team=c-q1",
                                           "--map", "10=ignore", "--dry-run", "-o", dry,
                                           example, survey, NULL);

    g_assert_cmpint (result->status, ==, 0);
    assert_contains (result->out, "Team                                  → Q1 [c-q1]");
    assert_contains (result->out, "(as given)");
    assert_contains (result->out, "Any other comments                    → ignored\n");
    g_assert_false (g_file_test (dry, G_FILE_TEST_EXISTS));
  }
}

static void
test_import_csv_errors (Scratch       *scratch,
                        gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *survey = import_data_path ("survey-staff.csv");
  g_autofree char *unterminated = write_scratch (scratch, "unterminated.csv",
                                                 "Q1. Capacity,Q2) Providers\r\n"
                                                 "fine,fine\r\n"
                                                 "\"never closed,no\r\n"
                                                 "more,text\r\n");
  g_autofree char *ragged = write_scratch (scratch, "ragged.csv",
                                           "Q1. Capacity,Q2) Providers,Team\n"
                                           "yes,no,HR\n"
                                           "short,row\n");
  g_autofree char *output = scratch_file (scratch, "out.chorus");
  g_autofree char *existing = write_scratch (scratch, "existing.chorus", "someone's work");
  g_autofree char *missing = scratch_file (scratch, "no such survey.csv");
  /* The path as given, once, as the project loader says it. */
  g_autofree char *missing_message = g_strdup_printf ("%s: could not be read: No such file or "
                                                      "directory", missing);
  struct {
    const char *args[8];
    int status;
    const char *message;
  } cases[] = {
    { { "--group", "G", "--activity", "A", "-o", output, example, missing }, 1, missing_message },
    { { "--activity", "A", "-o", output, example, survey }, 2, "--group and --activity" },
    { { "--group", "G", "--activity", "A", example, survey }, 2, "-o OUT.chorus" },
    { { "--group", "G", "--activity", "A", "-o", output, example }, 2, "SURVEY.csv" },
    { { "--group", "G", "--activity", "A", "--map", "Team" }, 2, "COLUMN=QUESTION" },
    { { "--group", "G", "--activity", "A", "--map", "Team=Q99" }, 1, "no question “Q99”" },
    { { "--group", "G", "--activity", "A", "--map", "Nope=c-q1" }, 1, "no column “Nope”" },
    /* Every document of the example numbers its questions from Q1. */
    { { "--group", "G", "--activity", "A", "--map", "Team=Q1" },
      1, "3 questions are numbered “Q1”; give the question’s id" },
    { { "--group", "G", "--activity", "A", "-o", output, example, unterminated },
      1, "unterminated.csv:3: unterminated quoted cell" },
    { { "--group", "G", "--activity", "A", "-o", output, example, ragged },
      1, "ragged.csv:3: this row has 2 cells but the header has 3" },
    { { "--group", "G", "--activity", "A", "-o", existing, example, survey },
      1, "already exists; use --force" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_autoptr(CliResult) result = NULL;

      /* The --map cases need the two files after the options. */
      if (a[6] == NULL && a[4] != NULL && g_str_equal (a[4], "--map"))
        result = run_cli ("import-csv", a[0], a[1], a[2], a[3], a[4], a[5], "-o", output,
                          example, survey, NULL);
      else
        result = run_cli ("import-csv", a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);

      assert_one_error_line (result, cases[i].status, cases[i].message);
      /* Nothing partial: a failed import writes no project. */
      g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
    }

  /* Ragged rows go in when the user accepts them. */
  {
    g_autoptr(CliResult) result = run_cli ("import-csv", "--group", "Staff", "--activity",
                                           "Online staff survey", "--accept-ragged", "-o", output,
                                           example, ragged, NULL);

    g_assert_cmpint (result->status, ==, 0);
    assert_contains (result->out, "2 rows read, 4 items created\n");
  }
}

/* The three focus groups' notes of seed 004, one activity each. */
static void
test_import_notes (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *output = scratch_file (scratch, "notes.chorus");
  const char *files[] = { "focus-group-1.md", "focus-group-2.txt", "focus-group-3.txt" };
  guint n_items = n_project_items (example);
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *notes = import_data_path (files[i]);
      g_autofree char *activity = g_strdup_printf ("Focus group %u", i + 1);
      g_autofree char *created = g_strdup_printf ("Created activity “%s”, Focus group", activity);
      g_autoptr(CliResult) result = run_cli ("import-notes", "--group", "Staff", "--activity",
                                             activity, "-o", output,
                                             i == 0 ? example : output, notes, NULL);
      const char *report;
      guint n_read, n_created;

      g_assert_cmpint (result->status, ==, 0);
      g_assert_cmpstr (result->err, ==, "");
      assert_contains (result->out, created);
      assert_contains (result->out, "Questions in ");

      /* "FILE: N bullets and paragraphs read, M items created" */
      report = strstr (result->out, " bullets and paragraphs read, ");
      g_assert_nonnull (report);
      while (report > result->out && report[-1] != ' ')
        report--;
      g_assert_cmpint (sscanf (report, "%u bullets and paragraphs read, %u items created",
                               &n_read, &n_created), ==, 2);
      g_assert_cmpuint (n_created, >, 0);
      g_assert_cmpuint (n_created, <=, n_read);
      n_items += n_created;
      g_assert_cmpint (stats_n_items (output), ==, n_items);

      /* Again, skipping duplicates: nothing new. */
      {
        g_autoptr(CliResult) again = run_cli ("import-notes", "--group", "Staff", "--activity",
                                              activity, "--skip-duplicates", "-o", output,
                                              output, notes, NULL);
        g_autofree char *none = g_strdup_printf ("%u bullets and paragraphs read, 0 items created",
                                                 n_read);

        g_assert_cmpint (again->status, ==, 0);
        assert_contains (again->out, none);
        g_assert_cmpint (stats_n_items (output), ==, n_items);
      }
    }

  /* Each session's input is under its own activity. */
  project = chorus_project_load_file (output, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *id = g_strdup_printf ("focus-group-%u", i + 1);

      g_assert_nonnull (chorus_project_find_activity (project, id));
    }
}

static void
test_merge (Scratch       *scratch,
            gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *ours_path = scratch_file (scratch, "ours.chorus");
  g_autofree char *theirs_path = scratch_file (scratch, "theirs.chorus");
  g_autofree char *merged = scratch_file (scratch, "merged.chorus");
  g_autofree char *essex = scratch_file (scratch, "essex.chorus");
  g_autofree char *essex_consultation = example_path ("patient-led-nhs-essex.consultation.xml");
  g_autofree char *item_id = NULL;
  g_autoptr(GError) error = NULL;
  guint n_example = n_project_items (example);

  /* Two colleagues edit copies: both change the first item, differently; they
   * import a focus group into their copy. */
  {
    g_autoptr(ChorusProject) ours = chorus_project_load_file (example, &error);
    g_autoptr(ChorusProject) theirs = chorus_project_load_file (example, &error);
    g_autoptr(ChorusItem) ours_item = NULL;
    g_autoptr(ChorusItem) theirs_item = NULL;

    g_assert_no_error (error);
    ours_item = g_list_model_get_item (chorus_project_get_items (ours), 0);
    theirs_item = g_list_model_get_item (chorus_project_get_items (theirs), 0);
    item_id = g_strdup (chorus_item_get_id (ours_item));
    chorus_project_set_item_text (ours, ours_item, "Our wording of the first item.");
    chorus_project_set_item_text (theirs, theirs_item, "Their wording of the first item.");
    g_assert_true (chorus_project_save_file (ours, ours_path, &error));
    g_assert_true (chorus_project_save_file (theirs, theirs_path, &error));
    g_assert_no_error (error);
  }
  {
    g_autofree char *notes = import_data_path ("focus-group-2.txt");
    g_autoptr(CliResult) result = run_cli ("import-notes", "--group", "Staff", "--activity",
                                           "Focus group 2", "-o", theirs_path, theirs_path,
                                           notes, NULL);

    g_assert_cmpint (result->status, ==, 0);
  }

  {
    g_autoptr(CliResult) result = run_cli ("merge", "-o", merged, ours_path, theirs_path, NULL);
    g_autoptr(ChorusProject) project = NULL;
    ChorusItem *item;
    g_autofree char *conflict = g_strdup_printf ("  input %s: ", item_id);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpstr (result->err, ==, "");
    assert_contains (result->out, "theirs.chorus: 7 items added");
    assert_contains (result->out, "1 conflict; ours was kept:\n");
    assert_contains (result->out, conflict);

    project = chorus_project_load_file (merged, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (chorus_project_get_items (project)), ==,
                      n_example + 7);
    item = chorus_project_find_item (project, item_id);
    g_assert_cmpstr (chorus_item_get_text (item), ==, "Our wording of the first item.");
    g_assert_nonnull (chorus_project_find_activity (project, "focus-group-2"));
  }

  /* --theirs resolves the conflict the other way. */
  {
    g_autoptr(CliResult) result = run_cli ("merge", "--theirs", "--force", "-o", merged,
                                           ours_path, theirs_path, NULL);
    g_autoptr(ChorusProject) project = NULL;

    g_assert_cmpint (result->status, ==, 0);
    project = chorus_project_load_file (merged, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (chorus_item_get_text (chorus_project_find_item (project, item_id)), ==,
                     "Their wording of the first item.");
  }

  /* Another consultation's project is refused, and nothing is written. */
  {
    g_autoptr(CliResult) made = run_cli ("new", "--consultation", essex_consultation, "-o", essex,
                                         NULL);
    g_autofree char *output = scratch_file (scratch, "refused.chorus");
    g_autoptr(CliResult) result = NULL;

    g_assert_cmpint (made->status, ==, 0);
    result = run_cli ("merge", "-o", output, ours_path, essex, NULL);
    assert_one_error_line (result, 1, "essex.chorus");
    g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  }

  {
    g_autoptr(CliResult) result = run_cli ("merge", "-o", merged, ours_path, NULL);

    assert_one_error_line (result, 2, "A.chorus and B.chorus are required");
  }
}

/* export, chart ----------------------------------------------------------- */

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* PDF and PNG files hold NUL bytes, so strstr() will not do. */
static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize n = strlen (needle);

  for (gsize i = 0; n <= length && i <= length - n; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
bytes_start_with (GBytes     *bytes,
                  const char *prefix,
                  gsize       n)
{
  return g_bytes_get_size (bytes) >= n && memcmp (g_bytes_get_data (bytes, NULL), prefix, n) == 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir, sorted and joined, to tell that a failure left nothing. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("\n", (char **) names->pdata);
}

/* Counts of the submission XML: "items" of the top input-summary, and
 * "group:ID", "activity:ID", "theme:ID", "question:ID" under it. */
typedef struct
{
  GHashTable *counts;
  GPtrArray  *stack;   /* element names */
  char       *question_id;
} XmlCounts;

static void
xml_counts_start_cb (GMarkupParseContext  *context,
                     const char           *element,
                     const char          **names,
                     const char          **values,
                     gpointer              user_data,
                     GError              **error)
{
  XmlCounts *counts = user_data;
  const char *parent = counts->stack->len > 0 ? g_ptr_array_index (counts->stack, counts->stack->len - 1)
                                              : "";
  const char *grandparent = counts->stack->len > 1 ? g_ptr_array_index (counts->stack, counts->stack->len - 2)
                                                   : "";
  const char *ref = NULL;
  const char *items = NULL;
  const char *id = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "ref"))
        ref = values[i];
      else if (g_str_equal (names[i], "items"))
        items = values[i];
      else if (g_str_equal (names[i], "id"))
        id = values[i];
    }

  if (g_str_equal (element, "question"))
    {
      g_free (counts->question_id);
      counts->question_id = g_strdup (id);
    }
  else if (g_str_equal (element, "input-summary") && g_str_equal (parent, "submission"))
    g_hash_table_insert (counts->counts, g_strdup ("items"), g_strdup (items));
  else if (g_str_equal (element, "input-summary") && g_str_equal (parent, "question"))
    g_hash_table_insert (counts->counts, g_strconcat ("question:", counts->question_id, NULL),
                         g_strdup (items));
  else if (g_str_equal (parent, "input-summary") && g_str_equal (grandparent, "submission")
           && ref != NULL)
    g_hash_table_insert (counts->counts, g_strconcat (element, ":", ref, NULL), g_strdup (items));

  g_ptr_array_add (counts->stack, g_strdup (element));
}

static void
xml_counts_end_cb (GMarkupParseContext  *context,
                   const char           *element,
                   gpointer              user_data,
                   GError              **error)
{
  XmlCounts *counts = user_data;

  g_ptr_array_remove_index (counts->stack, counts->stack->len - 1);
}

static GHashTable *
read_xml_counts (const char *path)
{
  static const GMarkupParser parser = { xml_counts_start_cb, xml_counts_end_cb, NULL, NULL, NULL };
  g_autofree char *text = read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  XmlCounts counts = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
    g_ptr_array_new_with_free_func (g_free),
    NULL,
  };
  const char *body = strstr (text, "?>");

  /* GMarkup reads the elements; the XML declaration is not one. */
  g_assert_nonnull (body);
  context = g_markup_parse_context_new (&parser, 0, &counts, NULL);
  g_markup_parse_context_parse (context, body + 2, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_ptr_array_unref (counts.stack);
  g_free (counts.question_id);

  return counts.counts;
}

static void
assert_xml_count (GHashTable *counts,
                  const char *key,
                  gint64      expected)
{
  const char *value = g_hash_table_lookup (counts, key);

  if (value == NULL)
    g_error ("the XML has no count for %s", key);
  if (g_ascii_strtoll (value, NULL, 10) != expected)
    g_error ("%s: the XML says %s, chorus-cli stats --json %" G_GINT64_FORMAT, key, value,
             expected);
}

/* Every count of `stats --json` the XML also has, compared. */
static void
assert_xml_matches_stats (const char *xml,
                          const char *project)
{
  g_autoptr(GHashTable) counts = read_xml_counts (xml);
  g_autoptr(CliResult) result = run_cli ("stats", "--json", project, NULL);
  g_autoptr(Json) json = NULL;
  const struct {
    const char *array;
    const char *prefix;
  } lists[] = {
    { "groups", "group" },
    { "activities", "activity" },
    { "themes", "theme" },
    { "questions", "question" },
  };
  guint checked = 1;

  g_assert_cmpint (result->status, ==, 0);
  json = json_parse (result->out);
  g_assert_nonnull (json);
  assert_xml_count (counts, "items", json_member_number (json, "items"));

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      Json *array = json_member (json, lists[l].array);

      for (guint i = 0; i < json_length (array); i++)
        {
          Json *element = g_ptr_array_index (array->values, i);
          gint64 count = json_member_number (element, "count");
          g_autofree char *key = g_strconcat (lists[l].prefix, ":",
                                              json_member_string (element, "id"), NULL);

          /* The summary leaves out what nobody said anything about. */
          if (count == 0 && !g_hash_table_contains (counts, key))
            continue;
          assert_xml_count (counts, key, count);
          checked++;
        }
    }

  g_assert_cmpuint (checked, >, 40);
}

/* Data rows of a CSV, read back with the importer's strict parser. */
static guint
csv_n_rows (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusCsvImport) csv = chorus_csv_import_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (chorus_csv_import_get_n_ragged_rows (csv), ==, 0);

  return chorus_csv_import_get_n_rows (csv);
}

/* The page count pdfinfo reads, or 0 when poppler-utils is missing. */
static guint
pdf_n_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(CliResult) result = NULL;
  const char *pages;

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo not found");
      return 0;
    }

  result = run_program (pdfinfo, path, NULL);
  g_assert_cmpint (result->status, ==, 0);
  pages = strstr (result->out, "\nPages:");
  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

static void
test_export (Scratch       *scratch,
             gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *edited = scratch_file (scratch, "edited.chorus");
  g_autofree char *pdf = scratch_file (scratch, "submission.pdf");
  g_autofree char *letter = scratch_file (scratch, "letter.pdf");
  g_autofree char *xml = scratch_file (scratch, "submission.xml");
  g_autofree char *csv = scratch_file (scratch, "input.csv");
  g_autofree char *schema = g_test_build_filename (G_TEST_DIST, "..", "resources", "schemas",
                                                   "submission.rng", NULL);
  g_autoptr(GError) error = NULL;
  const char *author = "Dr Jane Quill";
  guint n_items;

  /* A copy with one item withheld from publication and one with an author. */
  {
    g_autoptr(ChorusProject) project = chorus_project_load_file (example, &error);
    g_autoptr(ChorusItem) first = NULL;
    g_autoptr(ChorusItem) second = NULL;

    g_assert_no_error (error);
    first = g_list_model_get_item (chorus_project_get_items (project), 0);
    second = g_list_model_get_item (chorus_project_get_items (project), 1);
    chorus_project_set_item_publish (project, first, FALSE);
    chorus_project_set_item_author (project, second, author);
    g_assert_true (chorus_project_save_file (project, edited, &error));
    g_assert_no_error (error);
    n_items = g_list_model_get_n_items (chorus_project_get_items (project));
  }

  {
    g_autoptr(CliResult) result = run_cli ("export", "--format", "pdf", "-o", pdf, edited, NULL);
    g_autoptr(GBytes) contents = NULL;
    g_autofree char *expected = g_strdup_printf ("Wrote %s\n", pdf);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpstr (result->err, ==, "");
    g_assert_cmpstr (result->out, ==, expected);
    contents = read_bytes (pdf);
    g_assert_true (bytes_start_with (contents, "%PDF-", 5));
    g_assert_true (bytes_contain (contents, "%%EOF"));
    /* A4 is 595 × 842 points. */
    g_assert_true (bytes_contain (contents, "/MediaBox [ 0 0 595"));
  }

  /* The format from the name, Letter paper, no input tables and no charts. */
  {
    g_autoptr(CliResult) result = run_cli ("export", "--paper", "letter", "--no-input",
                                           "--no-charts", "-o", letter, edited, NULL);
    g_autoptr(GBytes) contents = NULL;
    g_autoptr(GBytes) full = NULL;

    g_assert_cmpint (result->status, ==, 0);
    contents = read_bytes (letter);
    full = read_bytes (pdf);
    g_assert_true (bytes_start_with (contents, "%PDF-", 5));
    g_assert_true (bytes_contain (contents, "/MediaBox [ 0 0 612 792 ]"));
    /* Without the input tables and charts the submission is much shorter. */
    g_assert_cmpuint (pdf_n_pages (letter) + 10, <, pdf_n_pages (pdf));
  }

  {
    g_autoptr(CliResult) result = run_cli ("export", "--format", "xml", "--include-input", "-o",
                                           xml, edited, NULL);
    g_autoptr(CliResult) lint = NULL;
    g_autofree char *xmllint = g_find_program_in_path ("xmllint");

    g_assert_cmpint (result->status, ==, 0);
    if (xmllint != NULL)
      {
        lint = run_program (xmllint, "--noout", "--relaxng", schema, xml, NULL);
        g_assert_cmpint (lint->status, ==, 0);
      }
    else
      g_test_message ("xmllint not found; the schema check is left to the core tests");
    assert_xml_matches_stats (xml, edited);
  }

  /* One row per item and a header; the withheld item only on request. */
  {
    g_autoptr(CliResult) result = run_cli ("export", "--format", "csv", "-o", csv, edited, NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpuint (csv_n_rows (csv), ==, n_items - 1);
    contents = read_file (csv);
    assert_contains (contents, author);
  }
  {
    g_autoptr(CliResult) result = run_cli ("export", "--include-unpublished", "--redact-authors",
                                           "-o", csv, edited, NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpuint (csv_n_rows (csv), ==, n_items);
    contents = read_file (csv);
    g_assert_null (strstr (contents, author));
  }
}

static void
test_export_errors (Scratch       *scratch,
                    gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *output = scratch_file (scratch, "out.pdf");
  g_autofree char *not_a_dir = write_scratch (scratch, "plain-file", "x");
  g_autofree char *under_file = g_build_filename (not_a_dir, "out.pdf", NULL);
  g_autofree char *a_dir = scratch_file (scratch, "a-directory.pdf");
  g_autofree char *missing = scratch_file (scratch, "missing.chorus");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  struct {
    const char *args[6];
    int status;
    const char *message;
  } cases[] = {
    { { "-o", output, NULL }, 2, "no file given" },
    { { example, NULL }, 2, "-o OUT is required" },
    { { "--format", "docx", "-o", output, example }, 2, "unknown format “docx”" },
    { { "-o", "out.txt", example }, 2, "cannot tell the format from “.txt”; give --format pdf, xml or csv" },
    { { "--format", "xml", "--no-charts", "-o", output, example }, 2, "for --format pdf" },
    { { "--format", "pdf", "--include-input", "-o", output, example }, 2, "for --format xml" },
    { { "--paper", "a3", "-o", output, example }, 2, "unknown paper size “a3”" },
    { { "-o", output, missing }, 1, "missing.chorus" },
    { { "-o", under_file, example }, 1, under_file },
    { { "-o", a_dir, example }, 1, a_dir },
  };

  g_assert_cmpint (g_mkdir (a_dir, 0755), ==, 0);
  before = list_dir (scratch->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_autoptr(CliResult) result = run_cli ("export", a[0], a[1], a[2], a[3], a[4], a[5], NULL);

      assert_one_error_line (result, cases[i].status, cases[i].message);
      g_assert_cmpstr (result->out, ==, "");
      /* Nothing written, not even a temporary file. */
      after = list_dir (scratch->path);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&after, g_free);
    }
}

/* Big-endian 32 bits at @p. */
static guint32
read_be32 (const char *p)
{
  const guchar *u = (const guchar *) p;

  return ((guint32) u[0] << 24) | ((guint32) u[1] << 16) | ((guint32) u[2] << 8) | u[3];
}

/* The luminance of the PNG's top-left pixel: the chart's background. */
static double
png_corner_luminance (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  const guchar *pixels;
  guint32 pixel;
  double luminance;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  pixel = *(const guint32 *) pixels;
  luminance = (0.2126 * ((pixel >> 16) & 0xff) + 0.7152 * ((pixel >> 8) & 0xff)
               + 0.0722 * (pixel & 0xff)) / 255.0;
  cairo_surface_destroy (surface);

  return luminance;
}

static void
test_chart (Scratch       *scratch,
            gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  const char *kinds[] = { "themes", "stance", "coverage", "heatmap" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ChorusProject) project = chorus_project_load_file (example, &error);

  g_assert_no_error (error);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *png = g_strdup_printf ("%s/%s.png", scratch->path, kinds[k]);
      g_autofree char *svg = g_strdup_printf ("%s/%s.svg", scratch->path, kinds[k]);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", scratch->path, kinds[k]);

      {
        g_autoptr(CliResult) result = run_cli ("chart", "--kind", kinds[k], "--width", "640",
                                               "--height", "480", "-o", png, example, NULL);
        g_autoptr(GBytes) contents = NULL;
        g_autofree char *expected = g_strdup_printf ("Wrote %s (640 × 480)\n", png);
        const char *header;

        g_assert_cmpint (result->status, ==, 0);
        g_assert_cmpstr (result->out, ==, expected);
        contents = read_bytes (png);
        g_assert_true (bytes_start_with (contents, "\x89PNG\r\n\x1a\n", 8));
        g_assert_cmpuint (g_bytes_get_size (contents), >, 24);
        /* IHDR: twice the pixels, for HiDPI. */
        header = g_bytes_get_data (contents, NULL);
        g_assert_cmpmem (header + 12, 4, "IHDR", 4);
        g_assert_cmpuint (read_be32 (header + 16), ==, 1280);
        g_assert_cmpuint (read_be32 (header + 20), ==, 960);
        g_assert_cmpfloat (png_corner_luminance (png), >, 0.9);
      }

      /* The SVG names every bar the chart draws at that size, in full. */
      {
        g_autoptr(CliResult) result = run_cli ("chart", "--kind", kinds[k], "-o", svg, example,
                                               NULL);
        g_autoptr(ChorusChart) chart = chorus_chart_new (k, project);
        g_autofree char *contents = NULL;
        cairo_surface_t *surface;
        cairo_t *cr;
        double height;
        guint labels = 0;

        g_assert_cmpint (result->status, ==, 0);
        contents = read_file (svg);
        assert_contains (contents, "<svg");

        height = ceil (chorus_chart_get_natural_height (chart, 800));
        surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cr = cairo_create (surface);
        chorus_chart_render (chart, cr, 800, height);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);

        for (guint i = 0; i < chorus_chart_get_n_regions (chart); i++)
          {
            ChorusChartHit hit;
            cairo_rectangle_t rect;
            g_autofree char *escaped = NULL;

            g_assert_true (chorus_chart_get_region (chart, i, &rect, &hit));
            if (hit.label == NULL || hit.target != CHORUS_CHART_TARGET_BAR)
              continue;
            escaped = g_markup_escape_text (hit.label, -1);
            assert_contains (contents, escaped);
            labels++;
          }
        if (k == CHORUS_CHART_KIND_THEMES)
          g_assert_cmpuint (labels, >=, 10);
      }

      {
        g_autoptr(CliResult) result = run_cli ("chart", "--kind", kinds[k], "--dark", "-o", pdf,
                                               example, NULL);
        g_autoptr(GBytes) contents = NULL;

        g_assert_cmpint (result->status, ==, 0);
        contents = read_bytes (pdf);
        g_assert_true (bytes_start_with (contents, "%PDF-", 5));
      }
    }

  /* --dark draws for a dark background; filters narrow the chart. */
  {
    g_autofree char *png = scratch_file (scratch, "dark.png");
    g_autoptr(CliResult) result = run_cli ("chart", "--kind", "themes", "--dark", "--group",
                                           "Staff", "--activity", "Online staff survey",
                                           "--stack-by-group", "-o", png, example, NULL);

    g_assert_cmpint (result->status, ==, 0);
    g_assert_cmpfloat (png_corner_luminance (png), <, 0.3);
  }
}

static void
test_chart_errors (Scratch       *scratch,
                   gconstpointer  data)
{
  g_autofree char *example = example_path ("trafford-staff-response.chorus");
  g_autofree char *output = scratch_file (scratch, "chart.png");
  g_autofree char *gif = scratch_file (scratch, "chart.gif");
  g_autofree char *not_a_dir = write_scratch (scratch, "plain-file", "x");
  g_autofree char *under_file = g_build_filename (not_a_dir, "chart.svg", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  /* A problem with what the file holds names the file. */
  g_autofree char *no_group = g_strdup_printf ("%s: the project has no group “Nobody”", example);
  struct {
    const char *args[7];
    int status;
    const char *message;
  } cases[] = {
    { { "-o", output, example }, 2, "--kind themes, stance, coverage or heatmap is required" },
    { { "--kind", "pie", "-o", output, example }, 2, "unknown kind “pie”" },
    { { "--kind", "themes", example }, 2, "-o OUT.png, OUT.svg or OUT.pdf is required" },
    { { "--kind", "themes", "-o", gif, example }, 2, "must end in .png, .svg or .pdf" },
    { { "--kind", "themes", "-o", output }, 2, "no file given" },
    { { "--kind", "themes", "--width", "0", "-o", output, example }, 2, "1 to 8000 pixels" },
    { { "--kind", "themes", "--height", "9000", "-o", output, example }, 2, "1 to 8000 pixels" },
    { { "--kind", "themes", "--width", "wide", "-o", output, example }, 2, "--width" },
    { { "--kind", "stance", "--stack-by-group", "-o", output, example }, 2, "for --kind themes" },
    { { "--kind", "themes", "--rows", "activities", "-o", output, example }, 2, "for --kind heatmap" },
    { { "--kind", "themes", "--group", "Nobody", "-o", output, example }, 1, no_group },
    { { "--kind", "themes", "--activity", "Picnic", "-o", output, example }, 1, "no activity “Picnic”" },
    { { "--kind", "coverage", "--document", "nope", "-o", output, example }, 1, "no document “nope”" },
    { { "--kind", "themes", "-o", under_file, example }, 1, under_file },
  };

  before = list_dir (scratch->path);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **a = cases[i].args;
      g_autoptr(CliResult) result = run_cli ("chart", a[0], a[1], a[2], a[3], a[4], a[5], a[6],
                                             NULL);

      assert_one_error_line (result, cases[i].status, cases[i].message);
      after = list_dir (scratch->path);
      g_assert_cmpstr (after, ==, before);
      g_clear_pointer (&after, g_free);
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
  g_test_add ("/cli/import-csv", Scratch, NULL, scratch_setup, test_import_csv, scratch_teardown);
  g_test_add ("/cli/import-csv/errors", Scratch, NULL,
              scratch_setup, test_import_csv_errors, scratch_teardown);
  g_test_add ("/cli/import-notes", Scratch, NULL,
              scratch_setup, test_import_notes, scratch_teardown);
  g_test_add ("/cli/merge", Scratch, NULL, scratch_setup, test_merge, scratch_teardown);
  g_test_add ("/cli/export", Scratch, NULL, scratch_setup, test_export, scratch_teardown);
  g_test_add ("/cli/export/errors", Scratch, NULL,
              scratch_setup, test_export_errors, scratch_teardown);
  g_test_add ("/cli/chart", Scratch, NULL, scratch_setup, test_chart, scratch_teardown);
  g_test_add ("/cli/chart/errors", Scratch, NULL,
              scratch_setup, test_chart_errors, scratch_teardown);

  return g_test_run ();
}
