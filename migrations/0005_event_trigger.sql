-- The word(s) an event was found by ("delayed", "the crash"), as written: a clause may hold
-- several events (every event verb and noun in English), told apart by their triggers.
-- Empty for events stored before this column existed, until their article is re-extracted.
ALTER TABLE event ADD COLUMN trigger_text TEXT;
