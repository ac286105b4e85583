ALTER TABLE "app_user" ADD COLUMN "oidc_issuer" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "oidc_subject" text;--> statement-breakpoint
CREATE UNIQUE INDEX "app_user_oidc_account" ON "app_user" USING btree ("oidc_issuer","oidc_subject");