CREATE TABLE "import_column_mapping" (
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_column_mapping_once" UNIQUE("municipality_id","kind")
);
--> statement-breakpoint
CREATE TABLE "salary_scale_rate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"scale" text NOT NULL,
	"step" smallint NOT NULL,
	"hourly_rate_cents" integer NOT NULL,
	"valid_from" date NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "salary_scale_rate_once" UNIQUE("municipality_id","scale","step","valid_from"),
	CONSTRAINT "salary_scale_rate_positive" CHECK ("salary_scale_rate"."hourly_rate_cents" > 0),
	CONSTRAINT "salary_scale_rate_step" CHECK ("salary_scale_rate"."step" between 0 and 30)
);
--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "valid_from" date;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "valid_to" date;--> statement-breakpoint
ALTER TABLE "municipality" ADD COLUMN "successor_cbs_code" text;--> statement-breakpoint
ALTER TABLE "import_column_mapping" ADD CONSTRAINT "import_column_mapping_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salary_scale_rate" ADD CONSTRAINT "salary_scale_rate_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_code_period" CHECK ("municipality"."valid_to" is null or "municipality"."valid_from" is null or "municipality"."valid_to" > "municipality"."valid_from");