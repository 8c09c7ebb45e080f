/* warta-application.c
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-application"

#include "config.h"

#include <glib/gi18n.h>

#include "warta-application.h"
#include "warta-preferences-window.h"
#include "warta-window.h"

struct _WartaApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  WartaDatabase  *database;
  WartaContext   *context;
  GError         *database_error;
  char           *database_option;

  /* A quit (Ctrl+Q) in progress: it waits for the windows in @asking,
   * which asked before closing, and is given up when one is kept open. */
  gboolean        quitting;
  gboolean        quit_confirmed;   /* Close Anyway, with posts still to send */
  GPtrArray      *asking;           /* (element-type GtkWindow) not owned */
  guint           quit_source;
};

G_DEFINE_FINAL_TYPE (WartaApplication, warta_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry main_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the Warta database in FILE instead of the configured one"), N_("FILE") },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

gboolean
warta_application_check_settings_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  return schema != NULL;
}

WartaApplication *
warta_application_new (void)
{
  return g_object_new (WARTA_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
warta_application_get_settings (WartaApplication *self)
{
  g_return_val_if_fail (WARTA_IS_APPLICATION (self), NULL);

  return self->settings;
}

WartaDatabase *
warta_application_get_database (WartaApplication *self)
{
  g_return_val_if_fail (WARTA_IS_APPLICATION (self), NULL);

  return self->database;
}

/**
 * warta_application_get_context:
 * @self: a #WartaApplication
 *
 * Returns: (transfer none) (nullable): the services for the open
 *   database, or %NULL when none is open. Replaced, with a notification of
 *   #WartaApplication:database, when another database is opened.
 */
WartaContext *
warta_application_get_context (WartaApplication *self)
{
  g_return_val_if_fail (WARTA_IS_APPLICATION (self), NULL);

  return self->context;
}

const GError *
warta_application_get_database_error (WartaApplication *self)
{
  g_return_val_if_fail (WARTA_IS_APPLICATION (self), NULL);

  return self->database_error;
}

/* Stops and closes the open database, if any. */
static void
close_database (WartaApplication *self)
{
  /* What the outbox has in flight resumes from its last confirmed step
   * when this database is opened again. */
  if (self->context != NULL)
    warta_outbox_stop (warta_context_get_outbox (self->context));
  g_clear_object (&self->context);
  g_clear_object (&self->database);
  g_clear_error (&self->database_error);
}

/* Makes @database (transfer full) the open one; %NULL for none, because of
 * @reason. */
static void
set_database (WartaApplication *self,
              WartaDatabase    *database,
              const GError     *reason)
{
  self->database = database;
  if (self->database == NULL)
    self->database_error = g_error_copy (reason);
  else
    {
      self->context = warta_context_new (self->database, self->settings);
      /* Approved posts and scheduled ones go out while Warta runs, on the
       * application's main context. */
      warta_outbox_start (warta_context_get_outbox (self->context));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

/* Opens @resolved as the settings say; logs why it could not. */
static WartaDatabase *
open_file (WartaApplication  *self,
           const char        *resolved,
           GError           **error)
{
  WartaJournalMode mode = (WartaJournalMode)g_settings_get_enum (self->settings, "journal-mode");
  g_autoptr(GError) local_error = NULL;
  WartaDatabase *database;

  database = warta_database_open (resolved, mode, WARTA_DATABASE_FLAGS_NONE, &local_error);
  if (database == NULL)
    {
      g_message ("Cannot open database %s: %s", resolved, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return database;
}

/**
 * warta_application_open_database:
 * @self: a #WartaApplication
 * @path: (nullable): the file, or %NULL for the configured one
 * @error: where to put the reason it could not be opened
 *
 * Opens @path, the `--database` option, the `database-path` setting or the
 * local default, in that order. On failure the previous database, if any,
 * stays closed and #WartaApplication:database is %NULL, so no window works
 * on a file the user did not mean.
 */
gboolean
warta_application_open_database (WartaApplication  *self,
                                 const char        *path,
                                 GError           **error)
{
  g_autofree char *configured = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr(GError) local_error = NULL;
  WartaDatabase *database;

  g_return_val_if_fail (WARTA_IS_APPLICATION (self), FALSE);

  if (path == NULL)
    path = self->database_option;
  if (path == NULL)
    {
      configured = g_settings_get_string (self->settings, "database-path");
      if (configured[0] != '\0')
        path = configured;
    }
  if (path == NULL)
    resolved = warta_database_get_default_path ();
  else
    resolved = g_canonicalize_filename (path, NULL);

  close_database (self);
  database = open_file (self, resolved, &local_error);
  set_database (self, database, local_error);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return database != NULL;
}

/**
 * warta_application_switch_database:
 * @self: a #WartaApplication
 * @path: the file
 * @error: where to put the reason it could not be opened
 *
 * Opens @path in place of the open database: the open succeeding is the
 * check that the file is one to switch to, however long ago it was chosen.
 * Unlike warta_application_open_database(), a file that cannot be opened
 * leaves the open database open, its posts going out, and the user where
 * they were.
 */
gboolean
warta_application_switch_database (WartaApplication  *self,
                                   const char        *path,
                                   GError           **error)
{
  g_autofree char *resolved = NULL;
  WartaDatabase *database;

  g_return_val_if_fail (WARTA_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->database == NULL)
    return warta_application_open_database (self, path, error);

  resolved = g_canonicalize_filename (path, NULL);
  if (!(database = open_file (self, resolved, error)))
    return FALSE;

  close_database (self);
  set_database (self, database, NULL);
  return TRUE;
}

static int
warta_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  WartaApplication *self = WARTA_APPLICATION (app);
  g_autofree char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "warta", PACKAGE_VERSION);
      return 0;
    }

  /* Without its schema GSettings would abort in startup; say what to do
   * instead. --version and --help need no settings. */
  if (!warta_application_check_settings_schema ())
    {
      g_printerr (_("The settings schema %s is not installed. Install Warta, or run the build with “meson devenv -C _build warta”.\n"),
                  APPLICATION_ID);
      return 1;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      /* A window on another database is another team's desk: it runs in a
       * process of its own instead of joining the running instance. */
      self->database_option = g_steal_pointer (&database);
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (warta_application_parent_class)->handle_local_options (app, options);
}

static void
warta_application_activate (GApplication *app)
{
  WartaApplication *self = WARTA_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      if (self->database == NULL && self->database_error == NULL)
        warta_application_open_database (self, NULL, NULL);

      window = GTK_WINDOW (warta_window_new (self));
    }

  gtk_window_present (window);
}

/* The main window, if one is open: the others are editors and dialogs. */
static WartaWindow *
find_main_window (WartaApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (WARTA_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Closes every window but @except as its close button would, so that
 * each editor saves what was typed in the last second, or asks when it
 * cannot; those that ask are kept in @asking. Returns TRUE when none
 * asks. */
static gboolean
close_windows (WartaApplication *self,
               GtkWindow        *except)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_set_size (self->asking, 0);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (l->data != (gpointer)except)
      g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
  for (guint i = 0; i < windows->len; i++)
    if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (self)),
                     g_ptr_array_index (windows, i)))
      g_ptr_array_add (self->asking, g_ptr_array_index (windows, i));

  return self->asking->len == 0;
}

static void
stop_quit (WartaApplication *self)
{
  self->quitting = FALSE;
  self->quit_confirmed = FALSE;
  g_ptr_array_set_size (self->asking, 0);
  g_clear_handle_id (&self->quit_source, g_source_remove);
}

/* The quit goes as far as it can: the main window asks first when posts
 * are still to be sent, before anything closes; then the editors close,
 * each saving, or asking when it cannot; then the main window, which
 * keeps its size. Warta ends when no window is left (once a cancelled
 * import has rolled back). A question stops the quit until it is
 * answered: going on comes back here, keeping a window open gives the
 * quit up. */
static void
quit_step (WartaApplication *self)
{
  WartaWindow *main_window = find_main_window (self);

  g_clear_handle_id (&self->quit_source, g_source_remove);
  if (!self->quitting)
    return;
  if (main_window != NULL && !self->quit_confirmed &&
      warta_window_ask_before_quitting (main_window))
    return;
  if (!close_windows (self, GTK_WINDOW (main_window)))
    return;
  if (main_window != NULL)
    gtk_window_close (GTK_WINDOW (main_window));
  stop_quit (self);
}

static gboolean
quit_step_cb (gpointer user_data)
{
  WartaApplication *self = user_data;

  self->quit_source = 0;
  quit_step (self);
  return G_SOURCE_REMOVE;
}

/* Once the question, a dialog transient for a window that may close
 * now, has gone. */
static void
schedule_quit_step (WartaApplication *self)
{
  if (self->quit_source == 0)
    self->quit_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, quit_step_cb, self, NULL);
}

/**
 * warta_application_confirm_quit:
 * @self: a #WartaApplication
 *
 * The user answered the main window's question with Close Anyway: quits,
 * without asking it again.
 */
void
warta_application_confirm_quit (WartaApplication *self)
{
  g_return_if_fail (WARTA_IS_APPLICATION (self));

  self->quitting = TRUE;
  self->quit_confirmed = TRUE;
  schedule_quit_step (self);
}

/**
 * warta_application_cancel_quit:
 * @self: a #WartaApplication
 *
 * A window asked before closing and the user kept it open: the quit in
 * progress, if any, is given up, and nothing else closes. The next
 * Ctrl+Q starts over.
 */
void
warta_application_cancel_quit (WartaApplication *self)
{
  g_return_if_fail (WARTA_IS_APPLICATION (self));

  stop_quit (self);
}

/**
 * warta_application_get_quit_confirmed:
 * @self: a #WartaApplication
 *
 * Returns: whether a quit is in progress that the user confirmed with
 *   posts still to be sent, so that the main window does not ask again
 */
gboolean
warta_application_get_quit_confirmed (WartaApplication *self)
{
  g_return_val_if_fail (WARTA_IS_APPLICATION (self), FALSE);

  return self->quitting && self->quit_confirmed;
}

/* Ctrl+Q. Again while a window asks: the same quit, and the question
 * shown again. */
static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WartaApplication *self = WARTA_APPLICATION (user_data);

  if (!self->quitting)
    {
      self->quitting = TRUE;
      self->quit_confirmed = FALSE;
    }
  quit_step (self);
}

/* A window that asked before closing has closed (its question answered
 * with Close Without Saving, say): the quit goes on once the last of
 * them has. */
static void
warta_application_window_removed (GtkApplication *application,
                                  GtkWindow      *window)
{
  WartaApplication *self = WARTA_APPLICATION (application);

  GTK_APPLICATION_CLASS (warta_application_parent_class)->window_removed (application, window);

  if (g_ptr_array_remove_fast (self->asking, window) && self->asking->len == 0 && self->quitting)
    schedule_quit_step (self);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Warta authors", NULL };
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (adw_about_window_new ());
  g_object_set (about,
                "transient-for", gtk_application_get_active_window (app),
                "application-name", "Warta",
                "application-icon", APPLICATION_ID,
                "developer-name", _("The Warta authors"),
                "version", PACKAGE_VERSION,
                "comments", _("Runs an office’s social media publication procedure, from documenting an activity to the archived post."),
                "website", "https://github.com/wartadesk/warta",
                "issue-url", "https://github.com/wartadesk/warta/issues",
                "developers", developers,
                "copyright", _("© 2026 The Warta authors"),
                "license-type", GTK_LICENSE_GPL_3_0,
                /* Translators: put your names here, one per line. */
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  WartaApplication *self = WARTA_APPLICATION (user_data);
  WartaPreferencesWindow *prefs;

  prefs = warta_preferences_window_new (self);
  gtk_window_set_transient_for (GTK_WINDOW (prefs),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (prefs));
}

/* A notification's default action: the publication, in the main window. */
static void
open_publication_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = GTK_WINDOW (find_main_window (WARTA_APPLICATION (app)));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (app));
      window = gtk_application_get_active_window (app);
    }
  if (window == NULL)
    return;

  gtk_window_present (window);
  gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.open-publication", parameter);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "open-publication", open_publication_activated, "x" },
};

static void
warta_application_startup (GApplication *app)
{
  WartaApplication *self = WARTA_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (warta_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
}

static void
warta_application_shutdown (GApplication *app)
{
  WartaApplication *self = WARTA_APPLICATION (app);

  stop_quit (self);
  if (self->context != NULL)
    warta_outbox_stop (warta_context_get_outbox (self->context));

  G_APPLICATION_CLASS (warta_application_parent_class)->shutdown (app);
}

static void
warta_application_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WartaApplication *self = WARTA_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_application_finalize (GObject *object)
{
  WartaApplication *self = WARTA_APPLICATION (object);

  g_clear_object (&self->context);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_error (&self->database_error);
  g_clear_pointer (&self->database_option, g_free);
  g_clear_handle_id (&self->quit_source, g_source_remove);
  g_clear_pointer (&self->asking, g_ptr_array_unref);

  G_OBJECT_CLASS (warta_application_parent_class)->finalize (object);
}

static void
warta_application_class_init (WartaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = warta_application_finalize;
  object_class->get_property = warta_application_get_property;

  app_class->activate = warta_application_activate;
  app_class->startup = warta_application_startup;
  app_class->shutdown = warta_application_shutdown;
  app_class->handle_local_options = warta_application_handle_local_options;
  gtk_app_class->window_removed = warta_application_window_removed;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, WARTA_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_application_init (WartaApplication *self)
{
  self->asking = g_ptr_array_new ();
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Run the office’s social media publication procedure."));
}
