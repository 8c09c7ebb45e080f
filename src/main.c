/* main.c
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "warta-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WartaApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* An uninstalled build's translations: `meson devenv` points here. */
  localedir = g_getenv ("WARTA_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = warta_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
