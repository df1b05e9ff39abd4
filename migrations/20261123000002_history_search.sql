-- History you can manage: full-text search over texts and summaries, filters by model and date,
-- keyset pages (newest first, `id < before`) that stay fast at 100,000 rows per person.

-- Words of the successful summaries' texts and summaries. External content: FTS5 keeps only its
-- index; the text stays in `summaries` (read back by rowid for snippets). unicode61 with
-- remove_diacritics 2 folds case and accents the same way in the index and in queries, so
-- "resume" finds "Résumé" and "sao" finds "São" (people write English, French, Portuguese).
--
-- Only rows with outcome = 'ok' are indexed (failed requests are never listed or searched), so
-- the triggers below add and remove exactly those. Consequently never run the 'rebuild' command
-- on this table (it would index every row); to rebuild the index run instead:
--   INSERT INTO summaries_fts (summaries_fts) VALUES ('delete-all');
--   INSERT INTO summaries_fts (rowid, input_text, summary)
--       SELECT id, input_text, summary FROM summaries WHERE outcome = 'ok';
CREATE VIRTUAL TABLE summaries_fts USING fts5 (
    input_text,
    summary,
    content = 'summaries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Kept in step with `summaries` (a deleted or cascaded row leaves the index in the same
-- statement). An external-content 'delete' must repeat the values that were indexed: `old.*`.
CREATE TRIGGER summaries_fts_insert AFTER INSERT ON summaries
WHEN new.outcome = 'ok'
BEGIN
    INSERT INTO summaries_fts (rowid, input_text, summary)
    VALUES (new.id, new.input_text, new.summary);
END;

CREATE TRIGGER summaries_fts_delete AFTER DELETE ON summaries
WHEN old.outcome = 'ok'
BEGIN
    INSERT INTO summaries_fts (summaries_fts, rowid, input_text, summary)
    VALUES ('delete', old.id, old.input_text, old.summary);
END;

CREATE TRIGGER summaries_fts_update AFTER UPDATE OF id, input_text, summary, outcome ON summaries
BEGIN
    INSERT INTO summaries_fts (summaries_fts, rowid, input_text, summary)
    SELECT 'delete', old.id, old.input_text, old.summary WHERE old.outcome = 'ok';
    INSERT INTO summaries_fts (rowid, input_text, summary)
    SELECT new.id, new.input_text, new.summary WHERE new.outcome = 'ok';
END;

-- What was there before this migration.
INSERT INTO summaries_fts (rowid, input_text, summary)
SELECT id, input_text, summary FROM summaries WHERE outcome = 'ok';

-- A page of one person's history walks one of these indexes from `before` downwards and stops
-- after `limit` rows. created_at is in both, so a date filter is checked on the index entries
-- and the table is read only for the rows returned. The model filter has its own index, so
-- a page of a rarely used model does not walk past everyone else's summaries.
-- (Replaces summaries_by_user, which lacked created_at.)
DROP INDEX summaries_by_user;
CREATE INDEX summaries_by_user ON summaries (user_id, outcome, id, created_at);
CREATE INDEX summaries_by_user_model ON summaries (user_id, outcome, model, id, created_at);
