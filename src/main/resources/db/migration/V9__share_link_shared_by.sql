-- The name shown on a shared page as "Shared by NAME": only when the person sharing chose to show it (sign-in on),
-- NULL otherwise, so that older links and anonymous shares show no one.
ALTER TABLE share_link ADD COLUMN shared_by VARCHAR(200);
