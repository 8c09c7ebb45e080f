/* warta-accounts-page.c: the office's publishing accounts
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Adding an account stores its secret in the keyring first, then its row
 * (WartaAccountStore): WordPress by application password; Mastodon by
 * registering Warta as an app of the instance, then signing in in the
 * system browser (loopback redirect, PKCE); Facebook, Instagram, X,
 * YouTube and TikTok the same way with the developer app the office
 * entered, since Warta ships none. An account whose sign-in expired says
 * "Sign in again"; doing so lets the targets that stopped for it go on.
 */
#define G_LOG_DOMAIN "warta-accounts-page"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-accounts-page-private.h"
#include "warta-list-focus.h"
#include "warta-mastodon.h"
#include "warta-meta-sign-in.h"
#include "warta-mnemonic.h"
#include "warta-oauth.h"
#include "warta-oauth-platforms.h"
#include "warta-wordpress.h"
#include "warta-workflow.h"
#include "warta-x.h"
#include "warta-youtube.h"

#define MASTODON_SCOPES "read write:media write:statuses"

struct _WartaAccountsPage
{
  AdwBin               parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *accounts_group;
  GtkListBox          *accounts_list;
  AdwPreferencesGroup *apps_group;
  GtkMenuButton       *add_button;

  WartaContext        *context;
  char                *accounts_description;
  gboolean             editable;    /* the signed-in user manages the accounts */
  GHashTable          *rows;        /* account id → AdwActionRow */
  GPtrArray           *app_rows;    /* the developer app entries */
  GCancellable        *cancellable;
  gboolean             loading_apps;
};

G_DEFINE_FINAL_TYPE (WartaAccountsPage, warta_accounts_page, ADW_TYPE_BIN)

static void save_typed_secrets (WartaAccountsPage *self);
static void update_editable (WartaAccountsPage *self);

/* What the add dialog calls an account of each platform (as the Add menu
 * does), and what the platform's developer console calls the app's id and
 * secret, so that they can be copied from there. */
typedef struct
{
  const char *platform;
  const char *noun;
  const char *app_id;
  const char *app_secret;
} PlatformWords;

static const PlatformWords platform_words[] = {
  { "wordpress", N_("Website (WordPress)"), NULL, NULL },
  { "mastodon", N_("Mastodon Account"), NULL, NULL },
  { "facebook", N_("Facebook Page"), N_("Facebook app ID"), N_("Facebook app secret") },
  { "instagram", N_("Instagram Business Account"), N_("Instagram app ID"), N_("Instagram app secret") },
  { "x", N_("X Account"), N_("X client ID"), N_("X client secret") },
  { "youtube", N_("YouTube Channel"), N_("Google client ID (YouTube)"), N_("Google client secret (YouTube)") },
  { "tiktok", N_("TikTok Account"), N_("TikTok client key"), N_("TikTok client secret") },
};

static const PlatformWords *
words_of (const char *platform)
{
  for (guint i = 0; i < G_N_ELEMENTS (platform_words); i++)
    if (g_strcmp0 (platform_words[i].platform, platform) == 0)
      return &platform_words[i];
  g_return_val_if_reached (&platform_words[0]);
}

static WartaUriOpener uri_opener;
static AdwMessageDialog *current_dialog;
static GHashTable *platform_urls;   /* platform → GStrv: authorize, token, api */

void
_warta_accounts_set_uri_opener (WartaUriOpener opener)
{
  uri_opener = opener;
}

void
_warta_accounts_set_platform_urls (const char *platform,
                                   const char *authorize_url,
                                   const char *token_url,
                                   const char *api_url)
{
  const char *urls[] = { authorize_url, token_url, api_url, NULL };

  if (platform_urls == NULL)
    platform_urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_strfreev);
  g_hash_table_replace (platform_urls, g_strdup (platform), g_strdupv ((char **) urls));
}

AdwMessageDialog *
_warta_accounts_get_dialog (void)
{
  return current_dialog;
}

GtkWidget *
_warta_accounts_get_dialog_widget (const char *name)
{
  g_autofree char *key = g_strconcat ("warta-", name, NULL);

  return current_dialog ? g_object_get_data (G_OBJECT (current_dialog), key) : NULL;
}

static void
present_dialog (AdwMessageDialog *dialog)
{
  /* The one before may go later: it must not clear this one. */
  if (current_dialog)
    g_object_remove_weak_pointer (G_OBJECT (current_dialog), (gpointer *) &current_dialog);
  current_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &current_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = warta_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  present_dialog (ADW_MESSAGE_DIALOG (dialog));
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : url);
}

static gboolean
is_web_address (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 ||
          g_strcmp0 (g_uri_get_scheme (uri), "http") == 0);
}

/* What is typed in an address field, as an address: without the slashes
 * at its end, and with https:// before a bare host name
 * ("inspektorat.example.go.id"), the way a browser's address bar reads it. */
/* https, or http to this computer (a test or a tunnel): a password may
 * go there. */
static gboolean
is_encrypted (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;

  return uri != NULL &&
         (g_strcmp0 (g_uri_get_scheme (uri), "https") == 0 ||
          g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "::1") == 0 ||
          g_ascii_strcasecmp (host ? host : "", "localhost") == 0);
}

static char *
trim_url (const char *text)
{
  char *url = g_strstrip (g_strdup (text));

  while (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  if (strstr (url, "://") == NULL && strchr (url, '.') != NULL &&
      strpbrk (url, " \t@") == NULL && url[0] != '.' && url[0] != '/')
    {
      char *full = g_strconcat ("https://", url, NULL);

      g_free (url);
      url = full;
    }
  return url;
}

/* -- signing in ------------------------------------------------------------------------- */

typedef struct
{
  GtkWindow       *parent;
  WartaContext    *context;
  WartaAccount    *account;
  gboolean         adding;
  WartaOAuthLogin *login;
  AdwMessageDialog *waiting;
  char            *secret;
  GPtrArray       *entries;
  AdwMessageDialog *form;       /* the form with the entries, while it is shown */
  char            *token_url;
  char            *client_id;
  char            *client_secret;
  GPtrArray       *pages;       /* Facebook: WartaFacebookPage */
  WartaOAuthTokens *tokens;     /* while who signed in is asked for */
  char            *name;        /* Instagram, X, Mastodon, YouTube: what names the account */
  gboolean         renamed;     /* signing in again changed the account's row (its name …) */
  char            *long_uploads; /* YouTube: the channel's status.longUploadsStatus */
  WartaMastodonLimits limits;   /* Mastodon: the instance's, when it said */
  char            *app_id;      /* Mastodon: the app tried first, its redirect URI */
  char            *app_redirect;
  char            *app_secret;  /* Mastodon: a newly registered app's, to keep */
  GCancellable    *cancellable; /* this sign-in's: its Cancel stops only it */
  GCancellable    *outer;       /* the page's, which cancels it too */
  gulong           outer_id;
  char           **typed;       /* what the form held when it was sent */
  char            *body;        /* what the form says first */
  char            *problem;     /* why the form is shown again */
  guint            at_fault;    /* the entry it is about */
} SignIn;

static void
close_waiting (SignIn *s)
{
  if (s->waiting)
    gtk_window_destroy (GTK_WINDOW (s->waiting));
  g_clear_object (&s->waiting);
}

static void
sign_in_free (SignIn *s)
{
  close_waiting (s);
  g_clear_object (&s->parent);
  g_clear_object (&s->context);
  g_clear_object (&s->account);
  g_clear_object (&s->login);
  warta_secret_clear (&s->secret);
  g_clear_weak_pointer (&s->form);
  g_clear_pointer (&s->entries, g_ptr_array_unref);
  g_free (s->token_url);
  g_free (s->client_id);
  warta_secret_clear (&s->client_secret);
  g_clear_pointer (&s->pages, g_ptr_array_unref);
  g_clear_pointer (&s->tokens, warta_oauth_tokens_free);
  g_free (s->name);
  g_free (s->long_uploads);
  g_free (s->app_id);
  g_free (s->app_redirect);
  warta_secret_clear (&s->app_secret);
  if (s->outer != NULL)
    g_cancellable_disconnect (s->outer, s->outer_id);
  g_clear_object (&s->outer);
  g_clear_object (&s->cancellable);
  /* The application password may be among what was typed. */
  for (guint i = 0; s->typed != NULL && s->typed[i] != NULL; i++)
    warta_secret_clear (&s->typed[i]);
  g_free (s->typed);
  g_free (s->body);
  g_free (s->problem);
  g_free (s);
}

static const char *
entry_text (SignIn *s,
            guint   i)
{
  return gtk_editable_get_text (GTK_EDITABLE (s->entries->pdata[i]));
}

static void
app_forgotten_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!warta_account_store_forget_app_finish (WARTA_ACCOUNT_STORE (object), result, &error))
    g_warning ("The secret of a Mastodon app no account uses stays in the keyring: %s",
               error->message);
}

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *s = g_task_get_task_data (task);
  WartaAccountStore *store = WARTA_ACCOUNT_STORE (object);
  WartaOutbox *outbox = warta_context_get_outbox (s->context);
  WartaUser *user = warta_context_get_current_user (s->context);
  g_autoptr(GListModel) stopped = NULL;
  GError *error = NULL;
  guint n_waiting = 0;
  gboolean ok;

  ok = s->adding ? warta_account_store_add_finish (store, result, &error)
                 : warta_account_store_set_secret_finish (store, result, &error);
  if (!ok)
    {
      g_task_return_error (task, error);
      return;
    }
  warta_account_store_reload (store, NULL);
  /* A new app replaced the one the account signed in with before. */
  if (s->app_secret && s->app_id && !s->adding)
    warta_account_store_forget_app_async (store, s->app_id, NULL, app_forgotten_cb, NULL);

  /* The targets that stopped for this sign-in go on. */
  stopped = warta_outbox_repository_list_needing_sign_in (warta_outbox_get_repository (outbox),
                                                          warta_account_get_id (s->account), NULL);
  for (guint i = 0; user && stopped && i < g_list_model_get_n_items (stopped); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (stopped, i);
      g_autoptr(GError) refused = NULL;

      if (!warta_outbox_retry_job (outbox, user, warta_outbox_job_get_id (job), &refused) &&
          g_error_matches (refused, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN))
        n_waiting++;
    }
  /* Publishing is the social media admin's: someone else who signs in
   * again is told the stopped posts wait for them. */
  if (n_waiting > 0)
    {
      const char *role = warta_context_get_role_name (s->context, WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
      g_autofree char *body =
        /* Translators: %u is a number of posts, %s a role, "Admin Medsos" */
        g_strdup_printf (ngettext ("The account is signed in again. The %u post that stopped for "
                                   "it waits for a user with the role “%s” to press Try Again "
                                   "in its publication.",
                                   "The account is signed in again. The %u posts that stopped for "
                                   "it wait for a user with the role “%s” to press Try Again "
                                   "in their publications.",
                                   n_waiting),
                         n_waiting, role);

      show_message (s->parent, _("Stopped Posts Still Wait"), body);
    }
  g_task_return_boolean (task, TRUE);
}

/* The client secret of the app Warta registered on a Mastodon instance
 * (§6.1): in the keyring, as a secret of its own; its id and redirect URI
 * are in the account's settings. */
static WartaAccount *
mastodon_app (WartaAccount *account,
              const char   *client_id)
{
  WartaAccount *app = warta_account_new ();
  g_autofree char *keyring_id = warta_account_store_dup_app_keyring_id (client_id);
  g_autofree char *host = host_of (warta_account_get_base_url (account));
  g_autofree char *name = g_strdup_printf ("app on %s", host);

  warta_account_set_platform (app, "mastodon");
  warta_account_set_display_name (app, name);
  warta_account_set_base_url (app, warta_account_get_base_url (account));
  warta_account_set_keyring_id (app, keyring_id);
  return app;
}

/* The setting with who an account of @platform is on the platform: the
 * Page, the Instagram or X user, the TikTok creator, the Mastodon account
 * (on its instance), the YouTube channel. */
static const char *
remote_id_key (const char *platform)
{
  return g_str_equal (platform, "facebook") ? "page-id"
         : g_str_equal (platform, "instagram") || g_str_equal (platform, "x") ? "user-id"
         : g_str_equal (platform, "tiktok") ? "open-id"
         : g_str_equal (platform, "mastodon") ? "account-id"
         : g_str_equal (platform, "youtube") ? "channel-id" : NULL;
}

/* The account that is the same remote account as @account, if one is
 * added already. */
static WartaAccount *
find_same_account (WartaAccountStore *store,
                   WartaAccount      *account)
{
  const char *platform = warta_account_get_platform (account);
  const char *key = remote_id_key (platform);
  gboolean per_instance = g_str_equal (platform, "mastodon");
  g_autofree char *id = key ? warta_account_dup_setting (account, key) : NULL;
  GListModel *accounts = warta_account_store_get_accounts (store);

  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) other = g_list_model_get_item (accounts, i);
      g_autofree char *other_id = warta_account_dup_setting (other, key);

      if (g_str_equal (warta_account_get_platform (other), platform) &&
          g_strcmp0 (other_id, id) == 0 &&
          (!per_instance || warta_oauth_same_origin (warta_account_get_base_url (other),
                                                     warta_account_get_base_url (account))))
        return g_steal_pointer (&other);
    }
  return NULL;
}

static void
store_account (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  WartaAccountStore *store = warta_context_get_account_store (s->context);
  GError *error = NULL;

  if (s->adding)
    {
      g_autofree char *keyring_id = g_uuid_string_random ();

      warta_account_set_keyring_id (s->account, keyring_id);
      warta_account_store_add_async (store, warta_context_get_current_user (s->context),
                                     s->account, s->secret, g_task_get_cancellable (task),
                                     stored_cb, task);
      return;
    }
  /* A newly registered Mastodon app's id, or a new name, in the row. */
  if ((s->app_secret || s->renamed) &&
      !warta_account_repository_update (warta_account_store_get_repository (store),
                                        warta_context_get_current_user (s->context), s->account,
                                        &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  warta_account_store_set_secret_async (store, s->account, s->secret,
                                        g_task_get_cancellable (task), stored_cb, task);
}

static void
app_stored_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;

  if (!warta_account_store_set_secret_finish (WARTA_ACCOUNT_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  store_account (task);
}

/* Everything succeeded: the secrets, then the account's row. */
static void
store_secret (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  WartaAccountStore *store = warta_context_get_account_store (s->context);
  g_autofree char *client_id = NULL;
  g_autoptr(WartaAccount) app = NULL;

  close_waiting (s);
  if (s->adding)
    {
      g_autoptr(WartaAccount) same = find_same_account (store, s->account);

      /* Two rows would be two targets of every publication, each posting;
       * refused before anything is kept, in the keyring or the database. */
      if (same != NULL)
        {
          g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED,
                                   _("“%s” is one of the accounts already, so nothing was added. When its sign-in stops working, its row offers Sign In Again."),
                                   warta_account_get_display_name (same));
          g_object_unref (task);
          return;
        }
    }
  if (s->app_secret == NULL)
    {
      store_account (task);
      return;
    }
  client_id = warta_account_dup_setting (s->account, "client-id");
  app = mastodon_app (s->account, client_id);
  warta_account_store_set_secret_async (store, app, s->app_secret, g_task_get_cancellable (task),
                                        app_stored_cb, task);
}

/* Who signed in (Instagram's user id, TikTok's open_id, X's user id,
 * the Mastodon account's id, the YouTube channel's id) is the account:
 * kept when it is added (or first known), checked when it signs in again. */
static void
tokens_done (GTask            *task_in,
             WartaOAuthTokens *tokens)
{
  g_autoptr(GTask) task = task_in;
  SignIn *s = g_task_get_task_data (task);
  const char *platform = warta_account_get_platform (s->account);
  const char *key = g_str_equal (platform, "facebook") ? NULL : remote_id_key (platform);
  const char *id = tokens->user_id;

  if (key && id)
    {
      g_autofree char *known = warta_account_dup_setting (s->account, key);

      if (s->adding || known == NULL)
        {
          warta_account_set_setting (s->account, key, id);
          /* An account added before Warta asked: its row learns it. */
          s->renamed = s->renamed || !s->adding;
        }
      else if (!g_str_equal (known, id))
        {
          g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                                   _("You signed in to %s as another account than “%s”. Sign in again with that account, or add the other one as a new account."),
                                   warta_platform_get_display_name (platform),
                                   warta_account_get_display_name (s->account));
          return;
        }
    }
  /* What the platform said of the account, for the publish check: the
   * instance's limits, whether the channel may upload long videos. One
   * not said now keeps what was known. */
  if (s->limits.known || s->long_uploads)
    {
      g_autofree char *before = g_strdup (warta_account_get_settings (s->account));

      if (s->limits.known)
        warta_mastodon_limits_store (&s->limits, s->account);
      if (s->long_uploads)
        warta_account_set_setting (s->account, "long-uploads", s->long_uploads);
      s->renamed = s->renamed ||
                   (!s->adding && g_strcmp0 (before, warta_account_get_settings (s->account)) != 0);
    }
  /* Instagram's, X's, Mastodon's and YouTube's account is known by the
   * name it has there, also when it changed. */
  if (s->name)
    {
      const char *before = warta_account_get_display_name (s->account);

      s->renamed = s->renamed || (!s->adding && g_strcmp0 (s->name, before) != 0);
      warta_account_set_display_name (s->account, s->name);
    }
  /* Mastodon's tokens do not expire: the token itself; the others keep
   * their refresh token and expiry for the outbox's refresh. */
  if (g_str_equal (platform, "mastodon"))
    s->secret = g_strdup (tokens->access_token);
  else
    s->secret = warta_oauth_tokens_to_json (tokens);
  store_secret (g_steal_pointer (&task));
}

static void
on_page_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GTask            *task)
{
  SignIn *s = g_task_get_task_data (task);
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "warta-list");
  WartaFacebookPage *page = NULL;

  for (guint i = 0; i < s->pages->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "warta-check");

      if (gtk_check_button_get_active (check))
        page = s->pages->pdata[i];
    }
  if (g_strcmp0 (response, "ok") != 0 || page == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      g_object_unref (task);
      return;
    }
  warta_account_set_setting (s->account, "page-id", page->id);
  warta_account_set_setting (s->account, "page-name", page->name);
  warta_account_set_display_name (s->account, page->name);
  s->secret = g_strdup (page->access_token);
  store_secret (task);
}

static void
on_page_toggled_cb (GtkCheckButton   *check,
                    AdwMessageDialog *dialog)
{
  if (gtk_check_button_get_active (check))
    adw_message_dialog_set_response_enabled (dialog, "ok", TRUE);
}

/* A Page is found by a part of its name or its id. */
static gboolean
page_matches (GtkListBoxRow *row,
              gpointer       user_data)
{
  GtkEditable *search = user_data;
  const char *name = g_object_get_data (G_OBJECT (row), "warta-page-name");
  const char *id = g_object_get_data (G_OBJECT (row), "warta-page-id");
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (search), -1);

  return *needle == '\0' || strstr (name, needle) != NULL || strstr (id, needle) != NULL;
}

static void
on_page_search_changed_cb (GtkSearchEntry *search,
                           GtkListBox     *list)
{
  gtk_list_box_invalidate_filter (list);
}

/* More Pages than this, and they can be searched. */
#define PAGES_WITHOUT_SEARCH 6

/* Adding a Facebook account: the Page it publishes to, among those the
 * user may create content on; the only one is chosen already. */
static void
choose_page (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkCheckButton *first = NULL;

  if (s->waiting)
    gtk_window_destroy (GTK_WINDOW (s->waiting));
  g_clear_object (&s->waiting);

  dialog = ADW_MESSAGE_DIALOG (warta_message_dialog_new (s->parent, _("Choose the Page"),
                                                         _("Warta publishes to one Page per account. These are the Pages you may create content on.")));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Facebook Pages"), -1);
  for (guint i = 0; i < s->pages->len; i++)
    {
      WartaFacebookPage *page = s->pages->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* A Page's name is text, "&" and all. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), page->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), page->id);
      if (first)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      else
        first = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_page_toggled_cb), dialog, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "warta-check", check);
      /* The search may run once more as the dialog closes, when the
       * sign-in and its Pages are gone: the row keeps what it needs. */
      g_object_set_data_full (G_OBJECT (row), "warta-page-name", g_utf8_casefold (page->name, -1),
                              g_free);
      g_object_set_data_full (G_OBJECT (row), "warta-page-id", g_strdup (page->id), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  if (s->pages->len > PAGES_WITHOUT_SEARCH)
    {
      GtkWidget *search = gtk_search_entry_new ();

      g_object_set (search, "placeholder-text", _("Search by name or id"), NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Search the Pages"), -1);
      gtk_list_box_set_filter_func (GTK_LIST_BOX (list), page_matches, search, NULL);
      g_signal_connect_object (search, "search-changed", G_CALLBACK (on_page_search_changed_cb),
                               list, 0);
      gtk_box_append (GTK_BOX (box), search);
      g_object_set_data (G_OBJECT (dialog), "warta-search", search);
    }
  /* Many Pages scroll, the dialog stays on the screen. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  g_object_set_data (G_OBJECT (dialog), "warta-list", list);

  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", _("_Add Page"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* Nothing is added before a Page is chosen, unless there is one only. */
  adw_message_dialog_set_response_enabled (dialog, "ok", FALSE);
  if (s->pages->len == 1)
    gtk_check_button_set_active (first, TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_page_response_cb), task);
  present_dialog (dialog);
}

static void
pages_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignIn *s = g_task_get_task_data (task);
  g_autofree char *page_id = NULL;
  GError *error = NULL;

  s->pages = warta_meta_list_pages_finish (result, &error);
  if (s->pages == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (s->adding)
    {
      choose_page (g_steal_pointer (&task));
      return;
    }
  /* Signing in again: the account's own Page, or a clear no. */
  page_id = warta_account_dup_setting (s->account, "page-id");
  for (guint i = 0; i < s->pages->len; i++)
    {
      WartaFacebookPage *page = s->pages->pdata[i];

      if (g_strcmp0 (page->id, page_id) == 0)
        {
          s->secret = g_strdup (page->access_token);
          store_secret (g_steal_pointer (&task));
          return;
        }
    }
  g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PERMISSION_DENIED,
                           _("The Page “%s” is not among the Pages this Facebook user may create content on. Sign in with the Facebook user who manages it, or ask the Page’s administrator for a role that may create content."),
                           warta_account_get_display_name (s->account));
}

static void
instagram_user_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  g_autofree char *user_id = NULL;
  g_autofree char *username = NULL;
  GError *error = NULL;

  user_id = warta_meta_instagram_user_finish (result, &username, &error);
  if (user_id == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  /* The id publishing uses is the one /me says. */
  g_free (s->tokens->user_id);
  s->tokens->user_id = g_steal_pointer (&user_id);
  g_free (s->name);
  s->name = g_strconcat ("@", username, NULL);
  tokens_done (task, s->tokens);
}

static void
exchanged_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  GError *error = NULL;

  tokens = warta_oauth_refresh_finish (result, &error);
  if (tokens == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (g_str_equal (warta_account_get_platform (s->account), "facebook"))
    warta_meta_list_pages_async (warta_context_get_http_client (s->context),
                                 warta_account_get_base_url (s->account), tokens->access_token,
                                 g_task_get_cancellable (task), pages_cb, task);
  else
    {
      /* Instagram: who signed in, by IG user id and username (§2.1). */
      s->tokens = g_steal_pointer (&tokens);
      warta_meta_instagram_user_async (warta_context_get_http_client (s->context),
                                       warta_account_get_base_url (s->account),
                                       s->tokens->access_token, g_task_get_cancellable (task),
                                       instagram_user_cb, task);
    }
}

/* The instance's limits (§6.4), kept in the account's settings for the
 * publish check; the publisher asks again on each post with photos. An
 * instance that does not say (no v2) or does not answer now keeps what
 * was known: no reason to refuse the sign-in. */
static void
limits_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  WartaMastodonLimits limits = { 0 };
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }
  if (!warta_mastodon_get_limits_finish (WARTA_MASTODON (object), result, &limits, &error))
    g_debug ("%s did not say its limits: %s", warta_account_get_base_url (s->account),
             error->message);
  else
    s->limits = limits;
  tokens_done (task, s->tokens);
}

/* Who signed in to X, Mastodon or YouTube, now known: on as the others. */
static void
identified_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  g_autofree char *name = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *user_id = NULL;
  g_autofree char *long_uploads = NULL;
  GError *error = NULL;

  if (WARTA_IS_X (object))
    user_id = warta_x_get_me_finish (WARTA_X (object), result, &name, &error);
  else if (WARTA_IS_YOUTUBE (object))
    user_id = warta_youtube_get_channel_finish (WARTA_YOUTUBE (object), result, &name, &handle,
                                                &long_uploads, &error);
  else
    user_id = warta_mastodon_verify_credentials_finish (WARTA_MASTODON (object), result, &name,
                                                        &error);
  if (user_id == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  /* Who signed in is the tokens' user, as Instagram's /me says it. */
  g_free (s->tokens->user_id);
  s->tokens->user_id = g_steal_pointer (&user_id);
  g_free (s->name);
  /* A channel is named by its handle, as YouTube shows it (unique, where
   * two titles may be alike); one without a handle by its title. Whether
   * it may upload videos longer than 15 minutes is for the publish check. */
  if (WARTA_IS_YOUTUBE (object))
    {
      s->name = g_strdup (handle ? handle : name);
      s->long_uploads = g_steal_pointer (&long_uploads);
    }
  /* A Mastodon account is named as others on the fediverse write it. */
  else if (WARTA_IS_MASTODON (object) && strchr (name, '@') == NULL)
    {
      g_autofree char *host = host_of (warta_account_get_base_url (s->account));

      s->name = g_strconcat ("@", name, "@", host, NULL);
    }
  else
    s->name = g_strconcat ("@", name, NULL);
  if (WARTA_IS_MASTODON (object))
    {
      warta_mastodon_get_limits_async (WARTA_MASTODON (object), g_task_get_cancellable (task),
                                       limits_cb, task);
      return;
    }
  tokens_done (task, s->tokens);
}

/* X, Mastodon and YouTube: who signed in, asked of the platform (§3,
 * §6.1; YouTube's channels.list), to name the account and to know it when
 * it is added again. */
static void
identify (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  WartaHttpClient *client = warta_context_get_http_client (s->context);
  const char *platform = warta_account_get_platform (s->account);
  const char *url = warta_account_get_base_url (s->account);
  const char *token = s->tokens->access_token;

  if (g_str_equal (platform, "x"))
    {
      g_autoptr(WartaX) x = warta_x_new (client, url, token);

      warta_x_get_me_async (x, g_task_get_cancellable (task), identified_cb, task);
    }
  else if (g_str_equal (platform, "youtube"))
    {
      g_autoptr(WartaYouTube) youtube = warta_youtube_new (client, url, token);

      warta_youtube_get_channel_async (youtube, g_task_get_cancellable (task), identified_cb,
                                       task);
    }
  else
    {
      g_autoptr(WartaMastodon) mastodon = warta_mastodon_new (client, url, token);

      warta_mastodon_verify_credentials_async (mastodon, g_task_get_cancellable (task),
                                               identified_cb, task);
    }
}

static void
login_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  const char *platform = warta_account_get_platform (s->account);
  g_autoptr(WartaOAuthTokens) tokens = NULL;
  g_autofree char *url = NULL;
  GError *error = NULL;

  tokens = warta_oauth_login_wait_finish (WARTA_OAUTH_LOGIN (object), result, &error);
  if (tokens == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (g_str_equal (platform, "x") || g_str_equal (platform, "mastodon") ||
      g_str_equal (platform, "youtube"))
    {
      s->tokens = g_steal_pointer (&tokens);
      identify (task);
      return;
    }
  if (!g_str_equal (platform, "facebook") && !g_str_equal (platform, "instagram"))
    {
      tokens_done (task, tokens);
      return;
    }
  /* Meta's short-lived token for the long-lived one (§1.1, §2.2). */
  url = g_str_equal (platform, "facebook")
        ? g_strdup (s->token_url)
        : warta_http_build_url (warta_account_get_base_url (s->account), "/access_token");
  warta_meta_exchange_async (warta_context_get_http_client (s->context), platform, url,
                             s->client_id, s->client_secret, tokens,
                             g_task_get_cancellable (task), exchanged_cb, task);
}

static void
on_waiting_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        GCancellable     *cancellable)
{
  if (g_strcmp0 (response, "cancel") == 0)
    g_cancellable_cancel (cancellable);
}

static void ask (GTask *task);

/* What stopped a sign-in, and what to do. */
static char *
sign_in_error_message (const GError *error)
{
  /* A publishing error would say "Warta will try again"; a sign-in is
   * not tried again by itself. */
  if (warta_publish_error_is_retryable (error))
    return g_strdup_printf (_("Nothing was saved: the site could not be reached, or did not answer properly (%s). Check the address and the internet connection, then try again."),
                            warta_publish_error_get_platform_message (error)
                            ? warta_publish_error_get_platform_message (error)
                            : error->message);
  return g_strdup (error->message);
}

/* The form once more, as it was sent, saying what stopped it: nothing
 * typed is lost to a refusal. */
static void
ask_again (GTask      *task,
           const char *problem)
{
  SignIn *s = g_task_get_task_data (task);

  close_waiting (s);
  g_free (s->problem);
  s->problem = g_strdup (problem);
  ask (task);
}

/* Says what Warta waits for, with a Cancel that stops the sign-in. */
static void
show_waiting (GTask      *task,
              const char *heading,
              const char *body)
{
  SignIn *s = g_task_get_task_data (task);

  close_waiting (s);
  s->waiting = ADW_MESSAGE_DIALOG (warta_message_dialog_new (s->parent, heading, body));
  g_object_ref_sink (s->waiting);
  adw_message_dialog_add_response (s->waiting, "cancel", _("_Cancel"));
  /* Escape cancels too, rather than hiding a wait that goes on. */
  adw_message_dialog_set_close_response (s->waiting, "cancel");
  g_signal_connect_object (s->waiting, "response", G_CALLBACK (on_waiting_response_cb),
                           g_task_get_cancellable (task), 0);
  present_dialog (s->waiting);
}

static void
open_browser (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  const char *uri = warta_oauth_login_get_authorize_uri (s->login);
  g_autofree char *body = NULL;

  body = g_strdup_printf (_("Sign in to %s in the browser window that opened, and allow Warta to publish. Warta waits for the browser to come back."),
                          warta_platform_get_display_name (warta_account_get_platform (s->account)));
  show_waiting (task, _("Continue in the Browser"), body);

  if (uri_opener)
    uri_opener (uri);
  else
    gtk_show_uri (s->parent, uri, GDK_CURRENT_TIME);

  warta_oauth_login_wait_async (s->login, g_task_get_cancellable (task), login_done_cb, task);
}

static void
registered_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  g_autofree char *client_id = NULL;
  g_autofree char *client_secret = NULL;
  GError *error = NULL;

  client_id = warta_mastodon_register_app_finish (result, &client_secret, &error);
  /* An instance that cannot be reached, or is none: the form again, its
   * address kept, saying so. */
  if (client_id == NULL && s->adding &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_autofree char *problem = sign_in_error_message (error);

      g_error_free (error);
      ask_again (task, problem);
      return;
    }
  if (client_id == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  warta_account_set_setting (s->account, "client-id", client_id);
  warta_account_set_setting (s->account, "redirect-uri",
                             warta_oauth_login_get_redirect_uri (s->login));
  s->app_secret = g_strdup (client_secret);
  warta_oauth_login_set_client (s->login, client_id, client_secret);
  open_browser (task);
}

static void
register_app (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  g_autofree char *host = host_of (warta_account_get_base_url (s->account));
  g_autofree char *body = g_strdup_printf (_("Warta registers itself with %s before you sign in in the browser."),
                                           host);

  /* An instance slow to answer is asked again for a while: say what
   * Warta waits for. */
  show_waiting (task, _("Connecting to the Instance"), body);
  warta_mastodon_register_app_async (warta_context_get_http_client (s->context),
                                     warta_account_get_base_url (s->account),
                                     warta_oauth_login_get_redirect_uri (s->login),
                                     MASTODON_SCOPES, g_task_get_cancellable (task),
                                     registered_cb, task);
}

static guint
port_of (const char *uri)
{
  g_autoptr(GUri) parsed = uri ? g_uri_parse (uri, G_URI_FLAGS_NONE, NULL) : NULL;

  return parsed && g_uri_get_port (parsed) > 0 ? (guint) g_uri_get_port (parsed) : 0;
}

static void
app_secret_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  g_autofree char *secret = NULL;
  g_autoptr(GError) lookup_error = NULL;
  GError *error = NULL;

  secret = warta_account_store_lookup_secret_finish (WARTA_ACCOUNT_STORE (object), result,
                                                     &lookup_error);
  if (lookup_error)
    g_debug ("The Mastodon app's secret cannot be read: %s", lookup_error->message);
  /* The app is registered for one redirect URI: the same port, if free. */
  if (!warta_oauth_login_start_on_port (s->login, secret ? port_of (s->app_redirect) : 0, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
    }
  else if (secret && g_strcmp0 (s->app_redirect, warta_oauth_login_get_redirect_uri (s->login)) == 0)
    {
      warta_account_set_setting (s->account, "client-id", s->app_id);
      warta_account_set_setting (s->account, "redirect-uri", s->app_redirect);
      warta_oauth_login_set_client (s->login, s->app_id, secret);
      open_browser (task);
    }
  else
    register_app (task);
  warta_secret_clear (&secret);
}

/* The app of another account on the same instance, for a new account. */
static void
find_instance_app (SignIn *s)
{
  GListModel *accounts = warta_account_store_get_accounts (warta_context_get_account_store (s->context));

  for (guint i = 0; s->app_id == NULL && i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) other = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (warta_account_get_platform (other), "mastodon") != 0 ||
          !warta_oauth_same_origin (warta_account_get_base_url (other),
                                    warta_account_get_base_url (s->account)))
        continue;
      s->app_id = warta_account_dup_setting (other, "client-id");
      if (s->app_id)
        s->app_redirect = warta_account_dup_setting (other, "redirect-uri");
    }
}

/* Mastodon: the app Warta registered on the instance before (for this
 * account, or another one there), when Warta still has its secret and its
 * redirect port is free; else a new one. */
static void
start_mastodon (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  g_autoptr(WartaAccount) app = NULL;
  GError *error = NULL;

  g_free (s->app_id);
  g_free (s->app_redirect);
  s->app_id = warta_account_dup_setting (s->account, "client-id");
  s->app_redirect = warta_account_dup_setting (s->account, "redirect-uri");
  if (s->app_id == NULL && s->adding)
    find_instance_app (s);
  if (s->app_id == NULL)
    {
      if (!warta_oauth_login_start (s->login, &error))
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
      register_app (task);
      return;
    }
  app = mastodon_app (s->account, s->app_id);
  warta_account_store_lookup_secret_async (warta_context_get_account_store (s->context), app,
                                           g_task_get_cancellable (task), app_secret_cb, task);
}

/* No developer app entered for @platform: what to do. */
static char *
no_app_message (const char *platform)
{
  const char *name = warta_platform_get_display_name (platform);

  /* X's public clients have no secret. */
  if (g_strcmp0 (platform, "x") != 0)
    return g_strdup_printf (_("No developer app is entered for %s. Warta ships none: register one with %s and enter its id and secret under Developer Apps in Accounts. Until then, publish to %s by hand and record the proof."),
                            name, name, name);
  return g_strdup_printf (_("No developer app is entered for %s. Warta ships none: register one with %s and enter its id under Developer Apps in Accounts. Until then, publish to %s by hand and record the proof."),
                          name, name, name);
}

/* The developer app's secret has been read from the keyring: on to the
 * browser. */
static void
client_secret_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  SignIn *s = g_task_get_task_data (task);
  const char *platform = warta_account_get_platform (s->account);
  const WartaOAuthPlatform *info = warta_oauth_platforms_lookup (platform);
  WartaHttpClient *client = warta_context_get_http_client (s->context);
  g_autofree char *authorize = warta_account_dup_setting (s->account, "authorize-url");
  GError *error = NULL;

  s->client_secret = warta_context_lookup_client_secret_finish (WARTA_CONTEXT (object), result,
                                                               &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  /* Without its secret the platform refuses the sign-in only once the
   * user has been through the browser; X's public clients have none. */
  if (info->needs_secret && g_strcmp0 (platform, "x") != 0 &&
      (s->client_secret == NULL || *s->client_secret == '\0'))
    {
      const char *name = warta_platform_get_display_name (platform);

      g_task_return_new_error (task, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                               /* Translators: a Developer Apps row, then a platform twice */
                               _("No “%s” is entered. Enter it under Developer Apps in Accounts, as %s’s developer site shows it, then try again. Until then, publish to %s by hand and record the proof."),
                               _(words_of (platform)->app_secret), name, name);
      g_object_unref (task);
      return;
    }
  s->login = warta_oauth_login_new (client, authorize ? authorize : info->authorize_url,
                                    s->token_url, s->client_id, s->client_secret, info->scope);
  warta_oauth_login_set_platform (s->login, platform);
  if (!warta_oauth_login_start (s->login, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  open_browser (task);
}

/* Signs in in the browser: @task's data has the account. */
static void
start_oauth (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  const char *platform = warta_account_get_platform (s->account);
  const WartaOAuthPlatform *info = warta_oauth_platforms_lookup (platform);
  WartaHttpClient *client = warta_context_get_http_client (s->context);
  g_autofree char *authorize = warta_account_dup_setting (s->account, "authorize-url");
  g_autofree char *token = warta_account_dup_setting (s->account, "token-url");
  g_autofree char *client_id = NULL;

  if (g_strcmp0 (platform, "mastodon") == 0)
    {
      const char *instance = warta_account_get_base_url (s->account);

      if (authorize == NULL)
        authorize = g_strconcat (instance, "/oauth/authorize", NULL);
      if (token == NULL)
        token = g_strconcat (instance, "/oauth/token", NULL);
      g_clear_object (&s->login);
      s->login = warta_oauth_login_new (client, authorize, token, "-", NULL, MASTODON_SCOPES);
      warta_oauth_login_set_platform (s->login, platform);
      start_mastodon (task);
      return;
    }

  g_assert (info != NULL);
  if (!warta_context_get_oauth_client (s->context, platform, &client_id))
    {
      g_autofree char *message = no_app_message (platform);

      g_task_return_error (task, g_error_new_literal (WARTA_PUBLISH_ERROR,
                                                      WARTA_PUBLISH_ERROR_NOT_CONFIGURED, message));
      g_object_unref (task);
      return;
    }
  s->token_url = g_strdup (token ? token : info->token_url);
  s->client_id = g_steal_pointer (&client_id);
  warta_context_lookup_client_secret_async (s->context, platform, g_task_get_cancellable (task),
                                            client_secret_cb, task);
}

static void
wordpress_checked_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  g_autofree char *name = NULL;
  g_autofree char *problem = NULL;
  GError *error = NULL;

  name = warta_wordpress_check_user_finish (WARTA_WORDPRESS (object), result, &error);
  if (name == NULL && g_task_return_error_if_cancelled (task))
    {
      g_error_free (error);
      g_object_unref (task);
      return;
    }
  if (name == NULL)
    {
      /* The publishing message would send the user to a sign-in again. */
      SignIn *s = g_task_get_task_data (task);

      /* The password is the likelier mistake; an address that led
       * nowhere is the first field. */
      if (g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_AUTH_EXPIRED))
        {
          problem = g_strdup (_("The website did not accept the user name or the application password. Check both: the application password is the one made under Users → Profile → Application Passwords, not the user’s own password."));
          s->at_fault = s->adding ? 2 : 0;
        }
      else
        {
          problem = sign_in_error_message (error);
          s->at_fault = 0;
        }
      g_error_free (error);
      ask_again (task, problem);
      return;
    }
  store_secret (task);
}

/* The site is asked before anything is kept: a wrong address, password
 * or role is said now, not at the first publication. It may take a while
 * when the site does not answer, which the wait says. */
static void
check_wordpress (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  g_autofree char *user = warta_account_dup_setting (s->account, "user");
  g_autofree char *host = host_of (warta_account_get_base_url (s->account));
  g_autofree char *body = NULL;
  g_autoptr(WartaWordPress) wp = warta_wordpress_new (warta_context_get_http_client (s->context),
                                                      warta_account_get_base_url (s->account),
                                                      user, s->secret);

  body = g_strdup_printf (_("Warta asks %s whether the user name and the application password are right. Nothing is kept before it answers."),
                          host);
  show_waiting (task, _("Checking the Website"), body);
  warta_wordpress_check_user_async (wp, g_task_get_cancellable (task), wordpress_checked_cb, task);
}

static void
on_form_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     GTask            *task)
{
  SignIn *s = g_task_get_task_data (task);
  const char *platform = warta_account_get_platform (s->account);

  if (g_strcmp0 (response, "ok") != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      g_object_unref (task);
      return;
    }

  for (guint i = 0; s->typed != NULL && s->typed[i] != NULL; i++)
    warta_secret_clear (&s->typed[i]);
  g_free (s->typed);
  s->typed = g_new0 (char *, s->entries->len + 1);
  for (guint i = 0; i < s->entries->len; i++)
    s->typed[i] = g_strdup (entry_text (s, i));

  if (g_strcmp0 (platform, "wordpress") == 0)
    {
      if (s->adding)
        {
          g_autofree char *url = trim_url (entry_text (s, 0));
          g_autofree char *host = host_of (url);
          g_autofree char *user = g_strstrip (g_strdup (entry_text (s, 1)));

          if (!is_web_address (url) || *user == '\0')
            {
              ask_again (task, _("Write the website’s address (for example https://inspektorat.example.go.id) and the WordPress user name."));
              return;
            }
          warta_account_set_display_name (s->account, host);
          warta_account_set_base_url (s->account, url);
          warta_account_set_setting (s->account, "user", user);
        }
      warta_secret_clear (&s->secret);
      s->secret = g_strstrip (g_strdup (entry_text (s, s->adding ? 2 : 0)));
      if (*s->secret == '\0')
        {
          ask_again (task, _("Write the application password made under Users → Profile → Application Passwords in WordPress."));
          return;
        }
      check_wordpress (task);
      return;
    }

  if (g_strcmp0 (platform, "mastodon") == 0)
    {
      g_autofree char *url = trim_url (entry_text (s, 0));
      g_autofree char *host = host_of (url);

      if (!is_web_address (url))
        {
          ask_again (task, _("Write the instance’s address, for example https://mastodon.social."));
          return;
        }
      warta_account_set_display_name (s->account, host);
      warta_account_set_base_url (s->account, url);
    }
  start_oauth (task);
}

/* libadwaita 1.2 leaves the show-text button of a password row unnamed. */
static void
name_peek_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Show the text"), -1);
      name_peek_button (child);
    }
}

/* The form's text: what it is for, then, in bold, what stops it. */
static void
set_form_problem (SignIn     *s,
                  const char *problem)
{
  g_autofree char *body = g_markup_escape_text (s->body ? s->body : "", -1);
  g_autofree char *markup = NULL;

  if (s->form == NULL)
    return;
  if (problem != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (problem, -1);

      markup = g_strdup_printf ("%s\n\n<b>%s</b>", body, escaped);
    }
  adw_message_dialog_set_body_use_markup (s->form, TRUE);
  adw_message_dialog_set_body (s->form, markup ? markup : body);
}

/* The address without its scheme, to compare. */
static const char *
after_scheme (const char *url)
{
  const char *rest = url ? strstr (url, "://") : NULL;

  return rest ? rest + 3 : url;
}

/* An account of the website at @url for @user exists already: what to
 * say, NULL when none does. */
static char *
same_website (SignIn     *s,
              const char *url,
              const char *user)
{
  GListModel *accounts = warta_account_store_get_accounts (warta_context_get_account_store (s->context));

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (accounts, i);
      g_autofree char *known = warta_account_dup_setting (account, "user");

      if (g_strcmp0 (warta_account_get_platform (account), "wordpress") == 0 &&
          g_ascii_strcasecmp (after_scheme (warta_account_get_base_url (account)),
                              after_scheme (url)) == 0 &&
          g_strcmp0 (known, user) == 0)
        return g_strdup_printf (_("“%s” is one of the accounts already, with the user “%s”. If its application password changed, remove the account and add it again."),
                                warta_account_get_display_name (account), user);
    }
  return NULL;
}

/* The form's button works once what it needs is written: a dialog's
 * answer closes it, and a refusal afterwards would lose what was typed.
 * An address that is written but is not one is marked, and the form says
 * why; so does a website that is among the accounts already. */
static void
check_form (SignIn *s)
{
  const char *platform = warta_account_get_platform (s->account);
  gboolean wordpress = g_strcmp0 (platform, "wordpress") == 0;
  gboolean addressed = s->adding && (wordpress || g_strcmp0 (platform, "mastodon") == 0);
  g_autofree char *problem = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < s->entries->len; i++)
    {
      GtkWidget *row = s->entries->pdata[i];
      g_autofree char *text = g_strstrip (g_strdup (entry_text (s, i)));
      g_autofree char *url = trim_url (text);
      gboolean wrong = i == 0 && addressed && *text != '\0' && !is_web_address (url);
      gboolean plain = i == 0 && addressed && !wrong && *text != '\0' && !is_encrypted (url);

      if (wrong)
        problem = g_strdup_printf (wordpress
                                   ? _("“%s” is not a web address. Write the website’s address as the browser shows it, for example https://inspektorat.example.go.id.")
                                   : _("“%s” is not a web address. Write the instance’s address as the browser shows it, for example https://mastodon.social."),
                                   text);
      else if (plain)
        problem = g_strdup (_("The address begins with http://, so the sign-in would cross the network unencrypted. Write the address with https://."));
      wrong = wrong || plain;
      if (wrong)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
      ok = ok && *text != '\0' && !wrong;
    }
  if (ok && wordpress && s->adding)
    {
      g_autofree char *url = trim_url (entry_text (s, 0));
      g_autofree char *user = g_strstrip (g_strdup (entry_text (s, 1)));

      problem = same_website (s, url, user);
      ok = problem == NULL;
    }
  if (s->form != NULL)
    adw_message_dialog_set_response_enabled (s->form, "ok", ok);
  if (s->entries->len > 0)
    set_form_problem (s, problem ? problem : s->problem);
}

static GtkWidget *
add_entry (SignIn     *s,
           GtkListBox *list,
           const char *title,
           gboolean    password)
{
  GtkWidget *row = password ? adw_password_entry_row_new () : adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  if (password)
    name_peek_button (row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (check_form), s);
  gtk_list_box_append (list, row);
  g_ptr_array_add (s->entries, row);
  return row;
}

static void
ask (GTask *task)
{
  SignIn *s = g_task_get_task_data (task);
  const char *platform = warta_account_get_platform (s->account);
  gboolean wordpress = g_strcmp0 (platform, "wordpress") == 0;
  g_autofree char *heading = NULL;
  g_autofree char *no_app = NULL;
  const char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *list;

  /* Asked again: the rows are new ones. */
  g_clear_pointer (&s->entries, g_ptr_array_unref);
  s->entries = g_ptr_array_new ();
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  if (wordpress)
    {
      if (s->adding)
        {
          add_entry (s, GTK_LIST_BOX (list), _("Website address"), FALSE);
          add_entry (s, GTK_LIST_BOX (list), _("User name"), FALSE);
        }
      add_entry (s, GTK_LIST_BOX (list), _("Application password"), TRUE);
      body = _("Make an application password for Warta in WordPress, under Users → Profile → Application Passwords. It is kept in the system keyring.");
    }
  else if (g_strcmp0 (platform, "mastodon") == 0)
    {
      if (!s->adding)
        {
          g_object_unref (g_object_ref_sink (list));
          start_oauth (task);
          return;
        }
      add_entry (s, GTK_LIST_BOX (list), _("Instance address"), FALSE);
      body = _("Warta registers itself with the instance, then you sign in in the browser.");
    }
  else
    {
      if (!s->adding)
        {
          g_object_unref (g_object_ref_sink (list));
          start_oauth (task);
          return;
        }
      body = g_strcmp0 (platform, "facebook") == 0
             ? _("You sign in in the browser with the office’s developer app, then choose the Page.")
             : _("You sign in in the browser with the office’s developer app.");
      /* Said before the browser, not after. */
      if (!warta_context_get_oauth_client (s->context, platform, NULL))
        body = no_app = no_app_message (platform);
    }

  /* Translators: %s is what is added, "Facebook Page", "Website (WordPress)" … */
  heading = g_strdup_printf (s->adding ? _("Add %s") : _("Sign In Again to %s"),
                             s->adding ? _(words_of (platform)->noun)
                                       : warta_account_get_display_name (s->account));
  g_free (s->body);
  s->body = g_strdup (body);
  for (guint i = 0; s->typed != NULL && s->typed[i] != NULL && i < s->entries->len; i++)
    gtk_editable_set_text (GTK_EDITABLE (s->entries->pdata[i]), s->typed[i]);
  dialog = ADW_MESSAGE_DIALOG (warta_message_dialog_new (s->parent, heading, body));
  if (s->entries->len > 0)
    adw_message_dialog_set_extra_child (dialog, list);
  else
    g_object_unref (g_object_ref_sink (list));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "ok", s->adding && wordpress ? _("_Add") : _("_Sign In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_form_response_cb), task);
  g_set_weak_pointer (&s->form, dialog);
  if (no_app != NULL)
    adw_message_dialog_set_response_enabled (dialog, "ok", FALSE);
  else
    check_form (s);
  present_dialog (dialog);
  /* Shown again: at the field to change, its text selected. */
  if (s->problem != NULL && s->at_fault < s->entries->len)
    {
      GtkWidget *entry = s->entries->pdata[s->at_fault];

      gtk_widget_grab_focus (entry);
      gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
    }
}

static void
cancel_inner (GCancellable *outer,
              GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

static GTask *
sign_in_task (GtkWindow           *parent,
              WartaContext        *context,
              WartaAccount        *account,
              gboolean             adding,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  SignIn *s = g_new0 (SignIn, 1);
  GTask *task;

  /* Cancelling a wait cancels this sign-in, not the page's cancellable,
   * which every later one would find cancelled. */
  s->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      s->outer = g_object_ref (cancellable);
      s->outer_id = g_cancellable_connect (cancellable, G_CALLBACK (cancel_inner),
                                           g_object_ref (s->cancellable), g_object_unref);
    }
  task = g_task_new (NULL, s->cancellable, callback, user_data);
  g_task_set_source_tag (task, warta_accounts_page_sign_in_again_async);
  s->parent = parent ? g_object_ref (parent) : NULL;
  s->context = g_object_ref (context);
  s->account = g_object_ref (account);
  s->adding = adding;
  g_task_set_task_data (task, s, (GDestroyNotify) sign_in_free);
  return task;
}

void
warta_accounts_page_sign_in_again_async (GtkWindow           *parent,
                                         WartaContext        *context,
                                         gint64               account_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  WartaAccountRepository *repository;
  g_autoptr(WartaAccount) account = NULL;
  GError *error = NULL;

  g_return_if_fail (WARTA_IS_CONTEXT (context));

  repository = warta_account_store_get_repository (warta_context_get_account_store (context));
  /* Signing in again is the social media admin's (or an administrator's),
   * wherever it is asked for. */
  if (warta_account_repository_check_manager (repository, warta_context_get_current_user (context),
                                              &error))
    account = warta_account_repository_get (repository, account_id, &error);
  if (account == NULL)
    {
      g_task_report_error (NULL, callback, user_data, warta_accounts_page_sign_in_again_async, error);
      return;
    }
  ask (sign_in_task (parent, context, account, FALSE, cancellable, callback, user_data));
}

gboolean
warta_accounts_page_sign_in_again_finish (GAsyncResult  *result,
                                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- the page ---------------------------------------------------------------------------------- */

static void
page_sign_in_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(WartaAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      g_autofree char *body = sign_in_error_message (error);

      show_message (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                    _("Account Not Signed In"), body);
    }
  warta_accounts_page_reload (self);
}

static GtkWindow *
page_window (WartaAccountsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  WartaAccountsPage *self = WARTA_ACCOUNTS_PAGE (widget);
  g_autoptr(WartaAccount) account = warta_account_new ();
  const char *platform = g_variant_get_string (parameter, NULL);
  const WartaOAuthPlatform *info = warta_oauth_platforms_lookup (platform);
  GStrv urls;

  if (self->context == NULL)
    return;
  save_typed_secrets (self);
  warta_account_set_platform (account, platform);
  warta_account_set_display_name (account, warta_platform_get_display_name (platform));
  if (info != NULL)
    warta_account_set_base_url (account, info->api_url);
  urls = platform_urls ? g_hash_table_lookup (platform_urls, platform) : NULL;
  if (urls != NULL)
    {
      warta_account_set_setting (account, "authorize-url", urls[0]);
      warta_account_set_setting (account, "token-url", urls[1]);
      warta_account_set_base_url (account, urls[2]);
    }
  ask (sign_in_task (page_window (self), self->context, account, TRUE, self->cancellable,
                     page_sign_in_done_cb, g_object_ref (self)));
}

static void
on_sign_in_clicked_cb (GtkButton         *button,
                       WartaAccountsPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "warta-account-id"));

  save_typed_secrets (self);
  warta_accounts_page_sign_in_again_async (page_window (self), self->context, id, self->cancellable,
                                           page_sign_in_done_cb, g_object_ref (self));
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WartaAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!warta_account_store_remove_finish (WARTA_ACCOUNT_STORE (object), result, &error))
    show_message (page_window (self), _("Account Not Removed"), error->message);
  warta_accounts_page_reload (self);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       WartaAccountsPage *self)
{
  WartaAccount *account = g_object_get_data (G_OBJECT (dialog), "warta-account");

  if (g_strcmp0 (response, "remove") == 0 && self->context != NULL)
    warta_account_store_remove_async (warta_context_get_account_store (self->context),
                                      warta_context_get_current_user (self->context), account,
                                      self->cancellable, removed_cb, g_object_ref (self));
}

/* The posts still to be published to account @id: waiting their turn
 * or stopped for its sign-in. */
static guint
count_waiting (WartaAccountsPage *self,
               gint64             id)
{
  WartaOutboxRepository *outbox;
  g_autoptr(GListModel) unfinished = NULL;
  g_autoptr(GListModel) stopped = NULL;
  guint n = 0;

  if (self->context == NULL)
    return 0;
  outbox = warta_outbox_get_repository (warta_context_get_outbox (self->context));
  unfinished = warta_outbox_repository_list_unfinished (outbox, NULL);
  for (guint i = 0; unfinished && i < g_list_model_get_n_items (unfinished); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (unfinished, i);

      if (warta_outbox_job_get_account_id (job) == id)
        n++;
    }
  stopped = warta_outbox_repository_list_needing_sign_in (outbox, id, NULL);
  return n + (stopped ? g_list_model_get_n_items (stopped) : 0);
}

static void
on_remove_clicked_cb (GtkButton         *button,
                      WartaAccountsPage *self)
{
  WartaAccount *account = g_object_get_data (G_OBJECT (button), "warta-account");
  guint n_waiting = count_waiting (self, warta_account_get_id (account));
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is an account's name */
  heading = g_strdup_printf (_("Remove “%s”?"), warta_account_get_display_name (account));
  body = g_strdup (_("Its sign-in is removed from the keyring. What was published stays published, and the records keep naming the account."));
  if (n_waiting > 0)
    {
      g_autofree char *waiting =
        /* Translators: %u is a number of posts */
        g_strdup_printf (ngettext ("%u post still waits to be published to this account, and would stop: a removed account cannot sign in again. Keep the account until it is published, or publish it there by hand and record the proof.",
                                   "%u posts still wait to be published to this account, and would stop: a removed account cannot sign in again. Keep the account until they are published, or publish them there by hand and record the proof.",
                                   n_waiting),
                         n_waiting);
      g_autofree char *both = g_strconcat (body, "\n\n", waiting, NULL);

      g_free (body);
      body = g_steal_pointer (&both);
    }
  dialog = ADW_MESSAGE_DIALOG (warta_message_dialog_new (page_window (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "warta-account", g_object_ref (account), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
  present_dialog (dialog);
}

void
warta_accounts_page_reload (WartaAccountsPage *self)
{
  WartaAccountStore *store;
  g_autoptr(GListModel) stopped = NULL;
  g_autoptr(GHashTable) needs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  GListModel *accounts;
  GtkWidget *child;
  GtkRoot *root;
  GtkWidget *focus;
  int focus_index = -1;

  g_return_if_fail (WARTA_IS_ACCOUNTS_PAGE (self));

  /* A row goes with the focus on it or its buttons (Remove, Sign In
   * Again): the focus is kept at its place in the list. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = GTK_IS_WINDOW (root) ? gtk_window_get_focus (GTK_WINDOW (root)) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->accounts_list)))
    {
      GtkWidget *row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW);

      focus_index = row ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : 0;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list))))
    gtk_list_box_remove (self->accounts_list, child);
  g_hash_table_remove_all (self->rows);
  if (self->context == NULL)
    return;

  store = warta_context_get_account_store (self->context);
  if (!warta_account_store_reload (store, &error))
    g_warning ("The accounts cannot be read: %s", error->message);
  stopped = warta_outbox_repository_list_needing_sign_in (warta_outbox_get_repository (warta_context_get_outbox (self->context)),
                                                          0, NULL);
  for (guint i = 0; stopped && i < g_list_model_get_n_items (stopped); i++)
    {
      g_autoptr(WartaOutboxJob) job = g_list_model_get_item (stopped, i);
      gint64 id = warta_outbox_job_get_account_id (job);

      g_hash_table_add (needs, g_memdup2 (&id, sizeof id));
    }

  accounts = warta_account_store_get_accounts (store);
  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (accounts, i);
      gint64 id = warta_account_get_id (account);
      const char *name = warta_account_get_display_name (account);
      const char *platform = warta_account_get_platform (account);
      const char *platform_name = warta_platform_get_display_name (platform);
      g_autofree char *subtitle = NULL;
      g_autofree char *label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      /* Names and addresses are text, "&" and all. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      /* The address tells a website or an instance apart; the API host of
       * the others says nothing to the user. */
      if (g_strcmp0 (platform, "wordpress") == 0 || g_strcmp0 (platform, "mastodon") == 0)
        subtitle = g_strdup_printf ("%s · %s", platform_name, warta_account_get_base_url (account));
      else
        subtitle = g_strdup (platform_name);
      if (g_hash_table_contains (needs, &id))
        {
          g_autofree char *which = g_steal_pointer (&subtitle);

          subtitle = g_strdup_printf ("%s · %s", which, _("Sign in again"));
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_object_set_data (G_OBJECT (row), "warta-account-id", GSIZE_TO_POINTER ((gsize) id));

      label = g_strdup_printf (_("Sign in again to %s"), name);
      button = warta_button_new_with_mnemonic (_("_Sign In Again"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      label, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "suggested-action");
      gtk_widget_set_visible (button, g_hash_table_contains (needs, &id));
      gtk_widget_set_sensitive (button, self->editable);
      g_object_set_data (G_OBJECT (button), "warta-account-id", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_sign_in_clicked_cb), self);
      g_object_set_data (G_OBJECT (row), "warta-sign-in", button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      g_clear_pointer (&label, g_free);
      label = g_strdup_printf (_("Remove %s"), name);
      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (button, label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_sensitive (button, self->editable);
      g_object_set_data_full (G_OBJECT (button), "warta-account", g_object_ref (account), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
      g_object_set_data (G_OBJECT (row), "warta-remove", button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->accounts_list, row);
      g_hash_table_insert (self->rows, g_memdup2 (&id, sizeof id), row);
    }

  if (g_list_model_get_n_items (accounts) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No accounts yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   self->editable
                                   ? _("Add the office’s website and social media accounts with Add Account.")
                                   : _("The social media admin or an administrator adds the office’s website and social media accounts."));
      /* Words, not a control: no stop for Tab. */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_focusable (row, FALSE);
      gtk_list_box_append (self->accounts_list, row);
    }

  if (focus_index >= 0)
    {
      guint n = g_list_model_get_n_items (accounts);
      GtkListBoxRow *row = n > 0 ? gtk_list_box_get_row_at_index (self->accounts_list,
                                                                    MIN ((guint) focus_index, n - 1))
                                 : NULL;

      if (row == NULL || !gtk_widget_grab_focus (GTK_WIDGET (row)))
        gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
    }
}

/* -- the developer apps: ids in the settings, secrets in the keyring ------------------------ */

#define SECRET_KEY "keyring"
#define SAVE_DELAY_MS 600

static void
secret_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(WartaAccountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!warta_context_save_client_secret_finish (WARTA_CONTEXT (object), result, &error))
    {
      g_warning ("A developer app's secret was not saved: %s", error->message);
      if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        show_message (page_window (self), _("App Secret Not Saved"), error->message);
    }
}

/* Saves what the secret @entry holds now, if it was edited. */
static void
save_secret (WartaAccountsPage *self,
             GtkEditable       *entry)
{
  const char *platform = g_object_get_data (G_OBJECT (entry), "warta-platform");
  guint timeout = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "warta-save"));
  char *value;

  if (timeout == 0)
    return;
  g_source_remove (timeout);
  g_object_set_data (G_OBJECT (entry), "warta-save", NULL);
  /* Signed out or another user signed in meanwhile: theirs to refuse. */
  if (self->context == NULL || !self->editable)
    return;
  value = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  /* Not cancelled with the page: a secret typed is a secret kept. */
  warta_context_save_client_secret_async (self->context, platform, value, NULL, secret_saved_cb,
                                          g_object_ref (self));
  warta_secret_clear (&value);
}

static gboolean
save_secret_cb (gpointer data)
{
  GtkEditable *entry = data;
  WartaAccountsPage *self = g_object_get_data (G_OBJECT (entry), "warta-accounts-page");

  save_secret (self, entry);
  return G_SOURCE_REMOVE;
}

/* The secrets typed in the last moment are saved before a sign-in reads
 * them, or the page goes. */
static void
save_typed_secrets (WartaAccountsPage *self)
{
  for (guint i = 0; self->app_rows && i < self->app_rows->len; i++)
    save_secret (self, self->app_rows->pdata[i]);
}

static void
on_app_entry_changed_cb (GtkEditable       *entry,
                         WartaAccountsPage *self)
{
  const char *platform = g_object_get_data (G_OBJECT (entry), "warta-platform");
  const char *key = g_object_get_data (G_OBJECT (entry), "warta-key");
  g_autofree char *value = NULL;
  guint timeout;

  if (self->loading_apps || self->context == NULL)
    return;
  g_object_set_data (G_OBJECT (entry), "warta-edited", GINT_TO_POINTER (TRUE));
  if (g_strcmp0 (key, SECRET_KEY) != 0)
    {
      g_autoptr(GError) error = NULL;

      value = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
      if (!warta_context_set_oauth_client_id (self->context, platform, value, &error))
        show_message (page_window (self), _("App ID Not Saved"), error->message);
      return;
    }

  /* The keyring is written once typing pauses, not at each key. */
  timeout = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "warta-save"));
  if (timeout != 0)
    g_source_remove (timeout);
  timeout = g_timeout_add (SAVE_DELAY_MS, save_secret_cb, entry);
  g_object_set_data (G_OBJECT (entry), "warta-save", GUINT_TO_POINTER (timeout));
}

static void
secret_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GtkEditable) entry = user_data;
  WartaAccountsPage *self = g_object_get_data (G_OBJECT (entry), "warta-accounts-page");
  g_autoptr(GError) error = NULL;
  char *secret;

  secret = warta_context_lookup_client_secret_finish (WARTA_CONTEXT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_warning ("A developer app's secret cannot be read: %s", error->message);
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
    }
  /* What was typed meanwhile wins over what was kept. */
  else if (!g_object_get_data (G_OBJECT (entry), "warta-edited"))
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
      self->loading_apps = TRUE;
      gtk_editable_set_text (entry, secret ? secret : "");
      self->loading_apps = FALSE;
    }
  warta_secret_clear (&secret);
}

/* The secrets are read from the keyring when the page is first shown,
 * not at start-up: a locked keyring asks for its password only when
 * someone comes to look. */
static void
read_secrets (WartaAccountsPage *self)
{
  for (guint i = 0; self->context && i < self->app_rows->len; i++)
    {
      GtkEditable *entry = self->app_rows->pdata[i];
      const char *platform = g_object_get_data (G_OBJECT (entry), "warta-platform");

      if (!g_object_get_data (G_OBJECT (entry), "warta-unread"))
        continue;
      g_object_set_data (G_OBJECT (entry), "warta-unread", NULL);
      warta_context_lookup_client_secret_async (self->context, platform, self->cancellable,
                                                secret_found_cb, g_object_ref (entry));
    }
}

static void
load_apps (WartaAccountsPage *self)
{
  save_typed_secrets (self);
  self->loading_apps = TRUE;
  for (guint i = 0; i < self->app_rows->len; i++)
    {
      GtkEditable *entry = self->app_rows->pdata[i];
      const char *platform = g_object_get_data (G_OBJECT (entry), "warta-platform");
      const char *key = g_object_get_data (G_OBJECT (entry), "warta-key");
      g_autofree char *id = NULL;

      g_object_set_data (G_OBJECT (entry), "warta-edited", NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (entry), self->editable);
      if (g_strcmp0 (key, SECRET_KEY) != 0)
        {
          if (self->context)
            warta_context_get_oauth_client (self->context, platform, &id);
          gtk_editable_set_text (entry, id ? id : "");
        }
      else
        {
          gtk_editable_set_text (entry, "");
          /* Only those who may change a secret have it read. */
          g_object_set_data (G_OBJECT (entry), "warta-unread", GINT_TO_POINTER (self->editable));
        }
    }
  self->loading_apps = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    read_secrets (self);
}

static void
build_apps (WartaAccountsPage *self)
{
  for (guint i = 0; i < warta_oauth_platforms_get_n (); i++)
    {
      const WartaOAuthPlatform *info = warta_oauth_platforms_get (i);
      const PlatformWords *words = words_of (info->id);
      GtkWidget *row;

      row = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(words->app_id));
      g_object_set_data (G_OBJECT (row), "warta-platform", (gpointer) info->id);
      g_object_set_data (G_OBJECT (row), "warta-key", (gpointer) "oauth-client-ids");
      g_object_set_data (G_OBJECT (row), "warta-accounts-page", self);
      g_signal_connect (row, "changed", G_CALLBACK (on_app_entry_changed_cb), self);
      adw_preferences_group_add (self->apps_group, row);
      g_ptr_array_add (self->app_rows, row);

      if (info->needs_secret)
        {
          row = adw_password_entry_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(words->app_secret));
          name_peek_button (row);
          g_object_set_data (G_OBJECT (row), "warta-platform", (gpointer) info->id);
          g_object_set_data (G_OBJECT (row), "warta-key", (gpointer) SECRET_KEY);
          g_object_set_data (G_OBJECT (row), "warta-accounts-page", self);
          g_signal_connect (row, "changed", G_CALLBACK (on_app_entry_changed_cb), self);
          adw_preferences_group_add (self->apps_group, row);
          g_ptr_array_add (self->app_rows, row);
        }
    }
}

static void
warta_accounts_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (warta_accounts_page_parent_class)->map (widget);
  warta_accounts_page_reload (WARTA_ACCOUNTS_PAGE (widget));
  read_secrets (WARTA_ACCOUNTS_PAGE (widget));
}

static void
warta_accounts_page_dispose (GObject *object)
{
  WartaAccountsPage *self = WARTA_ACCOUNTS_PAGE (object);

  save_typed_secrets (self);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_ACCOUNTS_PAGE);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->app_rows, g_ptr_array_unref);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->accounts_description, g_free);

  G_OBJECT_CLASS (warta_accounts_page_parent_class)->dispose (object);
}

static void
warta_accounts_page_class_init (WartaAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = warta_accounts_page_dispose;
  widget_class->map = warta_accounts_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/warta-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaAccountsPage, accounts_group);
  gtk_widget_class_bind_template_child (widget_class, WartaAccountsPage, accounts_list);
  gtk_widget_class_bind_template_child (widget_class, WartaAccountsPage, apps_group);
  gtk_widget_class_bind_template_child (widget_class, WartaAccountsPage, add_button);

  gtk_widget_class_install_action (widget_class, "accounts.add", "s", add_action);
}

static void
warta_accounts_page_init (WartaAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Rows are items: one Tab stop, the arrows between rows (warta-list-focus.c). */
  warta_list_set_single_tab_stop (GTK_WIDGET (self->accounts_list));

  self->cancellable = g_cancellable_new ();
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->app_rows = g_ptr_array_new ();
  self->accounts_description = g_strdup (adw_preferences_group_get_description (self->accounts_group));
  build_apps (self);
  update_editable (self);
}

/* The accounts are the office's channels: only the social media admin
 * (who publishes, per the SOP) and an administrator change them. Anyone
 * else, and nobody before sign-in, sees them without the controls, and
 * why. The stores refuse such a change too. */
static void
update_editable (WartaAccountsPage *self)
{
  g_autofree char *description = NULL;

  self->editable = self->context != NULL && warta_context_can_manage_accounts (self->context);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.add", self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), self->editable);
  if (!self->editable)
    description = g_strconcat (self->accounts_description, "\n",
                               _("Only the social media admin or an administrator can add or remove accounts and change the developer apps."),
                               NULL);
  adw_preferences_group_set_description (self->accounts_group,
                                         description ? description : self->accounts_description);
  load_apps (self);
  warta_accounts_page_reload (self);
}

static void
on_context_current_user_cb (WartaAccountsPage *self)
{
  save_typed_secrets (self);
  update_editable (self);
}

GtkWidget *
warta_accounts_page_new (void)
{
  return g_object_new (WARTA_TYPE_ACCOUNTS_PAGE, NULL);
}

void
warta_accounts_page_set_context (WartaAccountsPage *self,
                                 WartaContext      *context)
{
  g_return_if_fail (WARTA_IS_ACCOUNTS_PAGE (self));
  g_return_if_fail (!context || WARTA_IS_CONTEXT (context));

  if (self->context == context)
    return;
  save_typed_secrets (self);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "notify::current-user",
                             G_CALLBACK (on_context_current_user_cb), self, G_CONNECT_SWAPPED);
  update_editable (self);
}

GtkWidget *
_warta_accounts_page_get_widget (WartaAccountsPage *self,
                                 gint64             account_id,
                                 const char        *name)
{
  GtkWidget *row = g_hash_table_lookup (self->rows, &account_id);

  if (g_strcmp0 (name, "accounts-group") == 0)
    return GTK_WIDGET (self->accounts_group);
  if (g_strcmp0 (name, "add") == 0)
    return GTK_WIDGET (self->add_button);
  if (g_strcmp0 (name, "apps-group") == 0)
    return GTK_WIDGET (self->apps_group);

  if (row == NULL || g_strcmp0 (name, "row") == 0)
    return row;
  if (g_strcmp0 (name, "remove") == 0)
    return g_object_get_data (G_OBJECT (row), "warta-remove");
  if (g_strcmp0 (name, "sign-in") == 0)
    return g_object_get_data (G_OBJECT (row), "warta-sign-in");
  return NULL;
}
