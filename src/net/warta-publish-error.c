/* warta-publish-error.c: what went wrong talking to a platform, and what to do
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "warta-clock.h"
#include "warta-publish-error.h"

/* libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

/* Extended error (GLib 2.68): the retry time and the platform's own words
 * travel with the GError, through g_prefix_error() and g_error_copy(). */
typedef struct
{
  gint64 retry_at;
  guint http_status;
  char *platform_code;
  char *platform_message;
  gboolean untrusted;  /* a TLS failure, not an answer */
} WartaPublishErrorPrivate;

static void
warta_publish_error_private_init (WartaPublishErrorPrivate *priv)
{
}

static void
warta_publish_error_private_copy (const WartaPublishErrorPrivate *src,
                                  WartaPublishErrorPrivate       *dest)
{
  dest->retry_at = src->retry_at;
  dest->http_status = src->http_status;
  dest->platform_code = g_strdup (src->platform_code);
  dest->platform_message = g_strdup (src->platform_message);
  dest->untrusted = src->untrusted;
}

static void
warta_publish_error_private_clear (WartaPublishErrorPrivate *priv)
{
  g_clear_pointer (&priv->platform_code, g_free);
  g_clear_pointer (&priv->platform_message, g_free);
}

G_DEFINE_EXTENDED_ERROR (WartaPublishError, warta_publish_error)

GError *
warta_publish_error_new_literal_full (WartaPublishError  code,
                                      gint64             retry_at_us,
                                      const char        *message)
{
  GError *error = g_error_new_literal (WARTA_PUBLISH_ERROR, code, message);
  WartaPublishErrorPrivate *priv = warta_publish_error_get_private (error);

  priv->retry_at = retry_at_us;
  return error;
}

GError *
warta_publish_error_new_gone (const char   *service,
                              const GError *error)
{
  GError *gone = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_GONE,
                              _("The post is no longer on %s: it was deleted there. If it was taken down on purpose, record that with Take Down…"),
                              service);
  WartaPublishErrorPrivate *priv = warta_publish_error_get_private (gone);

  priv->http_status = warta_publish_error_get_http_status (error);
  warta_publish_error_set_platform (gone, warta_publish_error_get_platform_code (error),
                                    warta_publish_error_get_platform_message (error));
  return gone;
}

gboolean
warta_publish_error_is_retryable (const GError *error)
{
  return g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE) ||
         g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RATE_LIMITED);
}

/* Real time in microseconds (g_get_real_time()) before which a retry is
 * pointless, or 0 when the platform did not say. */
gint64
warta_publish_error_get_retry_at (const GError *error)
{
  WartaPublishErrorPrivate *priv = error ? warta_publish_error_get_private (error) : NULL;

  return priv ? priv->retry_at : 0;
}

guint
warta_publish_error_get_http_status (const GError *error)
{
  WartaPublishErrorPrivate *priv = error ? warta_publish_error_get_private (error) : NULL;

  return priv ? priv->http_status : 0;
}

const char *
warta_publish_error_get_platform_code (const GError *error)
{
  WartaPublishErrorPrivate *priv = error ? warta_publish_error_get_private (error) : NULL;

  return priv ? priv->platform_code : NULL;
}

const char *
warta_publish_error_get_platform_message (const GError *error)
{
  WartaPublishErrorPrivate *priv = error ? warta_publish_error_get_private (error) : NULL;

  return priv ? priv->platform_message : NULL;
}

void
warta_publish_error_set_retry_at (GError *error,
                                  gint64  retry_at_us)
{
  WartaPublishErrorPrivate *priv = error ? warta_publish_error_get_private (error) : NULL;

  g_return_if_fail (priv != NULL);
  priv->retry_at = retry_at_us;
}

void
warta_publish_error_set_platform (GError     *error,
                                  const char *platform_code,
                                  const char *platform_message)
{
  WartaPublishErrorPrivate *priv = error ? warta_publish_error_get_private (error) : NULL;
  char *code = g_strdup (platform_code);
  char *message = g_strdup (platform_message);

  g_return_if_fail (priv != NULL);
  g_free (priv->platform_code);
  priv->platform_code = code;
  g_free (priv->platform_message);
  priv->platform_message = message;
}

/* @message without its last sentence @advice, or NULL when it does not
 * end with it after a reason. */
static char *
dup_without_advice (const char *message,
                    const char *advice)
{
  gsize len = message ? strlen (message) : 0;
  gsize advice_len = strlen (advice);

  if (len > advice_len + 1 && g_str_has_suffix (message, advice) &&
      message[len - advice_len - 1] == ' ')
    return g_strndup (message, len - advice_len - 1);
  return NULL;
}

static const char *
sign_in_advice (void)
{
  return _("Sign in again to this account in Accounts.");
}

/* @reason: one or more full sentences, "Mastodon did not accept the file."
 * Approved content is not changed in the publish view: another file is a
 * correction of the publication, approved again. */
char *
warta_publish_error_format_refused_file (const char *reason)
{
  g_return_val_if_fail (reason != NULL, NULL);
  return g_strconcat (reason, " ",
                      _("Have the publication returned for correction and a corrected file approved again, or upload it manually."),
                      NULL);
}

/* @reason: one or more full sentences, "Mastodon no longer accepts the saved sign-in." */
char *
warta_publish_error_format_sign_in (const char *reason)
{
  g_return_val_if_fail (reason != NULL, NULL);
  return g_strconcat (reason, " ", sign_in_advice (), NULL);
}

/* @message without the advice warta_publish_error_format_sign_in() added,
 * or all of it when it has none (a sign-in to another account, a message
 * written in another language). */
char *
warta_publish_error_dup_sign_in_reason (const char *message)
{
  char *reason = dup_without_advice (message, sign_in_advice ());

  return reason ? reason : g_strdup (message);
}

/**
 * warta_publish_error_format_retry_time:
 * @time_zone: (nullable): the zone to write it in; %NULL: this computer's
 * @retry_at_us: when, in µs since the Unix epoch
 * @now_us: the time it is read against
 *
 * Returns: the time alone ("10:09 WIB", warta_format_time_of_day_with_zone())
 *   on @now_us's day, else with its date ("28 Nov 2026, 10:09 WIB",
 *   warta_format_time()); with the zone's name, as the publish view's other
 *   times
 */
char *
warta_publish_error_format_retry_time (GTimeZone *time_zone,
                                       gint64     retry_at_us,
                                       gint64     now_us)
{
  g_autoptr(GTimeZone) local_zone = time_zone == NULL ? g_time_zone_new_local () : NULL;
  GTimeZone *zone = time_zone != NULL ? time_zone : local_zone;
  g_autoptr(GDateTime) at_utc = g_date_time_new_from_unix_utc (retry_at_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) at = at_utc ? g_date_time_to_timezone (at_utc, zone) : NULL;
  g_autoptr(GDateTime) now = now_utc ? g_date_time_to_timezone (now_utc, zone) : NULL;

  if (at == NULL)
    return NULL;
  if (now != NULL && g_date_time_get_year (at) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (at) == g_date_time_get_day_of_year (now))
    return warta_format_time_of_day_with_zone (zone, retry_at_us);
  return warta_format_time (zone, retry_at_us, TRUE);
}

static char *
retry_advice (gint64     retry_at_us,
              GTimeZone *time_zone,
              gint64     now_us)
{
  g_autofree char *when = retry_at_us > 0
                          ? warta_publish_error_format_retry_time (time_zone, retry_at_us, now_us)
                          : NULL;

  if (when == NULL)
    return g_strdup (_("Warta will try again later."));
  /* Translators: %s is a time, “10:09 WIB”, or a date and time, “28 Nov 2026,
   * 10:09 WIB”. Messages are stored: keep the sentence's start and end as
   * they are, warta_publish_error_dup_retry_reason() finds it by them. */
  return g_strdup_printf (_("Warta will try again after %s."), when);
}

/* @time_zone: (nullable): the office's; %NULL where it is not known (a
 * platform's client): this computer's, until the outbox writes it again
 * in the office's (warta_publish_error_dup_in_zone()). */
static char *
format_retry (const char *reason,
              gint64      retry_at_us,
              GTimeZone  *time_zone,
              gint64      now_us)
{
  g_autofree char *advice = retry_advice (retry_at_us, time_zone, now_us);

  return g_strconcat (reason, " ", advice, NULL);
}

/* @reason: one or more full sentences that hold whether or not Warta
 * tries again, "Mastodon is still processing the file." @retry_at_us: when
 * Warta tries again (µs since the Unix epoch), 0 when not known. */
char *
warta_publish_error_format_retry (const char *reason,
                                  gint64      retry_at_us)
{
  g_return_val_if_fail (reason != NULL, NULL);
  return format_retry (reason, retry_at_us, NULL, g_get_real_time ());
}

/* @message without the sentence warta_publish_error_format_retry() added,
 * for when Warta no longer tries by itself; all of it when it has none. */
char *
warta_publish_error_dup_retry_reason (const char *message)
{
  const char *after = _("Warta will try again after %s.");
  const char *hole = strstr (after, "%s");
  gsize len = message ? strlen (message) : 0;
  char *reason = dup_without_advice (message, _("Warta will try again later."));

  if (reason != NULL || message == NULL)
    return reason;
  /* The time in the middle is any, with its zone's name or, in a message
   * stored before it had one, without: the sentence's start and its end. */
  if (hole != NULL && g_str_has_suffix (message, hole + 2))
    {
      g_autofree char *head = g_strconcat (" ", after, NULL);
      const char *start;

      head[hole - after + 1] = '\0';
      start = g_strrstr (message, head);
      if (start != NULL && start > message &&
          start + strlen (head) <= message + len - strlen (hole + 2))
        return g_strndup (message, start - message);
    }
  return g_strdup (message);
}

/**
 * warta_publish_error_dup_in_zone:
 * @message: an error's message, maybe with warta_publish_error_format_retry()'s
 *   sentence
 * @retry_at_us: when Warta tries again, µs since the Unix epoch; 0: not known
 * @time_zone: the office's zone (the clock's)
 * @now_us: the time it is read against
 *
 * A platform's client does not know the office's zone, so its message
 * tells the retry time in this computer's: this writes that sentence again
 * in @time_zone, as the rest of the app shows times.
 *
 * Returns: @message with the retry time in @time_zone; @message as it is
 *   when it has no such sentence or @retry_at_us is 0
 */
char *
warta_publish_error_dup_in_zone (const char *message,
                                 gint64      retry_at_us,
                                 GTimeZone  *time_zone,
                                 gint64      now_us)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (message != NULL, NULL);

  reason = warta_publish_error_dup_retry_reason (message);
  if (retry_at_us <= 0 || strcmp (reason, message) == 0)
    return g_strdup (message);
  return format_retry (reason, retry_at_us, time_zone, now_us);
}

static gboolean
is_all_digits (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

static gint64
datetime_to_us (GDateTime *dt)
{
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

/* A reset header is a delta in seconds (IETF RateLimit-Reset), a Unix
 * time in seconds (X) or milliseconds, or an ISO 8601 time (Mastodon). */
static gint64
parse_reset_value (const char *value,
                   gint64      now_us)
{
  g_autofree char *v = g_strstrip (g_strdup (value));

  if (is_all_digits (v))
    {
      guint64 n = g_ascii_strtoull (v, NULL, 10);

      if (n > G_GUINT64_CONSTANT (100000000000))
        return (gint64) n * 1000;
      if (n > 100000000)
        return (gint64) n * G_USEC_PER_SEC;
      return now_us + (gint64) n * G_USEC_PER_SEC;
    }
  else
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (v, utc);

      if (dt)
        return datetime_to_us (dt);
    }
  return 0;
}

/* When, in real time (µs), a request may be tried again according to the
 * answer's headers: Retry-After (seconds or HTTP date) on any answer, and
 * the rate-limit reset headers on a 429 or when nothing remains. 0 when the
 * answer does not say. Never earlier than @now_us. */
gint64
warta_http_parse_retry_at (guint               status,
                           SoupMessageHeaders *headers,
                           gint64              now_us)
{
  static const char * const reset_headers[] = {
    "X-RateLimit-Reset", "X-Rate-Limit-Reset", "RateLimit-Reset", NULL,
  };
  const char *value;
  gint64 at = 0;

  if (headers == NULL)
    return 0;

  value = soup_message_headers_get_one (headers, "Retry-After");
  if (value != NULL)
    {
      g_autofree char *v = g_strstrip (g_strdup (value));

      if (is_all_digits (v))
        at = now_us + (gint64) g_ascii_strtoull (v, NULL, 10) * G_USEC_PER_SEC;
      else
        {
          g_autoptr(GDateTime) dt = soup_date_time_new_from_http_string (v);

          if (dt)
            at = datetime_to_us (dt);
        }
    }

  if (at == 0)
    {
      const char *remaining = soup_message_headers_get_one (headers, "X-RateLimit-Remaining");

      if (remaining == NULL)
        remaining = soup_message_headers_get_one (headers, "X-Rate-Limit-Remaining");

      if (status == STATUS_TOO_MANY_REQUESTS ||
          (remaining != NULL && g_ascii_strtoll (remaining, NULL, 10) <= 0 &&
           is_all_digits (remaining)))
        {
          for (guint i = 0; reset_headers[i] && at == 0; i++)
            {
              value = soup_message_headers_get_one (headers, reset_headers[i]);
              if (value)
                at = parse_reset_value (value, now_us);
            }
        }
    }

  if (at != 0 && at < now_us)
    at = now_us;
  return at;
}

static WartaPublishError
classify_status (guint status)
{
  if (status == SOUP_STATUS_UNAUTHORIZED)
    return WARTA_PUBLISH_ERROR_AUTH_EXPIRED;
  if (status == SOUP_STATUS_FORBIDDEN)
    return WARTA_PUBLISH_ERROR_PERMISSION_DENIED;
  if (status == STATUS_TOO_MANY_REQUESTS)
    return WARTA_PUBLISH_ERROR_RATE_LIMITED;
  if (status == SOUP_STATUS_REQUEST_TIMEOUT || status >= 500)
    return WARTA_PUBLISH_ERROR_RETRYABLE;
  if (status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE ||
      status == SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE)
    return WARTA_PUBLISH_ERROR_INVALID_MEDIA;
  if (status >= 400)
    return WARTA_PUBLISH_ERROR_REJECTED;
  return WARTA_PUBLISH_ERROR_PROTOCOL;
}

/* Whether @said is only @status's reason phrase ("Unprocessable Entity"),
 * which a platform sends when it has nothing to say: English words of
 * HTTP, not the platform's. */
static gboolean
is_reason_phrase (guint       status,
                  const char *said)
{
  /* libsoup's names, and those it lacks or names otherwise (RFC 9110 and
   * older ones still sent). */
  static const struct {
    guint status;
    const char *phrase;
  } more[] = {
    { 413, "Payload Too Large" },
    { 413, "Content Too Large" },
    { 422, "Unprocessable Content" },
    { 429, "Too Many Requests" },
  };
  const char *phrase = soup_status_get_phrase (status);
  g_autofree char *bare = NULL;
  gsize len;

  if (said == NULL)
    return FALSE;
  bare = g_strstrip (g_strdup (said));
  len = strlen (bare);
  while (len > 0 && bare[len - 1] == '.')
    bare[--len] = '\0';
  if (phrase != NULL && !g_str_equal (phrase, "Unknown Error") &&
      g_ascii_strcasecmp (bare, phrase) == 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    if (more[i].status == status && g_ascii_strcasecmp (bare, more[i].phrase) == 0)
      return TRUE;
  return FALSE;
}

/* What a refused status means, in Warta's words, with the status for the
 * site's administrator: "the site could not process its content (HTTP
 * 422)". NULL for a status without its own words. */
static char *
status_description (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      /* Translators: why a site refused, inside "… rejected the post: %s." */
      return g_strdup (_("the request was not valid (HTTP 400)"));
    case SOUP_STATUS_NOT_FOUND:
      /* Translators: why a site refused, inside "… rejected the post: %s." */
      return g_strdup (_("what Warta asked for is not there (HTTP 404)"));
    case SOUP_STATUS_CONFLICT:
      /* Translators: why a site refused, inside "… rejected the post: %s." */
      return g_strdup (_("it conflicts with what is already there (HTTP 409)"));
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      /* Translators: why a site refused, inside "… rejected the post: %s." */
      return g_strdup (_("the site could not process its content (HTTP 422)"));
    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      /* Translators: why a site refused, inside "… did not accept the file: %s." */
      return g_strdup (_("it is too large (HTTP 413)"));
    case SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE:
      /* Translators: why a site refused, inside "… did not accept the file: %s." */
      return g_strdup (_("it is of a type the site does not allow (HTTP 415)"));
    default:
      return NULL;
    }
}

static char *
message_for (WartaPublishError  code,
             const char        *service,
             guint              status,
             const char        *platform_message,
             gint64             retry_at,
             gint64             now_us)
{
  g_autofree char *said = g_strdup (platform_message ? platform_message : "");
  g_autofree char *description = status_description (status);
  gsize len = strlen (said);

  /* The platform's sentence goes inside ours, in quotes: no full stop. */
  while (len > 0 && (said[len - 1] == '.' || g_ascii_isspace (said[len - 1])))
    said[--len] = '\0';

  switch (code)
    {
    case WARTA_PUBLISH_ERROR_AUTH_EXPIRED:
      {
        g_autofree char *reason = g_strdup_printf (_("%s no longer accepts the saved sign-in."),
                                                   service);

        return warta_publish_error_format_sign_in (reason);
      }

    case WARTA_PUBLISH_ERROR_PERMISSION_DENIED:
      if (platform_message)
        return g_strdup_printf (_("%s refused: “%s”. This account may not publish there; ask the site’s administrator for a role that may, or sign in with another account."),
                                service, said);
      return g_strdup_printf (_("%s refused the request. This account may not publish there; ask the site’s administrator for a role that may, or sign in with another account."),
                              service);

    case WARTA_PUBLISH_ERROR_RATE_LIMITED:
      {
        g_autofree char *reason = g_strdup_printf (_("%s has had too many requests from this account."),
                                                   service);

        return format_retry (reason, retry_at, NULL, now_us);
      }

    case WARTA_PUBLISH_ERROR_RETRYABLE:
      {
        g_autofree char *reason = g_strdup_printf (_("%s is not working properly right now (HTTP %u); the service’s status page may say why."),
                                                   service, status);

        return format_retry (reason, retry_at, NULL, now_us);
      }

    case WARTA_PUBLISH_ERROR_INVALID_MEDIA:
      {
        g_autofree char *reason = NULL;

        if (platform_message)
          reason = g_strdup_printf (_("%s did not accept the file: “%s”."), service, said);
        else if (description)
          /* Translators: the second %s says why, “it is too large (HTTP 413)” */
          reason = g_strdup_printf (_("%s did not accept the file: %s."), service, description);
        else
          reason = g_strdup_printf (_("%s did not accept the file (HTTP %u); it may be too large or of a type the site does not allow."),
                                    service, status);
        return warta_publish_error_format_refused_file (reason);
      }

    case WARTA_PUBLISH_ERROR_REJECTED:
      if (platform_message)
        return g_strdup_printf (_("%s rejected the post: “%s”. Correct the post and publish again, or upload it manually."),
                                service, said);
      if (description)
        /* Translators: the second %s says why, “the request was not valid (HTTP 400)” */
        return g_strdup_printf (_("%s rejected the post: %s. Correct the post and publish again, or upload it manually."),
                                service, description);
      return g_strdup_printf (_("%s rejected the post (HTTP %u). Correct the post and publish again, or upload it manually."),
                              service, status);

    case WARTA_PUBLISH_ERROR_NOT_CONFIGURED:
    case WARTA_PUBLISH_ERROR_CANCELLED:
    case WARTA_PUBLISH_ERROR_PROTOCOL:
    case WARTA_PUBLISH_ERROR_FAILED:
    default:
      return g_strdup_printf (_("%s sent an answer Warta does not understand (HTTP %u). Check the account’s address in Accounts; a proxy, firewall or security plugin may be in the way."),
                              service, status);
    }
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = object ? json_object_get_member (object, name) : NULL;

  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return NULL;
}

/* The common shapes: {"error": "…"} (Mastodon, OAuth), {"code", "message"}
 * (WordPress), {"error": {"message", "code"}} (Google, Meta). */
static void
default_parse (guint               status,
               JsonNode           *body,
               WartaPublishError  *code,
               char              **platform_code,
               char              **platform_message)
{
  JsonObject *object;
  JsonNode *inner;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return;
  object = json_node_get_object (body);
  inner = json_object_get_member (object, "error");
  if (inner && JSON_NODE_HOLDS_OBJECT (inner))
    object = json_node_get_object (inner);

  if (member_string (object, "message"))
    *platform_message = g_strdup (member_string (object, "message"));
  else if (member_string (object, "error"))
    *platform_message = g_strdup (member_string (object, "error"));
  if (member_string (object, "code"))
    *platform_code = g_strdup (member_string (object, "code"));
}

/* The error for a non-2xx answer (or a 2xx that is not the API's JSON):
 * classified by status, refined by the platform's body. */
GError *
warta_publish_error_new_from_response (const char          *service,
                                       guint                status,
                                       SoupMessageHeaders  *headers,
                                       GBytes              *body,
                                       WartaErrorParseFunc  parse,
                                       gint64               now_us)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *platform_code = NULL;
  g_autofree char *platform_message = NULL;
  g_autofree char *message = NULL;
  WartaPublishErrorPrivate *priv;
  WartaPublishError code = classify_status (status);
  JsonNode *root = NULL;
  gint64 retry_at;
  GError *error;

  if (body != NULL && g_bytes_get_size (body) > 0)
    {
      gsize len;
      const char *data = g_bytes_get_data (body, &len);

      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, data, (gssize) len, NULL))
        root = json_parser_get_root (parser);
    }

  (parse ? parse : default_parse) (status, root, &code, &platform_code, &platform_message);
  /* Only the status's English name: Warta's own, translated words say it. */
  if (is_reason_phrase (status, platform_message))
    g_clear_pointer (&platform_message, g_free);

  retry_at = warta_http_parse_retry_at (status, headers, now_us);
  /* A permanent error is permanent whatever the headers say. */
  if (!(code == WARTA_PUBLISH_ERROR_RETRYABLE || code == WARTA_PUBLISH_ERROR_RATE_LIMITED))
    retry_at = 0;

  message = message_for (code, service, status, platform_message, retry_at, now_us);
  error = g_error_new_literal (WARTA_PUBLISH_ERROR, code, message);
  priv = warta_publish_error_get_private (error);
  priv->http_status = status;
  priv->retry_at = retry_at;
  priv->platform_code = g_steal_pointer (&platform_code);
  priv->platform_message = g_steal_pointer (&platform_message);
  return error;
}

/**
 * warta_publish_error_retry_unread:
 * @service: the platform's name, "Facebook"
 * @error: (transfer full): why a step that makes nothing public (an
 *   upload, a session, a container, a status asked) failed, its client's
 *   attempts used up
 *
 * An answer that is not the platform's API (a proxy's or a captive
 * portal's page, JSON without what the step needs) on such a step is
 * treated as a 5xx is: the outbox tries the job again later with the same
 * backoff, and stops it after as many tries. Never for a step that
 * publishes: its answer may mean the post exists, which the platform's
 * idempotency key or a look-up settles, not a blind resend.
 *
 * Returns: (transfer full): @error itself, or, for an answer that could
 *   not be read, a #WARTA_PUBLISH_ERROR_RETRYABLE error in its place with
 *   its HTTP status and the platform's words
 */
GError *
warta_publish_error_retry_unread (const char *service,
                                  GError     *error)
{
  WartaPublishErrorPrivate *priv;
  WartaPublishErrorPrivate *ret_priv;
  g_autofree char *reason = NULL;
  g_autofree char *message = NULL;
  GError *ret;

  g_return_val_if_fail (service != NULL, error);

  if (!g_error_matches (error, WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL))
    return error;
  priv = warta_publish_error_get_private (error);
  /* A certificate this computer does not trust is not the platform's
   * answer: the user checks it, nothing waits for it. */
  if (priv == NULL || priv->untrusted)
    return error;

  reason = g_strdup_printf (_("%s’s answer could not be read; a proxy, firewall or security plugin may be in the way."),
                            service);
  message = warta_publish_error_format_retry (reason, 0);
  ret = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE, message);
  ret_priv = warta_publish_error_get_private (ret);
  ret_priv->http_status = priv->http_status;
  ret_priv->platform_code = g_strdup (priv->platform_code);
  ret_priv->platform_message = g_strdup (priv->platform_message);
  g_error_free (error);
  return ret;
}

/* The error for a request that got no answer: cancelled, timed out, reset. */
GError *
warta_publish_error_new_from_transport (const char   *service,
                                        const GError *error)
{
  GError *ret;
  WartaPublishErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == WARTA_PUBLISH_ERROR)
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_CANCELLED,
                                _("Publishing was cancelled."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    {
      g_autofree char *reason = g_strdup_printf (_("%s did not answer in time. Check the internet connection."),
                                                 service);
      g_autofree char *message = warta_publish_error_format_retry (reason, 0);

      ret = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE, message);
    }
  else if (error->domain == G_TLS_ERROR)
    {
      ret = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                         _("The secure connection to %s cannot be trusted: %s. Check the account’s address and this computer’s date and time."),
                         service, error->message);
      warta_publish_error_get_private (ret)->untrusted = TRUE;
    }
  else if (error->domain == SOUP_SESSION_ERROR)
    ret = g_error_new (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_PROTOCOL,
                       _("%s sent an answer Warta does not understand: %s. Check the account’s address in Accounts."),
                       service, error->message);
  else
    {
      g_autofree char *reason = g_strdup_printf (_("Warta could not reach %s: %s. Check the internet connection."),
                                                 service, error->message);
      g_autofree char *message = warta_publish_error_format_retry (reason, 0);

      ret = g_error_new_literal (WARTA_PUBLISH_ERROR, WARTA_PUBLISH_ERROR_RETRYABLE, message);
    }

  priv = warta_publish_error_get_private (ret);
  priv->platform_message = g_strdup (error->message);
  return ret;
}
