/* warta-user-repository-private.h: knobs for tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-user-repository.h"

G_BEGIN_DECLS

/* Argon2id at libsodium's MIN limits instead of INTERACTIVE: only for
 * tests, which hash many passwords. */
void _warta_user_repository_set_fast_hashing (gboolean fast);

G_END_DECLS
