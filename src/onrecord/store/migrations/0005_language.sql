-- 0005_language: the article's language as a filter (issue 13: Russian-language copy).
--
-- articles.language has been stored since 0001 (every reader sets it: the page's or feed's
-- declared language, else onrecord.ingest.meta.guess_language); listings and searches now
-- filter on it (`--language ru`, `language=ru`), so it is kept as a bare lower-case code
-- and indexed with the latest-revision flag the listings always test.

UPDATE articles SET language = lower(language) WHERE language IS NOT NULL AND language != lower(language);

CREATE INDEX articles_language ON articles (language, latest);
