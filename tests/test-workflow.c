/* test-workflow.c: the SOP's rules, as a matrix, without a database
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "warta-clock.h"
#include "warta-revision.h"
#include "warta-role.h"
#include "warta-workflow.h"
#include "warta-test-language.h"

/* product.md §1 written out once more, independently of warta-workflow.c:
 * each allowed move and the one role that may make it. */
static const struct {
  WartaState  from;
  WartaAction action;
  WartaState  to;
  WartaRole   role;
} allowed[] = {
  { WARTA_STATE_DOCUMENTING, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, WARTA_ROLE_ACTIVITY_OFFICER },
  { WARTA_STATE_PROCESSING, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  { WARTA_STATE_VERIFYING, WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, WARTA_ROLE_VERIFIER },
  { WARTA_STATE_APPROVING, WARTA_ACTION_APPROVE, WARTA_STATE_APPROVED, WARTA_ROLE_APPROVER },
  { WARTA_STATE_VERIFYING, WARTA_ACTION_RETURN, WARTA_STATE_PROCESSING, WARTA_ROLE_VERIFIER },
  { WARTA_STATE_APPROVING, WARTA_ACTION_RETURN, WARTA_STATE_PROCESSING, WARTA_ROLE_APPROVER },
  { WARTA_STATE_APPROVING, WARTA_ACTION_RETURN, WARTA_STATE_VERIFYING, WARTA_ROLE_APPROVER },
  { WARTA_STATE_PROCESSING, WARTA_ACTION_RETURN, WARTA_STATE_DOCUMENTING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  { WARTA_STATE_APPROVED, WARTA_ACTION_START_PUBLISHING, WARTA_STATE_PUBLISHING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  { WARTA_STATE_PUBLISHING, WARTA_ACTION_FINISH, WARTA_STATE_PUBLISHED, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  { WARTA_STATE_PUBLISHING, WARTA_ACTION_FINISH, WARTA_STATE_PARTIALLY_PUBLISHED, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  { WARTA_STATE_PUBLISHING, WARTA_ACTION_FINISH, WARTA_STATE_FAILED, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  { WARTA_STATE_FAILED, WARTA_ACTION_RETRY, WARTA_STATE_PUBLISHING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  { WARTA_STATE_PARTIALLY_PUBLISHED, WARTA_ACTION_RETRY, WARTA_STATE_PUBLISHING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  { WARTA_STATE_DOCUMENTING, WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN, WARTA_ROLE_ACTIVITY_OFFICER },
  { WARTA_STATE_PROCESSING, WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN, WARTA_ROLE_SOCIAL_MEDIA_ADMIN },
  { WARTA_STATE_VERIFYING, WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN, WARTA_ROLE_VERIFIER },
  { WARTA_STATE_APPROVING, WARTA_ACTION_WITHDRAW, WARTA_STATE_WITHDRAWN, WARTA_ROLE_APPROVER },
};

static gboolean
needs_note (WartaAction action)
{
  return action == WARTA_ACTION_RETURN || action == WARTA_ACTION_WITHDRAW;
}

/* Every (from, action, to) × every one of the 16 role sets × note or not. */
static void
test_transition_matrix (void)
{
  guint n_allowed = 0, n_forbidden = 0, n_invalid = 0, n_note = 0;

  for (guint from = 0; from < WARTA_N_STATES; from++)
    for (guint action = 0; action < WARTA_N_ACTIONS; action++)
      for (guint to = 0; to < WARTA_N_STATES; to++)
        for (guint roles = 0; roles <= WARTA_ROLE_ALL; roles++)
          for (guint with_note = 0; with_note <= 1; with_note++)
            {
              g_autoptr(GError) error = NULL;
              gboolean in_sop = FALSE;
              WartaRole role = WARTA_ROLE_NONE;
              gboolean ok;

              for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
                if (allowed[i].from == from && allowed[i].action == action && allowed[i].to == to)
                  {
                    in_sop = TRUE;
                    role = allowed[i].role;
                  }

              ok = warta_workflow_check_transition (from, action, to, roles, with_note, &error);

              if (!in_sop)
                {
                  g_assert_false (ok);
                  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_INVALID_TRANSITION);
                  n_invalid++;
                }
              else if ((roles & role) == 0)
                {
                  g_assert_false (ok);
                  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
                  n_forbidden++;
                }
              else if (needs_note (action) && !with_note)
                {
                  g_assert_false (ok);
                  g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOTE_REQUIRED);
                  n_note++;
                }
              else
                {
                  g_assert_no_error (error);
                  g_assert_true (ok);
                  n_allowed++;
                }
            }

  /* 18 moves, 8 of which (4 returns, 4 withdrawals) need a note; 8 of the
   * 16 role sets hold a given role; each case with and without a note. */
  g_assert_cmpuint (G_N_ELEMENTS (allowed), ==, 18);
  g_assert_cmpuint (n_note, ==, 8 * 8);
  g_assert_cmpuint (n_allowed, ==, 18 * 8 * 2 - 8 * 8);
  g_assert_cmpuint (n_forbidden, ==, 18 * 8 * 2);
  g_assert_cmpuint (n_invalid, >, 0);
  g_test_message ("%u allowed, %u forbidden, %u need a note, %u not in the SOP",
                  n_allowed, n_forbidden, n_note, n_invalid);
}

static void
test_edit_rules (void)
{
  static const struct {
    WartaState state;
    WartaRole  roles;       /* may edit */
    WartaState after;
    gboolean   voids;
  } editable[] = {
    { WARTA_STATE_DOCUMENTING, WARTA_ROLE_ACTIVITY_OFFICER | WARTA_ROLE_SOCIAL_MEDIA_ADMIN, WARTA_STATE_DOCUMENTING, FALSE },
    { WARTA_STATE_PROCESSING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN, WARTA_STATE_PROCESSING, FALSE },
    { WARTA_STATE_VERIFYING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN, WARTA_STATE_VERIFYING, FALSE },
    { WARTA_STATE_APPROVING, WARTA_ROLE_SOCIAL_MEDIA_ADMIN, WARTA_STATE_VERIFYING, FALSE },
    { WARTA_STATE_APPROVED, WARTA_ROLE_SOCIAL_MEDIA_ADMIN, WARTA_STATE_VERIFYING, TRUE },
  };

  for (guint state = 0; state < WARTA_N_STATES; state++)
    for (guint roles = 0; roles <= WARTA_ROLE_ALL; roles++)
      {
        g_autoptr(GError) error = NULL;
        WartaState after = WARTA_N_STATES;
        gboolean voids = FALSE;
        gboolean ok = warta_workflow_check_edit (state, roles, &after, &voids, &error);
        gint found = -1;

        for (guint i = 0; i < G_N_ELEMENTS (editable); i++)
          if (editable[i].state == state)
            found = (gint)i;

        if (found < 0)
          {
            g_assert_false (ok);
            g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_NOT_EDITABLE);
          }
        else if ((roles & editable[found].roles) == 0)
          {
            g_assert_false (ok);
            g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_FORBIDDEN);
          }
        else
          {
            g_assert_no_error (error);
            g_assert_true (ok);
            g_assert_cmpint (after, ==, editable[found].after);
            g_assert_cmpint (voids, ==, editable[found].voids);
          }
      }
}

static void
test_note_rules (void)
{
  for (guint state = 0; state < WARTA_N_STATES; state++)
    for (guint roles = 0; roles <= WARTA_ROLE_ALL; roles++)
      {
        g_autoptr(GError) error = NULL;
        gboolean reviewing = state == WARTA_STATE_PROCESSING || state == WARTA_STATE_VERIFYING ||
                             state == WARTA_STATE_APPROVING;
        gboolean ok = warta_workflow_check_note (state, roles, &error);

        if (reviewing && (roles & warta_state_get_role (state)))
          g_assert_no_error (error);
        else
          g_assert_nonnull (error);
        g_assert_cmpint (ok, ==, error == NULL);
      }
}

static void
test_checklist (void)
{
  gboolean ticked[WARTA_N_CHECKS] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  const char *notes[WARTA_N_CHECKS] = { NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (warta_workflow_check_checklist (ticked, notes, &error));
  g_assert_no_error (error);
  g_assert_true (warta_workflow_check_checklist (ticked, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      ticked[i] = FALSE;
      g_assert_false (warta_workflow_check_checklist (ticked, notes, &error));
      g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_CHECKLIST_INCOMPLETE);
      g_clear_error (&error);

      notes[i] = "   ";
      g_assert_false (warta_workflow_check_checklist (ticked, notes, &error));
      g_assert_error (error, WARTA_WORKFLOW_ERROR, WARTA_WORKFLOW_ERROR_CHECKLIST_INCOMPLETE);
      g_clear_error (&error);

      notes[i] = "Nama kepala dinas tidak lengkap";
      g_assert_true (warta_workflow_check_checklist (ticked, notes, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    g_assert_cmpint (warta_check_from_id (warta_check_get_id (i)), ==, i);
}

static void
test_ids_round_trip (void)
{
  for (guint i = 0; i < WARTA_N_STATES; i++)
    g_assert_cmpint (warta_state_from_id (warta_state_get_id (i)), ==, i);
  for (guint i = 0; i < WARTA_N_ACTIONS; i++)
    g_assert_cmpint (warta_action_from_id (warta_action_get_id (i)), ==, i);
  g_assert_cmpint (warta_state_from_id ("nonsense"), ==, WARTA_N_STATES);

  /* The ids are stored in databases: they must not change. */
  g_assert_cmpstr (warta_state_get_id (WARTA_STATE_PARTIALLY_PUBLISHED), ==, "partially_published");
  g_assert_cmpstr (warta_role_get_id (WARTA_ROLE_SOCIAL_MEDIA_ADMIN), ==, "social-media-admin");
  g_assert_cmpint (WARTA_ROLE_APPROVER, ==, 8);
}

static void
test_role_display_names (void)
{
  g_autoptr(GHashTable) overrides = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;

  g_assert_cmpstr (warta_role_get_display_name (WARTA_ROLE_VERIFIER, NULL), ==, "Verifier");

  g_hash_table_insert (overrides, (char *)"verifier", (char *)"Sekretaris PPID");
  g_hash_table_insert (overrides, (char *)"approver", (char *)"");
  g_assert_cmpstr (warta_role_get_display_name (WARTA_ROLE_VERIFIER, overrides), ==, "Sekretaris PPID");
  /* An empty setting falls back to the built-in name. */
  g_assert_cmpstr (warta_role_get_display_name (WARTA_ROLE_APPROVER, overrides), ==, "Approver");
  g_assert_cmpint (warta_role_from_id ("approver"), ==, WARTA_ROLE_APPROVER);

  text = warta_roles_to_string (WARTA_ROLE_APPROVER | WARTA_ROLE_ACTIVITY_OFFICER);
  g_assert_cmpstr (text, ==, "activity-officer,approver");
}

static void
test_task_states (void)
{
  gboolean states[WARTA_N_STATES];

  warta_state_get_task_states (WARTA_ROLE_SOCIAL_MEDIA_ADMIN, states);
  g_assert_true (states[WARTA_STATE_PROCESSING]);
  g_assert_true (states[WARTA_STATE_APPROVED]);
  g_assert_true (states[WARTA_STATE_FAILED]);
  g_assert_false (states[WARTA_STATE_VERIFYING]);
  g_assert_false (states[WARTA_STATE_PUBLISHED]);

  warta_state_get_task_states (WARTA_ROLE_VERIFIER | WARTA_ROLE_APPROVER, states);
  g_assert_true (states[WARTA_STATE_VERIFYING]);
  g_assert_true (states[WARTA_STATE_APPROVING]);
  g_assert_false (states[WARTA_STATE_DOCUMENTING]);
}

static void
test_deadlines (void)
{
  WartaDeadlines deadlines;
  gint64 t0 = G_GINT64_CONSTANT (1750000000) * G_USEC_PER_SEC;

  warta_deadlines_init_default (&deadlines);
  g_assert_cmpint (warta_deadlines_get_due (&deadlines, 1, t0), ==, 0);
  g_assert_cmpint (warta_deadlines_get_due (&deadlines, 2, t0), ==, t0 + G_GINT64_CONSTANT (120) * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (warta_deadlines_get_due (&deadlines, 3, t0), ==, t0 + G_GINT64_CONSTANT (30) * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (warta_deadlines_get_due (&deadlines, 4, t0), ==, t0 + G_GINT64_CONSTANT (30) * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (warta_deadlines_get_due (&deadlines, 5, t0), ==, t0 + G_GINT64_CONSTANT (30) * 60 * G_USEC_PER_SEC);
  g_assert_cmpint (warta_deadlines_get_due (&deadlines, 0, t0), ==, 0);

  deadlines.minutes[3] = 0;
  g_assert_cmpint (warta_deadlines_get_due (&deadlines, 3, t0), ==, 0);

  g_assert_cmpuint (warta_state_get_step (WARTA_STATE_APPROVED), ==, 5);
  g_assert_cmpuint (warta_state_get_step (WARTA_STATE_PUBLISHED), ==, 0);
}

static void
test_clock (void)
{
  g_autoptr(WartaClock) clock = warta_clock_new (NULL);
  g_autoptr(GDateTime) local = NULL;
  gint64 before = g_get_real_time ();
  gint64 now = warta_clock_now (clock);

  g_assert_cmpint (now, >=, before);
  g_assert_cmpstr (warta_clock_get_time_zone_id (clock), ==, "Asia/Jakarta");

  /* 2025-06-18 00:00 UTC is 07:00 in Jakarta (WIB, UTC+7). */
  warta_clock_freeze (clock, G_GINT64_CONSTANT (1750204800) * G_USEC_PER_SEC);
  local = warta_clock_now_local (clock);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 7);
  g_assert_cmpint (g_date_time_get_utc_offset (local), ==, 7 * G_TIME_SPAN_HOUR);

  warta_clock_advance (clock, 90 * G_USEC_PER_SEC);
  g_assert_cmpint (warta_clock_now (clock), ==, G_GINT64_CONSTANT (1750204890) * G_USEC_PER_SEC);

  warta_clock_set_time_zone_id (clock, "Asia/Makassar");
  g_clear_pointer (&local, g_date_time_unref);
  local = warta_clock_now_local (clock);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 8);

  g_assert_finalize_object (g_steal_pointer (&clock));
}

static WartaRevision *
make_revision (void)
{
  WartaRevision *revision = warta_revision_new ();
  g_autoptr(WartaMediaItem) photo = warta_media_item_new ();

  warta_revision_set_title (revision, "Rapat koordinasi pengawasan");
  warta_revision_set_what (revision, "Rapat koordinasi");
  warta_revision_set_who (revision, "Inspektur Provinsi");
  warta_revision_set_when (revision, "2025-06-18T09:00:00+07:00");
  warta_revision_set_category (revision, "periodic");
  warta_revision_set_caption (revision, "facebook", "Rapat hari ini");
  warta_revision_set_caption (revision, "x", "Rapat");
  warta_media_item_set_path (photo, "/tmp/a.jpg");
  warta_media_item_set_sha256 (photo, "ab");
  warta_media_item_set_alt_text (photo, "Peserta rapat");
  warta_revision_add_media (revision, photo);

  return revision;
}

static void
test_revision_hash (void)
{
  g_autoptr(WartaRevision) a = make_revision ();
  g_autoptr(WartaRevision) b = make_revision ();
  g_autoptr(WartaRevision) draft = NULL;
  g_autoptr(WartaMediaItem) item = NULL;
  g_autofree char *hash_a = warta_revision_compute_hash (a);
  g_autofree char *hash_b = warta_revision_compute_hash (b);
  g_autofree char *hash_c = NULL;
  g_autofree char *hash_d = NULL;
  g_autofree char *hash_e = NULL;
  g_auto(GStrv) missing = NULL;

  g_assert_cmpuint (strlen (hash_a), ==, 64);
  g_assert_cmpstr (hash_a, ==, hash_b);

  /* Ids, authors and times are not content. */
  warta_revision_set_id (b, 42);
  warta_revision_set_author_id (b, 7);
  g_free (hash_b);
  hash_b = warta_revision_compute_hash (b);
  g_assert_cmpstr (hash_a, ==, hash_b);

  /* A field boundary cannot be moved without changing the hash. */
  warta_revision_set_what (b, "Rapat koordinasiInspektur Provinsi");
  warta_revision_set_who (b, "");
  hash_c = warta_revision_compute_hash (b);
  g_assert_cmpstr (hash_a, !=, hash_c);

  /* Media belong to the content. */
  draft = warta_revision_new_draft (a);
  item = g_list_model_get_item (warta_revision_get_media (draft), 0);
  warta_media_item_set_alt_text (item, "Peserta rapat koordinasi");
  hash_d = warta_revision_compute_hash (draft);
  g_assert_cmpstr (hash_a, !=, hash_d);

  warta_revision_seal (a);
  g_assert_true (warta_revision_is_sealed (a));
  g_assert_false (warta_revision_is_sealed (draft));
  hash_e = warta_revision_compute_hash (a);
  g_assert_cmpstr (hash_a, ==, hash_e);

  missing = warta_revision_list_missing_5w1h (a);
  g_assert_cmpuint (g_strv_length (missing), ==, 3);
  g_assert_cmpstr (missing[0], ==, "where");
  g_assert_cmpstr (missing[1], ==, "why");
  g_assert_cmpstr (missing[2], ==, "how");
}

/* A date and time as the lists and the publish view write it: no pad
 * before a day before the 10th ("for 9 Jun", not "for  9 Jun"). */
static void
test_format_time (void)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) june = g_date_time_new (wib, 2025, 6, 9, 9, 5, 0);
  g_autoptr(GDateTime) november = g_date_time_new (wib, 2026, 11, 27, 10, 9, 0);
  g_autofree char *short_day = NULL;
  g_autofree char *zoned = NULL;
  g_autofree char *long_day = NULL;
  g_autofree char *time_of_day = NULL;

  g_assert_nonnull (wib);
  short_day = warta_format_time (wib, g_date_time_to_unix (june) * G_USEC_PER_SEC, FALSE);
  zoned = warta_format_time (wib, g_date_time_to_unix (june) * G_USEC_PER_SEC, TRUE);
  long_day = warta_format_time (wib, g_date_time_to_unix (november) * G_USEC_PER_SEC, FALSE);
  g_assert_cmpstr (short_day, ==, "9 Jun 2025, 09:05");
  g_assert_cmpstr (zoned, ==, "9 Jun 2025, 09:05 WIB");
  g_assert_cmpstr (long_day, ==, "27 Nov 2026, 10:09");
  g_assert_null (warta_format_time (wib, 0, FALSE));

  /* The time alone, for "Saved at 10:09". */
  time_of_day = warta_format_time_of_day (wib, g_date_time_to_unix (november) * G_USEC_PER_SEC);
  g_assert_cmpstr (time_of_day, ==, "10:09");
  g_assert_null (warta_format_time_of_day (wib, 0));
}

/* Day and month names follow Warta's language, not the system's locale:
 * Indonesian on a system without id_ID (Debian's usual, and these tests'
 * C.UTF-8) reads "Jumat, 27 November", not "Friday, 27 November". */
static void
test_format_names (void)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) friday = g_date_time_new (wib, 2026, 11, 27, 10, 9, 0);
  g_autoptr(GDateTime) august = g_date_time_new (wib, 2025, 8, 17, 9, 5, 0);
  g_autoptr(GDateTime) may = g_date_time_new (wib, 2026, 5, 4, 14, 0, 0);
  const struct
  {
    const char *language;
    GDateTime **when;
    const char *format;
    const char *expected;
  } cases[] = {
    { "id", &friday, "%A, %-d %B %Y", "Jumat, 27 November 2026" },
    { "id", &august, "%A, %-d %B %Y", "Minggu, 17 Agustus 2025" },
    { "id", &may, "%a %-d %b, %B %Y", "Sen 4 Mei, Mei 2026" },
    { "id", &august, "%b %h %%A %%%B", "Agu Agu %A %Agustus" },
    { NULL, &friday, "%A, %-d %B %Y", "Friday, 27 November 2026" },
    { NULL, &august, "%a %-d %b, %B %Y", "Sun 17 Aug, August 2025" },
    { NULL, &may, "%b %h %%A %%%B", "May May %A %May" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;

      warta_test_set_language (cases[i].language);
      text = warta_date_time_format (*cases[i].when, cases[i].format);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  /* The app's own dates, as the lists and the publish view write them. */
  warta_test_set_language ("id");
  {
    g_autofree char *text = warta_format_time (wib, g_date_time_to_unix (august) * G_USEC_PER_SEC,
                                               TRUE);

    g_assert_cmpstr (text, ==, "17 Agu 2025, 09.05 WIB");
  }
  warta_test_set_language (NULL);
  {
    g_autofree char *text = warta_format_time (wib, g_date_time_to_unix (august) * G_USEC_PER_SEC,
                                               TRUE);

    g_assert_cmpstr (text, ==, "17 Aug 2025, 09:05 WIB");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The environment's locale (C.UTF-8 in the tests), as Warta takes it:
   * gettext heeds LANGUAGE only then. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/workflow/transition-matrix", test_transition_matrix);
  g_test_add_func ("/warta/workflow/edit-rules", test_edit_rules);
  g_test_add_func ("/warta/workflow/note-rules", test_note_rules);
  g_test_add_func ("/warta/workflow/checklist", test_checklist);
  g_test_add_func ("/warta/workflow/ids", test_ids_round_trip);
  g_test_add_func ("/warta/workflow/format-time", test_format_time);
  g_test_add_func ("/warta/workflow/format-names", test_format_names);
  g_test_add_func ("/warta/workflow/role-display-names", test_role_display_names);
  g_test_add_func ("/warta/workflow/task-states", test_task_states);
  g_test_add_func ("/warta/workflow/deadlines", test_deadlines);
  g_test_add_func ("/warta/workflow/clock", test_clock);
  g_test_add_func ("/warta/workflow/revision-hash", test_revision_hash);

  return g_test_run ();
}
