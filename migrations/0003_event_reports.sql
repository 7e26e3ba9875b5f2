-- One real-world event reported by several articles: the reports are linked to one representative
-- event (`merged_into`, the lowest id of the group) and shown as one event with several sources.
-- A merged report is hidden from listings (the effective `hidden` column), so every count and
-- index keeps working unchanged. The machine's grouping is recomputed from the events; the user
-- can keep a report apart (undoable), which survives re-extraction.
ALTER TABLE event ADD COLUMN merged_into INTEGER REFERENCES event(id) ON DELETE SET NULL;
CREATE INDEX event_merged ON event(merged_into);

CREATE TABLE correction_event_apart (
    event_key  TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
