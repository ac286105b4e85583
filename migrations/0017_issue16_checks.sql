ALTER TABLE "kpi" ADD COLUMN "baseline_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "gov_decision" ADD COLUMN "planned_on" date;