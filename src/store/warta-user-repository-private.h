/* warta-user-repository-private.h: knobs for tests, and for other repositories in store/
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-database.h"
#include "warta-user-repository.h"

G_BEGIN_DECLS

/* Argon2id at libsodium's MIN limits instead of INTERACTIVE: only for
 * tests, which hash many passwords. */
void _warta_user_repository_set_fast_hashing (gboolean fast);

/* @user_id's roles (and @out_name, if wanted) as stored now, not as a
 * caller's WartaUser remembers them: an administrator on another
 * workstation may have changed them, or closed the account. For checks
 * inside another repository's transaction. *@out_active is FALSE (and
 * the roles 0) for an account closed or gone; FALSE is returned only for
 * a database error. */
gboolean _warta_user_load_stored (WartaDatabase  *database,
                                  gint64          user_id,
                                  gboolean       *out_active,
                                  WartaRole      *out_roles,
                                  char          **out_name,
                                  GError        **error);

G_END_DECLS
