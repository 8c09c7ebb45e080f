/* warta-test-publish.h: a database with an approved publication and accounts
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the outbox tests and the test worker.
 */
#pragma once

#include "warta-account-repository.h"
#include "warta-outbox-repository.h"
#include "warta-publication-repository.h"
#include "warta-user-repository.h"

G_BEGIN_DECLS

typedef struct
{
  char                       *dir;
  char                       *path;
  WartaDatabase              *db;
  WartaClock                 *clock;
  WartaUserRepository        *users;
  WartaPublicationRepository *publications;
  WartaAccountRepository     *accounts;
  WartaOutboxRepository      *outbox;
  WartaUser                  *admin;     /* every role of the SOP */
  /* The next publications' first @n_skipped photos are left out of
   * @skip_platform (account platform ids, separated by commas) by their
   * author. */
  const char                 *skip_platform;
  guint                       n_skipped;
  /* The next publications' concepts ask for this time (0: none). */
  gint64                      scheduled_at;
  /* The next publications' X caption instead of the usual (NULL). */
  const char                 *x_caption;
  /* The next publications' Mastodon caption instead of the usual (NULL). */
  const char                 *mastodon_caption;
} WartaTestPublish;

WartaTestPublish *warta_test_publish_new            (void);
void              warta_test_publish_free           (WartaTestPublish *t);
gint64            warta_test_publish_add_account    (WartaTestPublish *t,
                                                     const char       *platform,
                                                     const char       *base_url,
                                                     const char       *settings_json,
                                                     const char       *keyring_id);
/* Through the whole SOP, with @n_photos small PNG files. */
WartaPublication *warta_test_publish_make_approved  (WartaTestPublish *t,
                                                     const char       *title,
                                                     guint             n_photos);
/* The same with @n_videos MP4-looking files of @video_size bytes after
 * the photos (the loopback servers do not decode video). */
WartaPublication *warta_test_publish_make_approved_with_videos (WartaTestPublish *t,
                                                                const char       *title,
                                                                guint             n_photos,
                                                                guint             n_videos,
                                                                gsize             video_size);
char             *warta_test_publish_write_mp4      (const char       *dir,
                                                     const char       *name,
                                                     gsize             size);
/* A tiny valid PNG of @size bytes or a little more. */
char             *warta_test_publish_write_png      (const char       *dir,
                                                     const char       *name,
                                                     gsize             size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaTestPublish, warta_test_publish_free)

G_END_DECLS
