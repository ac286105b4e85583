CREATE TABLE "benchmark_row" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"taakveld" text NOT NULL,
	"year" integer NOT NULL,
	"eigen_milli_fte" integer NOT NULL,
	"totale_milli_fte" integer,
	"referentie_milli_fte" integer,
	"referentie_ppm" integer,
	"eigen_kosten_cents" bigint,
	"referentie_kosten_cents" bigint,
	"source" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_row_once" UNIQUE("cooperation_id","municipality_id","taakveld","year"),
	CONSTRAINT "benchmark_row_reference" CHECK (("benchmark_row"."referentie_milli_fte" is null) <> ("benchmark_row"."referentie_ppm" is null)),
	CONSTRAINT "benchmark_row_cost" CHECK (("benchmark_row"."eigen_kosten_cents" is null) = ("benchmark_row"."referentie_kosten_cents" is null))
);
--> statement-breakpoint
CREATE TABLE "survey" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"scale_min" integer NOT NULL,
	"scale_max" integer NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_name_per_cooperation" UNIQUE("cooperation_id","name"),
	CONSTRAINT "survey_kind" CHECK ("survey"."kind" in ('mto', 'enquete', 'inwonerspeiling')),
	CONSTRAINT "survey_scale" CHECK ("survey"."scale_min" < "survey"."scale_max")
);
--> statement-breakpoint
CREATE TABLE "survey_question" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_question_number" UNIQUE("survey_id","number")
);
--> statement-breakpoint
CREATE TABLE "survey_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"moment" text NOT NULL,
	"respondent_group" text NOT NULL,
	"value" numeric(8, 2) NOT NULL,
	"decimals" integer NOT NULL,
	"n" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_result_cell" UNIQUE("question_id","moment","respondent_group"),
	CONSTRAINT "survey_result_decimals" CHECK ("survey_result"."decimals" between 0 and 2),
	CONSTRAINT "survey_result_n" CHECK ("survey_result"."n" is null or "survey_result"."n" >= 1)
);
--> statement-breakpoint
ALTER TABLE "benchmark_row" ADD CONSTRAINT "benchmark_row_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_row" ADD CONSTRAINT "benchmark_row_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey" ADD CONSTRAINT "survey_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_question" ADD CONSTRAINT "survey_question_survey_id_survey_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."survey"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_result" ADD CONSTRAINT "survey_result_question_id_survey_question_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."survey_question"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_result_question" ON "survey_result" USING btree ("question_id");