CREATE TABLE "audit_recommendation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"number" text NOT NULL,
	"text" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_recommendation_number" UNIQUE("cooperation_id","source","number")
);
--> statement-breakpoint
CREATE TABLE "goal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"team_id" uuid,
	"criterion" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'concept' NOT NULL,
	"recommendation_id" uuid,
	"source" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_criterion" CHECK ("goal"."criterion" in ('kwaliteit-dienstverlening', 'kwetsbaarheid', 'efficiency-kosten', 'aantrekkelijk-werkgeverschap', 'inwoners')),
	CONSTRAINT "goal_status" CHECK ("goal"."status" in ('concept', 'voorgelegd-aan-college', 'aangeboden-aan-raad', 'vastgesteld'))
);
--> statement-breakpoint
CREATE TABLE "goal_status_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"decided_on" date NOT NULL,
	"decision_reference" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"baseline_value" numeric(18, 4),
	"baseline_date" date,
	"baseline_source" text DEFAULT '' NOT NULL,
	"deadline" date,
	"source" text DEFAULT '' NOT NULL,
	"derivation" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_name_per_goal" UNIQUE("goal_id","name"),
	CONSTRAINT "kpi_direction" CHECK ("kpi"."direction" in ('hoger-is-beter', 'lager-is-beter')),
	CONSTRAINT "kpi_derivation" CHECK ("kpi"."derivation" is null or "kpi"."derivation" in ('aandeel-uren-andere-gemeente', 'vervangingsuren-per-kwartaal', 'samenwerkingsuren-per-kwartaal')),
	CONSTRAINT "kpi_baseline_complete" CHECK (("kpi"."baseline_value" is null) = ("kpi"."baseline_date" is null))
);
--> statement-breakpoint
CREATE TABLE "kpi_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kpi_id" uuid NOT NULL,
	"target_date" date NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"set_on" date NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_target_once" UNIQUE("kpi_id","target_date","set_on")
);
--> statement-breakpoint
CREATE TABLE "measurement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kpi_id" uuid NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"measured_on" date NOT NULL,
	"source" text NOT NULL,
	"recorded_by" text NOT NULL,
	"derived" boolean DEFAULT false NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measurement_once_per_day" UNIQUE("kpi_id","measured_on")
);
--> statement-breakpoint
ALTER TABLE "audit_recommendation" ADD CONSTRAINT "audit_recommendation_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal" ADD CONSTRAINT "goal_recommendation_id_audit_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."audit_recommendation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_status_change" ADD CONSTRAINT "goal_status_change_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_goal_id_goal_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_target" ADD CONSTRAINT "kpi_target_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement" ADD CONSTRAINT "measurement_kpi_id_kpi_id_fk" FOREIGN KEY ("kpi_id") REFERENCES "public"."kpi"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "goal_cooperation" ON "goal" USING btree ("cooperation_id");--> statement-breakpoint
CREATE INDEX "goal_status_change_goal" ON "goal_status_change" USING btree ("goal_id","decided_on");