/* upload-server.c: the loopback YouTube-protocol server of
 * bench-upload, in a process of its own
 *
 * Starts tests/warta-test-server-youtube.c on 127.0.0.1 (counting the
 * bytes it receives, not hashing them), prints its URL on a line of its
 * own, and serves until its standard input is closed.
 *
 * A real platform never shares a process, nor its scheduling, with the
 * uploader; nor does it with curl, which bench-upload runs as a process
 * of its own. So both clients are measured against a server in a third
 * process.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib-unix.h>

#include "warta-test-server.h"

static gboolean
stdin_closed_cb (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  char buffer[64];

  if ((condition & G_IO_IN) != 0 && read (fd, buffer, sizeof buffer) > 0)
    return G_SOURCE_CONTINUE;
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

int
main (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(WartaTestServer) server = NULL;

  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  server = warta_test_youtube_server_new ();
  warta_test_server_set_hashing (server, FALSE);
  printf ("%s\n", warta_test_server_get_url (server));
  fflush (stdout);

  g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_closed_cb, loop);
  g_main_loop_run (loop);
  return 0;
}
