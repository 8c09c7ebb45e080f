/* warta-publish-worker.c: opens a database and runs its outbox until every
 * job is done, failed or recorded by hand; for test-outbox-crash, which
 * kills it with SIGKILL at random points and starts it again
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: warta-publish-worker DATABASE
 * WARTA_WORKER_SECRETS="keyring-id=secret\n…" gives the accounts' secrets:
 * the test has no keyring, and a real one is never needed here.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "warta-account-store-private.h"
#include "warta-outbox.h"

static gboolean
check_done_cb (gpointer user_data)
{
  WartaOutbox *outbox = user_data;
  g_autoptr(GError) error = NULL;
  guint unfinished = warta_outbox_count_unfinished (outbox, &error);

  if (error != NULL)
    g_printerr ("warta-publish-worker: %s\n", error->message);
  if (unfinished == 0 && error == NULL && warta_outbox_get_n_running (outbox) == 0)
    {
      warta_outbox_stop (outbox);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaClock) clock = NULL;
  g_autoptr(WartaPublicationRepository) publications = NULL;
  g_autoptr(WartaAccountRepository) accounts = NULL;
  g_autoptr(WartaOutboxRepository) repository = NULL;
  g_autoptr(WartaAccountStore) store = NULL;
  g_autoptr(WartaHttpClient) client = NULL;
  g_autoptr(WartaOutbox) outbox = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) secrets = NULL;
  WartaRetryPolicy policy;
  guint check_id;

  setlocale (LC_ALL, "");
  if (argc != 2)
    {
      g_printerr ("Usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  db = warta_database_open (argv[1], WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NO_CREATE,
                            &error);
  if (db == NULL)
    {
      g_printerr ("warta-publish-worker: %s\n", error->message);
      return 1;
    }
  clock = warta_clock_new (NULL);
  publications = warta_publication_repository_new (db, clock);
  accounts = warta_account_repository_new (db, clock);
  repository = warta_outbox_repository_new (publications);
  store = warta_account_store_new (accounts);
  _warta_account_store_use_memory_secrets (store);
  secrets = g_strsplit (g_getenv ("WARTA_WORKER_SECRETS") ? g_getenv ("WARTA_WORKER_SECRETS") : "",
                        "\n", -1);
  for (guint i = 0; secrets[i]; i++)
    {
      char *eq = strchr (secrets[i], '=');

      if (eq == NULL)
        continue;
      *eq = '\0';
      _warta_account_store_set_memory_secret (store, secrets[i], eq + 1);
    }

  client = warta_http_client_new ();
  warta_retry_policy_init_default (&policy);
  policy.initial_delay_ms = 10;
  policy.max_delay_ms = 50;
  warta_http_client_set_retry_policy (client, &policy);
  warta_http_client_set_timeout (client, 10);

  outbox = warta_outbox_new (repository, store, client);
  warta_outbox_set_tick_interval (outbox, 10);
  warta_outbox_set_backoff (outbox, 10, 100, 100);
  warta_outbox_start (outbox);

  check_id = g_timeout_add (10, check_done_cb, outbox);
  while (g_main_context_find_source_by_id (NULL, check_id) != NULL)
    g_main_context_iteration (NULL, TRUE);
  while (warta_outbox_get_n_running (outbox) > 0)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}
