/* test-autosave.c: kill -9 or Ctrl+Q while typing, reopen: the text is there
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real warta binary on a fresh database file under the test's X
 * display, opens a new activity with Ctrl+N, signs in and types into the
 * narrative with xdotool, waits until the autosave has written it (its
 * delay, or longer on a loaded machine), kills the process with SIGKILL and
 * reads the database back through the repository. Then the same, quitting
 * with Ctrl+Q at once instead.
 *
 * The autosave is waited for as the database shows it, never for a fixed
 * time.
 *
 * Usage: test-autosave WARTA XDOTOOL
 */
#include "config.h"

#include <signal.h>
#include <glib/gstdio.h>

#include "warta-clock.h"
#include "warta-database.h"
#include "warta-publication-repository.h"
#include "warta-user-repository.h"

#define TYPED "Rapat koordinasi dimulai pukul sembilan"

/* What Warta does after the keys may take this long on a loaded machine
 * under the sanitizers. */
#define WAIT_SECONDS 60

static const char *warta_path;
static const char *xdotool_path;

static gboolean
xdotool (GError **error,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer)xdotool_path);
  va_start (args, error);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, (gpointer)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *)argv->pdata, G_SUBPROCESS_FLAGS_NONE, error);
  return process != NULL && g_subprocess_wait_check (process, NULL, error);
}

/* The first window of @pid named @name that is not @except. */
static char *
find_window (GPid        pid,
             const char *name,
             const char *except)
{
  g_autofree char *pid_str = g_strdup_printf ("%d", pid);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      const char *argv[] = { xdotool_path, "search", "--onlyvisible", "--pid", pid_str,
                             "--name", name, NULL };
      g_autoptr(GSubprocess) process = NULL;
      g_autofree char *out = NULL;

      process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE, NULL);
      if (process != NULL && g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, NULL) &&
          out != NULL && *out != '\0')
        {
          g_auto(GStrv) ids = g_strsplit (out, "\n", -1);

          for (guint i = 0; ids[i] != NULL; i++)
            if (*ids[i] != '\0' && g_strcmp0 (ids[i], except) != 0)
              return g_strdup (ids[i]);
        }
      g_usleep (200 * 1000);
    }

  return NULL;
}

/* No window manager runs under Xvfb: the pointer is moved into the
 * window, and the window is given the input focus. */
static void
focus (const char *window)
{
  g_autoptr(GError) error = NULL;

  xdotool (&error, "mousemove", "--window", window, "200", "150", NULL);
  g_clear_error (&error);
  xdotool (&error, "windowfocus", "--sync", window, NULL);
}

/* WARTA_TEST_SCREENSHOT_DIR: a picture of the screen at each step. */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("WARTA_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GSubprocess) p = NULL;

  if (dir == NULL)
    return;
  path = g_strdup_printf ("%s/autosave-%s.png", dir, name);
  p = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "import", "-window", "root", path, NULL);
  if (p != NULL)
    g_subprocess_wait (p, NULL, NULL);
}

static void
keys (const char *window,
      const char *combo)
{
  g_autoptr(GError) error = NULL;

  focus (window);
  g_assert_true (xdotool (&error, "key", "--clearmodifiers", combo, NULL));
  g_assert_no_error (error);
  g_usleep (300 * 1000);
}

static void
type (const char *window,
      const char *text)
{
  g_autoptr(GError) error = NULL;

  focus (window);
  g_assert_true (xdotool (&error, "type", "--delay", "40", text, NULL));
  g_assert_no_error (error);
  g_usleep (300 * 1000);
}

/* Starts Warta on a fresh database in @dir, with an officer who may
 * document; opens a new activity from the keyboard, signs in on the way,
 * and types TYPED into the narrative. Returns the editor's window. */
static char *
start_and_type (const char   *path,
                GSubprocess **app)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *main_window = NULL;
  char *editor;
  GPid pid;

  {
    g_autoptr(WartaDatabase) db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC,
                                                       WARTA_DATABASE_FLAGS_NONE, &error);
    g_autoptr(WartaClock) clock = warta_clock_new (WARTA_DEFAULT_TIME_ZONE);
    g_autoptr(WartaUserRepository) users = NULL;
    g_autoptr(WartaUser) user = NULL;

    g_assert_no_error (error);
    users = warta_user_repository_new (db, clock);
    user = warta_user_repository_create_first_admin (users, "sari", "Sari Dewi", "rahasia-123",
                                                     WARTA_ROLE_ACTIVITY_OFFICER, &error);
    g_assert_no_error (error);
  }

  *app = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, warta_path, "--database", path, NULL);
  g_assert_no_error (error);
  pid = atoi (g_subprocess_get_identifier (*app));

  main_window = find_window (pid, "Warta", NULL);
  g_assert_nonnull (main_window);
  g_usleep (500 * 1000);

  /* A new activity, from the keyboard; signing in is asked on the way. */
  keys (main_window, "ctrl+n");
  editor = find_window (pid, "New Activity", main_window);
  g_assert_nonnull (editor);
  shot ("opened");
  type (editor, "sari");
  shot ("login");
  keys (editor, "Return");
  type (editor, "rahasia-123");
  /* The editor checks the password on its main thread: what is typed
   * next waits in the X queue until then. */
  keys (editor, "Return");

  /* Into the narrative (Alt+N), and type. */
  shot ("signed-in");
  keys (editor, "alt+n");
  type (editor, TYPED);

  return editor;
}

/* The narrative of the one activity's draft in the database at @path;
 * NULL (and @n_publications 0) while there is none. */
static char *
dup_narrative (const char *path,
               guint      *n_publications)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) db = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC,
                                                     WARTA_DATABASE_FLAGS_NONE, &error);
  g_autoptr(WartaClock) clock = warta_clock_new (WARTA_DEFAULT_TIME_ZONE);
  g_autoptr(WartaPublicationRepository) publications = NULL;
  g_autoptr(GListModel) recent = NULL;
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaRevision) revision = NULL;

  g_assert_no_error (error);
  publications = warta_publication_repository_new (db, clock);
  recent = warta_publication_repository_list_recent (publications, 0, 10, &error);
  g_assert_no_error (error);
  *n_publications = g_list_model_get_n_items (recent);
  if (*n_publications == 0)
    return NULL;
  publication = g_list_model_get_item (recent, 0);
  /* Typing autosaves into the draft; only a submit makes a revision. */
  revision = warta_publication_repository_get_draft (publications,
                                                     warta_publication_get_id (publication),
                                                     NULL, &error);
  g_assert_no_error (error);
  if (revision == NULL)
    return NULL;

  return g_strdup (warta_revision_get_narrative (revision));
}

/* The narrative of the one activity's draft in the database at @path. */
static char *
read_narrative (const char *path)
{
  guint n_publications;
  char *narrative = dup_narrative (path, &n_publications);

  g_assert_cmpuint (n_publications, ==, 1);
  return narrative;
}

/* Waits until the draft in the database at @path holds TYPED. */
static void
wait_for_autosave (const char *path)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  for (;;)
    {
      guint n_publications;
      g_autofree char *narrative = dup_narrative (path, &n_publications);

      if (g_strcmp0 (narrative, TYPED) == 0)
        return;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (200 * 1000);
    }
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

/* Types into a new activity, then ends Warta: with SIGKILL after the
 * autosave's delay, or with Ctrl+Q at once, before it, when the editor
 * closes as its close button would and saves. Either way the text is in
 * the database. */
static void
check_typing_kept (gboolean quit)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("warta-autosave-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "warta.db", NULL);
  g_autoptr(GSubprocess) app = NULL;
  g_autofree char *editor = NULL;
  g_autofree char *narrative = NULL;

  g_assert_no_error (error);
  editor = start_and_type (path, &app);

  if (quit)
    {
      g_assert_true (xdotool (&error, "key", "--clearmodifiers", "ctrl+q", NULL));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait (app, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_exited (app));
      g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
    }
  else
    {
      wait_for_autosave (path);
      shot ("typed");
      g_subprocess_send_signal (app, SIGKILL);
      g_subprocess_wait (app, NULL, NULL);
    }

  narrative = read_narrative (path);
  g_assert_cmpstr (narrative, ==, TYPED);
  remove_folder (dir);
}

static void
test_kill_while_typing (void)
{
  check_typing_kept (FALSE);
}

static void
test_quit_while_typing (void)
{
  check_typing_kept (TRUE);
}

static void
test_skip (void)
{
  g_test_skip ("needs the warta binary, xdotool and an X display");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 3 || g_getenv ("DISPLAY") == NULL || argv[2][0] == '\0')
    {
      g_test_add_func ("/warta/autosave/kill-while-typing", test_skip);
      g_test_add_func ("/warta/autosave/quit-while-typing", test_skip);
      return g_test_run ();
    }

  warta_path = argv[1];
  xdotool_path = argv[2];
  g_test_add_func ("/warta/autosave/kill-while-typing", test_kill_while_typing);
  g_test_add_func ("/warta/autosave/quit-while-typing", test_quit_while_typing);

  return g_test_run ();
}
