CREATE TABLE "gov_body" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"municipality_id" uuid,
	"committee_for_body_id" uuid,
	"lead_days" integer DEFAULT 0 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gov_body_key" UNIQUE("cooperation_id","key"),
	CONSTRAINT "gov_body_kind" CHECK ("gov_body"."kind" in ('gezamenlijk-mt', 'directie', 'teammanager', 'college', 'raad', 'commissie', 'or', 'go')),
	CONSTRAINT "gov_body_lead_days" CHECK ("gov_body"."lead_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "gov_commitment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"municipality_id" uuid,
	"owner_name" text DEFAULT '' NOT NULL,
	"made_on" date NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'nieuw' NOT NULL,
	"closed_on" date,
	"follow_up" text DEFAULT '' NOT NULL,
	"recommendation_id" uuid,
	"decision_id" uuid,
	"source" text DEFAULT '' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gov_commitment_kind" CHECK ("gov_commitment"."kind" in ('raadsvraag', 'toezegging', 'motie', 'accountantsbevinding', 'aanbeveling-rekenkamer')),
	CONSTRAINT "gov_commitment_status" CHECK ("gov_commitment"."status" in ('nieuw', 'in-behandeling', 'afgedaan')),
	CONSTRAINT "gov_commitment_closed" CHECK (("gov_commitment"."status" = 'afgedaan') = ("gov_commitment"."closed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "gov_decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"body_id" uuid NOT NULL,
	"decision_type_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"team_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"document_status" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"or_advice_on" date,
	"or_advice_reference" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gov_decision_document_status" CHECK ("gov_decision"."document_status" is null or "gov_decision"."document_status" in ('A', 'B', 'C'))
);
--> statement-breakpoint
CREATE TABLE "gov_decision_type" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gov_decision_type_key" UNIQUE("cooperation_id","key")
);
--> statement-breakpoint
CREATE TABLE "gov_form_note" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"form_key" text NOT NULL,
	"pros" text DEFAULT '' NOT NULL,
	"cons" text DEFAULT '' NOT NULL,
	"personnel" text DEFAULT '' NOT NULL,
	"financial" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gov_form_note_once" UNIQUE("cooperation_id","form_key")
);
--> statement-breakpoint
CREATE TABLE "gov_meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_on" date NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"uid" text DEFAULT '' NOT NULL,
	"origin" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gov_meeting_once" UNIQUE("body_id","meeting_on"),
	CONSTRAINT "gov_meeting_origin" CHECK ("gov_meeting"."origin" in ('hand', 'ics', 'csv', 'demo'))
);
--> statement-breakpoint
CREATE TABLE "gov_milestone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cooperation_id" uuid NOT NULL,
	"team_id" uuid,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'gepland' NOT NULL,
	"completed_on" date,
	"depends_on" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risks" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "gov_milestone_status" CHECK ("gov_milestone"."status" in ('gepland', 'loopt', 'gereed', 'vervallen'))
);
--> statement-breakpoint
CREATE TABLE "gov_right" (
	"decision_type_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"right" text NOT NULL,
	CONSTRAINT "gov_right_cell" UNIQUE("decision_type_id","body_id"),
	CONSTRAINT "gov_right_right" CHECK ("gov_right"."right" in ('besluit', 'adviseert', 'geinformeerd'))
);
--> statement-breakpoint
CREATE TABLE "gov_setup" (
	"cooperation_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gov_body" ADD CONSTRAINT "gov_body_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_body" ADD CONSTRAINT "gov_body_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_commitment" ADD CONSTRAINT "gov_commitment_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_commitment" ADD CONSTRAINT "gov_commitment_municipality_id_municipality_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_commitment" ADD CONSTRAINT "gov_commitment_recommendation_id_audit_recommendation_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."audit_recommendation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_commitment" ADD CONSTRAINT "gov_commitment_decision_id_gov_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."gov_decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_decision" ADD CONSTRAINT "gov_decision_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_decision" ADD CONSTRAINT "gov_decision_body_id_gov_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."gov_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_decision" ADD CONSTRAINT "gov_decision_decision_type_id_gov_decision_type_id_fk" FOREIGN KEY ("decision_type_id") REFERENCES "public"."gov_decision_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_decision_type" ADD CONSTRAINT "gov_decision_type_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_form_note" ADD CONSTRAINT "gov_form_note_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_meeting" ADD CONSTRAINT "gov_meeting_body_id_gov_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."gov_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_milestone" ADD CONSTRAINT "gov_milestone_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_milestone" ADD CONSTRAINT "gov_milestone_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_right" ADD CONSTRAINT "gov_right_decision_type_id_gov_decision_type_id_fk" FOREIGN KEY ("decision_type_id") REFERENCES "public"."gov_decision_type"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_right" ADD CONSTRAINT "gov_right_body_id_gov_body_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."gov_body"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gov_setup" ADD CONSTRAINT "gov_setup_cooperation_id_cooperation_id_fk" FOREIGN KEY ("cooperation_id") REFERENCES "public"."cooperation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gov_commitment_cooperation" ON "gov_commitment" USING btree ("cooperation_id","due_on");--> statement-breakpoint
CREATE INDEX "gov_decision_cooperation" ON "gov_decision" USING btree ("cooperation_id","decided_on");--> statement-breakpoint
CREATE INDEX "gov_milestone_cooperation" ON "gov_milestone" USING btree ("cooperation_id","due_on");