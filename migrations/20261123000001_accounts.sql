-- Accounts (issue 4). An account is a row of `users` with an email and a password hash;
-- anonymous visitors keep rows without them. Settings are kept for both.
ALTER TABLE users ADD COLUMN email TEXT;            -- trimmed, lower-cased; NULL: anonymous
ALTER TABLE users ADD COLUMN password_hash TEXT;    -- argon2id PHC string
ALTER TABLE users ADD COLUMN settings TEXT;         -- JSON UserSettings; NULL: defaults
CREATE UNIQUE INDEX users_by_email ON users (email) WHERE email IS NOT NULL;

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so the
-- database alone cannot be used to sign in.
CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY NOT NULL,    -- hex SHA-256 of the cookie's token
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,             -- unix milliseconds
    expires_at    INTEGER NOT NULL
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- API keys for `Authorization: Bearer`. Only the SHA-256 of the secret is stored (the secret is
-- 238 random bits, so a fast hash is enough: there is nothing to brute-force).
CREATE TABLE api_keys (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    prefix        TEXT NOT NULL,                -- shown to recognise the key: "prc_AbCd1234"
    secret_hash   TEXT NOT NULL UNIQUE,         -- hex SHA-256 of the whole key
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER,
    revoked_at    INTEGER                       -- set: refused from then on
) STRICT;
CREATE INDEX api_keys_by_user ON api_keys (user_id, id DESC);
