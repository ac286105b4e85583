CREATE TABLE "municipality_annual_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"formatie_fte_milli" integer,
	"bezetting_fte_milli" integer,
	"loonsom_cents" bigint,
	"inhuur_cents" bigint,
	"apparaatskosten_cents" bigint,
	"overhead_cents" bigint,
	"totale_lasten_cents" bigint,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipality_annual_figures_year" UNIQUE("municipality_id","year"),
	CONSTRAINT "municipality_annual_figures_nonnegative" CHECK (coalesce("municipality_annual_figures"."formatie_fte_milli", 0) >= 0 and coalesce("municipality_annual_figures"."bezetting_fte_milli", 0) >= 0
    and coalesce("municipality_annual_figures"."loonsom_cents", 0) >= 0 and coalesce("municipality_annual_figures"."inhuur_cents", 0) >= 0 and coalesce("municipality_annual_figures"."apparaatskosten_cents", 0) >= 0
    and coalesce("municipality_annual_figures"."overhead_cents", 0) >= 0 and coalesce("municipality_annual_figures"."totale_lasten_cents", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "kpi" DROP CONSTRAINT "kpi_derivation";--> statement-breakpoint
ALTER TABLE "municipality_annual_figures" ADD CONSTRAINT "municipality_annual_figures_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi" ADD CONSTRAINT "kpi_derivation" CHECK ("kpi"."derivation" is null or "kpi"."derivation" in ('aandeel-uren-andere-gemeente', 'vervangingsuren-per-kwartaal', 'samenwerkingsuren-per-kwartaal', 'bbv-formatie-per-1000-inwoners', 'bbv-bezetting-per-1000-inwoners', 'bbv-apparaatskosten-per-inwoner', 'bbv-externe-inhuur', 'bbv-overhead'));