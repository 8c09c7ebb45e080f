/* warta-test-publisher.c: one platform's publisher driven through the outbox,
 * or one step at a time, against a loopback server
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gst/gst.h>

#include "warta-account-store-private.h"
#include "warta-facebook-publisher.h"
#include "warta-instagram-publisher.h"
#include "warta-mastodon-publisher.h"
#include "warta-test-publisher.h"
#include "warta-x-publisher.h"

WartaTestOutbox *
warta_test_outbox_new (void)
{
  WartaTestOutbox *o = g_new0 (WartaTestOutbox, 1);
  WartaRetryPolicy policy;

  o->t = warta_test_publish_new ();
  o->store = warta_account_store_new (o->t->accounts);
  _warta_account_store_use_memory_secrets (o->store);

  /* One attempt per request: the outbox's own backoff does the rest. */
  o->client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.max_attempts = 1;
  warta_http_client_set_retry_policy (o->client, &policy);
  warta_http_client_set_timeout (o->client, 5);

  o->outbox = warta_outbox_new (o->t->outbox, o->store, o->client);
  warta_outbox_set_tick_interval (o->outbox, 20);
  warta_outbox_set_backoff (o->outbox, 50, 200, 4);
  return o;
}

static void
settle (WartaTestOutbox *o)
{
  while (warta_outbox_get_n_running (o->outbox) > 0)
    g_main_context_iteration (NULL, TRUE);
}

void
warta_test_outbox_free (WartaTestOutbox *o)
{
  warta_outbox_stop (o->outbox);
  settle (o);
  g_assert_finalize_object (g_steal_pointer (&o->outbox));
  g_assert_finalize_object (g_steal_pointer (&o->store));
  g_assert_finalize_object (g_steal_pointer (&o->client));
  warta_test_publish_free (o->t);
  g_free (o);
}

gint64
warta_test_outbox_add_account (WartaTestOutbox *o,
                               const char      *platform,
                               WartaTestServer *server,
                               const char      *settings,
                               const char      *secret)
{
  g_autofree char *keyring_id = g_strdup_printf ("key-%s-%u", platform, g_random_int ());
  gint64 id = warta_test_publish_add_account (o->t, platform, warta_test_server_get_url (server),
                                              settings, keyring_id);

  _warta_account_store_set_memory_secret (o->store, keyring_id, secret);
  return id;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

WartaOutboxJob *
warta_test_outbox_publish (WartaTestOutbox  *o,
                           WartaPublication *p,
                           gint64            account_id,
                           WartaOutboxState  state)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  WartaOutboxJob *job;
  guint id;

  /* A target that cannot take the content (warta_publish_check_target())
   * has its job written already being uploaded by hand, never sent; one
   * an older Warta wrote is refused by the publisher itself, which is what
   * a stop tests: written as such a Warta did. */
  if (state == WARTA_OUTBOX_STATE_FAILED)
    {
      g_autoptr(GListModel) rows = NULL;

      rows = warta_outbox_repository_enqueue (o->t->outbox, o->t->admin, warta_publication_get_id (p),
                                              warta_publication_get_version (p), &account_id, 1,
                                              &error);
      g_assert_no_error (error);
      jobs = warta_outbox_list_publication_jobs (o->outbox, warta_publication_get_id (p), &error);
    }
  else
    jobs = warta_outbox_publish (o->outbox, o->t->admin, warta_publication_get_id (p),
                                 warta_publication_get_version (p), &account_id, 1, &error);
  g_assert_no_error (error);
  job = g_list_model_get_item (jobs, 0);
  warta_outbox_start (o->outbox);

  id = g_timeout_add_seconds (10, timeout_cb, &timed_out);
  while (warta_outbox_job_get_state (job) != state && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("job %" G_GINT64_FORMAT " stayed “%s” (%s), expected “%s”",
             warta_outbox_job_get_id (job),
             warta_outbox_state_get_id (warta_outbox_job_get_state (job)),
             warta_outbox_job_get_error_message (job) ? warta_outbox_job_get_error_message (job) : "",
             warta_outbox_state_get_id (state));
  g_source_remove (id);
  settle (o);
  return job;
}

GHashTable *
warta_test_outbox_steps (WartaTestOutbox *o,
                         WartaOutboxJob  *job)
{
  g_autoptr(GError) error = NULL;
  GHashTable *steps;

  steps = warta_outbox_repository_list_steps (o->t->outbox, warta_outbox_job_get_id (job), &error);
  g_assert_no_error (error);
  return steps;
}

char *
warta_test_outbox_file_sha256 (WartaTestOutbox *o,
                               const char      *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (o->t->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (o->t->dir, name, NULL);
        g_autofree char *data = NULL;
        gsize len = 0;

        g_assert_true (g_file_get_contents (path, &data, &len, NULL));
        return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
      }
  g_assert_not_reached ();
}

gboolean
warta_test_write_real_videos (const char *dir,
                              guint       tenths)
{
  static const char *const encoders[] = { "x264enc", "avenc_mpeg4" };
  g_autofree char *clip_name = g_strdup_printf ("clip-%u.mp4", tenths);
  g_autofree char *clip = g_build_filename (dir, clip_name, NULL);
  g_autoptr(GDir) folder = NULL;
  g_autofree char *data = NULL;
  const char *name;
  gsize size = 0;

  /* Made once per folder and length. */
  if (!g_file_test (clip, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GstElement) pipeline = NULL;
      g_autoptr(GstMessage) done = NULL;
      g_autoptr(GstBus) bus = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *launch = NULL;
      const char *encoder = NULL;

      for (gsize i = 0; gst_init_check (NULL, NULL, NULL) && i < G_N_ELEMENTS (encoders) && !encoder; i++)
        {
          g_autoptr(GstElementFactory) factory = gst_element_factory_find (encoders[i]);

          if (factory)
            encoder = encoders[i];
        }
      if (encoder == NULL)
        return FALSE;
      launch = g_strdup_printf ("videotestsrc num-buffers=%u pattern=ball ! "
                                "video/x-raw,width=160,height=120,framerate=10/1 ! "
                                "videoconvert ! %s ! mp4mux ! filesink location=\"%s\"",
                                tenths, encoder, clip);
      pipeline = gst_parse_launch (launch, &error);
      g_assert_no_error (error);
      gst_element_set_state (pipeline, GST_STATE_PLAYING);
      bus = gst_element_get_bus (pipeline);
      done = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
      gst_element_set_state (pipeline, GST_STATE_NULL);
      g_assert_nonnull (done);
      g_assert_cmpint (GST_MESSAGE_TYPE (done), ==, GST_MESSAGE_EOS);
    }

  g_assert_true (g_file_get_contents (clip, &data, &size, NULL));
  folder = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_prefix (name, "video-"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_assert_true (g_file_set_contents (path, data, (gssize) size, NULL));
      }
  return TRUE;
}

gboolean
warta_test_outbox_use_real_video (WartaTestOutbox *o,
                                  guint            tenths)
{
  return warta_test_write_real_videos (o->t->dir, tenths);
}

WartaPublishJob *
warta_test_outbox_job_new (WartaTestOutbox  *o,
                           WartaPublication *p,
                           gint64            account_id)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *media_dir = NULL;
  WartaPublishJob *pjob;

  jobs = warta_outbox_repository_enqueue (o->t->outbox, o->t->admin, warta_publication_get_id (p),
                                          warta_publication_get_version (p), &account_id, 1,
                                          &error);
  g_assert_no_error (error);
  job = g_list_model_get_item (jobs, 0);
  account = warta_account_repository_get (o->t->accounts, account_id, &error);
  g_assert_no_error (error);
  revision = warta_publication_repository_get_revision (o->t->publications,
                                                        warta_outbox_job_get_revision_id (job),
                                                        &error);
  g_assert_no_error (error);
  key = g_strdup_printf ("test-database/job-%" G_GINT64_FORMAT, warta_outbox_job_get_id (job));
  media_dir = g_path_get_dirname (o->t->path);
  pjob = warta_publish_job_new (job, account, revision, key, media_dir);
  warta_publish_job_set_account_store (pjob, o->store);
  return pjob;
}

WartaPublisher *
warta_test_outbox_publisher_new (WartaTestOutbox *o,
                                 gint64           account_id,
                                 const char      *secret)
{
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  WartaPublisherFactory factory = NULL;
  const char *platform;
  WartaPublisher *publisher;

  account = warta_account_repository_get (o->t->accounts, account_id, &error);
  g_assert_no_error (error);
  platform = warta_account_get_platform (account);
  if (g_str_equal (platform, "mastodon"))
    factory = warta_mastodon_publisher_new;
  else if (g_str_equal (platform, "x"))
    factory = warta_x_publisher_new;
  else if (g_str_equal (platform, "facebook"))
    factory = warta_facebook_publisher_new;
  else if (g_str_equal (platform, "instagram"))
    factory = warta_instagram_publisher_new;
  else
    g_assert_not_reached ();
  publisher = factory (o->client, account, secret, &error);
  g_assert_no_error (error);
  return publisher;
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

WartaPublishStep *
warta_test_outbox_run_step_until (WartaPublisher   *publisher,
                                  WartaPublishJob  *job,
                                  gboolean        (*stop) (gpointer data),
                                  gpointer          data,
                                  GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  WartaPublishStep *step;

  warta_publisher_run_step_async (publisher, job, cancellable, store_result_cb, &result);
  while (result == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      if (stop && !g_cancellable_is_cancelled (cancellable) && stop (data))
        g_cancellable_cancel (cancellable);
    }
  step = warta_publisher_run_step_finish (publisher, result, error);
  if (step != NULL)
    warta_publish_job_set_step (job, step->name, step->value);
  return step;
}

WartaPublishStep *
warta_test_outbox_run_step (WartaPublisher   *publisher,
                            WartaPublishJob  *job,
                            GError          **error)
{
  return warta_test_outbox_run_step_until (publisher, job, NULL, NULL, error);
}

WartaPublishStep *
warta_test_outbox_run_all (WartaPublisher   *publisher,
                           WartaPublishJob  *job,
                           GError          **error)
{
  for (guint i = 0; i < 50; i++)
    {
      WartaPublishStep *step = warta_test_outbox_run_step (publisher, job, error);

      if (step == NULL || step->final)
        return step;
      warta_publish_step_free (step);
    }
  g_assert_not_reached ();
}
