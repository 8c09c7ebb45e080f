/* warta-media-rules.c: how many photos and videos each platform takes in one post
 *
 * Every number a platform imposes on a post's media is in `limits` below,
 * the one place to edit when a platform changes its rules. The editor
 * shows a broken rule in the platform's preview and blocks submitting;
 * the publishers refuse such a post before any request instead of
 * leaving media out.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-media-rules.h"

/* platform-apis.md: Facebook §1 (a Page post carries photos or one
 * video), Instagram §2.3 (a carousel has 2–10 items, a post at least
 * one), X §3.3/3.4 (4 photos or one video or GIF), YouTube (one video
 * per upload), TikTok §5 (up to 35 photos, or one video), Mastodon §6.4
 * (4 images or one video, no mixing; the instance says its own number in
 * configuration.statuses.max_media_attachments), WordPress (no limit). */
/* A video's length and size: Instagram §2.6 (15 minutes, 60 seconds
 * among several items, 300 MB), X §3.4 (140 seconds, 512 MB), YouTube
 * §4.3 (12 hours for a verified channel, 15 minutes otherwise, which
 * Warta cannot tell, 256 GB), TikTok §5 (4 GB; the creator's own length
 * is asked when publishing). Facebook's are not documented there;
 * Mastodon's instance says its own. */
/* Columns: platform, name, photos, videos, items, min items, min videos,
 * no mixing, per instance, video seconds, seconds among items, video MB. */
static const WartaMediaLimits limits[WARTA_MEDIA_N_PLATFORMS] = {
  { "facebook",  N_("Facebook"),  0,  1, 0,  0, 0, TRUE,  FALSE, 0,         0,  0 },
  { "instagram", N_("Instagram"), 0,  0, 10, 1, 0, FALSE, FALSE, 15 * 60,   60, 300 },
  { "x",         N_("X"),         4,  1, 0,  0, 0, TRUE,  FALSE, 140,       0,  512 },
  { "youtube",   N_("YouTube"),   0,  1, 0,  0, 1, FALSE, FALSE, 12 * 3600, 0,  256000 },
  { "tiktok",    N_("TikTok"),    35, 1, 0,  0, 0, TRUE,  FALSE, 0,         0,  4000 },
  { "mastodon",  N_("Mastodon"),  4,  1, 0,  0, 0, TRUE,  TRUE,  0,         0,  0 },
  { "wordpress", N_("Website"),   0,  0, 0,  0, 0, FALSE, FALSE, 0,         0,  0 },
};

const char *
warta_media_rules_get_platform (guint index)
{
  g_return_val_if_fail (index < WARTA_MEDIA_N_PLATFORMS, NULL);

  return limits[index].platform;
}

const WartaMediaLimits *
warta_media_rules_get_limits (const char *platform)
{
  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    if (g_strcmp0 (limits[i].platform, platform) == 0)
      return &limits[i];
  return NULL;
}

const char *
warta_media_rules_get_name (const char *platform)
{
  const WartaMediaLimits *l = warta_media_rules_get_limits (platform);

  return l != NULL ? g_dgettext (GETTEXT_PACKAGE, l->name) : platform;
}

static void
problem_clear (WartaMediaProblem *problem)
{
  g_free (problem->message);
}

/* Takes @message. */
static void
add_problem (GArray *problems, WartaMediaRule rule, char *message)
{
  g_array_append_vals (problems, &(WartaMediaProblem) { rule, message }, 1);
}

/* @instance_max: the instance's limit, 0 when it is not known. */
static char *
too_many_photos (const WartaMediaLimits *l,
                 const char             *name,
                 guint                   n_photos,
                 guint                   instance_max)
{
  guint max_photos = instance_max > 0 ? instance_max : l->max_photos;

  if (l->per_instance && instance_max == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %1$s is a platform ("Mastodon"), %2$u its default limit, %3$u the number of photos */
                                         "%1$s takes at most %2$u photo in a post unless the instance allows more, and this publication has %3$u for %1$s. Choose at most %2$u photo for %1$s in the content concept: the instance’s own limit is checked before publishing.",
                                         "%1$s takes at most %2$u photos in a post unless the instance allows more, and this publication has %3$u for %1$s. Choose at most %2$u photos for %1$s in the content concept: the instance’s own limit is checked before publishing.",
                                         l->max_photos),
                            name, l->max_photos, n_photos);
  if (l->per_instance)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: %1$s is a platform ("Mastodon"), %2$u the instance's limit, %3$u the number of photos */
                                         "This %1$s instance takes at most %2$u photo in a post and this publication has %3$u for %1$s. Choose at most %2$u photo for %1$s in the content concept.",
                                         "This %1$s instance takes at most %2$u photos in a post and this publication has %3$u for %1$s. Choose at most %2$u photos for %1$s in the content concept.",
                                         max_photos),
                            name, max_photos, n_photos);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %1$s is a platform ("X"), %2$u its limit, %3$u the number of photos */
                                       "%1$s takes at most %2$u photo in a post and this publication has %3$u for %1$s. Choose at most %2$u photo for %1$s in the content concept.",
                                       "%1$s takes at most %2$u photos in a post and this publication has %3$u for %1$s. Choose at most %2$u photos for %1$s in the content concept.",
                                       max_photos),
                          name, max_photos, n_photos);
}

GArray *
warta_media_rules_check (const char *platform,
                         guint       n_photos,
                         guint       n_videos,
                         guint       max_photos)
{
  const WartaMediaLimits *l = warta_media_rules_get_limits (platform);
  const char *name;
  GArray *problems;
  guint instance_max = max_photos;

  if (l == NULL)
    return NULL;

  name = warta_media_rules_get_name (platform);
  problems = g_array_new (FALSE, FALSE, sizeof (WartaMediaProblem));
  g_array_set_clear_func (problems, (GDestroyNotify) problem_clear);
  if (max_photos == 0)
    max_photos = l->max_photos;

  if (l->no_mixing && n_photos > 0 && n_videos > 0)
    add_problem (problems, WARTA_MEDIA_RULE_MIXED,
                 /* Translators: %1$s is a platform ("X") */
                 g_strdup_printf (_("%1$s cannot show a video and photos in one post, and this publication has both for %1$s. Choose either the photos or the video for %1$s in the content concept."),
                                  name));
  if (l->max_videos > 0 && n_videos > l->max_videos)
    add_problem (problems, WARTA_MEDIA_RULE_TOO_MANY_VIDEOS,
                 /* Translators: %1$s is a platform ("X"), %2$u the number of videos (2 or more) */
                 g_strdup_printf (_("%1$s takes one video in a post and this publication has %2$u for %1$s. Choose one video for %1$s in the content concept."),
                                  name, n_videos));
  if (max_photos > 0 && n_photos > max_photos)
    add_problem (problems, WARTA_MEDIA_RULE_TOO_MANY_PHOTOS,
                 too_many_photos (l, name, n_photos, instance_max));
  if (l->max_items > 0 && n_photos + n_videos > l->max_items)
    add_problem (problems, WARTA_MEDIA_RULE_TOO_MANY_ITEMS,
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s is a platform ("Instagram"), %2$u its limit, %3$u the number of photos and videos */
                                               "%1$s takes at most %2$u photo or video in a post and this publication has %3$u for %1$s. Choose at most %2$u for %1$s in the content concept.",
                                               "%1$s takes at most %2$u photos and videos in a post and this publication has %3$u for %1$s. Choose at most %2$u for %1$s in the content concept.",
                                               l->max_items),
                                  name, l->max_items, n_photos + n_videos));
  if (l->min_videos > 0 && n_videos < l->min_videos)
    add_problem (problems, WARTA_MEDIA_RULE_NO_VIDEO,
                 /* Translators: %1$s is a platform ("YouTube") */
                 g_strdup_printf (_("A post on %1$s needs a video, and this publication has none for %1$s. Add one, or choose one for %1$s in the content concept."),
                                  name));
  else if (l->min_items > 0 && n_photos + n_videos < l->min_items)
    add_problem (problems, WARTA_MEDIA_RULE_NO_MEDIA,
                 /* Translators: %1$s is a platform ("Instagram") */
                 g_strdup_printf (_("A post on %1$s needs a photo or a video, and this publication has none for %1$s. Add one, or choose one for %1$s in the content concept."),
                                  name));
  return problems;
}

gboolean
warta_media_rules_is_blocking (WartaMediaRule rule)
{
  return rule != WARTA_MEDIA_RULE_NO_MEDIA && rule != WARTA_MEDIA_RULE_NO_VIDEO;
}

gboolean
warta_media_rules_has_problem (GArray         *problems,
                               WartaMediaRule  rule)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    if (g_array_index (problems, WartaMediaProblem, i).rule == rule)
      return TRUE;
  return FALSE;
}
