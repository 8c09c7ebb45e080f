/* warta-sign-in-page.c: the first administrator, and signing in
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A database without people asks for its first administrator; any other
 * asks who is at the desk. Whoever signs in becomes the context's current
 * user, under whom every action is recorded. The last user is remembered
 * in GSettings, with the database and the time, for the number of minutes
 * the "remember-sign-in-minutes" setting allows.
 */
#define G_LOG_DOMAIN "warta-sign-in-page"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-person-form.h"
#include "warta-sign-in-page.h"
#include "warta-user-repository.h"

struct _WartaSignInPage
{
  AdwBin                parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  AdwEntryRow          *login_row;
  AdwPasswordEntryRow  *password_row;
  GtkLabel             *sign_in_error_label;
  AdwEntryRow          *admin_login_row;
  AdwEntryRow          *admin_name_row;
  AdwPasswordEntryRow  *admin_password_row;
  AdwPasswordEntryRow  *admin_confirm_row;
  AdwPreferencesGroup  *roles_group;
  GtkLabel             *first_admin_error_label;
  GtkButton            *sign_in_button;
  GtkSpinner           *sign_in_spinner;
  GtkButton            *create_admin_button;
  GtkLabel             *read_only_label;

  /* Owned references */
  WartaContext         *context;
  GCancellable         *cancellable;

  gboolean              busy;
  gboolean              forgotten;   /* Switch User: someone else signs in */

  GtkCheckButton       *role_checks[WARTA_N_ROLES];
};

G_DEFINE_FINAL_TYPE (WartaSignInPage, warta_sign_in_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FIRST_RUN,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (GtkLabel     *label,
            const GError *error)
{
  gtk_label_set_label (label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), error != NULL);
}

static void
update_mode (WartaSignInPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean first_run = FALSE;
  const char *visible;

  if (self->context != NULL)
    first_run = warta_user_repository_needs_first_admin (warta_context_get_users (self->context),
                                                         &error);
  if (error != NULL)
    g_warning ("Cannot count the administrators: %s", error->message);

  visible = first_run ? "first-admin" : "sign-in";
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), visible) == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_RUN]);
}

static void
remember (WartaSignInPage *self,
          WartaUser       *user)
{
  GSettings *settings = warta_context_get_settings (self->context);
  WartaDatabase *database = warta_context_get_database (self->context);

  g_settings_delay (settings);
  g_settings_set_int64 (settings, "last-user-id", warta_user_get_id (user));
  g_settings_set_string (settings, "last-user-database", warta_database_get_path (database));
  g_settings_set_int64 (settings, "last-sign-in-time",
                        warta_clock_now (warta_context_get_clock (self->context)));
  g_settings_apply (settings);
}

static void
signed_in (WartaSignInPage *self,
           WartaUser       *user)
{
  remember (self, user);
  self->forgotten = FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->admin_password_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->admin_confirm_row), "");
  show_error (self->sign_in_error_label, NULL);
  show_error (self->first_admin_error_label, NULL);

  warta_context_set_current_user (self->context, user);
}

static gboolean
is_read_only (WartaSignInPage *self)
{
  return self->context != NULL &&
         warta_database_get_read_only (warta_context_get_database (self->context));
}

/* Signing in records the attempt, and the first administrator is a new
 * row: neither can be done in a file Warta may not change. Say so when
 * the file is opened, not after a password was typed. */
static void
update_read_only (WartaSignInPage *self)
{
  gboolean read_only = is_read_only (self);

  gtk_label_set_label (self->read_only_label,
                       read_only ? _("You may not change this database file, so you cannot sign in: Warta records every sign-in in it. Ask for write access to the file and its folder, or copy the file to a folder of yours and open the copy.")
                                 : "");
  gtk_widget_set_visible (GTK_WIDGET (self->read_only_label), read_only);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !read_only && !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_admin_button), !read_only);
}

static void
set_busy (WartaSignInPage *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_button), !busy && !is_read_only (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_spinner), busy);
  gtk_spinner_set_spinning (self->sign_in_spinner, busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->login_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
sign_in_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(WartaSignInPage) self = user_data;
  g_autoptr(WartaUser) user = NULL;
  g_autoptr(GError) error = NULL;

  user = warta_user_repository_sign_in_finish (WARTA_USER_REPOSITORY (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  /* The database was switched meanwhile: its users are other people. */
  if (self->context == NULL || warta_context_get_users (self->context) != WARTA_USER_REPOSITORY (object))
    return;

  if (user == NULL)
    {
      show_error (self->sign_in_error_label, error);
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  signed_in (self, user);
}

/* Argon2id runs in a worker (WartaUserRepository): the window keeps
 * drawing, the button shows a spinner and takes no second click. */
static void
on_sign_in_button_clicked_cb (WartaSignInPage *self)
{
  g_autofree char *login = NULL;

  g_assert (WARTA_IS_SIGN_IN_PAGE (self));

  if (self->context == NULL || self->busy || is_read_only (self))
    return;

  login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->login_row))));
  set_busy (self, TRUE);
  warta_user_repository_sign_in_async (warta_context_get_users (self->context), login,
                                       gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                       self->cancellable, sign_in_cb, g_object_ref (self));
}

static void
on_password_row_entry_activated_cb (WartaSignInPage *self)
{
  on_sign_in_button_clicked_cb (self);
}

static void
on_login_row_entry_activated_cb (WartaSignInPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
show_first_admin_error (WartaSignInPage *self,
                        const GError    *error)
{
  warta_person_form_show_error (GTK_WIDGET (self->first_admin_error_label), error,
                                GTK_WIDGET (self->admin_login_row),
                                GTK_WIDGET (self->admin_name_row),
                                GTK_WIDGET (self->admin_password_row));
}

static void
on_create_admin_button_clicked_cb (WartaSignInPage *self)
{
  g_autoptr(WartaUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *login = NULL;
  g_autofree char *name = NULL;
  const char *password;
  WartaRole roles = WARTA_ROLE_NONE;

  g_assert (WARTA_IS_SIGN_IN_PAGE (self));

  if (self->context == NULL || is_read_only (self))
    return;

  login = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->admin_login_row))));
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->admin_name_row))));
  password = gtk_editable_get_text (GTK_EDITABLE (self->admin_password_row));

  if (g_strcmp0 (password, gtk_editable_get_text (GTK_EDITABLE (self->admin_confirm_row))) != 0)
    {
      g_set_error_literal (&error, WARTA_USER_ERROR, WARTA_USER_ERROR_WEAK_PASSWORD,
                           _("The two passwords differ. Type the same password twice."));
      show_first_admin_error (self, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->admin_confirm_row));
      return;
    }

  for (guint i = 0; i < WARTA_N_ROLES; i++)
    if (gtk_check_button_get_active (self->role_checks[i]))
      roles |= warta_role_nth (i);

  user = warta_user_repository_create_first_admin (warta_context_get_users (self->context),
                                                   login, name, password, roles, &error);
  if (user == NULL)
    {
      show_first_admin_error (self, error);
      /* Another Warta made the first administrator meanwhile. */
      if (g_error_matches (error, WARTA_USER_ERROR, WARTA_USER_ERROR_HAS_ADMIN))
        update_mode (self);
      return;
    }

  signed_in (self, user);
  update_mode (self);
}

static void
on_admin_confirm_row_entry_activated_cb (WartaSignInPage *self)
{
  on_create_admin_button_clicked_cb (self);
}

static void
on_database_changed_cb (WartaSignInPage *self)
{
  update_mode (self);
}

static void
warta_sign_in_page_dispose (GObject *object)
{
  WartaSignInPage *self = WARTA_SIGN_IN_PAGE (object);

  /* The stack is both a template child and AdwBin's child: let AdwBin
   * drop it first, or both would unparent it. */
  g_cancellable_cancel (self->cancellable);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), WARTA_TYPE_SIGN_IN_PAGE);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (warta_sign_in_page_parent_class)->dispose (object);
}

static void
warta_sign_in_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WartaSignInPage *self = WARTA_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, warta_sign_in_page_get_context (self));
      break;

    case PROP_FIRST_RUN:
      g_value_set_boolean (value, warta_sign_in_page_get_first_run (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_sign_in_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  WartaSignInPage *self = WARTA_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      warta_sign_in_page_set_context (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Typing starts in the first empty field, so a user can sign in with the
 * keyboard alone as soon as the page appears. After Switch User it is
 * someone else: the login name, selected, so that typing replaces it
 * (a password typed under the last user's name would count against
 * them). */
static gboolean
warta_sign_in_page_grab_focus (GtkWidget *widget)
{
  WartaSignInPage *self = WARTA_SIGN_IN_PAGE (widget);
  gboolean first_run = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "first-admin") == 0;
  GtkWidget *login = GTK_WIDGET (first_run ? self->admin_login_row : self->login_row);

  if (gtk_editable_get_text (GTK_EDITABLE (login))[0] == '\0' || first_run || self->forgotten)
    {
      if (!gtk_widget_grab_focus (login))
        return FALSE;
      gtk_editable_select_region (GTK_EDITABLE (login), 0, -1);
      return TRUE;
    }
  return gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
warta_sign_in_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (warta_sign_in_page_parent_class)->map (widget);

  gtk_widget_grab_focus (widget);
}

static void
warta_sign_in_page_class_init (WartaSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->map = warta_sign_in_page_map;
  widget_class->grab_focus = warta_sign_in_page_grab_focus;

  object_class->dispose = warta_sign_in_page_dispose;
  object_class->get_property = warta_sign_in_page_get_property;
  object_class->set_property = warta_sign_in_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, WARTA_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WartaSignInPage:first-run:
   *
   * Whether the database has no administrator yet, so the page asks for
   * the first one instead of a sign-in.
   */
  properties[PROP_FIRST_RUN] =
    g_param_spec_boolean ("first-run", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * WartaSignInPage:busy:
   *
   * Whether a password is being checked.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/warta-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, admin_confirm_row);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, admin_login_row);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, admin_name_row);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, admin_password_row);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, create_admin_button);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, first_admin_error_label);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, login_row);
  /* Not needed here, but found by the tests. */
  gtk_widget_class_bind_template_child_full (widget_class, "open_shared_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "open_shared_label", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, roles_group);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, sign_in_error_label);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, sign_in_spinner);
  gtk_widget_class_bind_template_child (widget_class, WartaSignInPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_admin_confirm_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_create_admin_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_login_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_in_button_clicked_cb);
}

static void
warta_sign_in_page_init (WartaSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  warta_person_form_watch (GTK_WIDGET (self->first_admin_error_label),
                           GTK_WIDGET (self->admin_login_row), GTK_WIDGET (self->admin_name_row),
                           GTK_WIDGET (self->admin_password_row),
                           GTK_WIDGET (self->admin_confirm_row), NULL);

  /* The SOP's roles, by their display names; the first administrator is
   * usually the social media admin who sets Warta up. */
  for (guint i = 0; i < WARTA_N_ROLES; i++)
    {
      WartaRole role = warta_role_nth (i);
      const char *name = warta_role_get_display_name (role, NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   role == WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
      /* Named by the row's title, which the activatable row relates to it. */
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      /* One Tab stop a role: the check box, which says whether it is
       * ticked; a click anywhere on the row still ticks it. */
      gtk_widget_set_focusable (row, FALSE);
      gtk_widget_set_name (check, warta_role_get_id (role));
      adw_preferences_group_add (self->roles_group, row);
      self->role_checks[i] = GTK_CHECK_BUTTON (check);
    }
}

GtkWidget *
warta_sign_in_page_new (void)
{
  return g_object_new (WARTA_TYPE_SIGN_IN_PAGE, NULL);
}

WartaContext *
warta_sign_in_page_get_context (WartaSignInPage *self)
{
  g_return_val_if_fail (WARTA_IS_SIGN_IN_PAGE (self), NULL);

  return self->context;
}

void
warta_sign_in_page_set_context (WartaSignInPage *self,
                                WartaContext    *context)
{
  g_return_if_fail (WARTA_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (!context || WARTA_IS_CONTEXT (context));

  if (self->context == context)
    return;

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (warta_context_get_database (self->context), self);

  g_set_object (&self->context, context);

  if (context != NULL)
    g_signal_connect_object (warta_context_get_database (context), "changed",
                             G_CALLBACK (on_database_changed_cb), self, G_CONNECT_SWAPPED);

  /* The role names are the office's, from its settings. */
  for (guint i = 0; context != NULL && i < WARTA_N_ROLES; i++)
    {
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (self->role_checks[i]),
                                                ADW_TYPE_ACTION_ROW);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     warta_context_get_role_name (context, warta_role_nth (i)));
    }

  show_error (self->sign_in_error_label, NULL);
  show_error (self->first_admin_error_label, NULL);
  update_mode (self);
  update_read_only (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

gboolean
warta_sign_in_page_get_busy (WartaSignInPage *self)
{
  g_return_val_if_fail (WARTA_IS_SIGN_IN_PAGE (self), FALSE);

  return self->busy;
}

gboolean
warta_sign_in_page_get_first_run (WartaSignInPage *self)
{
  g_return_val_if_fail (WARTA_IS_SIGN_IN_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "first-admin") == 0;
}

/**
 * warta_sign_in_page_restore:
 * @self: a #WartaSignInPage
 *
 * Signs the last user in again, when they signed in on this database less
 * than "remember-sign-in-minutes" ago and may still sign in.
 *
 * Returns: whether someone is signed in now
 */
gboolean
warta_sign_in_page_restore (WartaSignInPage *self)
{
  g_autoptr(WartaUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GSettings *settings;
  gint64 user_id, since, now;
  guint minutes;

  g_return_val_if_fail (WARTA_IS_SIGN_IN_PAGE (self), FALSE);

  if (self->context == NULL)
    return FALSE;

  settings = warta_context_get_settings (self->context);
  minutes = g_settings_get_uint (settings, "remember-sign-in-minutes");
  user_id = g_settings_get_int64 (settings, "last-user-id");
  since = g_settings_get_int64 (settings, "last-sign-in-time");
  path = g_settings_get_string (settings, "last-user-database");
  now = warta_clock_now (warta_context_get_clock (self->context));

  if (minutes == 0 || user_id <= 0 ||
      g_strcmp0 (path, warta_database_get_path (warta_context_get_database (self->context))) != 0 ||
      now < since || now - since >= (gint64)minutes * 60 * G_USEC_PER_SEC)
    return FALSE;

  user = warta_user_repository_get (warta_context_get_users (self->context), user_id, &error);
  if (user == NULL || !warta_user_get_active (user))
    return FALSE;

  warta_context_set_current_user (self->context, user);

  return TRUE;
}

/**
 * warta_sign_in_page_forget:
 * @self: a #WartaSignInPage
 *
 * Forgets the last user, so the next start asks who is at the desk.
 */
void
warta_sign_in_page_forget (WartaSignInPage *self)
{
  g_return_if_fail (WARTA_IS_SIGN_IN_PAGE (self));

  if (self->context == NULL)
    return;

  g_settings_set_int64 (warta_context_get_settings (self->context), "last-user-id", 0);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_error (self->sign_in_error_label, NULL);
  self->forgotten = TRUE;
}
