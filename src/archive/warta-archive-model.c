/* warta-archive-model.c: the archive as a lazily paged list
 *
 * n_items comes from a count in the worker; rows are read in pages of
 * WARTA_ARCHIVE_MODEL_PAGE_SIZE when a view first asks for one of them.
 * Until its page arrives a row is an empty WartaArchiveItem ("loaded" is
 * false) that is filled in place, so scrolling through 100,000 items
 * never waits for the database and never emits items-changed per page.
 * A new query (or reload) bumps a generation: answers to older requests
 * are dropped.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-archive-model"

#include "config.h"

#include "warta-archive-item.h"
#include "warta-archive-model.h"

#define PAGE WARTA_ARCHIVE_MODEL_PAGE_SIZE

struct _WartaArchiveModel
{
  GObject             parent_instance;

  WartaArchive       *archive;
  WartaArchiveQuery  *query;
  GHashTable         *pages;        /* page number → GPtrArray of WartaArchiveItem */
  GCancellable       *cancellable;  /* of the current generation's requests */
  char               *error;
  guint               n_items;
  guint               generation;
  guint               n_loaded_pages;
  gboolean            loading;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaArchiveModel, warta_archive_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Keeps the model alive no longer than needed: a request holds a weak
 * reference and its generation. */
typedef struct
{
  GWeakRef  model;
  guint     generation;
  guint     page;
} Request;

static Request *
request_new (WartaArchiveModel *self,
             guint              page)
{
  Request *request = g_new0 (Request, 1);

  g_weak_ref_init (&request->model, self);
  request->generation = self->generation;
  request->page = page;

  return request;
}

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->model);
  g_free (request);
}

static void
set_loading (WartaArchiveModel *self,
             gboolean           loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_error (WartaArchiveModel *self,
           const char        *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(WartaArchiveModel) self = g_weak_ref_get (&request->model);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *placeholders;

  items = warta_archive_search_finish (WARTA_ARCHIVE (object), result, NULL, &error);

  if (self == NULL || request->generation != self->generation)
    goto out;

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      /* Let a later look at the page ask again. */
      g_hash_table_remove (self->pages, GUINT_TO_POINTER (request->page));
      goto out;
    }

  placeholders = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (request->page));
  if (placeholders != NULL)
    {
      for (guint i = 0; i < MIN (placeholders->len, items->len); i++)
        warta_archive_item_update (placeholders->pdata[i], items->pdata[i]);
      self->n_loaded_pages++;
    }

out:
  request_free (request);
}

static void
fetch_page (WartaArchiveModel *self,
            guint              page)
{
  warta_archive_search_async (self->archive, self->query, page * PAGE, PAGE, FALSE, 0,
                              self->cancellable, page_cb, request_new (self, page));
}

static GType
warta_archive_model_get_item_type (GListModel *model)
{
  return WARTA_TYPE_ARCHIVE_ITEM;
}

static guint
warta_archive_model_get_n_items (GListModel *model)
{
  return WARTA_ARCHIVE_MODEL (model)->n_items;
}

static gpointer
warta_archive_model_get_item (GListModel *model,
                              guint       position)
{
  WartaArchiveModel *self = WARTA_ARCHIVE_MODEL (model);
  guint page = position / PAGE;
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;

  items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (items == NULL)
    {
      guint n = MIN (PAGE, self->n_items - page * PAGE);

      items = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (items, warta_archive_item_new ());
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
      fetch_page (self, page);
    }

  return g_object_ref (items->pdata[position % PAGE]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = warta_archive_model_get_item_type;
  iface->get_n_items = warta_archive_model_get_n_items;
  iface->get_item = warta_archive_model_get_item;
}

static void
warta_archive_model_dispose (GObject *object)
{
  WartaArchiveModel *self = (WartaArchiveModel *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (warta_archive_model_parent_class)->dispose (object);
}

static void
warta_archive_model_finalize (GObject *object)
{
  WartaArchiveModel *self = (WartaArchiveModel *)object;

  g_clear_object (&self->archive);
  g_clear_pointer (&self->query, warta_archive_query_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (warta_archive_model_parent_class)->finalize (object);
}

static void
warta_archive_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WartaArchiveModel *self = WARTA_ARCHIVE_MODEL (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_archive_model_class_init (WartaArchiveModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = warta_archive_model_dispose;
  object_class->finalize = warta_archive_model_finalize;
  object_class->get_property = warta_archive_model_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_archive_model_init (WartaArchiveModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  self->query = warta_archive_query_new ();
}

WartaArchiveModel *
warta_archive_model_new (WartaArchive *archive)
{
  WartaArchiveModel *self;

  g_return_val_if_fail (WARTA_IS_ARCHIVE (archive), NULL);

  self = g_object_new (WARTA_TYPE_ARCHIVE_MODEL, NULL);
  self->archive = g_object_ref (archive);

  return self;
}

WartaArchive *
warta_archive_model_get_archive (WartaArchiveModel *self)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE_MODEL (self), NULL);

  return self->archive;
}

/* The exact count, after a bounded one: the list grows at its end. */
static void
total_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(WartaArchiveModel) self = g_weak_ref_get (&request->model);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;
  guint old_n;

  items = warta_archive_search_finish (WARTA_ARCHIVE (object), result, &count, &error);
  if (self == NULL || request->generation != self->generation || items == NULL)
    {
      request_free (request);
      return;
    }
  request_free (request);

  if (count <= self->n_items)
    return;

  old_n = self->n_items;
  self->n_items = count;
  g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, count - old_n);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The count (bounded: a common word matches most of the archive) and the
 * first page arrive together, so the list changes once; when the bound
 * was reached, the exact count follows and the list grows. */
static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(WartaArchiveModel) self = g_weak_ref_get (&request->model);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;
  guint old_n;

  items = warta_archive_search_finish (WARTA_ARCHIVE (object), result, &count, &error);

  if (self == NULL || request->generation != self->generation)
    {
      request_free (request);
      return;
    }
  request_free (request);

  set_loading (self, FALSE);

  if (items == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, error->message);
      return;
    }
  set_error (self, NULL);

  old_n = self->n_items;
  g_hash_table_remove_all (self->pages);
  self->n_loaded_pages = 0;
  self->n_items = count;
  if (items->len > 0)
    {
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (0), g_ptr_array_ref (items));
      self->n_loaded_pages = 1;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (count >= WARTA_ARCHIVE_FIRST_COUNT)
    warta_archive_search_async (self->archive, self->query, 0, 0, TRUE, 0, self->cancellable,
                                total_cb, request_new (self, 0));
}

/**
 * warta_archive_model_reload:
 *
 * Reads the count and the first page again (after a change to the
 * database), keeping the query.
 */
void
warta_archive_model_reload (WartaArchiveModel *self)
{
  g_return_if_fail (WARTA_IS_ARCHIVE_MODEL (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  set_loading (self, TRUE);
  warta_archive_search_async (self->archive, self->query, 0, PAGE, TRUE, WARTA_ARCHIVE_FIRST_COUNT,
                              self->cancellable, open_cb, request_new (self, 0));
}

/**
 * warta_archive_model_set_query:
 * @self: a #WartaArchiveModel
 * @query: what the list shows
 *
 * Starts reading the matches; the list changes when the count and the
 * first page are in.
 */
void
warta_archive_model_set_query (WartaArchiveModel       *self,
                               const WartaArchiveQuery *query)
{
  g_return_if_fail (WARTA_IS_ARCHIVE_MODEL (self));
  g_return_if_fail (query != NULL);

  g_clear_pointer (&self->query, warta_archive_query_free);
  self->query = warta_archive_query_copy (query);
  warta_archive_model_reload (self);
}

const WartaArchiveQuery *
warta_archive_model_get_query (WartaArchiveModel *self)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE_MODEL (self), NULL);

  return self->query;
}

gboolean
warta_archive_model_get_loading (WartaArchiveModel *self)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE_MODEL (self), FALSE);

  return self->loading;
}

const char *
warta_archive_model_get_error (WartaArchiveModel *self)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE_MODEL (self), NULL);

  return self->error;
}

guint
warta_archive_model_get_n_loaded_pages (WartaArchiveModel *self)
{
  g_return_val_if_fail (WARTA_IS_ARCHIVE_MODEL (self), 0);

  return self->n_loaded_pages;
}
