/* chorus-draft-text.c — an editor for one piece of draft text in the project
 *
 * A GtkTextView bound to one draft (an answer, key points or a partner response). Typing is
 * held in the buffer and written to the project after a pause, when the editor loses focus,
 * or when chorus_draft_text_commit() is called, so that a burst of typing becomes one undo
 * step on the project's stack rather than one per keystroke.
 *
 * Undo: the project's stack is the only history. The buffer's own undo is switched off, or
 * Ctrl+Z would sometimes undo keystrokes the project never saw and sometimes project steps,
 * depending on where the focus is. Instead Ctrl+Z inside the editor first commits what is
 * pending and then asks the window to undo ("win.undo"), so it undoes exactly what the
 * window's Undo button would: the burst just typed. Without a window (in tests) it undoes on
 * the project directly.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-draft-text.h"
#include "chorus-resources.h"

/* Long enough that a typist's pauses between words do not split a sentence into steps,
 * short enough that a save or a crash loses next to nothing. */
#define COMMIT_DELAY_MS 600

struct _ChorusDraftText
{
  GtkWidget          parent_instance;

  ChorusProject     *project;
  ChorusDraftKind    kind;
  char              *target_id;
  char              *group_id;

  guint              commit_source;
  guint              n_words;
  /* Typed but not yet in the project. */
  gboolean           has_pending_edit;
  /* The buffer is being filled from the project, which is not typing. */
  gboolean           loading;

  GtkTextView       *text_view;
  GtkTextBuffer     *buffer;
  GtkLabel          *placeholder_label;
  GtkLabel          *word_count_label;
};

G_DEFINE_FINAL_TYPE (ChorusDraftText, chorus_draft_text, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_PLACEHOLDER_TEXT,
  PROP_LABEL,
  PROP_N_WORDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
get_buffer_text (ChorusDraftText *self)
{
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
}

/* What the project holds for the target: "" when nothing was written yet. */
static const char *
get_project_text (ChorusDraftText *self)
{
  ChorusDraft *draft;
  const char *text;

  if (self->project == NULL || self->target_id == NULL)
    return "";

  draft = chorus_project_find_draft (self->project, self->kind, self->target_id, self->group_id);
  text = draft != NULL ? chorus_draft_get_text (draft) : NULL;

  return text != NULL ? text : "";
}

static void
chorus_draft_text_update_count (ChorusDraftText *self)
{
  g_autofree char *text = get_buffer_text (self);
  g_autofree char *count = NULL;
  guint n_words = chorus_count_words (text);

  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), *text == '\0');

  if (n_words == self->n_words && *gtk_label_get_label (self->word_count_label) != '\0')
    return;

  self->n_words = n_words;
  /* Translators: the length of a draft, under the text being written */
  count = g_strdup_printf (ngettext ("%u word", "%u words", n_words), n_words);
  gtk_label_set_label (self->word_count_label, count);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WORDS]);
}

/* Shows the project's text, unless it is already what the buffer holds: an undo elsewhere or
 * the editor's own commit must not move the cursor or scroll the text under the user. */
static void
chorus_draft_text_load (ChorusDraftText *self)
{
  g_autofree char *shown = get_buffer_text (self);
  const char *text = get_project_text (self);
  GtkTextMark *insert;
  GtkTextIter iter;
  int cursor;

  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view),
                            self->project != NULL && self->target_id != NULL);

  if (g_strcmp0 (shown, text) == 0)
    return;

  insert = gtk_text_buffer_get_insert (self->buffer);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, insert);
  cursor = gtk_text_iter_get_offset (&iter);

  self->loading = TRUE;
  gtk_text_buffer_set_text (self->buffer, text, -1);
  self->loading = FALSE;

  /* set_text() leaves the cursor at the end; keep it where the user had it instead. */
  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, cursor);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

static gboolean
chorus_draft_text_commit_timeout_cb (gpointer user_data)
{
  ChorusDraftText *self = user_data;

  self->commit_source = 0;
  chorus_draft_text_commit (self);

  return G_SOURCE_REMOVE;
}

static void
chorus_draft_text_buffer_changed_cb (ChorusDraftText *self,
                                     GtkTextBuffer   *buffer)
{
  chorus_draft_text_update_count (self);

  if (self->loading || self->project == NULL || self->target_id == NULL)
    return;

  self->has_pending_edit = TRUE;

  /* Each keystroke restarts the wait, so a burst of typing is committed once, at its end. */
  g_clear_handle_id (&self->commit_source, g_source_remove);
  self->commit_source = g_timeout_add (COMMIT_DELAY_MS, chorus_draft_text_commit_timeout_cb, self);
}

static void
chorus_draft_text_focus_leave_cb (ChorusDraftText         *self,
                                  GtkEventControllerFocus *controller)
{
  chorus_draft_text_commit (self);
}

static void
chorus_draft_text_project_changed_cb (ChorusDraftText *self,
                                      ChorusProject   *project)
{
  /* What the user is typing wins over an unrelated change: it is committed on the next
   * pause. Undo and redo commit first (see the undo action), so they never meet a pending
   * edit. */
  if (!self->has_pending_edit)
    chorus_draft_text_load (self);
}

static void
chorus_draft_text_history_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  ChorusDraftText *self = CHORUS_DRAFT_TEXT (widget);
  gboolean undo = g_str_equal (action_name, "draft-text.undo");

  chorus_draft_text_commit (self);

  if (gtk_widget_activate_action (widget, undo ? "win.undo" : "win.redo", NULL))
    return;

  if (self->project == NULL)
    return;

  if (undo)
    chorus_project_undo (self->project);
  else
    chorus_project_redo (self->project);
}

GtkWidget *
chorus_draft_text_new (void)
{
  return g_object_new (CHORUS_TYPE_DRAFT_TEXT, NULL);
}

ChorusProject *
chorus_draft_text_get_project (ChorusDraftText *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_TEXT (self), NULL);

  return self->project;
}

void
chorus_draft_text_set_project (ChorusDraftText *self,
                               ChorusProject   *project)
{
  g_return_if_fail (CHORUS_IS_DRAFT_TEXT (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  if (self->project == project)
    return;

  /* The target belongs to the old project's consultation. */
  chorus_draft_text_set_target (self, self->kind, NULL, NULL);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  g_set_object (&self->project, project);

  if (project != NULL)
    g_signal_connect_object (project, "changed",
                             G_CALLBACK (chorus_draft_text_project_changed_cb),
                             self, G_CONNECT_SWAPPED);

  chorus_draft_text_load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
chorus_draft_text_set_target (ChorusDraftText *self,
                              ChorusDraftKind  kind,
                              const char      *target_id,
                              const char      *group_id)
{
  g_return_if_fail (CHORUS_IS_DRAFT_TEXT (self));
  g_return_if_fail (kind != CHORUS_DRAFT_KIND_PARTNER_RESPONSE || target_id == NULL ||
                    group_id != NULL);

  if (self->kind == kind &&
      g_strcmp0 (self->target_id, target_id) == 0 &&
      g_strcmp0 (self->group_id, group_id) == 0)
    return;

  /* Nothing typed is lost by moving on to another question. */
  chorus_draft_text_commit (self);

  self->kind = kind;
  g_free (self->target_id);
  self->target_id = g_strdup (target_id);
  g_free (self->group_id);
  self->group_id = kind == CHORUS_DRAFT_KIND_PARTNER_RESPONSE ? g_strdup (group_id) : NULL;

  chorus_draft_text_load (self);

  /* Another question's text starts at its beginning, not where the last one's cursor was. */
  if (self->target_id != NULL)
    {
      GtkTextIter start;

      gtk_text_buffer_get_start_iter (self->buffer, &start);
      gtk_text_buffer_place_cursor (self->buffer, &start);
    }
}

const char *
chorus_draft_text_get_target_id (ChorusDraftText *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_TEXT (self), NULL);

  return self->target_id;
}

gboolean
chorus_draft_text_commit (ChorusDraftText *self)
{
  g_autofree char *text = NULL;
  ChorusGroup *group;

  g_return_val_if_fail (CHORUS_IS_DRAFT_TEXT (self), FALSE);

  g_clear_handle_id (&self->commit_source, g_source_remove);

  if (!self->has_pending_edit)
    return FALSE;

  self->has_pending_edit = FALSE;

  if (self->project == NULL || self->target_id == NULL)
    return FALSE;

  text = get_buffer_text (self);

  /* Typing that ends where it began (or an empty draft never written) is no step at all: the
   * setters would otherwise create an empty draft and an undo step that changes nothing. */
  if (g_strcmp0 (text, get_project_text (self)) == 0)
    return FALSE;

  switch (self->kind)
    {
    case CHORUS_DRAFT_KIND_ANSWER:
      chorus_project_set_answer_text (self->project, self->target_id, text);
      break;

    case CHORUS_DRAFT_KIND_KEY_POINTS:
      chorus_project_set_key_points (self->project, self->target_id, text);
      break;

    case CHORUS_DRAFT_KIND_PARTNER_RESPONSE:
      /* Removing a group removes its responses; whoever shows this editor rebuilds it. */
      group = chorus_project_find_group (self->project, self->group_id);
      if (group == NULL || !chorus_group_get_partner (group))
        return FALSE;
      chorus_project_set_partner_response (self->project, group, self->target_id, text);
      break;

    default:
      g_assert_not_reached ();
    }

  /* The project may have cleaned the text up (line endings, characters XML cannot carry);
   * show what it holds. */
  chorus_draft_text_load (self);

  return TRUE;
}

gboolean
chorus_draft_text_has_pending_edit (ChorusDraftText *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_TEXT (self), FALSE);

  return self->has_pending_edit;
}

guint
chorus_draft_text_get_n_words (ChorusDraftText *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_TEXT (self), 0);

  return self->n_words;
}

GtkTextBuffer *
chorus_draft_text_get_buffer (ChorusDraftText *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_TEXT (self), NULL);

  return self->buffer;
}

const char *
chorus_draft_text_get_placeholder_text (ChorusDraftText *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_TEXT (self), NULL);

  return gtk_label_get_label (self->placeholder_label);
}

void
chorus_draft_text_set_placeholder_text (ChorusDraftText *self,
                                        const char      *placeholder_text)
{
  g_return_if_fail (CHORUS_IS_DRAFT_TEXT (self));

  if (g_strcmp0 (placeholder_text, gtk_label_get_label (self->placeholder_label)) == 0)
    return;

  gtk_label_set_label (self->placeholder_label, placeholder_text ? placeholder_text : "");
  /* GtkTextView has no placeholder of its own; a screen reader learns it this way. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER,
                                  placeholder_text ? placeholder_text : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER_TEXT]);
}

void
chorus_draft_text_set_label (ChorusDraftText *self,
                             const char      *label)
{
  g_return_if_fail (CHORUS_IS_DRAFT_TEXT (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  -1);
}

static gboolean
chorus_draft_text_grab_focus (GtkWidget *widget)
{
  ChorusDraftText *self = CHORUS_DRAFT_TEXT (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
chorus_draft_text_dispose (GObject *object)
{
  ChorusDraftText *self = (ChorusDraftText *)object;
  GtkWidget *child;

  /* A last safety net: whoever destroys the editor should have committed it already. */
  chorus_draft_text_commit (self);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_DRAFT_TEXT);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->project);

  G_OBJECT_CLASS (chorus_draft_text_parent_class)->dispose (object);
}

static void
chorus_draft_text_finalize (GObject *object)
{
  ChorusDraftText *self = (ChorusDraftText *)object;

  g_clear_pointer (&self->target_id, g_free);
  g_clear_pointer (&self->group_id, g_free);

  G_OBJECT_CLASS (chorus_draft_text_parent_class)->finalize (object);
}

static void
chorus_draft_text_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChorusDraftText *self = CHORUS_DRAFT_TEXT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, chorus_draft_text_get_placeholder_text (self));
      break;

    case PROP_N_WORDS:
      g_value_set_uint (value, self->n_words);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_draft_text_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChorusDraftText *self = CHORUS_DRAFT_TEXT (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      chorus_draft_text_set_project (self, g_value_get_object (value));
      break;

    case PROP_PLACEHOLDER_TEXT:
      chorus_draft_text_set_placeholder_text (self, g_value_get_string (value));
      break;

    case PROP_LABEL:
      chorus_draft_text_set_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chorus_draft_text_class_init (ChorusDraftTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_draft_text_dispose;
  object_class->finalize = chorus_draft_text_finalize;
  object_class->get_property = chorus_draft_text_get_property;
  object_class->set_property = chorus_draft_text_set_property;

  widget_class->grab_focus = chorus_draft_text_grab_focus;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, CHORUS_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_WORDS] =
    g_param_spec_uint ("n-words", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The resources live in a static library; naming them here keeps the linker from dropping
   * them from a program that uses the editor without the window. */
  (void) chorus_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-draft-text.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftText, text_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftText, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftText, word_count_label);
  gtk_widget_class_bind_template_callback (widget_class, chorus_draft_text_focus_leave_cb);

  /* Bound to Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y in the template, in the capture phase so that
   * they run before GtkTextView's own bindings for those keys. */
  gtk_widget_class_install_action (widget_class, "draft-text.undo", NULL,
                                   chorus_draft_text_history_action);
  gtk_widget_class_install_action (widget_class, "draft-text.redo", NULL,
                                   chorus_draft_text_history_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chorus-draft-text");
}

static void
chorus_draft_text_init (ChorusDraftText *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  g_signal_connect_object (self->buffer, "changed",
                           G_CALLBACK (chorus_draft_text_buffer_changed_cb),
                           self, G_CONNECT_SWAPPED);

  chorus_draft_text_update_count (self);
  chorus_draft_text_load (self);
}
