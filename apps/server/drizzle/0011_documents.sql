CREATE SCHEMA "documents";
--> statement-breakpoint
CREATE TABLE "documents"."file_links" (
	"receiving_agency_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"agency_ids" uuid[] NOT NULL,
	"applicant_account_id" uuid,
	"attached_by" uuid NOT NULL,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "file_links_receiving_agency_id_dossier_id_file_id_pk" PRIMARY KEY("receiving_agency_id","dossier_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "documents"."files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"attached_at" timestamp with time zone,
	CONSTRAINT "files_media_type_check" CHECK (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
	CONSTRAINT "files_size_check" CHECK (size > 0),
	CONSTRAINT "files_sha256_check" CHECK (sha256 ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE INDEX "file_links_file_idx" ON "documents"."file_links" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "documents"."files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "files_unattached_idx" ON "documents"."files" USING btree ("created_at") WHERE attached_at is null;