/* test-outbox.c: the outbox against the loopback Mastodon and WordPress
 * servers: both targets, retries, an expired sign-in, pause, cancel,
 * retry per target, manual proof, and the publication following its jobs
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "warta-account-store-private.h"
#include "warta-database-private.h"
#include "warta-dossier.h"
#include "warta-event-log.h"
#include "warta-outbox.h"
#include "warta-mastodon-publisher.h"
#include "warta-oauth.h"
#include "warta-publish-check.h"
#include "warta-test-garbage.h"
#include "warta-test-publish.h"
#include "warta-test-server.h"

typedef struct
{
  WartaTestPublish  *t;
  WartaTestServer   *mastodon;
  WartaTestServer   *wordpress;
  WartaAccountStore *store;
  WartaHttpClient   *client;
  WartaOutbox       *outbox;
  gint64             mastodon_id;
  gint64             wordpress_id;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  WartaRetryPolicy policy;

  f->t = warta_test_publish_new ();
  f->mastodon = warta_test_server_new (WARTA_TEST_MASTODON);
  f->wordpress = warta_test_server_new (WARTA_TEST_WORDPRESS);
  f->mastodon_id = warta_test_publish_add_account (f->t, "mastodon",
                                                   warta_test_server_get_url (f->mastodon),
                                                   "{\"media-poll-ms\": \"20\"}", "key-mastodon");
  f->wordpress_id = warta_test_publish_add_account (f->t, "wordpress",
                                                    warta_test_server_get_url (f->wordpress),
                                                    "{\"user\": \"" WARTA_TEST_WP_USER "\"}",
                                                    "key-wordpress");

  f->store = warta_account_store_new (f->t->accounts);
  _warta_account_store_use_memory_secrets (f->store);
  _warta_account_store_set_memory_secret (f->store, "key-mastodon", WARTA_TEST_MASTODON_TOKEN);
  _warta_account_store_set_memory_secret (f->store, "key-wordpress", WARTA_TEST_WP_APP_PASSWORD);

  /* One attempt per request: the outbox's own backoff is under test. */
  f->client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.max_attempts = 1;
  warta_http_client_set_retry_policy (f->client, &policy);
  warta_http_client_set_timeout (f->client, 5);

  f->outbox = warta_outbox_new (f->t->outbox, f->store, f->client);
  warta_outbox_set_tick_interval (f->outbox, 20);
  warta_outbox_set_backoff (f->outbox, 50, 200, 4);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  warta_outbox_stop (f->outbox);
  while (warta_outbox_get_n_running (f->outbox) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_finalize_object (g_steal_pointer (&f->outbox));
  g_assert_finalize_object (g_steal_pointer (&f->store));
  g_assert_finalize_object (g_steal_pointer (&f->client));
  g_clear_pointer (&f->mastodon, warta_test_server_free);
  g_clear_pointer (&f->wordpress, warta_test_server_free);
  g_clear_pointer (&f->t, warta_test_publish_free);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @job reaches @state (10 s at most). */
static void
wait_for_state (WartaOutboxJob   *job,
                WartaOutboxState  state)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (warta_outbox_job_get_state (job) != state && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("job %" G_GINT64_FORMAT " stayed “%s” (%s), expected “%s”",
             warta_outbox_job_get_id (job),
             warta_outbox_state_get_id (warta_outbox_job_get_state (job)),
             warta_outbox_job_get_error_message (job) ? warta_outbox_job_get_error_message (job) : "",
             warta_outbox_state_get_id (state));
  g_source_remove (id);
}

static void
settle (Fixture *f)
{
  while (warta_outbox_get_n_running (f->outbox) > 0)
    g_main_context_iteration (NULL, TRUE);
}

static WartaOutboxJob *
job_at (GListModel *jobs,
        guint       i)
{
  g_autoptr(WartaOutboxJob) job = g_list_model_get_item (jobs, i);

  return job;   /* the outbox keeps live jobs alive */
}

/* A user of the office, stored with @roles only. */
static WartaUser *
stored_user (Fixture   *f,
             WartaRole  roles)
{
  g_autofree char *login = g_strdup_printf ("user-%d", (int) roles);
  g_autoptr(GError) error = NULL;
  WartaUser *user;

  user = warta_user_repository_create_user (f->t->users, f->t->admin, login, "Budi Santoso",
                                            "rahasia-123", roles, FALSE, &error);
  g_assert_no_error (error);
  return user;
}

static GListModel *
publish (Fixture          *f,
         WartaPublication *p,
         gboolean          both)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->mastodon_id, f->wordpress_id };
  GListModel *jobs;

  jobs = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (p),
                               warta_publication_get_version (p), ids, both ? 2 : 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jobs), ==, both ? 2 : 1);
  return jobs;
}

/* @p published to both targets and done. */
static GListModel *
publish_done (Fixture          *f,
              WartaPublication *p)
{
  GListModel *jobs = publish (f, p, TRUE);

  warta_outbox_start (f->outbox);
  wait_for_state (job_at (jobs, 0), WARTA_OUTBOX_STATE_DONE);
  wait_for_state (job_at (jobs, 1), WARTA_OUTBOX_STATE_DONE);
  settle (f);
  return jobs;
}

static WartaState
publication_state (Fixture          *f,
                   WartaPublication *p)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaPublication) now = NULL;

  now = warta_publication_repository_get (f->t->publications, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  return warta_publication_get_state (now);
}

static void
test_both_targets (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor pengawasan", 2);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GHashTable) steps = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *m, *w;

  warta_test_server_set_processing_polls (f->mastodon, 2);
  jobs = publish (f, p, TRUE);
  m = job_at (jobs, 0);
  w = job_at (jobs, 1);

  /* Written before anything is sent. */
  g_assert_cmpuint (warta_outbox_job_get_state (m), ==, WARTA_OUTBOX_STATE_PENDING);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PUBLISHING);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);

  warta_outbox_start (f->outbox);
  wait_for_state (m, WARTA_OUTBOX_STATE_DONE);
  wait_for_state (w, WARTA_OUTBOX_STATE_DONE);
  settle (f);

  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->mastodon), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->wordpress), ==, 2);
  g_assert_nonnull (warta_outbox_job_get_remote_id (m));
  g_assert_true (g_str_has_prefix (warta_outbox_job_get_remote_url (m), "http://127.0.0.1:"));
  g_assert_nonnull (warta_outbox_job_get_remote_id (w));
  g_assert_cmpfloat (warta_outbox_job_get_fraction (m), ==, 1.0);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PUBLISHED);

  /* Every confirmed step is in the outbox. */
  steps = warta_outbox_repository_list_steps (f->t->outbox, warta_outbox_job_get_id (m), &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (steps, "media-0"));
  g_assert_true (g_hash_table_contains (steps, "media-1"));
  g_assert_true (g_hash_table_contains (steps, "post"));
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "media-0"), "\"url\":\"http"));
}

/* A published post taken down later: recorded with its reason, once, in
 * the target and in the history; refused without a reason, by someone
 * who is not a social media admin (as stored), and for a target not
 * published. */
static void
test_takedown (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor pengawasan", 1);
  g_autoptr(WartaPublication) later = warta_test_publish_make_approved (f->t, "Rakor besok", 1);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GListModel) waiting = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(WartaEvent) last = NULL;
  g_autoptr(WartaUser) officer = warta_user_new ();
  g_autoptr(WartaOutboxJob) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->mastodon_id };
  gint64 now = g_get_real_time ();
  WartaOutboxJob *m, *w;

  warta_clock_freeze (f->t->clock, now);
  jobs = publish_done (f, p);
  m = job_at (jobs, 0);
  w = job_at (jobs, 1);
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (m), ==, 0);

  g_assert_false (warta_outbox_record_takedown (f->outbox, f->t->admin,
                                                warta_outbox_job_get_id (m), "  \n", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);

  warta_user_set_id (officer, warta_user_get_id (f->t->admin));
  warta_user_set_roles (officer, WARTA_ROLE_ACTIVITY_OFFICER);
  g_assert_false (warta_outbox_record_takedown (f->outbox, officer, warta_outbox_job_get_id (m),
                                                "Izin dicabut", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (m), ==, 0);
  /* The roles as stored count, not those the caller's object says. */
  g_clear_object (&officer);
  officer = stored_user (f, WARTA_ROLE_VERIFIER);
  warta_user_set_roles (officer, WARTA_ROLE_ALL);
  g_assert_false (warta_outbox_repository_check_takedown (f->t->outbox, officer,
                                                          warta_outbox_job_get_id (m),
                                                          "Izin dicabut", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (warta_outbox_record_takedown (f->outbox, officer, warta_outbox_job_get_id (m),
                                                "Izin dicabut", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (warta_outbox_repository_check_correction (f->t->outbox, officer,
                                                            warta_outbox_job_get_id (m),
                                                            "Salah tulis", "Teks baru", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (m), ==, 0);

  warta_clock_advance (f->t->clock, G_TIME_SPAN_DAY);
  g_assert_true (warta_outbox_record_takedown (f->outbox, f->t->admin, warta_outbox_job_get_id (m),
                                               " Izin orang tua dicabut (UU PDP) ", &error));
  g_assert_no_error (error);
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (m), ==, now + G_TIME_SPAN_DAY);
  g_assert_cmpstr (warta_outbox_job_get_takedown_reason (m), ==, "Izin orang tua dicabut (UU PDP)");
  /* The result stays: still published, at its address. */
  g_assert_cmpuint (warta_outbox_job_get_state (m), ==, WARTA_OUTBOX_STATE_DONE);
  g_assert_nonnull (warta_outbox_job_get_remote_url (m));
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (w), ==, 0);
  stored = warta_outbox_repository_get_job (f->t->outbox, warta_outbox_job_get_id (m), &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (stored), ==, now + G_TIME_SPAN_DAY);

  events = warta_event_log_list (f->t->db, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  last = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
  g_assert_cmpstr (warta_event_get_kind (last), ==, "take-down");
  g_assert_cmpint (warta_event_get_actor_id (last), ==, warta_user_get_id (f->t->admin));
  g_assert_cmpstr (warta_event_get_note (last), ==,
                   "Humas mastodon: Izin orang tua dicabut (UU PDP)");
  g_assert_true (warta_store_verify_history (f->t->db, NULL, &error));
  g_assert_no_error (error);

  /* The archive's dossier carries both: the history, and the target's row. */
  {
    g_autoptr(WartaDossier) dossier = NULL;
    WartaDossierOptions options;
    JsonObject *json;
    JsonArray *trail, *targets;
    guint n_found = 0;

    warta_dossier_options_init (&options);
    dossier = warta_dossier_load (f->t->db, warta_publication_get_id (p), &options, &error);
    g_assert_no_error (error);
    json = warta_dossier_get_json (dossier);
    trail = json_object_get_array_member (json, "approval_trail");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                       trail, json_array_get_length (trail) - 1), "kind"), ==, "take-down");
    targets = json_object_get_array_member (json, "targets");
    for (guint i = 0; i < json_array_get_length (targets); i++)
      {
        JsonObject *row = json_object_get_object_member (json_array_get_object_element (targets, i),
                                                         "row");

        if (json_object_has_member (row, "takedown_reason") &&
            g_strcmp0 (json_object_get_string_member (row, "takedown_reason"),
                       "Izin orang tua dicabut (UU PDP)") == 0)
          n_found++;
      }
    g_assert_cmpuint (n_found, ==, 1);
  }

  /* Another admin, a moment later: refused, and nothing recorded twice. */
  g_assert_false (warta_outbox_record_takedown (f->outbox, f->t->admin, warta_outbox_job_get_id (m),
                                                "Salah foto", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpstr (warta_outbox_job_get_takedown_reason (m), ==, "Izin orang tua dicabut (UU PDP)");
  g_assert_cmpint (warta_event_log_count (f->t->db, "take-down", NULL), ==, 1);

  /* Not published yet: nothing to take down. */
  waiting = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (later),
                                     warta_publication_get_version (later), ids, 1,
                                     now + 2 * G_TIME_SPAN_DAY, &error);
  g_assert_no_error (error);
  g_assert_false (warta_outbox_record_takedown (f->outbox, f->t->admin,
                                                warta_outbox_job_get_id (job_at (waiting, 0)),
                                                "Salah foto", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
}

static void
taken_down_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* warta_outbox_take_down_async(), waited for. */
static gboolean
take_down (Fixture         *f,
           WartaOutboxJob  *job,
           const char      *reason,
           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_outbox_take_down_async (f->outbox, f->t->admin, warta_outbox_job_get_id (job), reason, NULL,
                                taken_down_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return warta_outbox_take_down_finish (f->outbox, result, error);
}

/* An account removed from Accounts while a post waits for it: the post
 * stops, saying so and what to do instead (not "sign in again": its
 * sign-in went with it), and nothing is sent. */
static void
test_account_removed (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor pengawasan", 1);
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *m;

  jobs = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (p),
                               warta_publication_get_version (p), &f->mastodon_id, 1, &error);
  g_assert_no_error (error);
  m = job_at (jobs, 0);

  account = warta_account_repository_get (f->t->accounts, f->mastodon_id, &error);
  g_assert_no_error (error);
  warta_account_store_remove_async (f->store, f->t->admin, account, NULL, taken_down_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (warta_account_store_remove_finish (f->store, result, &error));
  g_assert_no_error (error);

  warta_outbox_start (f->outbox);
  wait_for_state (m, WARTA_OUTBOX_STATE_FAILED);
  settle (f);
  g_assert_false (warta_outbox_job_get_needs_sign_in (m));
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (m),
                            "was removed from Accounts, and its sign-in with it. Upload this post "
                            "there by hand and record the proof, or cancel it."));
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);
}


/* Where the platform lets it, Warta deletes the post itself, then records
 * it: the Mastodon status with its media, the website's post to the
 * trash and its photos for good. A failure deletes and records nothing
 * (and a second try goes through); a post already gone counts as
 * deleted; a post taken down is never asked for again. */
static void
test_takedown_api (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor pengawasan", 2);
  g_autoptr(WartaPublication) q = warta_test_publish_make_approved (f->t, "Rakor kedua", 1);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GListModel) more = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *m, *w, *m2;

  jobs = publish_done (f, p);
  m = job_at (jobs, 0);
  w = job_at (jobs, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->mastodon), ==, 2);
  g_assert_cmpuint (warta_test_server_get_media_count (f->wordpress), ==, 2);
  g_assert_true (warta_outbox_can_take_down (f->outbox, m));
  g_assert_true (warta_outbox_can_take_down (f->outbox, w));

  /* The instance fails once: nothing deleted, nothing recorded. */
  warta_test_server_add_fault (f->mastodon, "DELETE", "/api/v1/statuses/", 1,
                               WARTA_TEST_FAULT_STATUS, 503);
  g_assert_false (take_down (f, m, "Izin dicabut", &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
  g_clear_error (&error);
  g_assert_cmpuint (warta_test_server_get_deleted_count (f->mastodon), ==, 0);
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (m), ==, 0);

  g_assert_true (take_down (f, m, "Izin dicabut", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_get_deleted_count (f->mastodon), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
  g_assert_cmpuint (warta_test_server_get_media_count (f->mastodon), ==, 0);
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (m), >, 0);
  g_assert_cmpstr (warta_outbox_job_get_takedown_reason (m), ==, "Izin dicabut");

  g_assert_true (take_down (f, w, "Izin dicabut", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_get_deleted_count (f->wordpress), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->wordpress), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (f->wordpress, "DELETE", "/wp-json/wp/v2/media/"),
                    ==, 2);
  g_assert_cmpint (warta_event_log_count (f->t->db, "take-down", NULL), ==, 2);

  /* Taken down already: refused before anything is sent. */
  g_assert_false (take_down (f, m, "Lagi", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "DELETE", "/"), ==, 2);
  /* No reason: refused before anything is sent. */
  more = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (q),
                               warta_publication_get_version (q), &f->mastodon_id, 1, &error);
  g_assert_no_error (error);
  m2 = job_at (more, 0);
  wait_for_state (m2, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  g_assert_false (take_down (f, m2, " ", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "DELETE", "/"), ==, 2);

  /* Deleted on the instance by hand meanwhile: Mastodon answers 404,
   * which is what was asked. */
  warta_test_server_add_fault (f->mastodon, "DELETE", "/api/v1/statuses/", 1,
                               WARTA_TEST_FAULT_STATUS, 404);
  g_assert_true (take_down (f, m2, "Salah foto", &error));
  g_assert_no_error (error);
  g_assert_cmpint (warta_outbox_job_get_taken_down_at (m2), >, 0);

  /* Another admin records a take-down while the instance deletes this
   * one: deleted, not recorded twice, and the message says so. */
  {
    g_autoptr(WartaPublication) r = warta_test_publish_make_approved (f->t, "Rakor ketiga", 1);
    g_autoptr(GListModel) third = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    WartaOutboxJob *m3;

    third = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (r),
                                  warta_publication_get_version (r), &f->mastodon_id, 1, &error);
    g_assert_no_error (error);
    m3 = job_at (third, 0);
    wait_for_state (m3, WARTA_OUTBOX_STATE_DONE);
    settle (f);
    warta_test_server_add_fault (f->mastodon, "DELETE", "/api/v1/statuses/", 1,
                                 WARTA_TEST_FAULT_DELAY, 300);
    warta_outbox_take_down_async (f->outbox, f->t->admin, warta_outbox_job_get_id (m3),
                                  "Izin dicabut", NULL, taken_down_cb, &result);
    g_assert_true (warta_outbox_repository_record_takedown (f->t->outbox, f->t->admin,
                                                            warta_outbox_job_get_id (m3),
                                                            "Salah judul", &error));
    g_assert_no_error (error);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (warta_outbox_take_down_finish (f->outbox, result, &error));
    g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
    g_assert_true (g_str_has_prefix (error->message, "Warta deleted the post on “Humas mastodon”"));
    g_assert_cmpstr (warta_outbox_job_get_takedown_reason (m3), ==, "Salah judul");
    g_assert_cmpuint (warta_test_server_get_deleted_count (f->mastodon), ==, 2);
  }
}

/* Correcting a published post --------------------------------------------------- */

static void
corrected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* warta_outbox_correct_async(), waited for. */
static gboolean
correct (Fixture         *f,
         WartaOutboxJob  *job,
         const char      *reason,
         const char      *title,
         const char      *text,
         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  warta_outbox_correct_async (f->outbox, f->t->admin, warta_outbox_job_get_id (job), reason, title,
                              text, NULL, corrected_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return warta_outbox_correct_finish (f->outbox, result, error);
}

/* Removes @path on the platform behind Warta's back, as an admin would in
 * the platform's own app. */
static void
delete_by_hand (const char *url,
                const char *path,
                const char *token)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (url, path, NULL);
  g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);
  g_autoptr(SoupMessage) msg = soup_message_new ("DELETE", uri);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  g_autoptr(GAsyncResult) result = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
  /* The server answers on this thread's main context. */
  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, NULL, corrected_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  body = soup_session_send_and_read_finish (session, result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, SOUP_STATUS_OK);
}

static void
collect_line (WartaDossierLineKind  kind,
              const char           *label,
              const char           *text,
              gpointer              user_data)
{
  g_string_append_printf (user_data, "%s: %s\n", label ? label : "", text ? text : "");
}

/* The dossier of @p, as JSON and as its worded lines. */
static JsonObject *
load_dossier (Fixture          *f,
              WartaPublication *p,
              GString          *lines)
{
  g_autoptr(WartaDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  WartaDossierOptions options;

  warta_dossier_options_init (&options);
  dossier = warta_dossier_load (f->t->db, warta_publication_get_id (p), &options, &error);
  g_assert_no_error (error);
  warta_dossier_foreach_line (dossier, WARTA_DOSSIER_TARGETS, NULL, collect_line, lines);
  return json_object_ref (warta_dossier_get_json (dossier));
}

/* Warta changes the post itself where the platform lets it: the Mastodon
 * status (its photos kept), the website's title and article (its photos
 * kept), then records it, with the text before and after, in the
 * database, the history and the dossier. A failure changes and records
 * nothing; a post deleted on the platform says so; a post taken down is
 * not corrected. */
static void
test_correction_api (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor pengawasan", 2);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(WartaEvent) last = NULL;
  g_autoptr(JsonObject) dossier = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *old_title = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  const char *content;
  WartaOutboxJob *m, *w;
  const char *fixed = "Rakor pengawasan bersama Inspektur Budi Santoso, S.H.";
  guint n_media;

  jobs = publish_done (f, p);
  m = job_at (jobs, 0);
  w = job_at (jobs, 1);
  g_assert_true (warta_outbox_can_correct (f->outbox, m));
  g_assert_true (warta_outbox_can_correct (f->outbox, w));
  g_assert_true (warta_outbox_dup_post_text (f->outbox, m, &old_title, &old_text, &error));
  g_assert_no_error (error);
  g_assert_null (old_title);
  g_assert_cmpstr (warta_test_server_get_post_text (f->mastodon, warta_outbox_job_get_remote_id (m)),
                   ==, old_text);
  n_media = warta_test_server_get_media_count (f->mastodon);

  /* The instance fails: nothing changed, nothing recorded. */
  warta_test_server_add_fault (f->mastodon, "PUT", "/api/v1/statuses/", 1,
                               WARTA_TEST_FAULT_STATUS, 503);
  g_assert_false (correct (f, m, "Nama pejabat salah tulis", NULL, fixed, &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
  g_clear_error (&error);
  g_assert_cmpint (warta_outbox_job_get_corrected_at (m), ==, 0);
  g_assert_cmpstr (warta_test_server_get_post_text (f->mastodon, warta_outbox_job_get_remote_id (m)),
                   ==, old_text);

  /* No reason, or the same text: refused before anything is sent. */
  g_assert_false (correct (f, m, "  ", NULL, fixed, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);
  g_assert_false (correct (f, m, "Nama pejabat salah tulis", NULL, old_text, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "PUT", "/"), ==, 1);

  g_assert_true (correct (f, m, " Nama pejabat salah tulis ", NULL, fixed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (warta_test_server_get_post_text (f->mastodon, warta_outbox_job_get_remote_id (m)),
                   ==, fixed);
  g_assert_cmpuint (warta_test_server_get_media_count (f->mastodon), ==, n_media);
  g_assert_cmpint (warta_outbox_job_get_corrected_at (m), >, 0);
  g_assert_cmpstr (warta_outbox_job_get_correction_reason (m), ==, "Nama pejabat salah tulis");
  g_assert_cmpstr (warta_outbox_job_get_corrected_by_name (m), ==,
                   warta_user_get_display_name (f->t->admin));
  g_assert_true (warta_outbox_dup_post_text (f->outbox, m, NULL, &text, &error));
  g_assert_cmpstr (text, ==, fixed);

  events = warta_event_log_list (f->t->db, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  last = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
  g_assert_cmpstr (warta_event_get_kind (last), ==, "correction");
  g_assert_nonnull (strstr (warta_event_get_note (last), old_text));
  g_assert_nonnull (strstr (warta_event_get_note (last), fixed));
  g_assert_nonnull (strstr (warta_event_get_note (last), "Nama pejabat salah tulis"));
  g_assert_true (warta_store_verify_history (f->t->db, NULL, &error));
  g_assert_no_error (error);

  /* The website: a new title and article, the photos after the first kept. */
  g_clear_pointer (&old_text, g_free);
  g_clear_pointer (&old_title, g_free);
  g_assert_true (warta_outbox_dup_post_text (f->outbox, w, &old_title, &old_text, &error));
  g_assert_nonnull (old_title);
  g_assert_cmpstr (warta_test_server_get_post_title (f->wordpress, warta_outbox_job_get_remote_id (w)),
                   ==, old_title);
  g_assert_true (correct (f, w, "Nama pejabat salah tulis", "Rakor pengawasan (diperbaiki)",
                          "Paragraf pertama.\n\nInspektur Budi Santoso, S.H. membuka rakor.", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (warta_test_server_get_post_title (f->wordpress, warta_outbox_job_get_remote_id (w)),
                   ==, "Rakor pengawasan (diperbaiki)");
  content = warta_test_server_get_post_text (f->wordpress, warta_outbox_job_get_remote_id (w));
  g_assert_true (g_str_has_prefix (content, "<p>Paragraf pertama.</p>\n<p>Inspektur Budi Santoso, S.H. membuka rakor.</p>\n"));
  g_assert_nonnull (strstr (content, "<figure class=\"wp-block-image\"><img src="));
  g_assert_true (warta_outbox_dup_post_text (f->outbox, w, &title, &text, &error));
  g_assert_cmpstr (title, ==, "Rakor pengawasan (diperbaiki)");
  g_assert_cmpint (warta_event_log_count (f->t->db, "correction", NULL), ==, 2);

  /* The dossier (and so the export's manifest) shows both, before and after. */
  dossier = load_dossier (f, p, lines);
  {
    JsonArray *targets = json_object_get_array_member (dossier, "targets");
    guint n_found = 0;

    for (guint i = 0; i < json_array_get_length (targets); i++)
      {
        JsonArray *corrections = json_object_get_array_member (json_array_get_object_element (targets, i),
                                                               "corrections");

        for (guint k = 0; k < json_array_get_length (corrections); k++)
          {
            JsonObject *c = json_array_get_object_element (corrections, k);

            g_assert_cmpstr (json_object_get_string_member (c, "reason"), ==,
                             "Nama pejabat salah tulis");
            g_assert_cmpstr (json_object_get_string_member (c, "method"), ==, "warta");
            if (g_strcmp0 (json_object_get_string_member (c, "new_text"), fixed) == 0)
              n_found++;
          }
      }
    g_assert_cmpuint (n_found, ==, 1);
  }
  g_assert_nonnull (strstr (lines->str, "Text after: Rakor pengawasan (diperbaiki)\n\nParagraf pertama."));
  g_assert_nonnull (strstr (lines->str, "Reason for the correction: Nama pejabat salah tulis"));

  /* Deleted on the instance by hand: Mastodon's 404 says so, nothing recorded. */
  {
    g_autofree char *path = g_strconcat ("/api/v1/statuses/", warta_outbox_job_get_remote_id (m),
                                         NULL);

    delete_by_hand (warta_test_server_get_url (f->mastodon), path, WARTA_TEST_MASTODON_TOKEN);
  }
  g_assert_false (correct (f, m, "Tanggal salah", NULL, "Rakor tanggal 5", &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_GONE);
  g_assert_true (g_str_has_prefix (error->message, "The post is no longer on Mastodon"));
  g_clear_error (&error);
  g_assert_cmpint (warta_event_log_count (f->t->db, "correction", NULL), ==, 2);

  /* Taken down: not corrected, nothing sent. */
  g_assert_true (warta_outbox_record_takedown (f->outbox, f->t->admin, warta_outbox_job_get_id (m),
                                               "Izin dicabut", &error));
  g_assert_false (correct (f, m, "Tanggal salah", NULL, "Rakor tanggal 5", &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "PUT", "/"), ==, 3);
}

static void
test_retry_after_errors (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(GListModel) jobs = NULL;
  WartaOutboxJob *m, *w;

  warta_test_server_add_fault (f->mastodon, "POST", "/api/v1/statuses", 1,
                               WARTA_TEST_FAULT_STATUS, 503);
  /* The answer is lost after the post was made: the key finds it again. */
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v1/statuses", 2,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/posts", 1,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 1,
                               WARTA_TEST_FAULT_RATE_LIMIT, 1);
  jobs = publish_done (f, p);
  m = job_at (jobs, 0);
  w = job_at (jobs, 1);

  g_assert_cmpuint (warta_outbox_job_get_attempts (m), ==, 2);
  g_assert_cmpuint (warta_outbox_job_get_attempts (w), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 1);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PUBLISHED);
}

/* A job that waits for a platform's limit says when Warta tries again in
 * the office's zone (WIB), as the rest of the app tells times, not in the
 * computer's (São Paulo here, ten hours behind). */
static void
test_retry_time_in_office_zone (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GTimeZone) computer = NULL;
  g_autoptr(GDateTime) next_utc = NULL;
  g_autoptr(GDateTime) next_wib = NULL;
  g_autoptr(GDateTime) next_computer = NULL;
  g_autofree char *tz = g_strdup (g_getenv ("TZ"));
  g_autofree char *in_wib = NULL;
  g_autofree char *in_computer = NULL;
  WartaOutboxJob *job;
  const char *message;

  g_setenv ("TZ", "America/Sao_Paulo", TRUE);
  computer = g_time_zone_new_local ();
  warta_clock_set_time_zone_id (f->t->clock, "Asia/Jakarta");
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v1/statuses", 1,
                               WARTA_TEST_FAULT_RATE_LIMIT, 2 * 3600);
  jobs = publish (f, p, FALSE);
  job = job_at (jobs, 0);
  warta_outbox_start (f->outbox);
  wait_for_state (job, WARTA_OUTBOX_STATE_WAITING);
  warta_outbox_stop (f->outbox);
  settle (f);

  message = warta_outbox_job_get_error_message (job);
  g_test_message ("%s", message);
  next_utc = g_date_time_new_from_unix_utc (warta_outbox_job_get_next_attempt_at (job) / G_USEC_PER_SEC);
  next_wib = g_date_time_to_timezone (next_utc, wib);
  next_computer = g_date_time_to_timezone (next_utc, computer);
  in_wib = g_date_time_format (next_wib, " %H:%M %Z.");
  in_computer = g_date_time_format (next_computer, " %H:%M %Z.");
  g_assert_nonnull (strstr (message, "Warta will try again after "));
  g_assert_true (g_str_has_suffix (message, in_wib));
  g_assert_false (g_str_has_suffix (message, in_computer));

  if (tz != NULL)
    g_setenv ("TZ", tz, TRUE);
  else
    g_unsetenv ("TZ");
}

/* Failed on every attempt (4 here): the stored message says why and that
 * Warta tried, and no longer that it will try again. */
static void
test_give_up (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(GListModel) jobs = NULL;
  const struct {
    const char *reason;
  } why[] = {
    { "Mastodon is not working properly right now (HTTP 503)" },
    { "has had too many requests from this account." },
  };

  warta_test_server_add_fault (f->mastodon, "POST", "/api/v1/statuses", 0,
                               WARTA_TEST_FAULT_STATUS, 503);
  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 0,
                               WARTA_TEST_FAULT_RATE_LIMIT, 1);
  jobs = publish (f, p, TRUE);
  warta_outbox_start (f->outbox);
  for (guint i = 0; i < 2; i++)
    {
      WartaOutboxJob *job = job_at (jobs, i);
      const char *message;

      wait_for_state (job, WARTA_OUTBOX_STATE_FAILED);
      message = warta_outbox_job_get_error_message (job);
      g_test_message ("%s", message);
      g_assert_cmpuint (warta_outbox_job_get_attempts (job), ==, 4);
      g_assert_nonnull (strstr (message, why[i].reason));
      g_assert_nonnull (strstr (message, "Warta tried 4 times."));
      g_assert_null (strstr (message, "will try again"));
    }
  settle (f);
}

static void
record_manual_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GError **error = user_data;

  warta_outbox_record_manual_finish (WARTA_OUTBOX (object), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_expired_sign_in_then_manual (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) screenshot = NULL;
  g_autofree char *shot_path = NULL;
  g_autofree char *url = NULL;
  g_autofree char *rel = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *expected_sha = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 at = 0;
  WartaOutboxJob *m, *w;

  warta_test_server_revoke_credentials (f->mastodon);
  jobs = publish (f, p, TRUE);
  m = job_at (jobs, 0);
  w = job_at (jobs, 1);
  warta_outbox_start (f->outbox);
  wait_for_state (m, WARTA_OUTBOX_STATE_FAILED);
  wait_for_state (w, WARTA_OUTBOX_STATE_DONE);
  settle (f);

  /* Stopped with "sign in again", not retried. */
  g_assert_true (warta_outbox_job_get_needs_sign_in (m));
  g_assert_cmpstr (warta_outbox_job_get_error_code (m), ==, WARTA_OUTBOX_ERROR_AUTH);
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (m), "Sign in again"));
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/api/v2/media"), ==, 1);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PARTIALLY_PUBLISHED);

  /* Published by hand, with proof: the publication is published. */
  shot_path = warta_test_publish_write_png (f->t->dir, "bukti.PNG", 4096);
  g_file_get_contents (shot_path, &contents, &length, NULL);
  expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  screenshot = g_file_new_for_path (shot_path);
  warta_outbox_record_manual_async (f->outbox, f->t->admin, warta_outbox_job_get_id (m),
                                    "ftp://example.org/x", 1750000000000000, screenshot, NULL,
                                    record_manual_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_FAILED);
  g_clear_error (&error);

  warta_outbox_record_manual_async (f->outbox, f->t->admin, warta_outbox_job_get_id (m),
                                    "https://mastodon.example/@humas/1", 1750000000000000,
                                    screenshot, NULL, record_manual_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  g_assert_cmpuint (warta_outbox_job_get_state (m), ==, WARTA_OUTBOX_STATE_MANUAL);
  g_assert_cmpstr (warta_outbox_job_get_remote_url (m), ==, "https://mastodon.example/@humas/1");
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PUBLISHED);
  g_assert_true (warta_outbox_repository_get_manual_proof (f->t->outbox, warta_outbox_job_get_id (m),
                                                           &url, &at, &rel, &sha, NULL));
  g_assert_cmpstr (url, ==, "https://mastodon.example/@humas/1");
  g_assert_cmpint (at, ==, 1750000000000000);
  g_assert_cmpstr (sha, ==, expected_sha);
  stored = g_build_filename (f->t->dir, rel, NULL);
  g_assert_true (g_str_has_suffix (stored, ".png"));
  g_assert_nonnull (strstr (stored, "/warta-files/proofs/"));
  g_assert_true (g_file_test (stored, G_FILE_TEST_IS_REGULAR));
}

static void
test_pause_resume (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *m;

  warta_test_server_add_fault (f->mastodon, "POST", "/api/v2/media", 1,
                               WARTA_TEST_FAULT_DELAY, 3000);
  jobs = publish (f, p, FALSE);
  m = job_at (jobs, 0);
  warta_outbox_start (f->outbox);
  wait_for_state (m, WARTA_OUTBOX_STATE_RUNNING);
  while (warta_test_server_count_requests (f->mastodon, "POST", "/api/v2/media") == 0)
    g_main_context_iteration (NULL, TRUE);

  /* Mid-upload: the request is cancelled, the job waits for the user. */
  g_assert_true (warta_outbox_pause_job (f->outbox, f->t->admin,
                                         warta_outbox_job_get_id (m), &error));
  g_assert_no_error (error);
  settle (f);
  g_assert_cmpuint (warta_outbox_job_get_state (m), ==, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PUBLISHING);

  g_assert_true (warta_outbox_resume_job (f->outbox, f->t->admin,
                                          warta_outbox_job_get_id (m), &error));
  g_assert_no_error (error);
  wait_for_state (m, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PUBLISHED);
}

/* @event is the admin's @kind on the Mastodon target, at @at, the
 * publication's state unchanged. */
static void
assert_target_event (Fixture    *f,
                     WartaEvent *event,
                     const char *kind,
                     gint64      at)
{
  g_assert_cmpstr (warta_event_get_kind (event), ==, kind);
  g_assert_cmpint (warta_event_get_actor_id (event), ==, warta_user_get_id (f->t->admin));
  g_assert_cmpstr (warta_event_get_role (event), ==, "social-media-admin");
  g_assert_cmpint (warta_event_get_at (event), ==, at);
  g_assert_cmpstr (warta_event_get_note (event), ==, "Humas mastodon");
  g_assert_cmpstr (warta_event_get_from_state (event), ==, "publishing");
  g_assert_cmpstr (warta_event_get_to_state (event), ==, "publishing");
}

/* @p's dossier as text, its history checked first. */
static char *
dossier_text (Fixture          *f,
              WartaPublication *p)
{
  g_autoptr(WartaDossier) dossier = NULL;
  g_autoptr(GError) error = NULL;
  WartaDossierOptions options;

  g_assert_true (warta_store_verify_history (f->t->db, NULL, &error));
  g_assert_no_error (error);
  warta_dossier_options_init (&options);
  dossier = warta_dossier_load (f->t->db, warta_publication_get_id (p), &options, &error);
  g_assert_no_error (error);
  return warta_dossier_to_text (dossier, NULL);
}

/* Cancelling a target is the admin's decision, and the archive keeps it:
 * who cancelled publishing to which account, and when, is in the
 * publication's hash-chained history, before the publication follows its
 * jobs; nothing for a refused or repeated cancel, and the dossier says it
 * in words. */
static void
test_cancel_history (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(WartaUser) verifier = stored_user (f, WARTA_ROLE_VERIFIER);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(WartaEvent) cancelled = NULL;
  g_autoptr(WartaEvent) finished = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->mastodon_id };
  gint64 now = g_get_real_time ();
  gint64 m_id;
  guint n;

  warta_clock_freeze (f->t->clock, now);
  jobs = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (p),
                                  warta_publication_get_version (p), ids, 1,
                                  now + G_TIME_SPAN_HOUR, &error);
  g_assert_no_error (error);
  m_id = warta_outbox_job_get_id (job_at (jobs, 0));

  g_assert_false (warta_outbox_cancel_job (f->outbox, verifier, m_id, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (warta_event_log_count (f->t->db, "cancel", NULL), ==, 0);

  warta_clock_advance (f->t->clock, G_TIME_SPAN_MINUTE);
  g_assert_true (warta_outbox_cancel_job (f->outbox, f->t->admin, m_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (warta_event_log_count (f->t->db, "cancel", NULL), ==, 1);
  events = warta_event_log_list (f->t->db, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (events);
  cancelled = g_list_model_get_item (events, n - 2);
  finished = g_list_model_get_item (events, n - 1);
  assert_target_event (f, cancelled, "cancel", now + G_TIME_SPAN_MINUTE);
  /* Its only target cancelled, the publication failed, after it. */
  g_assert_cmpstr (warta_event_get_kind (finished), ==, "finish");
  g_assert_cmpstr (warta_event_get_to_state (finished), ==, "failed");

  g_assert_false (warta_outbox_cancel_job (f->outbox, f->t->admin, m_id, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (warta_event_log_count (f->t->db, "cancel", NULL), ==, 1);
  text = dossier_text (f, p);
  g_assert_nonnull (strstr (text, "  Publishing to an account cancelled  Humas mastodon\n"));
}

static void
test_cancel_then_retry (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *w;

  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 1,
                               WARTA_TEST_FAULT_DELAY, 3000);
  {
    gint64 ids[] = { f->wordpress_id };

    jobs = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (p),
                                 warta_publication_get_version (p), ids, 1, &error);
    g_assert_no_error (error);
  }
  w = job_at (jobs, 0);
  warta_outbox_start (f->outbox);
  while (warta_test_server_count_requests (f->wordpress, "POST", "/wp-json/wp/v2/media") == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (warta_outbox_cancel_job (f->outbox, f->t->admin,
                                          warta_outbox_job_get_id (w), &error));
  g_assert_no_error (error);
  settle (f);
  g_assert_cmpuint (warta_outbox_job_get_state (w), ==, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (w), ==, WARTA_OUTBOX_ERROR_CANCELLED);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_FAILED);

  /* Retry per target: the publication is publishing again, then published. */
  g_assert_true (warta_outbox_retry_job (f->outbox, f->t->admin,
                                         warta_outbox_job_get_id (w), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PUBLISHING);
  wait_for_state (w, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 1);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PUBLISHED);
}

static void
test_missing_secret (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 0);
  g_autoptr(GListModel) jobs = NULL;
  WartaOutboxJob *m;

  _warta_account_store_set_memory_secret (f->store, "key-mastodon", NULL);
  jobs = publish (f, p, FALSE);
  m = job_at (jobs, 0);
  warta_outbox_start (f->outbox);
  wait_for_state (m, WARTA_OUTBOX_STATE_FAILED);
  settle (f);
  g_assert_true (warta_outbox_job_get_needs_sign_in (m));
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_FAILED);
}

static void
test_not_approved (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 0);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->mastodon_id };

  jobs = publish (f, p, FALSE);
  /* Publishing once only: the second call is refused, nothing is added. */
  again = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (p),
                                warta_publication_get_version (p) + 1, ids, 1, &error);
  g_assert_null (again);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
}

/* Publishing starts with exactly the admin's saved choice: an account
 * left out (on another workstation, before this one heard of it) is
 * refused as a conflict, and no job is written. */
static void
test_left_out_refused (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 0);
  g_autoptr(WartaPublication) still = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->mastodon_id, f->wordpress_id };

  g_assert_true (warta_publication_repository_set_left_out (f->t->publications, f->t->admin,
                                                            warta_publication_get_id (p),
                                                            f->wordpress_id, TRUE, &error));
  g_assert_no_error (error);
  jobs = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (p),
                               warta_publication_get_version (p), ids, 2, &error);
  g_assert_null (jobs);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_clear_error (&error);
  none = warta_outbox_repository_list_for_publication (f->t->outbox, warta_publication_get_id (p),
                                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
  still = warta_publication_repository_get (f->t->publications, warta_publication_get_id (p),
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_publication_get_state (still), ==, WARTA_STATE_APPROVED);

  /* The choice as saved: Mastodon only. */
  jobs = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (p),
                               warta_publication_get_version (p), ids, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (jobs), ==, 1);
}

/* Scheduled: nothing is sent before the time, on the outbox's clock. */
/* The one calendar entry of @p in the two hours from @from: its kind,
 * and its time in *time; -1 when there is none. */
static int
calendar_entry (Fixture          *f,
                WartaPublication *p,
                gint64            from,
                gint64           *time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) month = NULL;
  int kind = -1;

  month = warta_publication_repository_list_calendar (f->t->publications, from,
                                                      from + 2 * G_TIME_SPAN_HOUR, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (month); i++)
    {
      g_autoptr(WartaCalendarEntry) entry = g_list_model_get_item (month, i);

      if (warta_publication_get_id (warta_calendar_entry_get_publication (entry)) !=
          warta_publication_get_id (p))
        continue;
      g_assert_cmpint (kind, ==, -1);
      kind = (int) warta_calendar_entry_get_kind (entry);
      *time = warta_calendar_entry_get_time (entry);
    }
  return kind;
}

static void
test_scheduled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time ();
  gint64 ids[] = { f->mastodon_id };
  gboolean waited = FALSE;
  WartaOutboxJob *job;
  gint64 time = 0;

  warta_clock_freeze (f->t->clock, now);
  p = warta_test_publish_make_approved (f->t, "Rakor terjadwal", 1);
  jobs = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (p),
                                  warta_publication_get_version (p), ids, 1,
                                  now + G_TIME_SPAN_HOUR, &error);
  g_assert_no_error (error);
  job = job_at (jobs, 0);
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (job), ==, now + G_TIME_SPAN_HOUR);
  /* The calendar shows it at the time the outbox waits for. */
  g_assert_cmpint (calendar_entry (f, p, now, &time), ==, WARTA_CALENDAR_SCHEDULED);
  g_assert_cmpint (time, ==, now + G_TIME_SPAN_HOUR);

  warta_outbox_start (f->outbox);
  g_timeout_add (300, timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_PENDING);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);

  /* A minute early: still waiting. */
  warta_clock_advance (f->t->clock, G_TIME_SPAN_HOUR - G_TIME_SPAN_MINUTE);
  waited = FALSE;
  g_timeout_add (200, timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);

  warta_clock_advance (f->t->clock, G_TIME_SPAN_MINUTE);
  wait_for_state (job, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_cmpuint (publication_state (f, p), ==, WARTA_STATE_PUBLISHED);
  /* Then as published, when it was, and no longer as scheduled. */
  g_assert_cmpint (calendar_entry (f, p, now, &time), ==, WARTA_CALENDAR_PUBLISHED);
  g_assert_cmpint (time, ==, warta_outbox_job_get_finished_at (job));
  g_assert_cmpint (time, ==, now + G_TIME_SPAN_HOUR);
}

/* Runs the main loop for @ms milliseconds. */
static void
iterate_for (guint ms)
{
  gboolean waited = FALSE;

  g_timeout_add (ms, timeout_cb, &waited);
  while (!waited)
    g_main_context_iteration (NULL, TRUE);
}

/* @job goes out, and the platform sees exactly one post. */
static void
assert_posted_once (Fixture        *f,
                    WartaOutboxJob *job)
{
  wait_for_state (job, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  iterate_for (200);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
}

/* Another connection's write to the file, as a Warta that crashed, or an
 * older one, may have left the job. */
static void
raw_exec (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->t->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* A target the admin uploads by hand is recorded in the database, who and
 * since when, and nothing sends it: not the outbox at its scheduled time,
 * nor at start-up when a crash left it pending, nor Resume, Try Again, a
 * new time or the sign-in's retry. Send with Warta Instead gives it back
 * to the outbox, which posts it once. */
static void
test_by_hand (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) q = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GListModel) stopped = NULL;
  g_autoptr(GListModel) scheduled = NULL;
  g_autoptr(WartaOutboxJob) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 ids[] = { f->mastodon_id };
  gint64 now = g_get_real_time ();
  WartaOutboxJob *w, *m;
  gint64 m_id;

  /* Stopped for its sign-in, then uploaded by hand: signing in again
   * does not retry it. */
  warta_clock_freeze (f->t->clock, now);
  warta_test_server_revoke_credentials (f->wordpress);
  p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  {
    gint64 wp[] = { f->wordpress_id };

    jobs = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (p),
                                 warta_publication_get_version (p), wp, 1, &error);
    g_assert_no_error (error);
  }
  w = job_at (jobs, 0);
  warta_outbox_start (f->outbox);
  wait_for_state (w, WARTA_OUTBOX_STATE_FAILED);
  settle (f);
  g_assert_true (warta_outbox_job_get_needs_sign_in (w));
  g_assert_true (warta_outbox_start_by_hand (f->outbox, f->t->admin, warta_outbox_job_get_id (w),
                                             &error));
  g_assert_no_error (error);
  g_assert_true (warta_outbox_job_is_by_hand (w));
  g_assert_cmpint (warta_outbox_job_get_by_hand_since (w), ==, now);
  g_assert_cmpstr (warta_outbox_job_get_by_hand_by_name (w), ==,
                   warta_user_get_display_name (f->t->admin));
  stopped = warta_outbox_repository_list_needing_sign_in (f->t->outbox, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (stopped), ==, 0);
  g_clear_object (&stopped);
  g_assert_false (warta_outbox_retry_job (f->outbox, f->t->admin, warta_outbox_job_get_id (w),
                                          &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_assert_nonnull (strstr (error->message, warta_user_get_display_name (f->t->admin)));
  g_assert_nonnull (strstr (error->message, "by hand"));
  g_clear_error (&error);
  /* Given back: stopped as before, its sign-in asked for again. */
  g_assert_true (warta_outbox_send_instead (f->outbox, f->t->admin, warta_outbox_job_get_id (w),
                                            &error));
  g_assert_no_error (error);
  g_assert_false (warta_outbox_job_is_by_hand (w));
  g_assert_cmpuint (warta_outbox_job_get_state (w), ==, WARTA_OUTBOX_STATE_FAILED);
  stopped = warta_outbox_repository_list_needing_sign_in (f->t->outbox, 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (stopped), ==, 1);
  /* Once only: it is no longer uploaded by hand. */
  g_assert_false (warta_outbox_send_instead (f->outbox, f->t->admin, warta_outbox_job_get_id (w),
                                             &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);

  /* Scheduled a minute ahead, then uploaded by hand. */
  q = warta_test_publish_make_approved (f->t, "Pengumuman", 1);
  scheduled = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (q),
                                       warta_publication_get_version (q), ids, 1,
                                       now + G_TIME_SPAN_MINUTE, &error);
  g_assert_no_error (error);
  m = job_at (scheduled, 0);
  m_id = warta_outbox_job_get_id (m);
  g_assert_true (warta_outbox_start_by_hand (f->outbox, f->t->admin, m_id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_outbox_job_get_state (m), ==, WARTA_OUTBOX_STATE_PAUSED);

  /* Whatever state a crash left it in, the outbox restarted after its
   * time does not send it. */
  warta_outbox_stop (f->outbox);
  settle (f);
  sql = g_strdup_printf ("UPDATE outbox_jobs SET state = 'pending', lease_owner = NULL, "
                         "lease_until = 0 WHERE id = %" G_GINT64_FORMAT, m_id);
  raw_exec (f, sql);
  warta_clock_advance (f->t->clock, 2 * G_TIME_SPAN_MINUTE);
  warta_outbox_start (f->outbox);
  iterate_for (500);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);
  stored = warta_outbox_repository_get_job (f->t->outbox, m_id, &error);
  g_assert_no_error (error);
  g_assert_true (warta_outbox_job_is_by_hand (stored));
  g_assert_cmpuint (warta_outbox_job_get_state (stored), ==, WARTA_OUTBOX_STATE_PENDING);
  g_clear_object (&stored);

  /* Paused again, as after the switch: Resume and a new time refuse it. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE outbox_jobs SET state = 'paused' WHERE id = %" G_GINT64_FORMAT,
                         m_id);
  raw_exec (f, sql);
  g_assert_false (warta_outbox_resume_job (f->outbox, f->t->admin, m_id, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_false (warta_outbox_reschedule_job (f->outbox, f->t->admin, m_id,
                                               warta_clock_now (f->t->clock) + G_TIME_SPAN_HOUR,
                                               &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  iterate_for (200);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);

  /* Send with Warta Instead: it goes, once. */
  g_assert_true (warta_outbox_send_instead (f->outbox, f->t->admin, m_id, &error));
  g_assert_no_error (error);
  g_assert_false (warta_outbox_job_is_by_hand (m));
  assert_posted_once (f, m);
}

/* Uploading a target by hand, and giving it back to Warta, decide how a
 * post goes out: only a social media admin may, as only one may publish.
 * Someone without the role is refused and nothing changes. */
static void
test_by_hand_admin_only (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(WartaUser) officer = stored_user (f, WARTA_ROLE_ACTIVITY_OFFICER |
                                                  WARTA_ROLE_VERIFIER | WARTA_ROLE_APPROVER);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->mastodon_id };
  WartaOutboxJob *m;

  jobs = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (p),
                                  warta_publication_get_version (p), ids, 1,
                                  warta_clock_now (f->t->clock) + G_TIME_SPAN_HOUR, &error);
  g_assert_no_error (error);
  m = job_at (jobs, 0);

  g_assert_false (warta_outbox_start_by_hand (f->outbox, officer, warta_outbox_job_get_id (m),
                                              &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (warta_outbox_job_is_by_hand (m));
  g_assert_cmpuint (warta_outbox_job_get_state (m), ==, WARTA_OUTBOX_STATE_PENDING);

  /* Switched by the admin: the officer cannot give it back. */
  g_assert_true (warta_outbox_start_by_hand (f->outbox, f->t->admin, warta_outbox_job_get_id (m),
                                             &error));
  g_assert_no_error (error);
  g_assert_false (warta_outbox_send_instead (f->outbox, officer, warta_outbox_job_get_id (m),
                                             &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (warta_outbox_job_is_by_hand (m));
  g_assert_cmpuint (warta_outbox_job_get_state (m), ==, WARTA_OUTBOX_STATE_PAUSED);

  g_assert_true (warta_outbox_send_instead (f->outbox, f->t->admin, warta_outbox_job_get_id (m),
                                            &error));
  g_assert_no_error (error);
  g_assert_false (warta_outbox_job_is_by_hand (m));
}

/* Every table the outbox writes, as text, to see that nothing changed. */
static int
append_row (void  *data,
            int    n_columns,
            char **values,
            char **names)
{
  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (data, "%s=%s ", names[i], values[i] ? values[i] : "NULL");
  g_string_append_c (data, '\n');
  return 0;
}

static char *
dump_publishing (Fixture *f)
{
  const char *tables[] = { "outbox_jobs", "outbox_steps", "manual_proofs", "events",
                           "publications" };
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->t->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", tables[i]);

      g_assert_cmpint (sqlite3_exec (db, sql, append_row, dump, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

typedef gboolean (*JobAction) (WartaOutboxRepository  *outbox,
                               WartaUser              *actor,
                               gint64                  job_id,
                               GError                **error);

static gboolean
act_reschedule (WartaOutboxRepository  *outbox,
                WartaUser              *actor,
                gint64                  job_id,
                GError                **error)
{
  return warta_outbox_repository_reschedule (outbox, actor, job_id,
                                             g_get_real_time () + 2 * G_TIME_SPAN_HOUR, error);
}

static gboolean
act_choose (WartaOutboxRepository  *outbox,
            WartaUser              *actor,
            gint64                  job_id,
            GError                **error)
{
  return warta_outbox_repository_set_step (outbox, actor, job_id, "creator",
                                           "{\"privacy\": \"SELF_ONLY\"}", error);
}

static gboolean
act_record_manual (WartaOutboxRepository  *outbox,
                   WartaUser              *actor,
                   gint64                  job_id,
                   GError                **error)
{
  return warta_outbox_repository_record_manual (outbox, actor, job_id,
                                                "https://example.org/@humas/1",
                                                g_get_real_time (), NULL, NULL, error);
}

typedef enum
{
  WAITING,    /* pending, for its time an hour from now */
  PAUSED,
  CANCELLED,
  BY_HAND,
} JobPrepared;

/* Pausing, resuming, cancelling, a new time, Try Again, a choice for the
 * platform, how a target goes out and its proof are the social media
 * admin's (SOP step 5). Officers, verifiers and approvers open the same
 * database: each of these, asked by any of them, is refused in the data
 * layer with one message and changes nothing, not the job, its steps, its
 * proofs nor the history, whatever roles the caller's object says they
 * have; the admin's goes through. */
static void
test_actions_admin_only (Fixture       *f,
                         gconstpointer  data)
{
  static const struct
  {
    const char  *name;
    JobPrepared  prepared;
    JobAction    act;
  } actions[] = {
    { "pause", WAITING, warta_outbox_repository_pause },
    { "resume", PAUSED, warta_outbox_repository_resume },
    { "reschedule", WAITING, act_reschedule },
    { "send-now", WAITING, warta_outbox_repository_send_now },
    { "cancel", WAITING, warta_outbox_repository_cancel },
    { "retry", CANCELLED, warta_outbox_repository_retry },
    { "choose", WAITING, act_choose },
    { "record-manual", WAITING, act_record_manual },
    { "start-by-hand", WAITING, warta_outbox_repository_start_by_hand },
    { "send-instead", BY_HAND, warta_outbox_repository_send_instead },
  };
  g_autoptr(WartaUser) officer = stored_user (f, WARTA_ROLE_ACTIVITY_OFFICER);
  g_autoptr(WartaUser) verifier = stored_user (f, WARTA_ROLE_VERIFIER);
  g_autoptr(WartaUser) approver = stored_user (f, WARTA_ROLE_APPROVER);
  g_autoptr(WartaUser) all_but = stored_user (f, WARTA_ROLE_ALL & ~WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  /* The verifier as an object that says otherwise: the stored roles count. */
  g_autoptr(WartaUser) claims = warta_user_new ();
  WartaUser *others[] = { officer, verifier, approver, all_but, claims };
  g_autofree char *message = NULL;

  warta_user_set_id (claims, warta_user_get_id (verifier));
  warta_user_set_display_name (claims, warta_user_get_display_name (verifier));
  warta_user_set_roles (claims, WARTA_ROLE_ALL);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, actions[i].name, 1);
      g_autoptr(GListModel) jobs = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      gint64 ids[] = { f->mastodon_id };
      gint64 job_id;

      g_test_message ("%s", actions[i].name);
      jobs = warta_outbox_repository_enqueue_at (f->t->outbox, f->t->admin,
                                                 warta_publication_get_id (p),
                                                 warta_publication_get_version (p), ids, 1,
                                                 g_get_real_time () + G_TIME_SPAN_HOUR, &error);
      g_assert_no_error (error);
      job_id = warta_outbox_job_get_id (job_at (jobs, 0));
      if (actions[i].prepared == PAUSED)
        g_assert_true (warta_outbox_repository_pause (f->t->outbox, f->t->admin, job_id, &error));
      else if (actions[i].prepared == CANCELLED)
        g_assert_true (warta_outbox_repository_cancel (f->t->outbox, f->t->admin, job_id, &error));
      else if (actions[i].prepared == BY_HAND)
        g_assert_true (warta_outbox_repository_start_by_hand (f->t->outbox, f->t->admin, job_id,
                                                              &error));
      g_assert_no_error (error);
      before = dump_publishing (f);

      for (guint j = 0; j < G_N_ELEMENTS (others); j++)
        {
          g_assert_false (actions[i].act (f->t->outbox, others[j], job_id, &error));
          g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
          /* One message for all of them. */
          if (message == NULL)
            message = g_strdup (error->message);
          g_assert_cmpstr (error->message, ==, message);
          g_clear_error (&error);
          after = dump_publishing (f);
          g_assert_cmpstr (after, ==, before);
          g_clear_pointer (&after, g_free);
        }

      g_assert_true (actions[i].act (f->t->outbox, f->t->admin, job_id, &error));
      g_assert_no_error (error);
      after = dump_publishing (f);
      g_assert_cmpstr (after, !=, before);
    }
}

/* The last event of @p's history. */
static WartaEvent *
last_event (Fixture          *f,
            WartaPublication *p)
{
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GError) error = NULL;

  events = warta_event_log_list (f->t->db, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  return g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
}

/* Who switched a target to upload by hand and who gave it back to Warta,
 * when and for which account, is in the publication's hash-chained
 * history, as the archive's legal record: once per decision, nothing for
 * a refused one, and the dossier's history says it in words. */
static void
test_by_hand_history (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(WartaUser) officer = stored_user (f, WARTA_ROLE_ACTIVITY_OFFICER);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(WartaEvent) started = NULL;
  g_autoptr(WartaEvent) given_back = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->mastodon_id };
  gint64 now = g_get_real_time ();
  WartaOutboxJob *m;
  gint64 m_id;

  warta_clock_freeze (f->t->clock, now);
  jobs = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (p),
                                  warta_publication_get_version (p), ids, 1,
                                  now + G_TIME_SPAN_HOUR, &error);
  g_assert_no_error (error);
  m = job_at (jobs, 0);
  m_id = warta_outbox_job_get_id (m);

  g_assert_true (warta_outbox_start_by_hand (f->outbox, f->t->admin, m_id, &error));
  g_assert_no_error (error);
  started = last_event (f, p);
  assert_target_event (f, started, "by-hand-started", now);

  /* Asked again, or refused: nothing new was decided. */
  warta_clock_advance (f->t->clock, G_TIME_SPAN_MINUTE);
  g_assert_true (warta_outbox_start_by_hand (f->outbox, f->t->admin, m_id, &error));
  g_assert_no_error (error);
  g_assert_false (warta_outbox_send_instead (f->outbox, officer, m_id, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (warta_event_log_count (f->t->db, "by-hand-started", NULL), ==, 1);
  g_assert_cmpint (warta_event_log_count (f->t->db, "by-hand-given-back", NULL), ==, 0);

  warta_clock_advance (f->t->clock, G_TIME_SPAN_HOUR);
  g_assert_true (warta_outbox_send_instead (f->outbox, f->t->admin, m_id, &error));
  g_assert_no_error (error);
  given_back = last_event (f, p);
  assert_target_event (f, given_back, "by-hand-given-back",
                       now + G_TIME_SPAN_MINUTE + G_TIME_SPAN_HOUR);
  g_assert_false (warta_outbox_send_instead (f->outbox, f->t->admin, m_id, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (warta_event_log_count (f->t->db, "by-hand-given-back", NULL), ==, 1);
  text = dossier_text (f, p);
  g_assert_nonnull (strstr (text, "  Switched to upload by hand  Humas mastodon\n"));
  g_assert_nonnull (strstr (text, "  Given back to Warta to send  Humas mastodon\n"));
  g_assert_null (strstr (text, "by-hand-"));
}

/* 27 Nov 2026, 09:00 WIB: the time of the scheduled posts below. */
#define MISSED_T (G_GINT64_CONSTANT (1795744800) * G_USEC_PER_SEC)

/* A job scheduled at MISSED_T, written an hour before. */
static WartaOutboxJob *
schedule_at_t (Fixture    *f,
               GListModel **out_jobs)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { f->mastodon_id };

  warta_clock_freeze (f->t->clock, MISSED_T - G_TIME_SPAN_HOUR);
  p = warta_test_publish_make_approved (f->t, "Pengumuman libur nasional", 1);
  *out_jobs = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (p),
                                       warta_publication_get_version (p), ids, 1, MISSED_T,
                                       &error);
  g_assert_no_error (error);
  return job_at (*out_jobs, 0);
}

/* A Warta opens two hours after @job's time: it holds the job, sends
 * nothing. */
static void
start_two_hours_late (Fixture        *f,
                      WartaOutboxJob *job)
{
  warta_clock_freeze (f->t->clock, MISSED_T + 2 * G_TIME_SPAN_HOUR);
  warta_outbox_start (f->outbox);
  wait_for_state (job, WARTA_OUTBOX_STATE_PAUSED);
  iterate_for (300);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);
}

/* No Warta ran at 09:00; one opens at 11:00. The post does not go out two
 * hours late unseen: it is held, paused, with the reason, in the database
 * before anything is sent; Publish Now (resume) sends it exactly once. */
static void
test_missed (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(WartaOutboxJob) stored = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *job = schedule_at_t (f, &jobs);

  start_two_hours_late (f, job);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_PAUSED);

  /* Held in the file, as every Warta on it sees it. */
  stored = warta_outbox_repository_get_job (f->t->outbox, warta_outbox_job_get_id (job), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_outbox_job_get_state (stored), ==, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (stored), ==, WARTA_OUTBOX_ERROR_MISSED);
  g_assert_cmpstr (warta_outbox_job_get_error_message (stored), ==,
                   "Its scheduled time, 27 Nov 2026, 09:00, passed while Warta was closed. "
                   "Publish it now, choose another time, or cancel it.");
  g_assert_cmpstr (warta_outbox_job_get_error_message (job), ==,
                   warta_outbox_job_get_error_message (stored));
  /* Nothing to send while a Warta runs: closing asks nothing about it. */
  g_assert_cmpuint (warta_outbox_count_to_send (f->outbox, NULL), ==, 0);

  /* Publish Now: sent, once, and not held again. */
  g_assert_true (warta_outbox_resume_job (f->outbox, f->t->admin,
                                          warta_outbox_job_get_id (job), &error));
  g_assert_no_error (error);
  g_assert_null (warta_outbox_job_get_error_message (job));
  assert_posted_once (f, job);
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (job), ==, MISSED_T + 2 * G_TIME_SPAN_HOUR);
  g_assert_false (warta_outbox_resume_job (f->outbox, f->t->admin,
                                           warta_outbox_job_get_id (job), &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  iterate_for (200);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
}

/* Cancelled once held, then Try Again: the user's "now", sent once, not
 * held again for the old time. */
static void
test_missed_cancel_retry (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *job = schedule_at_t (f, &jobs);

  start_two_hours_late (f, job);
  g_assert_true (warta_outbox_cancel_job (f->outbox, f->t->admin,
                                          warta_outbox_job_get_id (job), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_FAILED);

  g_assert_true (warta_outbox_retry_job (f->outbox, f->t->admin, warta_outbox_job_get_id (job),
                                         &error));
  g_assert_no_error (error);
  assert_posted_once (f, job);
}

/* Ten minutes late, within the publishing step's 30 minutes: it goes out
 * by itself, as it always did. */
static void
test_missed_within_grace (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  WartaOutboxJob *job = schedule_at_t (f, &jobs);

  warta_clock_freeze (f->t->clock, MISSED_T + 10 * G_TIME_SPAN_MINUTE);
  warta_outbox_start (f->outbox);
  assert_posted_once (f, job);
  g_assert_null (warta_outbox_job_get_error_code (job));
}

/* Warta runs at 09:00, but the account is busy with another post until
 * 09:45 (a slow platform): the second post is late only for that, and
 * goes out when the account is free, not held as missed. */
static void
test_missed_busy_account (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GListModel) first_jobs = NULL;
  g_autoptr(GListModel) second_jobs = NULL;
  WartaOutboxJob *first = schedule_at_t (f, &first_jobs);
  WartaOutboxJob *second = schedule_at_t (f, &second_jobs);

  /* The first post's status waits two seconds for its answer. */
  warta_test_server_add_fault (f->mastodon, "POST", "/api/v1/statuses", 1,
                               WARTA_TEST_FAULT_DELAY, 2000);
  warta_clock_freeze (f->t->clock, MISSED_T - G_TIME_SPAN_MINUTE);
  warta_outbox_start (f->outbox);
  iterate_for (200);
  warta_clock_freeze (f->t->clock, MISSED_T + G_USEC_PER_SEC);
  wait_for_state (first, WARTA_OUTBOX_STATE_RUNNING);
  iterate_for (200);
  g_assert_cmpuint (warta_outbox_job_get_state (second), ==, WARTA_OUTBOX_STATE_PENDING);

  warta_clock_freeze (f->t->clock, MISSED_T + 45 * G_TIME_SPAN_MINUTE);
  wait_for_state (first, WARTA_OUTBOX_STATE_DONE);
  wait_for_state (second, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  g_assert_null (warta_outbox_job_get_error_code (second));
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 2);
}

/* The office's own limit for the publishing step is the grace: with two
 * hours, a post found one hour late still goes. */
static void
test_missed_office_limit (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  WartaOutboxJob *job = schedule_at_t (f, &jobs);
  WartaDeadlines deadlines;

  warta_publication_repository_get_deadlines (f->t->publications, &deadlines);
  deadlines.minutes[WARTA_STEP_PUBLISHING] = 120;
  warta_publication_repository_set_deadlines (f->t->publications, &deadlines);
  warta_clock_freeze (f->t->clock, MISSED_T + G_TIME_SPAN_HOUR);
  warta_outbox_start (f->outbox);
  assert_posted_once (f, job);
}

/* The job as the file has it: what every Warta on it sees. */
static WartaOutboxJob *
stored_job (Fixture        *f,
            WartaOutboxJob *job)
{
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *stored;

  stored = warta_outbox_repository_get_job (f->t->outbox, warta_outbox_job_get_id (job), &error);
  g_assert_no_error (error);
  return stored;
}

/* Held as missed at 11:00, given 12:00 instead: it waits again, the
 * reason gone, sends nothing before 12:00, and once at 12:00. */
static void
test_missed_reschedule (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(WartaOutboxJob) stored = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *job = schedule_at_t (f, &jobs);

  start_two_hours_late (f, job);
  g_assert_true (warta_outbox_reschedule_job (f->outbox, f->t->admin, warta_outbox_job_get_id (job),
                                              MISSED_T + 3 * G_TIME_SPAN_HOUR, &error));
  g_assert_no_error (error);
  stored = stored_job (f, job);
  g_assert_cmpuint (warta_outbox_job_get_state (stored), ==, WARTA_OUTBOX_STATE_PENDING);
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (stored), ==, MISSED_T + 3 * G_TIME_SPAN_HOUR);
  g_assert_null (warta_outbox_job_get_error_code (stored));
  g_assert_null (warta_outbox_job_get_error_message (stored));
  /* The live job too, for the rows bound to it. */
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_PENDING);
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (job), ==, MISSED_T + 3 * G_TIME_SPAN_HOUR);
  g_assert_cmpuint (warta_outbox_count_to_send (f->outbox, NULL), ==, 1);

  iterate_for (300);
  warta_clock_freeze (f->t->clock, MISSED_T + 3 * G_TIME_SPAN_HOUR - G_TIME_SPAN_MINUTE);
  iterate_for (300);
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_PENDING);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);

  warta_clock_freeze (f->t->clock, MISSED_T + 3 * G_TIME_SPAN_HOUR);
  assert_posted_once (f, job);
  g_assert_null (warta_outbox_job_get_error_code (job));
  g_assert_cmpint (warta_outbox_job_get_finished_at (job), ==, MISSED_T + 3 * G_TIME_SPAN_HOUR);
}

/* A post waiting for 09:00 sent at 08:20 instead: at once, once, its
 * time now 08:20 (the calendar and the step's deadline count from when
 * it went); a second Send Now, or one by anyone but the admin, changes
 * nothing. */
static void
test_send_now (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaUser) verifier = stored_user (f, WARTA_ROLE_VERIFIER);
  WartaOutboxJob *job = schedule_at_t (f, &jobs);
  gint64 id = warta_outbox_job_get_id (job);
  gint64 now = MISSED_T - 40 * G_TIME_SPAN_MINUTE;

  warta_outbox_start (f->outbox);
  iterate_for (100);
  warta_clock_freeze (f->t->clock, now);
  iterate_for (100);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);

  g_assert_false (warta_outbox_send_now_job (f->outbox, verifier, id, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (job), ==, MISSED_T);

  g_assert_true (warta_outbox_send_now_job (f->outbox, f->t->admin, id, &error));
  g_assert_no_error (error);
  assert_posted_once (f, job);
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (job), ==, now);

  g_assert_false (warta_outbox_send_now_job (f->outbox, f->t->admin, id, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  iterate_for (200);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
}

/* A post still waiting for 09:00 moved to 10:00: nothing at 09:00. */
static void
test_reschedule_pending (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *job = schedule_at_t (f, &jobs);

  warta_outbox_start (f->outbox);
  iterate_for (100);
  g_assert_true (warta_outbox_reschedule_job (f->outbox, f->t->admin, warta_outbox_job_get_id (job),
                                              MISSED_T + G_TIME_SPAN_HOUR, &error));
  g_assert_no_error (error);
  warta_clock_freeze (f->t->clock, MISSED_T);
  iterate_for (300);
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_PENDING);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);
  warta_clock_freeze (f->t->clock, MISSED_T + G_TIME_SPAN_HOUR);
  assert_posted_once (f, job);
}

/* A new time @at for @job is refused with @code, and the file's row is
 * as it was in everything a reschedule would change. Returns the
 * message, for the caller to read. */
static char *
assert_refused (Fixture        *f,
                WartaOutboxJob *job,
                gint64          at,
                int             code)
{
  g_autoptr(WartaOutboxJob) before = stored_job (f, job);
  g_autoptr(WartaOutboxJob) after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (warta_outbox_reschedule_job (f->outbox, f->t->admin,
                                               warta_outbox_job_get_id (job), at,
                                               &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, code);
  after = stored_job (f, job);
  g_assert_cmpuint (warta_outbox_job_get_state (after), ==, warta_outbox_job_get_state (before));
  g_assert_cmpint (warta_outbox_job_get_scheduled_at (after), ==,
                   warta_outbox_job_get_scheduled_at (before));
  g_assert_cmpstr (warta_outbox_job_get_error_code (after), ==,
                   warta_outbox_job_get_error_code (before));
  g_assert_cmpint (warta_outbox_job_get_version (after), ==, warta_outbox_job_get_version (before));
  return g_strdup (error->message);
}

/* A time already past is refused, with what to do, and changes nothing. */
static void
test_reschedule_past (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autofree char *message = NULL;
  WartaOutboxJob *job = schedule_at_t (f, &jobs);

  start_two_hours_late (f, job);
  message = assert_refused (f, job, MISSED_T + G_TIME_SPAN_HOUR, WARTA_WORKFLOW_ERROR_TIME_PASSED);
  g_assert_cmpstr (message, ==, "That time has already passed. Choose a later time.");
  /* Now is no later time either. */
  g_free (assert_refused (f, job, MISSED_T + 2 * G_TIME_SPAN_HOUR, WARTA_WORKFLOW_ERROR_TIME_PASSED));
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, WARTA_OUTBOX_ERROR_MISSED);
  iterate_for (200);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/"), ==, 0);
}

/* Paused by the user, not held as missed: Resume is its way back, and a
 * new time is refused, changing nothing. */
static void
test_reschedule_paused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *job = schedule_at_t (f, &jobs);

  g_assert_true (warta_outbox_pause_job (f->outbox, f->t->admin,
                                         warta_outbox_job_get_id (job), &error));
  g_assert_no_error (error);
  g_free (assert_refused (f, job, MISSED_T + G_TIME_SPAN_HOUR,
                          WARTA_WORKFLOW_ERROR_INVALID_TRANSITION));
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_PAUSED);
}

/* Another Warta on the file starts the job between this one's look and
 * its reschedule: refused, the other's work left as it is; then on a job
 * that is done. Neither is changed, and the post goes out once. */
static void
test_reschedule_started (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *owner = NULL;
  WartaOutboxJob *job = schedule_at_t (f, &jobs);
  gboolean claimed = FALSE;

  warta_clock_freeze (f->t->clock, MISSED_T);
  g_assert_true (warta_outbox_repository_claim (f->t->outbox, warta_outbox_job_get_id (job),
                                                "other-warta", NULL, MISSED_T + G_TIME_SPAN_HOUR,
                                                &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);

  message = assert_refused (f, job, MISSED_T + G_TIME_SPAN_HOUR,
                            WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_assert_nonnull (strstr (message, "Its time was not changed"));
  {
    g_autoptr(WartaOutboxJob) stored = stored_job (f, job);

    g_assert_cmpuint (warta_outbox_job_get_state (stored), ==, WARTA_OUTBOX_STATE_RUNNING);
  }
  owner = warta_outbox_repository_dup_lease_owner (f->t->outbox, warta_outbox_job_get_id (job));
  g_assert_cmpstr (owner, ==, "other-warta");

  /* The other Warta is gone: this one takes over once the lease ends. */
  warta_clock_freeze (f->t->clock, MISSED_T + G_TIME_SPAN_HOUR + G_TIME_SPAN_MINUTE);
  warta_outbox_start (f->outbox);
  assert_posted_once (f, job);
  g_free (assert_refused (f, job, MISSED_T + 5 * G_TIME_SPAN_HOUR,
                          WARTA_WORKFLOW_ERROR_INVALID_TRANSITION));
  g_assert_cmpuint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_DONE);
  iterate_for (200);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
}

/* An OAuth platform's publisher: the secret is the tokens as JSON. Here a
 * Mastodon publisher under another name, so the loopback Mastodon server
 * (whose /oauth/token answers a refresh too) stands in for the platform. */
static WartaPublisher *
oauth_publisher_new (WartaHttpClient  *client,
                     WartaAccount     *account,
                     const char       *secret,
                     GError          **error)
{
  g_autoptr(WartaOAuthTokens) tokens = NULL;

  /* Without a secret, as every factory takes: to ask what it can do. */
  if (secret == NULL)
    return warta_mastodon_publisher_new (client, account, NULL, error);
  tokens = warta_oauth_tokens_from_json (secret, error);
  if (tokens == NULL)
    return NULL;
  return warta_mastodon_publisher_new (client, account, tokens->access_token, error);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  char **secret = user_data;
  g_autoptr(GError) error = NULL;

  *secret = warta_account_store_lookup_secret_finish (WARTA_ACCOUNT_STORE (object), result, &error);
  g_assert_no_error (error);
  if (*secret == NULL)
    *secret = g_strdup ("");
}

/* A token that runs out within five minutes is refreshed before the job's
 * first request, and the new tokens are kept in the keyring. */
static void
test_token_refresh (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor token", 1);
  g_autoptr(WartaOAuthTokens) stale = g_new0 (WartaOAuthTokens, 1);
  g_autoptr(WartaOAuthTokens) stored = NULL;
  g_autoptr(WartaAccount) account = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *json = NULL;
  g_autofree char *secret = NULL;
  gint64 id;

  settings = g_strdup_printf ("{\"media-poll-ms\": \"20\", \"token-url\": \"%s/oauth/token\"}",
                              warta_test_server_get_url (f->mastodon));
  id = warta_test_publish_add_account (f->t, "oauth-test", warta_test_server_get_url (f->mastodon),
                                       settings, "key-oauth");
  stale->access_token = g_strdup ("stale-token");
  stale->refresh_token = g_strdup ("refresh-1");
  stale->expires_at = warta_clock_now (f->t->clock) + G_TIME_SPAN_MINUTE;
  json = warta_oauth_tokens_to_json (stale);
  _warta_account_store_set_memory_secret (f->store, "key-oauth", json);
  warta_outbox_register_platform (f->outbox, "oauth-test", oauth_publisher_new);
  warta_outbox_set_oauth_client (f->outbox, "oauth-test", NULL, "office-client-id", NULL);

  jobs = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (p),
                               warta_publication_get_version (p), &id, 1, &error);
  g_assert_no_error (error);
  warta_outbox_start (f->outbox);
  wait_for_state (job_at (jobs, 0), WARTA_OUTBOX_STATE_DONE);
  settle (f);

  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/oauth/token"), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);

  account = warta_account_repository_get (f->t->accounts, id, &error);
  g_assert_no_error (error);
  warta_account_store_lookup_secret_async (f->store, account, NULL, lookup_cb, &secret);
  while (secret == NULL)
    g_main_context_iteration (NULL, TRUE);
  stored = warta_oauth_tokens_from_json (secret, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->access_token, ==, WARTA_TEST_MASTODON_TOKEN);
  /* The server sent no new refresh token: the old one is kept. */
  g_assert_cmpstr (stored->refresh_token, ==, "refresh-1");

  /* Running out again by the time the post is taken down: renewed first,
   * or the instance (which knows only the renewed token) would refuse. */
  _warta_account_store_set_memory_secret (f->store, "key-oauth", json);
  g_assert_true (take_down (f, job_at (jobs, 0), "Izin dicabut", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/oauth/token"), ==, 2);
  g_assert_cmpuint (warta_test_server_get_deleted_count (f->mastodon), ==, 1);
}

/* The platforms whose publishers drive the other clients ------------------ */

/* A target on @server, its secret in the memory keyring. */
static gint64
add_target (Fixture         *f,
            const char      *platform,
            WartaTestServer *server,
            const char      *settings,
            const char      *secret)
{
  g_autofree char *keyring_id = g_strdup_printf ("key-%s", platform);
  gint64 id = warta_test_publish_add_account (f->t, platform, warta_test_server_get_url (server),
                                              settings, keyring_id);

  _warta_account_store_set_memory_secret (f->store, keyring_id, secret);
  return id;
}

/* As the publish view does: the jobs written, the user's TikTok choice
 * (@choice JSON; NULL: none) recorded as their "creator" step, then sent. */
static WartaOutboxJob *
publish_tiktok (Fixture          *f,
                WartaPublication *p,
                gint64            account_id,
                const char       *choice,
                WartaOutboxState  state)
{
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *job;

  jobs = warta_outbox_publish (f->outbox, f->t->admin, warta_publication_get_id (p),
                               warta_publication_get_version (p), &account_id, 1, &error);
  g_assert_no_error (error);
  job = g_object_ref (job_at (jobs, 0));
  if (choice != NULL)
    {
      g_autoptr(JsonNode) node = json_from_string (choice, &error);

      g_assert_no_error (error);
      g_assert_true (warta_outbox_set_job_step (f->outbox, f->t->admin,
                                                warta_outbox_job_get_id (job), "creator",
                                                node, &error));
      g_assert_no_error (error);
    }
  warta_outbox_start (f->outbox);
  wait_for_state (job, state);
  settle (f);
  return job;
}

/* Publishes @p to @account_id alone and runs the outbox until the job
 * reaches @state. */
static WartaOutboxJob *
publish_one (Fixture          *f,
             WartaPublication *p,
             gint64            account_id,
             WartaOutboxState  state)
{
  return publish_tiktok (f, p, account_id, NULL, state);
}

/* @p to @account_id, a target that cannot take its content, as a Warta
 * before warta_publish_check_target() wrote its job, run to its end. */
static WartaOutboxJob *
publish_refused (Fixture          *f,
                 WartaPublication *p,
                 gint64            account_id)
{
  gint64 id = warta_publication_get_id (p);
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *job;

  jobs = warta_outbox_repository_enqueue (f->t->outbox, f->t->admin, id,
                                          warta_publication_get_version (p), &account_id, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&jobs);
  jobs = warta_outbox_list_publication_jobs (f->outbox, id, &error);
  g_assert_no_error (error);
  job = g_object_ref (job_at (jobs, 0));
  warta_outbox_start (f->outbox);
  wait_for_state (job, WARTA_OUTBOX_STATE_FAILED);
  settle (f);
  return job;
}

static int
count_commit (void *data)
{
  (*(guint *) data)++;
  return 0;
}

/* The outbox itself starts publishing only with the by-hand ticks as
 * saved: a target that cannot take the content, chosen though nobody
 * ticked it (or ticked on another workstation, and not chosen here),
 * writes no job, nothing is sent, and the publication stays approved. */
static void
test_by_hand_as_saved (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_youtube_server_new ();
  gint64 youtube_id = add_target (f, "youtube", server, "{\"chunk-size\": \"262144\"}",
                                  WARTA_TEST_YOUTUBE_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor foto", 1);
  gint64 id = warta_publication_get_id (p);
  gint64 ids[] = { f->mastodon_id, youtube_id };
  g_autoptr(GError) error = NULL;

  for (guint ticked = 0; ticked < 2; ticked++)
    {
      g_autoptr(GListModel) jobs = NULL;
      g_autoptr(GListModel) none = NULL;

      /* Not ticked, yet chosen; then ticked, yet not chosen. */
      if (ticked)
        {
          g_assert_true (warta_publication_repository_set_by_hand (f->t->publications,
                                                                   f->t->admin, id, youtube_id,
                                                                   TRUE, &error));
          g_assert_no_error (error);
        }
      jobs = warta_outbox_publish (f->outbox, f->t->admin, id, warta_publication_get_version (p),
                                   ids, ticked ? 1 : 2, &error);
      g_assert_null (jobs);
      g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
      g_assert_nonnull (strstr (error->message, "Nothing was published"));
      g_clear_error (&error);
      none = warta_outbox_repository_list_for_publication (f->t->outbox, id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);
      g_assert_cmpint (publication_state (f, p), ==, WARTA_STATE_APPROVED);
    }

  /* As saved: both, YouTube uploaded by hand. */
  {
    g_autoptr(GListModel) jobs = NULL;

    jobs = warta_outbox_publish (f->outbox, f->t->admin, id, warta_publication_get_version (p),
                                 ids, 2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (jobs), ==, 2);
    for (guint i = 0; i < 2; i++)
      g_assert_true (warta_outbox_job_is_by_hand (job_at (jobs, i)) ==
                     (warta_outbox_job_get_account_id (job_at (jobs, i)) == youtube_id));
  }
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/"), ==, 0);
}

/* Among the targets, one that cannot take the content (YouTube, photos
 * only): publishing writes its job already being uploaded by hand by the
 * admin, with its history event, in the one transaction that writes them
 * all, so no Warta ever sends it; the others go out as before. Send with
 * Warta Instead on it is refused with the check's reason. */
static void
test_refused_by_hand (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_youtube_server_new ();
  gint64 youtube_id = add_target (f, "youtube", server, "{\"chunk-size\": \"262144\"}",
                                  WARTA_TEST_YOUTUBE_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor foto", 1);
  g_autoptr(WartaPublication) only = NULL;
  g_autoptr(WartaOutboxJob) stored = NULL;
  g_autoptr(WartaEvent) started = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = _warta_database_get_handle (f->t->db);
  gint64 ids[] = { f->mastodon_id, youtube_id };
  gint64 now = g_get_real_time ();
  WartaOutboxJob *m = NULL;
  WartaOutboxJob *y = NULL;
  guint commits = 0;
  static const char *refusal = "YouTube takes only a video, and this publication has photos "
                               "only. Upload it elsewhere, or leave YouTube out.";

  warta_clock_freeze (f->t->clock, now);
  /* Ticked by the admin, to upload by hand. */
  g_assert_true (warta_publication_repository_set_by_hand (f->t->publications, f->t->admin,
                                                           warta_publication_get_id (p),
                                                           youtube_id, TRUE, &error));
  g_assert_no_error (error);
  sqlite3_commit_hook (handle, count_commit, &commits);
  jobs = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (p),
                                  warta_publication_get_version (p), ids, 2, 0, &error);
  sqlite3_commit_hook (handle, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (commits, ==, 1);
  g_assert_cmpint (publication_state (f, p), ==, WARTA_STATE_PUBLISHING);
  g_assert_cmpuint (g_list_model_get_n_items (jobs), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      WartaOutboxJob *job = job_at (jobs, i);

      if (warta_outbox_job_get_account_id (job) == youtube_id)
        y = job;
      else
        m = job;
    }
  g_assert_nonnull (y);
  g_assert_nonnull (m);

  /* As warta_outbox_start_by_hand() leaves it, and as the history says. */
  g_assert_cmpuint (warta_outbox_job_get_state (y), ==, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpint (warta_outbox_job_get_by_hand_since (y), ==, now);
  g_assert_nonnull (warta_outbox_job_get_by_hand_by_name (y));
  g_assert_cmpint (warta_outbox_job_get_by_hand_since (m), ==, 0);
  started = last_event (f, p);
  g_assert_cmpstr (warta_event_get_kind (started), ==, "by-hand-started");
  g_assert_cmpint (warta_event_get_actor_id (started), ==, warta_user_get_id (f->t->admin));
  g_assert_cmpint (warta_event_get_at (started), ==, now);
  g_assert_cmpstr (warta_event_get_note (started), ==, "Humas youtube");
  g_assert_cmpint (warta_event_log_count (f->t->db, "by-hand-started", NULL), ==, 1);

  /* The others go out; the refused one is never sent. */
  warta_outbox_start (f->outbox);
  wait_for_state (m, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 0);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/upload/youtube/v3/videos"),
                    ==, 0);

  g_assert_false (warta_outbox_send_instead (f->outbox, f->t->admin,
                                             warta_outbox_job_get_id (y), &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==, refusal);
  g_clear_error (&error);
  settle (f);
  stored = warta_outbox_repository_get_job (f->t->outbox, warta_outbox_job_get_id (y), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_outbox_job_get_state (stored), ==, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpint (warta_outbox_job_get_by_hand_since (stored), ==, now);
  g_assert_cmpint (warta_event_log_count (f->t->db, "by-hand-given-back", NULL), ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 0);

  /* Only refused targets chosen: all of them by hand. */
  only = warta_test_publish_make_approved (f->t, "Rakor foto kedua", 1);
  g_assert_true (warta_publication_repository_set_by_hand (f->t->publications, f->t->admin,
                                                           warta_publication_get_id (only),
                                                           youtube_id, TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&jobs);
  jobs = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (only),
                                  warta_publication_get_version (only), &youtube_id, 1, 0,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (publication_state (f, only), ==, WARTA_STATE_PUBLISHING);
  g_assert_cmpuint (g_list_model_get_n_items (jobs), ==, 1);
  g_assert_cmpint (warta_outbox_job_get_by_hand_since (job_at (jobs, 0)), ==, now);
  settle (f);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 0);
}

static char *
file_sha256 (Fixture    *f,
             const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (f->t->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      {
        g_autofree char *path = g_build_filename (f->t->dir, name, NULL);
        g_autofree char *data = NULL;
        gsize len = 0;

        g_assert_true (g_file_get_contents (path, &data, &len, NULL));
        return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
      }
  g_assert_not_reached ();
}

#define VIDEO_SIZE (3 * 256 * 1024 + 1000)

/* Every chunk a confirmed step; the video, byte for byte. A publication
 * without a video is no YouTube target: it stops with what to do. */
static void
test_youtube (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_youtube_server_new ();
  gint64 id = add_target (f, "youtube", server, "{\"chunk-size\": \"262144\"}",
                          WARTA_TEST_YOUTUBE_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) photos_only = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(WartaOutboxJob) skipped = NULL;
  g_autoptr(GHashTable) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;

  p = warta_test_publish_make_approved_with_videos (f->t, "Rakor video", 1, 1, VIDEO_SIZE);
  sha = file_sha256 (f, "video-");
  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (server), ==, sha);
  g_assert_true (g_str_has_prefix (warta_outbox_job_get_remote_url (job),
                                   "https://www.youtube.com/watch?v="));
  /* 3 × 256 KiB confirmed one by one, then the last chunk made the video. */
  g_assert_cmpuint (warta_test_server_count_requests (server, "PUT", "/upload/youtube/v3/videos"), ==, 4);
  steps = warta_outbox_repository_list_steps (f->t->outbox, warta_outbox_job_get_id (job), &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (steps, "session"));
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "upload"), "\"offset\":786432"));

  /* A job for a target that cannot take the content, written before
   * the check, is stopped by the publisher at once. */
  photos_only = warta_test_publish_make_approved (f->t, "Rakor foto", 1);
  skipped = publish_refused (f, photos_only, id);
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (skipped), "YouTube"));
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);

  /* Taken down: the video deleted with the channel's token. */
  g_assert_true (warta_outbox_can_take_down (f->outbox, job));
  g_assert_true (take_down (f, job, "Izin dicabut", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_youtube_server_get_deleted_count (server), ==, 1);
}

/* An older job for a target that cannot take the content is not tried
 * again: Try Again (or a sign-in) would only stop it again, forever. It
 * keeps its own message; the refusal says why. */
static void
test_retry_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_youtube_server_new ();
  gint64 id = add_target (f, "youtube", server, "{\"chunk-size\": \"262144\"}",
                          WARTA_TEST_YOUTUBE_TOKEN);
  g_autoptr(WartaPublication) photos_only = NULL;
  g_autoptr(WartaOutboxJob) skipped = NULL;
  g_autoptr(WartaOutboxJob) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  static const char *refusal = "YouTube takes only a video, and this publication has photos "
                               "only. Upload it elsewhere, or leave YouTube out.";

  photos_only = warta_test_publish_make_approved (f->t, "Rakor foto", 1);
  skipped = publish_refused (f, photos_only, id);
  message = g_strdup (warta_outbox_job_get_error_message (skipped));
  g_assert_nonnull (message);

  g_assert_false (warta_outbox_retry_job (f->outbox, f->t->admin,
                                          warta_outbox_job_get_id (skipped), &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==, refusal);
  g_clear_error (&error);
  settle (f);
  again = warta_outbox_repository_get_job (f->t->outbox, warta_outbox_job_get_id (skipped), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_outbox_job_get_state (again), ==, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_message (again), ==, message);
  g_assert_cmpint (warta_outbox_job_get_attempts (again), ==,
                   warta_outbox_job_get_attempts (skipped));
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 0);

  /* Posting again asks the same. */
  g_assert_false (warta_outbox_post_again (f->outbox, f->t->admin,
                                           warta_outbox_job_get_id (skipped), &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
}

/* The last chunk's answer is lost: the next attempt asks "bytes * /TOTAL"
 * and gets the video made, never a second one. A dropped middle chunk
 * resumes from YouTube's offset. Each drop twice: libsoup itself sends a
 * request again once on a new connection, and only then does Warta's
 * next attempt ask. Four chunks; the server keeps the bytes of a chunk as
 * they come, dropped or not. */
static void
test_youtube_lost_answer (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_youtube_server_new ();
  gint64 id = add_target (f, "youtube", server, "{\"chunk-size\": \"262144\"}",
                          WARTA_TEST_YOUTUBE_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *probe = g_strdup_printf ("bytes */%u", (guint) VIDEO_SIZE);

  /* The second chunk, and libsoup's sending it again. */
  warta_test_server_add_fault (server, "PUT", "/upload/youtube/v3/videos", 2,
                               WARTA_TEST_FAULT_DROP, 0);
  warta_test_server_add_fault (server, "PUT", "/upload/youtube/v3/videos", 3,
                               WARTA_TEST_FAULT_DROP, 0);
  /* 4: the probe, 5: the third chunk, 6: the last one, and libsoup's
   * sending it again. */
  warta_test_server_add_fault (server, "PUT", "/upload/youtube/v3/videos", 6,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  warta_test_server_add_fault (server, "PUT", "/upload/youtube/v3/videos", 7,
                               WARTA_TEST_FAULT_DROP, 0);
  p = warta_test_publish_make_approved_with_videos (f->t, "Rakor video", 0, 1, VIDEO_SIZE);
  sha = file_sha256 (f, "video-");
  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (server), ==, sha);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/upload/youtube/v3/videos"), ==, 1);
  /* The last request asked, and was told the video is made. */
  g_assert_cmpuint (warta_test_server_count_requests (server, "PUT", "/upload/youtube/v3/videos"), ==, 8);
  g_assert_cmpstr (warta_test_server_get_last_header (server, "Content-Range"), ==, probe);
}

/* Two photos as X renditions, each media id a step, then the post. */
static void
test_x (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_x_server_new ();
  gint64 id = add_target (f, "x", server, "{\"poll-ms\": \"5\"}", WARTA_TEST_X_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor X", 2);
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GHashTable) steps = NULL;
  g_autoptr(GError) error = NULL;

  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (server), ==, 2);
  g_assert_true (g_str_has_prefix (warta_outbox_job_get_remote_url (job), "https://x.com/i/web/status/"));
  steps = warta_outbox_repository_list_steps (f->t->outbox, warta_outbox_job_get_id (job), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "media-1"), "\"ready\":\"true\""));
  g_assert_true (g_hash_table_contains (steps, "post-attempt"));
}

/* X: Warta cannot edit a post there. The admin corrects it on X and
 * records the correction (the new text and why): by hand, in the
 * database, the history and the dossier; only a social media admin. */
static void
test_x_correction_by_hand (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_x_server_new ();
  gint64 id = add_target (f, "x", server, "{\"poll-ms\": \"5\"}", WARTA_TEST_X_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor X", 1);
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(WartaUser) officer = warta_user_new ();
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(JsonObject) dossier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  const char *fixed = "Rakor bersama Inspektur Budi Santoso, S.H.";

  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_false (warta_outbox_can_correct (f->outbox, job));
  g_assert_false (correct (f, job, "Nama pejabat salah tulis", NULL, fixed, &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  g_clear_error (&error);
  g_assert_true (warta_outbox_dup_post_text (f->outbox, job, NULL, &old_text, &error));

  warta_user_set_id (officer, warta_user_get_id (f->t->admin));
  warta_user_set_roles (officer, WARTA_ROLE_ACTIVITY_OFFICER);
  g_assert_false (warta_outbox_record_correction (f->outbox, officer, warta_outbox_job_get_id (job),
                                                  "Nama pejabat salah tulis", NULL, fixed, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (warta_outbox_record_correction (f->outbox, f->t->admin,
                                                  warta_outbox_job_get_id (job), "", NULL, fixed,
                                                  &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);
  g_assert_cmpint (warta_outbox_job_get_corrected_at (job), ==, 0);

  g_assert_true (warta_outbox_record_correction (f->outbox, f->t->admin,
                                                 warta_outbox_job_get_id (job),
                                                 "Nama pejabat salah tulis", NULL, fixed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (warta_outbox_job_get_corrected_at (job), >, 0);
  g_assert_cmpstr (warta_outbox_job_get_correction_reason (job), ==, "Nama pejabat salah tulis");
  g_assert_true (warta_outbox_dup_post_text (f->outbox, job, NULL, &text, &error));
  g_assert_cmpstr (text, ==, fixed);
  g_assert_cmpint (warta_event_log_count (f->t->db, "correction-by-hand", NULL), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (server, "PUT", "/"), ==, 0);

  dossier = load_dossier (f, p, lines);
  before = g_strdup_printf ("Text before: %s\n", old_text);
  g_assert_nonnull (strstr (lines->str, before));
  g_assert_nonnull (strstr (lines->str, "Text after: Rakor bersama Inspektur Budi Santoso, S.H.\n"));
  g_assert_nonnull (strstr (lines->str, "by hand on the platform"));
}

/* Facebook: the Page post's message through the Graph API; a post
 * deleted on the Page answers 100/33, which says so. */
static void
test_facebook_correction (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_facebook_server_new ();
  gint64 id = add_target (f, "facebook", server,
                          "{\"page-id\": \"" WARTA_TEST_FACEBOOK_PAGE_ID "\"}",
                          WARTA_TEST_FACEBOOK_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor Facebook", 1);
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *fixed = "Rakor bersama Inspektur Budi Santoso, S.H.";

  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_true (warta_outbox_can_correct (f->outbox, job));
  g_assert_true (correct (f, job, "Nama pejabat salah tulis", NULL, fixed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (warta_test_facebook_server_get_post_message (server,
                                                                warta_outbox_job_get_remote_id (job)),
                   ==, fixed);
  g_assert_cmpstr (warta_outbox_job_get_correction_reason (job), ==, "Nama pejabat salah tulis");

  path = g_strconcat ("/v25.0/", warta_outbox_job_get_remote_id (job), NULL);
  delete_by_hand (warta_test_server_get_url (server), path, WARTA_TEST_FACEBOOK_TOKEN);
  g_assert_false (correct (f, job, "Tanggal salah", NULL, "Rakor tanggal 5", &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_GONE);
  g_assert_true (g_str_has_prefix (error->message, "The post is no longer on Facebook"));
  g_assert_cmpint (warta_event_log_count (f->t->db, "correction", NULL), ==, 1);
}

/* The post's answer is lost twice: the timeline has it, no second post. */
static void
test_x_lost_answer (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_x_server_new ();
  gint64 id = add_target (f, "x", server, "{\"poll-ms\": \"5\"}", WARTA_TEST_X_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor X", 1);
  g_autoptr(WartaOutboxJob) job = NULL;

  warta_test_server_add_fault (server, "POST", "/2/tweets", 1, WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  warta_test_server_add_fault (server, "GET", "/2/users", 1, WARTA_TEST_FAULT_STATUS, 503);
  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/2/tweets"), ==, 1);
  g_assert_nonnull (warta_outbox_job_get_remote_id (job));
}

#define FACEBOOK_SETTINGS "{\"page-id\": \"" WARTA_TEST_FACEBOOK_PAGE_ID "\"}"

/* Two photos as unpublished Facebook renditions, then one feed post with
 * both attached; a video through the resumable upload, a window per step. */
static void
test_facebook (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_facebook_server_new ();
  gint64 id = add_target (f, "facebook", server, FACEBOOK_SETTINGS, WARTA_TEST_FACEBOOK_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor Facebook", 2);
  g_autoptr(WartaPublication) v = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(WartaOutboxJob) video = NULL;
  g_autoptr(GHashTable) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;

  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/v25.0/" WARTA_TEST_FACEBOOK_PAGE_ID "/photos"), ==, 2);
  g_assert_true (g_str_has_prefix (warta_outbox_job_get_remote_url (job), "https://www.facebook.com/"));
  steps = warta_outbox_repository_list_steps (f->t->outbox, warta_outbox_job_get_id (job), &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (steps, "photo-1"));

  v = warta_test_publish_make_approved_with_videos (f->t, "Rakor video Facebook", 0, 1,
                                                    2 * 1024 * 1024 + 1000);
  sha = file_sha256 (f, "video-");
  video = publish_one (f, v, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 2);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (server), ==, sha);
  g_clear_pointer (&steps, g_hash_table_unref);
  steps = warta_outbox_repository_list_steps (f->t->outbox, warta_outbox_job_get_id (video), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "video"), "\"offset\":2098152"));
}

/* The feed post's answer is lost, then the next attempt fails too: the
 * feed is read first, and there is the post. */
static void
test_facebook_lost_answer (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_facebook_server_new ();
  gint64 id = add_target (f, "facebook", server, FACEBOOK_SETTINGS, WARTA_TEST_FACEBOOK_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor Facebook", 1);
  g_autoptr(WartaOutboxJob) job = NULL;
  const char *feed = "/v25.0/" WARTA_TEST_FACEBOOK_PAGE_ID "/feed";

  warta_test_server_add_fault (server, "POST", feed, 1, WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  warta_test_server_add_fault (server, "GET", feed, 1, WARTA_TEST_FAULT_STATUS, 503);
  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", feed), ==, 1);
  g_assert_nonnull (warta_outbox_job_get_remote_id (job));
}

#define INSTAGRAM_SETTINGS "\"user-id\": \"" WARTA_TEST_INSTAGRAM_USER_ID "\", \"poll-ms\": \"5\""
#define IG_PATH "/v25.0/" WARTA_TEST_INSTAGRAM_USER_ID

/* Two photos: each Instagram rendition into the WordPress media library,
 * whose address Instagram fetches; two containers, the carousel, one post.
 * The website's answers and the publish's are lost once: nothing twice. */
static void
test_instagram (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_instagram_server_new ();
  gint64 id = add_target (f, "instagram", server, "{" INSTAGRAM_SETTINGS "}",
                          WARTA_TEST_INSTAGRAM_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor Instagram", 2);
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GHashTable) steps = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 2,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  warta_test_server_add_fault (server, "POST", IG_PATH "/media_publish", 1,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (f->wordpress), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 0);
  /* What Instagram fetched is the rendition: a JPEG. */
  g_assert_cmpuint (warta_test_server_get_file_size (server), >, 0);
  g_assert_true (g_str_has_prefix (warta_outbox_job_get_remote_url (job), "https://www.instagram.com/"));
  steps = warta_outbox_repository_list_steps (f->t->outbox, warta_outbox_job_get_id (job), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "host-1"), "/wp-content/uploads/"));
  g_assert_true (g_hash_table_contains (steps, "container-1"));
  g_assert_true (g_hash_table_contains (steps, "carousel"));
}

/* No WordPress website to host the photo: the job is written (it can
 * be uploaded by hand from its row, or tried again once the website is
 * added) and stops at once, saying so; nothing is sent. */
static void
test_instagram_no_host (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_instagram_server_new ();
  gint64 id = add_target (f, "instagram", server,
                          "{" INSTAGRAM_SETTINGS ", \"wordpress-account\": \"9999\"}",
                          WARTA_TEST_INSTAGRAM_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor Instagram", 1);
  g_autoptr(WartaOutboxJob) job = NULL;

  job = publish_one (f, p, id, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "not-configured");
  g_assert_cmpstr (warta_outbox_job_get_error_message (job), ==,
                   warta_publish_check_no_host_message ("instagram", FALSE));
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/"), ==, 0);
  g_assert_cmpuint (warta_test_server_get_media_count (f->wordpress), ==, 0);
}

#define TIKTOK_SIZE (11 * 1024 * 1024 + 1000)
#define TIKTOK_SETTINGS "{\"poll-ms\": \"5\", \"chunk-size\": \"5242880\"}"
#define TIKTOK_CHOICE "{\"privacy\": \"SELF_ONLY\", \"disable_comment\": false, " \
                      "\"disable_duet\": true, \"disable_stitch\": false}"


/* A scheduled TikTok post carries the user's choice (its "creator" step)
 * from the start; missed, it is held like any other, and another time
 * can be chosen for it. */
static void
test_missed_tiktok (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  gint64 id = add_target (f, "tiktok", server, TIKTOK_SETTINGS, WARTA_TEST_TIKTOK_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GListModel) jobs = NULL;
  g_autoptr(JsonNode) choice = NULL;
  g_autoptr(GError) error = NULL;
  WartaOutboxJob *job;

  warta_clock_freeze (f->t->clock, MISSED_T - G_TIME_SPAN_HOUR);
  p = warta_test_publish_make_approved_with_videos (f->t, "Rakor TikTok terjadwal", 0, 1,
                                                    TIKTOK_SIZE);
  jobs = warta_outbox_publish_at (f->outbox, f->t->admin, warta_publication_get_id (p),
                                  warta_publication_get_version (p), &id, 1, MISSED_T, &error);
  g_assert_no_error (error);
  job = job_at (jobs, 0);
  choice = json_from_string (TIKTOK_CHOICE, &error);
  g_assert_no_error (error);
  g_assert_true (warta_outbox_set_job_step (f->outbox, f->t->admin,
                                            warta_outbox_job_get_id (job), "creator",
                                            choice, &error));
  g_assert_no_error (error);

  warta_clock_freeze (f->t->clock, MISSED_T + 2 * G_TIME_SPAN_HOUR);
  warta_outbox_start (f->outbox);
  wait_for_state (job, WARTA_OUTBOX_STATE_PAUSED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, WARTA_OUTBOX_ERROR_MISSED);
  iterate_for (200);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 0);

  g_assert_true (warta_outbox_reschedule_job (f->outbox, f->t->admin, warta_outbox_job_get_id (job),
                                              MISSED_T + 3 * G_TIME_SPAN_HOUR, &error));
  g_assert_no_error (error);
  warta_clock_freeze (f->t->clock, MISSED_T + 3 * G_TIME_SPAN_HOUR);
  wait_for_state (job, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
}

/* Creator info, init, two chunks each a step, status until complete. */
static void
test_tiktok (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  gint64 id = add_target (f, "tiktok", server, TIKTOK_SETTINGS, WARTA_TEST_TIKTOK_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GHashTable) steps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha = NULL;

  warta_test_server_set_processing_polls (server, 2);
  p = warta_test_publish_make_approved_with_videos (f->t, "Rakor TikTok", 0, 1, TIKTOK_SIZE);
  sha = file_sha256 (f, "video-");
  job = publish_tiktok (f, p, id, TIKTOK_CHOICE, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (server), ==, sha);
  g_assert_true (g_str_has_prefix (warta_outbox_job_get_remote_url (job), "https://www.tiktok.com/@"));
  /* Exactly the choice; stitch stays off, as the creator turned it off. */
  {
    g_autoptr(JsonNode) info = json_from_string (warta_test_tiktok_server_get_last_post_info (server), NULL);
    JsonObject *o = json_node_get_object (info);

    g_assert_cmpstr (json_object_get_string_member (o, "privacy_level"), ==, "SELF_ONLY");
    g_assert_false (json_object_get_boolean_member (o, "disable_comment"));
    g_assert_true (json_object_get_boolean_member (o, "disable_duet"));
    g_assert_true (json_object_get_boolean_member (o, "disable_stitch"));
  }
  steps = warta_outbox_repository_list_steps (f->t->outbox, warta_outbox_job_get_id (job), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "creator"), "SELF_ONLY"));
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "creator"), "\"checked\":true"));
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "init"), "\"total_chunk_count\":2"));
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "chunks"), "\"confirmed\":1"));
  g_assert_true (g_hash_table_contains (steps, "uploaded"));
}

/* The last chunk's answer is lost and the connection drops mid-chunk:
 * the same publish_id goes on, one init, one post. */
static void
test_tiktok_lost_answer (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  gint64 id = add_target (f, "tiktok", server, TIKTOK_SETTINGS, WARTA_TEST_TIKTOK_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autofree char *sha = NULL;

  warta_test_server_add_fault (server, "PUT", "/video/", 1, WARTA_TEST_FAULT_DROP_MID_BODY, 100000);
  warta_test_server_add_fault (server, "PUT", "/video/", 3, WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  p = warta_test_publish_make_approved_with_videos (f->t, "Rakor TikTok", 0, 1, TIKTOK_SIZE);
  sha = file_sha256 (f, "video-");
  job = publish_tiktok (f, p, id, TIKTOK_CHOICE, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (server), ==, sha);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/v2/post/publish/video/init/"), ==, 1);
}

/* Nobody chose who can see it: the job stops (no retry loop) and says
 * where to choose; TikTok hears nothing. */
static void
test_tiktok_no_choice (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  gint64 id = add_target (f, "tiktok", server, TIKTOK_SETTINGS, WARTA_TEST_TIKTOK_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;

  p = warta_test_publish_make_approved_with_videos (f->t, "Rakor TikTok", 0, 1, TIKTOK_SIZE);
  job = publish_tiktok (f, p, id, NULL, WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "not-configured");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job),
                            "Choose below who can see the TikTok post"));
  g_assert_cmpuint (warta_outbox_job_get_attempts (job), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/"), ==, 0);
}

/* The creator's options changed after the choice: checked at run time,
 * stopped before any init. */
static void
test_tiktok_mismatch (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const only_private[] = { "SELF_ONLY", NULL };
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  gint64 id = add_target (f, "tiktok", server, TIKTOK_SETTINGS, WARTA_TEST_TIKTOK_TOKEN);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;

  warta_test_tiktok_server_set_privacy_options (server, only_private);
  p = warta_test_publish_make_approved_with_videos (f->t, "Rakor TikTok", 0, 1, TIKTOK_SIZE);
  job = publish_tiktok (f, p, id, "{\"privacy\": \"PUBLIC_TO_EVERYONE\"}", WARTA_OUTBOX_STATE_FAILED);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "not-configured");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job), "Choose again below who can see"));
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/v2/post/publish/creator_info/query/"), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/v2/post/publish/video/init/"), ==, 0);
}

/* Photos only: each TikTok rendition into the WordPress media library
 * (its answer lost once: still one file each), content/init with their
 * addresses, which TikTok fetches; one post. */
static void
test_tiktok_photos (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  gint64 id = add_target (f, "tiktok", server, TIKTOK_SETTINGS, WARTA_TEST_TIKTOK_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor TikTok foto", 2);
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GHashTable) steps = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (f->wordpress, "POST", "/wp-json/wp/v2/media", 2,
                               WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  job = publish_tiktok (f, p, id, "{\"privacy\": \"PUBLIC_TO_EVERYONE\", \"disable_comment\": true}",
                        WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", "/v2/post/publish/content/init/"), ==, 1);
  g_assert_cmpuint (warta_test_tiktok_server_count_photo_fetches (server), ==, 2);
  g_assert_cmpuint (warta_test_server_get_media_count (f->wordpress), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (f->wordpress), ==, 0);
  g_assert_nonnull (strstr (warta_test_tiktok_server_get_last_post_info (server),
                            "\"disable_comment\":true"));
  steps = warta_outbox_repository_list_steps (f->t->outbox, warta_outbox_job_get_id (job), &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "host-1"), "/wp-content/uploads/"));
  g_assert_nonnull (strstr (g_hash_table_lookup (steps, "uploaded"), "p_pub_url"));
}

#define TIKTOK_PHOTO_CHOICE "{\"privacy\": \"PUBLIC_TO_EVERYONE\"}"
#define CONTENT_INIT "/v2/post/publish/content/init/"

/* A photo job stopped because its post may exist: said so, and what to
 * do; "Try Again" alone does not send it again. */
static void
assert_unconfirmed (Fixture         *f,
                    WartaTestServer *server,
                    WartaOutboxJob  *job,
                    guint            inits)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, WARTA_OUTBOX_ERROR_UNCONFIRMED);
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job), "TikTok may have received"));
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job), "Post Again"));
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", CONTENT_INIT), ==, inits);

  g_assert_true (warta_outbox_retry_job (f->outbox, f->t->admin,
                                         warta_outbox_job_get_id (job), &error));
  g_assert_no_error (error);
  wait_for_state (job, WARTA_OUTBOX_STATE_FAILED);
  settle (f);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, WARTA_OUTBOX_ERROR_UNCONFIRMED);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", CONTENT_INIT), ==, inits);
}

/* A TikTok target on @server, and a photo post to it, run until @state. */
static WartaOutboxJob *
publish_tiktok_photos (Fixture          *f,
                       WartaTestServer  *server,
                       WartaOutboxState  state)
{
  gint64 id = add_target (f, "tiktok", server, TIKTOK_SETTINGS, WARTA_TEST_TIKTOK_TOKEN);
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor TikTok foto", 2);

  return publish_tiktok (f, p, id, TIKTOK_PHOTO_CHOICE, state);
}

/* The answer to content/init is lost after TikTok made the post: the job
 * stops, one post on TikTok, no second content/init. */
static void
test_tiktok_photos_lost_answer (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  g_autoptr(WartaOutboxJob) job = NULL;

  warta_test_server_add_fault (server, "POST", CONTENT_INIT, 1, WARTA_TEST_FAULT_DROP_AFTER_COMMIT, 0);
  job = publish_tiktok_photos (f, server, WARTA_OUTBOX_STATE_FAILED);
  assert_unconfirmed (f, server, job, 1);
  /* TikTok fetches the photos and posts: exactly one. */
  while (warta_test_server_get_post_count (server) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (warta_test_server_get_media_count (server), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
}

/* The connection drops before TikTok made anything: the job stops all
 * the same (Warta cannot know); the user found no post and chose Post
 * Again: exactly one post. */
static void
test_tiktok_photos_post_again (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autoptr(GError) error = NULL;

  warta_test_server_add_fault (server, "POST", CONTENT_INIT, 1, WARTA_TEST_FAULT_DROP, 0);
  job = publish_tiktok_photos (f, server, WARTA_OUTBOX_STATE_FAILED);
  assert_unconfirmed (f, server, job, 1);
  g_assert_cmpuint (warta_test_server_get_media_count (server), ==, 0);

  g_assert_true (warta_outbox_post_again (f->outbox, f->t->admin,
                                          warta_outbox_job_get_id (job), &error));
  g_assert_no_error (error);
  wait_for_state (job, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", CONTENT_INIT), ==, 2);
  g_assert_cmpuint (warta_test_server_get_media_count (server), ==, 1);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
}

/* TikTok refused content/init in its own words (429): nothing was
 * posted, the job waits and goes on by itself; one post. */
static void
test_tiktok_photos_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(WartaTestServer) server = warta_test_tiktok_server_new ();
  g_autoptr(WartaOutboxJob) job = NULL;

  warta_test_server_add_error (server, "POST", CONTENT_INIT, 1, "rate_limit_exceeded");
  job = publish_tiktok_photos (f, server, WARTA_OUTBOX_STATE_DONE);
  g_assert_cmpuint (warta_outbox_job_get_attempts (job), ==, 1);
  g_assert_cmpuint (warta_test_server_count_requests (server, "POST", CONTENT_INIT), ==, 2);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
}

/* unread: an answer Warta cannot read on a step that makes nothing public */

/* @job waits after such an answer: as after a 5xx, it says why and when
 * Warta tries again, in the office's zone. */
static void
assert_read_later (Fixture        *f,
                   WartaOutboxJob *job,
                   const char     *service)
{
  g_autofree char *why = g_strdup_printf ("%s’s answer could not be read", service);
  gint64 next_us = warta_outbox_job_get_next_attempt_at (job);
  g_autoptr(GDateTime) next = g_date_time_new_from_unix_utc (next_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) there = g_date_time_to_timezone (next,
                                                        warta_clock_get_time_zone (f->t->clock));
  g_autofree char *at = g_date_time_format (there, "Warta will try again after %H:%M %Z.");
  const char *message = warta_outbox_job_get_error_message (job);

  g_test_message ("%s", message);
  g_assert_cmpint (warta_outbox_job_get_state (job), ==, WARTA_OUTBOX_STATE_WAITING);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "retryable");
  g_assert_true (g_str_has_prefix (message, why));
  g_assert_true (g_str_has_suffix (message, at));
}

/* A step of a video that makes nothing public, answered with a proxy's
 * page once. */
typedef struct
{
  const char *platform;
  const char *service;
  WartaTestServer *(*server_new) (void);
  const char *settings;
  const char *secret;
  const char *choice;
  gsize video_size;
  const char *method;
  const char *path;           /* the step answered with the page */
  guint nth;
  const char *made_once;      /* the session's or publish_id's request */
} Unread;

static const Unread unread_cases[] = {
  /* The video's start. */
  { "facebook", "Facebook", warta_test_facebook_server_new, FACEBOOK_SETTINGS,
    WARTA_TEST_FACEBOOK_TOKEN, NULL, 2 * 1024 * 1024 + 1000,
    "POST", "/v25.0/" WARTA_TEST_FACEBOOK_PAGE_ID "/videos", 1, NULL },
  /* A chunk answered 200 without the video. */
  { "youtube", "YouTube", warta_test_youtube_server_new, "{\"chunk-size\": \"262144\"}",
    WARTA_TEST_YOUTUBE_TOKEN, NULL, VIDEO_SIZE,
    "PUT", "/upload/youtube/v3/videos", 2, "/upload/youtube/v3/videos" },
  /* A chunk answered 200, neither 206 nor 201. */
  { "tiktok", "TikTok", warta_test_tiktok_server_new, TIKTOK_SETTINGS,
    WARTA_TEST_TIKTOK_TOKEN, TIKTOK_CHOICE, TIKTOK_SIZE,
    "PUT", "/video/", 1, "/v2/post/publish/video/init/" },
};

/* The job waits and tries again later as after a 5xx; the next run goes
 * on from the confirmed steps and makes the post, once, with the whole
 * file; the session or publish_id made once. */
static void
test_unread_rescheduled (Fixture       *f,
                         gconstpointer  data)
{
  const Unread *u = data;
  g_autoptr(WartaTestServer) server = u->server_new ();
  gint64 id = add_target (f, u->platform, server, u->settings, u->secret);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaOutboxJob) job = NULL;
  g_autofree char *sha = NULL;

  p = warta_test_publish_make_approved_with_videos (f->t, "Rakor video", 0, 1, u->video_size);
  sha = file_sha256 (f, "video-");
  warta_test_server_add_answer (server, u->method, u->path, u->nth, FALSE, 200, NULL,
                                "text/html", WARTA_TEST_HTML_PAGE);
  job = publish_tiktok (f, p, id, u->choice, WARTA_OUTBOX_STATE_WAITING);
  assert_read_later (f, job, u->service);
  wait_for_state (job, WARTA_OUTBOX_STATE_DONE);
  settle (f);
  g_assert_cmpuint (warta_test_server_get_post_count (server), ==, 1);
  g_assert_cmpstr (warta_test_server_get_file_sha256 (server), ==, sha);
  if (u->made_once)
    g_assert_cmpuint (warta_test_server_count_requests (server, "POST", u->made_once), ==, 1);
}

/* A Mastodon file answered with a proxy's page at every try: the job
 * stops as one that gets a 5xx every time does, after as many tries,
 * saying why and what to do; nothing posted. */
static void
test_unread_give_up (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 1);
  g_autoptr(WartaOutboxJob) job = NULL;
  const char *message;

  warta_test_server_add_answer (f->mastodon, "POST", "/api/v2/media", 0, FALSE, 200, NULL,
                                "text/html", WARTA_TEST_HTML_PAGE);
  job = publish_one (f, p, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  message = warta_outbox_job_get_error_message (job);
  g_test_message ("%s", message);
  g_assert_cmpuint (warta_outbox_job_get_attempts (job), ==, 4);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "retryable");
  g_assert_true (g_str_has_prefix (message, "Mastodon’s answer could not be read"));
  g_assert_nonnull (strstr (message, "Warta tried 4 times."));
  g_assert_null (strstr (message, "will try again"));
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/api/v2/media"), ==, 4);
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/api/v1/statuses"),
                    ==, 0);
  g_assert_cmpuint (warta_test_server_get_post_count (f->mastodon), ==, 0);
}

/* The status itself, which publishes, answered with a proxy's page every
 * time: sent once more with the same Idempotency-Key, then the job stops
 * for the user to look; never tried again later, never a third request. */
static void
test_unread_publishing_step (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(WartaPublication) p = warta_test_publish_make_approved (f->t, "Rakor", 0);
  g_autoptr(WartaOutboxJob) job = NULL;

  warta_test_server_add_answer (f->mastodon, "POST", "/api/v1/statuses", 0, FALSE, 200, NULL,
                                "text/html", WARTA_TEST_HTML_PAGE);
  job = publish_one (f, p, f->mastodon_id, WARTA_OUTBOX_STATE_FAILED);
  g_test_message ("%s", warta_outbox_job_get_error_message (job));
  g_assert_cmpuint (warta_outbox_job_get_attempts (job), ==, 1);
  g_assert_cmpstr (warta_outbox_job_get_error_code (job), ==, "protocol");
  g_assert_nonnull (strstr (warta_outbox_job_get_error_message (job), "does not understand"));
  g_assert_cmpuint (warta_test_server_count_requests (f->mastodon, "POST", "/api/v1/statuses"),
                    ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  /* Loopback only; and the isolated XDG dirs hide the proxy settings'
   * schema, which GIO's GNOME proxy resolver would abort on. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/warta/outbox/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("both-targets", test_both_targets);
  ADD ("takedown", test_takedown);
  ADD ("takedown-api", test_takedown_api);
  ADD ("correction-api", test_correction_api);
  ADD ("retry-after-errors", test_retry_after_errors);
  ADD ("retry-time-in-office-zone", test_retry_time_in_office_zone);
  ADD ("give-up", test_give_up);
  for (guint i = 0; i < G_N_ELEMENTS (unread_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/warta/outbox/unread-rescheduled/%s",
                                               unread_cases[i].platform);

      g_test_add (path, Fixture, &unread_cases[i], fixture_set_up, test_unread_rescheduled,
                  fixture_tear_down);
    }
  ADD ("unread-give-up", test_unread_give_up);
  ADD ("unread-publishing-step", test_unread_publishing_step);
  ADD ("expired-sign-in-then-manual", test_expired_sign_in_then_manual);
  ADD ("pause-resume", test_pause_resume);
  ADD ("left-out-refused", test_left_out_refused);
  ADD ("account-removed", test_account_removed);
  ADD ("by-hand", test_by_hand);
  ADD ("by-hand-admin-only", test_by_hand_admin_only);
  ADD ("by-hand-history", test_by_hand_history);
  ADD ("actions-admin-only", test_actions_admin_only);
  ADD ("cancel-then-retry", test_cancel_then_retry);
  ADD ("cancel-history", test_cancel_history);
  ADD ("missing-secret", test_missing_secret);
  ADD ("publish-once", test_not_approved);
  ADD ("scheduled", test_scheduled);
  ADD ("missed", test_missed);
  ADD ("missed-cancel-retry", test_missed_cancel_retry);
  ADD ("missed-within-grace", test_missed_within_grace);
  ADD ("missed-office-limit", test_missed_office_limit);
  ADD ("missed-busy-account", test_missed_busy_account);
  ADD ("missed-tiktok", test_missed_tiktok);
  ADD ("missed-reschedule", test_missed_reschedule);
  ADD ("reschedule-pending", test_reschedule_pending);
  ADD ("send-now", test_send_now);
  ADD ("reschedule-past", test_reschedule_past);
  ADD ("reschedule-paused", test_reschedule_paused);
  ADD ("reschedule-started", test_reschedule_started);
  ADD ("token-refresh", test_token_refresh);
  ADD ("youtube", test_youtube);
  ADD ("retry-refused", test_retry_refused);
  ADD ("refused-by-hand", test_refused_by_hand);
  ADD ("by-hand-as-saved", test_by_hand_as_saved);
  ADD ("youtube-lost-answer", test_youtube_lost_answer);
  ADD ("x", test_x);
  ADD ("x-lost-answer", test_x_lost_answer);
  ADD ("x-correction-by-hand", test_x_correction_by_hand);
  ADD ("facebook-correction", test_facebook_correction);
  ADD ("facebook", test_facebook);
  ADD ("facebook-lost-answer", test_facebook_lost_answer);
  ADD ("instagram", test_instagram);
  ADD ("instagram-no-host", test_instagram_no_host);
  ADD ("tiktok", test_tiktok);
  ADD ("tiktok-lost-answer", test_tiktok_lost_answer);
  ADD ("tiktok-no-choice", test_tiktok_no_choice);
  ADD ("tiktok-mismatch", test_tiktok_mismatch);
  ADD ("tiktok-photos", test_tiktok_photos);
  ADD ("tiktok-photos-lost-answer", test_tiktok_photos_lost_answer);
  ADD ("tiktok-photos-post-again", test_tiktok_photos_post_again);
  ADD ("tiktok-photos-refused", test_tiktok_photos_refused);
#undef ADD

  return g_test_run ();
}
