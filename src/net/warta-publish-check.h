/* warta-publish-check.h: whether a target can take a publication's approved content
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "warta-account.h"
#include "warta-revision.h"

G_BEGIN_DECLS

/* Whether @account's platform can take @revision's approved content as
 * Warta publishes it (its media, a video's probed length and size, the
 * length of each text as the platform counts it; a Mastodon instance's
 * own limits and whether a YouTube channel may upload long videos, as
 * kept in @account's settings), asked before anything is sent (the publish view, the outbox, Try Again): FALSE with a
 * WARTA_PUBLISH_ERROR (REJECTED, or
 * NOT_CONFIGURED when the office's website must host the media and there
 * is none) whose message says why in plain words and what to do. A caveat
 * (a photo resized or cropped to the platform's shape, a limit the
 * platform never said) is no refusal.
 * @accounts: (element-type WartaAccount): the office's accounts, where the
 * website hosting Instagram's and TikTok's media is looked for. */
gboolean    warta_publish_check_target          (WartaRevision  *revision,
                                                 WartaAccount   *account,
                                                 GListModel     *accounts,
                                                 GError        **error);

/* warta_publish_check_target(), saying too whether a refusal is only on
 * a Mastodon instance's own limits as kept (@out_by_instance; not photos
 * with a video, which no instance takes): an instance that takes more
 * since may take it, once asked again. @asked_now: the kept limits are
 * what the instance said a moment ago, and a refusal on them says so
 * instead of when it was last asked. */
gboolean    warta_publish_check_target_instance (WartaRevision  *revision,
                                                 WartaAccount   *account,
                                                 GListModel     *accounts,
                                                 gboolean        asked_now,
                                                 gboolean       *out_by_instance,
                                                 GError        **error);

/* Whether @revision's content fits the Mastodon instance's own limits
 * kept in @account's settings (the status's length as Mastodon counts
 * it, each file's size, each alt text's length): the part of
 * warta_publish_check_target() a Mastodon publisher asks again once it
 * has the instance's limits as they are now. FALSE with a
 * WARTA_PUBLISH_ERROR_REJECTED whose message names the limit and what to
 * do; a limit not kept is no refusal. */
gboolean    warta_publish_check_mastodon_limits (WartaRevision  *revision,
                                                 WartaAccount   *account,
                                                 GError        **error);

/* What a platform that takes media only from a public address says when
 * the office has no website to put them on: "instagram" (@video: for a
 * video) or "tiktok" (photos). */
const char *warta_publish_check_no_host_message (const char     *platform,
                                                 gboolean        video);

G_END_DECLS
