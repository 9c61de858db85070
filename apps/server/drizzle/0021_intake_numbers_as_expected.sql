-- A reception whose numbers the process forecast (modules/dossiers/intake-numbers.ts) is written in one
-- statement, without a transaction of its own: the statement takes the numbers as usual and checks them
-- with this function, which fails it (and so rolls all of it back) when another writer took one first.
CREATE FUNCTION "dossiers"."intake_numbers_as_expected"(ok boolean) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF ok IS NOT TRUE THEN
    RAISE EXCEPTION 'intake numbers taken by another writer since this process last took them'
      USING ERRCODE = 'MC001';
  END IF;
  RETURN true;
END;
$$;
