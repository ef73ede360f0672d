-- Articles that survive a restart, and QUEUED apart from RUNNING. Portable between H2 2.x and PostgreSQL, like V1.

-- The options besides text and summary length, so that an interrupted job can be run again: the preset's name
-- and the glossary as arabic,english CSV. NULL in rows written before this version, which cannot be resumed.
ALTER TABLE article ADD COLUMN preset VARCHAR(16);
ALTER TABLE article ADD COLUMN glossary_csv VARCHAR;
-- Renewed by the process translating the article; an unfinished article whose heartbeat lapsed was abandoned.
ALTER TABLE article ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;

-- QUEUED: accepted, waiting for a pipeline slot. PENDING stays readable for rows of older versions.
ALTER TABLE article DROP CONSTRAINT article_status_known;
ALTER TABLE article ADD CONSTRAINT article_status_known
    CHECK (status IN ('PENDING', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'));

CREATE INDEX article_status_heartbeat ON article (status, heartbeat_at);
