/* chorus-codebook.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "chorus-model-private.h"

struct _ChorusCodebook
{
  GObject     parent_instance;

  GPtrArray  *themes;    /* of ChorusTheme, owned */
  GHashTable *by_id;     /* id -> ChorusTheme */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChorusCodebook, chorus_codebook, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Okabe and Ito's colour-blind-safe palette (black swapped for grey so the
 * text drawn over it stays legible), then darker and lighter variants. */
static const char * const palette[] = {
  "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999",
  "#004c77", "#9a6a00", "#00694d", "#88516f", "#3a789c", "#8e3f00", "#a0982c", "#666666",
};

static GType
chorus_codebook_get_item_type (GListModel *model)
{
  return CHORUS_TYPE_THEME;
}

static guint
chorus_codebook_get_n_items (GListModel *model)
{
  return CHORUS_CODEBOOK (model)->themes->len;
}

static gpointer
chorus_codebook_get_item (GListModel *model,
                          guint       position)
{
  ChorusCodebook *self = CHORUS_CODEBOOK (model);

  if (position >= self->themes->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->themes, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = chorus_codebook_get_item_type;
  iface->get_n_items = chorus_codebook_get_n_items;
  iface->get_item = chorus_codebook_get_item;
}

static void
chorus_codebook_finalize (GObject *object)
{
  ChorusCodebook *self = (ChorusCodebook *) object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->themes, g_ptr_array_unref);

  G_OBJECT_CLASS (chorus_codebook_parent_class)->finalize (object);
}

static void
chorus_codebook_class_init (ChorusCodebookClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chorus_codebook_finalize;
}

static void
chorus_codebook_init (ChorusCodebook *self)
{
  self->themes = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

ChorusCodebook *
_chorus_codebook_new (void)
{
  return g_object_new (CHORUS_TYPE_CODEBOOK, NULL);
}

void
_chorus_codebook_insert (ChorusCodebook *self,
                         guint           position,
                         ChorusTheme    *theme)
{
  g_return_if_fail (position <= self->themes->len);
  g_return_if_fail (!g_hash_table_contains (self->by_id, chorus_theme_get_id (theme)));

  g_ptr_array_insert (self->themes, position, g_object_ref (theme));
  g_hash_table_insert (self->by_id, (gpointer) chorus_theme_get_id (theme), theme);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
_chorus_codebook_remove (ChorusCodebook *self,
                         guint           position)
{
  ChorusTheme *theme;

  g_return_if_fail (position < self->themes->len);

  theme = g_ptr_array_index (self->themes, position);
  g_hash_table_remove (self->by_id, chorus_theme_get_id (theme));
  g_ptr_array_remove_index (self->themes, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

ChorusTheme *
chorus_codebook_find_theme (ChorusCodebook *self,
                            const char     *theme_id)
{
  g_return_val_if_fail (CHORUS_IS_CODEBOOK (self), NULL);

  if (theme_id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, theme_id);
}

ChorusTheme *
chorus_codebook_find_by_name (ChorusCodebook *self,
                              const char     *name)
{
  g_return_val_if_fail (CHORUS_IS_CODEBOOK (self), NULL);

  if (name == NULL)
    return NULL;

  for (guint i = 0; i < self->themes->len; i++)
    {
      ChorusTheme *theme = g_ptr_array_index (self->themes, i);
      g_autofree char *a = g_utf8_casefold (chorus_theme_get_name (theme), -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (g_str_equal (a, b))
        return theme;
    }

  return NULL;
}

int
chorus_codebook_get_position (ChorusCodebook *self,
                              ChorusTheme    *theme)
{
  guint position;

  g_return_val_if_fail (CHORUS_IS_CODEBOOK (self), -1);

  if (theme != NULL && g_ptr_array_find (self->themes, theme, &position))
    return (int) position;

  return -1;
}

gboolean
chorus_codebook_is_descendant (ChorusCodebook *self,
                               const char     *theme_id,
                               const char     *ancestor_id)
{
  const char *current = theme_id;

  g_return_val_if_fail (CHORUS_IS_CODEBOOK (self), FALSE);

  if (theme_id == NULL || ancestor_id == NULL)
    return FALSE;

  /* Bounded by the number of themes so that a loop (which the loader and
   * chorus_project_set_theme_parent() both refuse) can never hang us. */
  for (guint steps = 0; current != NULL && steps <= self->themes->len; steps++)
    {
      ChorusTheme *theme;

      if (g_str_equal (current, ancestor_id))
        return TRUE;

      theme = g_hash_table_lookup (self->by_id, current);
      current = theme ? chorus_theme_get_parent_id (theme) : NULL;
    }

  return FALSE;
}

const char *
chorus_codebook_get_next_colour (ChorusCodebook *self)
{
  g_return_val_if_fail (CHORUS_IS_CODEBOOK (self), NULL);

  for (guint p = 0; p < G_N_ELEMENTS (palette); p++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < self->themes->len && !used; i++)
        used = g_ascii_strcasecmp (chorus_theme_get_colour (g_ptr_array_index (self->themes, i)),
                                   palette[p]) == 0;

      if (!used)
        return palette[p];
    }

  return palette[self->themes->len % G_N_ELEMENTS (palette)];
}
