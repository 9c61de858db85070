CREATE SCHEMA "identity";
--> statement-breakpoint
CREATE SCHEMA "org";
--> statement-breakpoint
CREATE SCHEMA "audit";
--> statement-breakpoint
CREATE TABLE "identity"."oidc_identities" (
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "oidc_identities_issuer_subject_pk" PRIMARY KEY("issuer","subject")
);
--> statement-breakpoint
CREATE TABLE "identity"."oidc_logins" (
	"state" text PRIMARY KEY NOT NULL,
	"code_verifier" text NOT NULL,
	"nonce" text NOT NULL,
	"return_to" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."role_assignments" (
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "role_assignments_user_id_role_agency_id_pk" PRIMARY KEY("user_id","role","agency_id")
);
--> statement-breakpoint
CREATE TABLE "identity"."sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"auth_method" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"username" text,
	"full_name" text NOT NULL,
	"email" text,
	"phone" text,
	"identity_number" text,
	"password_hash" text,
	"status" text DEFAULT 'active' NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"totp_secret" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org"."agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"successor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "org"."agency_names" (
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"valid_from" date NOT NULL,
	CONSTRAINT "agency_names_agency_id_valid_from_pk" PRIMARY KEY("agency_id","valid_from")
);
--> statement-breakpoint
CREATE TABLE "org"."desks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"phone" text,
	"office_hours" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "audit"."entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"ip" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"agency_id" text,
	"details" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "role_assignments_agency_idx" ON "identity"."role_assignments" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "identity"."sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "identity"."users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "users_citizen_email_key" ON "identity"."users" USING btree ("email") WHERE kind = 'citizen';--> statement-breakpoint
CREATE UNIQUE INDEX "users_citizen_phone_key" ON "identity"."users" USING btree ("phone") WHERE kind = 'citizen';--> statement-breakpoint
CREATE INDEX "agencies_parent_idx" ON "org"."agencies" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "desks_agency_idx" ON "org"."desks" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "audit_target_idx" ON "audit"."entries" USING btree ("target_type","target_id");