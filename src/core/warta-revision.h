/* warta-revision.h: one immutable version of a publication's content
 *
 * Copyright 2026 The Warta authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "warta-media-item.h"

G_BEGIN_DECLS

#define WARTA_TYPE_REVISION (warta_revision_get_type ())

G_DECLARE_FINAL_TYPE (WartaRevision, warta_revision, WARTA, REVISION, GObject)

WartaRevision *warta_revision_new (void);
gint64        warta_revision_get_id              (WartaRevision *self);
void          warta_revision_set_id              (WartaRevision *self,
                                                  gint64 id);
gint64        warta_revision_get_publication_id  (WartaRevision *self);
void          warta_revision_set_publication_id  (WartaRevision *self,
                                                  gint64 publication_id);
guint         warta_revision_get_number          (WartaRevision *self);
void          warta_revision_set_number          (WartaRevision *self,
                                                  guint number);
const char *  warta_revision_get_hash            (WartaRevision *self);
void          warta_revision_set_hash            (WartaRevision *self,
                                                  const char *hash);
gint64        warta_revision_get_author_id       (WartaRevision *self);
void          warta_revision_set_author_id       (WartaRevision *self,
                                                  gint64 author_id);
gint64        warta_revision_get_created_at      (WartaRevision *self);
void          warta_revision_set_created_at      (WartaRevision *self,
                                                  gint64 created_at);
const char *  warta_revision_get_title           (WartaRevision *self);
void          warta_revision_set_title           (WartaRevision *self,
                                                  const char *title);
const char *  warta_revision_get_what            (WartaRevision *self);
void          warta_revision_set_what            (WartaRevision *self,
                                                  const char *what);
const char *  warta_revision_get_who             (WartaRevision *self);
void          warta_revision_set_who             (WartaRevision *self,
                                                  const char *who);
const char *  warta_revision_get_when            (WartaRevision *self);
void          warta_revision_set_when            (WartaRevision *self,
                                                  const char *when);
const char *  warta_revision_get_where           (WartaRevision *self);
void          warta_revision_set_where           (WartaRevision *self,
                                                  const char *where);
const char *  warta_revision_get_why             (WartaRevision *self);
void          warta_revision_set_why             (WartaRevision *self,
                                                  const char *why);
const char *  warta_revision_get_how             (WartaRevision *self);
void          warta_revision_set_how             (WartaRevision *self,
                                                  const char *how);
const char *  warta_revision_get_narrative       (WartaRevision *self);
void          warta_revision_set_narrative       (WartaRevision *self,
                                                  const char *narrative);
const char *  warta_revision_get_category        (WartaRevision *self);
void          warta_revision_set_category        (WartaRevision *self,
                                                  const char *category);
const char *  warta_revision_get_hashtags        (WartaRevision *self);
void          warta_revision_set_hashtags        (WartaRevision *self,
                                                  const char *hashtags);
const char *  warta_revision_get_article_title   (WartaRevision *self);
void          warta_revision_set_article_title   (WartaRevision *self,
                                                  const char *article_title);
const char *  warta_revision_get_article_body    (WartaRevision *self);
void          warta_revision_set_article_body    (WartaRevision *self,
                                                  const char *article_body);
gint64        warta_revision_get_scheduled_at    (WartaRevision *self);
void          warta_revision_set_scheduled_at    (WartaRevision *self,
                                                  gint64 scheduled_at);

void          warta_revision_set_caption     (WartaRevision *self,
                                              const char    *target,
                                              const char    *caption);
const char   *warta_revision_get_caption     (WartaRevision *self,
                                              const char    *target);
char        **warta_revision_list_caption_targets (WartaRevision *self);
GListModel   *warta_revision_get_media       (WartaRevision *self);
void          warta_revision_add_media       (WartaRevision  *self,
                                              WartaMediaItem *item);
void          warta_revision_remove_media    (WartaRevision  *self,
                                              guint           position);
char         *warta_revision_serialize       (WartaRevision *self);
char         *warta_revision_compute_hash    (WartaRevision *self);
char         *warta_revision_to_json         (WartaRevision *self);
WartaRevision *warta_revision_new_from_json  (const char    *json,
                                              GError       **error);
char        **warta_revision_list_missing_5w1h (WartaRevision *self);
char        **warta_revision_list_concept_gaps (WartaRevision *self);
WartaRevision *warta_revision_new_draft      (WartaRevision *self);
void          warta_revision_seal            (WartaRevision *self);
gboolean      warta_revision_is_sealed       (WartaRevision *self);

G_END_DECLS
