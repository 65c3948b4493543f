-- 0002_record: the cross-article record (speaker registry, user corrections, statement
-- links across outlets, dated events). Written by onrecord.resolve.record through
-- onrecord.store.record; everything here can be rebuilt from articles + statements +
-- record_rules, except record_rules itself (the user's corrections).
--
-- Roles and affiliations are not copied here: they are read from statements
-- (speaker_role, speaker_affiliation) grouped by person_id, so a merge or split never has
-- to rewrite them and they always show the outlet and date of each report.

CREATE TABLE persons (
    id          TEXT PRIMARY KEY,               -- stable: derived from the creating key
    name        TEXT NOT NULL,                  -- canonical display name
    type        TEXT NOT NULL DEFAULT 'unknown',-- person | organisation | unknown
    kind        TEXT NOT NULL,                  -- full | surname | org | description | generic | user
    key         TEXT NOT NULL,                  -- normalised key it was created from
    scope       TEXT NOT NULL DEFAULT '',       -- '' or the article id of an article-local speaker
    name_pinned INTEGER NOT NULL DEFAULT 0,     -- 1 after a user rename
    created_at  TEXT NOT NULL
);

CREATE INDEX persons_key ON persons (key, scope);
CREATE INDEX persons_name ON persons (name COLLATE NOCASE);

-- Every speaker name the statements carry, and the entity it belongs to.
CREATE TABLE person_aliases (
    alias     TEXT NOT NULL,                    -- statements.speaker_name exactly
    scope     TEXT NOT NULL DEFAULT '',         -- '' or article id (article-local speakers)
    key       TEXT NOT NULL,                    -- onrecord.resolve.people key
    kind      TEXT NOT NULL,                    -- full | surname | org | description | generic
    surname   TEXT,                             -- for full and surname person names
    person_id TEXT NOT NULL REFERENCES persons(id),
    how       TEXT NOT NULL,                    -- key | surname | role | new | user
    PRIMARY KEY (alias, scope)
);

CREATE INDEX person_aliases_person ON person_aliases (person_id);
CREATE INDEX person_aliases_key ON person_aliases (key, scope);
CREATE INDEX person_aliases_surname ON person_aliases (surname, kind);
CREATE INDEX person_aliases_alias_nocase ON person_aliases (alias COLLATE NOCASE);

-- User corrections, kept as rules and replayed after a rebuild: merge, split, rename.
CREATE TABLE record_rules (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'rename')),
    target     TEXT NOT NULL,                   -- the name the user gave for the entity
    args       TEXT NOT NULL DEFAULT '[]',      -- JSON list: merged names, split aliases, new name
    created_at TEXT NOT NULL
);

-- Statements linked across reports: one group per statement as said, one row per report.
CREATE TABLE link_members (
    statement_id INTEGER PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
    group_id     INTEGER NOT NULL,              -- the id of the group's first linked statement
    score        REAL                           -- similarity to the member it matched (NULL: first)
);

CREATE INDEX link_members_group ON link_members (group_id);

-- Dated events the articles mention (timeline entries).
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start          TEXT NOT NULL,               -- reduced-precision ISO
    "end"          TEXT,                        -- for ranges
    precision      TEXT NOT NULL,
    description    TEXT NOT NULL,
    place          TEXT,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    when_text      TEXT NOT NULL
);

CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_start ON events (start);

-- Articles whose statement times and events have been worked out.
CREATE TABLE record_articles (
    article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    processed_at TEXT NOT NULL
);
