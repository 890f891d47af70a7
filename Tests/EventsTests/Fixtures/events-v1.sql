-- events.sqlite as SQLiteEventStore wrote it before `events-v2` (2026-11-26): the GRDB migration record, the
-- v1 table and indexes, one open and one cleared finding. events-v1.sqlite is this script run by sqlite3:
--   sqlite3 events-v1.sqlite < events-v1.sql
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO grdb_migrations VALUES ('events-v1');
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    time INTEGER NOT NULL,
    asset TEXT NOT NULL,
    kind TEXT NOT NULL,
    fault TEXT NOT NULL,
    severity TEXT NOT NULL,
    confidence REAL NOT NULL,
    title TEXT NOT NULL,
    explanation TEXT NOT NULL,
    evidence TEXT NOT NULL,
    recommended_action TEXT NOT NULL,
    state TEXT NOT NULL,
    cleared_at INTEGER
);
CREATE INDEX events_time ON events (time);
CREATE INDEX events_asset_time ON events (asset, time);
CREATE INDEX events_open ON events (state) WHERE state = 'open';
INSERT INTO events (time, asset, kind, fault, severity, confidence, title, explanation, evidence, recommended_action, state, cleared_at)
    VALUES (1767225600000000, 'demo/pump-1', 'finding', 'outer_race_defect', 'low', 0.7,
        'outer-race bearing defect, drive end, low', 'envelope peak at BPFO', '[{"label":"BPFO"}]', 'watch it', 'open', NULL);
INSERT INTO events (time, asset, kind, fault, severity, confidence, title, explanation, evidence, recommended_action, state, cleared_at)
    VALUES (1767225660000000, 'demo/fan-1', 'finding', 'imbalance', 'moderate', 0.8,
        'imbalance, moderate', '1x up', '[]', 'balance the rotor', 'cleared', 1767229200000000);
