/* warta-publish-util.c: what the platforms' publishers share
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-publisher"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "warta-media-rules.h"
#include "warta-oauth.h"
#include "warta-publish-error.h"
#include "warta-publish-util-private.h"
#include "warta-wordpress.h"

char *
_warta_publish_access_token (const char *secret)
{
  g_autoptr(WartaOAuthTokens) tokens = NULL;

  if (secret == NULL)
    return NULL;
  if (secret[0] != '{')
    return g_strdup (secret);
  tokens = warta_oauth_tokens_from_json (secret, NULL);
  return tokens ? g_strdup (tokens->access_token) : NULL;
}

guint64
_warta_publish_setting_uint (WartaAccount *account,
                             const char   *key,
                             guint64       fallback)
{
  g_autofree char *value = warta_account_dup_setting (account, key);

  if (value == NULL || *value == '\0')
    return fallback;
  return g_ascii_strtoull (value, NULL, 10);
}

gboolean
_warta_publish_check_media (WartaPublishJob  *job,
                            const char       *platform,
                            guint             max_photos,
                            GError          **error)
{
  g_autoptr(GPtrArray) photos = warta_publish_job_list_media (job, "photo");
  g_autoptr(GPtrArray) videos = warta_publish_job_list_media (job, "video");
  g_autoptr(GArray) problems = NULL;
  g_autoptr(GString) message = g_string_new (NULL);

  problems = warta_media_rules_check (platform, photos->len, videos->len, max_photos);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const WartaMediaProblem *problem = &g_array_index (problems, WartaMediaProblem, i);

      if (warta_media_rules_is_blocking (problem->rule))
        g_string_append_printf (message, "%s ", problem->message);
    }
  if (message->len == 0)
    return TRUE;
  /* Translators: %s is a platform ("X"); follows what to change */
  g_string_append_printf (message, _("Then have the change approved and publish again, or publish to %s by hand and record the proof."),
                          warta_media_rules_get_name (platform));
  g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED, message->str);
  return FALSE;
}

JsonNode *
_warta_publish_object (const char *first_name,
                       ...)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  va_list args;

  json_builder_begin_object (builder);
  va_start (args, first_name);
  for (const char *name = first_name; name; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);

      json_builder_set_member_name (builder, name);
      if (value)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  va_end (args);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
render_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GFile *destination = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  WartaUpload *upload;

  if (!warta_rendition_render_finish (WARTA_RENDITION (object), result, &error))
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                               _("The photo for this platform cannot be prepared: %s. Check that the file still exists, or choose it again."),
                               error->message);
      return;
    }
  upload = warta_upload_new_for_file (destination, "image/jpeg", &error);
  if (upload == NULL)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                               _("The photo for this platform cannot be prepared: %s. Check that the file still exists, or choose it again."),
                               error->message);
      return;
    }
  g_task_return_pointer (task, upload, g_object_unref);
}

void
_warta_publish_open_rendition_async (WartaPublishJob      *job,
                                     WartaMediaItem       *item,
                                     WartaRenditionTarget  target,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(WartaRendition) rendition = warta_rendition_new_for_media_item (target, item);
  g_autoptr(GFile) original = warta_publish_job_get_media_file (job, item);
  g_autofree char *original_path = g_file_get_path (original);
  g_autofree char *seed = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  GFile *destination;

  g_task_set_source_tag (task, _warta_publish_open_rendition_async);

  /* One file per job, photo and platform: rendered again after a restart,
   * the same pixels (the platform keeps what it confirmed). */
  seed = g_strdup_printf ("%s|%s|%d", warta_publish_job_get_key (job), original_path, (int) target);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
  dir = g_build_filename (g_get_user_cache_dir (), "warta", "renditions", NULL);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      /* No cache folder (a service's account, a sandbox without one). */
      g_free (dir);
      dir = g_build_filename (g_get_tmp_dir (), "warta-renditions", NULL);
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED,
                               _("The photo for this platform cannot be prepared in “%s”: %s. Free some disk space and try again."),
                               dir, g_strerror (saved));
      return;
    }
  name = g_strdup_printf ("%.32s.jpg", hash);
  destination = g_file_new_build_filename (dir, name, NULL);
  g_task_set_task_data (task, destination, g_object_unref);
  warta_rendition_render_async (rendition, original, destination, cancellable, render_cb,
                                g_steal_pointer (&task));
}

WartaUpload *
_warta_publish_open_rendition_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

WartaAccount *
_warta_publish_find_host_in (GListModel *accounts,
                             gint64      wordpress_id)
{
  for (guint i = 0; accounts != NULL && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (warta_account_get_platform (account), "wordpress") == 0 &&
          (wordpress_id == 0 || warta_account_get_id (account) == wordpress_id))
        return g_steal_pointer (&account);
    }
  return NULL;
}

WartaAccount *
_warta_publish_find_photo_host (WartaPublishJob  *job,
                                gint64            wordpress_id,
                                GError          **error)
{
  WartaAccountStore *store = warta_publish_job_get_account_store (job);
  g_autoptr(GListModel) accounts = NULL;

  if (store == NULL)
    return NULL;
  accounts = warta_account_repository_list (warta_account_store_get_repository (store), error);
  return _warta_publish_find_host_in (accounts, wordpress_id);
}

typedef struct
{
  WartaHttpClient      *client;
  WartaPublishJob      *job;
  WartaAccount         *host;
  WartaMediaItem       *item;
  WartaRenditionTarget  target;
  char                 *slug;
  WartaWordPress       *wordpress;
  guint                 index;
  guint                 n_steps;
} HostData;

static gboolean
is_video (WartaMediaItem *item)
{
  return g_strcmp0 (warta_media_item_get_kind (item), "video") == 0;
}

static void
host_data_free (HostData *d)
{
  g_clear_object (&d->client);
  g_clear_object (&d->job);
  g_clear_object (&d->host);
  g_clear_object (&d->item);
  g_clear_object (&d->wordpress);
  g_free (d->slug);
  g_free (d);
}

static void
hosted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HostData *d = g_task_get_task_data (task);
  WartaRemoteResult *res;
  GError *error = NULL;

  res = warta_wordpress_upload_media_finish (WARTA_WORDPRESS (object), result, &error);
  if (res == NULL)
    {
      if (is_video (d->item))
        g_prefix_error (&error, _("The video cannot be put on the website: "));
      else
        g_prefix_error (&error, _("The photo cannot be put on the website: "));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, res, (GDestroyNotify) warta_remote_result_free);
}

static void
host_rendered_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HostData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(WartaUpload) upload = NULL;
  GError *error = NULL;

  upload = _warta_publish_open_rendition_finish (result, &error);
  if (upload == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  warta_wordpress_upload_media_async (d->wordpress, upload, d->slug, cancellable, hosted_cb,
                                      g_steal_pointer (&task));
}

static void
host_signed_in_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HostData *d = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
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
                               _("The photos and videos go through the website “%s”, and no saved sign-in for it was found in the keyring. Sign in again to that website in Accounts."),
                               warta_account_get_display_name (d->host));
      return;
    }
  user = warta_account_dup_setting (d->host, "user");
  d->wordpress = warta_wordpress_new (d->client, warta_account_get_base_url (d->host), user, secret);
  warta_secret_clear (&secret);
  if (is_video (d->item))
    {
      g_autoptr(WartaUpload) upload = NULL;

      /* A video goes as it was approved. */
      upload = warta_publish_job_open_upload (d->job, d->item, &error);
      if (upload == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      warta_publish_job_track_upload (d->job, upload, d->index, d->n_steps);
      warta_wordpress_upload_media_async (d->wordpress, upload, d->slug, cancellable, hosted_cb,
                                          g_steal_pointer (&task));
      return;
    }
  _warta_publish_open_rendition_async (d->job, d->item, d->target, cancellable, host_rendered_cb,
                                       g_steal_pointer (&task));
}

void
_warta_publish_host_media_async (WartaHttpClient      *client,
                                 WartaPublishJob      *job,
                                 WartaAccount         *host,
                                 WartaMediaItem       *item,
                                 WartaRenditionTarget  target,
                                 const char           *slug,
                                 guint                 index,
                                 guint                 n_steps,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  HostData *d = g_new0 (HostData, 1);

  g_task_set_source_tag (task, _warta_publish_host_media_async);
  /* A file the website confirmed is recorded, paused or not. */
  g_task_set_check_cancellable (task, FALSE);
  d->client = g_object_ref (client);
  d->job = g_object_ref (job);
  d->host = g_object_ref (host);
  d->item = g_object_ref (item);
  d->target = target;
  d->slug = g_strdup (slug);
  d->index = index;
  d->n_steps = n_steps;
  g_task_set_task_data (task, d, (GDestroyNotify) host_data_free);
  warta_account_store_lookup_secret_async (warta_publish_job_get_account_store (job), host,
                                           cancellable, host_signed_in_cb, task);
}

void
_warta_publish_host_photo_async (WartaHttpClient      *client,
                                 WartaPublishJob      *job,
                                 WartaAccount         *host,
                                 WartaMediaItem       *item,
                                 WartaRenditionTarget  target,
                                 const char           *slug,
                                 GCancellable         *cancellable,
                                 GAsyncReadyCallback   callback,
                                 gpointer              user_data)
{
  _warta_publish_host_media_async (client, job, host, item, target, slug, 0, 0, cancellable,
                                   callback, user_data);
}

void
_warta_publish_return_hosted (GTask        *task,
                              const char   *name,
                              GAsyncResult *result)
{
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  g_return_if_fail (g_task_is_valid (result, NULL));
  res = g_task_propagate_pointer (G_TASK (result), &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    warta_publisher_return_step (task, name,
                                 _warta_publish_object ("id", res->id, "url", res->url, NULL));
}

GTask *
_warta_publish_take_down_task (WartaPublisher       *self,
                               WartaPublishJob      *job,
                               GCancellable         *cancellable,
                               GAsyncReadyCallback   callback,
                               gpointer              user_data,
                               gpointer              source_tag,
                               const char           *no_id_message,
                               const char          **out_id)
{
  const char *id = warta_outbox_job_get_remote_id (warta_publish_job_get_job (job));
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (id == NULL || *id == '\0')
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED, "%s",
                               no_id_message);
      g_object_unref (task);
      return NULL;
    }
  *out_id = id;
  return task;
}

void
_warta_publish_deleted_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}
