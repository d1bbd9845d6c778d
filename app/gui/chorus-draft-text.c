/* chorus-draft-text.c — an editor for one piece of the organisation's own text
 *
 * Typing is held in the text view and written into the project after a pause, when the focus
 * leaves, or when the window asks (before a save, an autosave, an undo or closing). A burst of
 * typing is therefore one step on the project's undo stack, and Ctrl+Z undoes it as a whole:
 * the buffer's own undo is off so that there is one history, the project's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "chorus-draft-text.h"

/* Long enough to cover a pause between words, short enough that a switch of question or an
 * autosave rarely finds typing still held back. */
#define COMMIT_DELAY_MS 600

struct _ChorusDraftText
{
  GtkWidget        parent_instance;

  ChorusProject   *project;
  ChorusDraftKind  kind;
  char            *target_id;
  ChorusGroup     *group;

  guint            commit_timeout_id;
  /* Set while the view is filled from the project, so that doing so is not an edit. */
  gboolean         loading;

  GtkTextView     *text_view;
  GtkLabel        *placeholder_label;
  GtkLabel        *word_count_label;
};

G_DEFINE_FINAL_TYPE (ChorusDraftText, chorus_draft_text, GTK_TYPE_WIDGET)

static const char *
chorus_draft_text_get_project_text (ChorusDraftText *self)
{
  ChorusDraft *draft;

  if (self->project == NULL || self->target_id == NULL)
    return NULL;

  switch (self->kind)
    {
    case CHORUS_DRAFT_KIND_KEY_POINTS:
      return chorus_project_get_key_points (self->project, self->target_id);

    case CHORUS_DRAFT_KIND_PARTNER_RESPONSE:
      return self->group != NULL
             ? chorus_project_get_partner_response (self->project, self->group, self->target_id)
             : NULL;

    case CHORUS_DRAFT_KIND_ANSWER:
    default:
      draft = chorus_project_get_answer (self->project, self->target_id);
      return draft != NULL ? chorus_draft_get_text (draft) : NULL;
    }
}

static char *
chorus_draft_text_dup_buffer_text (ChorusDraftText *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
chorus_draft_text_update_count (ChorusDraftText *self)
{
  g_autofree char *text = chorus_draft_text_dup_buffer_text (self);
  g_autofree char *count = NULL;
  guint n_words = chorus_count_words (text);

  count = g_strdup_printf (ngettext ("%u word", "%u words", n_words), n_words);
  gtk_label_set_label (self->word_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder_label), *text == '\0');
}

void
chorus_draft_text_commit (ChorusDraftText *self)
{
  g_autofree char *text = NULL;
  const char *current;

  g_return_if_fail (CHORUS_IS_DRAFT_TEXT (self));

  g_clear_handle_id (&self->commit_timeout_id, g_source_remove);

  if (self->project == NULL || self->target_id == NULL)
    return;

  text = chorus_draft_text_dup_buffer_text (self);
  current = chorus_draft_text_get_project_text (self);
  if (g_strcmp0 (text, current != NULL ? current : "") == 0)
    return;

  switch (self->kind)
    {
    case CHORUS_DRAFT_KIND_KEY_POINTS:
      chorus_project_set_key_points (self->project, self->target_id, text);
      break;

    case CHORUS_DRAFT_KIND_PARTNER_RESPONSE:
      chorus_project_set_partner_response (self->project, self->group, self->target_id, text);
      break;

    case CHORUS_DRAFT_KIND_ANSWER:
    default:
      chorus_project_set_answer_text (self->project, self->target_id, text);
      break;
    }
}

static gboolean
chorus_draft_text_commit_timeout_cb (gpointer user_data)
{
  ChorusDraftText *self = user_data;

  self->commit_timeout_id = 0;
  chorus_draft_text_commit (self);

  return G_SOURCE_REMOVE;
}

static void
chorus_draft_text_buffer_changed_cb (ChorusDraftText *self,
                                     GtkTextBuffer   *buffer)
{
  chorus_draft_text_update_count (self);

  if (self->loading)
    return;

  g_clear_handle_id (&self->commit_timeout_id, g_source_remove);
  self->commit_timeout_id = g_timeout_add (COMMIT_DELAY_MS, chorus_draft_text_commit_timeout_cb,
                                           self);
}

/* Shows the project's text, unless it is what the view already has (the user's own commit
 * coming back) or the user is typing (their next commit will win anyway). */
static void
chorus_draft_text_load (ChorusDraftText *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const char *text = chorus_draft_text_get_project_text (self);
  g_autofree char *shown = chorus_draft_text_dup_buffer_text (self);

  if (self->commit_timeout_id != 0)
    return;

  if (g_strcmp0 (shown, text != NULL ? text : "") == 0)
    return;

  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  self->loading = FALSE;
  chorus_draft_text_update_count (self);
}

static void
chorus_draft_text_project_changed_cb (ChorusDraftText *self,
                                      ChorusProject   *project)
{
  chorus_draft_text_load (self);
}

void
chorus_draft_text_set_target (ChorusDraftText *self,
                              ChorusProject   *project,
                              ChorusDraftKind  kind,
                              const char      *target_id,
                              ChorusGroup     *group)
{
  g_return_if_fail (CHORUS_IS_DRAFT_TEXT (self));
  g_return_if_fail (project == NULL || CHORUS_IS_PROJECT (project));

  /* What was typed for the previous target goes to it, not to the next one. */
  chorus_draft_text_commit (self);

  if (self->project != project)
    {
      if (self->project != NULL)
        g_signal_handlers_disconnect_by_data (self->project, self);
      g_set_object (&self->project, project);
      if (project != NULL)
        g_signal_connect_object (project, "changed",
                                 G_CALLBACK (chorus_draft_text_project_changed_cb),
                                 self, G_CONNECT_SWAPPED);
    }

  self->kind = kind;
  g_free (self->target_id);
  self->target_id = g_strdup (target_id);
  g_set_object (&self->group, group);

  chorus_draft_text_load (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->text_view), project != NULL && target_id != NULL);
}

GtkTextView *
chorus_draft_text_get_text_view (ChorusDraftText *self)
{
  g_return_val_if_fail (CHORUS_IS_DRAFT_TEXT (self), NULL);
  return self->text_view;
}

void
chorus_draft_text_set_label (ChorusDraftText *self,
                             const char      *label,
                             const char      *placeholder)
{
  g_return_if_fail (CHORUS_IS_DRAFT_TEXT (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_label_set_label (self->placeholder_label, placeholder != NULL ? placeholder : "");
}

static void
chorus_draft_text_focus_leave_cb (ChorusDraftText *self)
{
  chorus_draft_text_commit (self);
}

static void
chorus_draft_text_commit_edits_cb (ChorusDraftText *self)
{
  chorus_draft_text_commit (self);
}

/* The window asks every editor for held-back typing before it saves or undoes. */
static void
chorus_draft_text_root (GtkWidget *widget)
{
  ChorusDraftText *self = CHORUS_DRAFT_TEXT (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (chorus_draft_text_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (root != NULL && g_signal_lookup ("commit-edits", G_OBJECT_TYPE (root)) != 0)
    g_signal_connect_object (root, "commit-edits",
                             G_CALLBACK (chorus_draft_text_commit_edits_cb),
                             self, G_CONNECT_SWAPPED);
}

static void
chorus_draft_text_unroot (GtkWidget *widget)
{
  ChorusDraftText *self = CHORUS_DRAFT_TEXT (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  chorus_draft_text_commit (self);
  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, chorus_draft_text_commit_edits_cb, self);

  GTK_WIDGET_CLASS (chorus_draft_text_parent_class)->unroot (widget);
}

static void
chorus_draft_text_dispose (GObject *object)
{
  ChorusDraftText *self = CHORUS_DRAFT_TEXT (object);

  g_clear_handle_id (&self->commit_timeout_id, g_source_remove);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHORUS_TYPE_DRAFT_TEXT);
  /* The template's root box has no id, so dispose_template leaves it. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }

  g_clear_object (&self->project);
  g_clear_object (&self->group);
  g_clear_pointer (&self->target_id, g_free);

  G_OBJECT_CLASS (chorus_draft_text_parent_class)->dispose (object);
}

static void
chorus_draft_text_class_init (ChorusDraftTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chorus_draft_text_dispose;
  widget_class->root = chorus_draft_text_root;
  widget_class->unroot = chorus_draft_text_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chorus_app/Chorus/ui/chorus-draft-text.ui");
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftText, text_view);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftText, placeholder_label);
  gtk_widget_class_bind_template_child (widget_class, ChorusDraftText, word_count_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chorus_draft_text_init (ChorusDraftText *self)
{
  GtkTextBuffer *buffer;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "changed",
                           G_CALLBACK (chorus_draft_text_buffer_changed_cb),
                           self, G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (chorus_draft_text_focus_leave_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);

  chorus_draft_text_update_count (self);
}

GtkWidget *
chorus_draft_text_new (void)
{
  return g_object_new (CHORUS_TYPE_DRAFT_TEXT, NULL);
}
