/* warta-post-text.c: the exact text a target receives
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor counts, previews and checks this text, and publishing sends
 * it: one function, so what the counter says is what the platform gets.
 * Hashtags and mentions of the content concept are appended after a blank
 * line to the posts that carry them, never to titles or the article.
 */
#include "config.h"

#include "warta-post-text.h"

gboolean
warta_post_text_takes_hashtags (WartaCaptionTarget target)
{
  switch (target)
    {
    case WARTA_CAPTION_TARGET_FACEBOOK:
    case WARTA_CAPTION_TARGET_INSTAGRAM:
    case WARTA_CAPTION_TARGET_X:
    case WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION:
    case WARTA_CAPTION_TARGET_TIKTOK_VIDEO:
    case WARTA_CAPTION_TARGET_TIKTOK_PHOTO_DESCRIPTION:
    case WARTA_CAPTION_TARGET_MASTODON:
      return TRUE;

    case WARTA_CAPTION_TARGET_YOUTUBE_TITLE:
    case WARTA_CAPTION_TARGET_TIKTOK_PHOTO_TITLE:
    case WARTA_CAPTION_TARGET_WEBSITE_TITLE:
    case WARTA_CAPTION_TARGET_WEBSITE_BODY:
    case WARTA_N_CAPTION_TARGETS:
    default:
      return FALSE;
    }
}

/**
 * warta_post_text_compose:
 * @caption: (nullable): the target's caption
 * @hashtags: (nullable): the concept's hashtags and mentions
 *
 * Returns: (transfer full): the text posted to @target: the caption with
 *   trailing white space removed, then the hashtags after a blank line
 *   where the target takes them. Empty when the caption is empty: a target
 *   without a caption is not posted to.
 */
char *
warta_post_text_compose (WartaCaptionTarget  target,
                         const char         *caption,
                         const char         *hashtags)
{
  g_autofree char *body = g_strchomp (g_strdup (caption ? caption : ""));
  g_autofree char *tags = g_strstrip (g_strdup (hashtags ? hashtags : ""));

  if (*body == '\0')
    return g_strdup ("");

  if (*tags == '\0' || !warta_post_text_takes_hashtags (target))
    return g_steal_pointer (&body);

  return g_strconcat (body, "\n\n", tags, NULL);
}
