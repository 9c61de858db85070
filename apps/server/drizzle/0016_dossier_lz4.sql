-- A dossier's state (about 4.5 kB of JSON) and its events' bodies are stored compressed (TOAST); every
-- command rewrites the state. lz4 compresses several times faster than the default pglz: measured on
-- the intake bench, PostgreSQL CPU per reception 2.24 → 1.98 ms. PGlite is built without lz4: there
-- the columns keep pglz. Rows already stored keep their compression until rewritten.
DO $$
BEGIN
  ALTER TABLE "dossiers"."dossiers" ALTER COLUMN "state" SET COMPRESSION lz4;
  ALTER TABLE "dossiers"."events" ALTER COLUMN "body" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available in this build: the dossier columns keep pglz';
END $$;
