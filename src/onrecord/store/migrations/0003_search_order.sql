-- 0003_search_order: indexes that give statement listings their order without a sort.
--
-- Statements are listed in their article's order (onrecord.store.db: _ORDER_CHRONO and
-- _ORDER_NEWEST): known publication dates first, oldest or newest first, then year-unknown
-- and undated articles. These two expression indexes hold exactly those keys, so "the newest
-- 20 statements" walks the newest 20 articles (and their statements through the
-- (article_id, position) index) instead of sorting every statement in the store. Articles are
-- few next to statements, so the indexes are small; they are built from existing rows here,
-- which is all an existing database needs (no data changes). `latest` leads because listings
-- show latest revisions only (a.latest = 1); listings of all revisions sort instead.

CREATE INDEX articles_chrono ON articles (latest, pub_date IS NULL, pub_date, published, seq);

CREATE INDEX articles_newest
    ON articles (latest, pub_date IS NULL, pub_date DESC, published DESC, seq DESC);
