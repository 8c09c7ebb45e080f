/* warta-wordpress-publisher.c: the outbox's steps for a WordPress site
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Steps: "media-N" for each photo, uploaded under the slug <post slug>-N+1,
 * then "post" under the job's fixed slug, the first photo featured and the
 * others in the article. WordPress has no idempotency key: the slug is
 * looked for before every upload and every post.
 */
#define G_LOG_DOMAIN "warta-wordpress"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-publish-util-private.h"
#include "warta-wordpress-publisher.h"

struct _WartaWordPressPublisher
{
  GObject         parent_instance;

  WartaWordPress *wordpress;
};

static void publisher_iface_init (WartaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaWordPressPublisher, warta_wordpress_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WARTA_TYPE_PUBLISHER, publisher_iface_init))

static void
warta_wordpress_publisher_finalize (GObject *object)
{
  WartaWordPressPublisher *self = WARTA_WORDPRESS_PUBLISHER (object);

  g_clear_object (&self->wordpress);

  G_OBJECT_CLASS (warta_wordpress_publisher_parent_class)->finalize (object);
}

static void
warta_wordpress_publisher_class_init (WartaWordPressPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_wordpress_publisher_finalize;
}

static void
warta_wordpress_publisher_init (WartaWordPressPublisher *self)
{
}

WartaPublisher *
warta_wordpress_publisher_new (WartaHttpClient  *client,
                               WartaAccount     *account,
                               const char       *secret,
                               GError          **error)
{
  WartaWordPressPublisher *self;
  g_autofree char *user = NULL;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);

  user = warta_account_dup_setting (account, "user");
  self = g_object_new (WARTA_TYPE_WORDPRESS_PUBLISHER, NULL);
  self->wordpress = warta_wordpress_new (client, warta_account_get_base_url (account), user, secret);
  return WARTA_PUBLISHER (self);
}

static JsonNode *
media_value (WartaRemoteResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, result->id);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, result->url);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
upload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_wordpress_upload_media_finish (WARTA_WORDPRESS (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    warta_publisher_return_step (task, g_task_get_task_data (task), media_value (res));
}

static void
post_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_wordpress_publish_post_finish (WARTA_WORDPRESS (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    warta_publisher_return_final (task, "post", res->id, res->url);
}

/* The article as HTML: its paragraphs, then the photos after the first. */
static char *
build_content (WartaPublishJob *job,
               const char      *body,
               GPtrArray       *photos)
{
  g_auto(GStrv) paragraphs = g_strsplit (body ? body : "", "\n\n", -1);
  GString *html = g_string_new (NULL);

  for (guint i = 0; paragraphs[i]; i++)
    {
      g_autofree char *text = g_markup_escape_text (g_strstrip (paragraphs[i]), -1);

      if (*text)
        g_string_append_printf (html, "<p>%s</p>\n", text);
    }
  for (guint i = 1; i < photos->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("media-%u", i);
      const char *url = warta_publish_job_get_step_string (job, name, "url");
      const char *alt = warta_media_item_get_alt_text (photos->pdata[i]);
      g_autofree char *e_url = g_markup_escape_text (url ? url : "", -1);
      g_autofree char *e_alt = g_markup_escape_text (alt ? alt : "", -1);

      g_string_append_printf (html, "<figure class=\"wp-block-image\"><img src=\"%s\" alt=\"%s\"/></figure>\n",
                              e_url, e_alt);
    }
  return g_string_free (html, FALSE);
}

static void
run_step_async (WartaPublisher      *publisher,
                WartaPublishJob     *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  WartaWordPressPublisher *self = WARTA_WORDPRESS_PUBLISHER (publisher);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) photos = warta_publish_job_list_media (job, "photo");
  g_autofree char *slug = NULL;
  g_autofree char *title = NULL;
  g_autofree char *content = NULL;
  g_autofree char *body = NULL;
  guint n_steps = photos->len + 1;

  task = warta_publisher_new_step_task (WARTA_PUBLISHER (self), cancellable, callback, user_data,
                                        run_step_async);
  slug = warta_wordpress_slug_for_job (warta_outbox_job_get_publication_id (warta_publish_job_get_job (job)),
                                       warta_publish_job_get_key (job));

  for (guint i = 0; i < photos->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("media-%u", i);
      g_autofree char *media_slug = NULL;
      g_autoptr(WartaUpload) upload = NULL;
      g_autoptr(GError) error = NULL;

      if (warta_publish_job_get_step_string (job, name, "id") != NULL)
        continue;

      upload = warta_publish_job_open_upload (job, photos->pdata[i], &error);
      if (upload == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* Its own slug: attachments and posts share WordPress's slugs. */
      media_slug = g_strdup_printf ("%s-%u", slug, i + 1);
      g_task_set_task_data (task, g_steal_pointer (&name), g_free);
      warta_publish_job_track_upload (job, upload, i, n_steps);
      warta_wordpress_upload_media_async (self->wordpress, upload, media_slug, cancellable,
                                          upload_cb, g_steal_pointer (&task));
      return;
    }

  warta_publish_job_set_progress (job, photos->len, n_steps, 0.5);
  title = warta_publish_job_dup_text (job, "website-title");
  body = warta_publish_job_dup_text (job, "website-body");
  content = build_content (job, body, photos);
  warta_wordpress_publish_post_async (self->wordpress, slug, title, content,
                                      warta_publish_job_get_step_string (job, "media-0", "id"),
                                      cancellable, post_cb, g_steal_pointer (&task));
}

/* Taking down: the post to the trash, where the site's editors can still
 * see it, then the photos this job uploaded, for good: an attachment's
 * file stays public at its address until it is deleted (a withdrawn
 * consent is about the photo). */
typedef struct
{
  WartaPublishJob *job;
  guint            next_media;
} TakeDown;

static void
take_down_free (gpointer data)
{
  TakeDown *t = data;

  g_clear_object (&t->job);
  g_free (t);
}

static void take_down_next (GTask *task);

static void
take_down_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_wordpress_delete_finish (WARTA_WORDPRESS (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  take_down_next (g_steal_pointer (&task));
}

static void
take_down_next (GTask *task)
{
  WartaWordPressPublisher *self = g_task_get_source_object (task);
  TakeDown *t = g_task_get_task_data (task);
  g_autofree char *name = g_strdup_printf ("media-%u", t->next_media++);
  const char *id = warta_publish_job_get_step_string (t->job, name, "id");

  if (id == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  warta_wordpress_delete_async (self->wordpress, "media", id, TRUE, g_task_get_cancellable (task),
                                take_down_cb, task);
}

static void
take_down_async (WartaPublisher      *publisher,
                 WartaPublishJob     *job,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  WartaWordPressPublisher *self = WARTA_WORDPRESS_PUBLISHER (publisher);
  const char *id = NULL;
  GTask *task;
  TakeDown *t;

  task = _warta_publish_take_down_task (publisher, job, cancellable, callback, user_data,
                                        take_down_async,
                                        _("Warta has no id of this post on the website. Remove it in WordPress yourself, then record the take-down."),
                                        &id);
  if (task == NULL)
    return;
  t = g_new0 (TakeDown, 1);
  t->job = g_object_ref (job);
  g_task_set_task_data (task, t, take_down_free);
  warta_wordpress_delete_async (self->wordpress, "posts", id, FALSE, cancellable, take_down_cb,
                                task);
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_wordpress_update_post_finish (WARTA_WORDPRESS (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The article's title and text, made into the post's content as when it
 * was published, with the same photos. */
static void
correct_async (WartaPublisher      *publisher,
               WartaPublishJob     *job,
               const char          *title,
               const char          *text,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  WartaWordPressPublisher *self = WARTA_WORDPRESS_PUBLISHER (publisher);
  g_autoptr(GPtrArray) photos = warta_publish_job_list_media (job, "photo");
  g_autofree char *old_title = NULL;
  g_autofree char *content = NULL;
  const char *id = NULL;
  GTask *task;

  task = _warta_publish_take_down_task (publisher, job, cancellable, callback, user_data,
                                        correct_async,
                                        _("Warta has no id of this post on the website. Correct it in WordPress yourself, then record the correction."),
                                        &id);
  if (task == NULL)
    return;
  if (title == NULL)
    title = old_title = warta_publish_job_dup_text (job, "website-title");
  content = build_content (job, text, photos);
  warta_wordpress_update_post_async (self->wordpress, id, title, content, cancellable, updated_cb,
                                     task);
}

static void
publisher_iface_init (WartaPublisherInterface *iface)
{
  iface->run_step_async = run_step_async;
  iface->take_down_async = take_down_async;
  iface->correct_async = correct_async;
}
