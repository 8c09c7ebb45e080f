/* warta-test-language.h: the language a test's translations come in
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libintl.h>

/* Translates what is made from now on into @language ("id"), from the
 * build tree's catalogues; NULL for the untranslated English. The tests
 * run in C.UTF-8, where gettext honours LANGUAGE once the program took
 * its locale (setlocale(), which gtk_init() does); textdomain() drops
 * what gettext has cached. */
static inline void
warta_test_set_language (const char *language)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
