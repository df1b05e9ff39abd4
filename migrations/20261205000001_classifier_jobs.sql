-- Sort: training jobs of the classifier (POST /api/v1/classifier/train, operators only). A job
-- left queued or running when Precis stops is marked failed ('interrupted') at the next start:
-- never succeeded.
CREATE TABLE classifier_jobs (
    id            TEXT PRIMARY KEY NOT NULL,    -- 32 hex digits
    user_id       TEXT NOT NULL,                -- the operator's account that started it
    preset        TEXT NOT NULL CHECK (preset IN ('quick', 'standard')),
    state         TEXT NOT NULL
                  CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    progress      REAL NOT NULL DEFAULT 0,      -- 0 to 1
    stage         TEXT,                         -- JSON TrainStage, the last one reached
    created_at    INTEGER NOT NULL,             -- unix milliseconds
    finished_at   INTEGER,
    error         TEXT,                         -- set when failed: 'interrupted', 'data_missing', 'failed'
    outcome       TEXT,                         -- set when succeeded: JSON (activated, ROC-AUCs, folder)
    CHECK ((state = 'failed') = (error IS NOT NULL)),
    CHECK ((state = 'succeeded') = (outcome IS NOT NULL))
) STRICT;
CREATE INDEX classifier_jobs_by_state ON classifier_jobs (state);
