/* warta-clock.c: the time the workflow runs on
 *
 * Deadlines are computed from this clock, never from g_get_real_time()
 * directly, so tests can move time instead of sleeping. Times are stored
 * as µs since the epoch (UTC); the time zone is for showing them.
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "warta-clock.h"

struct _WartaClock
{
  GObject            parent_instance;

  char              *time_zone_id;
  GTimeZone         *time_zone;
  WartaClockNowFunc  now_func;
  gpointer           now_data;
  GDestroyNotify     now_destroy;
  gint64             frozen_us;
  guint              frozen : 1;
};

G_DEFINE_FINAL_TYPE (WartaClock, warta_clock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIME_ZONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
warta_clock_finalize (GObject *object)
{
  WartaClock *self = (WartaClock *)object;

  if (self->now_destroy != NULL)
    self->now_destroy (self->now_data);
  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  g_clear_pointer (&self->time_zone_id, g_free);

  G_OBJECT_CLASS (warta_clock_parent_class)->finalize (object);
}

static void
warta_clock_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WartaClock *self = WARTA_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_clock_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  WartaClock *self = WARTA_CLOCK (object);

  switch (prop_id)
    {
    case PROP_TIME_ZONE:
      warta_clock_set_time_zone_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
warta_clock_class_init (WartaClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = warta_clock_finalize;
  object_class->get_property = warta_clock_get_property;
  object_class->set_property = warta_clock_set_property;

  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, WARTA_DEFAULT_TIME_ZONE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
warta_clock_init (WartaClock *self)
{
}

/**
 * warta_clock_new:
 * @time_zone: (nullable): an IANA time zone id; %NULL for Asia/Jakarta
 */
WartaClock *
warta_clock_new (const char *time_zone)
{
  WartaClock *self = g_object_new (WARTA_TYPE_CLOCK, NULL);

  warta_clock_set_time_zone_id (self, time_zone);
  return self;
}

const char *
warta_clock_get_time_zone_id (WartaClock *self)
{
  g_return_val_if_fail (WARTA_IS_CLOCK (self), NULL);

  return self->time_zone_id;
}

void
warta_clock_set_time_zone_id (WartaClock *self,
                              const char *time_zone)
{
  GTimeZone *tz;

  g_return_if_fail (WARTA_IS_CLOCK (self));

  if (time_zone == NULL || *time_zone == '\0')
    time_zone = WARTA_DEFAULT_TIME_ZONE;

  if (self->time_zone != NULL && g_strcmp0 (time_zone, self->time_zone_id) == 0)
    return;

  tz = g_time_zone_new_identifier (time_zone);
  if (tz == NULL)
    {
      /* Without tzdata, Jakarta is still UTC+7 (no daylight saving). */
      g_debug ("Unknown time zone “%s”, using UTC+07:00", time_zone);
      tz = g_time_zone_new_offset (7 * 3600);
    }

  g_clear_pointer (&self->time_zone, g_time_zone_unref);
  self->time_zone = tz;
  g_free (self->time_zone_id);
  self->time_zone_id = g_strdup (time_zone);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

GTimeZone *
warta_clock_get_time_zone (WartaClock *self)
{
  g_return_val_if_fail (WARTA_IS_CLOCK (self), NULL);

  return self->time_zone;
}

/**
 * warta_clock_now:
 * @self: a #WartaClock
 *
 * Returns: the current time in µs since the Unix epoch
 */
gint64
warta_clock_now (WartaClock *self)
{
  g_return_val_if_fail (WARTA_IS_CLOCK (self), 0);

  if (self->frozen)
    return self->frozen_us;
  if (self->now_func != NULL)
    return self->now_func (self->now_data);

  return g_get_real_time ();
}

GDateTime *
warta_clock_to_local (WartaClock *self,
                      gint64      unix_us)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (WARTA_IS_CLOCK (self), NULL);

  utc = g_date_time_new_from_unix_utc (unix_us / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, self->time_zone);
}

/* @unix_us in @time_zone (%NULL: UTC); %NULL for 0 or out of range. */
static GDateTime *
in_zone (GTimeZone *time_zone,
         gint64     unix_us)
{
  g_autoptr(GTimeZone) utc_zone = time_zone == NULL ? g_time_zone_new_utc () : NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (unix_us == 0)
    return NULL;
  utc = g_date_time_new_from_unix_utc (unix_us / G_USEC_PER_SEC);
  if (utc == NULL)
    return NULL;
  return g_date_time_to_timezone (utc, time_zone != NULL ? time_zone : utc_zone);
}

/* Day and month names from Warta's own catalogue. */
static const char *
weekday_name (int      day_of_week,
              gboolean abbreviated)
{
  switch (day_of_week)
    {
    case 1: return abbreviated ? C_("weekday abbreviated", "Mon") : C_("weekday", "Monday");
    case 2: return abbreviated ? C_("weekday abbreviated", "Tue") : C_("weekday", "Tuesday");
    case 3: return abbreviated ? C_("weekday abbreviated", "Wed") : C_("weekday", "Wednesday");
    case 4: return abbreviated ? C_("weekday abbreviated", "Thu") : C_("weekday", "Thursday");
    case 5: return abbreviated ? C_("weekday abbreviated", "Fri") : C_("weekday", "Friday");
    case 6: return abbreviated ? C_("weekday abbreviated", "Sat") : C_("weekday", "Saturday");
    case 7: return abbreviated ? C_("weekday abbreviated", "Sun") : C_("weekday", "Sunday");
    default: g_return_val_if_reached ("");
    }
}

static const char *
month_name (int      month,
            gboolean abbreviated)
{
  switch (month)
    {
    case 1: return abbreviated ? C_("month abbreviated", "Jan") : C_("month", "January");
    case 2: return abbreviated ? C_("month abbreviated", "Feb") : C_("month", "February");
    case 3: return abbreviated ? C_("month abbreviated", "Mar") : C_("month", "March");
    case 4: return abbreviated ? C_("month abbreviated", "Apr") : C_("month", "April");
    case 5: return abbreviated ? C_("month abbreviated", "May") : C_("month", "May");
    case 6: return abbreviated ? C_("month abbreviated", "Jun") : C_("month", "June");
    case 7: return abbreviated ? C_("month abbreviated", "Jul") : C_("month", "July");
    case 8: return abbreviated ? C_("month abbreviated", "Aug") : C_("month", "August");
    case 9: return abbreviated ? C_("month abbreviated", "Sep") : C_("month", "September");
    case 10: return abbreviated ? C_("month abbreviated", "Oct") : C_("month", "October");
    case 11: return abbreviated ? C_("month abbreviated", "Nov") : C_("month", "November");
    case 12: return abbreviated ? C_("month abbreviated", "Dec") : C_("month", "December");
    default: g_return_val_if_reached ("");
    }
}

/**
 * warta_date_time_format:
 * @datetime: a #GDateTime
 * @format: g_date_time_format()'s codes
 *
 * Formats @datetime as g_date_time_format() does, but with the day and
 * month names (%A, %a, %B, %b, %h) in Warta's language: GLib takes them
 * from the system's locale, which a Debian system set up in English, or
 * without id_ID, does not have in Indonesian. Every date Warta shows
 * with a name goes through here.
 *
 * Returns: the text
 */
char *
warta_date_time_format (GDateTime  *datetime,
                        const char *format)
{
  g_autoptr(GString) expanded = g_string_new (NULL);
  const char *p = format;

  g_return_val_if_fail (datetime != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  while (*p != '\0')
    {
      const char *start = p;
      const char *name = NULL;
      gboolean upper = FALSE;

      if (*p != '%')
        {
          g_string_append_c (expanded, *p++);
          continue;
        }
      p++;
      if (*p == '%')
        {
          g_string_append (expanded, "%%");
          p++;
          continue;
        }
      while (*p != '\0' && strchr ("-_0^#EO", *p) != NULL)
        upper |= *p++ == '^';

      switch (*p)
        {
        case 'A':
        case 'a':
          name = weekday_name (g_date_time_get_day_of_week (datetime), *p == 'a');
          break;
        case 'B':
        case 'b':
        case 'h':
          name = month_name (g_date_time_get_month (datetime), *p != 'B');
          break;
        default:
          break;
        }

      if (*p != '\0')
        p++;
      if (name == NULL)
        {
          g_string_append_len (expanded, start, p - start);
          continue;
        }

      /* The name is text, not codes, for g_date_time_format(). */
      {
        g_autofree char *shown = upper ? g_utf8_strup (name, -1) : g_strdup (name);

        for (const char *c = shown; *c != '\0'; c++)
          {
            if (*c == '%')
              g_string_append_c (expanded, '%');
            g_string_append_c (expanded, *c);
          }
      }
    }

  return g_date_time_format (datetime, expanded->str);
}

#define FIGURE_SPACE "\u2007"

/* @unix_us in @time_zone as g_date_time_format() writes it with @format;
 * NULL for 0. */
static char *
format_in_zone (GTimeZone  *time_zone,
                gint64      unix_us,
                const char *format)
{
  g_autoptr(GDateTime) local = in_zone (time_zone, unix_us);

  return local != NULL ? g_date_time_format (local, format) : NULL;
}

/**
 * warta_format_time:
 * @time_zone: (nullable): the office's zone (the clock's); %NULL: UTC
 * @unix_us: µs since the Unix epoch; 0 for none
 * @with_zone: whether to name the zone ("WIB"), for text read away from
 *   the app
 *
 * Returns: (nullable): the time as the app shows it, "27 Nov 2026, 03:14"
 */
char *
warta_format_time (GTimeZone *time_zone,
                   gint64     unix_us,
                   gboolean   with_zone)
{
  g_autoptr(GDateTime) local = in_zone (time_zone, unix_us);
  char *text;
  char *start;

  if (local == NULL)
    return NULL;

  /* Translators: a date and time, as in the publication lists; see
   * g_date_time_format() for the codes. Day before month, 24-hour clock. */
  if (!with_zone)
    text = warta_date_time_format (local, _("%e %b %Y, %H:%M"));
  else
    /* Translators: the same with the time zone's name, "27 Nov 2026, 03:14 WIB". */
    text = warta_date_time_format (local, _("%e %b %Y, %H:%M %Z"));

  /* %e pads a day before the 10th with a figure space: "Scheduled for  9
   * Jun" in a sentence. Whatever pads the start goes. */
  start = text;
  while (g_str_has_prefix (start, FIGURE_SPACE) || *start == ' ')
    start += *start == ' ' ? 1 : strlen (FIGURE_SPACE);
  if (start != text)
    memmove (text, start, strlen (start) + 1);
  return text;
}

/**
 * warta_format_time_of_day:
 * @time_zone: (nullable): the office's zone (the clock's); %NULL: UTC
 * @unix_us: µs since the Unix epoch; 0 for none
 *
 * Returns: (nullable): the time alone, as warta_format_time() writes it
 *   ("03:14"; "03.14" in Indonesian), for "Saved at 03:14"
 */
char *
warta_format_time_of_day (GTimeZone *time_zone,
                          gint64     unix_us)
{
  /* Translators: a time of day, written as in "%e %b %Y, %H:%M" */
  return format_in_zone (time_zone, unix_us, _("%H:%M"));
}

/**
 * warta_format_time_of_day_with_zone:
 * @time_zone: (nullable): the office's zone (the clock's); %NULL: UTC
 * @unix_us: µs since the Unix epoch; 0 for none
 *
 * Returns: (nullable): the time alone with the zone's name, as
 *   warta_format_time() writes it with its zone ("03:14 WIB"), for a
 *   sentence read beside such times
 */
char *
warta_format_time_of_day_with_zone (GTimeZone *time_zone,
                                    gint64     unix_us)
{
  /* Translators: a time of day with the time zone's name, written as in
   * "%e %b %Y, %H:%M %Z": "03:14 WIB" */
  return format_in_zone (time_zone, unix_us, _("%H:%M %Z"));
}

GDateTime *
warta_clock_now_local (WartaClock *self)
{
  return warta_clock_to_local (self, warta_clock_now (self));
}

/**
 * warta_clock_set_now_func:
 * @self: a #WartaClock
 * @func: (nullable): where the time comes from; %NULL for the real time
 * @user_data: data for @func
 * @destroy: frees @user_data
 */
void
warta_clock_set_now_func (WartaClock        *self,
                          WartaClockNowFunc  func,
                          gpointer           user_data,
                          GDestroyNotify     destroy)
{
  g_return_if_fail (WARTA_IS_CLOCK (self));

  if (self->now_destroy != NULL)
    self->now_destroy (self->now_data);

  self->now_func = func;
  self->now_data = user_data;
  self->now_destroy = destroy;
  self->frozen = FALSE;
}

/* Stops the clock at @unix_us; warta_clock_advance() moves it. */
void
warta_clock_freeze (WartaClock *self,
                    gint64      unix_us)
{
  g_return_if_fail (WARTA_IS_CLOCK (self));

  self->frozen = TRUE;
  self->frozen_us = unix_us;
}

void
warta_clock_advance (WartaClock *self,
                     gint64      usec)
{
  g_return_if_fail (WARTA_IS_CLOCK (self));

  if (!self->frozen)
    warta_clock_freeze (self, warta_clock_now (self));

  self->frozen_us += usec;
}
