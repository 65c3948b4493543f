-- 0001_core: articles (with revisions), statements, full-text indexes.
--
-- Applied by onrecord.store.migrate inside one transaction; do not put BEGIN/COMMIT here.
-- Offsets are Python str indices into articles.text (see onrecord.model).

CREATE TABLE articles (
    seq                 INTEGER PRIMARY KEY,            -- stable rowid: ingest order, FTS key
    id                  TEXT NOT NULL UNIQUE,           -- content id (model.content_id)
    doc_id              TEXT NOT NULL,                  -- the caller's id (JSONL id) or content id
    revision_key        TEXT,                           -- Article.revision_key: url, or outlet+headline
    revision_of         TEXT REFERENCES articles(id),   -- first revision's id; NULL for a first revision
    revision            INTEGER NOT NULL DEFAULT 1,     -- 1, 2, ... in ingest order
    latest              INTEGER NOT NULL DEFAULT 1,     -- 1 for the newest revision of its group
    outlet              TEXT,
    published           TEXT,                           -- reduced-precision ISO 8601 as read
    published_precision TEXT,
    pub_date            TEXT,                           -- sortable YYYY[-MM[-DD]] when the year is known
    dateline            TEXT,
    headline            TEXT,
    subheadline         TEXT,
    byline              TEXT,
    url                 TEXT,
    language            TEXT,
    source              TEXT,
    body_start          INTEGER NOT NULL DEFAULT 0,
    text                TEXT NOT NULL,
    meta                TEXT NOT NULL DEFAULT '{}',     -- JSON object
    ingested_at         TEXT NOT NULL                   -- UTC ISO 8601
);

CREATE INDEX articles_revision_key ON articles (revision_key);
CREATE INDEX articles_latest_date ON articles (latest, pub_date);
CREATE INDEX articles_outlet ON articles (outlet COLLATE NOCASE);

CREATE TABLE statements (
    id                  INTEGER PRIMARY KEY,
    article_id          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position            INTEGER NOT NULL,               -- order within the article, from 0
    kind                TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    content_start       INTEGER NOT NULL,
    content_end         INTEGER NOT NULL,
    content             TEXT NOT NULL,
    fragments           TEXT NOT NULL DEFAULT '[]',     -- JSON [[start, end], ...]; [] = one piece
    speaker_name        TEXT,
    speaker_type        TEXT,
    mention_start       INTEGER,
    mention_end         INTEGER,
    mention             TEXT,
    speaker_role        TEXT,
    speaker_affiliation TEXT,
    cue_start           INTEGER,
    cue_end             INTEGER,
    cue                 TEXT,
    addressee           TEXT,
    occasion            TEXT,
    "when"              TEXT,
    when_precision      TEXT,
    confidence          REAL,
    source              TEXT,
    person_id           TEXT,                           -- filled by the speaker registry (resolve)
    UNIQUE (article_id, position)
);

CREATE INDEX statements_speaker ON statements (speaker_name COLLATE NOCASE);
CREATE INDEX statements_mention ON statements (mention COLLATE NOCASE);
CREATE INDEX statements_person ON statements (person_id);

-- Full text over what was said and who said it (external content: no second copy of the text).
CREATE VIRTUAL TABLE statements_fts USING fts5 (
    content, speaker_name,
    content = 'statements', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, content, speaker_name)
    VALUES (new.id, new.content, new.speaker_name);
END;

CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
END;

-- Only when indexed columns change: the registry updates person_id often.
CREATE TRIGGER statements_fts_update AFTER UPDATE OF content, speaker_name ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
    INSERT INTO statements_fts (rowid, content, speaker_name)
    VALUES (new.id, new.content, new.speaker_name);
END;

CREATE VIRTUAL TABLE headlines_fts USING fts5 (
    headline, subheadline,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER headlines_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO headlines_fts (rowid, headline, subheadline)
    VALUES (new.seq, coalesce(new.headline, ''), coalesce(new.subheadline, ''));
END;

CREATE TRIGGER headlines_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO headlines_fts (headlines_fts, rowid, headline, subheadline)
    VALUES ('delete', old.seq, coalesce(old.headline, ''), coalesce(old.subheadline, ''));
END;

CREATE TRIGGER headlines_fts_update AFTER UPDATE OF headline, subheadline ON articles BEGIN
    INSERT INTO headlines_fts (headlines_fts, rowid, headline, subheadline)
    VALUES ('delete', old.seq, coalesce(old.headline, ''), coalesce(old.subheadline, ''));
    INSERT INTO headlines_fts (rowid, headline, subheadline)
    VALUES (new.seq, coalesce(new.headline, ''), coalesce(new.subheadline, ''));
END;
