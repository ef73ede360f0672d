-- Post-editing: a person's edits next to the machine output. Portable between H2 2.x and PostgreSQL, like V1.
-- target_text stays the sentence's current text (what every export and the share page show); the machine output
-- is kept in machine_text once a sentence is first edited (NULL: never edited, target_text is the machine's).
-- flagged stays the machine's flag: an edited sentence is no longer doubtful, which is worked out on reading.
-- edited_by is NULL for edits made without sign-in (anonymous).
ALTER TABLE article_sentence ADD COLUMN machine_text VARCHAR;
ALTER TABLE article_sentence ADD COLUMN edited_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE article_sentence ADD COLUMN edited_by VARCHAR(128);
-- Moves on with every edit and undo, so a tab that saw an older text gets a conflict instead of overwriting.
ALTER TABLE article_sentence ADD COLUMN revision INTEGER DEFAULT 0 NOT NULL;

-- Every edit, oldest first, so the last one can be undone (and the one before it shown again).
CREATE TABLE sentence_edit (
    article_id     UUID                     NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    sentence_index INTEGER                  NOT NULL,
    revision       INTEGER                  NOT NULL,
    before_text    VARCHAR                  NOT NULL,
    after_text     VARCHAR                  NOT NULL,
    edited_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_by      VARCHAR(128),
    PRIMARY KEY (article_id, sentence_index, revision)
);

-- Which translation the stored summary was made from: MACHINE (the pipeline's) or EDITED (regenerated after
-- edits), and the article's edit count at that time, so the API and the view can say whether it is current.
ALTER TABLE article ADD COLUMN summary_basis VARCHAR(16) DEFAULT 'MACHINE' NOT NULL;
ALTER TABLE article ADD COLUMN summary_edit_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE article ADD COLUMN edit_count INTEGER DEFAULT 0 NOT NULL;
