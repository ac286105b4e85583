CREATE TABLE "application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"team_id" uuid,
	"name" text NOT NULL,
	"supplier" text DEFAULT '' NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"pricing" jsonb NOT NULL,
	"contract_end" date,
	"synthetic" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_name_per_cooperation" UNIQUE("cooperation_id","name")
);
--> statement-breakpoint
CREATE TABLE "application_use" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"users" integer DEFAULT 0 NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_use_users" CHECK ("application_use"."users" >= 0),
	CONSTRAINT "application_use_period" CHECK ("application_use"."valid_to" is null or "application_use"."valid_to" > "application_use"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "qualification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"function_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualification_once" UNIQUE("function_id","employee_id","valid_from"),
	CONSTRAINT "qualification_kind" CHECK ("qualification"."kind" in ('primair', 'achtervang')),
	CONSTRAINT "qualification_period" CHECK ("qualification"."valid_to" is null or "qualification"."valid_to" > "qualification"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "scenario" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scenario_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"name" text NOT NULL,
	"leaving" text NOT NULL,
	"reference_date" date NOT NULL,
	"hours_from" date NOT NULL,
	"hours_to" date NOT NULL,
	"parameters" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"saved_by" text NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scenario_version_no" UNIQUE("scenario_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "shared_contract" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"team_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"supplier" text DEFAULT '' NOT NULL,
	"pricing" jsonb NOT NULL,
	"users" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"member_codes" jsonb NOT NULL,
	"contract_end" date,
	"synthetic" boolean DEFAULT false NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shared_contract_name_per_cooperation" UNIQUE("cooperation_id","name"),
	CONSTRAINT "shared_contract_kind" CHECK ("shared_contract"."kind" in ('schoonmaak', 'catering', 'advies', 'overig'))
);
--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_use" ADD CONSTRAINT "application_use_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_use" ADD CONSTRAINT "application_use_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification" ADD CONSTRAINT "qualification_function_id_job_function_id_fk" FOREIGN KEY ("function_id") REFERENCES "public"."job_function"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qualification" ADD CONSTRAINT "qualification_employee_id_employee_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employee"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario" ADD CONSTRAINT "scenario_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario" ADD CONSTRAINT "scenario_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_version" ADD CONSTRAINT "scenario_version_scenario_id_scenario_id_fk" FOREIGN KEY ("scenario_id") REFERENCES "public"."scenario"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_contract" ADD CONSTRAINT "shared_contract_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shared_contract" ADD CONSTRAINT "shared_contract_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_cooperation" ON "application" USING btree ("cooperation_id");--> statement-breakpoint
CREATE INDEX "application_use_application" ON "application_use" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "qualification_function" ON "qualification" USING btree ("function_id");--> statement-breakpoint
CREATE INDEX "scenario_team" ON "scenario" USING btree ("team_id");