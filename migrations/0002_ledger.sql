CREATE TABLE "cost_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"team_id" uuid,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"allocation_key" text NOT NULL,
	"key_year" smallint,
	"fixed_shares" jsonb,
	"standalone_cents" jsonb,
	"source" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_item_amount" CHECK ("cost_item"."amount_cents" >= 0),
	CONSTRAINT "cost_item_period" CHECK ("cost_item"."period_to" >= "cost_item"."period_from"),
	CONSTRAINT "cost_item_key" CHECK ("cost_item"."allocation_key" in ('gelijk', 'inwoners', 'uren', 'fte', 'vast'))
);
--> statement-breakpoint
CREATE TABLE "hours_entry" (
	"cooperation_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"employer_municipality_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"served_municipality_id" uuid NOT NULL,
	"work_date" date NOT NULL,
	"minutes" integer NOT NULL,
	"activity" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"content_hash" uuid NOT NULL,
	"occurrence" integer NOT NULL,
	CONSTRAINT "hours_entry_content_key" PRIMARY KEY("cooperation_id","content_hash","occurrence"),
	CONSTRAINT "hours_entry_minutes" CHECK ("hours_entry"."minutes" > 0 and "hours_entry"."minutes" <= 1440),
	CONSTRAINT "hours_entry_activity" CHECK ("hours_entry"."activity" in ('regulier', 'vervanging', 'samenwerking', 'project'))
);
--> statement-breakpoint
CREATE TABLE "hours_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"rows_in_file" integer NOT NULL,
	"rows_added" integer NOT NULL,
	"rows_replaced" integer DEFAULT 0 NOT NULL,
	"minutes_added" bigint NOT NULL,
	"replace_from" date,
	"replace_to" date,
	"imported_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pending_upload" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"cooperation_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cost_item" ADD CONSTRAINT "cost_item_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_item" ADD CONSTRAINT "cost_item_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_entry" ADD CONSTRAINT "hours_entry_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_entry" ADD CONSTRAINT "hours_entry_import_id_hours_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."hours_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hours_import" ADD CONSTRAINT "hours_import_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_upload" ADD CONSTRAINT "pending_upload_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_upload" ADD CONSTRAINT "pending_upload_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hours_entry_coop_date" ON "hours_entry" USING btree ("cooperation_id","work_date");--> statement-breakpoint
CREATE INDEX "hours_import_file" ON "hours_import" USING btree ("cooperation_id","file_sha256");