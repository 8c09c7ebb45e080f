/* warta-archive-sample-data.c: a generated archive, for benchmarks
 *
 * Publications that went through the five SOP steps, with varied
 * Indonesian texts, captions for one to three platforms, register units,
 * step records and a valid event chain; the published ones went to the
 * platforms of their captions (an account per platform, a done outbox
 * job per caption with its remote id, address and time). Written with
 * prepared statements in one transaction; the full-text index is built
 * once at the end.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "warta-archive-sample-data"

#include "config.h"

#include <string.h>

#include "warta-archive-repository-private.h"
#include "warta-database-private.h"
#include "warta-event.h"

static const char * const activities[] = {
  "Rapat Koordinasi", "Audit Kinerja", "Sosialisasi", "Monitoring dan Evaluasi", "Reviu Laporan",
  "Pembinaan", "Kunjungan Kerja", "Apel Pagi", "Bimbingan Teknis", "Penandatanganan Pakta Integritas",
  "Rapat Kerja", "Pemeriksaan Khusus", "Focus Group Discussion", "Upacara Hari Jadi", "Workshop",
};
static const char * const topics[] = {
  "Pengawasan Dana Desa", "Zona Integritas", "Pengendalian Gratifikasi", "Reformasi Birokrasi",
  "Manajemen Risiko", "Laporan Keuangan Daerah", "Pelayanan Publik", "SPIP", "Pengadaan Barang dan Jasa",
  "Akuntabilitas Kinerja", "Keterbukaan Informasi Publik", "Whistleblowing System", "Aset Daerah",
  "Tindak Lanjut Hasil Pemeriksaan", "Anggaran Pendapatan dan Belanja",
};
static const char * const places[] = {
  "Aula Inspektorat", "Palangka Raya", "Kabupaten Kotawaringin Barat", "Kabupaten Kapuas",
  "Kantor Gubernur", "Kabupaten Barito Selatan", "Kota Sampit", "Ruang Rapat Lantai 2",
  "Kabupaten Katingan", "Kabupaten Seruyan",
};
static const char * const people[] = {
  "Inspektur Provinsi", "Sekretaris Inspektorat", "Inspektur Pembantu Wilayah I",
  "Inspektur Pembantu Wilayah II", "Kepala Dinas Pendidikan", "Kepala Dinas Kesehatan",
  "Bupati Kapuas", "Wakil Gubernur", "Kepala Bappeda", "Auditor Ahli Madya",
};
static const char * const words[] = {
  "kegiatan", "dilaksanakan", "dalam", "rangka", "meningkatkan", "kualitas", "pengawasan",
  "internal", "pemerintah", "daerah", "provinsi", "kalimantan", "tengah", "seluruh", "peserta",
  "mengikuti", "dengan", "antusias", "narasumber", "menyampaikan", "pentingnya", "integritas",
  "transparansi", "akuntabilitas", "pelayanan", "masyarakat", "aparatur", "sipil", "negara",
  "diharapkan", "mampu", "menerapkan", "prinsip", "tata", "kelola", "baik", "bersih", "bebas",
  "korupsi", "kolusi", "nepotisme", "laporan", "hasil", "pemeriksaan", "ditindaklanjuti",
  "sesuai", "ketentuan", "peraturan", "perundang", "undangan", "berlaku", "inspektorat",
  "berkomitmen", "mendorong", "perangkat", "organisasi", "kabupaten", "kota", "desa", "dana",
  "anggaran", "belanja", "program", "evaluasi", "capaian", "kinerja", "tahun", "semester",
  "triwulan", "target", "realisasi", "koordinasi", "sinergi", "kolaborasi", "auditor",
  "pengendalian", "risiko", "strategis", "rekomendasi", "perbaikan", "berkelanjutan", "digital",
  "informasi", "publik", "terbuka", "partisipasi", "pemantauan", "lapangan", "verifikasi",
  "dokumen", "bukti", "temuan", "administrasi", "keuangan", "aset", "pengadaan", "barang", "jasa",
  "penyedia", "kontrak", "pembangunan", "infrastruktur", "jalan", "jembatan", "sekolah",
  "puskesmas", "kesehatan", "pendidikan", "sosial", "ekonomi", "pertanian", "perikanan",
  "kehutanan", "lingkungan", "hidup", "bencana", "banjir", "kebakaran", "lahan", "pencegahan",
  "penanganan", "cepat", "tepat", "sasaran", "efektif", "efisien", "hemat", "optimal", "pimpinan",
  "arahan", "pembukaan", "penutupan", "sambutan", "diskusi", "tanya", "jawab", "materi",
  "pemaparan", "simulasi", "praktik", "penilaian", "penghargaan", "predikat", "wilayah",
  "birokrasi", "melayani", "pagi", "siang", "sore", "senin", "selasa", "rabu", "kamis", "jumat",
};
static const char * const units[] = {
  "Sekretariat", "Inspektur Pembantu Wilayah I", "Inspektur Pembantu Wilayah II",
  "Inspektur Pembantu Wilayah III", "Inspektur Pembantu Wilayah IV",
};
/* Caption targets, each with the account platform its published
 * publications went to, and where the post then is. */
static const struct {
  const char *target;
  const char *platform;
  const char *account;
  const char *url;      /* the post's address, but for its remote id at the end */
} targets[] = {
  { "facebook", "facebook", "Inspektorat Kalteng",
    "https://www.facebook.com/inspektorat.kalteng/posts/" },
  { "instagram", "instagram", "@inspektorat.kalteng", "https://www.instagram.com/p/" },
  { "x", "x", "@InspektoratKT", "https://x.com/InspektoratKT/status/" },
  { "tiktok-video", "tiktok", "@inspektorat.kalteng",
    "https://www.tiktok.com/@inspektorat.kalteng/video/" },
  { "youtube-title", "youtube", "Inspektorat Provinsi Kalimantan Tengah",
    "https://www.youtube.com/watch?v=" },
  { "mastodon", "mastodon", "@inspektorat@mastodon.social",
    "https://mastodon.social/@inspektorat/" },
  { "website-title", "wordpress", "inspektorat.kalteng.go.id",
    "https://inspektorat.kalteng.go.id/?p=" },
};
static const char * const user_names[] = {
  "Rina Kartika", "Budi Santoso", "Dewi Lestari", "Agus Wibowo", "Siti Rahmawati", "Hendra Gunawan",
};

static gboolean
step (WartaDatabase  *database,
      sqlite3_stmt   *stmt,
      GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _warta_database_set_error (database, error, rc, "sample archive");
      return FALSE;
    }

  return TRUE;
}

#define PICK(rand, array) (array[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static char *
make_sentence (GRand *rand,
               guint  n_words)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, PICK (rand, words));
    }
  g_string_append_c (s, '.');

  return g_string_free (s, FALSE);
}

typedef struct
{
  sqlite3_stmt *user, *pub, *rev, *caption, *record, *event, *reg, *meta, *account, *job;
} Statements;

static void
statements_clear (Statements *s)
{
  g_clear_pointer (&s->user, sqlite3_finalize);
  g_clear_pointer (&s->pub, sqlite3_finalize);
  g_clear_pointer (&s->rev, sqlite3_finalize);
  g_clear_pointer (&s->caption, sqlite3_finalize);
  g_clear_pointer (&s->record, sqlite3_finalize);
  g_clear_pointer (&s->event, sqlite3_finalize);
  g_clear_pointer (&s->reg, sqlite3_finalize);
  g_clear_pointer (&s->meta, sqlite3_finalize);
  g_clear_pointer (&s->account, sqlite3_finalize);
  g_clear_pointer (&s->job, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Statements, statements_clear)

static gboolean
append_event (WartaDatabase  *database,
              Statements     *s,
              gint64         *event_id,
              char          **prev,
              gint64          publication_id,
              gint64          at,
              gint64          actor,
              const char     *role,
              const char     *kind,
              const char     *from,
              const char     *to,
              GError        **error)
{
  char *hash = warta_event_hash_fields (*event_id, publication_id, at, actor, role, kind, from, to,
                                        publication_id, NULL, *prev);

  sqlite3_bind_int64 (s->event, 1, *event_id);
  sqlite3_bind_int64 (s->event, 2, publication_id);
  sqlite3_bind_int64 (s->event, 3, at);
  sqlite3_bind_int64 (s->event, 4, actor);
  sqlite3_bind_text (s->event, 5, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (s->event, 6, kind, -1, SQLITE_STATIC);
  _warta_bind_text (s->event, 7, from);
  sqlite3_bind_text (s->event, 8, to, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (s->event, 9, publication_id);
  sqlite3_bind_text (s->event, 10, *prev, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (s->event, 11, hash, -1, SQLITE_TRANSIENT);
  if (!step (database, s->event, error))
    {
      g_free (hash);
      return FALSE;
    }

  g_free (*prev);
  *prev = hash;
  (*event_id)++;
  return TRUE;
}

static gboolean
generate (WartaDatabase  *database,
          guint           n,
          gint64          now,
          guint32         seed,
          GError        **error)
{
  sqlite3 *db = _warta_database_get_handle (database);
  g_auto(Statements) s = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *prev = g_strdup (WARTA_EVENT_GENESIS_HASH);
  g_autofree char *head = NULL;
  WartaDeadlines deadlines;
  gint64 event_id = 1;
  static const char * const step_states[] = { NULL, "documenting", "processing", "verifying",
                                              "approving", "approved" };
  static const char * const exit_states[] = { NULL, "processing", "verifying", "approving",
                                              "approved", "published" };
  static const char * const roles[] = { NULL, "activity-officer", "social-media-admin", "verifier",
                                        "approver", "social-media-admin" };

  warta_deadlines_init_default (&deadlines);

  if (sqlite3_prepare_v2 (db, "INSERT INTO users (id, login, display_name, password_hash, roles, "
                              "is_admin, created_at) VALUES (?, ?, ?, '!', 15, ?, ?)", -1, &s.user, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO publications (id, state, version, title, category, "
                              "current_revision_id, approved_revision_id, step, step_entered_at, "
                              "deadline_at, correction_rounds, created_by, created_at, updated_by, "
                              "updated_at, last_event_id) "
                              "VALUES (?1, ?2, 1, ?3, ?4, ?1, ?1, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?6, ?11)",
                          -1, &s.pub, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO revisions (id, publication_id, number, hash, author_id, "
                              "created_at, title, what, who, when_text, where_text, why, how, "
                              "narrative, category) "
                              "VALUES (?1, ?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                          -1, &s.rev, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO revision_captions (revision_id, target, caption) "
                              "VALUES (?, ?, ?)", -1, &s.caption, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO step_records (publication_id, step, state, entered_at, "
                              "deadline_at, exited_at, exit_state, entered_by, exited_by) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &s.record, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO events (id, publication_id, at, actor_id, role, kind, "
                              "from_state, to_state, revision_id, note, prev_hash, hash) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)", -1, &s.event, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO archive_register (publication_id, unit) VALUES (?, ?)",
                          -1, &s.reg, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT OR REPLACE INTO warta_meta (key, value) "
                              "VALUES ('history-head', ?)", -1, &s.meta, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO accounts (id, platform, display_name, base_url, "
                              "keyring_id, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                          -1, &s.account, NULL) ||
      sqlite3_prepare_v2 (db, "INSERT INTO outbox_jobs (publication_id, revision_id, "
                              "revision_hash, account_id, state, attempts, created_by, created_at, "
                              "finished_at, remote_id, remote_url) "
                              "VALUES (?1, ?1, ?2, ?3, 'done', 1, ?4, ?5, ?6, ?7, ?8)",
                          -1, &s.job, NULL))
    {
      _warta_database_set_error (database, error, sqlite3_errcode (db), "sample archive");
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (user_names); i++)
    {
      g_autofree char *login = g_strdup_printf ("user%u", i + 1);

      sqlite3_bind_int64 (s.user, 1, i + 1);
      sqlite3_bind_text (s.user, 2, login, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (s.user, 3, user_names[i], -1, SQLITE_STATIC);
      sqlite3_bind_int (s.user, 4, i == 0);
      sqlite3_bind_int64 (s.user, 5, now);
      if (!step (database, s.user, error))
        return FALSE;
    }

  /* One account per platform, there from the start. */
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const char *path = strchr (targets[i].url + strlen ("https://"), '/');
      g_autofree char *base_url = g_strndup (targets[i].url, path - targets[i].url);
      g_autofree char *keyring_id = g_strdup_printf ("sample-%s", targets[i].platform);

      sqlite3_bind_int64 (s.account, 1, i + 1);
      sqlite3_bind_text (s.account, 2, targets[i].platform, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.account, 3, targets[i].account, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.account, 4, base_url, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.account, 5, keyring_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (s.account, 6, now - (gint64)(n + 1) * 15 * 60 * G_USEC_PER_SEC);
      if (!step (database, s.account, error))
        return FALSE;
    }

  for (guint p = 1; p <= n; p++)
    {
      /* One publication every 15 minutes of working time: 100,000 span
       * almost three years. */
      gint64 created = now - (gint64)(n - p + 1) * 15 * 60 * G_USEC_PER_SEC;
      const char *activity = PICK (rand, activities);
      const char *topic = PICK (rand, topics);
      const char *place = PICK (rand, places);
      const char *who = PICK (rand, people);
      g_autofree char *title = g_strdup_printf ("%s %s di %s", activity, topic, place);
      g_autofree char *what = g_strdup_printf ("%s %s", activity, topic);
      g_autofree char *why = make_sentence (rand, 8);
      g_autofree char *how = make_sentence (rand, 6);
      g_autofree char *narrative = NULL;
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, title, -1);
      guint r = (guint)g_rand_int_range (rand, 0, 100);
      const char *category = r < 80 ? "periodic" : r < 95 ? "on-request" : "immediate";
      /* One in twenty is still on its way, in a random step. */
      guint last_step = g_rand_int_range (rand, 0, 20) == 0 ? (guint)g_rand_int_range (rand, 1, 6) : 6;
      guint rounds = g_rand_int_range (rand, 0, 10) < 7 ? 0 : (guint)g_rand_int_range (rand, 1, 4);
      gint64 author = g_rand_int_range (rand, 1, G_N_ELEMENTS (user_names) + 1);
      gint64 t = created;
      const char *state = last_step == 6 ? "published" : step_states[last_step];
      gint64 deadline = 0;
      guint n_targets = (guint)g_rand_int_range (rand, 1, 4);
      guint first_target = (guint)g_rand_int_range (rand, 0, G_N_ELEMENTS (targets));
      gint64 entered[WARTA_N_STEPS + 1], exited[WARTA_N_STEPS + 1];
      gint64 limits[WARTA_N_STEPS + 1], actors[WARTA_N_STEPS + 1];

      {
        g_autofree char *a = make_sentence (rand, 20);
        g_autofree char *b = make_sentence (rand, 20);

        narrative = g_strdup_printf ("%s %s bersama %s di %s. %s %s", activity, topic, who, place, a, b);
      }

      /* The times of the steps first: they fix the publication's state. */
      for (guint st = 1; st <= MIN (last_step, WARTA_N_STEPS); st++)
        {
          /* Mostly inside the limit, sometimes well over it. */
          gint64 minutes = g_rand_int_range (rand, 0, 10) < 8 ? g_rand_int_range (rand, 2, 30)
                                                              : g_rand_int_range (rand, 20, 240);

          entered[st] = t;
          limits[st] = warta_deadlines_get_due (&deadlines, st, t);
          actors[st] = g_rand_int_range (rand, 1, G_N_ELEMENTS (user_names) + 1);
          if (st < last_step)
            t += minutes * 60 * G_USEC_PER_SEC;
          else
            deadline = limits[st];
          exited[st] = t;
        }

      sqlite3_bind_int64 (s.pub, 1, p);
      sqlite3_bind_text (s.pub, 2, state, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.pub, 3, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.pub, 4, category, -1, SQLITE_STATIC);
      sqlite3_bind_int (s.pub, 5, last_step == 6 ? 0 : (int)last_step);
      sqlite3_bind_int64 (s.pub, 6, t);
      sqlite3_bind_int64 (s.pub, 7, deadline);
      sqlite3_bind_int (s.pub, 8, (int)rounds);
      sqlite3_bind_int64 (s.pub, 9, author);
      sqlite3_bind_int64 (s.pub, 10, created);
      sqlite3_bind_int64 (s.pub, 11, event_id + (last_step == 6 ? 1 : 0));
      if (!step (database, s.pub, error))
        return FALSE;

      for (guint st = 1; st <= MIN (last_step, WARTA_N_STEPS); st++)
        {
          sqlite3_bind_int64 (s.record, 1, p);
          sqlite3_bind_int (s.record, 2, (int)st);
          sqlite3_bind_text (s.record, 3, step_states[st], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (s.record, 4, entered[st]);
          sqlite3_bind_int64 (s.record, 5, limits[st]);
          if (st < last_step)
            {
              sqlite3_bind_int64 (s.record, 6, exited[st]);
              sqlite3_bind_text (s.record, 7, exit_states[st], -1, SQLITE_STATIC);
              sqlite3_bind_int64 (s.record, 9, actors[st]);
            }
          sqlite3_bind_int64 (s.record, 8, author);
          if (!step (database, s.record, error))
            return FALSE;
          sqlite3_clear_bindings (s.record);
        }

      sqlite3_bind_int64 (s.rev, 1, p);
      sqlite3_bind_text (s.rev, 2, hash, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (s.rev, 3, author);
      sqlite3_bind_int64 (s.rev, 4, created);
      sqlite3_bind_text (s.rev, 5, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.rev, 6, what, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.rev, 7, who, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.rev, 8, "Senin pagi", -1, SQLITE_STATIC);
      sqlite3_bind_text (s.rev, 9, place, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.rev, 10, why, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.rev, 11, how, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.rev, 12, narrative, -1, SQLITE_STATIC);
      sqlite3_bind_text (s.rev, 13, category, -1, SQLITE_STATIC);
      if (!step (database, s.rev, error))
        return FALSE;

      for (guint k = 0; k < n_targets; k++)
        {
          guint target = (first_target + k) % G_N_ELEMENTS (targets);
          g_autofree char *caption = g_strdup_printf ("%s %s. #InspektoratKalteng", title, why);

          sqlite3_bind_int64 (s.caption, 1, p);
          sqlite3_bind_text (s.caption, 2, targets[target].target, -1, SQLITE_STATIC);
          sqlite3_bind_text (s.caption, 3, caption, -1, SQLITE_TRANSIENT);
          if (!step (database, s.caption, error))
            return FALSE;

          /* Published: each captioned platform's post went out during
           * step 5, the last one when the step ended. */
          if (last_step == 6)
            {
              g_autofree char *remote_id = g_strdup_printf ("%u%02u%06u", p, target,
                                                            g_rand_int_range (rand, 0, 1000000));
              g_autofree char *url = g_strconcat (targets[target].url, remote_id, NULL);
              gint64 finished = entered[5] + (exited[5] - entered[5]) * (k + 1) / n_targets;

              sqlite3_bind_int64 (s.job, 1, p);
              sqlite3_bind_text (s.job, 2, hash, -1, SQLITE_STATIC);
              sqlite3_bind_int64 (s.job, 3, target + 1);
              sqlite3_bind_int64 (s.job, 4, actors[5]);
              sqlite3_bind_int64 (s.job, 5, entered[5]);
              sqlite3_bind_int64 (s.job, 6, finished);
              sqlite3_bind_text (s.job, 7, remote_id, -1, SQLITE_STATIC);
              sqlite3_bind_text (s.job, 8, url, -1, SQLITE_STATIC);
              if (!step (database, s.job, error))
                return FALSE;
            }
        }

      sqlite3_bind_int64 (s.reg, 1, p);
      sqlite3_bind_text (s.reg, 2, PICK (rand, units), -1, SQLITE_STATIC);
      if (!step (database, s.reg, error))
        return FALSE;

      if (!append_event (database, &s, &event_id, &prev, p, created, author, roles[1], "create",
                         NULL, "documenting", error))
        return FALSE;
      if (last_step == 6 &&
          !append_event (database, &s, &event_id, &prev, p, t, author, roles[5], "finish",
                         "publishing", "published", error))
        return FALSE;
    }

  head = g_strdup_printf ("%" G_GINT64_FORMAT " %s", event_id - 1, prev);
  sqlite3_bind_text (s.meta, 1, head, -1, SQLITE_STATIC);
  if (!step (database, s.meta, error))
    return FALSE;

  return _warta_archive_rebuild_index (database, error);
}

/**
 * _warta_archive_rebuild_index:
 *
 * Rebuilds the whole full-text index from the publications, for data
 * written around the triggers (bulk generation). Runs in the caller's
 * transaction when there is one.
 */
gboolean
_warta_archive_rebuild_index (WartaDatabase  *database,
                              GError        **error)
{
  return _warta_database_exec (database,
                               "DELETE FROM archive_fts; "
                               "INSERT INTO archive_fts (rowid, title, body, captions, notes, names) "
                               "SELECT id, title, body, captions, notes, names FROM archive_documents; "
                               "INSERT INTO archive_fts (archive_fts) VALUES ('optimize');",
                               error);
}

/**
 * _warta_archive_sample_generate:
 * @database: an empty, migrated database
 * @n_publications: how many publications
 * @now_us: the time of the newest data
 * @seed: the random seed, so runs can be compared
 * @error: where to put an error
 *
 * Fills @database in one transaction. For benchmarks and tests only.
 */
gboolean
_warta_archive_sample_generate (WartaDatabase  *database,
                                guint           n_publications,
                                gint64          now_us,
                                guint32         seed,
                                GError        **error)
{
  if (!_warta_database_begin_write (database, error))
    return FALSE;

  if (!generate (database, n_publications, now_us, seed, error))
    {
      _warta_database_rollback (database);
      return FALSE;
    }

  return _warta_database_commit (database, error);
}
