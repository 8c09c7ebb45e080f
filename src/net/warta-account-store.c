/* warta-account-store.c: publishing accounts, their secrets in the keyring
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tokens and application passwords go to the Secret Service (GNOME
 * Keyring, KWallet, the Secret portal in a sandbox) and never into the
 * shared database or a log. A keyring item is found by the database's
 * uuid and the account's keyring-id, so two offices' databases opened on
 * one desktop never share a secret.
 */
#define G_LOG_DOMAIN "warta-accounts"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-account-store-private.h"
#include "warta-http-client.h"
#include "warta-publish-error.h"

struct _WartaAccountStore
{
  GObject                 parent_instance;

  WartaAccountRepository *repository;
  GListStore             *accounts;
  char                   *database_uuid;
  GHashTable             *memory;   /* keyring-id → secret, tests only */
};

G_DEFINE_FINAL_TYPE (WartaAccountStore, warta_account_store, G_TYPE_OBJECT)

const SecretSchema *
warta_account_store_get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.wartadesk.Warta.Account", SECRET_SCHEMA_NONE,
    {
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

static void
warta_account_store_finalize (GObject *object)
{
  WartaAccountStore *self = WARTA_ACCOUNT_STORE (object);

  g_clear_object (&self->repository);
  g_clear_object (&self->accounts);
  g_free (self->database_uuid);
  g_clear_pointer (&self->memory, g_hash_table_unref);

  G_OBJECT_CLASS (warta_account_store_parent_class)->finalize (object);
}

static void
warta_account_store_class_init (WartaAccountStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = warta_account_store_finalize;
}

static void
warta_account_store_init (WartaAccountStore *self)
{
  self->accounts = g_list_store_new (WARTA_TYPE_ACCOUNT);
}

WartaAccountStore *
warta_account_store_new (WartaAccountRepository *repository)
{
  WartaAccountStore *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_REPOSITORY (repository), NULL);

  self = g_object_new (WARTA_TYPE_ACCOUNT_STORE, NULL);
  self->repository = g_object_ref (repository);
  if (!warta_account_store_reload (self, &error))
    g_warning ("Accounts cannot be read: %s", error->message);
  return self;
}

void
_warta_account_store_use_memory_secrets (WartaAccountStore *self)
{
  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (self));

  if (self->memory == NULL)
    self->memory = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, warta_secret_free);
}

void
_warta_account_store_set_memory_secret (WartaAccountStore *self,
                                        const char        *keyring_id,
                                        const char        *secret)
{
  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (self->memory != NULL);

  if (secret)
    g_hash_table_replace (self->memory, g_strdup (keyring_id), g_strdup (secret));
  else
    g_hash_table_remove (self->memory, keyring_id);
}

WartaAccountRepository *
warta_account_store_get_repository (WartaAccountStore *self)
{
  g_return_val_if_fail (WARTA_IS_ACCOUNT_STORE (self), NULL);
  return self->repository;
}

GListModel *
warta_account_store_get_accounts (WartaAccountStore *self)
{
  g_return_val_if_fail (WARTA_IS_ACCOUNT_STORE (self), NULL);
  return G_LIST_MODEL (self->accounts);
}

gboolean
warta_account_store_reload (WartaAccountStore  *self,
                            GError            **error)
{
  g_autoptr(GListModel) list = NULL;
  guint n;

  g_return_val_if_fail (WARTA_IS_ACCOUNT_STORE (self), FALSE);

  list = warta_account_repository_list (self->repository, error);
  if (list == NULL)
    return FALSE;
  n = g_list_model_get_n_items (list);
  {
    g_autofree gpointer *items = g_new0 (gpointer, n + 1);

    for (guint i = 0; i < n; i++)
      items[i] = g_list_model_get_item (list, i);
    g_list_store_splice (self->accounts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->accounts)),
                         items, n);
    for (guint i = 0; i < n; i++)
      g_object_unref (items[i]);
  }
  return TRUE;
}

static const char *
get_database_uuid (WartaAccountStore  *self,
                   GError            **error)
{
  if (self->database_uuid == NULL)
    self->database_uuid = warta_account_repository_dup_database_uuid (self->repository, error);
  return self->database_uuid;
}

static GError *
keyring_error (const GError *error)
{
  return g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                      _("The system keyring cannot be used: %s. Unlock the keyring, or install one such as GNOME Keyring, then try again."),
                      error->message);
}

/* add ----------------------------------------------------------------------- */

typedef struct
{
  WartaAccount *account;
  WartaUser    *actor;
  gboolean      new_account;
} StoreData;

static void
store_data_free (gpointer data)
{
  StoreData *d = data;

  g_clear_object (&d->account);
  g_clear_object (&d->actor);
  g_free (d);
}

static void
secret_stored (GTask *task)
{
  WartaAccountStore *self = g_task_get_source_object (task);
  StoreData *d = g_task_get_task_data (task);
  GError *error = NULL;

  if (d->new_account)
    {
      if (!warta_account_repository_add (self->repository, d->actor, d->account, &error))
        {
          /* No row, so no secret either. */
          if (self->memory)
            g_hash_table_remove (self->memory, warta_account_get_keyring_id (d->account));
          else
            secret_password_clear (warta_account_store_get_schema (), NULL, NULL, NULL,
                                   "database", self->database_uuid,
                                   "account", warta_account_get_keyring_id (d->account), NULL);
          g_task_return_error (task, error);
          return;
        }
      warta_account_store_reload (self, NULL);
    }
  g_task_return_boolean (task, TRUE);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }
  secret_stored (task);
}

static void
store_secret (WartaAccountStore *self,
              GTask             *task_in,
              const char        *secret)
{
  g_autoptr(GTask) task = task_in;
  StoreData *d = g_task_get_task_data (task);
  g_autofree char *label = NULL;
  GCancellable *cancellable;
  GError *error = NULL;
  const char *uuid;

  if (secret == NULL || *secret == '\0')
    {
      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               _("Enter the token or password for this account."));
      return;
    }
  uuid = get_database_uuid (self, &error);
  if (uuid == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->memory)
    {
      g_hash_table_replace (self->memory, g_strdup (warta_account_get_keyring_id (d->account)),
                            g_strdup (secret));
      secret_stored (task);
      return;
    }

  label = g_strdup_printf ("Warta: %s (%s)", warta_account_get_display_name (d->account),
                           warta_platform_get_display_name (warta_account_get_platform (d->account)));
  cancellable = g_task_get_cancellable (task);
  secret_password_store (warta_account_store_get_schema (), SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, store_cb, g_steal_pointer (&task),
                         "database", uuid,
                         "account", warta_account_get_keyring_id (d->account),
                         NULL);
}

void
warta_account_store_add_async (WartaAccountStore   *self,
                               WartaUser           *actor,
                               WartaAccount        *account,
                               const char          *secret,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  StoreData *d;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (!actor || WARTA_IS_USER (actor));
  g_return_if_fail (WARTA_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_account_store_add_async);
  d = g_new0 (StoreData, 1);
  d->account = g_object_ref (account);
  d->actor = actor ? g_object_ref (actor) : NULL;
  d->new_account = TRUE;
  g_task_set_task_data (task, d, store_data_free);

  /* Refused before the keyring is written; the row's transaction checks
   * again. */
  if (!warta_account_repository_check_manager (self->repository, actor, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (*warta_account_get_keyring_id (account) == '\0')
    {
      g_autofree char *uuid = g_uuid_string_random ();

      warta_account_set_keyring_id (account, uuid);
    }
  store_secret (self, task, secret);
}

gboolean
warta_account_store_add_finish (WartaAccountStore  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
warta_account_store_set_secret_async (WartaAccountStore   *self,
                                      WartaAccount        *account,
                                      const char          *secret,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  StoreData *d;

  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (WARTA_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_account_store_set_secret_async);
  d = g_new0 (StoreData, 1);
  d->account = g_object_ref (account);
  g_task_set_task_data (task, d, store_data_free);
  store_secret (self, task, secret);
}

gboolean
warta_account_store_set_secret_finish (WartaAccountStore  *self,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* remove -------------------------------------------------------------------- */

char *
warta_account_store_dup_app_keyring_id (const char *client_id)
{
  g_return_val_if_fail (client_id != NULL, NULL);
  return g_strconcat ("mastodon-app:", client_id, NULL);
}

/* Whether an account still signs in with the Mastodon app @client_id. */
static gboolean
app_in_use (WartaAccountStore *self,
            const char        *client_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);
      g_autofree char *id = NULL;

      if (g_strcmp0 (warta_account_get_platform (account), "mastodon") != 0)
        continue;
      id = warta_account_dup_setting (account, "client-id");
      if (g_strcmp0 (id, client_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void clear_next (GTask *task);

static void
clear_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;

  /* The row is gone already; a secret left behind is only reported. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_warning ("A keyring item of a removed account stays: %s", error->message);
  clear_next (task);
}

/* Clears the keyring items whose keyring-ids are the task's data, one
 * after the other; takes @task. */
static void
clear_next (GTask *task)
{
  WartaAccountStore *self = g_task_get_source_object (task);
  GPtrArray *ids = g_task_get_task_data (task);
  g_autofree char *id = NULL;

  if (ids->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  id = g_ptr_array_steal_index (ids, 0);
  if (self->memory)
    {
      g_hash_table_remove (self->memory, id);
      clear_next (task);
      return;
    }
  secret_password_clear (warta_account_store_get_schema (), g_task_get_cancellable (task), clear_cb,
                         task,
                         "database", self->database_uuid,
                         "account", id,
                         NULL);
}

static GTask *
clear_task (WartaAccountStore   *self,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, g_ptr_array_new_with_free_func (g_free),
                        (GDestroyNotify) g_ptr_array_unref);
  return task;
}

/* The app's secret goes with the last account that used it. */
static void
add_unused_app (WartaAccountStore *self,
                GTask             *task,
                const char        *client_id)
{
  if (client_id != NULL && !app_in_use (self, client_id))
    g_ptr_array_add (g_task_get_task_data (task), warta_account_store_dup_app_keyring_id (client_id));
}

void
warta_account_store_remove_async (WartaAccountStore   *self,
                                  WartaUser           *actor,
                                  WartaAccount        *account,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  g_autofree char *client_id = NULL;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (WARTA_IS_ACCOUNT (account));

  task = clear_task (self, warta_account_store_remove_async, cancellable, callback, user_data);
  if (get_database_uuid (self, &error) == NULL ||
      !warta_account_repository_remove (self->repository, actor, warta_account_get_id (account),
                                        &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  warta_account_store_reload (self, NULL);

  g_ptr_array_add (g_task_get_task_data (task), g_strdup (warta_account_get_keyring_id (account)));
  if (g_strcmp0 (warta_account_get_platform (account), "mastodon") == 0)
    client_id = warta_account_dup_setting (account, "client-id");
  add_unused_app (self, task, client_id);
  clear_next (task);
}

gboolean
warta_account_store_remove_finish (WartaAccountStore  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
warta_account_store_forget_app_async (WartaAccountStore   *self,
                                      const char          *client_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (client_id != NULL);

  task = clear_task (self, warta_account_store_forget_app_async, cancellable, callback, user_data);
  if (get_database_uuid (self, &error) == NULL || !warta_account_store_reload (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  add_unused_app (self, task, client_id);
  clear_next (task);
}

gboolean
warta_account_store_forget_app_finish (WartaAccountStore  *self,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* lookup -------------------------------------------------------------------- */

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }
  g_task_return_pointer (task, g_strdup (secret), warta_secret_free);
  secret_password_free (secret);
}

void
warta_account_store_lookup_secret_async (WartaAccountStore   *self,
                                         WartaAccount        *account,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  const char *uuid;

  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (WARTA_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_account_store_lookup_secret_async);

  if (self->memory)
    {
      g_task_return_pointer (task,
                             g_strdup (g_hash_table_lookup (self->memory,
                                                            warta_account_get_keyring_id (account))),
                             warta_secret_free);
      return;
    }
  uuid = get_database_uuid (self, &error);
  if (uuid == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  secret_password_lookup (warta_account_store_get_schema (), cancellable, lookup_cb,
                          g_steal_pointer (&task),
                          "database", uuid,
                          "account", warta_account_get_keyring_id (account),
                          NULL);
}

char *
warta_account_store_lookup_secret_finish (WartaAccountStore  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* developer apps ------------------------------------------------------------ */

/**
 * warta_account_store_get_client_schema:
 *
 * The keyring items holding the secrets of the developer apps the office
 * entered (Accounts, Developer Apps), one per platform. They belong to the
 * desktop user, as the apps' ids in the settings do, not to a database.
 */
const SecretSchema *
warta_account_store_get_client_schema (void)
{
  static const SecretSchema schema = {
    "io.github.wartadesk.Warta.ClientSecret", SECRET_SCHEMA_NONE,
    {
      { "platform", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

static char *
client_memory_key (const char *platform)
{
  return g_strconcat ("client-secret:", platform, NULL);
}

static void
client_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  gboolean cleared = GPOINTER_TO_INT (g_task_get_task_data (task));

  if (cleared ? !secret_password_clear_finish (result, &error) && error != NULL
              : !secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, keyring_error (error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * warta_account_store_save_client_secret_async:
 * @self: a #WartaAccountStore
 * @platform: an OAuth platform's id ("x", "tiktok" …)
 * @secret: (nullable): the app's secret; %NULL or empty removes it
 *
 * Keeps the secret of the office's developer app for @platform in the
 * keyring, in place of the one kept before.
 */
void
warta_account_store_save_client_secret_async (WartaAccountStore   *self,
                                              const char          *platform,
                                              const char          *secret,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  gboolean clear = secret == NULL || *secret == '\0';

  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (platform != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_account_store_save_client_secret_async);
  g_task_set_task_data (task, GINT_TO_POINTER (clear), NULL);

  if (self->memory)
    {
      g_autofree char *key = client_memory_key (platform);

      _warta_account_store_set_memory_secret (self, key, clear ? NULL : secret);
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (clear)
    {
      secret_password_clear (warta_account_store_get_client_schema (), cancellable,
                             client_saved_cb, g_steal_pointer (&task),
                             "platform", platform, NULL);
    }
  else
    {
      g_autofree char *label = g_strdup_printf ("Warta: %s developer app",
                                                warta_platform_get_display_name (platform));

      secret_password_store (warta_account_store_get_client_schema (), SECRET_COLLECTION_DEFAULT,
                             label, secret, cancellable, client_saved_cb, g_steal_pointer (&task),
                             "platform", platform, NULL);
    }
}

gboolean
warta_account_store_save_client_secret_finish (WartaAccountStore  *self,
                                               GAsyncResult       *result,
                                               GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * warta_account_store_lookup_client_secret_async:
 * @self: a #WartaAccountStore
 * @platform: an OAuth platform's id
 *
 * The secret of the office's developer app for @platform: %NULL and no
 * error when none was entered.
 */
void
warta_account_store_lookup_client_secret_async (WartaAccountStore   *self,
                                                const char          *platform,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (WARTA_IS_ACCOUNT_STORE (self));
  g_return_if_fail (platform != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_account_store_lookup_client_secret_async);
  if (self->memory)
    {
      g_autofree char *key = client_memory_key (platform);

      g_task_return_pointer (task, g_strdup (g_hash_table_lookup (self->memory, key)), warta_secret_free);
      return;
    }
  secret_password_lookup (warta_account_store_get_client_schema (), cancellable, lookup_cb,
                          g_steal_pointer (&task),
                          "platform", platform, NULL);
}

char *
warta_account_store_lookup_client_secret_finish (WartaAccountStore  *self,
                                                 GAsyncResult       *result,
                                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
