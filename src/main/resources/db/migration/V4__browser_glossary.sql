-- The glossary a browser last typed or uploaded on the translate page, kept per browser (the tarjim-owner
-- cookie's id) so it survives reloads. V4, not V3: V3 is taken on the articles branch. Portable like V1.
CREATE TABLE browser_glossary (
    owner      VARCHAR(128)             NOT NULL PRIMARY KEY,
    terms      VARCHAR                  NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
