/* warta-account-store-private.h: knobs for tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-account-store.h"

G_BEGIN_DECLS

/* Keeps secrets in this process's memory instead of the keyring: only for
 * tests and the test worker, which have no Secret Service. */
void _warta_account_store_use_memory_secrets (WartaAccountStore *self);
void _warta_account_store_set_memory_secret  (WartaAccountStore *self,
                                              const char        *keyring_id,
                                              const char        *secret);

G_END_DECLS
