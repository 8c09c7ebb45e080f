/* warta-test-publisher.h: one platform's publisher driven through the outbox,
 * or one step at a time, against a loopback server
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the platform tests (test-<platform>.c) that check what a publisher
 * does with a whole job: the real outbox on a real database file, or the
 * publisher's run_step called directly when a test must change a
 * confirmed step between two steps (an old timestamp, say).
 */
#pragma once

#include "warta-outbox.h"
#include "warta-test-publish.h"
#include "warta-test-server.h"

G_BEGIN_DECLS

typedef struct
{
  WartaTestPublish  *t;
  WartaAccountStore *store;
  WartaHttpClient   *client;     /* one attempt per request */
  WartaOutbox       *outbox;
} WartaTestOutbox;

WartaTestOutbox  *warta_test_outbox_new         (void);
void              warta_test_outbox_free        (WartaTestOutbox   *o);
/* An account of @platform at @server's address, its secret in memory. */
gint64            warta_test_outbox_add_account (WartaTestOutbox   *o,
                                                 const char        *platform,
                                                 WartaTestServer   *server,
                                                 const char        *settings,
                                                 const char        *secret);
/* Publishes @p to @account_id alone through the outbox and runs it until
 * the job reaches @state (10 s at most); for a stop, the job is written
 * as a Warta before warta_publish_check_target() did. */
WartaOutboxJob   *warta_test_outbox_publish     (WartaTestOutbox   *o,
                                                 WartaPublication  *p,
                                                 gint64             account_id,
                                                 WartaOutboxState   state);
/* The steps the outbox confirmed for @job: name → JSON text. */
GHashTable       *warta_test_outbox_steps       (WartaTestOutbox   *o,
                                                 WartaOutboxJob    *job);
/* SHA-256 of the first file in the database folder named @prefix…. */
char             *warta_test_outbox_file_sha256 (WartaTestOutbox   *o,
                                                 const char        *prefix);

/* A real MP4 of @tenths tenths of a second (GStreamer's test picture,
 * H.264 or MPEG-4 part 2) written over every video of the publications
 * made so far; FALSE when no encoder is installed (the test skips). The
 * loopback servers do not decode video, but Warta's own checks do. */
gboolean          warta_test_outbox_use_real_video (WartaTestOutbox *o,
                                                    guint            tenths);
/* The same for the videos in @dir. */
gboolean          warta_test_write_real_videos     (const char      *dir,
                                                    guint            tenths);

/* Without the outbox: a job for @p and @account_id as the outbox would
 * hand it to the publisher (revision, key, media folder, accounts). */
WartaPublishJob  *warta_test_outbox_job_new     (WartaTestOutbox   *o,
                                                 WartaPublication  *p,
                                                 gint64             account_id);
/* The account's publisher, made as the outbox makes it. */
WartaPublisher   *warta_test_outbox_publisher_new (WartaTestOutbox *o,
                                                   gint64           account_id,
                                                   const char      *secret);
/* One run_step, its step recorded in @job as the outbox would. */
WartaPublishStep *warta_test_outbox_run_step    (WartaPublisher    *publisher,
                                                 WartaPublishJob   *job,
                                                 GError           **error);
/* The same, cancelled as a quit would stop it once @stop (checked at
 * every main loop iteration) returns TRUE. */
WartaPublishStep *warta_test_outbox_run_step_until (WartaPublisher   *publisher,
                                                    WartaPublishJob  *job,
                                                    gboolean        (*stop) (gpointer data),
                                                    gpointer          data,
                                                    GError          **error);
/* run_step until the final step or an error (50 steps at most). */
WartaPublishStep *warta_test_outbox_run_all     (WartaPublisher    *publisher,
                                                 WartaPublishJob   *job,
                                                 GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WartaTestOutbox, warta_test_outbox_free)

G_END_DECLS
