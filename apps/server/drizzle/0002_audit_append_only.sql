-- The audit trail is append-only: the application role can insert, never update or delete. Tampering
-- therefore needs someone able to disable this trigger, and the hash chain shows what they changed.
CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit.entries is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON audit.entries
  FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();
