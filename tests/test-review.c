/* test-review.c: one publication through the whole SOP with four people
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a real database file with four people, one role each, made through
 * the repository. Whoever is at the desk signs in through the real
 * sign-in page (WartaSignInPage), then works in the real publication
 * window: the officer documents, the admin processes and submits, the
 * verifier ticks the checklist but one (with a note), pins a note to
 * "Siapa" and returns; the admin corrects "Siapa" and marks the note done;
 * the verifier sees the change and the note done, confirms, forwards; the
 * approver approves. The history is then read from the database.
 *
 * The second part runs two Wartas: this process and the test binary again
 * as a helper (--helper), a separate process on the same file and display.
 * One approves while the other edits: the edit's conflict is shown to its
 * user with who and when, nothing is overwritten; and an approval of a
 * revision that changed meanwhile is refused with a message that says so.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "warta-test-gui.h"
#include "warta-context.h"
#include "warta-diff.h"
#include "warta-event-log.h"
#include "warta-publication-window-private.h"
#include "warta-review-page.h"
#include "warta-sign-in-page.h"

#define PASSWORD "rahasia-123"
#define WHO_BEFORE "Inspektur"
#define WHO_AFTER "Dr. H. Saring, S.E., M.Si., Inspektur Provinsi Kalimantan Tengah"

static char *self_exe;

typedef struct
{
  char          *dir;
  char          *path;
  WartaDatabase *database;
  GSettings     *settings;
  WartaContext  *context;
  WartaUser     *officer;
  WartaUser     *admin;
  WartaUser     *verifier;
  WartaUser     *approver;
  GtkWidget     *sign_in_window;
  WartaSignInPage *sign_in;
} Fixture;

/* -- helpers ------------------------------------------------------------- */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The first button under @root bound to @action (and @target, if set). */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action,
                    gint64      target)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (target == 0 || (value != NULL && g_variant_get_int64 (value) == target))
        return root;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_action_button (c, action, target);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gpointer
window_child (WartaPublicationWindow *window,
              const char             *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (window),
                                                   WARTA_TYPE_PUBLICATION_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static WartaReviewPage *
review_page (WartaPublicationWindow *window)
{
  return window_child (window, "review_page");
}

static gpointer
review_child (WartaPublicationWindow *window,
              const char             *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (review_page (window)),
                                                   WARTA_TYPE_REVIEW_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static void
set_text (WartaPublicationWindow *window,
          const char             *name,
          const char             *text)
{
  gtk_editable_set_text (GTK_EDITABLE (window_child (window, name)), text);
}

static const char *
visible_page (WartaPublicationWindow *window)
{
  return adw_view_stack_get_visible_child_name (window_child (window, "view_stack"));
}

static void
wait_idle (WartaPublicationWindow *window)
{
  WARTA_TEST_GUI_WAIT_FOR (!warta_publication_window_get_busy (window));
  iterate ();
  g_assert_false (warta_publication_window_get_busy (window));
}

/* Submit, pressed: it asks each file on the pool first, then goes on
 * (or says why not). */
static void
submit_now (WartaPublicationWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pub.submit", NULL));
  wait_idle (window);
}

static WartaPublicationWindow *
open_window (WartaContext *context,
             gint64        id)
{
  WartaPublicationWindow *window = warta_publication_window_new (NULL, context, id);

  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  iterate ();

  return window;
}

#define find_dialog warta_test_gui_find_message_dialog

/* Answers the dialog, returning its body. */
static char *
answer_dialog (const char *heading,
               const char *response)
{
  AdwMessageDialog *dialog = find_dialog (heading);
  char *body;

  g_assert_nonnull (dialog);
  body = g_strdup (adw_message_dialog_get_body (dialog));
  /* A response given by code does not close the dialog as a click does. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  return body;
}

static void
shot (const char *name)
{
  const char *dir = g_getenv ("WARTA_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GSubprocess) p = NULL;

  if (dir == NULL)
    return;
  iterate ();
  g_usleep (200 * 1000);
  iterate ();
  path = g_strdup_printf ("%s/review-%s.png", dir, name);
  p = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, NULL, "import", "-window", "root", path, NULL);
  if (p != NULL)
    g_subprocess_wait (p, NULL, NULL);
}

static void
close_window (WartaPublicationWindow *window)
{
  GtkWindow *weak = GTK_WINDOW (window);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&weak);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  /* Unsaved changes that cannot be saved (a conflict): the window asks. */
  if (weak != NULL && find_dialog ("Changes Not Saved") != NULL)
    g_free (answer_dialog ("Changes Not Saved", "close"));
  WARTA_TEST_GUI_WAIT_FOR (weak == NULL);
}

/* Signing in through the real sign-in page, as at the desk. */
static void
sign_in (Fixture    *f,
         const char *login)
{
  GObject *login_row = gtk_widget_get_template_child (GTK_WIDGET (f->sign_in), WARTA_TYPE_SIGN_IN_PAGE,
                                                      "login_row");
  GObject *password_row = gtk_widget_get_template_child (GTK_WIDGET (f->sign_in), WARTA_TYPE_SIGN_IN_PAGE,
                                                         "password_row");
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (f->sign_in), WARTA_TYPE_SIGN_IN_PAGE,
                                                   "sign_in_button");

  gtk_editable_set_text (GTK_EDITABLE (login_row), login);
  gtk_editable_set_text (GTK_EDITABLE (password_row), PASSWORD);
  g_signal_emit_by_name (button, "clicked");
  /* The password is checked in a worker thread. */
  while (warta_sign_in_page_get_busy (f->sign_in))
    g_main_context_iteration (NULL, TRUE);
  iterate ();

  g_assert_nonnull (warta_context_get_current_user (f->context));
  g_assert_cmpstr (warta_user_get_login (warta_context_get_current_user (f->context)), ==, login);
}

static GSList *
make_photos (const char *dir,
             guint       n)
{
  GSList *files = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 640, 480);
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("rapat-%02u.jpg", i + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      gdk_pixbuf_fill (pixbuf, 0x30507000u | (i * 40) << 24 | (i * 9) << 8);
      gdk_pixbuf_save (pixbuf, path, "jpeg", &error, "quality", "80", NULL);
      g_assert_no_error (error);
      files = g_slist_append (files, g_file_new_for_path (path));
    }

  return files;
}

static WartaPublication *
get_publication (Fixture *f,
                 gint64   id)
{
  g_autoptr(GError) error = NULL;
  WartaPublication *publication;

  publication = warta_publication_repository_get (warta_context_get_publications (f->context), id, &error);
  g_assert_no_error (error);
  return publication;
}

static WartaRevision *
get_current_revision (Fixture *f,
                      gint64   id)
{
  g_autoptr(WartaPublication) publication = get_publication (f, id);
  g_autoptr(GError) error = NULL;
  WartaRevision *revision;

  revision = warta_publication_repository_get_revision (warta_context_get_publications (f->context),
                                                        warta_publication_get_current_revision_id (publication),
                                                        &error);
  g_assert_no_error (error);
  return revision;
}

/* -- the fixture ---------------------------------------------------------- */

static WartaUser *
add_user (Fixture    *f,
          const char *login,
          const char *name,
          WartaRole   role)
{
  g_autoptr(GError) error = NULL;
  WartaUser *user;

  user = warta_user_repository_create_user (warta_context_get_users (f->context), f->admin,
                                            login, name, PASSWORD, role, FALSE, &error);
  g_assert_no_error (error);
  return user;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("warta-review-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "warta.db", NULL);
  f->database = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC,
                                     WARTA_DATABASE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (APPLICATION_ID);
  f->context = warta_context_new (f->database, f->settings);

  /* Four people, one role each; the admin is the office's administrator. */
  f->admin = warta_user_repository_create_first_admin (warta_context_get_users (f->context),
                                                       "rina", "Rina Admin", PASSWORD,
                                                       WARTA_ROLE_SOCIAL_MEDIA_ADMIN, &error);
  g_assert_no_error (error);
  f->officer = add_user (f, "budi", "Budi Pelaksana", WARTA_ROLE_ACTIVITY_OFFICER);
  f->verifier = add_user (f, "sekar", "Sekar Verifikator", WARTA_ROLE_VERIFIER);
  f->approver = add_user (f, "hadi", "Hadi Atasan", WARTA_ROLE_APPROVER);

  f->sign_in = WARTA_SIGN_IN_PAGE (warta_sign_in_page_new ());
  warta_sign_in_page_set_context (f->sign_in, f->context);
  f->sign_in_window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->sign_in_window), GTK_WIDGET (f->sign_in));
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (f->sign_in_window));
  f->sign_in_window = NULL;
  iterate ();
  g_clear_object (&f->officer);
  g_clear_object (&f->admin);
  g_clear_object (&f->verifier);
  g_clear_object (&f->approver);
  g_clear_object (&f->context);
  g_clear_object (&f->settings);
  g_clear_object (&f->database);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

/* -- the whole SOP ------------------------------------------------------------ */

static void
document (Fixture *f,
          gint64  *out_id)
{
  WartaPublicationWindow *window;
  g_autoptr(GDateTime) day = g_date_time_new_local (2026, 3, 5, 0, 0, 0);
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  GSList *files;

  sign_in (f, "budi");
  window = open_window (f->context, 0);
  set_text (window, "title_row", "Rapat Koordinasi Pengawasan");
  set_text (window, "what_row", "Rapat koordinasi pengawasan triwulan I");
  set_text (window, "who_row", WHO_BEFORE);
  set_text (window, "where_row", "Aula Inspektorat, Palangka Raya");
  set_text (window, "why_row", "Menyelaraskan rencana pengawasan 2026");
  set_text (window, "how_row", "Dibuka oleh Inspektur, dilanjutkan diskusi");
  gtk_calendar_select_day (window_child (window, "when_calendar"), day);
  gtk_spin_button_set_value (window_child (window, "hour_spin"), 9);
  gtk_spin_button_set_value (window_child (window, "minute_spin"), 0);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (window_child (window, "narrative_view")),
                            "Inspektorat Provinsi menggelar rapat koordinasi pengawasan.", -1);
  g_assert_true (_warta_publication_window_save_now (window, &error));
  g_assert_no_error (error);

  files = make_photos (f->dir, 3);
  _warta_publication_window_add_files (window, files);
  g_slist_free_full (files, g_object_unref);
  wait_idle (window);

  submit_now (window);
  *out_id = warta_publication_window_get_publication_id (window);
  publication = get_publication (f, *out_id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_PROCESSING);
  close_window (window);
}

static void
process (Fixture *f,
         gint64   id)
{
  WartaPublicationWindow *window;
  g_autoptr(WartaPublication) publication = NULL;
  GtkSingleSelection *selection;

  sign_in (f, "rina");
  window = open_window (f->context, id);
  wait_idle (window);
  g_assert_cmpstr (visible_page (window), ==, "concept");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (window_child (window, "shared_view")),
                            "Inspektorat menggelar rapat koordinasi pengawasan triwulan I.", -1);
  set_text (window, "hashtags_row", "#InspektoratKalteng");

  /* Alt text for each photo, through the grid's selection. */
  selection = GTK_SINGLE_SELECTION (gtk_grid_view_get_model (window_child (window, "media_grid")));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autofree char *alt = g_strdup_printf ("Peserta rapat koordinasi, foto %u", i + 1);

      gtk_single_selection_set_selected (selection, i);
      set_text (window, "alt_text_row", alt);
    }

  submit_now (window);
  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_VERIFYING);
  close_window (window);
}

static void
tick_all_but (WartaPublicationWindow *window,
              WartaCheck              except,
              const char             *note)
{
  GtkWidget *list = review_child (window, "checklist_list");

  for (guint i = 0; i < WARTA_N_CHECKS; i++)
    {
      const char *id = warta_check_get_id ((WartaCheck)i);
      GtkWidget *check = warta_test_gui_find_named (list, GTK_TYPE_CHECK_BUTTON, id);
      GtkWidget *entry = warta_test_gui_find_named (list, ADW_TYPE_ENTRY_ROW, id);

      g_assert_nonnull (check);
      g_assert_nonnull (entry);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i != except);
      /* An unticked item's note row can be written in; a ticked one's is
       * greyed out, where it was. */
      g_assert_true (gtk_widget_get_visible (entry));
      g_assert_true (gtk_widget_get_sensitive (entry) == (i == except));
      if (i == except && note != NULL)
        gtk_editable_set_text (GTK_EDITABLE (entry), note);
    }
}

static void
type_note (WartaPublicationWindow *window,
           const char             *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (review_child (window, "note_view")), text, -1);
}

static gint64
verify_and_return (Fixture *f,
                   gint64   id)
{
  WartaPublicationWindow *window;
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaRevision) revision = get_current_revision (f, id);
  g_autofree char *body = NULL;
  GtkWidget *who_row;

  sign_in (f, "sekar");
  window = open_window (f->context, id);
  g_assert_cmpstr (visible_page (window), ==, "review");
  g_assert_true (gtk_widget_get_visible (review_child (window, "forward_button")));
  g_assert_false (gtk_widget_get_visible (review_child (window, "approve_button")));
  g_assert_true (gtk_widget_get_visible (review_child (window, "deadline_label")));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (review_child (window, "deadline_label")), "min left"));
  shot ("verifier-first");
  /* The checklist and the decision buttons are named once. */
  warta_test_gui_assert_named_once (GTK_WIDGET (window));
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (window));

  /* Forwarding with an unticked item and no note: refused, said. */
  tick_all_but (window, WARTA_CHECK_NEUTRAL_LANGUAGE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review_page (window)), "review.forward", NULL));
  body = answer_dialog ("Not Forwarded", "close");
  g_assert_nonnull (strstr (body, warta_check_get_display_name (WARTA_CHECK_NEUTRAL_LANGUAGE)));
  g_clear_pointer (&body, g_free);

  /* Returning without any note: refused, said. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review_page (window)), "review.return", NULL));
  body = answer_dialog ("Not Returned", "close");
  g_assert_cmpstr (body, ==, "Write correction instructions before returning the publication.");
  g_clear_pointer (&body, g_free);

  /* The unticked item gets its note; a note is pinned to "Siapa" by a
   * click on the field. */
  tick_all_but (window, WARTA_CHECK_NEUTRAL_LANGUAGE, "Kalimantan kedua terlalu memuji.");
  who_row = warta_test_gui_find_named (review_child (window, "fields_list"), ADW_TYPE_ACTION_ROW, "who");
  g_assert_nonnull (who_row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (who_row)));
  g_signal_emit_by_name (who_row, "activated");
  g_assert_cmpstr (gtk_label_get_label (review_child (window, "pin_label")), ==, "On Who (Siapa)");
  type_note (window, "Tulis nama dan gelar lengkap Inspektur.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review_page (window)), "review.add-note", NULL));
  g_assert_null (find_dialog (NULL));
  g_assert_cmpstr (gtk_label_get_label (review_child (window, "pin_label")), ==, "General note");
  shot ("verifier-note");

  g_signal_emit_by_name (review_child (window, "return_button"), "clicked");
  g_assert_null (find_dialog (NULL));
  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_PROCESSING);
  /* After the return the page is read-only for the verifier. */
  g_assert_false (gtk_widget_get_visible (review_child (window, "decision_box")));
  close_window (window);

  return warta_revision_get_id (revision);
}

static gint64
correct_and_resubmit (Fixture *f,
                      gint64   id)
{
  WartaPublicationWindow *window;
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(WartaCorrectionNote) note = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *button;

  sign_in (f, "rina");
  window = open_window (f->context, id);
  wait_idle (window);
  g_assert_cmpstr (visible_page (window), ==, "concept");

  /* The correction, in the documentation page's "Siapa". */
  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "documentation");
  set_text (window, "who_row", WHO_AFTER);
  g_assert_true (_warta_publication_window_save_now (window, &error));
  g_assert_no_error (error);

  /* On the review page the admin sees the note; it can be marked done
   * only once the corrected content is a revision. */
  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "review");
  iterate ();
  notes = warta_publication_repository_list_notes (warta_context_get_publications (f->context), id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  note = g_list_model_get_item (notes, 0);
  g_assert_cmpstr (warta_correction_note_get_field (note), ==, "who");
  g_assert_false (gtk_widget_get_visible (review_child (window, "decision_box")));
  button = warta_test_gui_find_named (review_child (window, "notes_list"), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Mark as Done");
  g_assert_false (gtk_widget_get_sensitive (button));

  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "concept");
  submit_now (window);
  /* Asked about the open note; left open here, marked done below. */
  g_free (answer_dialog ("Mark the Corrections as Done?", "open"));
  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_VERIFYING);
  revision = get_current_revision (f, id);
  g_assert_cmpstr (warta_revision_get_who (revision), ==, WHO_AFTER);

  /* Submitted: now the admin marks it done, in the new revision. */
  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "review");
  iterate ();
  button = find_action_button (review_child (window, "notes_list"), "review.resolve-note",
                               warta_correction_note_get_id (note));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  warta_test_gui_assert_named_once (GTK_WIDGET (window));
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (window));
  shot ("admin-resolve");
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (find_dialog (NULL));
  g_assert_null (find_action_button (review_child (window, "notes_list"), "review.resolve-note",
                                     warta_correction_note_get_id (note)));
  close_window (window);

  return warta_correction_note_get_id (note);
}

/* The view of a changed field, in "What Changed", whose diff holds @needle. */
static GtkWidget *
find_diff_view (WartaPublicationWindow *window,
                const char             *needle)
{
  for (GtkWidget *box = gtk_widget_get_first_child (review_child (window, "changes_box")); box;
       box = gtk_widget_get_next_sibling (box))
    {
      GtkWidget *label = warta_test_gui_find_named (box, GTK_TYPE_LABEL, "diff");

      if (label != NULL && strstr (g_object_get_data (G_OBJECT (label), "warta-diff"), needle) != NULL)
        return label;
    }
  return NULL;
}

static void
verify_again_and_forward (Fixture *f,
                          gint64   id,
                          gint64   returned_revision_id,
                          gint64   note_id)
{
  WartaPublicationWindow *window;
  g_autoptr(WartaPublication) publication = NULL;
  GtkWidget *view = NULL;
  GtkWidget *button;

  sign_in (f, "sekar");
  window = open_window (f->context, id);
  g_assert_cmpstr (visible_page (window), ==, "review");

  /* What changed since the revision this verifier returned. */
  g_assert_cmpint (warta_review_page_get_base_revision_id (review_page (window)), ==, returned_revision_id);
  view = find_diff_view (window, "Saring");
  g_assert_nonnull (view);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (view), "warta-diff"), ==,
                   "{+Dr. H. Saring, S.E., M.Si., +}Inspektur{+ Provinsi Kalimantan Tengah+}");
  /* The inserted words are underlined, in the label's own markup. */
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (view)), "<span underline=\"single\""));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (view)), ==, WHO_AFTER);
  shot ("verifier-diff");

  /* The note is done; the verifier confirms it. */
  g_assert_null (find_action_button (review_child (window, "notes_list"), "review.resolve-note", note_id));
  button = find_action_button (review_child (window, "notes_list"), "review.confirm-note", note_id);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_null (find_dialog (NULL));
  g_assert_null (find_action_button (review_child (window, "notes_list"), "review.confirm-note", note_id));

  /* The checklist is per revision: this one all ticked. */
  tick_all_but (window, WARTA_N_CHECKS, NULL);
  g_signal_emit_by_name (review_child (window, "forward_button"), "clicked");
  g_assert_null (find_dialog (NULL));
  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_APPROVING);
  close_window (window);
}

static void
approve (Fixture *f,
         gint64   id)
{
  WartaPublicationWindow *window;
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaRevision) revision = get_current_revision (f, id);
  g_autofree char *hash = g_strndup (warta_revision_get_hash (revision), 12);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *summary;

  sign_in (f, "hadi");
  window = open_window (f->context, id);
  g_assert_cmpstr (visible_page (window), ==, "review");
  g_assert_true (gtk_widget_get_visible (review_child (window, "approve_button")));
  g_assert_true (gtk_widget_get_visible (review_child (window, "return_verifier_button")));
  g_assert_false (gtk_widget_get_visible (review_child (window, "forward_button")));
  g_assert_cmpstr (gtk_button_get_label (review_child (window, "return_button")), ==,
                   "Return to Social Media A_dmin");

  g_signal_emit_by_name (review_child (window, "approve_button"), "clicked");
  dialog = find_dialog ("Approve This Revision?");
  g_assert_nonnull (dialog);
  /* Its responses too: "_Cancel Cancel" no more. */
  warta_test_gui_assert_named_once (GTK_WIDGET (dialog));
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (dialog));
  warta_test_gui_assert_named_once (GTK_WIDGET (window));
  warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (window));
  /* The revision and its hash, and what goes where. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), hash));
  summary = adw_message_dialog_get_extra_child (dialog);
  g_assert_nonnull (summary);
  {
    GtkWidget *label = warta_test_gui_find_named (summary, GTK_TYPE_LABEL, NULL);
    gboolean found_facebook = FALSE;

    /* What each post carries, and only what there is. */
    for (GtkWidget *box = gtk_widget_get_first_child (gtk_widget_get_parent (label)); box;
         box = gtk_widget_get_next_sibling (box))
      {
        const char *text = gtk_label_get_label (GTK_LABEL (box));

        if (g_strcmp0 (text, "Facebook post — 3 photos") == 0)
          found_facebook = TRUE;
        g_assert_null (strstr (text, "0 videos"));
      }
    g_assert_true (found_facebook);
  }
  shot ("approver-dialog");
  body = answer_dialog ("Approve This Revision?", "approve");
  g_assert_null (find_dialog (NULL));

  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_APPROVED);
  close_window (window);
}

static void
test_whole_sop (Fixture       *f,
                gconstpointer  user_data)
{
  WartaPublicationRepository *repository = warta_context_get_publications (f->context);
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaRevision) revision = NULL;
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GListModel) steps = NULL;
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *hash = NULL;
  gint64 id = 0, returned_revision_id, note_id;
  guint entered[WARTA_N_STEPS + 1] = { 0 };
  guint n_resolved = 0;

  document (f, &id);
  process (f, id);
  returned_revision_id = verify_and_return (f, id);
  note_id = correct_and_resubmit (f, id);
  verify_again_and_forward (f, id, returned_revision_id, note_id);
  approve (f, id);

  /* The events, leaving out the autosaves. */
  events = warta_event_log_list (f->database, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(WartaEvent) event = g_list_model_get_item (events, i);

      if (g_strcmp0 (warta_event_get_kind (event), "edit") != 0)
        g_ptr_array_add (kinds, (gpointer)g_intern_string (warta_event_get_kind (event)));
    }
  g_ptr_array_add (kinds, NULL);
  joined = g_strjoinv (" ", (char **)kinds->pdata);
  g_assert_cmpstr (joined, ==,
                   "create submit submit note checklist return submit note-resolved "
                   "note-confirmed checklist forward approve");
  {
    g_autoptr(WartaEvent) last = g_list_model_get_item (events, g_list_model_get_n_items (events) - 1);

    g_assert_cmpint (warta_event_get_actor_id (last), ==, warta_user_get_id (f->approver));
    g_assert_cmpstr (warta_event_get_from_state (last), ==, "approving");
    g_assert_cmpstr (warta_event_get_to_state (last), ==, "approved");
  }
  g_assert_true (warta_store_verify_history (f->database, NULL, &error));
  g_assert_no_error (error);

  /* Step records: entry and exit of each stay; steps 2 and 3 twice. */
  steps = warta_publication_repository_list_step_records (repository, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(WartaStepRecord) record = g_list_model_get_item (steps, i);
      guint step = warta_step_record_get_step (record);

      g_assert_cmpuint (step, <=, WARTA_N_STEPS);
      entered[step]++;
      g_assert_cmpint (warta_step_record_get_entered_at (record), >, 0);
      if (step < 5)
        {
          g_assert_cmpint (warta_step_record_get_exited_at (record), >=,
                           warta_step_record_get_entered_at (record));
          g_assert_nonnull (warta_step_record_get_exit_state (record));
        }
      else
        g_assert_cmpint (warta_step_record_get_exited_at (record), ==, 0);
      if (step >= 2)
        g_assert_cmpint (warta_step_record_get_deadline_at (record), >, warta_step_record_get_entered_at (record));
    }
  g_assert_cmpuint (entered[1], ==, 1);
  g_assert_cmpuint (entered[2], ==, 2);
  g_assert_cmpuint (entered[3], ==, 2);
  g_assert_cmpuint (entered[4], ==, 1);
  g_assert_cmpuint (entered[5], ==, 1);

  /* One correction round; the notes' states. */
  publication = get_publication (f, id);
  g_assert_cmpuint (warta_publication_get_correction_rounds (publication), ==, 1);
  notes = warta_publication_repository_list_notes (repository, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(WartaCorrectionNote) note = g_list_model_get_item (notes, i);

      if (warta_correction_note_get_id (note) == note_id)
        {
          g_assert_cmpstr (warta_correction_note_get_field (note), ==, "who");
          g_assert_cmpuint (warta_correction_note_get_status (note), ==, WARTA_NOTE_STATUS_CONFIRMED);
          g_assert_cmpint (warta_correction_note_get_resolved_by (note), ==, warta_user_get_id (f->admin));
          g_assert_cmpint (warta_correction_note_get_confirmed_by (note), ==, warta_user_get_id (f->verifier));
          g_assert_cmpint (warta_correction_note_get_resolved_revision_id (note), >, returned_revision_id);
          n_resolved++;
        }
    }
  g_assert_cmpuint (n_resolved, ==, 1);

  /* The approval is of the final revision's exact content. */
  revision = get_current_revision (f, id);
  hash = warta_revision_compute_hash (revision);
  g_assert_cmpint (warta_publication_get_approved_revision_id (publication), ==,
                   warta_revision_get_id (revision));
  g_assert_cmpstr (warta_publication_get_approved_hash (publication), ==, warta_revision_get_hash (revision));
  g_assert_cmpstr (warta_publication_get_approved_hash (publication), ==, hash);
  g_assert_cmpstr (warta_revision_get_who (revision), ==, WHO_AFTER);
}

/* -- two Wartas ------------------------------------------------------------------ */

/* A publication taken to step 3 through the repository. */
static gint64
make_verifying_from (Fixture       *f,
                     WartaRevision *draft,
                     const char    *when_in_step_2)
{
  WartaPublicationRepository *repository = warta_context_get_publications (f->context);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) next = NULL;
  g_autoptr(GError) error = NULL;

  p = warta_publication_repository_create (repository, f->officer, draft, &error);
  g_assert_no_error (error);
  next = warta_publication_repository_transition (repository, f->officer, warta_publication_get_id (p),
                                                  warta_publication_get_version (p),
                                                  WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL, &error);
  g_assert_no_error (error);
  g_set_object (&p, next);
  g_clear_object (&next);
  /* The social media admin changes "when" in step 2. */
  if (when_in_step_2 != NULL)
    {
      gint64 version = 0;
      g_autoptr(WartaRevision) edited = warta_publication_repository_get_draft (repository,
                                                                                warta_publication_get_id (p),
                                                                                &version, &error);

      g_assert_no_error (error);
      warta_revision_set_when (edited, when_in_step_2);
      next = warta_publication_repository_save_draft (repository, f->admin, warta_publication_get_id (p),
                                                      warta_publication_get_version (p), version, edited,
                                                      NULL, &error);
      g_assert_no_error (error);
      g_set_object (&p, next);
      g_clear_object (&next);
    }
  next = warta_publication_repository_transition (repository, f->admin, warta_publication_get_id (p),
                                                  warta_publication_get_version (p),
                                                  WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL, &error);
  g_assert_no_error (error);

  return warta_publication_get_id (next);
}

static gint64
make_verifying (Fixture *f)
{
  g_autoptr(WartaRevision) draft = warta_revision_new ();

  warta_revision_set_title (draft, "Sosialisasi Pengendalian Gratifikasi");
  warta_revision_set_who (draft, WHO_BEFORE);
  warta_revision_set_where (draft, "Aula Inspektorat");
  warta_revision_set_caption (draft, "facebook", "Sosialisasi pengendalian gratifikasi.");
  return make_verifying_from (f, draft, NULL);
}

/* The verifier forwards @id, in step 3, through the repository. */
static void
forward_in_repository (Fixture *f,
                       gint64   id)
{
  WartaPublicationRepository *repository = warta_context_get_publications (f->context);
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) next = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ticked[WARTA_N_CHECKS] = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };

  p = get_publication (f, id);
  g_assert_true (warta_publication_repository_save_checklist (repository, f->verifier, id, ticked, NULL, &error));
  g_assert_no_error (error);
  next = warta_publication_repository_transition (repository, f->verifier, id,
                                                  warta_publication_get_version (p),
                                                  WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING, NULL, &error);
  g_assert_no_error (error);
}

/* A publication taken to step 4 through the repository. */
static gint64
make_approving (Fixture *f)
{
  gint64 id = make_verifying (f);

  forward_in_repository (f, id);
  return id;
}

/* The publication's one correction note. */
static WartaCorrectionNote *
get_only_note (Fixture *f,
               gint64   id)
{
  g_autoptr(GListModel) notes = NULL;
  g_autoptr(GError) error = NULL;

  notes = warta_publication_repository_list_notes (warta_context_get_publications (f->context), id,
                                                   &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (notes), ==, 1);
  return g_list_model_get_item (notes, 0);
}

/* A note typed on a field and sent with "Return with Corrections", with
 * no "Add Note" first, stays on that field; forwarding while a note is
 * still open asks first. */
static void
test_note_on_return_and_open_notes (Fixture       *f,
                                    gconstpointer  user_data)
{
  WartaPublicationRepository *repository = warta_context_get_publications (f->context);
  gint64 id = make_verifying (f);
  WartaPublicationWindow *window;
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(WartaPublication) next = NULL;
  g_autoptr(WartaCorrectionNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *where_row;

  sign_in (f, "sekar");
  window = open_window (f->context, id);
  where_row = warta_test_gui_find_named (review_child (window, "fields_list"), ADW_TYPE_ACTION_ROW,
                                         "where");
  g_assert_nonnull (where_row);
  g_signal_emit_by_name (where_row, "activated");
  g_assert_cmpstr (gtk_label_get_label (review_child (window, "pin_label")), ==,
                   "On Where (Di mana)");
  type_note (window, "Tulis alamat lengkap aula.");
  g_signal_emit_by_name (review_child (window, "return_button"), "clicked");
  g_assert_null (find_dialog (NULL));
  close_window (window);

  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_PROCESSING);
  note = get_only_note (f, id);
  g_assert_cmpstr (warta_correction_note_get_text (note), ==, "Tulis alamat lengkap aula.");
  g_assert_cmpstr (warta_correction_note_get_field (note), ==, "where");

  /* Sent back without the note marked as done: still open. */
  next = warta_publication_repository_transition (repository, f->admin, id,
                                                  warta_publication_get_version (publication),
                                                  WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL, &error);
  g_assert_no_error (error);

  sign_in (f, "sekar");
  window = open_window (f->context, id);
  tick_all_but (window, WARTA_N_CHECKS, NULL);
  g_signal_emit_by_name (review_child (window, "forward_button"), "clicked");
  body = answer_dialog ("Forward With Open Corrections?", "cancel");
  g_assert_nonnull (strstr (body, "1 correction note is still open"));
  g_clear_object (&publication);
  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_VERIFYING);

  g_signal_emit_by_name (review_child (window, "forward_button"), "clicked");
  g_free (answer_dialog ("Forward With Open Corrections?", "forward"));
  g_assert_null (find_dialog (NULL));
  g_clear_object (&publication);
  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_APPROVING);
  close_window (window);
}

/* Submitting the corrected content again, the social media admin is asked
 * about the notes still open, and marks them done in the new revision. */
static void
test_resubmit_marks_notes_done (Fixture       *f,
                                gconstpointer  user_data)
{
  WartaPublicationRepository *repository = warta_context_get_publications (f->context);
  gint64 id = make_verifying (f);
  g_autoptr(WartaPublication) publication = get_publication (f, id);
  g_autoptr(WartaPublication) returned = NULL;
  g_autoptr(WartaCorrectionNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  WartaPublicationWindow *window;

  returned = warta_publication_repository_return_with_note (repository, f->verifier, id,
                                                            warta_publication_get_version (publication),
                                                            WARTA_STATE_PROCESSING, "where", NULL,
                                                            "Tulis alamat lengkap aula.", &error);
  g_assert_no_error (error);

  sign_in (f, "rina");
  window = open_window (f->context, id);
  wait_idle (window);
  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "documentation");
  set_text (window, "where_row", "Aula Inspektorat, Jl. Tjilik Riwut Km 1, Palangka Raya");
  g_assert_true (_warta_publication_window_save_now (window, &error));
  g_assert_no_error (error);

  /* Cancel submits nothing. */
  submit_now (window);
  body = answer_dialog ("Mark the Corrections as Done?", "cancel");
  g_assert_nonnull (strstr (body, "1 correction note is still open"));
  g_clear_object (&publication);
  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_PROCESSING);

  submit_now (window);
  g_free (answer_dialog ("Mark the Corrections as Done?", "done"));
  g_assert_null (find_dialog (NULL));
  g_clear_object (&publication);
  publication = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_VERIFYING);

  note = get_only_note (f, id);
  g_assert_cmpuint (warta_correction_note_get_status (note), ==, WARTA_NOTE_STATUS_RESOLVED);
  g_assert_cmpint (warta_correction_note_get_resolved_revision_id (note), ==,
                   warta_publication_get_current_revision_id (publication));
  g_assert_cmpint (warta_correction_note_get_resolved_revision_id (note), >,
                   warta_correction_note_get_revision_id (note));
  close_window (window);
}

/* Runs this binary as another Warta: "approve" or "edit" as @login. */
static char *
run_helper (Fixture    *f,
            const char *what,
            const char *login,
            gint64      id)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              self_exe, "--helper", what, f->path, id_text, login, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  return g_strstrip (out);
}

static void
test_approve_while_editing (Fixture       *f,
                            gconstpointer  user_data)
{
  gint64 id = make_approving (f);
  g_autoptr(WartaRevision) before = get_current_revision (f, id);
  g_autoptr(WartaRevision) after = NULL;
  g_autoptr(WartaPublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  WartaPublicationWindow *window;
  AdwMessageDialog *dialog;

  /* The admin, in this Warta, is changing "Siapa"… */
  sign_in (f, "rina");
  window = open_window (f->context, id);
  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "documentation");
  set_text (window, "who_row", WHO_AFTER);

  /* …while the approver approves in the other one. */
  out = run_helper (f, "approve", "hadi", id);
  g_assert_cmpstr (out, ==, "approved");

  /* The admin's save is a conflict, shown with who and when. */
  g_assert_false (_warta_publication_window_save_now (window, &error));
  g_assert_error (error, WARTA_DB_ERROR, WARTA_DB_ERROR_CONFLICT);
  dialog = find_dialog ("Someone Else Changed This Activity");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Hadi Atasan"));
  g_assert_cmpstr (gtk_label_get_label (window_child (window, "save_status_label")), ==,
                   "Not saved: changed by someone else");
  shot ("conflict-shown");
  g_free (answer_dialog ("Someone Else Changed This Activity", "later"));

  /* Nothing was overwritten: approved, of the content approved. */
  publication = get_publication (f, id);
  after = get_current_revision (f, id);
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_APPROVED);
  g_assert_cmpint (warta_revision_get_id (after), ==, warta_revision_get_id (before));
  g_assert_cmpstr (warta_revision_get_who (after), ==, WHO_BEFORE);
  g_assert_cmpstr (warta_publication_get_approved_hash (publication), ==, warta_revision_get_hash (before));

  close_window (window);
}

static void
test_approval_of_changed_revision_refused (Fixture       *f,
                                           gconstpointer  user_data)
{
  gint64 id = make_approving (f);
  g_autoptr(WartaPublication) publication = NULL;
  g_autofree char *out = NULL;
  g_autofree char *body = NULL;
  WartaPublicationWindow *window;

  /* The approver has the review open… */
  sign_in (f, "hadi");
  window = open_window (f->context, id);
  g_assert_cmpstr (visible_page (window), ==, "review");

  /* …while the admin, in the other Warta, edits it. */
  out = run_helper (f, "edit", "rina", id);
  g_assert_cmpstr (out, ==, "saved");

  g_signal_emit_by_name (review_child (window, "approve_button"), "clicked");
  g_free (answer_dialog ("Approve This Revision?", "approve"));
  body = answer_dialog ("Not Approved", "close");
  g_assert_nonnull (strstr (body, "Nothing was approved"));

  publication = get_publication (f, id);
  /* At the time of the edit in the office's zone (WIB), not the computer's. */
  {
    g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (warta_publication_get_updated_at (publication) /
                                                              G_USEC_PER_SEC);
    g_autoptr(GDateTime) edited = g_date_time_to_timezone (utc, wib);
    g_autofree char *time = g_date_time_format (edited, "%H:%M");
    g_autofree char *said = g_strdup_printf ("Rina Admin changed the publication at %s,", time);

    g_assert_nonnull (strstr (body, said));
  }
  g_assert_cmpint (warta_publication_get_state (publication), ==, WARTA_STATE_VERIFYING);
  g_assert_cmpint (warta_publication_get_approved_revision_id (publication), ==, 0);
  /* The page now shows it as it is: not the approver's step any more. */
  g_assert_false (gtk_widget_get_visible (review_child (window, "approve_button")));

  close_window (window);
}

/* Ticking an item leaves the items below where they were: its note row
 * is greyed out, not taken away (found in a walk-through: the list moved
 * under the pointer and the next click ticked the wrong item). */
static void
test_checklist_stays_put (Fixture       *f,
                          gconstpointer  user_data)
{
  WartaPublicationRepository *repository = warta_context_get_publications (f->context);
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GError) error = NULL;
  WartaPublicationWindow *window;
  GtkWidget *list, *first, *second;
  graphene_rect_t before, after;
  gint64 id;

  warta_revision_set_title (draft, "Sosialisasi Pengendalian Gratifikasi");
  warta_revision_set_caption (draft, "facebook", "Sosialisasi pengendalian gratifikasi.");
  p = warta_publication_repository_create (repository, f->officer, draft, &error);
  g_assert_no_error (error);
  id = warta_publication_get_id (p);
  for (guint step = 0; step < 2; step++)
    {
      WartaPublication *next;

      next = warta_publication_repository_transition (repository, step == 0 ? f->officer : f->admin,
                                                      id, warta_publication_get_version (p),
                                                      WARTA_ACTION_SUBMIT,
                                                      step == 0 ? WARTA_STATE_PROCESSING
                                                                : WARTA_STATE_VERIFYING,
                                                      NULL, &error);
      g_assert_no_error (error);
      g_set_object (&p, next);
      g_object_unref (next);
    }

  sign_in (f, "sekar");
  window = open_window (f->context, id);
  list = review_child (window, "checklist_list");
  first = warta_test_gui_find_named (list, GTK_TYPE_CHECK_BUTTON, warta_check_get_id ((WartaCheck)0));
  second = warta_test_gui_find_named (list, GTK_TYPE_CHECK_BUTTON, warta_check_get_id ((WartaCheck)1));
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));
  g_assert_true (gtk_widget_compute_bounds (second, list, &before));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (first), TRUE);
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));
  g_assert_true (gtk_widget_compute_bounds (second, list, &after));
  g_assert_cmpfloat (after.origin.y, ==, before.origin.y);

  close_window (window);
}

/* A changed "when" is shown to the verifier as the dates read, in WIB,
 * not as the stored "2026-03-05T09:30:00+07". */
static void
test_when_change_readable (Fixture       *f,
                           gconstpointer  user_data)
{
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  WartaPublicationWindow *window;
  GtkWidget *view;
  gint64 id;

  warta_revision_set_title (draft, "Rapat Koordinasi");
  warta_revision_set_when (draft, "2026-03-05T09:30:00+07");
  warta_revision_set_caption (draft, "facebook", "Rapat koordinasi.");
  id = make_verifying_from (f, draft, "2026-03-06T13:00:00+07");

  sign_in (f, "sekar");
  window = open_window (f->context, id);
  view = find_diff_view (window, "March");
  g_assert_nonnull (view);
  /* Struck through and underlined word by word: the day and the time. */
  g_assert_cmpstr (g_object_get_data (G_OBJECT (view), "warta-diff"), ==,
                   "[-Thursday-]{+Friday+}, [-5-]{+6+} March 2026 [-09:30-]{+13:00+} WIB");
  close_window (window);
}

/* A correction note written but not added is not lost by closing the
 * window: it asks first, and keeps the window and the note when told. */
static void
test_unsent_note_asks (Fixture       *f,
                       gconstpointer  user_data)
{
  gint64 id = make_verifying (f);
  WartaPublicationWindow *window;
  GtkWindow *weak;
  g_autofree char *body = NULL;
  g_autofree char *kept = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  sign_in (f, "sekar");
  window = open_window (f->context, id);
  weak = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&weak);
  type_note (window, "Gelar Inspektur belum lengkap.");

  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_nonnull (weak);
  body = answer_dialog ("Discard the Correction Note?", "cancel");
  g_assert_nonnull (strstr (body, "Add Note"));
  g_assert_nonnull (weak);
  buffer = gtk_text_view_get_buffer (review_child (window, "note_view"));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  kept = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (kept, ==, "Gelar Inspektur belum lengkap.");

  /* Told to discard it, the window closes. */
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_free (answer_dialog ("Discard the Correction Note?", "close"));
  WARTA_TEST_GUI_WAIT_FOR (weak == NULL);

  /* Added, nothing is asked. */
  window = open_window (f->context, id);
  type_note (window, "Gelar Inspektur belum lengkap.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review_page (window)), "review.add-note", NULL));
  g_assert_null (find_dialog (NULL));
  weak = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&weak);
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_null (find_dialog ("Discard the Correction Note?"));
  WARTA_TEST_GUI_WAIT_FOR (weak == NULL);
}

/* The approver wrote a correction and left it open: approving says so,
 * as forwarding does, before the revision is approved with it. */
static void
test_approve_with_open_note_asks (Fixture       *f,
                                  gconstpointer  user_data)
{
  gint64 id = make_approving (f);
  WartaPublicationWindow *window;
  g_autoptr(WartaPublication) p = NULL;
  g_autofree char *body = NULL;

  sign_in (f, "hadi");
  window = open_window (f->context, id);
  type_note (window, "Judul kurang jelas.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review_page (window)), "review.add-note", NULL));

  g_signal_emit_by_name (review_child (window, "approve_button"), "clicked");
  g_assert_null (find_dialog ("Approve This Revision?"));
  body = answer_dialog ("Approve With Open Corrections?", "cancel");
  g_assert_true (g_str_has_prefix (body, "1 correction note is still open"));
  g_assert_nonnull (strstr (body, "You approve revision"));
  p = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (p), ==, WARTA_STATE_APPROVING);
  close_window (window);
}

/* The verifier returns @id with a note on "where"; the social media admin
 * corrects it, submits it again and marks the note as done. */
static void
return_and_mark_done (Fixture *f,
                      gint64   id)
{
  WartaPublicationRepository *repository = warta_context_get_publications (f->context);
  g_autoptr(WartaPublication) p = get_publication (f, id);
  g_autoptr(WartaPublication) next = NULL;
  g_autoptr(WartaRevision) edited = NULL;
  g_autoptr(WartaCorrectionNote) note = NULL;
  g_autoptr(WartaCorrectionNote) done = NULL;
  g_autoptr(GError) error = NULL;
  gint64 version = 0;

  next = warta_publication_repository_return_with_note (repository, f->verifier, id,
                                                        warta_publication_get_version (p),
                                                        WARTA_STATE_PROCESSING, "where", NULL,
                                                        "Tulis alamat lengkap aula.", &error);
  g_assert_no_error (error);
  g_set_object (&p, next);
  g_clear_object (&next);
  edited = warta_publication_repository_get_draft (repository, id, &version, &error);
  g_assert_no_error (error);
  warta_revision_set_where (edited, "Aula Inspektorat, Jl. Tjilik Riwut Km 1, Palangka Raya");
  next = warta_publication_repository_save_draft (repository, f->admin, id,
                                                  warta_publication_get_version (p), version, edited,
                                                  NULL, &error);
  g_assert_no_error (error);
  g_set_object (&p, next);
  g_clear_object (&next);
  next = warta_publication_repository_transition (repository, f->admin, id,
                                                  warta_publication_get_version (p),
                                                  WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING, NULL, &error);
  g_assert_no_error (error);
  note = get_only_note (f, id);
  done = warta_publication_repository_resolve_note (repository, f->admin,
                                                    warta_correction_note_get_id (note),
                                                    warta_correction_note_get_version (note), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_correction_note_get_status (done), ==, WARTA_NOTE_STATUS_RESOLVED);
}

/* A correction the social media admin marked as done, not yet confirmed
 * by the verifier: forwarding asks first, so that the verifier goes back
 * and looks at the fix, or forwards anyway; once confirmed, it does not. */
static void
test_forward_with_unconfirmed_note_asks (Fixture       *f,
                                         gconstpointer  user_data)
{
  gint64 id = make_verifying (f);
  WartaPublicationWindow *window;
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaCorrectionNote) note = NULL;
  g_autofree char *body = NULL;

  return_and_mark_done (f, id);
  sign_in (f, "sekar");
  window = open_window (f->context, id);
  tick_all_but (window, WARTA_N_CHECKS, NULL);
  g_signal_emit_by_name (review_child (window, "forward_button"), "clicked");
  g_assert_null (find_dialog ("Forward With Open Corrections?"));
  body = answer_dialog ("Forward With Unconfirmed Corrections?", "cancel");
  g_assert_cmpstr (body, ==, "1 correction marked as done is not confirmed yet. Check that the content now follows it, then confirm it or open it again.");
  p = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (p), ==, WARTA_STATE_VERIFYING);

  /* Back to the note: confirmed, the verifier forwards without a question. */
  note = get_only_note (f, id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (review_page (window)), "review.confirm-note",
                                             "x", warta_correction_note_get_id (note)));
  g_clear_object (&note);
  note = get_only_note (f, id);
  g_assert_cmpuint (warta_correction_note_get_status (note), ==, WARTA_NOTE_STATUS_CONFIRMED);
  tick_all_but (window, WARTA_N_CHECKS, NULL);
  g_signal_emit_by_name (review_child (window, "forward_button"), "clicked");
  g_assert_null (find_dialog (NULL));
  g_clear_object (&p);
  p = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (p), ==, WARTA_STATE_APPROVING);
  close_window (window);
}

/* The verifier forwarded without confirming a correction marked as done:
 * approving says so, in English and in Indonesian. */
static void
test_approve_with_unconfirmed_note_asks (Fixture       *f,
                                         gconstpointer  user_data)
{
  gint64 id = make_verifying (f);
  WartaPublicationWindow *window;
  g_autoptr(WartaPublication) p = NULL;
  g_autofree char *body = NULL;
  g_autofree char *body_id = NULL;

  return_and_mark_done (f, id);
  forward_in_repository (f, id);

  sign_in (f, "hadi");
  window = open_window (f->context, id);
  g_signal_emit_by_name (review_child (window, "approve_button"), "clicked");
  g_assert_null (find_dialog ("Approve This Revision?"));
  body = answer_dialog ("Approve With Unconfirmed Corrections?", "cancel");
  g_assert_true (g_str_has_prefix (body, "1 correction marked as done is not confirmed yet."));
  g_assert_nonnull (strstr (body, "You approve revision"));
  p = get_publication (f, id);
  g_assert_cmpint (warta_publication_get_state (p), ==, WARTA_STATE_APPROVING);
  close_window (window);

  warta_test_gui_set_language ("id");
  window = open_window (f->context, id);
  g_signal_emit_by_name (review_child (window, "approve_button"), "clicked");
  body_id = answer_dialog ("Setujui dengan Perbaikan yang Belum Dikonfirmasi?", "cancel");
  g_assert_true (g_str_has_prefix (body_id, "1 perbaikan yang ditandai selesai belum dikonfirmasi."));
  close_window (window);
  warta_test_gui_set_language (NULL);
}

/* In Indonesian a note pinned to "Siapa" says it is on that field: "Pada
 * Siapa" alone reads as "to whom". */
static void
test_pin_says_field_in_indonesian (Fixture       *f,
                                   gconstpointer  user_data)
{
  gint64 id = make_verifying (f);
  WartaPublicationWindow *window;

  warta_test_gui_set_language ("id");
  sign_in (f, "sekar");
  window = open_window (f->context, id);
  _warta_review_page_pin (review_page (window), "who", NULL);
  g_assert_cmpstr (gtk_label_get_label (review_child (window, "pin_label")), ==, "Pada isian “Siapa”");
  close_window (window);
  warta_test_gui_set_language (NULL);
}

/* The verifier's and the approver's decisions fit a window 360 pixels
 * wide, in English and in Indonesian, whose labels are longer: the
 * approver has three of them. */
static void
test_decisions_narrow (Fixture       *f,
                       gconstpointer  user_data)
{
  static const char *languages[] = { NULL, "id" };
  int bound = warta_test_gui_window_width_for (360);
  gint64 verifying = make_verifying (f);
  gint64 approving = make_approving (f);

  warta_test_gui_use_gnome_window_buttons ();
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    for (guint step = 0; step < 2; step++)
      {
        WartaPublicationWindow *window;

        warta_test_gui_set_language (languages[i]);
        sign_in (f, step == 0 ? "sekar" : "hadi");
        window = open_window (f->context, step == 0 ? verifying : approving);
        g_assert_cmpstr (visible_page (window), ==, "review");
        g_assert_true (gtk_widget_get_visible (review_child (window, "decision_box")));
        warta_test_gui_wait_for_layout (GTK_WIDGET (window));
        g_test_message ("%s: step %u", languages[i] ?: "en", step + 3);
        warta_test_gui_assert_fits_width (GTK_WIDGET (window), bound);
        warta_test_gui_assert_mnemonics_unique (GTK_WIDGET (window));
        close_window (window);
      }
  warta_test_gui_set_language (NULL);
}

/* A publication waiting for Sekar's verification. */
static WartaPublication *
create_verifying (Fixture *f)
{
  WartaPublicationRepository *repository = warta_context_get_publications (f->context);
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  warta_revision_set_title (draft, "Sosialisasi Pengendalian Gratifikasi");
  warta_revision_set_who (draft, WHO_BEFORE);
  warta_revision_set_caption (draft, "facebook", "Sosialisasi pengendalian gratifikasi.");
  p = warta_publication_repository_create (repository, f->officer, draft, &error);
  g_assert_no_error (error);
  id = warta_publication_get_id (p);
#define MOVE(user, action, to) G_STMT_START { \
    WartaPublication *next = warta_publication_repository_transition (repository, user, id, \
                                                                      warta_publication_get_version (p), \
                                                                      action, to, NULL, &error); \
    g_assert_no_error (error); \
    g_set_object (&p, next); \
    g_object_unref (next); \
  } G_STMT_END
  MOVE (f->officer, WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING);
  MOVE (f->admin, WARTA_ACTION_SUBMIT, WARTA_STATE_VERIFYING);
#undef MOVE

  return g_steal_pointer (&p);
}

static void
collect_toasts (GtkWidget *widget,
                GPtrArray *toasts)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("AdwToastWidget")))
    g_ptr_array_add (toasts, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_toasts (c, toasts);
}

/* @window's one toast (none leaving: a toast going away is not
 * targetable), or NULL. */
static GtkWidget *
only_toast (WartaPublicationWindow *window)
{
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  GtkWidget *toast;

  collect_toasts (GTK_WIDGET (window), toasts);
  if (toasts->len != 1)
    return NULL;
  toast = toasts->pdata[0];
  return gtk_widget_get_mapped (toast) && gtk_widget_get_can_target (toast) ? toast : NULL;
}

/* Waits until @window's toast has slid in: its overlay moves it up at
 * each frame of its animation, from below the overlay's bottom edge, so
 * it has once two frames put it at the same place inside the overlay. */
static GtkWidget *
wait_for_toast_slid_in (WartaPublicationWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 deadline = warta_test_gui_wait_deadline ();
  gint64 last_frame = -1;
  graphene_rect_t last = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  for (;;)
    {
      GtkWidget *toast = only_toast (window);
      gint64 frame = gdk_frame_clock_get_frame_counter (clock);
      graphene_rect_t bounds;

      if (toast == NULL || !gtk_widget_compute_bounds (toast, gtk_widget_get_parent (toast), &bounds))
        last_frame = -1;
      else if (frame != last_frame)
        {
          if (last_frame >= 0 && graphene_rect_equal (&bounds, &last) &&
              bounds.origin.y + bounds.size.height <= gtk_widget_get_height (gtk_widget_get_parent (toast)))
            return toast;
          last = bounds;
          last_frame = frame;
        }
      /* Frames go on after the animation, to see it has ended. */
      gtk_widget_queue_allocate (GTK_WIDGET (window));
      warta_test_gui_wait_step (deadline, "the toast to slide in");
    }
}

/* The toast shown in @window has slid in and leaves the review page's
 * decision buttons within reach. */
static void
assert_toast_clear_of_decisions (WartaPublicationWindow *window)
{
  const char *buttons[] = { "return_button", "forward_button" };
  GtkWidget *toast;
  graphene_rect_t toast_bounds;

  toast = wait_for_toast_slid_in (window);
  g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &toast_bounds));
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = review_child (window, buttons[i]);
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_get_mapped (button));
      g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
      g_assert_false (graphene_rect_intersection (&toast_bounds, &bounds, NULL));
    }
}

/* The editor's own toasts (here, a file dropped on the window, which a
 * verifier cannot add) show on the review page above its decisions. */
static void
test_editor_toast_above_decisions (Fixture       *f,
                                   gconstpointer  user_data)
{
  g_autoptr(WartaPublication) p = create_verifying (f);
  g_autofree char *path = g_build_filename (f->dir, "catatan.txt", NULL);
  g_autoptr(GError) error = NULL;
  WartaPublicationWindow *window;
  GSList *files;

  g_assert_true (g_file_set_contents (path, "bukan foto", -1, &error));
  g_assert_no_error (error);
  sign_in (f, "sekar");
  window = open_window (f->context, warta_publication_get_id (p));
  g_assert_cmpstr (visible_page (window), ==, "review");
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));

  files = g_slist_append (NULL, g_file_new_for_path (path));
  _warta_publication_window_add_files (window, files);
  g_slist_free_full (files, g_object_unref);
  assert_toast_clear_of_decisions (window);

  close_window (window);
}

/* A toast shown on another page of the editor (a file the verifier
 * cannot add, dropped on the Documentation page) does not stay over the
 * review page's decision buttons once the verifier goes back to it. */
static void
test_toast_gone_on_review (Fixture       *f,
                           gconstpointer  user_data)
{
  const char *buttons[] = { "return_button", "forward_button" };
  g_autoptr(WartaPublication) p = create_verifying (f);
  g_autofree char *path = g_build_filename (f->dir, "catatan.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  WartaPublicationWindow *window;
  GSList *files;

  g_assert_true (g_file_set_contents (path, "bukan foto", -1, &error));
  g_assert_no_error (error);
  sign_in (f, "sekar");
  window = open_window (f->context, warta_publication_get_id (p));
  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "documentation");
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));

  files = g_slist_append (NULL, g_file_new_for_path (path));
  _warta_publication_window_add_files (window, files);
  g_slist_free_full (files, g_object_unref);
  wait_for_toast_slid_in (window);

  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "review");
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));
  warta_test_gui_screenshot (GTK_WIDGET (window), "review-after-toast.png");
  collect_toasts (GTK_WIDGET (window), toasts);
  for (guint t = 0; t < toasts->len; t++)
    {
      GtkWidget *toast = toasts->pdata[t];
      graphene_rect_t toast_bounds;

      /* One leaving is not targetable, and fades out. */
      if (!gtk_widget_get_mapped (toast) || !gtk_widget_get_can_target (toast))
        continue;
      g_assert_true (gtk_widget_compute_bounds (toast, GTK_WIDGET (window), &toast_bounds));
      for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
        {
          GtkWidget *button = review_child (window, buttons[i]);
          graphene_rect_t bounds;

          g_assert_true (gtk_widget_get_mapped (button));
          g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds));
          g_assert_false (graphene_rect_intersection (&toast_bounds, &bounds, NULL));
        }
    }

  close_window (window);
}

/* A photo removed on the Documentation page offers Undo: the social
 * media admin who opens the Review tab then still finds the offer there,
 * in the review page's own overlay (above its decisions), and Undo puts
 * the photo back. */
static void
test_undo_toast_kept_on_review (Fixture       *f,
                                gconstpointer  user_data)
{
  WartaPublicationRepository *repository = warta_context_get_publications (f->context);
  g_autoptr(WartaRevision) draft = warta_revision_new ();
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) next = NULL;
  g_autoptr(GError) error = NULL;
  WartaPublicationWindow *window;
  GtkSingleSelection *selection;
  GListModel *media;
  GtkWidget *toast, *undo;
  GSList *files;

  warta_revision_set_title (draft, "Sosialisasi Pengendalian Gratifikasi");
  p = warta_publication_repository_create (repository, f->officer, draft, &error);
  g_assert_no_error (error);
  next = warta_publication_repository_transition (repository, f->officer, warta_publication_get_id (p),
                                                  warta_publication_get_version (p),
                                                  WARTA_ACTION_SUBMIT, WARTA_STATE_PROCESSING, NULL, &error);
  g_assert_no_error (error);

  sign_in (f, "rina");
  window = open_window (f->context, warta_publication_get_id (p));
  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "documentation");
  files = make_photos (f->dir, 2);
  _warta_publication_window_add_files (window, files);
  g_slist_free_full (files, g_object_unref);
  wait_idle (window);
  media = _warta_publication_window_get_media (window);
  g_assert_cmpuint (g_list_model_get_n_items (media), ==, 2);
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));

  selection = GTK_SINGLE_SELECTION (gtk_grid_view_get_model (window_child (window, "media_grid")));
  gtk_single_selection_set_selected (selection, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "pub.remove-media", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (media), ==, 1);
  wait_for_toast_slid_in (window);

  adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "review");
  warta_test_gui_wait_for_layout (GTK_WIDGET (window));
  toast = wait_for_toast_slid_in (window);
  warta_test_gui_screenshot (GTK_WIDGET (window), "review-keeps-undo.png");
  g_assert_true (gtk_widget_is_ancestor (toast, GTK_WIDGET (review_page (window))));
  undo = warta_test_gui_find_button (toast, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpuint (g_list_model_get_n_items (media), ==, 2);

  close_window (window);
}

/* The admin, in another Warta on the same file, changes "Siapa" of @p. */
static WartaPublication *
change_who_elsewhere (Fixture                    *f,
                      WartaPublicationRepository *other_repo,
                      WartaPublication           *p)
{
  g_autoptr(WartaRevision) stored = get_current_revision (f, warta_publication_get_id (p));
  g_autofree char *json = warta_revision_to_json (stored);
  g_autoptr(WartaRevision) current = NULL;
  g_autoptr(GError) error = NULL;
  WartaPublication *saved;

  current = warta_revision_new_from_json (json, &error);
  g_assert_no_error (error);
  warta_revision_set_who (current, WHO_AFTER);
  saved = warta_publication_repository_save_revision (other_repo, f->admin, warta_publication_get_id (p),
                                                      warta_publication_get_version (p), current,
                                                      &error);
  g_assert_no_error (error);
  return saved;
}

/* This Warta notices within its poll and reloads. */
static const char *
wait_for_reload_notice (WartaReviewPage *page)
{
  WARTA_TEST_GUI_WAIT_FOR (warta_review_page_get_reload_notice (page) != NULL);
  return warta_review_page_get_reload_notice (page);
}

/* Another Warta (a second connection to the file) saves a new revision
 * while the verifier has the review open with a ticked item and a note not
 * yet sent: the page reloads within the poll, says who changed it and
 * when, and keeps the tick and the note. */
static void
test_reload_on_change_elsewhere (Fixture       *f,
                                 gconstpointer  user_data)
{
  g_autoptr(WartaPublication) p = NULL;
  g_autoptr(WartaPublication) saved = NULL;
  g_autoptr(WartaDatabase) other_db = NULL;
  g_autoptr(WartaPublicationRepository) other_repo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GtkTextBuffer *buffer;
  GtkCheckButton *check;
  WartaPublicationWindow *window;
  WartaReviewPage *page;
  const char *notice;
  gint64 id;
  GtkTextIter start, end;

  p = create_verifying (f);
  id = warta_publication_get_id (p);

  sign_in (f, "sekar");
  window = open_window (f->context, id);
  g_assert_cmpstr (visible_page (window), ==, "review");
  page = review_page (window);
  g_assert_null (warta_review_page_get_reload_notice (page));

  /* Sekar ticks the first item and writes a note, sending neither. */
  check = GTK_CHECK_BUTTON (warta_test_gui_find_named (review_child (window, "checklist_list"), GTK_TYPE_CHECK_BUTTON,
                                        warta_check_get_id ((WartaCheck)0)));
  g_assert_nonnull (check);
  gtk_check_button_set_active (check, TRUE);
  buffer = gtk_text_view_get_buffer (review_child (window, "note_view"));
  gtk_text_buffer_set_text (buffer, "Gelar Inspektur belum lengkap.", -1);

  /* Meanwhile the admin, in the other Warta, changes "Siapa". */
  other_db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE,
                                  &error);
  g_assert_no_error (error);
  other_repo = warta_publication_repository_new (other_db, warta_context_get_clock (f->context));
  saved = change_who_elsewhere (f, other_repo, p);

  /* This Warta notices within its poll and reloads. */
  notice = wait_for_reload_notice (page);
  g_assert_nonnull (notice);
  g_test_message ("%s", notice);
  g_assert_true (g_str_has_prefix (notice, "Changed by Rina Admin at "));
  g_assert_nonnull (strstr (notice, "reloaded"));
  g_assert_nonnull (strstr (notice, "kept"));

  /* Said in a toast that leaves the page's decisions within reach. */
  assert_toast_clear_of_decisions (window);
  g_assert_cmpint (warta_publication_get_version (warta_review_page_get_publication (page)), ==,
                   warta_publication_get_version (saved));
  g_assert_cmpint (warta_publication_get_current_revision_id (warta_review_page_get_publication (page)), ==,
                   warta_publication_get_current_revision_id (saved));

  /* Nothing the verifier was writing is lost. */
  g_assert_true (gtk_check_button_get_active (check));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (note, ==, "Gelar Inspektur belum lengkap.");
  shot ("reloaded-after-change-elsewhere");

  /* Sekar's own change (her other window forwards it): reloaded, but not
   * said as if someone else had made it. */
  {
    gboolean all[WARTA_N_CHECKS];

    for (guint i = 0; i < WARTA_N_CHECKS; i++)
      all[i] = TRUE;
    gint64 version = warta_publication_get_version (warta_review_page_get_publication (page));

    g_assert_true (warta_publication_repository_save_checklist (other_repo, f->verifier, id, all,
                                                                NULL, &error));
    g_assert_no_error (error);
    g_clear_object (&saved);
    saved = warta_publication_repository_transition (other_repo, f->verifier, id, version,
                                                     WARTA_ACTION_FORWARD, WARTA_STATE_APPROVING,
                                                     NULL, &error);
    g_assert_no_error (error);
    WARTA_TEST_GUI_WAIT_FOR (warta_publication_get_version (warta_review_page_get_publication (page)) ==
                             warta_publication_get_version (saved));
    g_assert_cmpint (warta_publication_get_version (warta_review_page_get_publication (page)), ==,
                     warta_publication_get_version (saved));
    g_assert_null (warta_review_page_get_reload_notice (page));
  }

  close_window (window);
}

/* The notice tells the time in the office's zone (WIB), written as the
 * rest of the app writes it: "10.09" in Indonesian, not "10:09". */
static void
test_reload_notice_time (Fixture       *f,
                         gconstpointer  user_data)
{
  WartaClock *clock = warta_context_get_clock (f->context);
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 ("2026-11-27T10:09:30+07:00", NULL);
  g_autoptr(WartaPublication) p = create_verifying (f);
  g_autoptr(WartaPublication) saved = NULL;
  g_autoptr(WartaDatabase) other_db = NULL;
  g_autoptr(WartaPublicationRepository) other_repo = NULL;
  g_autoptr(GError) error = NULL;
  WartaPublicationWindow *window;

  sign_in (f, "sekar");
  warta_test_gui_set_language ("id");
  window = open_window (f->context, warta_publication_get_id (p));
  g_assert_cmpstr (visible_page (window), ==, "review");

  warta_clock_set_time_zone_id (clock, "Asia/Jakarta");
  warta_clock_freeze (clock, g_date_time_to_unix (at) * G_USEC_PER_SEC);
  other_db = warta_database_open (f->path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE,
                                  &error);
  g_assert_no_error (error);
  other_repo = warta_publication_repository_new (other_db, clock);
  saved = change_who_elsewhere (f, other_repo, p);

  g_assert_cmpstr (wait_for_reload_notice (review_page (window)), ==,
                   "Diubah oleh Rina Admin pukul 10.09 — dimuat ulang");

  close_window (window);
  warta_test_gui_set_language (NULL);
}

/* -- the other Warta ------------------------------------------------------------ */

static int
helper_main (const char *what,
             const char *path,
             const char *id_text,
             const char *login)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WartaDatabase) database = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(WartaContext) context = NULL;
  g_autoptr(WartaUser) user = NULL;
  g_autoptr(WartaPublication) publication = NULL;
  WartaPublicationWindow *window;
  gint64 id = g_ascii_strtoll (id_text, NULL, 10);

  gtk_init ();
  adw_init ();

  database = warta_database_open (path, WARTA_JOURNAL_MODE_AUTOMATIC, WARTA_DATABASE_FLAGS_NONE, &error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  settings = g_settings_new (APPLICATION_ID);
  context = warta_context_new (database, settings);
  user = warta_user_repository_sign_in (warta_context_get_users (context), login, PASSWORD, &error);
  if (user == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  warta_context_set_current_user (context, user);
  window = open_window (context, id);

  if (g_strcmp0 (what, "approve") == 0)
    {
      AdwMessageDialog *dialog;

      g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (review_page (window)),
                                                            WARTA_TYPE_REVIEW_PAGE, "approve_button"),
                             "clicked");
      dialog = find_dialog ("Approve This Revision?");
      if (dialog == NULL)
        return 1;
      adw_message_dialog_response (dialog, "approve");
      iterate ();
      publication = warta_publication_repository_get (warta_context_get_publications (context), id, &error);
      g_print ("%s\n", publication && warta_publication_get_state (publication) == WARTA_STATE_APPROVED
                       ? "approved" : "not approved");
    }
  else
    {
      adw_view_stack_set_visible_child_name (window_child (window, "view_stack"), "documentation");
      set_text (window, "who_row", WHO_AFTER);
      if (_warta_publication_window_save_now (window, &error))
        g_print ("saved\n");
      else
        g_print ("%s\n", error->message);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 6 && g_strcmp0 (argv[1], "--helper") == 0)
    return helper_main (argv[2], argv[3], argv[4], argv[5]);

  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  warta_test_gui_init (&argc, &argv);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  gtk_init ();
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/warta/review/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("whole-sop-four-people", test_whole_sop);
  ADD ("approve-while-another-edits", test_approve_while_editing);
  ADD ("approval-of-changed-revision-refused", test_approval_of_changed_revision_refused);
  ADD ("reload-on-change-elsewhere", test_reload_on_change_elsewhere);
  ADD ("reload-notice-time", test_reload_notice_time);
  ADD ("editor-toast-above-decisions", test_editor_toast_above_decisions);
  ADD ("checklist-stays-put", test_checklist_stays_put);
  ADD ("decisions-narrow", test_decisions_narrow);
  ADD ("when-change-readable", test_when_change_readable);
  ADD ("unsent-note-asks", test_unsent_note_asks);
  ADD ("toast-gone-on-review", test_toast_gone_on_review);
  ADD ("undo-toast-kept-on-review", test_undo_toast_kept_on_review);
  ADD ("approve-with-open-note-asks", test_approve_with_open_note_asks);
  ADD ("forward-with-unconfirmed-note-asks", test_forward_with_unconfirmed_note_asks);
  ADD ("approve-with-unconfirmed-note-asks", test_approve_with_unconfirmed_note_asks);
  ADD ("pin-says-field-in-indonesian", test_pin_says_field_in_indonesian);
  ADD ("note-on-return-and-open-notes", test_note_on_return_and_open_notes);
  ADD ("resubmit-marks-notes-done", test_resubmit_marks_notes_done);
#undef ADD

  return g_test_run ();
}
