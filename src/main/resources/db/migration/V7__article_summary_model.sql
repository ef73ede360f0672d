-- The summary model chosen for an article (FAST: distilbart-cnn-6-6, QUALITY: distilbart-cnn-12-6), kept with its
-- other options so that a resumed or retried article is summarized as asked. NULL in older rows: the standard one.
ALTER TABLE article ADD COLUMN summary_model VARCHAR(16);
