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

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Without its schema GSettings would abort; say what to do instead. */
  if (!warta_application_check_settings_schema ())
    {
      g_printerr (_("The settings schema %s is not installed. Install Warta, or run the build with “meson devenv -C _build warta”.\n"),
                  APPLICATION_ID);
      return 1;
    }

  app = warta_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
