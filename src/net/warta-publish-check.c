/* warta-publish-check.c: whether a target can take a publication's approved content
 *
 * Asked before anything is sent: the publish view shows a target that
 * cannot take the content insensitive, with this check's reason, the
 * outbox writes no job for one and tries none again. The numbers are the
 * editor's and the publishers' (warta-media-rules, warta-caption-rules
 * with its counting), and what a platform said of the account when it
 * signed in or was last published to (a Mastodon instance's limits, a
 * YouTube channel's long uploads); the publishers still refuse such a post
 * themselves, for jobs written before this check. The words are the
 * publish step's: approved content no longer changes, so what is left to
 * do is leaving the target out or uploading elsewhere.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "warta-caption-rules.h"
#include "warta-mastodon.h"
#include "warta-media-rules.h"
#include "warta-publish-check.h"
#include "warta-publish-error.h"
#include "warta-publish-util-private.h"

const char *
warta_publish_check_no_host_message (const char *platform,
                                     gboolean    video)
{
  if (g_strcmp0 (platform, "tiktok") == 0)
    return _("TikTok takes photos only from a public address, and Warta puts them on the office’s WordPress website, but no website is set up. Add the website in Accounts, or post the photos in the TikTok app and record the proof.");
  return video ? _("Instagram only takes videos from a public web address, and none is set up for this post. Add the office’s WordPress website in Accounts: Warta then uploads the video to its media library and gives Instagram that address.")
               : _("Instagram only takes images from a public web address, and none is set up for this post. Add the office’s WordPress website in Accounts: Warta then uploads the image to its media library and gives Instagram that address.");
}

/* The publish step's words for a broken rule of warta_media_rules_check();
 * @max_photos: a Mastodon instance's own number, 0 for the table's. */
static char *
problem_message (const char     *platform,
                 WartaMediaRule  rule,
                 guint           n_photos,
                 guint           n_videos,
                 guint           max_photos)
{
  const WartaMediaLimits *l = warta_media_rules_get_limits (platform);
  const char *name = warta_media_rules_get_name (platform);

  if (max_photos == 0)
    max_photos = l->max_photos;

  switch (rule)
    {
    case WARTA_MEDIA_RULE_NO_VIDEO:
      if (n_photos > 0)
        /* Translators: %1$s is a platform ("YouTube") */
        return g_strdup_printf (_("%1$s takes only a video, and this publication has photos only. Upload it elsewhere, or leave %1$s out."),
                                name);
      /* Translators: %1$s is a platform ("YouTube") */
      return g_strdup_printf (_("%1$s takes only a video, and this publication has none for %1$s. Leave %1$s out."),
                              name);
    case WARTA_MEDIA_RULE_NO_MEDIA:
      /* Translators: %1$s is a platform ("Instagram") */
      return g_strdup_printf (_("A post on %1$s needs a photo or a video, and this publication has none for %1$s. Leave %1$s out."),
                              name);
    case WARTA_MEDIA_RULE_MIXED:
      /* Translators: %1$s is a platform ("X") */
      return g_strdup_printf (_("%1$s cannot show a video and photos in one post, and this publication has both for %1$s. Upload it elsewhere, or leave %1$s out."),
                              name);
    case WARTA_MEDIA_RULE_TOO_MANY_VIDEOS:
      /* Translators: %1$s is a platform ("X"), %2$u the number of videos (2 or more) */
      return g_strdup_printf (_("%1$s takes one video in a post, and this publication has %2$u for %1$s. Upload it elsewhere, or leave %1$s out."),
                              name, n_videos);
    case WARTA_MEDIA_RULE_TOO_MANY_PHOTOS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$s is a platform ("X"), %2$u its limit, %3$u the number of photos */
                                           "%1$s takes at most %2$u photo in a post, and this publication has %3$u for %1$s. Upload it elsewhere, or leave %1$s out.",
                                           "%1$s takes at most %2$u photos in a post, and this publication has %3$u for %1$s. Upload it elsewhere, or leave %1$s out.",
                                           max_photos),
                              name, max_photos, n_photos);
    case WARTA_MEDIA_RULE_TOO_MANY_ITEMS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$s is a platform ("Instagram"), %2$u its limit, %3$u the number of photos and videos */
                                           "%1$s takes at most %2$u photo or video in a post, and this publication has %3$u for %1$s. Upload it elsewhere, or leave %1$s out.",
                                           "%1$s takes at most %2$u photos and videos in a post, and this publication has %3$u for %1$s. Upload it elsewhere, or leave %1$s out.",
                                           l->max_items),
                              name, l->max_items, n_photos + n_videos);
    }
}

/* "2:20", "1:02:03": a video's length for the messages below. */
static char *
format_length (gint64 seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));
  return g_strdup_printf ("%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* Why a video of @item is too long or too large for @platform, or NULL;
 * @n_items: the photos and videos of the post. A length or size not
 * known (not probed when the file was added) is no refusal. */
static char *
check_video (WartaMediaItem *item,
             const char     *platform,
             guint           n_items)
{
  const WartaMediaLimits *l = warta_media_rules_get_limits (platform);
  const char *name = warta_media_rules_get_name (platform);
  g_autofree char *file = g_path_get_basename (warta_media_item_get_path (item));
  /* Rounded up: 2:20.4 is longer than 2:20. */
  gint64 duration_s = (warta_media_item_get_duration_us (item) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;
  guint64 size = warta_media_item_get_size (item);
  gboolean among = n_items > 1 && l->max_item_video_s > 0;
  guint max_s = among ? l->max_item_video_s : l->max_video_s;

  if (max_s > 0 && warta_media_item_get_duration_us (item) > (gint64) max_s * G_USEC_PER_SEC)
    {
      g_autofree char *length = format_length (duration_s);
      g_autofree char *max = format_length (max_s);

      if (among)
        /* Translators: %1$s is a file name, %2$s its length ("1:30"), %3$s a platform ("Instagram"), %4$s the limit ("1:00") */
        return g_strdup_printf (_("The video “%1$s” lasts %2$s, and %3$s takes a video of %4$s at most among several photos and videos. An approved video cannot change: return the content concept to post it alone or shorter, or upload it to %3$s by hand."),
                                file, length, name, max);
      /* Translators: %1$s is a file name, %2$s its length ("2:31"), %3$s a platform ("X"), %4$s the limit ("2:20") */
      return g_strdup_printf (_("The video “%1$s” lasts %2$s, and %3$s takes videos of %4$s at most. An approved video cannot change: return the content concept for a shorter one, or upload it to %3$s by hand."),
                              file, length, name, max);
    }
  if (l->max_video_mb > 0 && size > (guint64) l->max_video_mb * 1000 * 1000)
    {
      g_autofree char *has = g_format_size (size);
      g_autofree char *max = g_format_size ((guint64) l->max_video_mb * 1000 * 1000);

      /* Translators: %1$s is a file name, %2$s its size ("312.5 MB"), %3$s a platform ("Instagram"), %4$s the limit ("300.0 MB") */
      return g_strdup_printf (_("The video “%1$s” is %2$s, and %3$s takes videos of %4$s at most. An approved video cannot change: return the content concept for a smaller one, or upload it to %3$s by hand."),
                              file, has, name, max);
    }
  return NULL;
}

/* YouTube takes videos longer than 15 minutes only from a verified
 * channel (platform-apis.md §4.3): status.longUploadsStatus, kept in the
 * account's settings when it signed in (warta-accounts-page.c), says
 * whether this one may. Not known (signed in before Warta asked): no
 * refusal, YouTube says it when publishing. */
#define YOUTUBE_UNVERIFIED_MAX_S (15 * 60)

static char *
check_long_upload (WartaMediaItem *item,
                   WartaAccount   *account)
{
  g_autofree char *status = warta_account_dup_setting (account, "long-uploads");
  g_autofree char *file = NULL;
  g_autofree char *length = NULL;
  gint64 duration_us = warta_media_item_get_duration_us (item);

  if (status == NULL || g_str_equal (status, "allowed") ||
      duration_us <= (gint64) YOUTUBE_UNVERIFIED_MAX_S * G_USEC_PER_SEC)
    return NULL;
  file = g_path_get_basename (warta_media_item_get_path (item));
  length = format_length ((duration_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  /* Translators: %1$s is a file name, %2$s its length ("16:00") */
  return g_strdup_printf (_("The video “%1$s” lasts %2$s, and this YouTube channel takes videos of 15:00 at most until it is verified. Verify the channel on YouTube (youtube.com/verify), then sign in to it again in Accounts; or return the content concept for a shorter video, or upload it to YouTube by hand."),
                          file, length);
}

/* The texts a platform's post carries whose length the platform refuses
 * past its limit, as its publisher sends them
 * (warta_publish_job_dup_text()). Not Mastodon's: each instance says its
 * own limit (check_mastodon()); not TikTok's photo title, which its
 * client shortens. */
static const struct {
  const char         *platform;
  const char         *text;
  WartaCaptionTarget  target;
  gboolean            video;      /* for a post with a video; else for photos */
  gboolean            photos;
} caption_texts[] = {
  { "facebook",  "facebook",            WARTA_CAPTION_TARGET_FACEBOOK,                 TRUE, TRUE },
  { "instagram", "instagram",           WARTA_CAPTION_TARGET_INSTAGRAM,                TRUE, TRUE },
  { "x",         "x",                   WARTA_CAPTION_TARGET_X,                        TRUE, TRUE },
  { "youtube",   "youtube-title",       WARTA_CAPTION_TARGET_YOUTUBE_TITLE,            TRUE, TRUE },
  { "youtube",   "youtube-description", WARTA_CAPTION_TARGET_YOUTUBE_DESCRIPTION,      TRUE, TRUE },
  { "tiktok",    "tiktok-video",        WARTA_CAPTION_TARGET_TIKTOK_VIDEO,             TRUE, FALSE },
  { "tiktok",    "tiktok-video",        WARTA_CAPTION_TARGET_TIKTOK_PHOTO_DESCRIPTION, FALSE, TRUE },
};

/* Why @revision's text for @platform is too long for it, or NULL; counted
 * as the platform counts (warta_caption_check()). */
static char *
check_captions (WartaRevision *revision,
                const char    *platform,
                gboolean       video)
{
  const char *name = warta_media_rules_get_name (platform);

  for (guint i = 0; i < G_N_ELEMENTS (caption_texts); i++)
    {
      g_autofree char *text = NULL;
      g_autoptr(WartaCaptionResult) result = NULL;
      const char *what;
      int count, limit;

      if (g_strcmp0 (caption_texts[i].platform, platform) != 0 ||
          !(video ? caption_texts[i].video : caption_texts[i].photos))
        continue;
      text = warta_publish_revision_dup_text (revision, caption_texts[i].text);
      result = warta_caption_check (caption_texts[i].target, text);
      if (!warta_caption_result_has_problem (result, WARTA_CAPTION_RULE_TOO_LONG))
        continue;
      what = warta_caption_target_get_name (caption_texts[i].target);
      count = (int) warta_caption_result_get_count (result);
      limit = (int) warta_caption_result_get_limit (result);
      if (warta_caption_target_get_limits (caption_texts[i].target)->counting ==
          WARTA_CAPTION_COUNT_UTF8_BYTES)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: %1$s is a text ("YouTube description"), %2$d its length, %3$s a platform ("YouTube"), %4$d its limit */
                                             "The %1$s is %2$d byte long; %3$s takes %4$d. An approved text cannot change: return the content concept for a shorter one, or upload it to %3$s by hand.",
                                             "The %1$s is %2$d bytes long; %3$s takes %4$d. An approved text cannot change: return the content concept for a shorter one, or upload it to %3$s by hand.",
                                             count),
                                what, count, name, limit);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$s is a text ("X post"), %2$d its length as the platform counts, %3$s a platform ("X"), %4$d its limit */
                                           "The %1$s is %2$d character long as %3$s counts; %3$s takes %4$d. An approved text cannot change: return the content concept for a shorter one, or upload it to %3$s by hand.",
                                           "The %1$s is %2$d characters long as %3$s counts; %3$s takes %4$d. An approved text cannot change: return the content concept for a shorter one, or upload it to %3$s by hand.",
                                           count),
                              what, count, name, limit);
    }
  return NULL;
}

/* A Mastodon instance's own limits (§6.4), as it said them when the
 * account signed in or Warta last published there
 * (warta_mastodon_limits_load()): the status's length, each photo's and
 * video's size, each alt text's length.
 *
 * None kept (an account signed in before Warta asked, an instance that
 * says none, before Mastodon 3.4), or one number the instance did not
 * say: no refusal on it. Mastodon's documented defaults (500 characters, 16 MB
 * photos, 99 MB videos, 1,500 characters of alt text) are not certain
 * for an instance that never said them: forks (glitch-soc, Hometown …)
 * and newer versions raise them, and a refusal on them would keep posts
 * from instances that take them. Such an instance still refuses what it
 * does not take when publishing, as before. */
static char *
check_mastodon (WartaRevision *revision,
                WartaAccount  *account)
{
  WartaMastodonLimits limits;
  GListModel *media = warta_revision_get_media (revision);

  if (!warta_mastodon_limits_load (account, &limits))
    return NULL;

  /* Warta sends a status without a content warning (spoiler_text), which
   * would count too: the status alone, counted as Mastodon counts it
   * (grapheme clusters, each web address as characters_reserved_per_url,
   * a mention by its username). */
  if (limits.max_characters > 0)
    {
      g_autofree char *text = warta_publish_revision_dup_text (revision, "mastodon");
      guint url_length = limits.url_length > 0
                         ? limits.url_length
                         : warta_caption_target_get_limits (WARTA_CAPTION_TARGET_MASTODON)->url_length;
      gint64 count = warta_caption_count_mastodon (text ? text : "", url_length);

      if (count > limits.max_characters)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: %1$d is the post's length, %2$u what a web address counts, %3$u the instance's limit */
                                             "The Mastodon post is %1$d character long as Mastodon counts it (a web address as %2$u); this instance takes %3$u. An approved text cannot change: return the content concept for a shorter one, or post it on Mastodon by hand.",
                                             "The Mastodon post is %1$d characters long as Mastodon counts it (a web address as %2$u); this instance takes %3$u. An approved text cannot change: return the content concept for a shorter one, or post it on Mastodon by hand.",
                                             (gulong) count),
                                (int) count, url_length, limits.max_characters);
    }

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);
      gboolean video = g_strcmp0 (warta_media_item_get_kind (item), "video") == 0;
      const char *path = warta_media_item_get_path (item);
      g_autofree char *file = NULL;
      g_autofree char *lower = g_ascii_strdown (path ? path : "", -1);
      const char *alt = warta_media_item_get_alt_text (item);
      guint64 size = warta_media_item_get_size (item);
      guint64 max = video ? limits.video_size_limit : limits.image_size_limit;
      glong alt_length;

      if (!warta_media_item_get_posted_to (item, "mastodon"))
        continue;
      file = g_path_get_basename (path);
      /* An animated GIF may go as a video, under the video's limit: not
       * certain, so not refused. A size not known is no refusal. */
      if (size > 0 && max > 0 && size > max &&
          (video || !g_str_has_suffix (lower, ".gif")))
        {
          g_autofree char *has = g_format_size (size);
          g_autofree char *takes = g_format_size (max);

          if (video)
            /* Translators: %1$s is a file name, %2$s its size ("120.0 MB"), %3$s the instance's limit ("103.8 MB") */
            return g_strdup_printf (_("The video “%1$s” is %2$s, and this Mastodon instance takes videos of %3$s at most. An approved video cannot change: return the content concept for a smaller one, or post it on Mastodon by hand."),
                                    file, has, takes);
          /* Translators: %1$s is a file name, %2$s its size ("20.0 MB"), %3$s the instance's limit ("16.8 MB") */
          return g_strdup_printf (_("The photo “%1$s” is %2$s, and this Mastodon instance takes photos of %3$s at most. An approved photo cannot change: return the content concept for a smaller one, or post it on Mastodon by hand."),
                                  file, has, takes);
        }
      /* Warta sends each alt text as the attachment's description, which
       * Mastodon counts in characters. */
      alt_length = alt ? g_utf8_strlen (alt, -1) : 0;
      if (limits.description_limit > 0 && alt_length > (glong) limits.description_limit)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: %1$s is a file name, %2$ld the length of its description, %3$u the instance's limit */
                                             "The description (alt text) of “%1$s” is %2$ld character long; this Mastodon instance takes %3$u. An approved description cannot change: return the content concept for a shorter one, or post it on Mastodon by hand.",
                                             "The description (alt text) of “%1$s” is %2$ld characters long; this Mastodon instance takes %3$u. An approved description cannot change: return the content concept for a shorter one, or post it on Mastodon by hand.",
                                             (gulong) alt_length),
                                file, alt_length, limits.description_limit);
    }
  return NULL;
}

/* Said after a refusal on the limits the instance gave when asked a
 * moment ago. */
static const char *
just_asked (void)
{
  return _("Warta asked the instance just now, and this is the limit it gave.");
}

gboolean
warta_publish_check_mastodon_limits (WartaRevision  *revision,
                                     WartaAccount   *account,
                                     GError        **error)
{
  g_autofree char *refusal = NULL;

  g_return_val_if_fail (WARTA_IS_REVISION (revision), FALSE);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), FALSE);

  refusal = check_mastodon (revision, account);
  if (refusal == NULL)
    return TRUE;
  g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED, refusal);
  return FALSE;
}

/* warta_publish_check_target(), with a Mastodon instance's own limits
 * (@instance) or without them; @asked_now: those kept were said by the
 * instance just now, and a refusal on them says so. */
static gboolean
check_target (WartaRevision  *revision,
              WartaAccount   *account,
              GListModel     *accounts,
              gboolean        instance_limits,
              gboolean        asked_now,
              GError        **error)
{
  const char *platform;
  GListModel *media;
  guint n_photos = 0, n_videos = 0, max_photos = 0;
  g_autoptr(GArray) problems = NULL;
  const WartaMediaLimits *limits;
  gboolean needs_host;
  g_autoptr(WartaAccount) host = NULL;
  g_autofree char *refusal = NULL;

  /* What goes to this platform: the author may leave some out
   * (as warta_publish_job_list_media() picks it). */
  platform = warta_account_get_platform (account);
  media = warta_revision_get_media (revision);
  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);
      const char *kind = warta_media_item_get_kind (item);

      if (platform != NULL && !warta_media_item_get_posted_to (item, platform))
        continue;
      n_photos += g_strcmp0 (kind, "photo") == 0;
      n_videos += g_strcmp0 (kind, "video") == 0;
    }

  limits = warta_media_rules_get_limits (platform);
  /* A Mastodon instance's own number of attachments, as it said it last
   * (check_mastodon()); not known, the instance may take more than
   * Mastodon's 4: its publisher asks it. */
  if (limits != NULL && limits->per_instance && instance_limits)
    {
      WartaMastodonLimits instance;

      warta_mastodon_limits_load (account, &instance);
      max_photos = instance.max_media;
    }
  problems = warta_media_rules_check (platform, n_photos, n_videos, max_photos);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      WartaMediaRule rule = g_array_index (problems, WartaMediaProblem, i).rule;
      g_autofree char *message = NULL;

      if (rule == WARTA_MEDIA_RULE_TOO_MANY_PHOTOS && limits->per_instance && max_photos == 0)
        continue;
      message = problem_message (platform, rule, n_photos, n_videos, max_photos);
      if (rule == WARTA_MEDIA_RULE_TOO_MANY_PHOTOS && limits->per_instance && asked_now)
        g_set_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED, "%s %s", message,
                     just_asked ());
      else
        g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED, message);
      return FALSE;
    }
  /* TikTok's table asks for nothing (the editor's preview shows a text
   * post's lack elsewhere), but TikTok takes no post without media. */
  if (g_strcmp0 (platform, "tiktok") == 0 && n_photos + n_videos == 0)
    {
      g_autofree char *message = problem_message (platform, WARTA_MEDIA_RULE_NO_MEDIA, 0, 0, 0);

      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED, message);
      return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (media) && limits != NULL; i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);

      if ((platform != NULL && !warta_media_item_get_posted_to (item, platform)) ||
          g_strcmp0 (warta_media_item_get_kind (item), "video") != 0)
        continue;
      refusal = check_video (item, platform, n_photos + n_videos);
      if (refusal == NULL && g_strcmp0 (platform, "youtube") == 0)
        refusal = check_long_upload (item, account);
      if (refusal != NULL)
        {
          g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED, refusal);
          return FALSE;
        }
    }

  refusal = check_captions (revision, platform, n_videos > 0);
  if (refusal == NULL && instance_limits && g_strcmp0 (platform, "mastodon") == 0)
    {
      g_autofree char *instance = check_mastodon (revision, account);

      /* The instance's numbers are its last answer: one that takes more
       * since is asked again (the publish view's Ask the Instance Again,
       * or signing in). */
      if (instance != NULL)
        refusal = g_strdup_printf ("%s %s", instance,
                                   asked_now
                                   ? just_asked ()
                                   : _("The limit is the one the instance gave when Warta last "
                                       "asked it; if it takes more now, the social media admin "
                                       "asks it again with Ask the Instance Again."));
    }
  if (refusal != NULL)
    {
      g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED, refusal);
      return FALSE;
    }

  /* Instagram fetches every item, TikTok its photos, from the office's
   * website (_warta_publish_find_photo_host()). */
  needs_host = (g_strcmp0 (platform, "instagram") == 0 && n_photos + n_videos > 0) ||
               (g_strcmp0 (platform, "tiktok") == 0 && n_photos > 0);
  if (!needs_host)
    return TRUE;
  host = _warta_publish_find_host_in (accounts,
                                      (gint64) _warta_publish_setting_uint (account, "wordpress-account", 0));
  if (host != NULL)
    return TRUE;
  g_set_error_literal (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED,
                       warta_publish_check_no_host_message (platform, n_photos == 0));
  return FALSE;
}

gboolean
warta_publish_check_target (WartaRevision  *revision,
                            WartaAccount   *account,
                            GListModel     *accounts,
                            GError        **error)
{
  return warta_publish_check_target_instance (revision, account, accounts, FALSE, NULL, error);
}

gboolean
warta_publish_check_target_instance (WartaRevision  *revision,
                                     WartaAccount   *account,
                                     GListModel     *accounts,
                                     gboolean        asked_now,
                                     gboolean       *out_by_instance,
                                     GError        **error)
{
  GError *local = NULL;

  g_return_val_if_fail (WARTA_IS_REVISION (revision), FALSE);
  g_return_val_if_fail (WARTA_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (accounts), FALSE);

  if (out_by_instance != NULL)
    *out_by_instance = FALSE;
  if (check_target (revision, account, accounts, TRUE, asked_now, &local))
    return TRUE;
  /* Refused only on the instance's numbers: an instance that takes more
   * takes it. Photos with a video, or a text too long for any Mastodon,
   * no instance's answer changes. */
  if (out_by_instance != NULL && g_strcmp0 (warta_account_get_platform (account), "mastodon") == 0 &&
      g_error_matches (local, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED))
    *out_by_instance = check_target (revision, account, accounts, FALSE, FALSE, NULL);
  g_propagate_error (error, local);
  return FALSE;
}
