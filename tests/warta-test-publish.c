/* warta-test-publish.c: a database with an approved publication and accounts
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "warta-test-publish.h"
#include "warta-user-repository-private.h"

WartaTestPublish *
warta_test_publish_new (void)
{
  WartaTestPublish *t = g_new0 (WartaTestPublish, 1);
  g_autoptr(GError) error = NULL;

  _warta_user_repository_set_fast_hashing (TRUE);
  t->dir = g_dir_make_tmp ("warta-outbox-XXXXXX", &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, "warta.db", NULL);
  t->db = warta_database_open (t->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE,
                               &error);
  g_assert_no_error (error);
  t->clock = warta_clock_new (NULL);
  t->users = warta_user_repository_new (t->db, t->clock);
  t->publications = warta_publication_repository_new (t->db, t->clock);
  t->accounts = warta_account_repository_new (t->db, t->clock);
  t->outbox = warta_outbox_repository_new (t->publications);
  t->admin = warta_user_repository_create_first_admin (t->users, "admin", "Sari Dewi",
                                                       "rahasia-123", WARTA_ROLE_ALL, &error);
  g_assert_no_error (error);
  return t;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
warta_test_publish_free (WartaTestPublish *t)
{
  if (t == NULL)
    return;
  g_clear_object (&t->admin);
  g_assert_finalize_object (g_steal_pointer (&t->outbox));
  g_assert_finalize_object (g_steal_pointer (&t->accounts));
  g_assert_finalize_object (g_steal_pointer (&t->publications));
  g_assert_finalize_object (g_steal_pointer (&t->users));
  g_assert_finalize_object (g_steal_pointer (&t->clock));
  g_assert_finalize_object (g_steal_pointer (&t->db));
  remove_tree (t->dir);
  g_free (t->path);
  g_free (t->dir);
  g_free (t);
}

gint64
warta_test_publish_add_account (WartaTestPublish *t,
                                const char       *platform,
                                const char       *base_url,
                                const char       *settings_json,
                                const char       *keyring_id)
{
  g_autoptr(WartaAccount) account = warta_account_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("Humas %s", platform);

  warta_account_set_platform (account, platform);
  warta_account_set_display_name (account, name);
  warta_account_set_base_url (account, base_url);
  warta_account_set_settings (account, settings_json ? settings_json : "{}");
  warta_account_set_keyring_id (account, keyring_id);
  g_assert_true (warta_account_repository_add (t->accounts, t->admin, account, &error));
  g_assert_no_error (error);
  return warta_account_get_id (account);
}

char *
warta_test_publish_write_png (const char *dir,
                              const char *name,
                              gsize       size)
{
  /* A 1×1 PNG; bytes after IEND pad it to @size (decoders ignore them). */
  static const guchar png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f,
    0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
    0xcf, 0xc0, 0xf0, 0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00,
    0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  };
  g_autoptr(GError) error = NULL;
  g_autofree guchar *data = g_malloc0 (MAX (size, sizeof png));
  char *path = g_build_filename (dir, name, NULL);

  memcpy (data, png, sizeof png);
  for (gsize i = sizeof png; i < size; i++)
    data[i] = (guchar) g_random_int ();
  g_file_set_contents (path, (const char *) data, (gssize) MAX (size, sizeof png), &error);
  g_assert_no_error (error);
  return path;
}

static WartaPublication *
move (WartaTestPublish *t,
      WartaPublication *publication,
      WartaAction       action,
      WartaState        to)
{
  g_autoptr(GError) error = NULL;
  WartaPublication *after;

  after = warta_publication_repository_transition (t->publications, t->admin,
                                                   warta_publication_get_id (publication),
                                                   warta_publication_get_version (publication),
                                                   action, to, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (publication);
  return after;
}

char *
warta_test_publish_write_mp4 (const char *dir,
                              const char *name,
                              gsize       size)
{
  static const guchar head[] = {
    0x00, 0x00, 0x00, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2',
    0x00, 0x00, 0x00, 0x00, 'm', 'p', '4', '2', 'i', 's', 'o', 'm',
  };
  g_autoptr(GError) error = NULL;
  g_autofree guchar *data = g_malloc0 (MAX (size, sizeof head));
  char *path = g_build_filename (dir, name, NULL);

  memcpy (data, head, sizeof head);
  for (gsize i = sizeof head; i < size; i++)
    data[i] = (guchar) g_random_int ();
  g_file_set_contents (path, (const char *) data, (gssize) MAX (size, sizeof head), &error);
  g_assert_no_error (error);
  return path;
}

WartaPublication *
warta_test_publish_make_approved (WartaTestPublish *t,
                                  const char       *title,
                                  guint             n_photos)
{
  return warta_test_publish_make_approved_with_videos (t, title, n_photos, 0, 0);
}

WartaPublication *
warta_test_publish_make_approved_with_videos (WartaTestPublish *t,
                                              const char       *title,
                                              guint             n_photos,
                                              guint             n_videos,
                                              gsize             video_size)
{
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  g_autoptr(GError) error = NULL;
  gboolean ticked[WARTA_N_CHECKS] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  WartaPublication *p;
  static guint serial;

  warta_revision_set_title (draft, title);
  warta_revision_set_what (draft, "Rapat koordinasi pengawasan");
  warta_revision_set_who (draft, "Inspektur Provinsi Kalimantan Tengah");
  warta_revision_set_when (draft, "2025-06-18T09:00:00+07:00");
  warta_revision_set_where (draft, "Aula Inspektorat, Palangka Raya");
  warta_revision_set_why (draft, "Menyamakan rencana pengawasan");
  warta_revision_set_how (draft, "Paparan dan diskusi");
  warta_revision_set_narrative (draft, "Inspektorat menggelar rapat koordinasi.\n\nRapat dihadiri 40 peserta.");
  warta_revision_set_category (draft, "periodic");
  warta_revision_set_hashtags (draft, "#Inspektorat #Kalteng");
  warta_revision_set_scheduled_at (draft, t->scheduled_at);
  warta_revision_set_caption (draft, "mastodon",
                              t->mastodon_caption != NULL ? t->mastodon_caption
                                                          : "Rapat koordinasi pengawasan #Inspektorat");
  warta_revision_set_caption (draft, "website-title", title);
  /* Per publication: X and Facebook find a lost post by its text. */
  {
    g_autofree char *post = g_strdup_printf ("%s: rapat koordinasi pengawasan #Inspektorat", title);

    warta_revision_set_caption (draft, "x", t->x_caption != NULL ? t->x_caption : post);
    warta_revision_set_caption (draft, "facebook", post);
    warta_revision_set_caption (draft, "instagram", post);
    warta_revision_set_caption (draft, "youtube-title", title);
    warta_revision_set_caption (draft, "tiktok-video", post);
  }

  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(WartaMediaItem) photo = warta_media_item_new ();
      g_autofree char *name = g_strdup_printf ("foto-%u-%u.png", ++serial, i + 1);
      g_autofree char *path = warta_test_publish_write_png (t->dir, name, 2048);

      /* Relative: media paths start from the database's folder. */
      warta_media_item_set_path (photo, name);
      warta_media_item_set_sha256 (photo, "5f2b8c1d");
      warta_media_item_set_kind (photo, "photo");
      warta_media_item_set_width (photo, 1);
      warta_media_item_set_height (photo, 1);
      warta_media_item_set_credit (photo, "Budi Santoso");
      warta_media_item_set_alt_text (photo, "Peserta rapat di aula Inspektorat");
      if (t->skip_platform != NULL && i < t->n_skipped)
        {
          g_auto(GStrv) platforms = g_strsplit (t->skip_platform, ",", -1);

          for (guint j = 0; platforms[j] != NULL; j++)
            warta_media_item_set_posted_to (photo, platforms[j], FALSE);
        }
      warta_revision_add_media (draft, photo);
    }
  for (guint i = 0; i < n_videos; i++)
    {
      g_autoptr(WartaMediaItem) video = warta_media_item_new ();
      g_autofree char *name = g_strdup_printf ("video-%u-%u.mp4", ++serial, i + 1);
      g_autofree char *path = warta_test_publish_write_mp4 (t->dir, name, video_size);

      warta_media_item_set_path (video, name);
      warta_media_item_set_sha256 (video, "9a4e1c07");
      warta_media_item_set_kind (video, "video");
      warta_media_item_set_width (video, 1080);
      warta_media_item_set_height (video, 1920);
      warta_media_item_set_credit (video, "Budi Santoso");
      warta_revision_add_media (draft, video);
    }

  p = warta_publication_repository_create (t->publications, t->admin, draft, &error);
  g_assert_no_error (error);
  p = move (t, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING);
  p = move (t, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING);
  g_assert_true (warta_publication_repository_save_checklist (t->publications, t->admin,
                                                              warta_publication_get_id (p),
                                                              ticked, NULL, &error));
  g_assert_no_error (error);
  p = move (t, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING);
  return move (t, p, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED);
}
