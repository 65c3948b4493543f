-- 0006_outlet_aliases: the user's corrections of outlet names ("tribune242.com" is "The
-- Tribune"), the outlets' counterpart of record_rules for speakers.
--
-- Articles keep the outlet as their source gave it (articles.outlet); every read shows the
-- name this table maps it to (onrecord.store.corrections), so a correction reaches every
-- listing, filter, export, the API and the web UI at once, holds for articles ingested
-- later, and is undone by deleting its row. Nothing here is derived: `speakers rebuild`
-- leaves it alone.

CREATE TABLE outlet_aliases (
    alias      TEXT PRIMARY KEY COLLATE NOCASE,   -- an outlet as articles carry it
    name       TEXT NOT NULL,                     -- the name readers see instead
    created_at TEXT NOT NULL
);

CREATE INDEX outlet_aliases_name ON outlet_aliases (name COLLATE NOCASE);
