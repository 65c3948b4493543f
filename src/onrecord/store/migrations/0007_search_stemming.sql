-- 0007_search_stemming: English stemming in full-text search ("ceasefire" finds "ceasefires",
-- "negotiations" finds "negotiated"), for statements and headlines alike.
--
-- FTS5 fixes a table's tokenizer when the table is created, so the two indexes are dropped
-- and created again with the porter stemmer over the same unicode61 tokenizer (diacritics
-- still removed: "cafe" finds "Café"), then rebuilt from their content tables. An existing
-- database gets its index rebuilt here, inside the migration's one transaction: a crash
-- leaves the old index and version 6. The triggers are created again with the tables they
-- write to (their bodies are unchanged from 0001). Columns are those of 0001: a later
-- migration that changes them must change them here too.
--
-- The fts5vocab tables list the indexed stems; onrecord.store.fts reads them to widen a
-- prefix search whose prefix runs past a word's stem ("negotiat*": the index holds
-- "negoti"), which the stemmer alone would no longer find.

DROP TRIGGER IF EXISTS statements_fts_insert;
DROP TRIGGER IF EXISTS statements_fts_delete;
DROP TRIGGER IF EXISTS statements_fts_update;
DROP TABLE IF EXISTS statements_fts;

CREATE VIRTUAL TABLE statements_fts USING fts5 (
    content, speaker_name,
    content = 'statements', content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts (rowid, content, speaker_name)
    VALUES (new.id, new.content, new.speaker_name);
END;

CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
END;

CREATE TRIGGER statements_fts_update AFTER UPDATE OF content, speaker_name ON statements BEGIN
    INSERT INTO statements_fts (statements_fts, rowid, content, speaker_name)
    VALUES ('delete', old.id, old.content, old.speaker_name);
    INSERT INTO statements_fts (rowid, content, speaker_name)
    VALUES (new.id, new.content, new.speaker_name);
END;

INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');

DROP TRIGGER IF EXISTS headlines_fts_insert;
DROP TRIGGER IF EXISTS headlines_fts_delete;
DROP TRIGGER IF EXISTS headlines_fts_update;
DROP TABLE IF EXISTS headlines_fts;

CREATE VIRTUAL TABLE headlines_fts USING fts5 (
    headline, subheadline,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
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

-- 'rebuild' reads the content table's columns as they are: NULL headlines index as nothing,
-- exactly what the triggers' coalesce(..., '') gives.
INSERT INTO headlines_fts (headlines_fts) VALUES ('rebuild');

CREATE VIRTUAL TABLE statements_fts_vocab USING fts5vocab (statements_fts, 'row');
CREATE VIRTUAL TABLE headlines_fts_vocab USING fts5vocab (headlines_fts, 'row');
