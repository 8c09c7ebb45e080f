/* warta-media-rules.h: how many photos and videos each platform takes in one post
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The platforms whose media can be chosen, in the order the editor shows
 * them (the account platform ids). */
#define WARTA_MEDIA_N_PLATFORMS 7

typedef enum {
  WARTA_MEDIA_RULE_TOO_MANY_PHOTOS,
  WARTA_MEDIA_RULE_TOO_MANY_VIDEOS,
  WARTA_MEDIA_RULE_TOO_MANY_ITEMS,
  WARTA_MEDIA_RULE_MIXED,
  WARTA_MEDIA_RULE_NO_MEDIA,
  WARTA_MEDIA_RULE_NO_VIDEO,
} WartaMediaRule;

/* One row of the table. 0 means "no limit" for the maxima. */
typedef struct {
  const char *platform;        /* "x", "instagram" … */
  const char *name;            /* translatable; translated by the getter */
  guint       max_photos;
  guint       max_videos;
  guint       max_items;       /* photos and videos together */
  guint       min_items;       /* a post needs this many */
  guint       min_videos;
  gboolean    no_mixing;       /* photos and a video never in one post */
  gboolean    per_instance;    /* max_photos is the default; a server says its own */
  guint       max_video_s;     /* a video's length, in seconds */
  guint       max_item_video_s; /* the same for a video among several items */
  guint       max_video_mb;    /* a video's size, in MB of 1,000,000 bytes */
} WartaMediaLimits;

typedef struct {
  WartaMediaRule  rule;
  char           *message;     /* translated; names the platform and what to change */
} WartaMediaProblem;

const char             *warta_media_rules_get_platform (guint        index);
const char             *warta_media_rules_get_name     (const char  *platform);
const WartaMediaLimits *warta_media_rules_get_limits   (const char  *platform);

/* The rules @platform's post of @n_photos photos and @n_videos videos
 * breaks, as WartaMediaProblem (empty when none; NULL for an unknown
 * platform). @max_photos: a limit read at run time (a Mastodon
 * instance's max_media_attachments), 0 for the table's. */
GArray                 *warta_media_rules_check        (const char  *platform,
                                                        guint        n_photos,
                                                        guint        n_videos,
                                                        guint        max_photos);
/* Too many, or mixed: the platform refuses the post, so the editor
 * blocks submitting. Too few only means the platform is not posted to. */
gboolean                warta_media_rules_is_blocking  (WartaMediaRule rule);
gboolean                warta_media_rules_has_problem  (GArray      *problems,
                                                        WartaMediaRule rule);

G_END_DECLS
