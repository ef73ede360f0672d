-- The models and language check a batch asked for, so that every item (also after a restart or a retry) is
-- translated as the whole batch was: preset FAST (opus-mt) or QUALITY (NLLB-200), summary model FAST
-- (distilbart-cnn-6-6) or QUALITY (distilbart-cnn-12-6), and force_language: translate items with few Arabic
-- letters anyway. Older batches keep the defaults they ran with.
ALTER TABLE batch_job ADD COLUMN preset VARCHAR(16) DEFAULT 'FAST' NOT NULL;
ALTER TABLE batch_job ADD COLUMN summary_model VARCHAR(16) DEFAULT 'FAST' NOT NULL;
ALTER TABLE batch_job ADD COLUMN force_language BOOLEAN DEFAULT FALSE NOT NULL;
