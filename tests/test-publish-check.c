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
  return g_test_run ();
}
