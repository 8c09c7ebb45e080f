/* test-publish-check.c: a target that cannot take the approved content is
 * refused before anything is sent, with why and what to do
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "warta-publish-check.h"
#include "warta-publish-error.h"

static WartaRevision *
revision_new (guint n_photos,
              guint n_videos)
{
  WartaRevision *revision = warta_revision_new ();

  warta_revision_set_title (revision, "Rakor pengawasan dana desa");
  warta_revision_set_narrative (revision, "Inspektorat menggelar rapat koordinasi.");
  for (guint i = 0; i < n_photos + n_videos; i++)
    {
      g_autoptr(WartaMediaItem) item = warta_media_item_new ();
      g_autofree char *path = g_strdup_printf ("media-%u", i);

      warta_media_item_set_path (item, path);
      warta_media_item_set_kind (item, i < n_photos ? "photo" : "video");
      warta_revision_add_media (revision, item);
    }
  return revision;
}

static WartaAccount *
account_new (gint64      id,
             const char *platform)
{
  WartaAccount *account = warta_account_new ();

  warta_account_set_id (account, id);
  warta_account_set_platform (account, platform);
  return account;
}

/* The office's accounts: one of each platform, the website among them
 * when @website. */
static GListModel *
office_new (gboolean website)
{
  static const char * const platforms[] = {
    "facebook", "instagram", "x", "youtube", "tiktok", "mastodon", "wordpress",
  };
  GListStore *store = g_list_store_new (WARTA_TYPE_ACCOUNT);

  for (guint i = 0; i < G_N_ELEMENTS (platforms); i++)
    {
      g_autoptr(WartaAccount) account = account_new (i + 1, platforms[i]);

      if (website || !g_str_equal (platforms[i], "wordpress"))
        g_list_store_append (store, account);
    }
  return G_LIST_MODEL (store);
}

/* The check of @platform's account of @office: NULL when it may go. */
static GError *
check (WartaRevision *revision,
       GListModel    *office,
       const char    *platform)
{
  GError *error = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (office); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (office, i);

      if (!g_str_equal (warta_account_get_platform (account), platform))
        continue;
      if (warta_publish_check_target (revision, account, office, &error))
        g_assert_no_error (error);
      else
        g_assert_nonnull (error);
      return error;
    }
  g_assert_not_reached ();
}

static void
test_photos_to_youtube (void)
{
  g_autoptr(WartaRevision) revision = revision_new (3, 0);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GError) error = check (revision, office, "youtube");

  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "YouTube takes only a video, and this publication has photos only. "
                   "Upload it elsewhere, or leave YouTube out.");
}

static void
test_video_to_youtube (void)
{
  g_autoptr(WartaRevision) revision = revision_new (0, 1);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GError) error = check (revision, office, "youtube");

  g_assert_no_error (error);
}

/* Nothing for YouTube: a video left out of it is as good as none. */
static void
test_no_video_for_youtube (void)
{
  g_autoptr(WartaRevision) revision = revision_new (0, 1);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(WartaMediaItem) video = g_list_model_get_item (warta_revision_get_media (revision), 0);
  g_autoptr(GError) error = NULL;

  warta_media_item_set_posted_to (video, "youtube", FALSE);
  error = check (revision, office, "youtube");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "YouTube out."));
}

static void
test_instagram_eleven (void)
{
  g_autoptr(WartaRevision) revision = revision_new (11, 0);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GError) error = check (revision, office, "instagram");

  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "Instagram takes at most 10 photos and videos in a post, "
                                            "and this publication has 11 for Instagram."));
  g_assert_nonnull (strstr (error->message, "Instagram out."));
}

static void
test_x_five_photos (void)
{
  g_autoptr(WartaRevision) revision = revision_new (5, 0);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GError) error = check (revision, office, "x");
  g_autoptr(WartaRevision) mixed = revision_new (1, 1);

  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "X takes at most 4 photos in a post, and this "
                                            "publication has 5 for X."));
  g_clear_error (&error);

  error = check (mixed, office, "x");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "X cannot show a video and photos in one post"));
}

/* Instagram fetches every photo from the office's website: without one,
 * the Instagram client's own message, before anything is sent. */
static void
test_instagram_without_website (void)
{
  g_autoptr(WartaRevision) revision = revision_new (2, 0);
  g_autoptr(GListModel) office = office_new (FALSE);
  g_autoptr(GError) error = check (revision, office, "instagram");

  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  g_assert_cmpstr (error->message, ==, warta_publish_check_no_host_message ("instagram", FALSE));
  g_assert_nonnull (strstr (error->message, "Instagram only takes images from a public web address"));
  g_clear_error (&error);

  /* TikTok's video goes to TikTok itself; its photos need the website. */
  g_clear_object (&revision);
  revision = revision_new (0, 1);
  error = check (revision, office, "tiktok");
  g_assert_no_error (error);
  g_clear_object (&revision);
  revision = revision_new (3, 0);
  error = check (revision, office, "tiktok");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_NOT_CONFIGURED);
  g_assert_cmpstr (error->message, ==, warta_publish_check_no_host_message ("tiktok", FALSE));
}

/* Nothing to show: Instagram and TikTok take no post without media. */
static void
test_no_media (void)
{
  g_autoptr(WartaRevision) revision = revision_new (0, 0);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GError) error = check (revision, office, "instagram");

  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "Instagram out."));
  g_clear_error (&error);
  error = check (revision, office, "tiktok");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "TikTok out."));
  g_clear_error (&error);
  for (guint i = 0; i < 3; i++)
    {
      error = check (revision, office, (const char *[]) { "facebook", "x", "mastodon" }[i]);
      g_assert_no_error (error);
    }
}

/* A publication every platform takes: nothing refused. Five photos on
 * Mastodon is a caveat (the instance may take more), not a refusal. */
static void
test_all_allowed (void)
{
  g_autoptr(WartaRevision) photos = revision_new (4, 0);
  g_autoptr(WartaRevision) five = revision_new (5, 0);
  g_autoptr(GListModel) office = office_new (TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (office); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (office, i);
      const char *platform = warta_account_get_platform (account);
      g_autoptr(GError) error = NULL;

      if (g_str_equal (platform, "youtube"))
        continue;
      g_assert_true (warta_publish_check_target (photos, account, office, &error));
      g_assert_no_error (error);
    }
  {
    g_autoptr(GError) error = check (five, office, "mastodon");

    g_assert_no_error (error);
  }
}

/* A caption over the platform's limit, counted as the platform counts:
 * an approved text cannot change, so the way out is the procedure or an
 * upload by hand. */
static void
test_x_caption_too_long (void)
{
  g_autoptr(WartaRevision) revision = revision_new (1, 0);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 312; i++)
    g_string_append_c (text, 'a' + i % 26);
  warta_revision_set_caption (revision, "x", text->str);
  error = check (revision, office, "x");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "The X post is 312 characters long as X counts; X takes 280. An approved "
                   "text cannot change: return the content concept for a shorter one, or "
                   "upload it to X by hand.");
  g_clear_error (&error);

  /* The other platforms take it. */
  error = check (revision, office, "facebook");
  g_assert_no_error (error);

  /* 150 Japanese characters weigh 300 for X; 140 weigh 280. */
  g_string_truncate (text, 0);
  for (guint i = 0; i < 150; i++)
    g_string_append (text, "\xe3\x81\x82");
  warta_revision_set_caption (revision, "x", text->str);
  error = check (revision, office, "x");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "The X post is 300 characters long as X counts; X takes 280."));
  g_clear_error (&error);
  g_string_truncate (text, 140 * 3);
  warta_revision_set_caption (revision, "x", text->str);
  error = check (revision, office, "x");
  g_assert_no_error (error);

  /* A link counts 23, however long. */
  g_string_assign (text, "Rakor pengawasan dana desa: https://inspektorat.example.go.id/");
  for (guint i = 0; i < 300; i++)
    g_string_append_c (text, 'a');
  warta_revision_set_caption (revision, "x", text->str);
  error = check (revision, office, "x");
  g_assert_no_error (error);
}

/* Without its own caption a target gets the narrative and the hashtags:
 * that is what is counted. */
static void
test_narrative_too_long_for_x (void)
{
  g_autoptr(WartaRevision) revision = revision_new (1, 0);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autofree char *narrative = g_strnfill (270, 'n');
  g_autoptr(GError) error = NULL;

  warta_revision_set_narrative (revision, narrative);
  error = check (revision, office, "x");
  g_assert_no_error (error);
  warta_revision_set_hashtags (revision, "#inspektorat #danadesa");
  error = check (revision, office, "x");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "The X post is 294 characters long"));
}

/* YouTube counts its description in bytes, its title in characters. */
static void
test_youtube_texts_too_long (void)
{
  g_autoptr(WartaRevision) revision = revision_new (0, 1);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 2600; i++)
    g_string_append (text, "\xc3\xa9");
  warta_revision_set_caption (revision, "youtube-description", text->str);
  error = check (revision, office, "youtube");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "The YouTube description is 5200 bytes long; YouTube takes 5000. An "
                   "approved text cannot change: return the content concept for a shorter "
                   "one, or upload it to YouTube by hand.");
  g_clear_error (&error);
  g_string_truncate (text, 2400 * 2);
  warta_revision_set_caption (revision, "youtube-description", text->str);
  error = check (revision, office, "youtube");
  g_assert_no_error (error);

  g_string_truncate (text, 101 * 2);
  warta_revision_set_caption (revision, "youtube-title", text->str);
  error = check (revision, office, "youtube");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "The YouTube title is 101 characters long as YouTube counts; YouTube takes 100."));
}

/* Mastodon's instance says its own limit when publishing: no refusal
 * before; TikTok counts an emoji 2. */
static void
test_other_captions (void)
{
  g_autoptr(WartaRevision) revision = revision_new (0, 1);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autofree char *long_text = g_strnfill (800, 'm');
  g_autoptr(GString) emoji = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  warta_revision_set_caption (revision, "mastodon", long_text);
  error = check (revision, office, "mastodon");
  g_assert_no_error (error);

  for (guint i = 0; i < 1101; i++)
    g_string_append (emoji, "\xf0\x9f\x99\x82");
  warta_revision_set_caption (revision, "tiktok-video", emoji->str);
  error = check (revision, office, "tiktok");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "The TikTok caption is 2202 characters long as TikTok counts; TikTok takes 2200."));
}

/* The one video of @revision, its probed length and size set. */
static void
set_video (WartaRevision *revision,
           gint64         seconds,
           guint64        size)
{
  GListModel *media = warta_revision_get_media (revision);

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);

      if (g_str_equal (warta_media_item_get_kind (item), "video"))
        {
          warta_media_item_set_duration_us (item, seconds * G_USEC_PER_SEC);
          warta_media_item_set_size (item, size);
        }
    }
}

/* A video longer than the platform takes: an approved video cannot
 * change, so the way out is the procedure or an upload by hand. */
static void
test_video_too_long (void)
{
  g_autoptr(WartaRevision) revision = revision_new (0, 1);
  g_autoptr(WartaRevision) with_photo = revision_new (1, 1);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GError) error = NULL;

  set_video (revision, 141, 20 * 1000 * 1000);
  error = check (revision, office, "x");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "The video “media-0” lasts 2:21, and X takes videos of 2:20 at most. An "
                   "approved video cannot change: return the content concept for a shorter "
                   "one, or upload it to X by hand.");
  g_clear_error (&error);
  /* Facebook, TikTok (the creator's own limit is asked when publishing),
   * Mastodon and YouTube take it. */
  for (guint i = 0; i < 4; i++)
    {
      error = check (revision, office, (const char *[]) { "facebook", "tiktok", "mastodon", "youtube" }[i]);
      g_assert_no_error (error);
    }

  set_video (revision, 140, 20 * 1000 * 1000);
  error = check (revision, office, "x");
  g_assert_no_error (error);
  /* A little over is over, said as such. */
  {
    g_autoptr(WartaMediaItem) video = g_list_model_get_item (warta_revision_get_media (revision), 0);

    warta_media_item_set_duration_us (video, 140 * G_USEC_PER_SEC + 400000);
    error = check (revision, office, "x");
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
    g_assert_nonnull (strstr (error->message, "lasts 2:21, and X takes videos of 2:20 at most."));
    g_clear_error (&error);
  }

  /* Instagram: 15 minutes alone, a minute among several items. */
  set_video (revision, 15 * 60 + 1, 200 * 1000 * 1000);
  error = check (revision, office, "instagram");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "lasts 15:01, and Instagram takes videos of 15:00 at most."));
  g_clear_error (&error);
  set_video (revision, 90, 200 * 1000 * 1000);
  error = check (revision, office, "instagram");
  g_assert_no_error (error);
  set_video (with_photo, 90, 200 * 1000 * 1000);
  error = check (with_photo, office, "instagram");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "lasts 1:30, and Instagram takes a video of 1:00 at most "
                                            "among several photos and videos."));
  g_clear_error (&error);

  /* YouTube: 12 hours even for a verified channel. */
  set_video (revision, 12 * 3600 + 5, 200 * 1000 * 1000);
  error = check (revision, office, "youtube");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "lasts 12:00:05, and YouTube takes videos of 12:00:00 at most."));
}

static void
test_video_too_large (void)
{
  g_autoptr(WartaRevision) revision = revision_new (0, 1);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GError) error = NULL;

  set_video (revision, 60, G_GUINT64_CONSTANT (312500000));
  error = check (revision, office, "instagram");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "The video “media-0” is 312.5\xc2\xa0MB, and Instagram takes videos of 300.0\xc2\xa0MB at "
                   "most. An approved video cannot change: return the content concept for a "
                   "smaller one, or upload it to Instagram by hand.");
  g_clear_error (&error);
  error = check (revision, office, "x");
  g_assert_no_error (error);

  set_video (revision, 60, G_GUINT64_CONSTANT (5) * 1000 * 1000 * 1000);
  error = check (revision, office, "tiktok");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "TikTok takes videos of 4.0\xc2\xa0GB at most."));
}

/* Not probed (media added before Warta kept it): no refusal. */
static void
test_video_not_probed (void)
{
  g_autoptr(WartaRevision) revision = revision_new (0, 1);
  g_autoptr(GListModel) office = office_new (TRUE);

  for (guint i = 0; i < g_list_model_get_n_items (office); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (office, i);
      g_autoptr(GError) error = NULL;

      if (g_str_equal (warta_account_get_platform (account), "wordpress"))
        continue;
      g_assert_true (warta_publish_check_target (revision, account, office, &error));
      g_assert_no_error (error);
    }
}

/* The settings of @platform's account of @office, as signing in keeps them. */
static void
set_settings (GListModel *office,
              const char *platform,
              const char *settings_json)
{
  for (guint i = 0; i < g_list_model_get_n_items (office); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (office, i);

      if (g_str_equal (warta_account_get_platform (account), platform))
        warta_account_set_settings (account, settings_json);
    }
}

/* Each refusal on an instance's limit says how to ask it again. */
#define ASK_AGAIN " The limit is the one the instance gave when Warta last asked it; if it " \
                  "takes more now, the social media admin asks it again with Ask the " \
                  "Instance Again."

/* An instance's own limit, as it said it at sign-in: counted as Mastodon
 * counts, a web address as characters_reserved_per_url. */
static void
test_mastodon_instance_text (void)
{
  g_autoptr(WartaRevision) revision = revision_new (1, 0);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autofree char *words = g_strnfill (576, 'm');
  g_autofree char *fits = NULL;
  g_autofree char *over = NULL;
  g_autoptr(GError) error = NULL;

  /* 576 + a space + 23 = 600, however long the address. */
  fits = g_strconcat (words, " https://inspektorat.kotaraya.go.id/berita/rakor-pengawasan-dana-desa",
                      NULL);
  over = g_strconcat (words, "!", " https://inspektorat.kotaraya.go.id/berita/rakor", NULL);
  set_settings (office, "mastodon",
                "{\"max-characters\": \"600\", \"characters-per-url\": \"23\", "
                "\"max-media\": \"4\"}");
  warta_revision_set_caption (revision, "mastodon", fits);
  error = check (revision, office, "mastodon");
  g_assert_no_error (error);

  warta_revision_set_caption (revision, "mastodon", over);
  error = check (revision, office, "mastodon");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "The Mastodon post is 601 characters long as Mastodon counts it (a web "
                   "address as 23); this instance takes 600. An approved text cannot change: "
                   "return the content concept for a shorter one, or post it on Mastodon by "
                   "hand." ASK_AGAIN);
  g_clear_error (&error);

  /* An instance of Mastodon's 500: the text that fits 600 does not. */
  set_settings (office, "mastodon", "{\"max-characters\": \"500\", \"characters-per-url\": \"23\"}");
  warta_revision_set_caption (revision, "mastodon", fits);
  error = check (revision, office, "mastodon");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "The Mastodon post is 600 characters long as Mastodon "
                                            "counts it (a web address as 23); this instance takes 500."));
  g_clear_error (&error);

  /* Another instance reserves more for an address. */
  set_settings (office, "mastodon", "{\"max-characters\": \"600\", \"characters-per-url\": \"30\"}");
  error = check (revision, office, "mastodon");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "is 607 characters long"));
  g_clear_error (&error);

  /* Nothing kept (signed in before Warta asked, an instance without v2):
   * no refusal, not even past Mastodon's default 500. */
  set_settings (office, "mastodon", "{\"visibility\": \"public\"}");
  warta_revision_set_caption (revision, "mastodon", over);
  error = check (revision, office, "mastodon");
  g_assert_no_error (error);
}

/* The one item of @kind in @revision: its size, its alt text. */
static void
set_item (WartaRevision *revision,
          const char    *kind,
          guint64        size,
          const char    *alt_text)
{
  GListModel *media = warta_revision_get_media (revision);

  for (guint i = 0; i < g_list_model_get_n_items (media); i++)
    {
      g_autoptr(WartaMediaItem) item = g_list_model_get_item (media, i);

      if (g_str_equal (warta_media_item_get_kind (item), kind))
        {
          warta_media_item_set_size (item, size);
          warta_media_item_set_alt_text (item, alt_text);
        }
    }
}

#define INSTANCE_LIMITS "{\"max-characters\": \"500\", \"image-size-limit\": \"16777216\", " \
                        "\"video-size-limit\": \"103809024\", \"description-limit\": \"1500\"}"

static void
test_mastodon_instance_media (void)
{
  g_autoptr(WartaRevision) photos = revision_new (1, 0);
  g_autoptr(WartaRevision) video = revision_new (0, 1);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autofree char *long_alt = g_strnfill (1501, 'a');
  g_autoptr(GError) error = NULL;

  set_settings (office, "mastodon", INSTANCE_LIMITS);
  set_item (photos, "photo", 16 * 1000 * 1000, "Peserta rapat");
  error = check (photos, office, "mastodon");
  g_assert_no_error (error);
  set_item (photos, "photo", 20 * 1000 * 1000, "Peserta rapat");
  error = check (photos, office, "mastodon");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "The photo “media-0” is 20.0\xc2\xa0MB, and this Mastodon instance takes photos "
                   "of 16.8\xc2\xa0MB at most. An approved photo cannot change: return the content "
                   "concept for a smaller one, or post it on Mastodon by hand."
                   ASK_AGAIN);
  g_clear_error (&error);

  set_item (photos, "photo", 1000 * 1000, long_alt);
  error = check (photos, office, "mastodon");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "The description (alt text) of “media-0” is 1501 characters long; this "
                   "Mastodon instance takes 1500. An approved description cannot change: return "
                   "the content concept for a shorter one, or post it on Mastodon by hand."
                   ASK_AGAIN);
  g_clear_error (&error);
  long_alt[1500] = '\0';
  set_item (photos, "photo", 1000 * 1000, long_alt);
  error = check (photos, office, "mastodon");
  g_assert_no_error (error);

  set_item (video, "video", 120 * 1000 * 1000, NULL);
  error = check (video, office, "mastodon");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "The video “media-0” is 120.0\xc2\xa0MB, and this Mastodon instance takes videos "
                   "of 103.8\xc2\xa0MB at most. An approved video cannot change: return the content "
                   "concept for a smaller one, or post it on Mastodon by hand."
                   ASK_AGAIN);
  g_clear_error (&error);
  /* The photo's limit is not the video's. */
  set_item (video, "video", 50 * 1000 * 1000, NULL);
  error = check (video, office, "mastodon");
  g_assert_no_error (error);

  /* Left out of Mastodon: not counted. */
  set_item (video, "video", 120 * 1000 * 1000, NULL);
  {
    g_autoptr(WartaMediaItem) item = g_list_model_get_item (warta_revision_get_media (video), 0);

    warta_media_item_set_posted_to (item, "mastodon", FALSE);
  }
  error = check (video, office, "mastodon");
  g_assert_no_error (error);

  /* No limits kept: Mastodon's default 16 MB is not certain, no refusal. */
  set_settings (office, "mastodon", "{}");
  set_item (photos, "photo", 20 * 1000 * 1000, long_alt);
  error = check (photos, office, "mastodon");
  g_assert_no_error (error);
}

/* An instance's own number of attachments, as it said it last; not
 * known, it may take more than Mastodon's 4. */
static void
test_mastodon_instance_photos (void)
{
  g_autoptr(WartaRevision) revision = revision_new (5, 0);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GError) error = NULL;

  error = check (revision, office, "mastodon");
  g_assert_no_error (error);
  set_settings (office, "mastodon", "{\"max-characters\": \"500\", \"max-media\": \"6\"}");
  error = check (revision, office, "mastodon");
  g_assert_no_error (error);
  set_settings (office, "mastodon", "{\"max-characters\": \"500\", \"max-media\": \"4\"}");
  error = check (revision, office, "mastodon");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "Mastodon takes at most 4 photos in a post, and this publication has 5 for "
                   "Mastodon. Upload it elsewhere, or leave Mastodon out.");
}

/* The Mastodon account of @office. */
static WartaAccount *
mastodon_of (GListModel *office)
{
  for (guint i = 0; i < g_list_model_get_n_items (office); i++)
    {
      g_autoptr(WartaAccount) account = g_list_model_get_item (office, i);

      if (g_str_equal (warta_account_get_platform (account), "mastodon"))
        return g_steal_pointer (&account);
    }
  g_assert_not_reached ();
}

/* A refusal on the instance's own limits is told apart, for the publish
 * view's Ask the Instance Again: the text's length and the number of
 * photos are; photos with a video, which no instance takes, are not. Once
 * asked, the refusal says the instance gave that limit just now. */
static void
test_mastodon_refused_by_instance (void)
{
  g_autoptr(WartaRevision) photos = revision_new (5, 0);
  g_autoptr(WartaRevision) mixed = revision_new (1, 1);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(WartaAccount) mastodon = mastodon_of (office);
  g_autoptr(GError) error = NULL;
  gboolean by_instance = TRUE;

  set_settings (office, "mastodon", "{\"max-characters\": \"10\", \"max-media\": \"6\"}");
  g_assert_false (warta_publish_check_target_instance (photos, mastodon, office, FALSE,
                                                       &by_instance, &error));
  g_assert_true (by_instance);
  g_assert_true (g_str_has_suffix (error->message, ASK_AGAIN));
  g_clear_error (&error);
  g_assert_false (warta_publish_check_target_instance (photos, mastodon, office, TRUE,
                                                       &by_instance, &error));
  g_assert_true (by_instance);
  g_assert_true (g_str_has_suffix (error->message, "this instance takes 10. An approved text "
                                   "cannot change: return the content concept for a shorter "
                                   "one, or post it on Mastodon by hand. Warta asked the "
                                   "instance just now, and this is the limit it gave."));
  g_clear_error (&error);

  set_settings (office, "mastodon", "{\"max-characters\": \"500\", \"max-media\": \"4\"}");
  g_assert_false (warta_publish_check_target_instance (photos, mastodon, office, TRUE,
                                                       &by_instance, &error));
  g_assert_true (by_instance);
  g_assert_cmpstr (error->message, ==,
                   "Mastodon takes at most 4 photos in a post, and this publication has 5 for "
                   "Mastodon. Upload it elsewhere, or leave Mastodon out. Warta asked the "
                   "instance just now, and this is the limit it gave.");
  g_clear_error (&error);

  g_assert_false (warta_publish_check_target_instance (mixed, mastodon, office, FALSE,
                                                       &by_instance, &error));
  g_assert_false (by_instance);
  g_clear_error (&error);

  set_settings (office, "mastodon", "{\"max-characters\": \"500\", \"max-media\": \"6\"}");
  by_instance = TRUE;
  g_assert_true (warta_publish_check_target_instance (photos, mastodon, office, FALSE,
                                                      &by_instance, &error));
  g_assert_no_error (error);
  g_assert_false (by_instance);
}

/* Longer than 15 minutes: only a verified channel, as YouTube said at
 * sign-in; not known, no refusal. */
static void
test_youtube_long_upload (void)
{
  g_autoptr(WartaRevision) revision = revision_new (0, 1);
  g_autoptr(GListModel) office = office_new (TRUE);
  g_autoptr(GError) error = NULL;

  set_video (revision, 16 * 60, 500 * 1000 * 1000);
  set_settings (office, "youtube", "{\"long-uploads\": \"eligible\"}");
  error = check (revision, office, "youtube");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_assert_cmpstr (error->message, ==,
                   "The video “media-0” lasts 16:00, and this YouTube channel takes videos of "
                   "15:00 at most until it is verified. Verify the channel on YouTube "
                   "(youtube.com/verify), then sign in to it again in Accounts; or return the "
                   "content concept for a shorter video, or upload it to YouTube by hand.");
  g_clear_error (&error);
  set_settings (office, "youtube", "{\"long-uploads\": \"disallowed\"}");
  error = check (revision, office, "youtube");
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
  g_clear_error (&error);

  set_settings (office, "youtube", "{\"long-uploads\": \"allowed\"}");
  error = check (revision, office, "youtube");
  g_assert_no_error (error);
  set_settings (office, "youtube", "{}");
  error = check (revision, office, "youtube");
  g_assert_no_error (error);

  /* 15:00 is not longer than 15 minutes. */
  set_settings (office, "youtube", "{\"long-uploads\": \"eligible\"}");
  set_video (revision, 15 * 60, 500 * 1000 * 1000);
  error = check (revision, office, "youtube");
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/publish-check/photos-to-youtube", test_photos_to_youtube);
  g_test_add_func ("/warta/publish-check/video-to-youtube", test_video_to_youtube);
  g_test_add_func ("/warta/publish-check/no-video-for-youtube", test_no_video_for_youtube);
  g_test_add_func ("/warta/publish-check/instagram-eleven", test_instagram_eleven);
  g_test_add_func ("/warta/publish-check/x-five-photos", test_x_five_photos);
  g_test_add_func ("/warta/publish-check/instagram-without-website", test_instagram_without_website);
  g_test_add_func ("/warta/publish-check/no-media", test_no_media);
  g_test_add_func ("/warta/publish-check/all-allowed", test_all_allowed);
  g_test_add_func ("/warta/publish-check/x-caption-too-long", test_x_caption_too_long);
  g_test_add_func ("/warta/publish-check/narrative-too-long-for-x", test_narrative_too_long_for_x);
  g_test_add_func ("/warta/publish-check/youtube-texts-too-long", test_youtube_texts_too_long);
  g_test_add_func ("/warta/publish-check/other-captions", test_other_captions);
  g_test_add_func ("/warta/publish-check/video-too-long", test_video_too_long);
  g_test_add_func ("/warta/publish-check/video-too-large", test_video_too_large);
  g_test_add_func ("/warta/publish-check/video-not-probed", test_video_not_probed);
  g_test_add_func ("/warta/publish-check/mastodon-instance-text", test_mastodon_instance_text);
  g_test_add_func ("/warta/publish-check/mastodon-instance-media", test_mastodon_instance_media);
  g_test_add_func ("/warta/publish-check/mastodon-instance-photos", test_mastodon_instance_photos);
  g_test_add_func ("/warta/publish-check/mastodon-refused-by-instance",
                   test_mastodon_refused_by_instance);
  g_test_add_func ("/warta/publish-check/youtube-long-upload", test_youtube_long_upload);
  return g_test_run ();
}
