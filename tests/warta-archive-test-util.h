/* warta-archive-test-util.h: a database with publications that went the
 * whole SOP path, for the archive's tests
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gstdio.h>

#include "warta-account.h"
#include "warta-account-repository.h"
#include "warta-outbox-repository.h"
#include "warta-publication-repository.h"
#include "warta-user-repository-private.h"

#define T0 (G_GINT64_CONSTANT (1750204800) * G_USEC_PER_SEC) /* 2025-06-18 07:00 WIB */
#define MINUTES(n) ((gint64)(n) * 60 * G_USEC_PER_SEC)

typedef struct
{
  char                       *dir;
  char                       *path;
  WartaDatabase              *db;
  WartaClock                 *clock;
  WartaUserRepository        *users;
  WartaPublicationRepository *repo;
  WartaAccountRepository     *accounts;
  WartaOutboxRepository      *outbox;
  guint                       n_accounts;
  WartaUser                  *sysadmin;
  WartaUser                  *officer;
  WartaUser                  *admin;
  WartaUser                  *verifier;
  WartaUser                  *approver;
} ArchiveFixture;

static inline WartaUser *
archive_fixture_add_user (ArchiveFixture *f,
                          const char     *login,
                          const char     *name,
                          WartaRole       roles)
{
  g_autoptr(GError) error = NULL;
  WartaUser *user;

  user = warta_user_repository_create_user (f->users, f->sysadmin, login, name, "rahasia-123",
                                            roles, FALSE, &error);
  g_assert_no_error (error);
  return user;
}

static inline void
archive_fixture_open (ArchiveFixture *f,
                      const char     *dir)
{
  g_autoptr(GError) error = NULL;

  f->path = g_build_filename (dir, "warta.db", NULL);
  f->db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  warta_database_set_poll_interval (f->db, 0);
  f->clock = warta_clock_new ("Asia/Jakarta");
  warta_clock_freeze (f->clock, T0);
  f->users = warta_user_repository_new (f->db, f->clock);
  f->repo = warta_publication_repository_new (f->db, f->clock);
  f->accounts = warta_account_repository_new (f->db, f->clock);
  f->outbox = warta_outbox_repository_new (f->repo);
}

static inline void
archive_fixture_set_up (ArchiveFixture *f,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  _warta_user_repository_set_fast_hashing (TRUE);

  f->dir = g_dir_make_tmp ("warta-archive-XXXXXX", &error);
  g_assert_no_error (error);
  archive_fixture_open (f, f->dir);

  f->sysadmin = warta_user_repository_create_first_admin (f->users, "root", "Administrator",
                                                          "rahasia-123", WARTA_ROLE_NONE, &error);
  g_assert_no_error (error);
  f->officer = archive_fixture_add_user (f, "officer", "Budi Santoso", WARTA_ROLE_ACTIVITY_OFFICER);
  f->admin = archive_fixture_add_user (f, "admin", "Sari Dewi", WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  f->verifier = archive_fixture_add_user (f, "verifier", "Ahmad Yani", WARTA_ROLE_VERIFIER);
  f->approver = archive_fixture_add_user (f, "approver", "Rina Marlina", WARTA_ROLE_APPROVER);
}

static inline void
archive_fixture_close (ArchiveFixture *f)
{
  g_clear_object (&f->outbox);
  g_clear_object (&f->accounts);
  g_clear_object (&f->repo);
  g_clear_object (&f->users);
  g_clear_object (&f->clock);
  g_clear_object (&f->db);
  g_clear_pointer (&f->path, g_free);
}

static inline void
archive_remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        archive_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static inline void
archive_fixture_tear_down (ArchiveFixture *f,
                           gconstpointer   data)
{
  g_clear_object (&f->sysadmin);
  g_clear_object (&f->officer);
  g_clear_object (&f->admin);
  g_clear_object (&f->verifier);
  g_clear_object (&f->approver);
  archive_fixture_close (f);
  archive_remove_tree (f->dir);
  g_free (f->dir);
}

static inline WartaRevision *
archive_make_draft (const char *title,
                    const char *narrative)
{
  WartaRevision *draft = warta_revision_new ();

  warta_revision_set_title (draft, title);
  warta_revision_set_what (draft, "Rapat koordinasi");
  warta_revision_set_who (draft, "Inspektur Provinsi Kalimantan Tengah");
  warta_revision_set_when (draft, "2025-06-18T09:00:00+07:00");
  warta_revision_set_where (draft, "Aula Inspektorat, Palangka Raya");
  warta_revision_set_why (draft, "Menyamakan rencana");
  warta_revision_set_how (draft, "Paparan dan diskusi");
  warta_revision_set_narrative (draft, narrative);
  warta_revision_set_category (draft, "periodic");
  warta_revision_set_caption (draft, "facebook", title);

  return draft;
}

/* @publication moved on by @user @minutes_later, with @note (a return
 * or a withdrawal needs one); takes @publication, returns the new one. */
static inline WartaPublication *
archive_move_with_note (ArchiveFixture   *f,
                        WartaUser        *user,
                        WartaPublication *publication,
                        WartaAction       action,
                        WartaState        to,
                        guint             minutes_later,
                        const char       *note)
{
  g_autoptr(GError) error = NULL;
  WartaPublication *after;

  warta_clock_advance (f->clock, MINUTES (minutes_later));
  after = warta_publication_repository_transition (f->repo, user,
                                                   warta_publication_get_id (publication),
                                                   warta_publication_get_version (publication),
                                                   action, to, note, &error);
  g_assert_no_error (error);
  g_object_unref (publication);

  return after;
}

static inline WartaPublication *
archive_move (ArchiveFixture   *f,
              WartaUser        *user,
              WartaPublication *publication,
              WartaAction       action,
              WartaState        to,
              guint             minutes_later)
{
  return archive_move_with_note (f, user, publication, action, to, minutes_later, NULL);
}

/* Steps 1 to 4; minutes[0..3] is the time spent in each. */
static inline WartaPublication *
archive_approve (ArchiveFixture *f,
                 WartaRevision  *draft,
                 const guint     minutes[4])
{
  static const guint quick[4] = { 5, 5, 5, 5 };
  gboolean ticked[WARTA_N_CHECKS] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  g_autoptr(GError) error = NULL;
  WartaPublication *p;

  if (minutes == NULL)
    minutes = quick;

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  p = archive_move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, minutes[0]);
  p = archive_move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, minutes[1]);
  g_assert_true (warta_publication_repository_save_checklist (f->repo, f->verifier,
                                                              warta_publication_get_id (p),
                                                              ticked, NULL, &error));
  g_assert_no_error (error);
  p = archive_move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, minutes[2]);
  p = archive_move (f, f->approver, p, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, minutes[3]);

  return p;
}

/* The whole SOP path; minutes[0..4] is the time spent in steps 1..5. */
static inline WartaPublication *
archive_publish (ArchiveFixture *f,
                 WartaRevision  *draft,
                 const guint     minutes[5])
{
  static const guint quick[5] = { 5, 5, 5, 5, 5 };
  WartaPublication *p;

  if (minutes == NULL)
    minutes = quick;

  p = archive_approve (f, draft, minutes);
  p = archive_move (f, f->admin, p, WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING, 1);
  p = archive_move (f, f->admin, p, WARTA_ACTION_FINISH, WARTA_STATE_PUBLISHED,
                    minutes[4] > 1 ? minutes[4] - 1 : 0);

  return p;
}

/* Starts publishing the approved @publication to a new account on each of
 * @platforms (NULL-terminated), as the publish view does. */
static inline GListModel *
archive_start_publishing (ArchiveFixture     *f,
                          WartaPublication   *publication,
                          const char * const *platforms)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  GListModel *jobs;

  for (guint i = 0; platforms[i] != NULL; i++)
    {
      g_autoptr(WartaAccount) account = warta_account_new ();
      g_autofree char *name = g_strdup_printf ("Humas %s", platforms[i]);
      g_autofree char *keyring_id = g_strdup_printf ("account-%u", ++f->n_accounts);
      gint64 id;

      warta_account_set_platform (account, platforms[i]);
      warta_account_set_display_name (account, name);
      warta_account_set_base_url (account, "https://example.org");
      warta_account_set_settings (account, "{}");
      warta_account_set_keyring_id (account, keyring_id);
      g_assert_true (warta_account_repository_add (f->accounts, f->sysadmin, account, &error));
      g_assert_no_error (error);
      id = warta_account_get_id (account);
      g_array_append_val (ids, id);
    }

  jobs = warta_outbox_repository_enqueue (f->outbox, f->admin, warta_publication_get_id (publication),
                                          warta_publication_get_version (publication),
                                          (const gint64 *)ids->data, ids->len, &error);
  g_assert_no_error (error);
  return jobs;
}

/* One target's result: sent by Warta now, or, with @hand_at, published by
 * hand at that time and recorded now with a screenshot as proof. */
static inline void
archive_finish_target (ArchiveFixture *f,
                       WartaOutboxJob *job,
                       gint64          hand_at)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("https://example.org/post/%" G_GINT64_FORMAT,
                                          warta_outbox_job_get_id (job));
  gboolean claimed = FALSE;

  if (hand_at != 0)
    {
      /* Where the outbox keeps proofs: beside the database. */
      g_autofree char *folder = g_build_filename (f->dir, "warta-files", "proofs", NULL);
      g_autofree char *path = g_build_filename (folder, "bukti.png", NULL);
      g_autofree char *sha = NULL;

      g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, "bukti unggah manual", -1, &error));
      sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "bukti unggah manual", -1);
      g_assert_true (warta_outbox_repository_record_manual (f->outbox, f->admin,
                                                            warta_outbox_job_get_id (job), url,
                                                            hand_at, "warta-files/proofs/bukti.png",
                                                            sha, &error));
      g_assert_no_error (error);
      return;
    }

  g_assert_true (warta_outbox_repository_claim (f->outbox, warta_outbox_job_get_id (job), "test", NULL,
                                                G_MAXINT64, &claimed, &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
  g_assert_true (warta_outbox_repository_finish_job (f->outbox, warta_outbox_job_get_id (job), "test",
                                                     "post", "{}", "post-1", url, &error));
  g_assert_no_error (error);
}

/* One target failed: claimed, then stopped for good. */
static inline void
archive_fail_target (ArchiveFixture *f,
                     WartaOutboxJob *job)
{
  g_autoptr(GError) error = NULL;
  gint64 id = warta_outbox_job_get_id (job);
  gboolean claimed = FALSE;

  g_assert_true (warta_outbox_repository_claim (f->outbox, id, "test", NULL, G_MAXINT64, &claimed,
                                                &error));
  g_assert_no_error (error);
  g_assert_true (claimed);
  g_assert_true (warta_outbox_repository_stop_job (f->outbox, id, "test",
                                                   WARTA_OUTBOX_STATE_FAILED, "refused", "Ditolak",
                                                   0, TRUE, &error));
  g_assert_no_error (error);
}
