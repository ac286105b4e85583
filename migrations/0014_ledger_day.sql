CREATE TABLE "ledger_day" (
	"cooperation_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	"team_id" uuid NOT NULL,
	"employer_municipality_id" uuid NOT NULL,
	"served_municipality_id" uuid NOT NULL,
	"activity" text NOT NULL,
	"minutes" bigint NOT NULL,
	"minute_cents" bigint NOT NULL,
	"minutes_without_rate" bigint NOT NULL,
	"entries" integer NOT NULL,
	CONSTRAINT "ledger_day_key" PRIMARY KEY("cooperation_id","work_date","team_id","employer_municipality_id","served_municipality_id","activity")
);
--> statement-breakpoint
CREATE TABLE "ledger_day_dirty_day" (
	"cooperation_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	CONSTRAINT "ledger_day_dirty_day_key" PRIMARY KEY("cooperation_id","work_date")
);
--> statement-breakpoint
CREATE TABLE "ledger_day_dirty_employee" (
	"employee_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Recomputes the ledger_day rows of every dirty day (and of every day of an employee whose
-- rates changed) from hours_entry and the rate valid on each work date. Runs at commit as a
-- deferred constraint trigger, so a large import recomputes each day once, not per row.
-- Whole days are recomputed (not incremented), so the result never drifts from the entries.
CREATE FUNCTION ledger_day_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  k_coop uuid[];
  k_date date[];
  c uuid;
BEGIN
  WITH emp AS (DELETE FROM ledger_day_dirty_employee RETURNING employee_id),
       days AS (DELETE FROM ledger_day_dirty_day RETURNING cooperation_id, work_date),
       keys AS (
         SELECT cooperation_id, work_date FROM days
         UNION
         SELECT h.cooperation_id, h.work_date FROM hours_entry h WHERE h.employee_id IN (SELECT employee_id FROM emp)
       )
  SELECT array_agg(cooperation_id ORDER BY cooperation_id, work_date), array_agg(work_date ORDER BY cooperation_id, work_date)
    INTO k_coop, k_date FROM keys;
  IF k_coop IS NULL THEN RETURN NULL; END IF;
  -- One writer per cooperation at a time; under READ COMMITTED the statements below then
  -- see every committed entry of the other writer.
  FOR c IN SELECT DISTINCT x FROM unnest(k_coop) x ORDER BY 1 LOOP
    PERFORM pg_advisory_xact_lock(hashtextextended('vlecht.ledger_day:' || c::text, 0));
  END LOOP;
  DELETE FROM ledger_day d USING unnest(k_coop, k_date) AS k(cooperation_id, work_date)
    WHERE d.cooperation_id = k.cooperation_id AND d.work_date = k.work_date;
  INSERT INTO ledger_day (cooperation_id, work_date, team_id, employer_municipality_id, served_municipality_id, activity,
                          minutes, minute_cents, minutes_without_rate, entries)
  SELECT h.cooperation_id, h.work_date, h.team_id, h.employer_municipality_id, h.served_municipality_id, h.activity,
         sum(h.minutes), coalesce(sum(h.minutes::bigint * r.hourly_rate_cents), 0),
         sum(CASE WHEN r.id IS NULL THEN h.minutes ELSE 0 END), count(*)
    FROM unnest(k_coop, k_date) AS k(cooperation_id, work_date)
    JOIN hours_entry h ON h.cooperation_id = k.cooperation_id AND h.work_date = k.work_date
    LEFT JOIN employee_rate r ON r.employee_id = h.employee_id AND h.work_date >= r.valid_from AND (r.valid_to IS NULL OR h.work_date < r.valid_to)
   GROUP BY 1, 2, 3, 4, 5, 6;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_day_dirty_day_refresh AFTER INSERT ON ledger_day_dirty_day
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_day_refresh();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_day_dirty_employee_refresh AFTER INSERT ON ledger_day_dirty_employee
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_day_refresh();
--> statement-breakpoint
-- Statement-level triggers with transition tables: one INSERT … SELECT per statement, however many rows.
CREATE FUNCTION ledger_day_mark_new_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_day_dirty_day (cooperation_id, work_date)
    SELECT DISTINCT cooperation_id, work_date FROM changed_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER hours_entry_ledger_day_insert AFTER INSERT ON hours_entry
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_day_mark_new_days();
--> statement-breakpoint
CREATE TRIGGER hours_entry_ledger_day_delete AFTER DELETE ON hours_entry
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_day_mark_new_days();
--> statement-breakpoint
CREATE FUNCTION ledger_day_mark_old_and_new_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_day_dirty_day (cooperation_id, work_date)
    SELECT cooperation_id, work_date FROM old_rows UNION SELECT cooperation_id, work_date FROM new_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER hours_entry_ledger_day_update AFTER UPDATE ON hours_entry
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_day_mark_old_and_new_days();
--> statement-breakpoint
CREATE FUNCTION ledger_day_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM ledger_day;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER hours_entry_ledger_day_truncate AFTER TRUNCATE ON hours_entry
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_day_clear();
--> statement-breakpoint
CREATE FUNCTION ledger_day_mark_employees() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO ledger_day_dirty_employee (employee_id) SELECT DISTINCT employee_id FROM new_rows ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO ledger_day_dirty_employee (employee_id) SELECT DISTINCT employee_id FROM old_rows ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER employee_rate_ledger_day_insert AFTER INSERT ON employee_rate
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_day_mark_employees();
--> statement-breakpoint
CREATE TRIGGER employee_rate_ledger_day_update AFTER UPDATE ON employee_rate
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_day_mark_employees();
--> statement-breakpoint
CREATE TRIGGER employee_rate_ledger_day_delete AFTER DELETE ON employee_rate
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ledger_day_mark_employees();
--> statement-breakpoint
-- Existing entries: fill ledger_day once.
INSERT INTO ledger_day (cooperation_id, work_date, team_id, employer_municipality_id, served_municipality_id, activity,
                        minutes, minute_cents, minutes_without_rate, entries)
SELECT h.cooperation_id, h.work_date, h.team_id, h.employer_municipality_id, h.served_municipality_id, h.activity,
       sum(h.minutes), coalesce(sum(h.minutes::bigint * r.hourly_rate_cents), 0),
       sum(CASE WHEN r.id IS NULL THEN h.minutes ELSE 0 END), count(*)
  FROM hours_entry h
  LEFT JOIN employee_rate r ON r.employee_id = h.employee_id AND h.work_date >= r.valid_from AND (r.valid_to IS NULL OR h.work_date < r.valid_to)
 GROUP BY 1, 2, 3, 4, 5, 6;
