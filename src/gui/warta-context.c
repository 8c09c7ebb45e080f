/* warta-context.c: the services a window works with, handed down
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views never reach for globals: the application makes one context per
 * opened database and hands it to the window, which hands it to its pages.
 * The context keeps the settings that core/ must not read (time zone,
 * deadlines) applied to the clock and the repositories.
 */
#define G_LOG_DOMAIN "warta-context"

#include "config.h"

#include "warta-context.h"
#include "warta-office-rules.h"
#include "warta-oauth-platforms.h"

struct _WartaContext
{
  GObject                     parent_instance;

  WartaDatabase              *database;
  GSettings                  *settings;
  WartaClock                 *clock;
  WartaPublicationRepository *publications;
  WartaUserRepository        *users;
  WartaHttpClient            *http_client;
  WartaAccountStore          *account_store;
  WartaOutboxRepository      *outbox_repository;
  WartaOutbox                *outbox;
  WartaUser                  *current_user;
  GHashTable                 *role_names;
  GHashTable                 *saving;           /* platform → Pending: app secret being saved */
  gboolean                    pulling_rules;    /* the settings follow the database */
  guint                       save_serial;
};

G_DEFINE_FINAL_TYPE (WartaContext, warta_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT_USER,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OFFICE_RULE_REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
apply_time_zone (WartaContext *self)
{
  g_autofree char *tz = g_settings_get_string (self->settings, "time-zone");

  warta_clock_set_time_zone_id (self->clock, tz);
}

static void
apply_role_names (WartaContext *self)
{
  g_autoptr(GVariant) names = g_settings_get_value (self->settings, "role-names");
  GVariantIter iter;
  const char *id;
  const char *name;

  g_hash_table_remove_all (self->role_names);
  g_variant_iter_init (&iter, names);
  while (g_variant_iter_next (&iter, "{&s&s}", &id, &name))
    g_hash_table_insert (self->role_names, g_strdup (id), g_strdup (name));
}

static void
apply_deadlines (WartaContext *self)
{
  WartaDeadlines deadlines;

  warta_deadlines_init_default (&deadlines);
  deadlines.minutes[2] = g_settings_get_uint (self->settings, "deadline-processing");
  deadlines.minutes[3] = g_settings_get_uint (self->settings, "deadline-verifying");
  deadlines.minutes[4] = g_settings_get_uint (self->settings, "deadline-approving");
  deadlines.minutes[5] = g_settings_get_uint (self->settings, "deadline-publishing");
  warta_publication_repository_set_deadlines (self->publications, &deadlines);
}

/* What an older Warta kept in the `oauth-client-secrets` setting, until it
 * is in the keyring. */
static char *
dup_settings_secret (WartaContext *self,
                     const char   *platform)
{
  g_autoptr(GVariant) secrets = g_settings_get_value (self->settings, "oauth-client-secrets");
  const char *secret = NULL;

  if (g_variant_lookup (secrets, platform, "&s", &secret) && *secret != '\0')
    return g_strdup (secret);
  return NULL;
}

/* Sets @platform's entry of the a{ss} setting @key to @value, or removes
 * it when @value is %NULL or empty. */
static void
set_platform_entry (GSettings  *settings,
                    const char *key,
                    const char *platform,
                    const char *value)
{
  g_autoptr(GVariant) old = g_settings_get_value (settings, key);
  GVariantBuilder builder;
  GVariantIter iter;
  const char *k, *v;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (g_strcmp0 (k, platform) != 0)
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (value != NULL && *value != '\0')
    g_variant_builder_add (&builder, "{ss}", platform, value);
  g_settings_set_value (settings, key, g_variant_builder_end (&builder));
}

static void
drop_settings_secret (WartaContext *self,
                      const char   *platform)
{
  g_autoptr(GVariant) secrets = NULL;

  if (self->settings == NULL)
    return;   /* disposed of */
  secrets = g_settings_get_value (self->settings, "oauth-client-secrets");
  if (g_variant_lookup (secrets, platform, "&s", NULL))
    set_platform_entry (self->settings, "oauth-client-secrets", platform, NULL);
}

/* The newest value given for a platform's secret, read until saved. */
typedef struct
{
  guint  serial;
  char  *secret;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  warta_secret_clear (&p->secret);
  g_free (p);
}

/* The outbox refreshes expiring tokens of the platforms that have refresh
 * tokens with the client the office entered; it reads the client's secret
 * from the keyring when it needs it. */
static void
apply_oauth_clients (WartaContext *self)
{
  for (guint i = 0; i < warta_oauth_platforms_get_n (); i++)
    {
      const WartaOAuthPlatform *platform = warta_oauth_platforms_get (i);
      g_autofree char *client_id = NULL;
      char *client_secret = NULL;

      if (warta_context_get_oauth_client (self, platform->id, &client_id))
        {
          client_secret = dup_settings_secret (self, platform->id);
          warta_outbox_set_oauth_client (self->outbox, platform->id, platform->token_url,
                                         client_id, client_secret);
          warta_secret_clear (&client_secret);
        }
      else
        warta_outbox_set_oauth_client (self->outbox, platform->id, NULL, NULL, NULL);
    }
}

/* Secrets an older Warta kept in the settings move to the keyring. Until
 * one has, the outbox is given it from the settings (apply_oauth_clients());
 * one that cannot move stays where it was and is still used. */
typedef struct
{
  WartaContext *self;
  char         *platform;
} MoveData;

static void
secret_moved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MoveData *d = user_data;
  WartaContext *self = d->self;
  g_autoptr(GError) error = NULL;

  if (warta_account_store_save_client_secret_finish (WARTA_ACCOUNT_STORE (object), result, &error))
    drop_settings_secret (self, d->platform);
  else
    g_warning ("The %s developer app’s secret stays in the settings: %s", d->platform,
               error->message);

  g_free (d->platform);
  g_object_unref (d->self);
  g_free (d);
}

static void
move_settings_secrets (WartaContext *self)
{
  for (guint i = 0; i < warta_oauth_platforms_get_n (); i++)
    {
      const char *platform = warta_oauth_platforms_get (i)->id;
      char *secret = dup_settings_secret (self, platform);
      MoveData *d;

      if (secret == NULL)
        continue;
      d = g_new0 (MoveData, 1);
      d->self = g_object_ref (self);
      d->platform = g_strdup (platform);
      warta_account_store_save_client_secret_async (self->account_store, platform, secret, NULL,
                                                    secret_moved_cb, d);
      warta_secret_clear (&secret);
    }
}

/* The office's rules: in the database every workstation shares
 * (warta-office-rules.c); this workstation's settings, which the
 * preferences show and the rest of Warta reads, follow it. */
static const char * const office_rule_keys[] = {
  "deadline-processing", "deadline-verifying", "deadline-approving", "deadline-publishing",
  "role-names", "unit-name", "time-zone",
};

static gboolean
is_office_rule (const char *key)
{
  return g_strv_contains ((const char * const *) office_rule_keys, key);
}

/* @text as the value of the setting @key, or NULL when it is not one
 * (a rule written by a newer Warta, or out of the setting's range). */
static GVariant *
parse_rule (WartaContext *self,
            const char   *key,
            const char   *text)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) value = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  value = g_variant_parse (g_settings_schema_key_get_value_type (schema_key), text, NULL, NULL,
                           NULL);
  if (value == NULL || !g_settings_schema_key_range_check (schema_key, value))
    {
      g_warning ("The office rule %s is not understood: %s", key, text);
      return NULL;
    }
  return g_variant_ref_sink (g_steal_pointer (&value));
}

/* The database's rules into this workstation's settings; a rule the
 * database lacks (it was made before they were shared) is brought in
 * from this workstation's setting. */
static void
pull_office_rules (WartaContext *self)
{
  g_autoptr(GHashTable) rules = NULL;
  g_autoptr(GError) error = NULL;

  rules = warta_office_rules_load (self->database, &error);
  if (rules == NULL)
    {
      g_warning ("The office's rules cannot be read: %s", error->message);
      return;
    }

  self->pulling_rules = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (office_rule_keys); i++)
    {
      const char *key = office_rule_keys[i];
      const char *text = g_hash_table_lookup (rules, key);
      g_autoptr(GVariant) current = g_settings_get_value (self->settings, key);
      g_autoptr(GVariant) value = NULL;

      if (text == NULL)
        {
          g_autofree char *mine = g_variant_print (current, FALSE);
          g_autoptr(GError) seed_error = NULL;

          /* A read-only database keeps the workstation's own. */
          if (!warta_office_rules_seed (self->database, key, mine, warta_clock_now (self->clock),
                                        &seed_error))
            g_debug ("%s not brought into the database: %s", key, seed_error->message);
          continue;
        }
      value = parse_rule (self, key, text);
      if (value != NULL && !g_variant_equal (value, current))
        g_settings_set_value (self->settings, key, value);
    }
  self->pulling_rules = FALSE;
}

/* A rule changed in this workstation's preferences is the office's,
 * when an administrator changed it. Returns whether the database has
 * the setting's value now. */
static gboolean
push_office_rule (WartaContext  *self,
                  const char    *key,
                  GError       **out_error)
{
  g_autoptr(GVariant) value = g_settings_get_value (self->settings, key);
  g_autofree char *text = g_variant_print (value, FALSE);
  g_autoptr(GHashTable) rules = warta_office_rules_load (self->database, NULL);
  g_autoptr(GError) error = NULL;

  if (rules != NULL && g_strcmp0 (g_hash_table_lookup (rules, key), text) == 0)
    return TRUE;
  if (!warta_context_can_change_office_rules (self))
    {
      g_debug ("%s changed by a non-administrator: not shared", key);
      return FALSE;
    }
  if (!warta_office_rules_store (self->database, warta_user_get_id (self->current_user),
                                 key, text, warta_clock_now (self->clock), &error))
    {
      /* Refused: the account lost the right on another workstation, or
       * the database is busy or full. */
      g_debug ("%s not shared: %s", key, error->message);
      g_propagate_error (out_error, g_steal_pointer (&error));
      return FALSE;
    }
  return TRUE;
}

static void
on_settings_changed_cb (WartaContext *self,
                        const char   *key)
{
  /* A change that is not the office's (a non-administrator's, made with
   * the gsettings tool, say) does not stay: the settings follow the
   * database again. */
  if (!self->pulling_rules && is_office_rule (key))
    {
      g_autoptr(GError) error = NULL;

      if (!push_office_rule (self, key, &error))
        {
          pull_office_rules (self);
          /* Told once the setting is the database's again. */
          if (error != NULL)
            g_signal_emit (self, signals[OFFICE_RULE_REFUSED], 0, key, error);
        }
    }

  if (g_str_has_prefix (key, "oauth-client"))
    apply_oauth_clients (self);
  else if (g_strcmp0 (key, "time-zone") == 0)
    apply_time_zone (self);
  else if (g_str_has_prefix (key, "deadline-"))
    apply_deadlines (self);
  else if (g_strcmp0 (key, "role-names") == 0)
    apply_role_names (self);
}

static void
warta_context_dispose (GObject *object)
{
  WartaContext *self = WARTA_CONTEXT (object);

  g_clear_object (&self->current_user);
  if (self->outbox != NULL)
    warta_outbox_stop (self->outbox);
  g_clear_object (&self->outbox);
  g_clear_object (&self->outbox_repository);
  g_clear_object (&self->account_store);
  g_clear_object (&self->http_client);
  g_clear_object (&self->publications);
  g_clear_object (&self->users);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);
  g_clear_pointer (&self->role_names, g_hash_table_unref);
  g_clear_pointer (&self->saving, g_hash_table_unref);

  G_OBJECT_CLASS (warta_context_parent_class)->dispose (object);
}

static void
warta_context_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WartaContext *self = WARTA_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CURRENT_USER:
      g_value_set_object (value, self->current_user);
      break;

    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_context_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WartaContext *self = WARTA_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CURRENT_USER:
      warta_context_set_current_user (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_context_class_init (WartaContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = warta_context_dispose;
  object_class->get_property = warta_context_get_property;
  object_class->set_property = warta_context_set_property;

  /**
   * WartaContext:current-user:
   *
   * The signed-in user, or %NULL before sign-in. Every action is
   * recorded under this user.
   */
  properties[PROP_CURRENT_USER] =
    g_param_spec_object ("current-user", NULL, NULL, WARTA_TYPE_USER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, WARTA_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WartaContext::office-rule-refused:
   * @key: the setting of the rule
   * @error: why the database did not take it (a #GError)
   *
   * A change of the office's rules made on this workstation was not
   * written to the database, and the setting went back to the
   * database's value.
   */
  signals[OFFICE_RULE_REFUSED] =
    g_signal_new ("office-rule-refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
warta_context_init (WartaContext *self)
{
}

WartaContext *
warta_context_new (WartaDatabase *database,
                   GSettings     *settings)
{
  WartaContext *self;
  g_autofree char *tz = NULL;

  g_return_val_if_fail (WARTA_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  tz = g_settings_get_string (settings, "time-zone");

  self = g_object_new (WARTA_TYPE_CONTEXT, NULL);
  self->database = g_object_ref (database);
  self->settings = g_object_ref (settings);
  self->clock = warta_clock_new (tz);
  self->publications = warta_publication_repository_new (database, self->clock);
  self->users = warta_user_repository_new (database, self->clock);
  self->http_client = warta_http_client_new ();
  {
    g_autoptr(WartaAccountRepository) accounts = warta_account_repository_new (database, self->clock);

    self->account_store = warta_account_store_new (accounts);
  }
  self->outbox_repository = warta_outbox_repository_new (self->publications);
  self->outbox = warta_outbox_new (self->outbox_repository, self->account_store, self->http_client);

  self->role_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->saving = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pending_free);

  apply_deadlines (self);
  apply_role_names (self);
  apply_oauth_clients (self);
  g_signal_connect_object (settings, "changed",
                           G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
  move_settings_secrets (self);
  pull_office_rules (self);
  g_signal_connect_object (database, "changed",
                           G_CALLBACK (pull_office_rules), self, G_CONNECT_SWAPPED);

  return self;
}

WartaDatabase *
warta_context_get_database (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return self->database;
}

GSettings *
warta_context_get_settings (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return self->settings;
}

WartaClock *
warta_context_get_clock (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return self->clock;
}

WartaPublicationRepository *
warta_context_get_publications (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return self->publications;
}

WartaUserRepository *
warta_context_get_users (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return self->users;
}

WartaUser *
warta_context_get_current_user (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return self->current_user;
}

/**
 * warta_context_get_role_name:
 * @self: a #WartaContext
 * @role: one role
 *
 * The office is reorganised from time to time: the name shown for a role
 * comes from the `role-names` setting when one is set there.
 *
 * Returns: the name to show for @role
 */
const char *
warta_context_get_role_name (WartaContext *self,
                             WartaRole     role)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return warta_role_get_display_name (role, self->role_names);
}

void
warta_context_set_current_user (WartaContext *self,
                                WartaUser    *user)
{
  g_return_if_fail (WARTA_IS_CONTEXT (self));
  g_return_if_fail (!user || WARTA_IS_USER (user));

  if (g_set_object (&self->current_user, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_USER]);
}

/**
 * warta_context_can_change_office_rules:
 * @self: a #WartaContext
 *
 * Returns: whether the signed-in user may change the office's rules
 *   (an administrator); %FALSE when nobody is signed in
 */
gboolean
warta_context_can_change_office_rules (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), FALSE);

  return warta_office_rules_can_change (self->current_user);
}

/**
 * warta_context_can_manage_accounts:
 * @self: a #WartaContext
 *
 * Returns: whether the signed-in user may add, remove and sign in the
 *   publishing accounts and set the developer apps (the social media
 *   admin or an administrator); %FALSE when nobody is signed in
 */
gboolean
warta_context_can_manage_accounts (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), FALSE);

  return warta_account_repository_can_manage (self->current_user);
}

WartaHttpClient *
warta_context_get_http_client (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return self->http_client;
}

WartaAccountStore *
warta_context_get_account_store (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return self->account_store;
}

/**
 * warta_context_get_outbox:
 * @self: a #WartaContext
 *
 * The outbox of this database. It sends nothing until
 * warta_outbox_start(): the application starts it on its main context,
 * and disposing of the context stops it (a database switch, quitting);
 * what was in flight resumes from its last confirmed step next time.
 *
 * Returns: (transfer none): the outbox
 */
WartaOutbox *
warta_context_get_outbox (WartaContext *self)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), NULL);

  return self->outbox;
}

/**
 * warta_context_get_oauth_client:
 * @self: a #WartaContext
 * @platform: "x", "youtube", "facebook", "instagram", "tiktok"
 * @out_client_id: (out) (optional): the client id
 *
 * Warta ships no client ids: each office registers its own developer app
 * and enters its id in the `oauth-client-ids` setting, and its secret,
 * where the platform insists on one, in the keyring
 * (warta_context_save_client_secret_async()).
 *
 * Returns: %TRUE when a client id is entered for @platform
 */
gboolean
warta_context_get_oauth_client (WartaContext  *self,
                                const char    *platform,
                                char         **out_client_id)
{
  g_autoptr(GVariant) ids = NULL;
  const char *id = NULL;

  g_return_val_if_fail (WARTA_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (platform != NULL, FALSE);

  ids = g_settings_get_value (self->settings, "oauth-client-ids");
  g_variant_lookup (ids, platform, "&s", &id);
  while (id != NULL && g_ascii_isspace (*id))
    id++;

  if (out_client_id)
    *out_client_id = id && *id ? g_strdup (id) : NULL;

  return id != NULL && *id != '\0';
}

/* The developer apps are the accounts' (the office's channels): the
 * signed-in user, as stored now, must be allowed to manage them. */
static gboolean
check_accounts_manager (WartaContext  *self,
                        GError       **error)
{
  return warta_account_repository_check_manager (warta_account_store_get_repository (self->account_store),
                                                 self->current_user, error);
}

/**
 * warta_context_set_oauth_client_id:
 * @self: a #WartaContext
 * @platform: an OAuth platform's id
 * @client_id: (nullable): the id of the office's developer app; %NULL or
 *   empty removes it
 * @error: where to put an error
 *
 * Returns: %TRUE, or %FALSE with @error set when the signed-in user may
 *   not manage the accounts (warta_context_can_manage_accounts())
 */
gboolean
warta_context_set_oauth_client_id (WartaContext  *self,
                                   const char    *platform,
                                   const char    *client_id,
                                   GError       **error)
{
  g_return_val_if_fail (WARTA_IS_CONTEXT (self), FALSE);
  g_return_val_if_fail (platform != NULL, FALSE);

  if (!check_accounts_manager (self, error))
    return FALSE;
  set_platform_entry (self->settings, "oauth-client-ids", platform, client_id);
  return TRUE;
}

typedef struct
{
  char  *platform;
  guint  serial;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *d = data;

  g_free (d->platform);
  g_free (d);
}

static void
client_secret_saved_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  WartaContext *self = g_task_get_source_object (task);
  SaveData *d = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean saved;

  saved = warta_account_store_save_client_secret_finish (WARTA_ACCOUNT_STORE (object), result,
                                                         &error);
  /* A newer value may be on its way already; it stays what is read. */
  if (self->saving != NULL)
    {
      Pending *pending = g_hash_table_lookup (self->saving, d->platform);

      if (pending != NULL && pending->serial == d->serial)
        g_hash_table_remove (self->saving, d->platform);
    }
  if (!saved)
    {
      g_task_return_error (task, error);
      return;
    }
  drop_settings_secret (self, d->platform);
  g_task_return_boolean (task, TRUE);
}

/**
 * warta_context_save_client_secret_async:
 * @self: a #WartaContext
 * @platform: an OAuth platform's id
 * @secret: (nullable): the secret of the office's developer app; %NULL or
 *   empty removes it
 *
 * Keeps the secret in the system keyring, never in the settings. From
 * this call on, warta_context_lookup_client_secret_async() gives @secret.
 * Refused (%WARTA_USER_ERROR_FORBIDDEN) unless the signed-in user may
 * manage the accounts.
 */
void
warta_context_save_client_secret_async (WartaContext        *self,
                                        const char          *platform,
                                        const char          *secret,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;
  SaveData *d;
  Pending *pending;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_CONTEXT (self));
  g_return_if_fail (platform != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_context_save_client_secret_async);
  if (!check_accounts_manager (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  d = g_new0 (SaveData, 1);
  d->platform = g_strdup (platform);
  d->serial = ++self->save_serial;
  pending = g_new0 (Pending, 1);
  pending->serial = d->serial;
  pending->secret = g_strdup (secret ? secret : "");
  g_hash_table_replace (self->saving, g_strdup (platform), pending);
  g_task_set_task_data (task, d, save_data_free);
  warta_account_store_save_client_secret_async (self->account_store, platform, secret, cancellable,
                                                client_secret_saved_cb, task);
}

gboolean
warta_context_save_client_secret_finish (WartaContext  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
client_secret_found_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *secret;

  secret = warta_account_store_lookup_client_secret_finish (WARTA_ACCOUNT_STORE (object), result,
                                                            &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, warta_secret_free);
}

/**
 * warta_context_lookup_client_secret_async:
 * @self: a #WartaContext
 * @platform: an OAuth platform's id
 *
 * The secret of the office's developer app for @platform, from the
 * keyring (or from the settings while it cannot move there): %NULL and no
 * error when none was entered.
 */
void
warta_context_lookup_client_secret_async (WartaContext        *self,
                                          const char          *platform,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  GTask *task;
  char *secret;

  g_return_if_fail (WARTA_IS_CONTEXT (self));
  g_return_if_fail (platform != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_context_lookup_client_secret_async);
  if (g_hash_table_contains (self->saving, platform))
    {
      Pending *pending = g_hash_table_lookup (self->saving, platform);

      secret = *pending->secret ? g_strdup (pending->secret) : NULL;
    }
  else
    secret = dup_settings_secret (self, platform);
  if (secret != NULL || g_hash_table_contains (self->saving, platform))
    {
      g_task_return_pointer (task, secret, warta_secret_free);
      g_object_unref (task);
      return;
    }
  warta_account_store_lookup_client_secret_async (self->account_store, platform, cancellable,
                                                  client_secret_found_cb, task);
}

char *
warta_context_lookup_client_secret_finish (WartaContext  *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
