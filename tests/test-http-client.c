/* test-http-client.c: WartaHttpClient, WARTA_PUBLISH_ERROR and streamed uploads
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <netinet/in.h>
#include <linux/sockios.h>
#include <linux/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <string.h>
#include <sys/resource.h>

#include "warta-http-client.h"
#include "warta-send-buffer-private.h"
#include "warta-upload-private.h"
#include "warta-test-server.h"

/* A test's async results come back through the main context. */
static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static WartaHttpClient *
fast_client (guint max_attempts)
{
  WartaHttpClient *client = warta_http_client_new ();
  WartaRetryPolicy policy;

  warta_retry_policy_init_default (&policy);
  policy.max_attempts = max_attempts;
  policy.initial_delay_ms = 20;
  policy.max_delay_ms = 100;
  policy.max_wait_ms = 5000;
  warta_http_client_set_retry_policy (client, &policy);
  return client;
}

static GError *
classify (guint       status,
          const char *header,
          const char *value,
          const char *body)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GBytes) bytes = body ? g_bytes_new (body, strlen (body)) : NULL;

  if (header)
    soup_message_headers_replace (headers, header, value);
  return warta_publish_error_new_from_response ("Example", status, headers, bytes, NULL,
                                                g_get_real_time ());
}

static void
test_classify (void)
{
  struct {
    guint status;
    WartaPublishError code;
  } cases[] = {
    { 400, WARTA_PUBLISH_ERROR_REJECTED },
    { 401, WARTA_PUBLISH_ERROR_AUTH_EXPIRED },
    { 403, WARTA_PUBLISH_ERROR_PERMISSION_DENIED },
    { 404, WARTA_PUBLISH_ERROR_REJECTED },
    { 408, WARTA_PUBLISH_ERROR_RETRYABLE },
    { 413, WARTA_PUBLISH_ERROR_INVALID_MEDIA },
    { 415, WARTA_PUBLISH_ERROR_INVALID_MEDIA },
    { 422, WARTA_PUBLISH_ERROR_REJECTED },
    { 429, WARTA_PUBLISH_ERROR_RATE_LIMITED },
    { 500, WARTA_PUBLISH_ERROR_RETRYABLE },
    { 502, WARTA_PUBLISH_ERROR_RETRYABLE },
    { 503, WARTA_PUBLISH_ERROR_RETRYABLE },
    { 504, WARTA_PUBLISH_ERROR_RETRYABLE },
    { 302, WARTA_PUBLISH_ERROR_PROTOCOL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = classify (cases[i].status, NULL, NULL, "<html>oops</html>");

      g_test_message ("HTTP %u: %s", cases[i].status, error->message);
      g_assert_error (error, WARTA_PUBLISH_ERROR, (int) cases[i].code);
      g_assert_cmpuint (warta_publish_error_get_http_status (error), ==, cases[i].status);
      g_assert_true (strstr (error->message, "Example") != NULL);
      g_assert_cmpint (warta_publish_error_is_retryable (error), ==,
                       cases[i].code == WARTA_PUBLISH_ERROR_RETRYABLE ||
                       cases[i].code == WARTA_PUBLISH_ERROR_RATE_LIMITED);
    }

  {
    g_autoptr(GError) error = classify (401, NULL, NULL, NULL);

    g_assert_true (strstr (error->message, "Sign in again") != NULL);
    g_assert_cmpint (warta_publish_error_get_retry_at (error), ==, 0);
  }
  {
    /* A permanent error is not retried whatever Retry-After says. */
    g_autoptr(GError) error = classify (400, "Retry-After", "30", NULL);

    g_assert_cmpint (warta_publish_error_get_retry_at (error), ==, 0);
  }
}

static gint64
wib_us (int year, int month, int day, int hour, int minute, int second)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (7 * 3600);
  g_autoptr(GDateTime) dt = g_date_time_new (wib, year, month, day, hour, minute, second);

  return g_date_time_to_unix (dt) * G_USEC_PER_SEC;
}

/* A retry time reads as the app writes times: no seconds, the date
 * when it is not today (in the zone it is read in), and the zone's name,
 * as the publish view's other times ("10:09 WIB"). */
static void
test_retry_time (void)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  gint64 now = wib_us (2026, 11, 27, 10, 0, 0);
  g_autofree char *today = warta_publish_error_format_retry_time (wib, wib_us (2026, 11, 27, 10, 9, 30), now);
  g_autofree char *tomorrow = warta_publish_error_format_retry_time (wib, wib_us (2026, 11, 28, 10, 9, 0), now);
  /* 23:30 and 00:10 WIB are the same day in UTC, not in WIB. */
  g_autofree char *after_midnight = warta_publish_error_format_retry_time (wib, wib_us (2026, 11, 28, 0, 10, 0),
                                                                          wib_us (2026, 11, 27, 23, 30, 0));
  g_autoptr(GError) error = classify (429, "Retry-After", "90", NULL);
  g_autoptr(GRegex) seconds = g_regex_new ("[0-9]:[0-9][0-9]:[0-9]", 0, 0, NULL);
  g_autofree char *when = warta_publish_error_format_retry_time (NULL, warta_publish_error_get_retry_at (error),
                                                                g_get_real_time ());
  g_autofree char *advice = g_strdup_printf ("Warta will try again after %s.", when);

  g_assert_cmpstr (today, ==, "10:09 WIB");
  g_assert_cmpstr (tomorrow, ==, "28 Nov 2026, 10:09 WIB");
  g_assert_cmpstr (after_midnight, ==, "28 Nov 2026, 00:10 WIB");

  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_suffix (error->message, advice));
  g_assert_false (g_regex_match (seconds, error->message, 0, NULL));
}

static void
speak_indonesian (gboolean indonesian)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  if (indonesian)
    g_setenv ("LANGUAGE", "id", TRUE);
  else
    g_unsetenv ("LANGUAGE");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* A platform's client writes the retry time in the computer's zone (it
 * does not know the office's); the outbox writes it again in the
 * office's, and in the translated form ("10.09" in Indonesian). */
static void
test_retry_in_office_zone (void)
{
  g_autofree char *tz = g_strdup (g_getenv ("TZ"));
  g_autoptr(GTimeZone) wib = g_time_zone_new_identifier ("Asia/Jakarta");
  gint64 now = wib_us (2026, 11, 27, 10, 0, 0);
  gint64 at = wib_us (2026, 11, 27, 10, 9, 30);
  g_autofree char *message = NULL;
  g_autofree char *in_office = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *indonesian = NULL;

  /* The computer is in São Paulo: 10:09 WIB is 00:09 there. */
  g_setenv ("TZ", "America/Sao_Paulo", TRUE);
  message = warta_publish_error_format_retry ("Example has had too many requests from this account.", at);
  g_test_message ("%s", message);
  g_assert_null (strstr (message, "10:09"));
  in_office = warta_publish_error_dup_in_zone (message, at, wib, now);
  g_assert_cmpstr (in_office, ==,
                   "Example has had too many requests from this account. Warta will try again after 10:09 WIB.");
  /* Nothing to write again: as it is. */
  unchanged = warta_publish_error_dup_in_zone ("Example refused the post.", at, wib, now);
  g_assert_cmpstr (unchanged, ==, "Example refused the post.");
  if (tz != NULL)
    g_setenv ("TZ", tz, TRUE);
  else
    g_unsetenv ("TZ");

  speak_indonesian (TRUE);
  indonesian = warta_publish_error_format_retry_time (wib, at, now);
  speak_indonesian (FALSE);
  g_assert_cmpstr (indonesian, ==, "10.09 WIB");
}

/* A retryable message is its reason and one sentence on the next try;
 * the reason alone is what is left when Warta no longer tries. */
static void
test_retry_reason (void)
{
  g_autoptr(GError) limited = classify (429, "Retry-After", "90", NULL);
  g_autoptr(GError) failing = classify (503, NULL, NULL, NULL);
  g_autofree char *later = warta_publish_error_format_retry ("Mastodon is still processing the file.", 0);
  g_autofree char *reason = NULL;

  g_assert_true (g_str_has_prefix (limited->message, "Example has had too many requests from this account. Warta will try again after "));
  reason = warta_publish_error_dup_retry_reason (limited->message);
  g_assert_cmpstr (reason, ==, "Example has had too many requests from this account.");
  g_clear_pointer (&reason, g_free);

  g_prefix_error (&failing, "%s", "Step 2: ");
  reason = warta_publish_error_dup_retry_reason (failing->message);
  g_assert_true (g_str_has_prefix (reason, "Step 2: Example is not working properly right now (HTTP 503)"));
  g_assert_null (strstr (reason, "try again"));
  g_clear_pointer (&reason, g_free);

  g_assert_cmpstr (later, ==, "Mastodon is still processing the file. Warta will try again later.");
  reason = warta_publish_error_dup_retry_reason (later);
  g_assert_cmpstr (reason, ==, "Mastodon is still processing the file.");
  g_clear_pointer (&reason, g_free);

  /* With the zone's name, and as messages stored before it had one. */
  reason = warta_publish_error_dup_retry_reason ("Example is busy. Warta will try again after 06:47 WIB.");
  g_assert_cmpstr (reason, ==, "Example is busy.");
  g_clear_pointer (&reason, g_free);
  reason = warta_publish_error_dup_retry_reason ("Example is busy. Warta will try again after 28 Nov 2026, 06:47 WIB.");
  g_assert_cmpstr (reason, ==, "Example is busy.");
  g_clear_pointer (&reason, g_free);
  reason = warta_publish_error_dup_retry_reason ("Example is busy. Warta will try again after 06:47.");
  g_assert_cmpstr (reason, ==, "Example is busy.");
  g_clear_pointer (&reason, g_free);

  /* Nothing to take away: all of it. */
  reason = warta_publish_error_dup_retry_reason ("Warta will try again later.");
  g_assert_cmpstr (reason, ==, "Warta will try again later.");
  g_clear_pointer (&reason, g_free);
  reason = warta_publish_error_dup_retry_reason ("Example rejected the post (HTTP 400).");
  g_assert_cmpstr (reason, ==, "Example rejected the post (HTTP 400).");
  g_assert_null (warta_publish_error_dup_retry_reason (NULL));
}

/* A platform that refuses with only its status and the status's English
 * reason phrase ("Unprocessable Entity") gets Warta's own, translated
 * words for the status; words of its own are quoted as they are. */
static void
test_status_words (void)
{
  /* As servers send them: libsoup's, and names it lacks or has older. */
  static const struct {
    guint status;
    const char *phrase;
  } statuses[] = {
    { 400, "Bad Request" }, { 401, "Unauthorized" }, { 403, "Forbidden" }, { 404, "Not Found" },
    { 409, "Conflict" }, { 413, "Request Entity Too Large" }, { 413, "Payload Too Large" },
    { 413, "Content Too Large" }, { 415, "Unsupported Media Type" },
    { 422, "Unprocessable Entity" }, { 422, "Unprocessable Content" },
    { 429, "Too Many Requests" }, { 500, "Internal Server Error" }, { 502, "Bad Gateway" },
    { 503, "Service Unavailable" },
  };
  /* Bodies around the phrase: none, {"error"}, {"message"}, Google's and Meta's. */
  static const char * const shapes[][2] = {
    { NULL, NULL }, { "{\"error\": \"", "\"}" }, { "{\"message\": \"", "\"}" },
    { "{\"error\": {\"message\": \"", ".\"}}" },
  };

  for (guint lang = 0; lang < 2; lang++)
    {
      speak_indonesian (lang == 1);
      for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
        {
          const char *phrase = statuses[i].phrase;
          g_autofree char *http = g_strdup_printf ("HTTP %u", statuses[i].status);
          g_autofree char *first = NULL;

          for (guint j = 0; j < G_N_ELEMENTS (shapes); j++)
            {
              g_autofree char *body = shapes[j][0] ? g_strconcat (shapes[j][0], phrase, shapes[j][1], NULL)
                                                   : NULL;
              g_autoptr(GError) error = classify (statuses[i].status, NULL, NULL, body);

              g_test_message ("%s: %s", body ? body : "(no body)", error->message);
              g_assert_null (strstr (error->message, phrase));
              g_assert_null (warta_publish_error_get_platform_message (error));
              /* The same words whatever shape the phrase came in. */
              if (first == NULL)
                first = g_strdup (error->message);
              g_assert_cmpstr (error->message, ==, first);
            }
          if (statuses[i].status != 401 && statuses[i].status != 403 &&
              statuses[i].status != 429)
            g_assert_nonnull (strstr (first, http));
        }
    }

  /* What each says, in English and in Indonesian. */
  {
    static const struct {
      guint status;
      const char *english;
      const char *indonesian;
    } said[] = {
      { 400, "the request was not valid", "permintaannya tidak sah" },
      { 404, "what Warta asked for is not there", "yang diminta Warta tidak ada" },
      { 409, "it conflicts with what is already there", "bertentangan dengan yang sudah ada" },
      { 413, "it is too large", "terlalu besar" },
      { 415, "of a type the site does not allow", "berjenis yang tidak diizinkan situs" },
      { 422, "the site could not process its content", "situs tidak dapat memproses isinya" },
    };

    for (guint lang = 0; lang < 2; lang++)
      {
        speak_indonesian (lang == 1);
        for (guint i = 0; i < G_N_ELEMENTS (said); i++)
          {
            g_autoptr(GError) error = classify (said[i].status, NULL, NULL, NULL);

            g_test_message ("%s", error->message);
            g_assert_nonnull (strstr (error->message, lang ? said[i].indonesian : said[i].english));
          }
      }
  }
  speak_indonesian (FALSE);

  /* The platform's own words stay, quoted, even next to a bare status. */
  {
    g_autoptr(GError) error = classify (422, NULL, NULL,
                                        "{\"error\": \"Validation failed: Text character limit of 500 exceeded\"}");

    g_assert_nonnull (strstr (error->message, "“Validation failed: Text character limit of 500 exceeded”"));
    g_assert_cmpstr (warta_publish_error_get_platform_message (error), ==,
                     "Validation failed: Text character limit of 500 exceeded");
  }
}

/* A refused file cannot be changed in the publish view once approved:
 * the advice is to have a corrected one approved, or to upload by hand. */
static void
test_file_refused (void)
{
  static const char *advice = " Have the publication returned for correction and a corrected file approved again, or upload it manually.";
  g_autoptr(GError) said = classify (413, NULL, NULL, "{\"error\": \"File is larger than 40 MB\"}");
  g_autoptr(GError) bare = classify (415, NULL, NULL, NULL);

  g_test_message ("%s", said->message);
  g_test_message ("%s", bare->message);
  g_assert_true (g_str_has_prefix (said->message, "Example did not accept the file: “File is larger than 40 MB”."));
  g_assert_true (g_str_has_suffix (said->message, advice));
  g_assert_true (g_str_has_suffix (bare->message, advice));
  g_assert_null (strstr (bare->message, "rendition"));
}

/* The extended error's data survives copies and prefixes. */
static void
test_error_private (void)
{
  g_autoptr(GError) error = classify (429, "Retry-After", "90", NULL);
  g_autoptr(GError) copy = NULL;
  gint64 at = warta_publish_error_get_retry_at (error);

  g_assert_cmpint (at, >, g_get_real_time () + 85 * G_USEC_PER_SEC);
  g_assert_cmpint (at, <, g_get_real_time () + 95 * G_USEC_PER_SEC);
  g_prefix_error (&error, "%s", "Step 2: ");
  copy = g_error_copy (error);
  g_assert_cmpint (warta_publish_error_get_retry_at (copy), ==, at);
  g_assert_cmpuint (warta_publish_error_get_http_status (copy), ==, 429);
  g_assert_true (g_str_has_prefix (copy->message, "Step 2: "));
  g_assert_cmpint (warta_publish_error_get_retry_at (NULL), ==, 0);
}

static void
test_retry_at (void)
{
  g_autoptr(SoupMessageHeaders) h = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2031, 5, 6, 7, 8, 9);
  g_autofree char *http_date = soup_date_time_to_string (when, SOUP_DATE_HTTP);
  gint64 when_us = g_date_time_to_unix (when) * G_USEC_PER_SEC;
  gint64 now = G_GINT64_CONSTANT (1700000000) * G_USEC_PER_SEC;

  g_assert_cmpint (warta_http_parse_retry_at (429, h, now), ==, 0);

  soup_message_headers_replace (h, "Retry-After", "120");
  g_assert_cmpint (warta_http_parse_retry_at (503, h, now), ==, now + 120 * G_USEC_PER_SEC);

  soup_message_headers_replace (h, "Retry-After", http_date);
  g_assert_cmpint (warta_http_parse_retry_at (503, h, now), ==, when_us);

  /* A date in the past means now. */
  g_assert_cmpint (warta_http_parse_retry_at (503, h, when_us + 10), ==, when_us + 10);

  soup_message_headers_remove (h, "Retry-After");
  /* Mastodon: ISO 8601 reset, which counts on a 429 … */
  soup_message_headers_replace (h, "X-RateLimit-Reset", "2031-05-06T07:08:09.500000Z");
  soup_message_headers_replace (h, "X-RateLimit-Remaining", "12");
  g_assert_cmpint (warta_http_parse_retry_at (429, h, now), ==, when_us + 500000);
  /* … or when nothing remains, but not on a normal answer. */
  g_assert_cmpint (warta_http_parse_retry_at (200, h, now), ==, 0);
  soup_message_headers_replace (h, "X-RateLimit-Remaining", "0");
  g_assert_cmpint (warta_http_parse_retry_at (200, h, now), ==, when_us + 500000);

  /* X: Unix seconds; IETF RateLimit-Reset: delta seconds; milliseconds. */
  soup_message_headers_remove (h, "X-RateLimit-Reset");
  soup_message_headers_replace (h, "X-Rate-Limit-Reset", "1700000600");
  g_assert_cmpint (warta_http_parse_retry_at (429, h, now), ==, now + 600 * G_USEC_PER_SEC);
  soup_message_headers_remove (h, "X-Rate-Limit-Reset");
  soup_message_headers_replace (h, "RateLimit-Reset", "42");
  g_assert_cmpint (warta_http_parse_retry_at (429, h, now), ==, now + 42 * G_USEC_PER_SEC);
  soup_message_headers_replace (h, "RateLimit-Reset", "1700000001000");
  g_assert_cmpint (warta_http_parse_retry_at (429, h, now), ==, now + G_USEC_PER_SEC);

  soup_message_headers_replace (h, "RateLimit-Reset", "soon");
  g_assert_cmpint (warta_http_parse_retry_at (429, h, now), ==, 0);
}

static void
test_backoff (void)
{
  WartaRetryPolicy policy;
  g_autoptr(GError) retryable = classify (503, NULL, NULL, NULL);
  g_autoptr(GError) permanent = classify (422, NULL, NULL, NULL);
  g_autoptr(GError) limited = classify (429, "Retry-After", "3", NULL);
  g_autoptr(GError) far = classify (429, "Retry-After", "3600", NULL);
  gint64 now = g_get_real_time ();

  warta_retry_policy_init_default (&policy);
  policy.initial_delay_ms = 1000;
  policy.max_delay_ms = 8000;
  policy.max_attempts = 6;
  policy.max_wait_ms = 60000;
  policy.jitter = 0.5;

  for (guint round = 0; round < 50; round++)
    {
      for (guint attempt = 1; attempt < 6; attempt++)
        {
          gint64 full = MIN (1000 << (attempt - 1), 8000);
          gint64 delay = warta_retry_policy_next_delay (&policy, attempt, retryable, now);

          g_assert_cmpint (delay, <=, full);
          g_assert_cmpint (delay, >=, full / 2);
        }
      /* Retry-After is a floor, with a little jitter after it. */
      {
        gint64 delay = warta_retry_policy_next_delay (&policy, 1, limited, now);

        g_assert_cmpint (delay, >=, 3000 - 1);
        g_assert_cmpint (delay, <=, 3000 + 500 + 1);
      }
    }

  g_assert_cmpint (warta_retry_policy_next_delay (&policy, 6, retryable, now), ==, -1);
  g_assert_cmpint (warta_retry_policy_next_delay (&policy, 1, permanent, now), ==, -1);
  /* An hour is the outbox's to wait, not this request's. */
  g_assert_cmpint (warta_retry_policy_next_delay (&policy, 1, far, now), ==, -1);
  g_assert_cmpint (warta_publish_error_get_retry_at (far), >, now);

  policy.jitter = 0.0;
  g_assert_cmpint (warta_retry_policy_next_delay (&policy, 1, retryable, now), ==, 1000);
  g_assert_cmpint (warta_retry_policy_next_delay (&policy, 3, retryable, now), ==, 4000);
  g_assert_cmpint (warta_retry_policy_next_delay (&policy, 5, retryable, now), ==, 8000);
}

static void
test_transport (void)
{
  struct {
    GQuark domain;
    int code;
    WartaPublishError expected;
  } cases[] = {
    { 0, G_IO_ERROR_CANCELLED, WARTA_PUBLISH_ERROR_CANCELLED },
    { 0, G_IO_ERROR_TIMED_OUT, WARTA_PUBLISH_ERROR_RETRYABLE },
    { 0, G_IO_ERROR_CONNECTION_REFUSED, WARTA_PUBLISH_ERROR_RETRYABLE },
    { 0, G_IO_ERROR_CONNECTION_CLOSED, WARTA_PUBLISH_ERROR_RETRYABLE },
    { 0, G_IO_ERROR_PARTIAL_INPUT, WARTA_PUBLISH_ERROR_RETRYABLE },
    { 1, G_TLS_ERROR_BAD_CERTIFICATE, WARTA_PUBLISH_ERROR_PROTOCOL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GQuark domain = cases[i].domain ? G_TLS_ERROR : G_IO_ERROR;
      g_autoptr(GError) io = g_error_new_literal (domain, cases[i].code, "low-level");
      g_autoptr(GError) error = warta_publish_error_new_from_transport ("Example", io);

      g_assert_error (error, WARTA_PUBLISH_ERROR, (int) cases[i].expected);
    }
}

/* On a step that makes nothing public, an answer that could not be read
 * becomes retryable as a 5xx is, with its status and the platform's words;
 * a certificate not trusted, or any other error, stays as it is. */
static void
test_retry_unread (void)
{
  g_autoptr(GError) page = classify (200, NULL, NULL, "<html><body>Login</body></html>");
  g_autoptr(GError) tls_io = g_error_new_literal (G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                                                  "low-level");
  g_autoptr(GError) tls = warta_publish_error_new_from_transport ("Example", tls_io);
  g_autoptr(GError) rejected = classify (400, NULL, NULL, "{\"message\": \"no\"}");
  GError *same;

  g_assert_error (page, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL);
  warta_publish_error_set_platform (page, "proxy", "Login");
  page = warta_publish_error_retry_unread ("Example", page);
  g_assert_error (page, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
  g_assert_true (warta_publish_error_is_retryable (page));
  g_assert_cmpstr (page->message, ==,
                   "Example’s answer could not be read; a proxy, firewall or security plugin "
                   "may be in the way. Warta will try again later.");
  g_assert_cmpuint (warta_publish_error_get_http_status (page), ==, 200);
  g_assert_cmpstr (warta_publish_error_get_platform_code (page), ==, "proxy");
  g_assert_cmpstr (warta_publish_error_get_platform_message (page), ==, "Login");

  same = tls;
  tls = warta_publish_error_retry_unread ("Example", g_steal_pointer (&tls));
  g_assert_true (tls == same);
  g_assert_error (tls, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL);
  /* Its copies too (g_task_propagate_error() and prefixes copy). */
  same = g_error_copy (tls);
  same = warta_publish_error_retry_unread ("Example", same);
  g_assert_error (same, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL);
  g_error_free (same);

  same = rejected;
  rejected = warta_publish_error_retry_unread ("Example", g_steal_pointer (&rejected));
  g_assert_true (rejected == same);
  g_assert_error (rejected, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_REJECTED);
}

typedef struct
{
  char *url;
  guint built;
} MessageData;

static SoupMessage *
build_get (guint     attempt,
           gpointer  user_data,
           GError  **error)
{
  MessageData *d = user_data;

  d->built++;
  return soup_message_new (SOUP_METHOD_GET, d->url);
}

static JsonNode *
request (WartaHttpClient  *client,
         const char       *url,
         guint            *built,
         guint            *status,
         GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  MessageData d = { (char *) url, 0 };
  JsonNode *node;

  warta_http_client_request_json_async (client, "Example", build_get, &d, NULL, NULL, NULL,
                                        store_result_cb, &result);
  node = warta_http_client_request_json_finish (client, wait_for (&result), status, error);
  if (built)
    *built = d.built;
  return node;
}

static void
test_user_agent (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_MASTODON);
  g_autoptr(WartaHttpClient) client = fast_client (1);
  g_autofree char *url = g_strconcat (warta_test_server_get_url (server), "/api/v2/instance", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint status = 0;

  node = request (client, url, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpstr (warta_test_server_get_last_header (server, "User-Agent"), ==,
                   "Warta/" PACKAGE_VERSION);
  g_assert_cmpstr (warta_test_server_get_last_header (server, "Accept"), ==, "application/json");
}

/* 503 (an HTML page from a proxy), then 500, then the answer. */
static void
test_retry_5xx (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_MASTODON);
  g_autoptr(WartaHttpClient) client = fast_client (5);
  g_autofree char *url = g_strconcat (warta_test_server_get_url (server), "/api/v2/instance", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint built = 0;

  warta_test_server_add_fault (server, "GET", "/api/v2/instance", 1, WARTA_TEST_FAULT_STATUS, 503);
  warta_test_server_add_fault (server, "GET", "/api/v2/instance", 2, WARTA_TEST_FAULT_STATUS, 500);
  node = request (client, url, &built, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpuint (built, ==, 3);
  g_assert_cmpuint (warta_test_server_count_requests (server, "GET", "/api/v2/instance"), ==, 3);
}

static void
test_retry_gives_up (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_MASTODON);
  g_autoptr(WartaHttpClient) client = fast_client (3);
  g_autofree char *url = g_strconcat (warta_test_server_get_url (server), "/api/v2/instance", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  guint built = 0;

  warta_test_server_add_fault (server, "GET", "/api/v2/instance", 0, WARTA_TEST_FAULT_STATUS, 503);
  node = request (client, url, &built, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
  g_assert_cmpuint (warta_publish_error_get_http_status (error), ==, 503);
  g_assert_cmpuint (built, ==, 3);
}

/* The instance's answer, not one without its "domain". */
static gboolean
has_domain (SoupMessage *msg,
         JsonNode    *answer,
         gpointer     user_data)
{
  return JSON_NODE_HOLDS_OBJECT (answer) &&
         json_object_has_member (json_node_get_object (answer), "domain");
}

/* GET /api/v2/instance of a Mastodon whose first @times answers (0: all)
 * are a 200 with @body, as a step that makes nothing public (@step) or as
 * a plain request; *@built: the attempts. */
static JsonNode *
answered (guint         max_attempts,
          guint         times,
          const char   *content_type,
          const char   *body,
          gboolean      step,
          guint        *built,
          GError      **error)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_MASTODON);
  g_autoptr(WartaHttpClient) client = fast_client (max_attempts);
  g_autofree char *url = g_strconcat (warta_test_server_get_url (server), "/api/v2/instance", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  MessageData d = { url, 0 };
  JsonNode *node;

  for (guint nth = times ? 1 : 0; nth <= times; nth++)
    warta_test_server_add_answer (server, "GET", "/api/v2/instance", nth, FALSE, 200, NULL,
                                  content_type, body);
  if (step)
    warta_http_client_request_step_async (client, "Example", build_get, &d, NULL, NULL, has_domain,
                                          NULL, store_result_cb, &result);
  else
    warta_http_client_request_json_async (client, "Example", build_get, &d, NULL, NULL, NULL,
                                          store_result_cb, &result);
  node = warta_http_client_request_json_finish (client, wait_for (&result), NULL, error);
  *built = d.built;
  return node;
}

/* A step that makes nothing public, answered with a 200 that is not JSON
 * or lacks what it needs, is asked again as after a 5xx, within the
 * attempts; then the last such answer comes back for the caller to say
 * what is wrong, or the error of one that was not JSON. A plain request
 * is not asked again. */
static void
test_unreadable_step (void)
{
  g_autoptr(WartaHttpClient) client = fast_client (3);
  g_autoptr(GError) permanent = classify (422, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint built = 0;

  {
    g_autoptr(JsonNode) node = answered (3, 1, "text/html", "<html></html>", TRUE, &built,
                                         &error);

    g_assert_no_error (error);
    g_assert_true (has_domain (NULL, node, NULL));
    g_assert_cmpuint (built, ==, 2);
  }
  {
    g_autoptr(JsonNode) node = answered (3, 2, "application/json", "{\"ok\": true}", TRUE,
                                         &built, &error);

    g_assert_no_error (error);
    g_assert_true (has_domain (NULL, node, NULL));
    g_assert_cmpuint (built, ==, 3);
  }
  {
    g_autoptr(JsonNode) node = answered (3, 0, "application/json", "{\"ok\": true}", TRUE,
                                         &built, &error);

    g_assert_no_error (error);
    g_assert_false (has_domain (NULL, node, NULL));
    g_assert_cmpuint (built, ==, 3);
  }
  {
    g_autoptr(JsonNode) node = answered (3, 0, "text/html", "<html></html>", TRUE, &built,
                                         &error);

    g_assert_null (node);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL);
    g_assert_cmpuint (built, ==, 3);
    g_clear_error (&error);
  }
  {
    g_autoptr(JsonNode) node = answered (3, 1, "text/html", "<html></html>", FALSE, &built,
                                         &error);

    g_assert_null (node);
    g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL);
    g_assert_cmpuint (built, ==, 1);
    g_clear_error (&error);
  }

  /* The same for a step's own loop. */
  g_assert_cmpint (warta_http_client_next_step_delay (client, 1, permanent, TRUE), >=, 0);
  g_assert_cmpint (warta_http_client_next_step_delay (client, 3, permanent, TRUE), ==, -1);
  g_assert_cmpint (warta_http_client_next_step_delay (client, 1, permanent, FALSE), ==, -1);
}

/* A 429 with Retry-After: 1 is retried after a second, not before. */
static void
test_retry_after_honoured (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(WartaHttpClient) client = fast_client (3);
  g_autofree char *url = g_strconcat (warta_test_server_get_url (server), "/wp-json/", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 start = g_get_monotonic_time ();

  warta_test_server_add_fault (server, "GET", "/wp-json", 1, WARTA_TEST_FAULT_RATE_LIMIT, 1);
  node = request (client, url, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC - 1000);
  g_assert_cmpuint (warta_test_server_count_requests (server, "GET", "/wp-json"), ==, 2);
}

/* Too long a wait is left to the outbox, with the time in the error. */
static void
test_rate_limit_long (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_MASTODON);
  g_autoptr(WartaHttpClient) client = fast_client (3);
  g_autofree char *url = g_strconcat (warta_test_server_get_url (server), "/api/v1/media/1", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  gint64 now = g_get_real_time ();

  warta_test_server_add_fault (server, "GET", "/api/v1/media", 1, WARTA_TEST_FAULT_RATE_LIMIT, 600);
  node = request (client, url, NULL, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RATE_LIMITED);
  g_assert_cmpint (warta_publish_error_get_retry_at (error), >=, now + 595 * G_USEC_PER_SEC);
  g_assert_cmpint (warta_publish_error_get_retry_at (error), <=, now + 605 * G_USEC_PER_SEC);
  /* {"error": "Too many requests"} is only the status's English name:
   * not quoted as the platform's words. */
  g_assert_null (warta_publish_error_get_platform_message (error));
  g_assert_cmpuint (warta_test_server_count_requests (server, "GET", "/api/v1/media"), ==, 1);
}

static void
test_timeout (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_MASTODON);
  g_autoptr(WartaHttpClient) client = fast_client (1);
  g_autofree char *url = g_strconcat (warta_test_server_get_url (server), "/api/v2/instance", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  warta_http_client_set_timeout (client, 1);
  warta_test_server_add_fault (server, "GET", "/api/v2/instance", 1, WARTA_TEST_FAULT_DELAY, 3000);
  node = request (client, url, NULL, NULL, &error);
  g_assert_null (node);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE);
  g_assert_true (strstr (error->message, "did not answer in time") != NULL);
}

static void
cancel_cb (GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
test_wait_cancel (void)
{
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  warta_http_client_wait_async (client, 10000, cancellable, store_result_cb, &result);
  g_timeout_add_once (50, (GSourceOnceFunc) cancel_cb, cancellable);
  g_assert_false (warta_http_client_wait_finish (client, wait_for (&result), &error));
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  g_clear_object (&result);
  g_clear_error (&error);
  warta_http_client_wait_async (client, 10, NULL, store_result_cb, &result);
  g_assert_true (warta_http_client_wait_finish (client, wait_for (&result), &error));
  g_assert_no_error (error);
}

/* Streamed uploads ------------------------------------------------------- */

/* Endless deterministic bytes up to a size, remembering the largest read
 * libsoup asked for: a client that slurped the file would ask for all. */
#define TEST_TYPE_PATTERN_STREAM (test_pattern_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestPatternStream, test_pattern_stream, TEST, PATTERN_STREAM, GInputStream)

struct _TestPatternStream
{
  GInputStream parent_instance;
  guint64 size;
  guint64 offset;
  gsize *max_read;
};

G_DEFINE_FINAL_TYPE (TestPatternStream, test_pattern_stream, G_TYPE_INPUT_STREAM)

static void
fill_pattern (guchar  *buffer,
              guint64  offset,
              gsize    count)
{
  for (gsize i = 0; i < count; i++)
    buffer[i] = (guchar) ((offset + i) % 251);
}

static gssize
test_pattern_stream_read (GInputStream  *stream,
                          void          *buffer,
                          gsize          count,
                          GCancellable  *cancellable,
                          GError       **error)
{
  TestPatternStream *self = TEST_PATTERN_STREAM (stream);
  gsize n = (gsize) MIN ((guint64) count, self->size - self->offset);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  *self->max_read = MAX (*self->max_read, count);
  fill_pattern (buffer, self->offset, n);
  self->offset += n;
  return (gssize) n;
}

static void
test_pattern_stream_class_init (TestPatternStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_pattern_stream_read;
}

static void
test_pattern_stream_init (TestPatternStream *self)
{
}

typedef struct
{
  guint64 size;
  gsize max_read;
  guint opened;
} Pattern;

static GInputStream *
open_pattern (gpointer       user_data,
              GCancellable  *cancellable,
              GError       **error)
{
  Pattern *p = user_data;
  TestPatternStream *stream = g_object_new (TEST_TYPE_PATTERN_STREAM, NULL);

  p->opened++;
  stream->size = p->size;
  stream->max_read = &p->max_read;
  return G_INPUT_STREAM (stream);
}

static char *
pattern_sha1 (guint64 size)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA1);
  g_autofree guchar *buffer = g_malloc (65536);

  for (guint64 offset = 0; offset < size; offset += 65536)
    {
      gsize n = (gsize) MIN (65536, size - offset);

      fill_pattern (buffer, offset, n);
      g_checksum_update (sum, buffer, n);
    }
  return g_strdup (g_checksum_get_string (sum));
}

typedef struct
{
  double last_fraction;
  guint notifications;
  gboolean monotonic;
  guint64 cancel_after;
  GCancellable *cancellable;
} Progress;

static void
fraction_cb (WartaUpload *upload,
             GParamSpec  *pspec,
             Progress    *p)
{
  double fraction = warta_upload_get_fraction (upload);

  if (fraction < p->last_fraction && fraction != 0.0)
    p->monotonic = FALSE;
  p->last_fraction = fraction;
  p->notifications++;
  if (p->cancellable && warta_upload_get_bytes_sent (upload) >= p->cancel_after)
    g_cancellable_cancel (p->cancellable);
}

static SoupMessage *
wp_media_message_at (const char *base_url,
                     const char *filename)
{
  g_autofree char *url = g_strconcat (base_url, "/wp-json/wp/v2/media", NULL);
  g_autofree char *userpass = g_strdup_printf ("%s:%s", WARTA_TEST_WP_USER,
                                               WARTA_TEST_WP_APP_PASSWORD);
  g_autofree char *b64 = g_base64_encode ((const guchar *) userpass, strlen (userpass));
  g_autofree char *auth = g_strconcat ("Basic ", b64, NULL);
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"%s\"", filename);
  SoupMessage *msg = soup_message_new (SOUP_METHOD_POST, url);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Content-Disposition",
                                disposition);
  return msg;
}

static SoupMessage *
wp_media_message (WartaTestServer *server,
                  const char      *filename)
{
  return wp_media_message_at (warta_test_server_get_url (server), filename);
}

static JsonNode *
send_upload (WartaHttpClient  *client,
             SoupMessage      *msg,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  JsonNode *node;

  warta_http_client_send_json_async (client, msg, "WordPress", NULL, cancellable,
                                     store_result_cb, &result);
  node = warta_http_client_send_json_finish (client, wait_for (&result), error);
  if (node == NULL)
    g_test_message ("platform said: %s: %s",
                    warta_publish_error_get_platform_code (*error),
                    warta_publish_error_get_platform_message (*error));
  return node;
}

#define BIG (G_GUINT64_CONSTANT (50) * 1024 * 1024)

static void
test_stream_chunks (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  Pattern pattern = { BIG, 0, 0 };
  g_autoptr(WartaUpload) upload = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *sha1 = pattern_sha1 (BIG);
  Progress progress = { 0.0, 0, TRUE, 0, NULL };

  /* image/png: the test server checks JPEG magic bytes only. */
  upload = warta_upload_new_for_stream_func (open_pattern, &pattern, NULL, BIG, "big.png",
                                             "image/png");
  g_signal_connect (upload, "notify::fraction", G_CALLBACK (fraction_cb), &progress);

  msg = wp_media_message (server, "big.png");
  g_assert_true (warta_http_set_upload_body (msg, upload, &error));
  g_assert_no_error (error);
  g_assert_cmpint (soup_message_headers_get_content_length (soup_message_get_request_headers (msg)),
                   ==, (goffset) BIG);
  node = send_upload (client, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 201);

  g_assert_cmpuint (warta_test_server_get_last_upload_size (server), ==, BIG);
  g_assert_cmpstr (warta_test_server_get_last_upload_sha1 (server), ==, sha1);
  g_assert_cmpstr (warta_test_server_get_last_header (server, "Content-Type"), ==, "image/png");
  /* Read in chunks, never the whole. */
  g_test_message ("largest read: %" G_GSIZE_FORMAT " bytes", pattern.max_read);
  g_assert_cmpuint (pattern.max_read, >, 0);
  g_assert_cmpuint (pattern.max_read, <=, 1024 * 1024);
  g_assert_cmpuint (pattern.opened, ==, 1);

  /* Progress follows what was written, up to 1.0. */
  g_assert_true (progress.monotonic);
  g_assert_cmpuint (progress.notifications, >, 10);
  g_assert_cmpuint (progress.notifications, <=, 1001);
  g_assert_cmpfloat (warta_upload_get_fraction (upload), ==, 1.0);
  g_assert_cmpuint (warta_upload_get_bytes_sent (upload), ==, BIG);
}

#if defined(__SANITIZE_ADDRESS__)
# define UNDER_ASAN 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define UNDER_ASAN 1
# endif
#endif

/* A real 50 MB file: the peak resident memory grows far less than that. */
static void
test_stream_file_rss (void)
{
#ifdef UNDER_ASAN
  g_test_skip ("AddressSanitizer's quarantine keeps freed chunks: resident memory says nothing");
#else
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("warta-upload-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "video.mp4", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree guchar *buffer = g_malloc (1024 * 1024);
  g_autoptr(WartaUpload) upload = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *sha1 = pattern_sha1 (BIG);
  struct rusage before, after;
  long growth_kib;

  g_assert_no_error (error);
  out = g_file_create (file, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  for (guint64 offset = 0; offset < BIG; offset += 1024 * 1024)
    {
      fill_pattern (buffer, offset, 1024 * 1024);
      g_assert_true (g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, 1024 * 1024,
                                                NULL, NULL, &error));
    }
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));

  upload = warta_upload_new_for_file (file, "video/mp4", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_upload_get_total_bytes (upload), ==, BIG);
  g_assert_cmpstr (warta_upload_get_content_type (upload), ==, "video/mp4");

  getrusage (RUSAGE_SELF, &before);
  msg = wp_media_message (server, "video.mp4");
  g_assert_true (warta_http_set_upload_body (msg, upload, &error));
  node = send_upload (client, msg, NULL, &error);
  g_assert_no_error (error);
  getrusage (RUSAGE_SELF, &after);

  growth_kib = after.ru_maxrss - before.ru_maxrss;
  g_test_message ("peak RSS growth for a 50 MiB upload: %ld KiB", growth_kib);
  g_assert_cmpint (growth_kib, <, 16 * 1024);
  g_assert_cmpuint (warta_test_server_get_last_upload_size (server), ==, BIG);
  g_assert_cmpstr (warta_test_server_get_last_upload_sha1 (server), ==, sha1);

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
#endif
}

static void
test_stream_cancel (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Pattern pattern = { BIG, 0, 0 };
  g_autoptr(WartaUpload) upload = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  Progress progress = { 0.0, 0, TRUE, 5 * 1024 * 1024, cancellable };

  upload = warta_upload_new_for_stream_func (open_pattern, &pattern, NULL, BIG, "big.png",
                                             "image/png");
  g_signal_connect (upload, "notify::fraction", G_CALLBACK (fraction_cb), &progress);
  msg = wp_media_message (server, "big.png");
  g_assert_true (warta_http_set_upload_body (msg, upload, &error));
  node = send_upload (client, msg, cancellable, &error);
  g_assert_null (node);
  g_assert_error (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED);
  g_assert_cmpuint (warta_upload_get_bytes_sent (upload), >=, 5 * 1024 * 1024);
  g_assert_cmpuint (warta_upload_get_bytes_sent (upload), <, BIG);
  g_assert_cmpuint (warta_test_server_get_media_count (server), ==, 0);
}

/* A message that restarts (here: a redirect of a GET-like upload is not
 * followed, so restart it by hand) reads the body again from the start. */
static void
test_stream_restart (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  Pattern pattern = { 300000, 0, 0 };
  g_autoptr(WartaUpload) upload = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *sha1 = pattern_sha1 (300000);

  upload = warta_upload_new_for_stream_func (open_pattern, &pattern, NULL, 300000, "r.png",
                                             "image/png");
  msg = wp_media_message (server, "r.png");
  g_assert_true (warta_http_set_upload_body (msg, upload, &error));
  /* What libsoup does on an authentication challenge or a redirect. */
  g_signal_emit_by_name (msg, "restarted");
  g_assert_cmpuint (pattern.opened, ==, 2);
  node = send_upload (client, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_get_last_upload_size (server), ==, 300000);
  g_assert_cmpstr (warta_test_server_get_last_upload_sha1 (server), ==, sha1);
}

/* The socket of an upload, as the client sees it while the body is
 * written (in the client's sending thread) and once it is over. */
/* The bytes written into @socket so far: those the peer has acknowledged
 * and those still in the socket's queue, read until no acknowledgement
 * came in between. */
static guint64
socket_bytes_written (GSocket *socket)
{
  int fd = g_socket_get_fd (socket);

  for (;;)
    {
      struct tcp_info before = { 0 }, after = { 0 };
      socklen_t len = sizeof before;
      int queued = 0;

      g_assert_cmpint (getsockopt (fd, IPPROTO_TCP, TCP_INFO, &before, &len), ==, 0);
      g_assert_cmpint (ioctl (fd, SIOCOUTQ, &queued), ==, 0);
      len = sizeof after;
      g_assert_cmpint (getsockopt (fd, IPPROTO_TCP, TCP_INFO, &after, &len), ==, 0);
      if (before.tcpi_bytes_acked == after.tcpi_bytes_acked)
        return after.tcpi_bytes_acked + (guint64) queued;
    }
}

typedef struct
{
  GSocket *socket;
  int unsent_during;
  guint64 headers;       /* bytes in the socket when the body starts */
  guint64 body_handed;   /* body bytes libsoup has written so far */
  guint pieces;          /* times libsoup wrote a piece of the body */
  guint not_gathered;    /* times the socket had a body piece not 64 KiB */
} SocketSeen;

static void
seen_network_event_cb (SoupMessage        *msg,
                       GSocketClientEvent  event,
                       GIOStream          *connection,
                       SocketSeen         *seen)
{
  if (event == G_SOCKET_CLIENT_CONNECTED && G_IS_SOCKET_CONNECTION (connection))
    g_set_object (&seen->socket, g_socket_connection_get_socket (G_SOCKET_CONNECTION (connection)));
}

static void
seen_wrote_headers_cb (SoupMessage *msg,
                       SocketSeen  *seen)
{
  seen->headers = socket_bytes_written (seen->socket);
}

/* In the thread that writes the body, right after libsoup wrote a piece:
 * the socket has been given the body in 64 KiB pieces only, and holds all
 * but less than 64 KiB of what libsoup wrote. */
static void
seen_wrote_body_data_cb (SoupMessage *msg,
                         guint        count,
                         SocketSeen  *seen)
{
  guint64 in_socket = socket_bytes_written (seen->socket) - seen->headers;

  seen->body_handed += count;
  seen->pieces++;
  if (in_socket % (64 * 1024) != 0 || in_socket > seen->body_handed ||
      seen->body_handed - in_socket >= 64 * 1024)
    seen->not_gathered++;

  if (seen->unsent_during < 0)
    {
      int value = -1;

      if (g_socket_get_option (seen->socket, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &value, NULL))
        seen->unsent_during = value;
    }
}

/* An upload body leaves in pieces of 64 KiB, not libsoup's 8 KiB, and its
 * socket keeps only a short queue of bytes not yet on their way; afterwards
 * the connection is as before, for the requests that reuse it. */
static void
test_stream_socket (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  Pattern pattern = { 4 * 1024 * 1024 + 1000, 0, 0 };
  g_autoptr(WartaUpload) upload = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *sha1 = pattern_sha1 (pattern.size);
  SocketSeen seen = { NULL, -1, 0, 0, 0, 0 };
  int value = -1;

  upload = warta_upload_new_for_stream_func (open_pattern, &pattern, NULL, pattern.size,
                                             "s.png", "image/png");
  msg = wp_media_message (server, "s.png");
  g_assert_true (warta_http_set_upload_body (msg, upload, &error));
  g_signal_connect (msg, "network-event", G_CALLBACK (seen_network_event_cb), &seen);
  g_signal_connect (msg, "wrote-headers", G_CALLBACK (seen_wrote_headers_cb), &seen);
  g_signal_connect (msg, "wrote-body-data", G_CALLBACK (seen_wrote_body_data_cb), &seen);
  node = send_upload (client, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (warta_test_server_get_last_upload_size (server), ==, pattern.size);
  g_assert_cmpstr (warta_test_server_get_last_upload_sha1 (server), ==, sha1);

  g_test_message ("libsoup wrote the body in %u pieces; the socket was given other than "
                  "64 KiB pieces %u times", seen.pieces, seen.not_gathered);
  g_assert_cmpuint (seen.body_handed, ==, pattern.size);
  g_assert_cmpuint (seen.pieces, >=, pattern.size / 8192);
  g_assert_cmpuint (seen.not_gathered, ==, 0);

  g_assert_nonnull (seen.socket);
  g_assert_cmpint (seen.unsent_during, ==, 64 * 1024);
  g_assert_true (g_socket_get_option (seen.socket, IPPROTO_TCP, TCP_NOTSENT_LOWAT, &value, NULL));
  g_assert_cmpint (value, ==, 0);
  g_clear_object (&seen.socket);
}

/* The send buffer on GIO's memory streams: what it gathers, when it sends
 * it, and that nothing is reordered or lost but what is given up on. */
static void
write_piece (GOutputStream *out,
             GByteArray    *expected,
             gsize          size,
             guint8         mark)
{
  g_autofree guint8 *piece = g_malloc (size);
  g_autoptr(GError) error = NULL;

  memset (piece, mark, size);
  g_assert_cmpint (g_output_stream_write (out, piece, size, NULL, &error), ==, (gssize) size);
  g_assert_no_error (error);
  if (expected)
    g_byte_array_append (expected, piece, (guint) size);
}

static gsize
sent_size (GOutputStream *base_out)
{
  return g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (base_out));
}

static void
test_send_buffer (void)
{
  g_autoptr(GInputStream) base_in = g_memory_input_stream_new_from_data ("answer", 6, NULL);
  g_autoptr(GOutputStream) base_out = g_memory_output_stream_new_resizable ();
  g_autoptr(GIOStream) base = g_simple_io_stream_new (base_in, base_out);
  g_autoptr(GIOStream) stream = _warta_send_buffer_stream_new (base);
  g_autoptr(GByteArray) expected = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  GOutputStream *out = g_io_stream_get_output_stream (stream);
  GInputStream *in = g_io_stream_get_input_stream (stream);
  char answer[16] = "";
  gsize before;

  g_assert_true (_warta_send_buffer_for_connection (base) == stream);
  g_assert_true (G_IS_POLLABLE_OUTPUT_STREAM (out));
  g_assert_true (G_IS_POLLABLE_INPUT_STREAM (in));

  /* Not gathering: each write goes at once. */
  write_piece (out, expected, 100, 1);
  g_assert_cmpuint (sent_size (base_out), ==, 100);

  /* Gathering: libsoup's 8 KiB pieces go out 64 KiB at a time. */
  _warta_send_buffer_gather (stream);
  for (guint i = 0; i < 7; i++)
    {
      write_piece (out, expected, 8192, (guint8) (2 + i));
      g_assert_cmpuint (sent_size (base_out), ==, 100);
    }
  write_piece (out, expected, 8192, 9);
  g_assert_cmpuint (sent_size (base_out), ==, 100 + 65536);

  /* A piece as big as the buffer, with nothing gathered, goes as it is. */
  write_piece (out, expected, 100000, 10);
  g_assert_cmpuint (sent_size (base_out), ==, 100 + 65536 + 100000);

  /* What is gathered goes before anything is read... */
  before = sent_size (base_out);
  write_piece (out, expected, 8192, 11);
  g_assert_cmpuint (sent_size (base_out), ==, before);
  g_assert_cmpint (g_input_stream_read (in, answer, sizeof answer, NULL, &error), ==, 6);
  g_assert_no_error (error);
  g_assert_cmpmem (answer, 6, "answer", 6);
  g_assert_cmpuint (sent_size (base_out), ==, before + 8192);

  /* ... on flush... */
  write_piece (out, expected, 1000, 12);
  g_assert_true (g_output_stream_flush (out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sent_size (base_out), ==, before + 8192 + 1000);

  /* ... and before a write from the main loop. */
  before = sent_size (base_out);
  write_piece (out, expected, 1000, 13);
  g_assert_cmpint (g_pollable_output_stream_write_nonblocking (G_POLLABLE_OUTPUT_STREAM (out), "x", 1,
                                                               NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_byte_array_append (expected, (const guint8 *) "x", 1);
  g_assert_cmpuint (sent_size (base_out), ==, before + 1001);

  /* A written body: the rest is sent, and writes go at once again. */
  write_piece (out, expected, 500, 14);
  g_assert_true (_warta_send_buffer_release (stream, TRUE, NULL, &error));
  g_assert_no_error (error);
  before = sent_size (base_out);
  write_piece (out, expected, 10, 15);
  g_assert_cmpuint (sent_size (base_out), ==, before + 10);

  /* A body given up on: the rest is not sent. */
  _warta_send_buffer_gather (stream);
  write_piece (out, NULL, 500, 16);
  g_assert_true (_warta_send_buffer_release (stream, FALSE, NULL, &error));
  g_assert_no_error (error);
  write_piece (out, expected, 10, 17);

  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (base_out)),
                   sent_size (base_out), expected->data, expected->len);

  g_clear_object (&stream);
  g_assert_null (_warta_send_buffer_for_connection (base));
}

/* The session asks the system's proxy resolver (here a fixed one) as
 * before: a proxy it names is used as it is, and only a direct connection
 * to a web address goes through the send buffer. */
static void
test_send_buffer_resolver (void)
{
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  SoupSession *session = warta_http_client_get_session (client);
  const char *ignore[] = { "direct.example", "::1", NULL };
  g_autoptr(GProxyResolver) office = g_simple_proxy_resolver_new ("http://proxy.example:3128",
                                                                 (char **) ignore);
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(GStrv) async_proxies = NULL;
  g_autoptr(GError) error = NULL;
  GProxyResolver *resolver;
  const struct
  {
    const char *uri;
    const char *proxy;
  } cases[] = {
    { "http://direct.example:80", "warta-send-buffer://direct.example:80" },
    { "https://direct.example:443", "warta-send-buffer://direct.example:443" },
    { "http://[::1]:8080", "warta-send-buffer://[::1]:8080" },
    { "https://elsewhere.example:443", "http://proxy.example:3128" },
    { "ftp://direct.example:21", "direct://" },
  };

  _warta_send_buffer_install (session, office);
  resolver = soup_session_get_proxy_resolver (session);
  g_assert_true (g_proxy_resolver_is_supported (resolver));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) proxies = g_proxy_resolver_lookup (resolver, cases[i].uri, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (proxies);
      g_assert_cmpstr (proxies[0], ==, cases[i].proxy);
      g_assert_null (proxies[1]);
    }

  g_proxy_resolver_lookup_async (resolver, "https://direct.example:443", NULL, store_result_cb,
                                 &result);
  async_proxies = g_proxy_resolver_lookup_finish (resolver, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (async_proxies[0], ==, "warta-send-buffer://direct.example:443");
}

/* Through an office's proxy, an upload goes to the proxy as before (here
 * the WordPress test server itself, answering for a host that does not
 * exist), whole. */
static void
test_send_buffer_office_proxy (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new (WARTA_TEST_WORDPRESS);
  g_autoptr(WartaHttpClient) client = warta_http_client_new ();
  g_autoptr(GProxyResolver) office = NULL;
  Pattern pattern = { 1024 * 1024 + 5, 0, 0 };
  g_autoptr(WartaUpload) upload = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *sha1 = pattern_sha1 (pattern.size);

  office = g_simple_proxy_resolver_new (warta_test_server_get_url (server), NULL);
  _warta_send_buffer_install (warta_http_client_get_session (client), office);
  upload = warta_upload_new_for_stream_func (open_pattern, &pattern, NULL, pattern.size,
                                             "p.png", "image/png");
  msg = wp_media_message_at ("http://wordpress.invalid", "p.png");
  g_assert_true (warta_http_set_upload_body (msg, upload, &error));
  node = send_upload (client, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpuint (warta_test_server_get_last_upload_size (server), ==, pattern.size);
  g_assert_cmpstr (warta_test_server_get_last_upload_sha1 (server), ==, sha1);
}

/* Over TLS the send buffer sits under the encryption: handshakes, requests
 * from the main loop and an upload body gathered from the upload's thread
 * all get through. */
static void
test_send_buffer_tls (void)
{
  g_autoptr(WartaTestServer) server = warta_test_server_new_https (WARTA_TEST_WORDPRESS);
  g_autoptr(WartaHttpClient) client = fast_client (1);
  g_autofree char *anchors = NULL;
  g_autoptr(GTlsDatabase) database = NULL;
  g_autofree char *url = NULL;
  Pattern pattern = { 3 * 1024 * 1024 + 77, 0, 0 };
  g_autoptr(WartaUpload) upload = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autofree char *sha1 = pattern_sha1 (pattern.size);
  guint status = 0;
  int fd;

  g_assert_true (g_str_has_prefix (warta_test_server_get_url (server), "https://"));
  fd = g_file_open_tmp ("warta-anchors-XXXXXX.pem", &anchors, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (anchors, warta_test_server_get_certificate_pem (), -1, &error));
  database = g_tls_file_database_new (anchors, &error);
  g_assert_no_error (error);
  soup_session_set_tls_database (warta_http_client_get_session (client), database);

  /* Connected and shaken hands from the main loop... */
  url = g_strconcat (warta_test_server_get_url (server), "/wp-json/wp/v2/media", NULL);
  answer = request (client, url, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&answer, json_node_unref);

  /* ... an upload body from the upload's thread... */
  upload = warta_upload_new_for_stream_func (open_pattern, &pattern, NULL, pattern.size,
                                             "t.png", "image/png");
  msg = wp_media_message (server, "t.png");
  g_assert_true (warta_http_set_upload_body (msg, upload, &error));
  node = send_upload (client, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpuint (warta_test_server_get_last_upload_size (server), ==, pattern.size);
  g_assert_cmpstr (warta_test_server_get_last_upload_sha1 (server), ==, sha1);

  /* ... and the main loop again. */
  answer = request (client, url, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (warta_test_server_count_requests (server, "GET", "/wp-json/wp/v2/media"), ==, 2);
  g_unlink (anchors);
}

/* Progress from a sending thread reaches the upload's main context in at
 * most about a thousand steps whatever the size (each wakes the main
 * loop), and in steps of 256 KiB for small files; it ends on the last
 * value. */
typedef struct
{
  WartaUpload *upload;
  guint64 total;
  gint done;
} Sender;

static gpointer
sender_thread (gpointer data)
{
  Sender *sender = data;

  for (guint64 sent = 0; sent <= sender->total; sent += 8192)
    _warta_upload_set_bytes_sent (sender->upload, sent);
  g_atomic_int_set (&sender->done, 1);
  g_main_context_wakeup (NULL);
  return NULL;
}

static void
count_notify_cb (WartaUpload *upload,
                 GParamSpec  *pspec,
                 guint       *count)
{
  (*count)++;
}

static void
test_progress_steps (void)
{
  const guint64 sizes[] = { G_GUINT64_CONSTANT (16) << 20, G_GUINT64_CONSTANT (4) << 30 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Pattern pattern = { sizes[i], 0, 0 };
      g_autoptr(WartaUpload) upload = NULL;
      Sender sender = { NULL, sizes[i], 0 };
      guint notifications = 0;
      GThread *thread;

      upload = warta_upload_new_for_stream_func (open_pattern, &pattern, NULL, sizes[i], "p.png",
                                                 "image/png");
      sender.upload = upload;
      g_signal_connect (upload, "notify::bytes-sent", G_CALLBACK (count_notify_cb), &notifications);
      thread = g_thread_new ("sender", sender_thread, &sender);
      while (!g_atomic_int_get (&sender.done))
        g_main_context_iteration (NULL, TRUE);
      g_thread_join (thread);
      _warta_upload_flush_bytes_sent (upload);

      g_test_message ("%" G_GUINT64_FORMAT " bytes: %u notifications", sizes[i], notifications);
      g_assert_cmpuint (warta_upload_get_bytes_sent (upload), ==, sizes[i]);
      if (i == 0)
        {
          /* At most 64 steps of 256 KiB, and the last value; at least
           * one every few steps, since the sender waits for the main
           * loop when it lags further (unless it lags for long). */
          g_assert_cmpuint (notifications, >=, 8);
          g_assert_cmpuint (notifications, <=, 65);
        }
      else
        {
          /* Steps of 4 MiB. */
          g_assert_cmpuint (notifications, >=, 100);
          g_assert_cmpuint (notifications, <=, 1025);
        }
    }
}

static void
test_job_token (void)
{
  g_autofree char *a = warta_http_job_token ("db-1234/job-7", 12);
  g_autofree char *b = warta_http_job_token ("db-1234/job-7", 12);
  g_autofree char *c = warta_http_job_token ("db-1234/job-8", 12);
  g_autofree char *url = warta_http_build_url ("https://example.org//", "/wp-json/");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpuint (strlen (a), ==, 12);
  g_assert_cmpstr (url, ==, "https://example.org/wp-json/");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* Loopback only; and the isolated XDG dirs hide the proxy settings'
   * schema, which GIO's GNOME proxy resolver would abort on. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/warta/http-client/classify", test_classify);
  g_test_add_func ("/warta/http-client/error-private", test_error_private);
  g_test_add_func ("/warta/http-client/retry-time", test_retry_time);
  g_test_add_func ("/warta/http-client/retry-in-office-zone", test_retry_in_office_zone);
  g_test_add_func ("/warta/http-client/retry-reason", test_retry_reason);
  g_test_add_func ("/warta/http-client/status-words", test_status_words);
  g_test_add_func ("/warta/http-client/file-refused", test_file_refused);
  g_test_add_func ("/warta/http-client/retry-at", test_retry_at);
  g_test_add_func ("/warta/http-client/backoff", test_backoff);
  g_test_add_func ("/warta/http-client/transport", test_transport);
  g_test_add_func ("/warta/http-client/retry-unread", test_retry_unread);
  g_test_add_func ("/warta/http-client/job-token", test_job_token);
  g_test_add_func ("/warta/http-client/user-agent", test_user_agent);
  g_test_add_func ("/warta/http-client/retry-5xx", test_retry_5xx);
  g_test_add_func ("/warta/http-client/retry-gives-up", test_retry_gives_up);
  g_test_add_func ("/warta/http-client/unreadable-step", test_unreadable_step);
  g_test_add_func ("/warta/http-client/retry-after", test_retry_after_honoured);
  g_test_add_func ("/warta/http-client/rate-limit-long", test_rate_limit_long);
  g_test_add_func ("/warta/http-client/timeout", test_timeout);
  g_test_add_func ("/warta/http-client/wait-cancel", test_wait_cancel);
  g_test_add_func ("/warta/http-client/stream-file-rss", test_stream_file_rss);
  g_test_add_func ("/warta/http-client/stream-chunks", test_stream_chunks);
  g_test_add_func ("/warta/http-client/stream-cancel", test_stream_cancel);
  g_test_add_func ("/warta/http-client/stream-restart", test_stream_restart);
  g_test_add_func ("/warta/http-client/stream-socket", test_stream_socket);
  g_test_add_func ("/warta/http-client/send-buffer", test_send_buffer);
  g_test_add_func ("/warta/http-client/send-buffer-resolver", test_send_buffer_resolver);
  g_test_add_func ("/warta/http-client/send-buffer-office-proxy", test_send_buffer_office_proxy);
  g_test_add_func ("/warta/http-client/send-buffer-tls", test_send_buffer_tls);
  g_test_add_func ("/warta/http-client/progress-steps", test_progress_steps);

  return g_test_run ();
}
