/* chorus-undo-stack.h — a linear undo history of grouped, reversible changes
 *
 * The stack knows nothing of the model: a change is a vtable and its data,
 * pushed after it has been applied. ChorusProject defines the changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ChorusUndoStack ChorusUndoStack;

typedef struct
{
  /* Re-applies the change when @forward, reverts it otherwise. */
  void (*apply) (gpointer data,
                 gboolean forward);
  void (*free)  (gpointer data);
} ChorusChangeClass;

ChorusUndoStack *chorus_undo_stack_new          (void);
void             chorus_undo_stack_free         (ChorusUndoStack         *self);
/* Groups nest; the outermost label names the step. Returns TRUE from end_group
 * when the outermost group closed with at least one change in it. */
void             chorus_undo_stack_begin_group  (ChorusUndoStack         *self,
                                                 const char              *label);
gboolean         chorus_undo_stack_end_group    (ChorusUndoStack         *self);
gboolean         chorus_undo_stack_in_group     (ChorusUndoStack         *self);
/* Takes @data; the change must already be applied. Outside a group it is a
 * step of its own, labelled @label. Drops whatever could be redone. */
void             chorus_undo_stack_push         (ChorusUndoStack         *self,
                                                 const ChorusChangeClass *klass,
                                                 gpointer                 data,
                                                 const char              *label);
gboolean         chorus_undo_stack_can_undo     (ChorusUndoStack         *self);
gboolean         chorus_undo_stack_can_redo     (ChorusUndoStack         *self);
gboolean         chorus_undo_stack_undo         (ChorusUndoStack         *self);
gboolean         chorus_undo_stack_redo         (ChorusUndoStack         *self);
const char      *chorus_undo_stack_get_undo_label (ChorusUndoStack       *self);
const char      *chorus_undo_stack_get_redo_label (ChorusUndoStack       *self);
void             chorus_undo_stack_mark_saved   (ChorusUndoStack         *self);
void             chorus_undo_stack_mark_unsaved (ChorusUndoStack         *self);
gboolean         chorus_undo_stack_is_at_saved  (ChorusUndoStack         *self);

G_END_DECLS
