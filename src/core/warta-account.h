/* warta-account.h: one publishing target the office has configured
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define WARTA_TYPE_ACCOUNT (warta_account_get_type ())

G_DECLARE_FINAL_TYPE (WartaAccount, warta_account, WARTA, ACCOUNT, GObject)

/* The secret (token, application password) is never part of it: it lives
 * in the keyring under keyring-id. */
WartaAccount *warta_account_new              (void);
gint64        warta_account_get_id           (WartaAccount *self);
void          warta_account_set_id           (WartaAccount *self,
                                              gint64        id);
const char   *warta_account_get_platform     (WartaAccount *self);
void          warta_account_set_platform     (WartaAccount *self,
                                              const char   *platform);
const char   *warta_account_get_display_name (WartaAccount *self);
void          warta_account_set_display_name (WartaAccount *self,
                                              const char   *display_name);
const char   *warta_account_get_base_url     (WartaAccount *self);
void          warta_account_set_base_url     (WartaAccount *self,
                                              const char   *base_url);
const char   *warta_account_get_settings     (WartaAccount *self);
void          warta_account_set_settings     (WartaAccount *self,
                                              const char   *settings_json);
char         *warta_account_dup_setting      (WartaAccount *self,
                                              const char   *key);
/* One string member of the settings set (@value NULL: removed), the
 * others kept. */
void          warta_account_set_setting      (WartaAccount *self,
                                              const char   *key,
                                              const char   *value);
const char   *warta_account_get_keyring_id   (WartaAccount *self);
void          warta_account_set_keyring_id   (WartaAccount *self,
                                              const char   *keyring_id);

const char   *warta_platform_get_display_name (const char  *platform);
char         *warta_platforms_dup_display_names (const char *platforms);

G_END_DECLS
