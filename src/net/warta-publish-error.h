/* warta-publish-error.h: what went wrong talking to a platform, and what to do
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

#define WARTA_PUBLISH_ERROR (warta_publish_error_quark ())

/* Every error raised by src/net is in this domain. The message is
 * translated and says what the user can do; the platform's own words are
 * kept apart (warta_publish_error_get_platform_message()) for the record. */
typedef enum
{
  WARTA_PUBLISH_ERROR_RETRYABLE,         /* 5xx, timeout, reset: try again later */
  WARTA_PUBLISH_ERROR_RATE_LIMITED,      /* 429: wait until the retry time */
  WARTA_PUBLISH_ERROR_AUTH_EXPIRED,      /* 401: sign in again; never retried */
  WARTA_PUBLISH_ERROR_PERMISSION_DENIED, /* 403: the account may not do this */
  WARTA_PUBLISH_ERROR_INVALID_MEDIA,     /* the platform refused the file */
  WARTA_PUBLISH_ERROR_REJECTED,          /* the platform refused the post (4xx) */
  WARTA_PUBLISH_ERROR_NOT_CONFIGURED,    /* no address or credentials */
  WARTA_PUBLISH_ERROR_CANCELLED,         /* the user cancelled */
  WARTA_PUBLISH_ERROR_PROTOCOL,          /* an answer that is not the platform's API */
  WARTA_PUBLISH_ERROR_FAILED,            /* anything else (local file errors …) */
  WARTA_PUBLISH_ERROR_UNCONFIRMED,       /* the post may exist (its answer was lost) and
                                          * cannot be looked up: the user looks, never a retry */
  WARTA_PUBLISH_ERROR_GONE,              /* the post is not on the platform any more */
} WartaPublishError;

/* Lets a platform read its error body. @code comes in with the generic
 * classification by HTTP status and may be changed; @platform_code and
 * @platform_message receive newly allocated strings or stay NULL.
 * @body is NULL when the answer was not JSON. */
typedef void (*WartaErrorParseFunc) (guint               status,
                                     JsonNode           *body,
                                     WartaPublishError  *code,
                                     char              **platform_code,
                                     char              **platform_message);

GQuark       warta_publish_error_quark                (void);

GError      *warta_publish_error_new_from_response    (const char          *service,
                                                       guint                status,
                                                       SoupMessageHeaders  *headers,
                                                       GBytes              *body,
                                                       WartaErrorParseFunc  parse,
                                                       gint64               now_us);
GError      *warta_publish_error_new_from_transport   (const char          *service,
                                                       const GError        *error);
GError      *warta_publish_error_new_literal_full     (WartaPublishError    code,
                                                       gint64               retry_at_us,
                                                       const char          *message);

/* On a step that makes nothing public, its attempts used up: an answer
 * that could not be read becomes retryable, as a 5xx (transfer full). */
GError      *warta_publish_error_retry_unread         (const char          *service,
                                                       GError              *error);

/* The post an edit was for is not on @service any more (404, 410, or
 * the platform's own code for it), with @error's details. */
GError      *warta_publish_error_new_gone             (const char          *service,
                                                       const GError        *error);

gboolean     warta_publish_error_is_retryable         (const GError        *error);
gint64       warta_publish_error_get_retry_at         (const GError        *error);
guint        warta_publish_error_get_http_status      (const GError        *error);
const char  *warta_publish_error_get_platform_code    (const GError        *error);
const char  *warta_publish_error_get_platform_message (const GError        *error);

/* For platform clients that learn more than the answer's headers say: a
 * daily quota's reset time, the platform's code for a failed processing. */
void         warta_publish_error_set_retry_at         (GError              *error,
                                                       gint64               retry_at_us);
void         warta_publish_error_set_platform         (GError              *error,
                                                       const char          *platform_code,
                                                       const char          *platform_message);

/* An expired sign-in of the account itself says why, then how to sign in
 * again; a view that offers its own Sign In Again shows only the why. */
char        *warta_publish_error_format_sign_in       (const char          *reason);
char        *warta_publish_error_dup_sign_in_reason   (const char          *message);

/* A file a platform refused says why, then what can be done with approved
 * content: have a corrected file approved, or upload by hand. */
char        *warta_publish_error_format_refused_file  (const char          *reason);

/* A retryable error says why, then when Warta tries again; a message read
 * after Warta gave up keeps only the why. */
char        *warta_publish_error_format_retry         (const char          *reason,
                                                       gint64               retry_at_us);
char        *warta_publish_error_dup_retry_reason     (const char          *message);
char        *warta_publish_error_dup_in_zone          (const char          *message,
                                                       gint64               retry_at_us,
                                                       GTimeZone           *time_zone,
                                                       gint64               now_us);
char        *warta_publish_error_format_retry_time    (GTimeZone           *time_zone,
                                                       gint64               retry_at_us,
                                                       gint64               now_us);

gint64       warta_http_parse_retry_at                (guint                status,
                                                       SoupMessageHeaders  *headers,
                                                       gint64               now_us);

G_END_DECLS
