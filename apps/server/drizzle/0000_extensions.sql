-- Diacritic-insensitive Vietnamese search (unaccent maps Đ→D) and typo-tolerant matching (trigrams).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
