/* test-outbox-crash.c: never twice, never lost, under SIGKILL
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each loopback platform server, a worker process (warta-publish-worker)
 * publishes approved publications and is killed with SIGKILL at random
 * moments, then started again, 50 kills per platform. The server adds
 * random latency before and after its work so that the kills land at every
 * point of the protocol. Every publication must end with exactly one post
 * on the server and the outbox saying done with that post's id and URL.
 *
 * TikTok's photo post cannot be sent twice safely nor looked up: a kill
 * between sending it and recording its answer stops the job as
 * "unconfirmed". The test then does what the user is asked to: it looks
 * on the server, records the post by hand when it is there, or chooses
 * Post Again when it is not; still exactly one post.
 *
 * The seed is printed; WARTA_CRASH_SEED=<n> repeats a run.
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "warta-outbox.h"
#include "warta-test-publish.h"
#include "warta-test-publisher.h"
#include "warta-test-server.h"

#define KILLS_PER_PLATFORM 50
#define MAX_LATENCY_MS     15
#define MAX_KILL_DELAY_MS  150

/* One row per platform whose publisher and loopback server exist: adding
 * a platform to the test is adding a row. */
typedef struct
{
  const char        *platform;
  WartaTestServer *(*server_new) (void);
  const char        *settings;   /* the account's public settings */
  const char        *secret;
  guint              n_photos;
  guint              n_videos;
  gsize              video_size;
  const char        *url_prefix;  /* of the post's URL; NULL: the server's */
  const char        *name;        /* of the test case; NULL: the platform */
  gboolean           wordpress;   /* a WordPress account hosts the photos too */
  guint              real_video;  /* tenths of a second: a video Warta can probe */
  guint              max_kill_ms; /* 0: MAX_KILL_DELAY_MS */
} Platform;

static WartaTestServer *
mastodon_server_new (void)
{
  WartaTestServer *server = warta_test_server_new (WARTA_TEST_MASTODON);

  /* Media answers 202 and is polled once: one more step to die in. */
  warta_test_server_set_processing_polls (server, 1);
  return server;
}

static WartaTestServer *
wordpress_server_new (void)
{
  return warta_test_server_new (WARTA_TEST_WORDPRESS);
}

/* Small files, small chunks: each chunk is a step to die in. */
#define VIDEO_SIZE (3 * 256 * 1024 + 1000)

/* Finalize answers with processing_info, and the status is polled once
 * before it succeeds: two more places to die in. */
static WartaTestServer *
x_video_server_new (void)
{
  WartaTestServer *server = warta_test_x_server_new ();

  warta_test_server_set_processing_polls (server, 2);
  return server;
}

static WartaTestServer *
instagram_server_new (void)
{
  WartaTestServer *server = warta_test_instagram_server_new ();

  /* Rounds that finish before their kill can take a row past the
   * default daily limit of 50 posts: not what is tested here. */
  warta_test_instagram_server_set_quota (server, 1000);
  return server;
}

static WartaTestServer *
instagram_video_server_new (void)
{
  WartaTestServer *server = instagram_server_new ();

  warta_test_server_set_processing_polls (server, 3);
  return server;
}

static const Platform platforms[] = {
  { "mastodon", mastodon_server_new, "{\"media-poll-ms\": \"5\"}", WARTA_TEST_MASTODON_TOKEN, 2 },
  { "wordpress", wordpress_server_new, "{\"user\": \"" WARTA_TEST_WP_USER "\"}",
    WARTA_TEST_WP_APP_PASSWORD, 2 },
  { "youtube", warta_test_youtube_server_new, "{\"chunk-size\": \"262144\"}",
    WARTA_TEST_YOUTUBE_TOKEN, 0, 1, VIDEO_SIZE, "https://www.youtube.com/watch?v=" },
  { "x", warta_test_x_server_new, "{\"poll-ms\": \"5\"}", WARTA_TEST_X_TOKEN, 2, 0, 0,
    "https://x.com/i/web/status/" },
  /* Four segments of 64 KiB (X's smallest), finalize, two status polls: a
   * kill after initialize sends the segments again under the stored id. */
  { "x", x_video_server_new, "{\"poll-ms\": \"5\", \"segment-size\": \"65536\"}",
    WARTA_TEST_X_TOKEN, 0, 1, 3 * 65536 + 1000, "https://x.com/i/web/status/", "x-video" },
  { "facebook", warta_test_facebook_server_new, "{\"page-id\": \"" WARTA_TEST_FACEBOOK_PAGE_ID "\"}",
    WARTA_TEST_FACEBOOK_TOKEN, 2, 0, 0, "https://www.facebook.com/" },
  { "facebook", warta_test_facebook_server_new, "{\"page-id\": \"" WARTA_TEST_FACEBOOK_PAGE_ID "\"}",
    WARTA_TEST_FACEBOOK_TOKEN, 0, 1, 2 * 1024 * 1024 + 1000, "https://www.facebook.com/",
    "facebook-video" },
  { "instagram", instagram_server_new,
    "{\"user-id\": \"" WARTA_TEST_INSTAGRAM_USER_ID "\", \"poll-ms\": \"5\"}",
    WARTA_TEST_INSTAGRAM_TOKEN, 2, 0, 0, "https://www.instagram.com/", NULL, TRUE },
  /* A reel: checked, hosted on the website, its container polled. */
  { "instagram", instagram_video_server_new,
    "{\"user-id\": \"" WARTA_TEST_INSTAGRAM_USER_ID "\", \"poll-ms\": \"5\"}",
    WARTA_TEST_INSTAGRAM_TOKEN, 0, 1, 1000, "https://www.instagram.com/", "instagram-video", TRUE,
    40, 600 },
  { "tiktok", warta_test_tiktok_server_new,
    "{\"poll-ms\": \"5\"}",
    WARTA_TEST_TIKTOK_TOKEN, 0, 1, 300 * 1024, "https://www.tiktok.com/@" },
  { "tiktok", warta_test_tiktok_server_new, "{\"poll-ms\": \"5\"}", WARTA_TEST_TIKTOK_TOKEN, 2, 0,
    0, "https://www.tiktok.com/@", "tiktok-photos", TRUE },
};

static const char *worker_path;

static void
drain (guint ms);

/* A TikTok job that stopped because its post may exist: the user looks on
 * TikTok (the server, once the answers delayed for a killed worker are
 * gone). There: recorded by hand, and TRUE. Not there: Post Again, and
 * FALSE (the job is to run again). */
static gboolean
settle_unconfirmed (WartaTestPublish *t,
                    WartaTestServer  *server,
                    WartaOutboxJob   *job,
                    guint             publishes_before,
                    guint             posts_before)
{
  gint64 id = warta_outbox_job_get_id (job);
  g_autoptr(GError) error = NULL;

  drain (MAX_LATENCY_MS * 2);
  if (warta_test_server_get_media_count (server) == publishes_before)
    {
      g_assert_true (warta_outbox_repository_set_step (t->outbox, t->admin,
                                                       id, WARTA_OUTBOX_STEP_SENDING, "{}",
                                                       &error));
      g_assert_no_error (error);
      g_assert_true (warta_outbox_repository_retry (t->outbox, t->admin, id, &error));
      g_assert_no_error (error);
      return FALSE;
    }
  g_assert_cmpuint (warta_test_server_get_media_count (server), ==, publishes_before + 1);
  g_assert_true (warta_outbox_repository_record_manual (t->outbox, t->admin, id,
                                                        "https://www.tiktok.com/@wartakab",
                                                        g_get_real_time (), NULL, NULL, &error));
  g_assert_no_error (error);
  /* TikTok fetches the photos and completes the post. */
  while (warta_test_server_get_post_count (server) == posts_before)
    g_main_context_iteration (NULL, TRUE);
  return TRUE;
}

typedef struct
{
  gboolean exited;
  int      status;
} Exit;

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Exit *exit = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  exit->status = g_subprocess_get_status (G_SUBPROCESS (object));
  exit->exited = TRUE;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the worker; kills it after @kill_after_ms unless it is done first
 * (0: never). Returns whether it was killed. */
static gboolean
run_worker (GSubprocessLauncher *launcher,
            const char          *db_path,
            guint                kill_after_ms)
{
  g_autoptr(GSubprocess) worker = NULL;
  g_autoptr(GError) error = NULL;
  gboolean deadline = FALSE;
  gboolean killed = FALSE;
  gboolean too_long = FALSE;
  guint kill_id = 0;
  guint guard_id;
  Exit exit = { 0 };

  worker = g_subprocess_launcher_spawn (launcher, &error, worker_path, db_path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (worker, NULL, wait_cb, &exit);
  if (kill_after_ms > 0)
    kill_id = g_timeout_add (kill_after_ms, timeout_cb, &deadline);
  guard_id = g_timeout_add_seconds (30, timeout_cb, &too_long);

  /* The servers live in this process: the loop serves the worker. */
  while (!exit.exited)
    {
      g_main_context_iteration (NULL, TRUE);
      if (deadline && !exit.exited && !killed)
        {
          g_subprocess_send_signal (worker, SIGKILL);
          killed = TRUE;
        }
      if (too_long)
        g_error ("the worker did not finish within 30 s");
    }
  if (kill_id != 0 && !deadline)
    g_source_remove (kill_id);
  g_source_remove (guard_id);

  if (killed && WIFSIGNALED (exit.status))
    {
      g_assert_cmpint (WTERMSIG (exit.status), ==, SIGKILL);
      return TRUE;
    }
  /* Done before the kill. */
  g_assert_true (WIFEXITED (exit.status));
  g_assert_cmpint (WEXITSTATUS (exit.status), ==, 0);
  return FALSE;
}

static void
test_platform (gconstpointer data)
{
  const Platform *platform = data;
  g_autoptr(WartaTestPublish) t = warta_test_publish_new ();
  g_autoptr(WartaTestServer) server = platform->server_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *secrets = NULL;
  g_autoptr(WartaTestServer) host = NULL;
  const char *seed_env = g_getenv ("WARTA_CRASH_SEED");
  guint32 seed = seed_env ? (guint32) g_ascii_strtoull (seed_env, NULL, 10) : (guint32) g_test_rand_int ();
  guint kills = 0;
  guint rounds = 0;
  guint checks = 0;
  guint recorded = 0;
  gint64 account_id;
  gint64 started = g_get_monotonic_time ();

  g_test_message ("%s: seed %u (repeat with WARTA_CRASH_SEED=%u)", platform->platform, seed, seed);
  rand = g_rand_new_with_seed (seed);
  warta_test_server_set_random_latency (server, MAX_LATENCY_MS, seed);
  account_id = warta_test_publish_add_account (t, platform->platform,
                                               warta_test_server_get_url (server),
                                               platform->settings, "crash-key");
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  if (platform->wordpress)
    {
      host = wordpress_server_new ();
      warta_test_server_set_random_latency (host, MAX_LATENCY_MS, seed);
      warta_test_publish_add_account (t, "wordpress", warta_test_server_get_url (host),
                                      "{\"user\": \"" WARTA_TEST_WP_USER "\"}", "crash-host");
    }
  secrets = g_strdup_printf ("crash-key=%s\ncrash-host=%s", platform->secret,
                             WARTA_TEST_WP_APP_PASSWORD);
  g_subprocess_launcher_setenv (launcher, "WARTA_WORKER_SECRETS", secrets, TRUE);

  while (kills < KILLS_PER_PLATFORM)
    {
      g_autoptr(WartaPublication) p = NULL;
      g_autoptr(GListModel) jobs = NULL;
      g_autoptr(WartaOutboxJob) job = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("Rakor pengawasan %u", rounds + 1);
      guint posts_before = warta_test_server_get_post_count (server);
      guint publishes_before = warta_test_server_get_media_count (server);
      gboolean by_hand = FALSE;
      guint runs = 0;

      p = warta_test_publish_make_approved_with_videos (t, title, platform->n_photos,
                                                        platform->n_videos, platform->video_size);
      if (platform->real_video > 0 && !warta_test_write_real_videos (t->dir, platform->real_video))
        {
          g_test_skip ("No H.264 or MPEG-4 encoder: install gstreamer1.0-plugins-ugly or gstreamer1.0-libav");
          return;
        }
      jobs = warta_outbox_repository_enqueue (t->outbox, t->admin, warta_publication_get_id (p),
                                              warta_publication_get_version (p), &account_id, 1,
                                              &error);
      g_assert_no_error (error);
      /* TikTok's privacy level is the user's choice, made in the publish view. */
      if (g_str_equal (platform->platform, "tiktok"))
        {
          g_autoptr(WartaOutboxJob) written = g_list_model_get_item (jobs, 0);

          g_assert_true (warta_outbox_repository_set_step (t->outbox, t->admin,
                                                           warta_outbox_job_get_id (written),
                                                           "creator",
                                                           "{\"privacy\": \"PUBLIC_TO_EVERYONE\"}",
                                                           &error));
          g_assert_no_error (error);
        }

      /* Killed until it gets through; after 50 kills, left to finish. */
      for (;;)
        {
          g_autoptr(WartaOutboxJob) written = g_list_model_get_item (jobs, 0);
          /* Probing a video takes a worker longer to get going. */
          guint max_delay = platform->max_kill_ms ? platform->max_kill_ms : MAX_KILL_DELAY_MS;

          for (;;)
            {
              guint delay = kills < KILLS_PER_PLATFORM
                            ? (guint) g_rand_int_range (rand, 1, (gint32) max_delay + 1) : 0;

              runs++;
              if (!run_worker (launcher, t->path, delay))
                break;
              kills++;
            }
          g_clear_object (&job);
          job = warta_outbox_repository_get_job (t->outbox, warta_outbox_job_get_id (written), &error);
          g_assert_no_error (error);
          if (warta_outbox_job_get_state (job) != WARTA_OUTBOX_STATE_FAILED ||
              g_strcmp0 (warta_outbox_job_get_error_code (job), WARTA_OUTBOX_ERROR_UNCONFIRMED) != 0)
            break;
          checks++;
          if (settle_unconfirmed (t, server, job, publishes_before, posts_before))
            {
              by_hand = TRUE;
              recorded++;
              g_clear_object (&job);
              job = warta_outbox_repository_get_job (t->outbox, warta_outbox_job_get_id (written), &error);
              g_assert_no_error (error);
              break;
            }
        }

      if (by_hand)
        g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_MANUAL);
      else if (warta_outbox_job_get_state (job) != WARTA_OUTBOX_STATE_DONE)
        g_error ("%s round %u: the job ended “%s”: %s", platform->platform, rounds + 1,
                 warta_outbox_state_get_id (warta_outbox_job_get_state (job)),
                 warta_outbox_job_get_error_message (job));

      /* Exactly one post for this publication, and the outbox names it. */
      g_assert_cmpuint (warta_test_server_get_post_count (server), ==, posts_before + 1);
      g_assert_true (by_hand || warta_outbox_job_get_remote_id (job) != NULL);
      g_assert_true (g_str_has_prefix (warta_outbox_job_get_remote_url (job),
                                       platform->url_prefix ? platform->url_prefix
                                                            : warta_test_server_get_url (server)));
      {
        g_autoptr(WartaPublication) after = warta_publication_repository_get (t->publications,
                                                                              warta_publication_get_id (p),
                                                                              &error);

        g_assert_no_error (error);
        g_assert_cmpuint (warta_publication_get_state (after), ==, WARTA_STATE_PUBLISHED);
      }
      g_test_message ("%s round %u: %u runs, done as %s", platform->platform, rounds + 1, runs,
                      warta_outbox_job_get_remote_url (job));
      rounds++;
    }

  g_test_message ("%s: %u kills over %u publications, %u posts, %u stopped to be looked at "
                  "(%u found there and recorded by hand), %.1f s",
                  platform->platform, kills, rounds, warta_test_server_get_post_count (server), checks,
                  recorded,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, rounds);

  /* Answers still delayed for killed workers go nowhere. */
  drain (MAX_LATENCY_MS * 2);
}

static void
drain (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *default_worker = NULL;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  worker_path = g_getenv ("WARTA_PUBLISH_WORKER");
  if (worker_path == NULL)
    {
      default_worker = g_test_build_filename (G_TEST_BUILT, "warta-publish-worker", NULL);
      worker_path = default_worker;
    }

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      g_autofree char *path = g_strdup_printf ("/warta/outbox-crash/%s",
                                               platforms[i].name ? platforms[i].name
                                                                 : platforms[i].platform);

      g_test_add_data_func (path, &platforms[i], test_platform);
    }
  return g_test_run ();
}
