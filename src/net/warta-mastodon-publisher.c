/* warta-mastodon-publisher.c: the outbox's steps for a Mastodon account
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each run of a job first asks the instance what it takes now (GET
 * /api/v2/instance, §6.4, or v1 before Mastodon 4.0): an admin may have
 * changed it since the account signed in. What it says is kept in the
 * account's settings, for the publish view and the next publish check;
 * an instance that does not say leaves the limits kept before, and the
 * job goes on with them. Before the first file, the content is checked
 * against those limits: no photos with a video, one video, at most
 * max_media_attachments photos, the status's length, each file's size
 * and alt text (as warta_publish_check_target() counts them); a post
 * that does not fit is refused before anything is uploaded, one that
 * fits since goes out. A job that began before goes on as it began: the
 * instance refuses itself what it no longer takes.
 * Steps: "media-N" for each file (its id, then its URL once processed),
 * then "post-attempt" with the time the status is first sent, committed
 * before it goes, then "post", sent with an Idempotency-Key derived from
 * the job's key: a repeat after a crash or a lost answer returns the
 * status already made. The server forgets the key after an hour (§6.3):
 * when the first send may be older than IDEMPOTENCY_WINDOW, the account's
 * statuses are searched first, and only when the status is not there is
 * the attempt stamped anew and the status sent.
 */
#define G_LOG_DOMAIN "warta-mastodon"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-mastodon-publisher.h"
#include "warta-publish-check.h"
#include "warta-publish-util-private.h"

/* The server keeps a key for 3600 s; five minutes spare for the time
 * between the stamp and the request, and for clocks. */
#define IDEMPOTENCY_WINDOW_S (55 * 60)

struct _WartaMastodonPublisher
{
  GObject        parent_instance;

  WartaMastodon *mastodon;
  char          *visibility;
  /* The instance was asked its limits in this run (the outbox makes a
   * publisher for each run of a job). */
  gboolean       asked_limits;
};

static void publisher_iface_init (WartaPublisherInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WartaMastodonPublisher, warta_mastodon_publisher, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (WARTA_TYPE_PUBLISHER, publisher_iface_init))

static void
warta_mastodon_publisher_finalize (GObject *object)
{
  WartaMastodonPublisher *self = WARTA_MASTODON_PUBLISHER (object);

  g_clear_object (&self->mastodon);
  g_free (self->visibility);

  G_OBJECT_CLASS (warta_mastodon_publisher_parent_class)->finalize (object);
}

static void
warta_mastodon_publisher_class_init (WartaMastodonPublisherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_mastodon_publisher_finalize;
}

static void
warta_mastodon_publisher_init (WartaMastodonPublisher *self)
{
}

WartaPublisher *
warta_mastodon_publisher_new (WartaHttpClient  *client,
                              WartaAccount     *account,
                              const char       *secret,
                              GError          **error)
{
  WartaMastodonPublisher *self;
  g_autofree char *poll = NULL;

  g_return_val_if_fail (WARTA_IS_HTTP_CLIENT (client), NULL);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), NULL);

  self = g_object_new (WARTA_TYPE_MASTODON_PUBLISHER, NULL);
  self->mastodon = warta_mastodon_new (client, warta_account_get_base_url (account), secret);
  self->visibility = warta_account_dup_setting (account, "visibility");
  poll = warta_account_dup_setting (account, "media-poll-ms");
  if (poll != NULL)
    {
      guint ms = (guint) g_ascii_strtoull (poll, NULL, 10);

      warta_mastodon_set_poll_interval (self->mastodon, ms, ms * 5, 10 * 60 * 1000);
    }
  return WARTA_PUBLISHER (self);
}

typedef struct
{
  WartaPublishJob *job;
  char            *name;    /* "media-N" */
} Step;

static void
step_free (Step *s)
{
  g_clear_object (&s->job);
  g_free (s->name);
  g_free (s);
}

static JsonNode *
media_value (WartaRemoteResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, result->id);
  json_builder_set_member_name (builder, "url");
  if (result->url)
    json_builder_add_string_value (builder, result->url);
  else
    json_builder_add_null_value (builder);
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

  res = warta_mastodon_upload_media_finish (WARTA_MASTODON (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    warta_publisher_return_step (task, ((Step *) g_task_get_task_data (task))->name,
                                 media_value (res));
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_mastodon_wait_for_media_finish (WARTA_MASTODON (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    warta_publisher_return_step (task, ((Step *) g_task_get_task_data (task))->name,
                                 media_value (res));
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_mastodon_post_status_finish (WARTA_MASTODON (object), result, &error);
  if (res == NULL)
    g_task_return_error (task, error);
  else
    warta_publisher_return_final (task, "post", res->id, res->url);
}

/* Takes @task_in. */
static void
return_attempt (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / G_USEC_PER_SEC);

  warta_publisher_return_step (task, "post-attempt", _warta_publish_object ("sent", now, NULL));
}

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(WartaRemoteResult) res = NULL;
  GError *error = NULL;

  res = warta_mastodon_find_status_finish (WARTA_MASTODON (object), result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else if (res != NULL)
    {
      g_debug ("The status of an earlier attempt exists: %s", res->id);
      warta_publisher_return_final (task, "post", res->id, res->url);
    }
  else
    /* Never made: a new window starts, and the next step sends it. */
    return_attempt (g_steal_pointer (&task));
}

/* The step after the media check. Takes @task_in. */
static void
next_step (GTask *task_in)
{
  g_autoptr(GTask) task = task_in;
  WartaMastodonPublisher *self = g_task_get_source_object (task);
  Step *s = g_task_get_task_data (task);
  WartaPublishJob *job = s->job;
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GPtrArray) media = warta_publish_job_list_media (job, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  const char *sent;
  guint n_steps = media->len + 1;

  for (guint i = 0; i < media->len; i++)
    {
      WartaMediaItem *item = media->pdata[i];
      g_autofree char *name = g_strdup_printf ("media-%u", i);
      const char *id = warta_publish_job_get_step_string (job, name, "id");

      g_free (s->name);
      s->name = g_steal_pointer (&name);
      if (id == NULL)
        {
          g_autoptr(WartaUpload) upload = NULL;
          GError *error = NULL;

          upload = warta_publish_job_open_upload (job, item, &error);
          if (upload == NULL)
            {
              g_task_return_error (task, error);
              return;
            }
          warta_publish_job_track_upload (job, upload, i, n_steps);
          warta_mastodon_upload_media_async (self->mastodon, upload,
                                             warta_media_item_get_alt_text (item), cancellable,
                                             upload_cb, g_steal_pointer (&task));
          return;
        }
      if (warta_publish_job_get_step_string (job, s->name, "url") == NULL)
        {
          warta_publish_job_set_progress (job, i, n_steps, 0.9);
          warta_mastodon_wait_for_media_async (self->mastodon, id, NULL, cancellable,
                                               wait_cb, g_steal_pointer (&task));
          return;
        }
      g_ptr_array_add (ids, (gpointer) id);
    }
  g_ptr_array_add (ids, NULL);

  warta_publish_job_set_progress (job, media->len, n_steps, 0.5);
  text = warta_publish_job_dup_text (job, "mastodon");

  /* Stamped before the first send: how long the key may still work. */
  sent = warta_publish_job_get_step_string (job, "post-attempt", "sent");
  if (sent == NULL)
    {
      return_attempt (g_steal_pointer (&task));
      return;
    }
  if (g_get_real_time () / G_USEC_PER_SEC - g_ascii_strtoll (sent, NULL, 10) > IDEMPOTENCY_WINDOW_S)
    {
      warta_mastodon_find_status_async (self->mastodon, text, (const char * const *) ids->pdata,
                                        g_ascii_strtoll (sent, NULL, 10) * G_USEC_PER_SEC,
                                        cancellable, find_cb, g_steal_pointer (&task));
      return;
    }
  key = warta_mastodon_idempotency_key (warta_publish_job_get_key (job));
  warta_mastodon_post_status_async (self->mastodon, text, (const char * const *) ids->pdata,
                                    self->visibility, key, cancellable,
                                    status_cb, g_steal_pointer (&task));
}

/* What the instance said, kept in the account's settings for the
 * publish view and the next publish check (warta_publish_check_target()),
 * and in the job's account for this run's check: they count with the
 * instance's numbers as they are now. Written only when they changed, so
 * that a resumed run costs the one request. Not kept is no reason to stop
 * this post. Returns whether they differ from those kept before. */
static gboolean
keep_limits (WartaPublishJob           *job,
             const WartaMastodonLimits *limits)
{
  WartaAccountStore *store = warta_publish_job_get_account_store (job);
  WartaAccount *account = warta_publish_job_get_account (job);
  gboolean had_kept = FALSE;

  if (account == NULL)
    return FALSE;
  return warta_mastodon_limits_keep (limits, account,
                                     store ? warta_account_store_get_repository (store) : NULL,
                                     &had_kept) && had_kept;
}

/* Whether the job has sent nothing yet: no file, no status. */
static gboolean
job_began (WartaPublishJob *job)
{
  return warta_publish_job_get_step (job, "media-0") != NULL ||
         warta_publish_job_get_step (job, "post-attempt") != NULL;
}

static void
limits_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Step *s = g_task_get_task_data (task);
  WartaAccount *account = warta_publish_job_get_account (s->job);
  WartaRevision *revision = warta_publish_job_get_revision (s->job);
  WartaMastodonLimits limits = { 0 };
  gboolean changed = FALSE;
  GError *error = NULL;

  if (warta_mastodon_get_limits_finish (WARTA_MASTODON (object), result, &limits, &error))
    changed = keep_limits (s->job, &limits);
  else if (g_task_return_error_if_cancelled (task))
    {
      g_error_free (error);
      return;
    }
  else
    {
      /* The instance did not answer: the limits kept count, as they did
       * in the publish view. */
      g_message ("%s did not say its limits (%s); the post is checked against those kept since "
                 "it last did", account ? warta_account_get_base_url (account) : "The instance",
                 error->message);
      g_clear_error (&error);
      if (account != NULL)
        warta_mastodon_limits_load (account, &limits);
    }
  if (job_began (s->job))
    {
      next_step (g_steal_pointer (&task));
      return;
    }
  /* Not said and not kept: the instance may take more than Mastodon's 4,
   * and refuses itself what it does not. */
  if (!_warta_publish_check_media (s->job, "mastodon",
                                   limits.max_media > 0 ? limits.max_media : G_MAXUINT, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (account != NULL && revision != NULL &&
      !warta_publish_check_mastodon_limits (revision, account, &error))
    {
      if (changed)
        g_prefix_error (&error, "%s ",
                        _("This Mastodon instance changed its limits since Warta last asked it."));
      g_task_return_error (task, error);
      return;
    }
  next_step (g_steal_pointer (&task));
}

static void
run_step_async (WartaPublisher      *publisher,
                WartaPublishJob     *job,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  WartaMastodonPublisher *self = WARTA_MASTODON_PUBLISHER (publisher);
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  Step *s;

  task = warta_publisher_new_step_task (WARTA_PUBLISHER (self), cancellable, callback, user_data,
                                        run_step_async);
  s = g_new0 (Step, 1);
  s->job = g_object_ref (job);
  g_task_set_task_data (task, s, (GDestroyNotify) step_free);

  if (self->asked_limits)
    {
      next_step (g_steal_pointer (&task));
      return;
    }
  /* Before the first file: photos with a video, or more than one video,
   * are refused at once, without asking the instance. Nothing is left
   * out. */
  if (!job_began (job) && !_warta_publish_check_media (job, "mastodon", G_MAXUINT, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  self->asked_limits = TRUE;
  warta_mastodon_get_limits_async (self->mastodon, cancellable, limits_cb,
                                   g_steal_pointer (&task));
}

/* The status, and with it its attachments. */
static void
take_down_async (WartaPublisher      *publisher,
                 WartaPublishJob     *job,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  WartaMastodonPublisher *self = WARTA_MASTODON_PUBLISHER (publisher);
  const char *id = NULL;
  GTask *task;

  task = _warta_publish_take_down_task (publisher, job, cancellable, callback, user_data,
                                        take_down_async,
                                        _("Warta has no id of this post on Mastodon. Remove it on the instance yourself, then record the take-down."),
                                        &id);
  if (task != NULL)
    warta_mastodon_delete_status_async (self->mastodon, id, cancellable, _warta_publish_deleted_cb,
                                        task);
}

static void
edited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!warta_mastodon_edit_status_finish (WARTA_MASTODON (object), result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* The status's text; its attachments stay (an edit without their ids
 * would drop them). */
static void
correct_async (WartaPublisher      *publisher,
               WartaPublishJob     *job,
               const char          *title,
               const char          *text,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  WartaMastodonPublisher *self = WARTA_MASTODON_PUBLISHER (publisher);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const char *id = NULL;
  GTask *task;

  task = _warta_publish_take_down_task (publisher, job, cancellable, callback, user_data,
                                        correct_async,
                                        _("Warta has no id of this post on Mastodon. Correct it on the instance yourself, then record the correction."),
                                        &id);
  if (task == NULL)
    return;
  for (guint i = 0;; i++)
    {
      g_autofree char *name = g_strdup_printf ("media-%u", i);
      const char *media_id = warta_publish_job_get_step_string (job, name, "id");

      if (media_id == NULL)
        break;
      g_ptr_array_add (ids, (gpointer) media_id);
    }
  g_ptr_array_add (ids, NULL);
  warta_mastodon_edit_status_async (self->mastodon, id, text, (const char * const *) ids->pdata,
                                    cancellable, edited_cb, task);
}

static void
publisher_iface_init (WartaPublisherInterface *iface)
{
  iface->run_step_async = run_step_async;
  iface->take_down_async = take_down_async;
  iface->correct_async = correct_async;
}
