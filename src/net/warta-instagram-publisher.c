/* warta-instagram-publisher.c: the outbox's steps for an Instagram account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Instagram takes media only from a public address on the Instagram-Login
 * path (platform-apis.md §2.9): each photo's Instagram rendition, and each
 * video as it is, first goes to the media library of the office's
 * WordPress website, under a slug fixed per job and item so that it is
 * never uploaded twice ("host-N": media id and public URL). A video is
 * checked against Instagram's limits (§2.6) before anything is uploaded.
 * Then a container per item ("container-N"): an image, a reel for a lone
 * video, a VIDEO item in a carousel. For a carousel each child is waited
 * for until Instagram has processed it ("container-N" again, with
 * "ready"), then the carousel container ("carousel"), and media_publish
 * ("post"): the client polls the container until FINISHED, and reads its
 * status first and finds an already published post instead of publishing
 * twice. Containers are Instagram's idempotency handles: a restart polls
 * the container it has; one made by an attempt whose answer was lost
 * expires unused. A container that expired (24 hours) is recorded as
 * such, and the next step makes a new one.
 */
#define G_LOG_DOMAIN "warta-instagram"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-instagram-publisher.h"
#include "warta-media-probe.h"
#include "warta-media-rules.h"
#include "warta-publish-error.h"
#include "warta-publish-util-private.h"
#include "warta-wordpress.h"

/* A carousel has 2–10 children (§2.3): warta-media-rules' table. */
#define MAX_ITEMS (warta_media_rules_get_limits ("instagram")->max_items)

/* Reels (§2.6): MP4 or MOV, 3 s to 15 min, at most 300 MB (some newer
 * sources say 1 GB: the documented figure holds). Carousel video items
 * last at most 60 s [3rd-party]. */
#define MIN_VIDEO_US   (3 * G_USEC_PER_SEC)
/* A video's length and size: warta-media-rules' table too. */
#define INSTAGRAM      (warta_media_rules_get_limits ("instagram"))
#define MAX_REEL_US    ((gint64) INSTAGRAM->max_video_s * G_USEC_PER_SEC)
#define MAX_ITEM_US    ((gint64) INSTAGRAM->max_item_video_s * G_USEC_PER_SEC)
#define MAX_VIDEO_SIZE ((guint64) INSTAGRAM->max_video_mb * 1000 * 1000)

struct _WartaInstagramPublisher
{
  GObject          parent_instance;

  WartaHttpClient *client;
  WartaInstagram  *instagram;
  gint64           wordpress_id;
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
  char            *container;   /* the container the step waits for */
  char            *children;    /* the carousel's, comma-separated */
  GPtrArray       *to_check;    /* videos to check before uploading */
  gboolean         carousel;
  guint            index;       /* of the step, for the progress */
  guint            n_steps;
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
  g_free (s->container);
  g_free (s->children);
  g_clear_pointer (&s->to_check, g_ptr_array_unref);
  g_free (s);
}

static gboolean
is_video (WartaMediaItem *item)
{
  return g_strcmp0 (warta_media_item_get_kind (item), "video") == 0;
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

static void
hosted_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);

  _warta_publish_return_hosted (task, s->name, result);
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
    warta_publisher_return_step (task, s->name, _warta_publish_object ("id", res->id, NULL));
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
    warta_publisher_return_step (task, "carousel", _warta_publish_object ("id", res->id, NULL));
}

/* A container not published within 24 hours expires (§2.3) and can never
 * be published: the step records it as expired, so that the next step
 * makes a new container for the same item instead. */
static gboolean
return_if_expired (GTask        *task,
                   const GError *error)
{
  Step *s = g_task_get_task_data (task);
  const char *code = warta_publish_error_get_platform_code (error);

  if (g_strcmp0 (code, "EXPIRED") != 0 && !(code && g_str_has_suffix (code, "/2207020")))
    return FALSE;
  g_debug ("Container %s expired; a new one will be made", s->container);
  /* A carousel's children are older than it: they expired too. */
  warta_publisher_return_step (task, s->name,
                               _warta_publish_object ("expired", s->container,
                                                      "children", s->children, NULL));
  return TRUE;
}

static void
child_ready_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_instagram_wait_container_finish (WARTA_INSTAGRAM (object), result, &error);
  if (res != NULL)
    warta_publisher_return_step (task, s->name,
                                 _warta_publish_object ("id", s->container, "ready", "true", NULL));
  else if (return_if_expired (task, error))
    g_error_free (error);
  else
    g_task_return_error (task, error);
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
  if (res != NULL)
    warta_publisher_return_final (task, "post", res->id, res->url);
  else if (return_if_expired (task, error))
    g_error_free (error);
  else
    g_task_return_error (task, error);
}

/* Hosting ------------------------------------------------------------------ */

static void
host_item (GTask *task)
{
  WartaInstagramPublisher *self = g_task_get_source_object (task);
  Step *s = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  s->host = _warta_publish_find_photo_host (s->job, self->wordpress_id, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (s->host == NULL)
    {
      /* The client says what to do when there is no public host. */
      if (is_video (s->item))
        warta_instagram_create_video_container_async (self->instagram, NULL, s->caption, FALSE,
                                                      cancellable, no_host_cb, task);
      else
        warta_instagram_create_container_async (self->instagram, NULL, s->caption, NULL, FALSE,
                                                cancellable, no_host_cb, task);
      return;
    }
  _warta_publish_host_media_async (self->client, s->job, s->host, s->item,
                                   WARTA_RENDITION_TARGET_INSTAGRAM, s->slug, s->index, s->n_steps,
                                   cancellable, hosted_cb, task);
}

/* Instagram's limits for a video (§2.6), from what the file really is. */
static GError *
check_video (WartaMediaItem *item,
             WartaMediaInfo *info,
             gboolean        carousel)
{
  g_autofree char *name = g_path_get_basename (warta_media_item_get_path (item));
  const char *type = warta_media_info_get_content_type (info);
  gint64 duration = warta_media_info_get_duration_us (info);
  gint64 longest = carousel ? MAX_ITEM_US : MAX_REEL_US;

  if (g_strcmp0 (type, "video/mp4") != 0 && g_strcmp0 (type, "video/quicktime") != 0)
    return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                        _("Instagram takes videos as MP4 or MOV only, and “%s” is %s. Export it again as MP4, have the change approved and publish again."),
                        name, type ? type : "?");
  if (duration < MIN_VIDEO_US)
    return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                        _("The video “%s” lasts %.1f seconds, and Instagram takes videos of 3 seconds or more. Choose a longer video, have the change approved and publish again."),
                        name, duration / (double) G_USEC_PER_SEC);
  if (duration > longest && carousel)
    return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                        _("The video “%s” lasts %d seconds, and a video among several in an Instagram post may last 60 seconds at most. Shorten it, or publish it alone, have the change approved and publish again."),
                        name, (int) (duration / G_USEC_PER_SEC));
  if (duration > longest)
    return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                        _("The video “%s” lasts longer than 15 minutes, the most Instagram takes. Shorten it, have the change approved and publish again."),
                        name);
  if (warta_media_info_get_size (info) > MAX_VIDEO_SIZE)
    return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                        _("The video “%s” is %d MB, and Instagram takes videos of 300 MB at most. Export it again smaller, have the change approved and publish again."),
                        name, (int) (warta_media_info_get_size (info) / (1000 * 1000)));
  return NULL;
}

static void check_next_video (GTask *task);

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaMediaItem) item = g_ptr_array_steal_index (s->to_check, 0);
  g_autoptr(WartaMediaInfo) info = NULL;
  g_autoptr(GError) probe_error = NULL;
  GError *error = NULL;

  info = warta_media_probe_file_finish (WARTA_MEDIA_PROBE (object), result, &probe_error);
  if (g_error_matches (probe_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    error = g_steal_pointer (&probe_error);
  else if (info == NULL)
    {
      /* The probe's message names the file and says what to do. */
      error = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_INVALID_MEDIA,
                           _("Warta cannot check the video for Instagram: %s"),
                           probe_error->message);
    }
  else
    error = check_video (item, info, s->carousel);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  check_next_video (task);
}

/* Every video not yet on the website is checked before anything of the
 * post is uploaded; then the item of this step goes up. */
static void
check_next_video (GTask *task)
{
  Step *s = g_task_get_task_data (task);
  g_autoptr(WartaMediaProbe) probe = NULL;
  g_autoptr(GFile) file = NULL;

  if (s->to_check->len == 0)
    {
      host_item (task);
      return;
    }
  probe = warta_media_probe_new ();
  file = warta_publish_job_get_media_file (s->job, s->to_check->pdata[0]);
  warta_media_probe_file_async (probe, file, g_task_get_cancellable (task), probe_cb, task);
}

/* The steps ------------------------------------------------------------------ */

static void
run_step_async (WartaPublisher      *publisher,
                WartaPublishJob     *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  WartaInstagramPublisher *self = WARTA_INSTAGRAM_PUBLISHER (publisher);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) media = warta_publish_job_list_media (job, NULL);
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  g_auto(GStrv) expired = NULL;
  const char *container;
  guint n_steps;
  Step *s;

  task = warta_publisher_new_step_task (WARTA_PUBLISHER (self), cancellable, callback, user_data,
                                        run_step_async);
  s = g_new0 (Step, 1);
  s->job = g_object_ref (job);
  s->to_check = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, s, (GDestroyNotify) step_free);

  if (media->len == 0)
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                               "%s", _("An Instagram post needs a photo or a video, and this publication has none. Add one, have the change approved and publish again."));
      return;
    }
  /* More than a carousel takes is refused before any request, not cut
   * short. A job that began before this check goes on as it began. */
  if (warta_publish_job_get_step (job, "host-0") == NULL)
    {
      GError *error = NULL;

      if (!_warta_publish_check_media (job, "instagram", 0, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (media->len > MAX_ITEMS)
    g_ptr_array_set_size (media, MAX_ITEMS);
  s->carousel = media->len > 1;
  n_steps = media->len * 2 + 2;
  s->caption = warta_publish_job_dup_text (job, "instagram");

  /* 1. Each item on the website, under its fixed slug; the videos checked
   *    first. */
  for (guint i = 0; i < media->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("host-%u", i);
      g_autofree char *post_slug = NULL;

      if (warta_publish_job_get_step_string (job, name, "url") != NULL)
        continue;

      s->name = g_steal_pointer (&name);
      s->item = g_object_ref (media->pdata[i]);
      post_slug = warta_wordpress_slug_for_job (warta_outbox_job_get_publication_id (warta_publish_job_get_job (job)),
                                                warta_publish_job_get_key (job));
      s->slug = g_strdup_printf ("%s-instagram-%u", post_slug, i + 1);
      s->index = i;
      s->n_steps = n_steps;
      warta_publish_job_set_progress (job, i, n_steps, 0.0);
      for (guint j = i; j < media->len; j++)
        {
          g_autofree char *host = g_strdup_printf ("host-%u", j);

          if (is_video (media->pdata[j]) && warta_publish_job_get_step_string (job, host, "url") == NULL)
            g_ptr_array_add (s->to_check, g_object_ref (media->pdata[j]));
        }
      check_next_video (g_steal_pointer (&task));
      return;
    }

  /* 2. A container per item: image, reel, or carousel item; a new one
   *    for a child of a carousel that expired. */
  expired = g_strsplit (warta_publish_job_get_step_string (job, "carousel", "children")
                        ? warta_publish_job_get_step_string (job, "carousel", "children") : "",
                        ",", -1);
  for (guint i = 0; i < media->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("container-%u", i);
      g_autofree char *host = g_strdup_printf ("host-%u", i);
      const char *url = warta_publish_job_get_step_string (job, host, "url");
      const char *id = warta_publish_job_get_step_string (job, name, "id");

      if (id != NULL && !g_strv_contains ((const char * const *) expired, id))
        continue;
      s->name = g_steal_pointer (&name);
      warta_publish_job_set_progress (job, media->len + i, n_steps, 0.5);
      if (is_video (media->pdata[i]))
        warta_instagram_create_video_container_async (self->instagram, url,
                                                      s->carousel ? NULL : s->caption,
                                                      s->carousel, cancellable, container_cb,
                                                      g_steal_pointer (&task));
      else
        warta_instagram_create_container_async (self->instagram, url,
                                                s->carousel ? NULL : s->caption,
                                                warta_media_item_get_alt_text (media->pdata[i]),
                                                s->carousel, cancellable, container_cb,
                                                g_steal_pointer (&task));
      return;
    }

  /* 3. Two or more: each child processed (a restart polls the same
   *    container), then the carousel. */
  for (guint i = 0; i < media->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("container-%u", i);
      const char *id = warta_publish_job_get_step_string (job, name, "id");

      if (!s->carousel || warta_publish_job_get_step_string (job, name, "ready") != NULL)
        {
          g_ptr_array_add (children, (gpointer) id);
          continue;
        }
      s->name = g_steal_pointer (&name);
      s->container = g_strdup (id);
      warta_publish_job_set_progress (job, media->len * 2, n_steps, 0.2);
      warta_instagram_wait_container_async (self->instagram, id, cancellable, child_ready_cb,
                                            g_steal_pointer (&task));
      return;
    }
  g_ptr_array_add (children, NULL);

  container = children->pdata[0];
  s->children = g_strjoinv (",", (char **) children->pdata);
  s->name = g_strdup ("container-0");
  if (s->carousel)
    {
      container = warta_publish_job_get_step_string (job, "carousel", "id");
      g_free (s->name);
      s->name = g_strdup ("carousel");
      if (container == NULL)
        {
          warta_publish_job_set_progress (job, media->len * 2, n_steps, 0.5);
          warta_instagram_create_carousel_async (self->instagram,
                                                 (const char * const *) children->pdata,
                                                 s->caption, cancellable, carousel_cb,
                                                 g_steal_pointer (&task));
          return;
        }
    }

  /* 4. Status polled until FINISHED, then media_publish, once. */
  s->container = g_strdup (container);
  warta_publish_job_set_progress (job, n_steps - 1, n_steps, 0.5);
  warta_instagram_publish_async (self->instagram, container, s->caption, cancellable, publish_cb,
                                 g_steal_pointer (&task));
}

static void
publisher_iface_init (WartaPublisherInterface *iface)
{
  iface->run_step_async = run_step_async;
}
