/* chorus-outline-node.h — one row of the consultation outline in the sidebar
 *
 * The consultation's documents, sections and questions have no GObject properties of their
 * own (the consultation is read-only), and the sidebar needs per-question counts and status
 * from the project. A node wraps one of them with exactly what a row shows, as properties a
 * GtkBuilderListItemFactory can bind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "chorus.h"

G_BEGIN_DECLS

typedef enum
{
  CHORUS_OUTLINE_NODE_DOCUMENT,
  CHORUS_OUTLINE_NODE_SECTION,
  CHORUS_OUTLINE_NODE_QUESTION,
} ChorusOutlineNodeKind;

#define CHORUS_TYPE_OUTLINE_NODE (chorus_outline_node_get_type ())

G_DECLARE_FINAL_TYPE (ChorusOutlineNode, chorus_outline_node, CHORUS, OUTLINE_NODE, GObject)

/* A list of document nodes, each holding its sections and their questions. */
GListModel            *chorus_outline_node_build_tree        (ChorusConsultation *consultation) G_GNUC_WARN_UNUSED_RESULT;

ChorusOutlineNodeKind  chorus_outline_node_get_kind          (ChorusOutlineNode  *self);
/* The ChorusDocument, ChorusSection or ChorusQuestion shown. */
gpointer               chorus_outline_node_get_object        (ChorusOutlineNode  *self);
/* NULL unless the node is a question. */
ChorusQuestion        *chorus_outline_node_get_question      (ChorusOutlineNode  *self);
const char            *chorus_outline_node_get_title         (ChorusOutlineNode  *self);
const char            *chorus_outline_node_get_number        (ChorusOutlineNode  *self);
guint                  chorus_outline_node_get_n_items       (ChorusOutlineNode  *self);
/* Questions below the node (1 for a question). */
guint                  chorus_outline_node_get_n_questions   (ChorusOutlineNode  *self);
ChorusDraftStatus      chorus_outline_node_get_status        (ChorusOutlineNode  *self);
/* Child nodes, or NULL for a question. */
GListModel            *chorus_outline_node_get_children      (ChorusOutlineNode  *self);
gboolean               chorus_outline_node_contains_question (ChorusOutlineNode  *self,
                                                              ChorusQuestion     *question);
/* Refreshes counts and status, recursively, from a snapshot of the project. */
void                   chorus_outline_node_update            (ChorusOutlineNode  *self,
                                                              ChorusProject      *project,
                                                              ChorusStats        *stats);

G_END_DECLS
