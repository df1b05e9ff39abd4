-- The embedded engine (issue 3): a summary can stop at Max time (partial), and long texts are
-- summarized in parts and combined.
ALTER TABLE summaries ADD COLUMN partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1));
ALTER TABLE summaries ADD COLUMN parts INTEGER NOT NULL DEFAULT 1 CHECK (parts >= 1);
