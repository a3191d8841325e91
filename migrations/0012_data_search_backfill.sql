-- Satu Data search: hand-written, idempotent. Fills the narrow search table (data_search) from
-- the datasets already published and public; from now on refreshDatasetIndex keeps it in step.
INSERT INTO data_search
  (dataset_id, name, title, agency_id, topic, tags, formats, license_id, year, search, created_at, updated_at)
SELECT id, name, title, agency_id, topic, tags, formats, license_id, year,
       coalesce(search, to_tsvector('indonesian', title)), created_at, updated_at
FROM datasets
WHERE state = 'published' AND classification = 'public'
ON CONFLICT (dataset_id) DO NOTHING;
