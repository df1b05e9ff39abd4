-- The search index again, now also keeping every word's first 3 characters (prefix = '3').
--
-- Search runs as people type, so the last word is usually a prefix ("bud" for "budget").
-- Without a prefix index FTS5 answers "bud"* by merging the lists of every word starting with
-- "bud" before returning a row; for the commonest stems ("the"*: the, they, their, …) that took
-- 0.1-0.25 s at 100,000 summaries. With it, a 3-character prefix is one list read newest first,
-- stopping after a page: about 1 ms. Shorter last words are looked for whole (see
-- domain::history::MIN_PREFIX_CHARS). The index grows by about half (170 MB at 200,000 rows).
--
-- Same table otherwise (see 20261123000002_history_search.sql): external content over the
-- successful rows only, kept in step by the same triggers, rebuilt from `summaries`.
DROP TRIGGER summaries_fts_insert;
DROP TRIGGER summaries_fts_delete;
DROP TRIGGER summaries_fts_update;
DROP TABLE summaries_fts;

CREATE VIRTUAL TABLE summaries_fts USING fts5 (
    input_text,
    summary,
    content = 'summaries',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3'
);

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

INSERT INTO summaries_fts (rowid, input_text, summary)
SELECT id, input_text, summary FROM summaries WHERE outcome = 'ok';
