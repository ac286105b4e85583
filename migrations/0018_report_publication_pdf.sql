-- The PDF of a publication, printed once and served from here ever after: the bytes and
-- their SHA-256 (the download's ETag). One row per publication, never changed.
CREATE TABLE "report_publication_pdf" (
	"publication_id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"byte_size" integer NOT NULL,
	"pdf" bytea NOT NULL,
	"rendered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_publication_pdf_sha256" CHECK ("report_publication_pdf"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "report_publication_pdf_size" CHECK ("report_publication_pdf"."byte_size" = octet_length("report_publication_pdf"."pdf"))
);
--> statement-breakpoint
ALTER TABLE "report_publication_pdf" ADD CONSTRAINT "report_publication_pdf_publication_id_report_publication_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."report_publication"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION report_publication_pdf_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_publication_pdf is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_publication_pdf_no_update BEFORE UPDATE OR DELETE ON report_publication_pdf
  FOR EACH ROW EXECUTE FUNCTION report_publication_pdf_refuse_change();
--> statement-breakpoint
CREATE TRIGGER report_publication_pdf_no_truncate BEFORE TRUNCATE ON report_publication_pdf
  FOR EACH STATEMENT EXECUTE FUNCTION report_publication_pdf_refuse_change();
