/* warta-instagram-publisher.c: the outbox's steps for an Instagram account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Instagram takes images only from a public address (platform-apis.md
 * §2.9): each photo's Instagram rendition first goes to the media library
 * of the office's WordPress website, under a slug fixed per job and photo
 * so that it is never uploaded twice ("host-N": media id and public URL).
 * Then a container per photo ("container-N"), a carousel container for
 * two or more ("carousel"), and media_publish ("post"): the client reads
 * the container's status first and finds an already published post
 * instead of publishing twice. Containers are Instagram's idempotency
 * handles; one made by an attempt whose answer was lost expires unused.
 */
#define G_LOG_DOMAIN "warta-instagram"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-instagram-publisher.h"
#include "warta-publish-error.h"
#include "warta-publish-util-private.h"
#include "warta-wordpress.h"

/* A carousel has 2–10 children (§2.3). */
#define MAX_PHOTOS 10

struct _WartaInstagramPublisher
{
  GObject          parent_instance;

  WartaHttpClient *client;
  WartaInstagram  *instagram;
  gint64           wordpress_id;
  WartaWordPress  *wordpress;    /* once its secret is known */
};

static void publisher_iface_init (WartaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaInstagramPublisher, warta_instagram_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WARTA_TYPE_PUBLISHER, publisher_iface_init))

static void
warta_instagram_publisher_finalize (GObject *object)
{
  WartaInstagramPublisher *self = WARTA_INSTAGRAM_PUBLISHER (object);

  g_clear_object (&self->client);
  g_clear_object (&self->instagram);
  g_clear_object (&self->wordpress);

  G_OBJECT_CLASS (warta_instagram_publisher_parent_class)->finalize (object);
}

static void
warta_instagram_publisher_class_init (WartaInstagramPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_instagram_publisher_finalize;
}

static void
warta_instagram_publisher_init (WartaInstagramPublisher *self)
{
}

WartaPublisher *
warta_instagram_publisher_new (WartaHttpClient  *client,
                               WartaAccount     *account,
                               const char       *secret,
                               GError          **error)
{
  WartaInstagramPublisher *self;
  g_autofree char *token = _warta_publish_access_token (secret);
  g_autofree char *user_id = warta_account_dup_setting (account, "user-id");
  guint64 poll;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);

  if (user_id == NULL || *user_id == '\0')
    {
      g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                   _("The Instagram account “%s” names no Instagram user. Remove it in Accounts and add it again."),
                   warta_account_get_display_name (account));
      return NULL;
    }
  self = g_object_new (WARTA_TYPE_INSTAGRAM_PUBLISHER, NULL);
  self->client = g_object_ref (client);
  self->instagram = warta_instagram_new (client, warta_account_get_base_url (account), user_id, token);
  self->wordpress_id = (gint64) _warta_publish_setting_uint (account, "wordpress-account", 0);
  poll = _warta_publish_setting_uint (account, "poll-ms", 0);
  if (poll > 0)
    warta_instagram_set_poll_interval (self->instagram, (guint) poll, (guint) poll * 600);
  return WARTA_PUBLISHER (self);
}

typedef struct
{
  WartaPublishJob *job;
  WartaMediaItem  *item;
  WartaAccount    *host;
  char            *name;
  char            *slug;
  char            *caption;
} Step;

static void
step_free (Step *s)
{
  g_clear_object (&s->job);
  g_clear_object (&s->item);
  g_clear_object (&s->host);
  g_free (s->name);
  g_free (s->slug);
  g_free (s->caption);
  g_free (s);
}

static void
return_step (GTask      *task,
             const char *name,
             JsonNode   *value)
{
  g_task_return_pointer (task, warta_publish_step_new (name, value),
                         (GDestroyNotify) warta_publish_step_free);
}

static void
no_host_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_instagram_create_container_finish (WARTA_INSTAGRAM (object), result, &error);
  g_assert (res == NULL);
  g_task_return_error (task, error);
}

/* The office's WordPress account: the one the settings name, else the
 * first. */
static WartaAccount *
find_host (WartaInstagramPublisher *self,
           WartaPublishJob         *job,
           GError                 **error)
{
  WartaAccountStore *store = warta_publish_job_get_account_store (job);
  g_autoptr(GListModel) accounts = NULL;

  if (store == NULL)
    return NULL;
  accounts = warta_account_repository_list (warta_account_store_get_repository (store), error);
  if (accounts == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (warta_account_get_platform (account), "wordpress") == 0 &&
          (self->wordpress_id == 0 || warta_account_get_id (account) == self->wordpress_id))
        return g_steal_pointer (&account);
    }
  return NULL;
}

static void
host_upload_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_wordpress_upload_media_finish (WARTA_WORDPRESS (object), result, &error);
  if (res == NULL)
    {
      g_prefix_error (&error, _("The photo for Instagram cannot be put on the website: "));
      g_task_return_error (task, error);
      return;
    }
  return_step (task, s->name, _warta_publish_object ("id", res->id, "url", res->url, NULL));
}

static void
host_rendition_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaInstagramPublisher *self = g_task_get_source_object (task);
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaUpload) upload = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  upload = _warta_publish_open_rendition_finish (result, &error);
  if (upload == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  cancellable = g_task_get_cancellable (task);
  warta_wordpress_upload_media_async (self->wordpress, upload, s->slug, cancellable,
                                      host_upload_cb, g_steal_pointer (&task));
}

static void
upload_to_host (GTask *task)
{
  Step *s = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  _warta_publish_open_rendition_async (s->job, s->item, WARTA_RENDITION_TARGET_INSTAGRAM,
                                       cancellable, host_rendition_cb, task);
}

static void
host_secret_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaInstagramPublisher *self = g_task_get_source_object (task);
  Step *s = g_task_get_task_data (task);
  g_autofree char *secret = NULL;
  g_autofree char *user = NULL;
  GError *error = NULL;

  secret = warta_account_store_lookup_secret_finish (WARTA_ACCOUNT_STORE (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (secret == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED,
                               _("Instagram’s photos go through the website “%s”, and no saved sign-in for it was found in the keyring. Sign in again to that website in Accounts."),
                               warta_account_get_display_name (s->host));
      return;
    }
  user = warta_account_dup_setting (s->host, "user");
  self->wordpress = warta_wordpress_new (self->client, warta_account_get_base_url (s->host), user, secret);
  upload_to_host (g_steal_pointer (&task));
}

static void
container_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_instagram_create_container_finish (WARTA_INSTAGRAM (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    return_step (task, s->name, _warta_publish_object ("id", res->id, NULL));
}

static void
carousel_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_instagram_create_carousel_finish (WARTA_INSTAGRAM (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    return_step (task, "carousel", _warta_publish_object ("id", res->id, NULL));
}

static void
publish_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_instagram_publish_finish (WARTA_INSTAGRAM (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, warta_publish_step_new_final ("post", res->id, res->url),
                           (GDestroyNotify) warta_publish_step_free);
}

static void
run_step_async (WartaPublisher      *publisher,
                WartaPublishJob     *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  WartaInstagramPublisher *self = WARTA_INSTAGRAM_PUBLISHER (publisher);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) photos = warta_publish_job_list_media (job, "photo");
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  const char *container;
  guint n_steps;
  Step *s;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, run_step_async);
  s = g_new0 (Step, 1);
  s->job = g_object_ref (job);
  g_task_set_task_data (task, s, (GDestroyNotify) step_free);

  if (photos->len == 0)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                               "%s", _("Warta sends Instagram photos, and this publication has none. Add a photo and publish again, or upload the video to Instagram by hand and record the proof."));
      return;
    }
  if (photos->len > MAX_PHOTOS)
    g_ptr_array_set_size (photos, MAX_PHOTOS);
  n_steps = photos->len * 2 + 2;
  s->caption = warta_publish_job_dup_text (job, "instagram");

  /* 1. Each photo on the website, under its fixed slug. */
  for (guint i = 0; i < photos->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("host-%u", i);
      g_autofree char *post_slug = NULL;
      g_autoptr(GError) error = NULL;

      if (warta_publish_job_get_step_string (job, name, "url") != NULL)
        continue;

      s->name = g_steal_pointer (&name);
      s->item = g_object_ref (photos->pdata[i]);
      post_slug = warta_wordpress_slug_for_job (warta_outbox_job_get_publication_id (warta_publish_job_get_job (job)),
                                                warta_publish_job_get_key (job));
      s->slug = g_strdup_printf ("%s-instagram-%u", post_slug, i + 1);
      warta_publish_job_set_progress (job, i, n_steps, 0.0);
      if (self->wordpress != NULL)
        {
          upload_to_host (g_steal_pointer (&task));
          return;
        }
      s->host = find_host (self, job, &error);
      if (error != NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (s->host == NULL)
        {
          /* The client says what to do when there is no public host. */
          warta_instagram_create_container_async (self->instagram, NULL, s->caption, NULL, FALSE,
                                                  cancellable, no_host_cb, g_steal_pointer (&task));
          return;
        }
      warta_account_store_lookup_secret_async (warta_publish_job_get_account_store (job), s->host,
                                               cancellable, host_secret_cb, g_steal_pointer (&task));
      return;
    }

  /* 2. A container per photo. */
  for (guint i = 0; i < photos->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("container-%u", i);
      g_autofree char *host = g_strdup_printf ("host-%u", i);
      const char *id = warta_publish_job_get_step_string (job, name, "id");

      if (id != NULL)
        {
          g_ptr_array_add (children, (gpointer) id);
          continue;
        }
      s->name = g_steal_pointer (&name);
      warta_publish_job_set_progress (job, photos->len + i, n_steps, 0.5);
      warta_instagram_create_container_async (self->instagram,
                                              warta_publish_job_get_step_string (job, host, "url"),
                                              photos->len == 1 ? s->caption : NULL,
                                              warta_media_item_get_alt_text (photos->pdata[i]),
                                              photos->len > 1, cancellable, container_cb,
                                              g_steal_pointer (&task));
      return;
    }
  g_ptr_array_add (children, NULL);

  /* 3. Two or more: the carousel. */
  container = children->pdata[0];
  if (photos->len > 1)
    {
      container = warta_publish_job_get_step_string (job, "carousel", "id");
      if (container == NULL)
        {
          warta_publish_job_set_progress (job, photos->len * 2, n_steps, 0.5);
          warta_instagram_create_carousel_async (self->instagram,
                                                 (const char * const *) children->pdata,
                                                 s->caption, cancellable, carousel_cb,
                                                 g_steal_pointer (&task));
          return;
        }
    }

  /* 4. Status polled until FINISHED, then media_publish, once. */
  warta_publish_job_set_progress (job, n_steps - 1, n_steps, 0.5);
  warta_instagram_publish_async (self->instagram, container, s->caption, cancellable, publish_cb,
                                 g_steal_pointer (&task));
}

static WartaPublishStep *
run_step_finish (WartaPublisher  *publisher,
                 GAsyncResult    *result,
                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, publisher), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
publisher_iface_init (WartaPublisherInterface *iface)
{
  iface->run_step_async = run_step_async;
  iface->run_step_finish = run_step_finish;
}
