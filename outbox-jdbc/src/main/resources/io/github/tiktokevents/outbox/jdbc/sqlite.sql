-- TikTok Events outbox table for SQLite 3 (no row locks: each claim is one atomic UPDATE, and relays in several
-- processes take turns on the database's write lock). Times are Unix epoch milliseconds from the application's clock.
-- A row is pending while refused_at is null. AUTOINCREMENT: an id is never reused, even after the last row is deleted.
CREATE TABLE IF NOT EXISTS tiktok_events_outbox (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    source             TEXT    NOT NULL,
    event_id           TEXT    NOT NULL,
    edition            TEXT    NOT NULL,
    payload            BLOB    NOT NULL,
    created_at         INTEGER NOT NULL,
    attempts           INTEGER NOT NULL DEFAULT 0,
    claimed_by         TEXT,
    claimed_until      INTEGER,
    refused_at         INTEGER,
    refusal_code       INTEGER,
    refusal_message    TEXT,
    refusal_request_id TEXT
);
CREATE INDEX IF NOT EXISTS tiktok_events_outbox_pending ON tiktok_events_outbox (source, refused_at, id);
