CREATE TABLE "report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"team_id" uuid,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"period_label" text NOT NULL,
	"title" text NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_kind" CHECK ("report"."kind" in ('voortgang', 'factsheet')),
	CONSTRAINT "report_team_for_factsheet" CHECK (("report"."kind" = 'factsheet') = ("report"."team_id" is not null)),
	CONSTRAINT "report_period_order" CHECK ("report"."period_from" <= "report"."period_to")
);
--> statement-breakpoint
CREATE TABLE "report_publication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"report_version" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text NOT NULL,
	"data_date" date NOT NULL,
	"content" jsonb NOT NULL,
	"html" text NOT NULL,
	CONSTRAINT "report_publication_number" UNIQUE("report_id","number"),
	CONSTRAINT "report_publication_number_positive" CHECK ("report_publication"."number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report" ADD CONSTRAINT "report_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_publication" ADD CONSTRAINT "report_publication_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_cooperation" ON "report" USING btree ("cooperation_id");--> statement-breakpoint
-- Published reports are what the council read: the database itself refuses to change them.
CREATE FUNCTION report_publication_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_publication is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_publication_no_update BEFORE UPDATE OR DELETE ON report_publication
  FOR EACH ROW EXECUTE FUNCTION report_publication_refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_publication_no_truncate BEFORE TRUNCATE ON report_publication
  FOR EACH STATEMENT EXECUTE FUNCTION report_publication_refuse_change();
