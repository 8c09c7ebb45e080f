/* test-publication-repository.c: the SOP on a real database file
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "warta-event-log.h"
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
  WartaUser                  *sysadmin;
  WartaUser                  *officer;
  WartaUser                  *admin;
  WartaUser                  *verifier;
  WartaUser                  *approver;
} Fixture;

static WartaUser *
add_user (Fixture    *f,
          const char *login,
          const char *name,
          WartaRole   roles)
{
  g_autoptr(GError) error = NULL;
  WartaUser *user;

  user = warta_user_repository_create_user (f->users, f->sysadmin, login, name, "rahasia-123",
                                            roles, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);

  return user;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  _warta_user_repository_set_fast_hashing (TRUE);

  f->dir = g_dir_make_tmp ("warta-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "warta.db", NULL);

  f->db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  f->clock = warta_clock_new (NULL);
  warta_clock_freeze (f->clock, T0);
  f->users = warta_user_repository_new (f->db, f->clock);
  f->repo = warta_publication_repository_new (f->db, f->clock);

  f->sysadmin = warta_user_repository_create_first_admin (f->users, "root", "Administrator",
                                                          "rahasia-123", WARTA_ROLE_NONE, &error);
  g_assert_no_error (error);

  f->officer = add_user (f, "officer", "Budi Santoso", WARTA_ROLE_ACTIVITY_OFFICER);
  f->admin = add_user (f, "admin", "Sari Dewi", WARTA_ROLE_SOCIAL_MEDIA_ADMIN);
  f->verifier = add_user (f, "verifier", "Ahmad Yani", WARTA_ROLE_VERIFIER);
  f->approver = add_user (f, "approver", "Rina Marlina", WARTA_ROLE_APPROVER);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->sysadmin);
  g_clear_object (&f->officer);
  g_clear_object (&f->admin);
  g_clear_object (&f->verifier);
  g_clear_object (&f->approver);
  g_assert_finalize_object (g_steal_pointer (&f->repo));
  g_assert_finalize_object (g_steal_pointer (&f->users));
  g_assert_finalize_object (g_steal_pointer (&f->clock));
  g_assert_finalize_object (g_steal_pointer (&f->db));

  g_unlink (f->path);
  {
    g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static WartaRevision *
make_draft (const char *title)
{
  WartaRevision *draft = warta_revision_new ();
  g_autoptr(WartaMediaItem) photo = warta_media_item_new ();

  warta_revision_set_title (draft, title);
  warta_revision_set_what (draft, "Rapat koordinasi pengawasan");
  warta_revision_set_who (draft, "Inspektur Provinsi Kalimantan Tengah");
  warta_revision_set_when (draft, "2025-06-18T09:00:00+07:00");
  warta_revision_set_where (draft, "Aula Inspektorat, Palangka Raya");
  warta_revision_set_why (draft, "Menyamakan rencana pengawasan");
  warta_revision_set_how (draft, "Paparan dan diskusi");
  warta_revision_set_narrative (draft, "Inspektorat menggelar rapat koordinasi.");
  warta_revision_set_category (draft, "periodic");
  warta_revision_set_caption (draft, "facebook", "Inspektorat menggelar rapat koordinasi.");

  warta_media_item_set_path (photo, "/srv/foto/rapat-1.jpg");
  warta_media_item_set_sha256 (photo, "5f2b8c1d");
  warta_media_item_set_kind (photo, "photo");
  warta_media_item_set_width (photo, 4000);
  warta_media_item_set_height (photo, 3000);
  warta_media_item_set_size (photo, 2480133);
  warta_media_item_set_credit (photo, "Budi Santoso");
  warta_media_item_set_alt_text (photo, "Peserta rapat di aula");
  warta_media_item_set_identifiable_people (photo, TRUE);
  warta_revision_add_media (draft, photo);

  return draft;
}

static WartaPublication *
move (Fixture          *f,
      WartaUser        *user,
      WartaPublication *publication,
      WartaAction       action,
      WartaState        to,
      const char       *note)
{
  g_autoptr(GError) error = NULL;
  WartaPublication *after;

  after = warta_publication_repository_transition (f->repo, user,
                                                   warta_publication_get_id (publication),
                                                   warta_publication_get_version (publication),
                                                   action, to, note, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  g_assert_cmpuint (warta_publication_get_state (after), ==, to);
  g_assert_cmpint (warta_publication_get_version (after), ==, warta_publication_get_version (publication) + 1);
  g_object_unref (publication);

  return after;
}

static WartaPublication *
edit (Fixture          *f,
      WartaUser        *user,
      WartaPublication *publication,
      void            (*change) (WartaRevision *draft))
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) current = NULL;
  g_autoptr(WartaRevision) draft = NULL;
  WartaPublication *after;

  current = warta_publication_repository_get_revision (f->repo,
                                                       warta_publication_get_current_revision_id (publication),
                                                       &error);
  g_assert_no_error (error);
  g_assert_true (warta_revision_is_sealed (current));
  draft = warta_revision_new_draft (current);
  change (draft);

  after = warta_publication_repository_save_revision (f->repo, user,
                                                      warta_publication_get_id (publication),
                                                      warta_publication_get_version (publication),
                                                      draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (after);
  g_assert_cmpint (warta_publication_get_current_revision_id (after), !=,
                   warta_publication_get_current_revision_id (publication));
  g_object_unref (publication);

  return after;
}

static void
tick_all (Fixture          *f,
          WartaPublication *publication)
{
  gboolean ticked[WARTA_N_CHECKS] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  g_autoptr(GError) error = NULL;

  g_assert_true (warta_publication_repository_save_checklist (f->repo, f->verifier,
                                                              warta_publication_get_id (publication),
                                                              ticked, NULL, &error));
  g_assert_no_error (error);
}

static void
fix_who (WartaRevision *draft)
{
  warta_revision_set_who (draft, "Dr. H. Sapto Nugroho, M.Si., Inspektur Provinsi Kalimantan Tengah");
}

static void
add_captions (WartaRevision *draft)
{
  warta_revision_set_caption (draft, "facebook", "Rapat koordinasi pengawasan #Inspektorat");
  warta_revision_set_caption (draft, "instagram", "Rapat koordinasi #Inspektorat #Kalteng");
  warta_revision_set_hashtags (draft, "#Inspektorat #Kalteng");
}

static void
fix_alt_text (WartaRevision *draft)
{
  g_autoptr(WartaMediaItem) photo = g_list_model_get_item (warta_revision_get_media (draft), 0);

  warta_media_item_set_alt_text (photo, "Inspektur memimpin rapat di aula Inspektorat");
}

static void
shorten_title (WartaRevision *draft)
{
  warta_revision_set_title (draft, "Rakor pengawasan 2025");
}

static void
fix_typo (WartaRevision *draft)
{
  warta_revision_set_narrative (draft, "Inspektorat Provinsi menggelar rapat koordinasi.");
}

static guint
count_events (Fixture *f,
              gint64   publication_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) events = warta_event_log_list (f->db, publication_id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (events);
}

/* The whole SOP: two correction rounds (verifier, then approver), an edit
 * after approval that voids it, then publishing. */
static void
test_sop_path (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft ("Rapat koordinasi pengawasan tahun 2025");
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaCorrectionNote) who_note = NULL;
  g_autoptr(WartaCorrectionNote) photo_note = NULL;
  g_autoptr(WartaCorrectionNote) changed = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GListModel) revisions = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autofree char *approved_hash = NULL;
  static const char *expected_kinds[] = {
    "create", "submit", "edit", "submit", "note", "note", "return",
    "note-resolved", "note-resolved", "edit", "edit", "submit", "note-confirmed", "note-confirmed",
    "checklist", "forward", "return", "edit", "submit", "checklist", "forward", "approve",
    "edit", "approval-voided", "checklist", "forward", "approve", "start_publishing", "finish",
  };
  gint64 id;

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  id = warta_publication_get_id (p);
  g_assert_cmpuint (warta_publication_get_state (p), ==, WARTA_STATE_DOCUMENTING);
  g_assert_cmpuint (warta_publication_get_step (p), ==, 1);
  g_assert_cmpint (warta_publication_get_deadline_at (p), ==, 0);
  g_assert_cmpstr (warta_publication_get_title (p), ==, "Rapat koordinasi pengawasan tahun 2025");

  /* Step 1 → 2 → 3 */
  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  g_assert_cmpint (warta_publication_get_deadline_at (p), ==, T0 + MINUTES (120));
  warta_clock_advance (f->clock, MINUTES (40));
  p = edit (f, f->admin, p, add_captions);
  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);

  /* Round 1: the verifier pins notes to a field and a photo, and returns. */
  warta_clock_advance (f->clock, MINUTES (10));
  who_note = warta_publication_repository_add_note (f->repo, f->verifier, id, "who", NULL,
                                                    "Tulis nama dan gelar lengkap Inspektur.", &error);
  g_assert_no_error (error);
  photo_note = warta_publication_repository_add_note (f->repo, f->verifier, id, NULL, "5f2b8c1d",
                                                      "Teks alternatif terlalu umum.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (warta_correction_note_get_field (who_note), ==, "who");
  g_assert_cmpstr (warta_correction_note_get_media_sha256 (photo_note), ==, "5f2b8c1d");
  g_assert_false (warta_correction_note_is_general (who_note));
  g_assert_cmpuint (warta_correction_note_get_status (who_note), ==, WARTA_NOTE_STATUS_OPEN);

  /* The notes written in this step are the return's instructions. */
  p = move (f, f->verifier, p, WARTA_ACTION_RETURN, WARTA_STATE_PROCESSING, NULL);
  g_assert_cmpuint (warta_publication_get_correction_rounds (p), ==, 1);

  /* The admin fixes both and marks them done; the verifier confirms. */
  changed = warta_publication_repository_resolve_note (f->repo, f->admin,
                                                       warta_correction_note_get_id (who_note),
                                                       warta_correction_note_get_version (who_note),
                                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_correction_note_get_status (changed), ==, WARTA_NOTE_STATUS_RESOLVED);
  g_clear_object (&who_note);
  who_note = g_steal_pointer (&changed);
  changed = warta_publication_repository_resolve_note (f->repo, f->admin,
                                                       warta_correction_note_get_id (photo_note),
                                                       warta_correction_note_get_version (photo_note),
                                                       &error);
  g_assert_no_error (error);
  g_clear_object (&photo_note);
  photo_note = g_steal_pointer (&changed);

  p = edit (f, f->admin, p, fix_who);
  p = edit (f, f->admin, p, fix_alt_text);
  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);

  changed = warta_publication_repository_confirm_note (f->repo, f->verifier,
                                                       warta_correction_note_get_id (who_note),
                                                       warta_correction_note_get_version (who_note),
                                                       TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_correction_note_get_status (changed), ==, WARTA_NOTE_STATUS_CONFIRMED);
  g_assert_cmpint (warta_correction_note_get_confirmed_by (changed), ==, warta_user_get_id (f->verifier));
  g_clear_object (&changed);
  changed = warta_publication_repository_confirm_note (f->repo, f->verifier,
                                                       warta_correction_note_get_id (photo_note),
                                                       warta_correction_note_get_version (photo_note),
                                                       TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&changed);

  /* Forwarding needs the checklist of this revision. */
  g_assert_null (warta_publication_repository_transition (f->repo, f->verifier, id,
                                                          warta_publication_get_version (p),
                                                          WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING,
                                                          NULL, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_CHECKLIST_INCOMPLETE);
  g_clear_error (&error);
  tick_all (f, p);
  p = move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL);

  /* Round 2: the approver returns with a note of its own. */
  p = move (f, f->approver, p, WARTA_ACTION_RETURN, WARTA_STATE_PROCESSING,
            "Judul terlalu panjang untuk Instagram.");
  g_assert_cmpuint (warta_publication_get_correction_rounds (p), ==, 2);
  p = edit (f, f->admin, p, shorten_title);
  g_assert_cmpstr (warta_publication_get_title (p), ==, "Rakor pengawasan 2025");
  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);
  tick_all (f, p);
  p = move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL);
  p = move (f, f->approver, p, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, NULL);
  g_assert_cmpint (warta_publication_get_approved_revision_id (p), ==,
                   warta_publication_get_current_revision_id (p));
  g_assert_cmpstr (warta_publication_get_approved_hash (p), ==, warta_publication_get_current_hash (p));
  approved_hash = g_strdup (warta_publication_get_approved_hash (p));

  /* An edit after approval voids it and sends it back to verification. */
  p = edit (f, f->admin, p, fix_typo);
  g_assert_cmpuint (warta_publication_get_state (p), ==, WARTA_STATE_VERIFYING);
  g_assert_cmpint (warta_publication_get_approved_revision_id (p), ==, 0);
  g_assert_null (warta_publication_get_approved_hash (p));
  g_assert_cmpstr (warta_publication_get_current_hash (p), !=, approved_hash);
  g_assert_cmpuint (warta_publication_get_step (p), ==, 3);

  tick_all (f, p);
  p = move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL);
  p = move (f, f->approver, p, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, NULL);
  p = move (f, f->admin, p, WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING, NULL);
  p = move (f, f->admin, p, WARTA_ACTION_FINISH, WARTA_STATE_PUBLISHED, NULL);
  g_assert_cmpuint (warta_publication_get_step (p), ==, 0);
  g_assert_cmpuint (warta_publication_get_correction_rounds (p), ==, 2);

  /* The record: every change an event, in order, in an intact chain. */
  events = warta_event_log_list (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (events), ==, G_N_ELEMENTS (expected_kinds));
  for (guint i = 0; i < G_N_ELEMENTS (expected_kinds); i++)
    {
      g_autoptr(WartaEvent) event = g_list_model_get_item (events, i);

      g_assert_cmpstr (warta_event_get_kind (event), ==, expected_kinds[i]);
    }
  {
    g_autoptr(WartaEvent) approve = g_list_model_get_item (events, 21);
    g_autoptr(WartaEvent) round2 = g_list_model_get_item (events, 16);

    g_assert_cmpstr (warta_event_get_actor_name (approve), ==, "Rina Marlina");
    g_assert_cmpstr (warta_event_get_role (approve), ==, "approver");
    g_assert_cmpstr (warta_event_get_from_state (approve), ==, "approving");
    g_assert_cmpstr (warta_event_get_to_state (approve), ==, "approved");
    g_assert_cmpstr (warta_event_get_note (round2), ==, "Judul terlalu panjang untuk Instagram.");
  }
  g_assert_true (warta_store_verify_history (f->db, NULL, &error));
  g_assert_no_error (error);

  /* Six revisions: created, captions, who, alt text, title, typo. */
  revisions = warta_publication_repository_list_revisions (f->repo, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (revisions), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(WartaRevision) revision = g_list_model_get_item (revisions, i);
      g_autofree char *hash = warta_revision_compute_hash (revision);

      g_assert_cmpuint (warta_revision_get_number (revision), ==, i + 1);
      g_assert_cmpstr (hash, ==, warta_revision_get_hash (revision));
      g_assert_cmpuint (g_list_model_get_n_items (warta_revision_get_media (revision)), ==, 1);
    }
  {
    g_autoptr(WartaRevision) last = g_list_model_get_item (revisions, 5);
    g_autoptr(WartaMediaItem) photo = g_list_model_get_item (warta_revision_get_media (last), 0);
    g_autoptr(WartaRevision) first = g_list_model_get_item (revisions, 0);
    g_autoptr(WartaMediaItem) old_photo = g_list_model_get_item (warta_revision_get_media (first), 0);

    /* Revisions are immutable: the first keeps its own alt text. */
    g_assert_cmpstr (warta_media_item_get_alt_text (photo), ==, "Inspektur memimpin rapat di aula Inspektorat");
    g_assert_cmpstr (warta_media_item_get_alt_text (old_photo), ==, "Peserta rapat di aula");
    g_assert_true (warta_media_item_get_identifiable_people (photo));
    g_assert_cmpint (warta_media_item_get_width (photo), ==, 4000);
    /* As probed when it was added: publishing asks it of each platform. */
    g_assert_cmpuint (warta_media_item_get_size (photo), ==, 2480133);
    g_assert_cmpint (warta_media_item_get_duration_us (photo), ==, 0);

    g_assert_cmpstr (warta_revision_get_caption (last, "instagram"), ==,
                     "Rapat koordinasi #Inspektorat #Kalteng");
    g_assert_cmpstr (warta_revision_get_who (last), ==,
                     "Dr. H. Sapto Nugroho, M.Si., Inspektur Provinsi Kalimantan Tengah");
  }

  /* Three notes: two pinned from round 1, one general from round 2. */
  notes = warta_publication_repository_list_notes (f->repo, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 3);
  {
    g_autoptr(WartaCorrectionNote) general = g_list_model_get_item (notes, 2);

    g_assert_true (warta_correction_note_is_general (general));
    g_assert_cmpuint (warta_correction_note_get_status (general), ==, WARTA_NOTE_STATUS_OPEN);
    g_assert_cmpstr (warta_correction_note_get_author_name (general), ==, "Rina Marlina");
  }

  /* Step records: 1, 2, 3, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5; all closed. */
  records = warta_publication_repository_list_step_records (f->repo, id, &error);
  g_assert_no_error (error);
  {
    static const guint steps[] = { 1, 2, 3, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5 };

    g_assert_cmpuint (g_list_model_get_n_items (records), ==, G_N_ELEMENTS (steps));
    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      {
        g_autoptr(WartaStepRecord) record = g_list_model_get_item (records, i);

        g_assert_cmpuint (warta_step_record_get_step (record), ==, steps[i]);
        g_assert_cmpint (warta_step_record_get_exited_at (record), !=, 0);
      }
  }
}

/* Every action by every user without its role, from every state the SOP
 * path reaches: refused with FORBIDDEN, and nothing changes. */
static void
test_forbidden_changes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft ("Sosialisasi SPIP");
  g_autoptr(WartaPublication) p = NULL;
  WartaUser *people[] = { f->officer, f->admin, f->verifier, f->approver, f->sysadmin };
  static const struct {
    WartaAction action;
    WartaState  to;
    WartaRole   role;
  } path[] = {
    { WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, WARTA_ROLE_ACTIVITY_OFFICER },
    { WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
    { WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, WARTA_ROLE_VERIFIER },
    { WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, WARTA_ROLE_APPROVER },
    { WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
    { WARTA_ACTION_FINISH, WARTA_STATE_FAILED, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
    { WARTA_ACTION_RETRY, WARTA_STATE_PUBLISHING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
    { WARTA_ACTION_FINISH, WARTA_STATE_PARTIALLY_PUBLISHED, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  };
  guint n_refused = 0;

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);

  for (guint step = 0; step < G_N_ELEMENTS (path); step++)
    {
      WartaUser *holder = NULL;

      for (guint u = 0; u < G_N_ELEMENTS (people); u++)
        {
          guint events_before = count_events (f, warta_publication_get_id (p));
          g_autoptr(WartaPublication) after = NULL;

          if (warta_user_has_role (people[u], path[step].role))
            {
              holder = people[u];
              continue;
            }

          after = warta_publication_repository_transition (f->repo, people[u],
                                                           warta_publication_get_id (p),
                                                           warta_publication_get_version (p),
                                                           path[step].action, path[step].to,
                                                           "catatan", &error);
          g_assert_null (after);
          g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
          g_clear_error (&error);
          n_refused++;

          after = warta_publication_repository_get (f->repo, warta_publication_get_id (p), &error);
          g_assert_no_error (error);
          g_assert_cmpint (warta_publication_get_version (after), ==, warta_publication_get_version (p));
          g_assert_cmpuint (warta_publication_get_state (after), ==, warta_publication_get_state (p));
          g_assert_cmpuint (count_events (f, warta_publication_get_id (p)), ==, events_before);
        }

      g_assert_nonnull (holder);
      if (path[step].action == WARTA_ACTION_FORWARD)
        tick_all (f, p);
      p = move (f, holder, p, path[step].action, path[step].to, NULL);
    }

  g_assert_cmpuint (n_refused, ==, G_N_ELEMENTS (path) * 4);
}

static void
test_return_needs_note (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft ("Kunjungan kerja");
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) refused = NULL;
  g_autoptr(WartaCorrectionNote) note = NULL;
  gint64 id;

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  id = warta_publication_get_id (p);
  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);

  /* 2 → 1 for missing material: refused without a note, also a blank one. */
  refused = warta_publication_repository_transition (f->repo, f->admin, id, warta_publication_get_version (p),
                                                     WARTA_ACTION_RETURN, WARTA_STATE_DOCUMENTING,
                                                     "  \n", &error);
  g_assert_null (refused);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);

  /* A note to a field by someone without the step's role is refused. */
  note = warta_publication_repository_add_note (f->repo, f->verifier, id, "why", NULL, "Kenapa?", &error);
  g_assert_null (note);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  p = move (f, f->admin, p, WARTA_ACTION_RETURN, WARTA_STATE_DOCUMENTING,
            "Foto kegiatan belum ada. Kirim minimal tiga foto.");
  g_assert_cmpuint (warta_publication_get_correction_rounds (p), ==, 1);

  /* Withdrawing needs a reason too; the publication is kept. */
  refused = warta_publication_repository_transition (f->repo, f->officer, id, warta_publication_get_version (p),
                                                     WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN,
                                                     NULL, &error);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);
  p = move (f, f->officer, p, WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN, "Kegiatan dibatalkan.");
  g_assert_cmpuint (warta_publication_get_step (p), ==, 0);
}

/* A second connection to the same file changes the publication: the first
 * one's stale write is refused, naming who and when. */
static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft ("Pelantikan pejabat");
  g_autoptr(WartaRevision) current = NULL;
  g_autoptr(WartaRevision) edit_draft = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) seen = NULL;
  g_autoptr(WartaPublication) other_result = NULL;
  g_autoptr(WartaPublication) stale = NULL;
  g_autoptr(WartaPublication) now = NULL;
  g_autoptr(WartaDatabase) other_db = NULL;
  g_autoptr(WartaPublicationRepository) other = NULL;
  guint n_events;
  gint64 id;

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  id = warta_publication_get_id (p);
  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  seen = g_object_ref (p);

  other_db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  other = warta_publication_repository_new (other_db, f->clock);

  warta_clock_advance (f->clock, MINUTES (5));
  other_result = warta_publication_repository_transition (other, f->admin, id, warta_publication_get_version (seen),
                                                          WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING,
                                                          NULL, &error);
  g_assert_no_error (error);
  n_events = count_events (f, id);

  /* The same move, based on the version before: a conflict. */
  stale = warta_publication_repository_transition (f->repo, f->admin, id, warta_publication_get_version (seen),
                                                   WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING,
                                                   NULL, &error);
  g_assert_null (stale);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Sari Dewi"));
  /* When, as the rest of the app writes times, in the office's zone. */
  g_assert_nonnull (strstr (error->message, " at 18 Jun 2025, 07:05 WIB, "));
  g_clear_error (&error);

  /* A different move on the stale version: a conflict, not a rule error. */
  stale = warta_publication_repository_transition (f->repo, f->admin, id, warta_publication_get_version (seen),
                                                   WARTA_ACTION_RETURN, WARTA_STATE_DOCUMENTING,
                                                   "Kurang foto", &error);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  /* An edit based on the stale version: a conflict too. */
  current = warta_publication_repository_get_revision (f->repo, warta_publication_get_current_revision_id (seen), &error);
  g_assert_no_error (error);
  edit_draft = warta_revision_new_draft (current);
  warta_revision_set_title (edit_draft, "Judul lain");
  stale = warta_publication_repository_save_revision (f->repo, f->admin, id, warta_publication_get_version (seen),
                                                      edit_draft, &error);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  now = warta_publication_repository_get (f->repo, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_publication_get_state (now), ==, WARTA_STATE_VERIFYING);
  g_assert_cmpint (warta_publication_get_version (now), ==, warta_publication_get_version (other_result));
  g_assert_cmpstr (warta_publication_get_title (now), ==, "Pelantikan pejabat");
  g_assert_cmpuint (count_events (f, id), ==, n_events);
  g_assert_cmpstr (warta_publication_get_updated_by_name (now), ==, "Sari Dewi");

  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&other_db));
}

static void
test_deadlines (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft ("Monitoring dana desa");
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GListModel) records = NULL;
  WartaDeadlines deadlines;
  guint n_done = 0, n_on_time = 0;
  gint64 mean = 0;
  gint64 now;

  warta_deadlines_init_default (&deadlines);
  deadlines.minutes[3] = 10;
  warta_publication_repository_set_deadlines (f->repo, &deadlines);

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  warta_clock_advance (f->clock, MINUTES (600)); /* step 1 has no limit */
  g_assert_false (warta_publication_is_overdue (p, warta_clock_now (f->clock)));
  g_assert_cmpint (warta_publication_get_time_left (p, warta_clock_now (f->clock)), ==, G_MAXINT64);

  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  now = warta_clock_now (f->clock);
  g_assert_cmpint (warta_publication_get_step_entered_at (p), ==, now);
  g_assert_cmpint (warta_publication_get_deadline_at (p), ==, now + MINUTES (120));

  warta_clock_advance (f->clock, MINUTES (119));
  g_assert_false (warta_publication_is_overdue (p, warta_clock_now (f->clock)));
  g_assert_cmpint (warta_publication_get_time_left (p, warta_clock_now (f->clock)), ==, MINUTES (1));
  warta_clock_advance (f->clock, MINUTES (2));
  g_assert_true (warta_publication_is_overdue (p, warta_clock_now (f->clock)));

  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);
  g_assert_cmpint (warta_publication_get_deadline_at (p), ==, warta_clock_now (f->clock) + MINUTES (10));
  warta_clock_advance (f->clock, MINUTES (8));
  tick_all (f, p);
  p = move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL);

  records = warta_publication_repository_list_step_records (f->repo, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 4);
  {
    g_autoptr(WartaStepRecord) step1 = g_list_model_get_item (records, 0);
    g_autoptr(WartaStepRecord) step2 = g_list_model_get_item (records, 1);
    g_autoptr(WartaStepRecord) step3 = g_list_model_get_item (records, 2);
    g_autoptr(WartaStepRecord) step4 = g_list_model_get_item (records, 3);
    gint64 t = warta_clock_now (f->clock);

    g_assert_false (warta_step_record_is_overdue (step1, t));
    g_assert_cmpint (warta_step_record_get_duration (step1, t), ==, MINUTES (600));
    g_assert_true (warta_step_record_is_overdue (step2, t));
    g_assert_cmpint (warta_step_record_get_duration (step2, t), ==, MINUTES (121));
    g_assert_cmpstr (warta_step_record_get_exit_state (step2), ==, "verifying");
    g_assert_false (warta_step_record_is_overdue (step3, t));
    g_assert_cmpint (warta_step_record_get_duration (step3, t), ==, MINUTES (8));
    g_assert_cmpint (warta_step_record_get_exited_at (step4), ==, 0);
    g_assert_false (warta_step_record_is_overdue (step4, t));
    g_assert_true (warta_step_record_is_overdue (step4, t + MINUTES (31)));
  }

  g_assert_true (warta_publication_repository_get_step_stats (f->repo, 2, T0, T0 + MINUTES (100000),
                                                              &n_done, &n_on_time, &mean, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_on_time, ==, 0);
  g_assert_cmpint (mean, ==, MINUTES (121));
  g_assert_true (warta_publication_repository_get_step_stats (f->repo, 3, T0, T0 + MINUTES (100000),
                                                              &n_done, &n_on_time, &mean, &error));
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_on_time, ==, 1);
}

static void
test_tasks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(WartaUser) both = add_user (f, "both", "Dua Peran", WARTA_ROLE_VERIFIER | WARTA_ROLE_APPROVER);
  gint64 ids[4];

  /* Four publications reach verifying at different times; the last one
   * goes on to approving. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = g_strdup_printf ("Berita %u", i);
      g_autoptr(WartaRevision) draft = make_draft (title);
      g_autoptr(WartaPublication) p = warta_publication_repository_create (f->repo, f->officer, draft, &error);

      g_assert_no_error (error);
      ids[i] = warta_publication_get_id (p);
      p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
      /* Entered verifying later for lower i: i = 3 first, i = 0 last. */
      warta_clock_advance (f->clock, MINUTES (1));
    }
  for (gint i = 3; i >= 0; i--)
    {
      g_autoptr(WartaPublication) p = warta_publication_repository_get (f->repo, ids[i], &error);

      g_assert_no_error (error);
      p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);
      if (i == 3)
        {
          tick_all (f, p);
          p = move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL);
        }
      warta_clock_advance (f->clock, MINUTES (1));
    }

  tasks = warta_publication_repository_list_tasks (f->repo, f->verifier, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WartaPublication) p = g_list_model_get_item (tasks, i);

      /* Nearest deadline first: 2 entered first, then 1, then 0. */
      g_assert_cmpint (warta_publication_get_id (p), ==, ids[2 - i]);
      g_assert_cmpuint (warta_publication_get_state (p), ==, WARTA_STATE_VERIFYING);
    }
  g_clear_object (&tasks);

  /* A user with both roles sees both steps, ordered by deadline. */
  tasks = warta_publication_repository_list_tasks (f->repo, both, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 4);
  g_clear_object (&tasks);

  /* Paging. */
  tasks = warta_publication_repository_list_tasks (f->repo, both, 1, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  g_clear_object (&tasks);

  tasks = warta_publication_repository_list_tasks (f->repo, f->officer, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 0);
  g_clear_object (&tasks);

  tasks = warta_publication_repository_list_tasks (f->repo, f->sysadmin, 0, 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 0);
  g_clear_object (&tasks);

  tasks = warta_publication_repository_list_recent (f->repo, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  {
    g_autoptr(WartaPublication) newest = g_list_model_get_item (tasks, 0);

    g_assert_cmpint (warta_publication_get_id (newest), ==, ids[3]);
  }
}

static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* Steps 1 to 4 with a quarter of an hour each, scheduled for
 * @scheduled_at: approved an hour from now. */
static WartaPublication *
approve_scheduled (Fixture    *f,
                   const char *title,
                   gint64      scheduled_at)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft (title);
  WartaPublication *p;

  warta_revision_set_scheduled_at (draft, scheduled_at);
  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  warta_clock_advance (f->clock, MINUTES (15));
  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  warta_clock_advance (f->clock, MINUTES (15));
  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);
  warta_clock_advance (f->clock, MINUTES (15));
  tick_all (f, p);
  p = move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL);
  warta_clock_advance (f->clock, MINUTES (15));
  p = move (f, f->approver, p, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, NULL);
  g_assert_cmpint (warta_publication_get_step_entered_at (p), ==, warta_clock_now (f->clock));

  return p;
}

/* A post approved for tomorrow 09:00 is not overdue 30 minutes after the
 * approval: step 5's limit runs from its scheduled time. */
static void
test_scheduled_deadline (Fixture       *f,
                         gconstpointer  data)
{
  const gint64 approved = T0 + MINUTES (60);
  const gint64 tomorrow_9 = T0 + MINUTES (26 * 60);   /* 2025-06-19 09:00 WIB */
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) late = NULL;
  g_autoptr(WartaPublication) reloaded = NULL;
  g_autoptr(GListModel) records = NULL;
  g_autoptr(WartaStepRecord) step5 = NULL;
  guint n_done = 0, n_on_time = 0;
  gint64 mean = 0;

  p = approve_scheduled (f, "Hari Bhayangkara", tomorrow_9);
  g_assert_cmpint (warta_publication_get_scheduled_at (p), ==, tomorrow_9);
  g_assert_cmpint (warta_publication_get_deadline_at (p), ==, tomorrow_9 + MINUTES (30));
  g_assert_cmpint (warta_publication_get_waiting_until (p, approved), ==, tomorrow_9);

  /* 31 minutes after the approval: waiting, not overdue. */
  g_assert_false (warta_publication_is_overdue (p, approved + MINUTES (31)));
  g_assert_cmpint (warta_publication_get_waiting_until (p, approved + MINUTES (31)), ==,
                   tomorrow_9);
  /* From 09:00 the step's 30 minutes run; then it is overdue. */
  g_assert_cmpint (warta_publication_get_waiting_until (p, tomorrow_9), ==, 0);
  g_assert_false (warta_publication_is_overdue (p, tomorrow_9 + MINUTES (29)));
  g_assert_cmpint (warta_publication_get_time_left (p, tomorrow_9 + MINUTES (20)), ==,
                   MINUTES (10));
  g_assert_true (warta_publication_is_overdue (p, tomorrow_9 + MINUTES (31)));

  /* The list of tasks and a publication read again say the same. */
  reloaded = warta_publication_repository_get (f->repo, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_publication_get_scheduled_at (reloaded), ==, tomorrow_9);
  g_assert_cmpint (warta_publication_get_deadline_at (reloaded), ==, tomorrow_9 + MINUTES (30));

  /* The stay's record keeps its entry and the moved deadline. */
  records = warta_publication_repository_list_step_records (f->repo, warta_publication_get_id (p),
                                                            &error);
  g_assert_no_error (error);
  step5 = g_list_model_get_item (records, g_list_model_get_n_items (records) - 1);
  g_assert_cmpuint (warta_step_record_get_step (step5), ==, 5);
  g_assert_cmpint (warta_step_record_get_entered_at (step5), ==, approved);
  g_assert_cmpint (warta_step_record_get_deadline_at (step5), ==, tomorrow_9 + MINUTES (30));
  g_assert_false (warta_step_record_is_overdue (step5, approved + MINUTES (31)));

  /* Published 10 minutes after 09:00: on time, its whole wait in step 5. */
  warta_clock_freeze (f->clock, tomorrow_9 + MINUTES (5));
  p = move (f, f->admin, p, WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING, NULL);
  g_assert_cmpint (warta_publication_get_deadline_at (p), ==, tomorrow_9 + MINUTES (30));
  warta_clock_advance (f->clock, MINUTES (5));
  p = move (f, f->admin, p, WARTA_ACTION_FINISH, WARTA_STATE_PUBLISHED, NULL);
  g_assert_true (warta_publication_repository_get_step_stats (f->repo, 5, T0, T0 + MINUTES (100000),
                                                              &n_done, &n_on_time, &mean, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_on_time, ==, 1);
  g_assert_cmpint (mean, ==, tomorrow_9 + MINUTES (10) - approved);

  /* A time that passed before the approval moves nothing: due 30 minutes
   * after the approval, and overdue after that. */
  warta_clock_freeze (f->clock, T0 + MINUTES (2 * 24 * 60));
  late = approve_scheduled (f, "Apel pagi", T0 + MINUTES (2 * 24 * 60 + 30));
  g_assert_cmpint (warta_publication_get_deadline_at (late), ==,
                   warta_publication_get_step_entered_at (late) + MINUTES (30));
  g_assert_cmpint (warta_publication_get_waiting_until (late, warta_clock_now (f->clock)), ==, 0);
  g_assert_true (warta_publication_is_overdue (late, warta_clock_now (f->clock) + MINUTES (31)));
}

/* A database written before scheduled posts had their own deadline: the
 * migration moves the deadline of each step 5 stay of a scheduled post,
 * the open one and the closed one, and nothing else. */
static void
test_scheduled_deadline_migrated (Fixture       *f,
                                  gconstpointer  data)
{
  const gint64 approved = T0 + MINUTES (60);
  const gint64 tomorrow_9 = T0 + MINUTES (26 * 60);
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaPublication) open = NULL;
  g_autoptr(WartaPublication) done = NULL;
  g_autoptr(WartaPublication) plain = NULL;
  g_autoptr(WartaDatabase) db = NULL;
  g_autoptr(WartaPublicationRepository) repo = NULL;
  g_autoptr(WartaPublication) reloaded = NULL;
  guint n_done = 0, n_on_time = 0;
  gint64 mean = 0;

  open = approve_scheduled (f, "Hari Bhayangkara", tomorrow_9);
  done = approve_scheduled (f, "Hari Lingkungan Hidup", tomorrow_9);
  plain = approve_scheduled (f, "Rapat evaluasi", 0);
  warta_clock_freeze (f->clock, tomorrow_9 + MINUTES (5));
  done = move (f, f->admin, done, WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING, NULL);
  done = move (f, f->admin, done, WARTA_ACTION_FINISH, WARTA_STATE_PUBLISHED, NULL);

  /* As the Warta before would have stored them: 30 minutes after the
   * approval, in a database at schema 11 (without what the migrations
   * after 0012 add, which run again). */
  run_sql (f->path, "UPDATE step_records SET deadline_at = entered_at + 1800000000 WHERE step = 5; "
                    "UPDATE publications SET deadline_at = step_entered_at + 1800000000 "
                    "WHERE step = 5; "
                    "DROP TABLE post_corrections; "
                    "ALTER TABLE outbox_jobs DROP COLUMN by_hand_since; "
                    "ALTER TABLE outbox_jobs DROP COLUMN by_hand_by; "
                    "ALTER TABLE media_items DROP COLUMN duration_us; "
                    "ALTER TABLE media_items DROP COLUMN size; "
                    "DROP TABLE left_out_targets; "
                    "DROP TABLE by_hand_targets; "
                    "PRAGMA user_version = 11;");

  db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_database_get_schema_version (db), ==,
                   warta_database_get_latest_schema_version ());
  repo = warta_publication_repository_new (db, f->clock);

  reloaded = warta_publication_repository_get (repo, warta_publication_get_id (open), &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_publication_get_deadline_at (reloaded), ==, tomorrow_9 + MINUTES (30));
  g_assert_false (warta_publication_is_overdue (reloaded, approved + MINUTES (31)));
  g_clear_object (&reloaded);
  reloaded = warta_publication_repository_get (repo, warta_publication_get_id (plain), &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_publication_get_deadline_at (reloaded), ==,
                   warta_publication_get_step_entered_at (plain) + MINUTES (30));

  g_assert_true (warta_publication_repository_get_step_stats (repo, 5, T0, T0 + MINUTES (100000),
                                                              &n_done, &n_on_time, &mean, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_done, ==, 1);
  g_assert_cmpuint (n_on_time, ==, 1);

  g_clear_object (&repo);
  g_assert_finalize_object (g_steal_pointer (&db));
}

/* Approval binds to the content hash: content changed behind Warta's back
 * after approval cannot be published. */
static void
test_approval_bound_to_hash (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft ("Hari Anti Korupsi");
  g_autoptr(WartaRevision) same = NULL;
  g_autoptr(WartaRevision) current = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) unchanged = NULL;
  g_autoptr(WartaPublication) refused = NULL;
  g_autofree char *sql = NULL;

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);
  tick_all (f, p);
  p = move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL);
  p = move (f, f->approver, p, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, NULL);

  /* Saving identical content is no edit: the approval stands. */
  current = warta_publication_repository_get_revision (f->repo, warta_publication_get_current_revision_id (p), &error);
  g_assert_no_error (error);
  same = warta_revision_new_draft (current);
  unchanged = warta_publication_repository_save_revision (f->repo, f->admin, warta_publication_get_id (p),
                                                         warta_publication_get_version (p), same, &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_publication_get_version (unchanged), ==, warta_publication_get_version (p));
  g_assert_cmpuint (warta_publication_get_state (unchanged), ==, WARTA_STATE_APPROVED);

  /* Someone edits the approved text with another tool. */
  sql = g_strdup_printf ("DROP TRIGGER revisions_immutable; "
                         "UPDATE revisions SET narrative = 'diubah' WHERE id = %" G_GINT64_FORMAT,
                         warta_publication_get_current_revision_id (p));
  run_sql (f->path, sql);

  refused = warta_publication_repository_transition (f->repo, f->admin, warta_publication_get_id (p),
                                                     warta_publication_get_version (p),
                                                     WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING,
                                                     NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_APPROVAL_VOID);
}

/* Roles are checked as stored now, not as the caller's copy says. */
static void
test_roles_as_stored (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft ("Rapat evaluasi");
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) refused = NULL;
  g_autoptr(WartaUser) changed = NULL;

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);

  changed = warta_user_repository_update_user (f->users, f->sysadmin, warta_user_get_id (f->officer),
                                               warta_user_get_version (f->officer), NULL,
                                               WARTA_ROLE_VERIFIER, FALSE, TRUE, &error);
  g_assert_no_error (error);

  g_assert_true (warta_user_has_role (f->officer, WARTA_ROLE_ACTIVITY_OFFICER));
  refused = warta_publication_repository_transition (f->repo, f->officer, warta_publication_get_id (p),
                                                     warta_publication_get_version (p),
                                                     WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING,
                                                     NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
}

static void
test_note_lifecycle (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft ("Penandatanganan pakta integritas");
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaCorrectionNote) note = NULL;
  g_autoptr(WartaCorrectionNote) result = NULL;
  g_autoptr(WartaCorrectionNote) resolved = NULL;
  g_autoptr(WartaCorrectionNote) reopened = NULL;

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);

  result = warta_publication_repository_add_note (f->repo, f->verifier, warta_publication_get_id (p),
                                                  "when", NULL, "", &error);
  g_assert_null (result);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED);
  g_clear_error (&error);

  note = warta_publication_repository_add_note (f->repo, f->verifier, warta_publication_get_id (p),
                                                "when", NULL, "Jam kegiatan salah", &error);
  g_assert_no_error (error);

  /* Not yet resolved: nothing to confirm. */
  result = warta_publication_repository_confirm_note (f->repo, f->verifier, warta_correction_note_get_id (note),
                                                      warta_correction_note_get_version (note), TRUE, &error);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);

  /* Only the admin resolves. */
  result = warta_publication_repository_resolve_note (f->repo, f->verifier, warta_correction_note_get_id (note),
                                                      warta_correction_note_get_version (note), &error);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  resolved = warta_publication_repository_resolve_note (f->repo, f->admin, warta_correction_note_get_id (note),
                                                        warta_correction_note_get_version (note), &error);
  g_assert_no_error (error);
  g_assert_cmpint (warta_correction_note_get_resolved_revision_id (resolved), ==,
                   warta_publication_get_current_revision_id (p));
  g_assert_cmpint (warta_correction_note_get_resolved_by (resolved), ==, warta_user_get_id (f->admin));

  /* A stale version of the note: a conflict. */
  result = warta_publication_repository_resolve_note (f->repo, f->admin, warta_correction_note_get_id (note),
                                                      warta_correction_note_get_version (note), &error);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The reviewer does not agree: open again. */
  reopened = warta_publication_repository_confirm_note (f->repo, f->verifier, warta_correction_note_get_id (note),
                                                        warta_correction_note_get_version (resolved), FALSE,
                                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_correction_note_get_status (reopened), ==, WARTA_NOTE_STATUS_OPEN);
  g_assert_cmpint (warta_correction_note_get_resolved_by (reopened), ==, 0);
  g_assert_cmpint (warta_correction_note_get_version (reopened), ==, 3);
}

static void
test_checklist_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = make_draft ("Audit kinerja");
  g_autoptr(WartaPublication) p = NULL;
  gboolean ticked[WARTA_N_CHECKS] = { TRUE, TRUE, TRUE, FALSE, TRUE, TRUE };
  const char *notes[WARTA_N_CHECKS] = { NULL };
  gboolean got[WARTA_N_CHECKS];
  char *got_notes[WARTA_N_CHECKS];

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);

  /* Not in step 3 yet. */
  g_assert_false (warta_publication_repository_save_checklist (f->repo, f->verifier, warta_publication_get_id (p),
                                                               ticked, notes, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  g_clear_error (&error);

  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);

  g_assert_false (warta_publication_repository_save_checklist (f->repo, f->verifier, warta_publication_get_id (p),
                                                               ticked, notes, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_CHECKLIST_INCOMPLETE);
  g_clear_error (&error);

  g_assert_false (warta_publication_repository_save_checklist (f->repo, f->admin, warta_publication_get_id (p),
                                                               ticked, notes, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  notes[WARTA_CHECK_NO_PERSONAL_DATA] = "Wajah pelapor terlihat; sudah diburamkan.";
  g_assert_true (warta_publication_repository_save_checklist (f->repo, f->verifier, warta_publication_get_id (p),
                                                              ticked, notes, &error));
  g_assert_no_error (error);

  g_assert_true (warta_publication_repository_get_checklist (f->repo, warta_publication_get_current_revision_id (p),
                                                             got, got_notes, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      g_assert_cmpint (got[i], ==, ticked[i]);
      g_assert_cmpstr (got_notes[i], ==, notes[i]);
      g_free (got_notes[i]);
    }

  /* With a note on the unticked item, it may be forwarded. */
  p = move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL);
}

static guint
count_revisions (Fixture *f,
                 gint64   publication_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) revisions = warta_publication_repository_list_revisions (f->repo, publication_id,
                                                                                &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (revisions);
}

static WartaRevision *
current_revision (Fixture          *f,
                  WartaPublication *p)
{
  g_autoptr(GError) error = NULL;
  WartaRevision *revision;

  revision = warta_publication_repository_get_revision (f->repo, warta_publication_get_current_revision_id (p),
                                                        &error);
  g_assert_no_error (error);
  return revision;
}

/* Autosave writes the draft; only a submit makes a revision. */
static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) first = make_draft ("Sosialisasi SPIP");
  g_autoptr(WartaRevision) content = NULL;
  g_autoptr(WartaRevision) submitted = NULL;
  g_autoptr(WartaRevision) again = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) stale = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(WartaEvent) submit_event = NULL;
  g_autofree char *typed = NULL;
  gint64 id, version = -1, publication_version;

  p = warta_publication_repository_create (f->repo, f->officer, first, &error);
  g_assert_no_error (error);
  id = warta_publication_get_id (p);
  publication_version = warta_publication_get_version (p);
  g_assert_cmpuint (count_revisions (f, id), ==, 1);

  /* No draft saved yet: the draft is the current revision, version 0. */
  content = warta_publication_repository_get_draft (f->repo, id, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 0);
  g_assert_false (warta_revision_is_sealed (content));
  g_assert_cmpstr (warta_revision_get_title (content), ==, "Sosialisasi SPIP");
  g_assert_cmpuint (g_list_model_get_n_items (warta_revision_get_media (content)), ==, 1);

  /* 20 autosaves while typing: 0 revisions, the publication unchanged. */
  for (guint i = 1; i <= 20; i++)
    {
      g_autoptr(WartaPublication) after = NULL;
      g_autofree char *text = g_strdup_printf ("Inspektorat menggelar sosialisasi %u", i);
      gint64 new_version = 0;

      warta_clock_advance (f->clock, G_USEC_PER_SEC);
      warta_revision_set_narrative (content, text);
      warta_revision_set_title (content, "Sosialisasi SPIP 2025");
      after = warta_publication_repository_save_draft (f->repo, f->officer, id, publication_version, version,
                                                       content, &new_version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (new_version, ==, version + 1);
      g_assert_cmpint (warta_publication_get_version (after), ==, publication_version);
      g_assert_cmpuint (warta_publication_get_state (after), ==, WARTA_STATE_DOCUMENTING);
      version = new_version;
    }
  g_assert_cmpuint (count_revisions (f, id), ==, 1);
  g_clear_object (&p);
  p = warta_publication_repository_get (f->repo, id, &error);
  g_assert_no_error (error);
  /* The lists show the working title. */
  g_assert_cmpstr (warta_publication_get_title (p), ==, "Sosialisasi SPIP 2025");

  /* A save based on an older version is refused and says who and when. */
  stale = warta_publication_repository_save_draft (f->repo, f->admin, id, publication_version, 5, content,
                                                   NULL, &error);
  g_assert_null (stale);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Budi Santoso"));
  g_assert_nonnull (strstr (error->message, " at 18 Jun 2025, 07:00 WIB, "));
  g_clear_error (&error);

  g_clear_object (&content);
  content = warta_publication_repository_get_draft (f->repo, id, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 20);
  g_assert_cmpstr (warta_revision_get_narrative (content), ==, "Inspektorat menggelar sosialisasi 20");
  /* What probing found stays with the draft's media. */
  {
    g_autoptr(WartaMediaItem) photo = g_list_model_get_item (warta_revision_get_media (content), 0);

    g_assert_cmpuint (warta_media_item_get_size (photo), ==, 2480133);
  }

  /* Whether the draft changed, without reading it. */
  {
    g_autofree char *by = NULL;
    gint64 stamp = 0, at = 0;

    g_assert_true (warta_publication_repository_get_draft_stamp (f->repo, id, &stamp, &by, &at,
                                                                 &error));
    g_assert_no_error (error);
    g_assert_cmpint (stamp, ==, 20);
    g_assert_cmpstr (by, ==, "Budi Santoso");
    g_assert_cmpint (at, >, 0);
  }

  /* Submitting an older draft than the stored one is refused: an editor
   * that has not caught up never submits text its user did not see. */
  stale = warta_publication_repository_submit_draft (f->repo, f->officer, id,
                                                     warta_publication_get_version (p), 19,
                                                     WARTA_STATE_PROCESSING, &error);
  g_assert_null (stale);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Budi Santoso"));
  g_clear_error (&error);
  g_assert_cmpuint (count_revisions (f, id), ==, 1);

  /* One submit: exactly one revision, with what was typed last. */
  stale = warta_publication_repository_submit_draft (f->repo, f->officer, id,
                                                     warta_publication_get_version (p), 20,
                                                     WARTA_STATE_PROCESSING, &error);
  g_assert_no_error (error);
  g_set_object (&p, stale);
  g_clear_object (&stale);
  g_assert_cmpuint (count_revisions (f, id), ==, 2);
  submitted = current_revision (f, p);
  g_assert_cmpuint (warta_revision_get_number (submitted), ==, 2);
  g_assert_cmpstr (warta_revision_get_narrative (submitted), ==, "Inspektorat menggelar sosialisasi 20");
  g_assert_cmpstr (warta_publication_get_current_hash (p), ==, warta_revision_get_hash (submitted));
  typed = warta_revision_compute_hash (submitted);
  g_assert_cmpstr (typed, ==, warta_revision_get_hash (submitted));
  events = warta_event_log_list (f->db, id, &error);
  g_assert_no_error (error);
  submit_event = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);
  g_assert_cmpstr (warta_event_get_kind (submit_event), ==, "submit");
  g_assert_cmpint (warta_event_get_revision_id (submit_event), ==, warta_revision_get_id (submitted));

  /* Submitting the same content again makes no new revision. */
  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);
  g_assert_cmpuint (count_revisions (f, id), ==, 2);

  /* A revision written directly becomes the draft too: an editor holding
   * the older draft is told. */
  p = edit (f, f->admin, p, fix_typo);
  again = warta_publication_repository_get_draft (f->repo, id, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 21);
  g_assert_cmpstr (warta_revision_get_narrative (again), ==, "Inspektorat Provinsi menggelar rapat koordinasi.");
  stale = warta_publication_repository_save_draft (f->repo, f->admin, id, warta_publication_get_version (p),
                                                   20, content, NULL, &error);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Sari Dewi"));
  g_clear_error (&error);
}

/* Blur regions and crop centres travel from the draft into the revision,
 * and are part of its hash. */
static void
test_draft_blur_and_crop (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) first = make_draft ("Lomba mewarnai");
  g_autoptr(WartaRevision) content = NULL;
  g_autoptr(WartaRevision) read_back = NULL;
  g_autoptr(WartaRevision) submitted = NULL;
  g_autoptr(WartaMediaItem) photo = NULL;
  g_autoptr(WartaMediaItem) stored = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) after = NULL;
  g_autofree char *plain_hash = NULL;
  const WartaBlurRegion *region;
  double x = 0, y = 0;
  gint64 id, version = -1;

  p = warta_publication_repository_create (f->repo, f->officer, first, &error);
  g_assert_no_error (error);
  id = warta_publication_get_id (p);
  plain_hash = g_strdup (warta_publication_get_current_hash (p));

  content = warta_publication_repository_get_draft (f->repo, id, &version, &error);
  g_assert_no_error (error);
  photo = g_list_model_get_item (warta_revision_get_media (content), 0);
  warta_media_item_set_minor (photo, TRUE);
  warta_media_item_add_blur_region (photo, &(WartaBlurRegion) { 0.25, 0.125, 0.25, 0.5 });
  warta_media_item_set_crop_center (photo, "instagram", 0.3, 0.6);
  /* Left out of X and TikTok, kept sorted. */
  warta_media_item_set_posted_to (photo, "x", FALSE);
  warta_media_item_set_posted_to (photo, "tiktok", FALSE);
  warta_media_item_set_posted_to (photo, "mastodon", TRUE);
  g_assert_cmpstr (warta_media_item_get_skipped_platforms (photo), ==, "tiktok,x");
  after = warta_publication_repository_save_draft (f->repo, f->officer, id, warta_publication_get_version (p),
                                                   version, content, &version, &error);
  g_assert_no_error (error);

  read_back = warta_publication_repository_get_draft (f->repo, id, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&photo);
  photo = g_list_model_get_item (warta_revision_get_media (read_back), 0);
  g_assert_cmpuint (warta_media_item_get_n_blur_regions (photo), ==, 1);
  region = warta_media_item_get_blur_region (photo, 0);
  g_assert_cmpfloat_with_epsilon (region->x, 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (region->height, 0.5, 1e-9);
  g_assert_true (warta_media_item_get_crop_center (photo, "instagram", &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 0.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, 0.6, 1e-9);
  g_assert_false (warta_media_item_get_crop_center (photo, "x", &x, &y));
  g_assert_cmpfloat (x, ==, 0.5);
  g_assert_false (warta_media_item_get_posted_to (photo, "x"));
  g_assert_true (warta_media_item_get_posted_to (photo, "instagram"));

  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  submitted = current_revision (f, p);
  g_assert_cmpstr (warta_revision_get_hash (submitted), !=, plain_hash);
  stored = g_list_model_get_item (warta_revision_get_media (submitted), 0);
  g_assert_true (warta_media_item_is_sealed (stored));
  g_assert_cmpuint (warta_media_item_get_n_blur_regions (stored), ==, 1);
  g_assert_true (warta_media_item_get_crop_center (stored, "instagram", &x, &y));
  g_assert_cmpfloat_with_epsilon (x, 0.3, 1e-9);
  g_assert_cmpstr (warta_media_item_get_skipped_platforms (stored), ==, "tiktok,x");
  /* The hash recomputed from the stored rows is the one recorded. */
  {
    g_autofree char *recomputed = warta_revision_compute_hash (submitted);

    g_assert_cmpstr (recomputed, ==, warta_revision_get_hash (submitted));
  }
}

/* An edit of the draft after approval voids the approval and sends the
 * content back to verification as a new revision; saving the same content
 * changes nothing. */
static void
test_draft_edit_after_approval (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) first = make_draft ("Hari Bhakti Inspektorat");
  g_autoptr(WartaRevision) content = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) same = NULL;
  g_autoptr(WartaPublication) edited = NULL;
  g_autoptr(WartaPublication) refused = NULL;
  gint64 id, version = -1;
  guint n_revisions;

  p = warta_publication_repository_create (f->repo, f->officer, first, &error);
  g_assert_no_error (error);
  id = warta_publication_get_id (p);
  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  p = move (f, f->admin, p, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);
  tick_all (f, p);
  p = move (f, f->verifier, p, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL);
  p = move (f, f->approver, p, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, NULL);
  n_revisions = count_revisions (f, id);

  content = warta_publication_repository_get_draft (f->repo, id, &version, &error);
  g_assert_no_error (error);
  same = warta_publication_repository_save_draft (f->repo, f->admin, id, warta_publication_get_version (p),
                                                  version, content, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_publication_get_state (same), ==, WARTA_STATE_APPROVED);
  g_assert_cmpint (warta_publication_get_version (same), ==, warta_publication_get_version (p));
  g_assert_cmpuint (count_revisions (f, id), ==, n_revisions);

  /* Only the admin edits after approval. */
  warta_revision_set_narrative (content, "Diubah setelah disetujui.");
  refused = warta_publication_repository_save_draft (f->repo, f->officer, id, warta_publication_get_version (p),
                                                     version, content, NULL, &error);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* Based on the publication before the approval: a conflict, not a
   * silent voiding of a decision the editor has not seen. */
  edited = warta_publication_repository_save_draft (f->repo, f->admin, id, warta_publication_get_version (p) - 1,
                                                    version, content, NULL, &error);
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Rina Marlina"));
  g_clear_error (&error);
  g_assert_cmpuint (count_revisions (f, id), ==, n_revisions);

  edited = warta_publication_repository_save_draft (f->repo, f->admin, id, warta_publication_get_version (p),
                                                    version, content, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_publication_get_state (edited), ==, WARTA_STATE_VERIFYING);
  g_assert_cmpint (warta_publication_get_approved_revision_id (edited), ==, 0);
  g_assert_null (warta_publication_get_approved_hash (edited));
  g_assert_cmpuint (count_revisions (f, id), ==, n_revisions + 1);
  {
    g_autoptr(WartaRevision) now = current_revision (f, edited);

    g_assert_cmpstr (warta_revision_get_narrative (now), ==, "Diubah setelah disetujui.");
  }
}

/* An activity with only "what" passes step 1 (the officer is asked about
 * the rest), but its content concept goes to verification only with a
 * title and a caption: the model refuses, saying what is missing, and
 * nothing changes. */
static void
test_incomplete_concept_refused (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) refused = NULL;
  g_autoptr(WartaPublication) again = NULL;
  g_autoptr(WartaRevision) complete = NULL;
  g_auto(GStrv) gaps = NULL;
  guint n_events;

  warta_revision_set_what (draft, "Rapat koordinasi");
  gaps = warta_revision_list_concept_gaps (draft);
  g_assert_cmpuint (g_strv_length (gaps), ==, 2);

  p = warta_publication_repository_create (f->repo, f->officer, draft, &error);
  g_assert_no_error (error);
  p = move (f, f->officer, p, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL);
  n_events = count_events (f, warta_publication_get_id (p));

  refused = warta_publication_repository_transition (f->repo, f->admin, warta_publication_get_id (p),
                                                     warta_publication_get_version (p),
                                                     WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING,
                                                     NULL, &error);
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_CONCEPT_INCOMPLETE);
  g_assert_null (refused);
  g_assert_nonnull (strstr (error->message, "no title"));
  g_assert_nonnull (strstr (error->message, "No platform has a caption"));
  g_clear_error (&error);
  again = warta_publication_repository_get (f->repo, warta_publication_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_publication_get_state (again), ==, WARTA_STATE_PROCESSING);
  g_assert_cmpuint (count_events (f, warta_publication_get_id (p)), ==, n_events);

  /* A title, and the text of one platform: it goes. */
  complete = warta_revision_new ();
  warta_revision_set_title (complete, "Rapat koordinasi pengawasan");
  warta_revision_set_caption (complete, "mastodon", "Rapat koordinasi pengawasan.");
  g_clear_pointer (&gaps, g_strfreev);
  gaps = warta_revision_list_concept_gaps (complete);
  g_assert_cmpuint (g_strv_length (gaps), ==, 0);
  {
    gint64 draft_version = 0;
    g_autoptr(WartaRevision) current = warta_publication_repository_get_draft (f->repo,
                                                                              warta_publication_get_id (p),
                                                                              &draft_version, &error);
    g_autoptr(WartaPublication) saved = NULL;

    g_assert_no_error (error);
    saved = warta_publication_repository_save_draft (f->repo, f->admin, warta_publication_get_id (p),
                                                     warta_publication_get_version (again),
                                                     draft_version, complete, NULL, &error);
    g_assert_no_error (error);
    g_clear_object (&p);
    p = move (f, f->admin, g_object_ref (saved), WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL);
  }
}

/* One integer @sql finds in the file, through a connection of its own. */
static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* One of the admin's two exceptions to the targets offered: left out,
 * or (Warta cannot send there) ticked to upload by hand. */
typedef struct
{
  GArray   *(*list) (WartaPublicationRepository *, gint64, GError **);
  gboolean  (*set)  (WartaPublicationRepository *, WartaUser *, gint64, gint64, gboolean,
                     GError **);
  const char *table;
  const char *by;
  const char *at;
} ChoiceKind;

static const ChoiceKind left_out_kind = {
  warta_publication_repository_list_left_out, warta_publication_repository_set_left_out,
  "left_out_targets", "left_out_by", "left_out_at",
};

static const ChoiceKind by_hand_kind = {
  warta_publication_repository_list_by_hand, warta_publication_repository_set_by_hand,
  "by_hand_targets", "included_by", "included_at",
};

static const ChoiceKind *kind;

/* The accounts stored for @publication_id, as "1,2" ("" for none). */
static char *
left_out (WartaPublicationRepository *repo,
          gint64                      publication_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = kind->list (repo, publication_id, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

/* The social media admin's choice of targets is the publication's, in
 * the file: who left which account out (or ticked one Warta cannot send
 * to, to upload it by hand) and when; read again by another connection;
 * refused to another role (FORBIDDEN, nothing changed) and once
 * publishing started. */
static void
test_left_out_targets (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaDatabase) other_db = NULL;
  g_autoptr(WartaPublicationRepository) other = NULL;
  g_autofree char *who_sql = NULL;
  g_autofree char *count_sql = NULL;
  char *text;
  gint64 id;

  kind = data;
  count_sql = g_strdup_printf ("SELECT count(*) FROM %s", kind->table);

  run_sql (f->path, "INSERT INTO accounts (id, platform, display_name, keyring_id, created_at) "
                    "VALUES (1, 'x', 'X', 'key-x', 0), (2, 'mastodon', 'Mastodon', 'key-m', 0)");
  p = approve_scheduled (f, "Rapat evaluasi", 0);
  id = warta_publication_get_id (p);

  text = left_out (f->repo, id);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  warta_clock_advance (f->clock, MINUTES (5));
  g_assert_true (kind->set (f->repo, f->admin, id, 1, TRUE, &error));
  g_assert_no_error (error);
  text = left_out (f->repo, id);
  g_assert_cmpstr (text, ==, "1");
  g_free (text);
  who_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE publication_id = %"
                             G_GINT64_FORMAT " AND account_id = 1 AND %s = %"
                             G_GINT64_FORMAT " AND %s = %" G_GINT64_FORMAT,
                             kind->table, id, kind->by, warta_user_get_id (f->admin), kind->at,
                             warta_clock_now (f->clock));
  g_assert_cmpint (raw_int (f->path, who_sql), ==, 1);

  /* Another workstation on the same file reads the same choice. */
  other_db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE,
                                  &error);
  g_assert_no_error (error);
  other = warta_publication_repository_new (other_db, f->clock);
  text = left_out (other, id);
  g_assert_cmpstr (text, ==, "1");
  g_free (text);

  /* A verifier, an approver, an officer: refused, nothing changed. */
  g_assert_false (kind->set (f->repo, f->verifier, id, 2, TRUE, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (kind->set (f->repo, f->approver, id, 1, FALSE, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (kind->set (f->repo, f->officer, id, 1, FALSE, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->path, count_sql), ==, 1);
  g_assert_cmpint (raw_int (f->path, who_sql), ==, 1);

  /* Ticked again, and left out again, by the admin. */
  g_assert_true (kind->set (other, f->admin, id, 1, FALSE, &error));
  g_assert_no_error (error);
  text = left_out (f->repo, id);
  g_assert_cmpstr (text, ==, "");
  g_free (text);
  g_assert_true (kind->set (f->repo, f->admin, id, 2, TRUE, &error));
  g_assert_no_error (error);

  /* Once publishing started, the choice is what was published. */
  p = move (f, f->admin, g_steal_pointer (&p), WARTA_ACTION_START_PUBLISHING,
            WARTA_STATE_PUBLISHING, NULL);
  g_assert_false (kind->set (f->repo, f->admin, id, 2, FALSE, &error));
  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
  text = left_out (f->repo, id);
  g_assert_cmpstr (text, ==, "2");
  g_free (text);

  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&other_db));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/warta/publication-repository/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sop-path", test_sop_path);
  ADD ("forbidden-changes-nothing", test_forbidden_changes_nothing);
  ADD ("return-needs-note", test_return_needs_note);
  ADD ("conflict", test_conflict);
  ADD ("deadlines", test_deadlines);
  ADD ("scheduled-deadline", test_scheduled_deadline);
  ADD ("scheduled-deadline-migrated", test_scheduled_deadline_migrated);
  ADD ("tasks", test_tasks);
  ADD ("approval-bound-to-hash", test_approval_bound_to_hash);
  ADD ("roles-as-stored", test_roles_as_stored);
  ADD ("note-lifecycle", test_note_lifecycle);
  ADD ("checklist", test_checklist_round_trip);
  ADD ("drafts", test_drafts);
  ADD ("draft-blur-and-crop", test_draft_blur_and_crop);
  ADD ("draft-edit-after-approval", test_draft_edit_after_approval);
  ADD ("incomplete-concept-refused", test_incomplete_concept_refused);
  g_test_add ("/warta/publication-repository/left-out-targets", Fixture, &left_out_kind,
              fixture_set_up, test_left_out_targets, fixture_tear_down);
  g_test_add ("/warta/publication-repository/by-hand-targets", Fixture, &by_hand_kind,
              fixture_set_up, test_left_out_targets, fixture_tear_down);

#undef ADD

  return g_test_run ();
}
