-- People are anonymous until accounts arrive: a random id kept in a signed cookie.
CREATE TABLE users (
    id          TEXT PRIMARY KEY NOT NULL,
    created_at  INTEGER NOT NULL            -- unix milliseconds
) STRICT;

-- Every summarize request, successful or not.
CREATE TABLE summaries (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,         -- unix milliseconds, request received
    completed_at  INTEGER NOT NULL,         -- unix milliseconds, answer sent
    latency_ms    INTEGER NOT NULL,
    model         TEXT NOT NULL,
    provider      TEXT,                     -- NULL when the request never reached one
    input_text    TEXT NOT NULL,
    parameters    TEXT NOT NULL,            -- JSON, as sent to the provider
    truncated     INTEGER NOT NULL DEFAULT 0,
    outcome       TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
    summary       TEXT,                     -- set when outcome = 'ok'
    error_code    TEXT,                     -- set when outcome = 'error'
    CHECK ((outcome = 'ok') = (summary IS NOT NULL)),
    CHECK ((outcome = 'error') = (error_code IS NOT NULL))
) STRICT;

CREATE INDEX summaries_by_user ON summaries (user_id, outcome, id DESC);
