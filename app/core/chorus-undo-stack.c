/* chorus-undo-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-undo-stack.h"

typedef struct
{
  const ChorusChangeClass *klass;
  gpointer                 data;
} Change;

typedef struct
{
  char   *label;
  GArray *changes;  /* of Change, in the order they were applied */
} Step;

struct _ChorusUndoStack
{
  GPtrArray *steps;          /* of Step; [0, position) are applied */
  guint      position;
  /* The position of the last save, or -1 once that state cannot come back
   * (its steps were dropped to make room for a new branch). */
  gint64     saved_position;
  Step      *open_step;
  guint      group_depth;
};

static void
change_clear (gpointer data)
{
  Change *change = data;

  if (change->klass->free != NULL)
    change->klass->free (change->data);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (step->changes, change_clear);

  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_array_unref (step->changes);
  g_free (step);
}

ChorusUndoStack *
chorus_undo_stack_new (void)
{
  ChorusUndoStack *self = g_new0 (ChorusUndoStack, 1);

  self->steps = g_ptr_array_new_with_free_func (step_free);

  return self;
}

void
chorus_undo_stack_free (ChorusUndoStack *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->open_step, step_free);
  g_ptr_array_unref (self->steps);
  g_free (self);
}

static void
commit_step (ChorusUndoStack *self,
             Step            *step)
{
  /* A new change forgets what could have been redone. */
  if (self->position < self->steps->len)
    {
      if (self->saved_position > (gint64) self->position)
        self->saved_position = -1;
      g_ptr_array_set_size (self->steps, self->position);
    }

  g_ptr_array_add (self->steps, step);
  self->position = self->steps->len;
}

void
chorus_undo_stack_begin_group (ChorusUndoStack *self,
                               const char      *label)
{
  if (self->group_depth++ == 0)
    self->open_step = step_new (label);
}

gboolean
chorus_undo_stack_end_group (ChorusUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (self->group_depth > 0, FALSE);

  if (--self->group_depth > 0)
    return FALSE;

  step = g_steal_pointer (&self->open_step);
  if (step->changes->len == 0)
    {
      step_free (step);
      return FALSE;
    }

  commit_step (self, step);
  return TRUE;
}

gboolean
chorus_undo_stack_in_group (ChorusUndoStack *self)
{
  return self->group_depth > 0;
}

void
chorus_undo_stack_push (ChorusUndoStack         *self,
                        const ChorusChangeClass *klass,
                        gpointer                 data,
                        const char              *label)
{
  Change change = { klass, data };

  if (self->open_step != NULL)
    {
      g_array_append_val (self->open_step->changes, change);
    }
  else
    {
      Step *step = step_new (label);

      g_array_append_val (step->changes, change);
      commit_step (self, step);
    }
}

gboolean
chorus_undo_stack_can_undo (ChorusUndoStack *self)
{
  return self->group_depth == 0 && self->position > 0;
}

gboolean
chorus_undo_stack_can_redo (ChorusUndoStack *self)
{
  return self->group_depth == 0 && self->position < self->steps->len;
}

gboolean
chorus_undo_stack_undo (ChorusUndoStack *self)
{
  Step *step;

  if (!chorus_undo_stack_can_undo (self))
    return FALSE;

  step = g_ptr_array_index (self->steps, --self->position);
  for (guint i = step->changes->len; i > 0; i--)
    {
      Change *change = &g_array_index (step->changes, Change, i - 1);
      change->klass->apply (change->data, FALSE);
    }

  return TRUE;
}

gboolean
chorus_undo_stack_redo (ChorusUndoStack *self)
{
  Step *step;

  if (!chorus_undo_stack_can_redo (self))
    return FALSE;

  step = g_ptr_array_index (self->steps, self->position++);
  for (guint i = 0; i < step->changes->len; i++)
    {
      Change *change = &g_array_index (step->changes, Change, i);
      change->klass->apply (change->data, TRUE);
    }

  return TRUE;
}

const char *
chorus_undo_stack_get_undo_label (ChorusUndoStack *self)
{
  if (!chorus_undo_stack_can_undo (self))
    return NULL;

  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->label;
}

const char *
chorus_undo_stack_get_redo_label (ChorusUndoStack *self)
{
  if (!chorus_undo_stack_can_redo (self))
    return NULL;

  return ((Step *) g_ptr_array_index (self->steps, self->position))->label;
}

void
chorus_undo_stack_mark_saved (ChorusUndoStack *self)
{
  self->saved_position = self->position;
}

/* No position matches the file any more: what is shown is not what is saved, whatever is
 * undone or redone (a recovered copy restored over an older file). */
void
chorus_undo_stack_mark_unsaved (ChorusUndoStack *self)
{
  self->saved_position = -1;
}

gboolean
chorus_undo_stack_is_at_saved (ChorusUndoStack *self)
{
  return self->saved_position == (gint64) self->position;
}
