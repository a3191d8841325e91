-- Satu Data: hand-written, idempotent.
--
-- 1. Full-text search uses the `indonesian` text-search configuration (Snowball stemmer). It
--    exists on PostgreSQL >= 12 and on PGlite; should a server lack it, a plain fallback with the
--    same name keeps search working (without stemming) instead of failing the migration.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'indonesian') THEN
    CREATE TEXT SEARCH CONFIGURATION indonesian (COPY = simple);
  END IF;
END $$;
--> statement-breakpoint
-- 2. Kode referensi: the Kemendagri Kode Wilayah Administrasi Pemerintahan for the demo regency
--    (Provinsi Bali, Kabupaten Tabanan and its ten kecamatan), Kepmendagri 100.1.1-6117/2022.
--    Managed as data: further versions are added by the walidata (`/api/v1/data/reference-lists`).
INSERT INTO data_reference_lists (id, code, version, name, source, valid_from)
VALUES ('5b1e0c2a-0d55-4a0e-9c51-000000005102', 'kemendagri-wilayah', '2022',
        'Kode Wilayah Administrasi Pemerintahan (Kabupaten Tabanan)',
        'Kepmendagri Nomor 100.1.1-6117 Tahun 2022', '2022-12-01')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO data_reference_codes (list_id, code, label, parent_code)
SELECT '5b1e0c2a-0d55-4a0e-9c51-000000005102', v.code, v.label, v.parent
FROM (VALUES
  ('51', 'Bali', NULL),
  ('51.02', 'Kabupaten Tabanan', '51'),
  ('51.02.01', 'Selemadeg', '51.02'),
  ('51.02.02', 'Kerambitan', '51.02'),
  ('51.02.03', 'Tabanan', '51.02'),
  ('51.02.04', 'Kediri', '51.02'),
  ('51.02.05', 'Marga', '51.02'),
  ('51.02.06', 'Baturiti', '51.02'),
  ('51.02.07', 'Penebel', '51.02'),
  ('51.02.08', 'Pupuan', '51.02'),
  ('51.02.09', 'Selemadeg Barat', '51.02'),
  ('51.02.10', 'Selemadeg Timur', '51.02')
) AS v(code, label, parent)
WHERE EXISTS (SELECT 1 FROM data_reference_lists WHERE id = '5b1e0c2a-0d55-4a0e-9c51-000000005102')
ON CONFLICT DO NOTHING;
