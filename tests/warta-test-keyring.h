/* warta-test-keyring.h: a real keyring for the tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-account-repository.h"

G_BEGIN_DECLS

/* Starts gnome-keyring-daemon once per process with an unlocked default
 * collection; FALSE (and the test skipped) when it cannot run here. */
gboolean warta_test_keyring_start (void);
void     warta_test_keyring_stop  (void);
/* What the keyring holds as @keyring_id for the database of @accounts,
 * read as any other program would: by the schema's attributes, from the
 * Secret Service. NULL when there is nothing. */
char    *warta_test_keyring_lookup (WartaAccountRepository *accounts,
                                    const char             *keyring_id);
/* The secret of the office's developer app for @platform, read the same
 * way. */
char    *warta_test_keyring_lookup_client (const char *platform);
/* How many secrets the keyring holds for the database of @accounts (its
 * accounts' and its Mastodon apps'). */
guint    warta_test_keyring_count (WartaAccountRepository *accounts);

G_END_DECLS
