-- Portable between H2 2.x and PostgreSQL: standard types only; unbounded VARCHAR for long text
-- (H2 maps TEXT to a CLOB, which neither Spring Data JDBC nor PostgreSQL want).

CREATE TABLE article (
    id                UUID                     NOT NULL PRIMARY KEY,
    version           INTEGER                  NOT NULL,
    owner             VARCHAR(128)             NOT NULL,
    title             VARCHAR(200)             NOT NULL,
    source_text       VARCHAR                  NOT NULL,
    translation_text  VARCHAR,
    summary_text      VARCHAR,
    summary_length    VARCHAR(32)              NOT NULL,
    translation_model VARCHAR(200),
    summarizer_model  VARCHAR(200),
    demo              BOOLEAN                  NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    error_message     VARCHAR(2000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT article_status_known CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'))
);

-- Per-browser history: newest first.
CREATE INDEX article_owner_created ON article (owner, created_at);

CREATE TABLE article_sentence (
    article_id      UUID             NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    list_index      INTEGER          NOT NULL,
    paragraph_index INTEGER          NOT NULL,
    sentence_index  INTEGER          NOT NULL,
    source_text     VARCHAR          NOT NULL,
    target_text     VARCHAR          NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    flagged         BOOLEAN          NOT NULL,
    PRIMARY KEY (article_id, list_index),
    CONSTRAINT article_sentence_position UNIQUE (article_id, paragraph_index, sentence_index)
);

CREATE TABLE share_link (
    token      VARCHAR(64)              NOT NULL PRIMARY KEY,
    version    INTEGER                  NOT NULL,
    article_id UUID                     NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);

CREATE INDEX share_link_article ON share_link (article_id);
