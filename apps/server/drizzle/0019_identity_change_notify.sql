-- Every process keeps the sessions it has resolved (with their user and roles) in memory and listens on
-- 'motcua_identity_changed' (modules/identity/session-cache.ts): any change of a session, a user or a
-- role assignment, by whichever process or by hand, announces the user's id at commit, and every process
-- drops that user's cached sessions. Touching a session (once a minute at most) is such a change too, so
-- idle expiry is decided on the time the database holds.
CREATE FUNCTION "identity"."announce_user_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('motcua_identity_changed', coalesce(NEW."id", OLD."id")::text);
  ELSE
    PERFORM pg_notify('motcua_identity_changed', coalesce(NEW."user_id", OLD."user_id")::text);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "sessions_announce" AFTER UPDATE OR DELETE ON "identity"."sessions"
  FOR EACH ROW EXECUTE FUNCTION "identity"."announce_user_change"();
--> statement-breakpoint
CREATE TRIGGER "users_announce" AFTER UPDATE OR DELETE ON "identity"."users"
  FOR EACH ROW EXECUTE FUNCTION "identity"."announce_user_change"();
--> statement-breakpoint
CREATE TRIGGER "role_assignments_announce" AFTER INSERT OR UPDATE OR DELETE ON "identity"."role_assignments"
  FOR EACH ROW EXECUTE FUNCTION "identity"."announce_user_change"();
