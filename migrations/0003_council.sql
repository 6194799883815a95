CREATE TABLE "council_candidates" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"campaign_id" integer,
	"draw_id" integer NOT NULL,
	"person_id" integer,
	"name" text NOT NULL,
	"building" integer NOT NULL,
	"age_band" text,
	"gender" text,
	"tenure" text,
	"source" text NOT NULL,
	"recommended_by" integer,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "council_draws" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"campaign_id" integer,
	"status" text DEFAULT 'open' NOT NULL,
	"seats" integer,
	"quotas" jsonb,
	"quota_text" text,
	"computed" jsonb,
	"compute_token" integer DEFAULT 0 NOT NULL,
	"file" jsonb,
	"public_source" text,
	"public_number" text,
	"created_at" timestamp with time zone NOT NULL,
	"drawn_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "council_candidates" ADD CONSTRAINT "council_candidates_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_candidates" ADD CONSTRAINT "council_candidates_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_candidates" ADD CONSTRAINT "council_candidates_draw_id_council_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."council_draws"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_candidates" ADD CONSTRAINT "council_candidates_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_candidates" ADD CONSTRAINT "council_candidates_recommended_by_people_id_fk" FOREIGN KEY ("recommended_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_draws" ADD CONSTRAINT "council_draws_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "council_draws" ADD CONSTRAINT "council_draws_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "council_candidates_draw_person_uq" ON "council_candidates" USING btree ("draw_id","person_id");--> statement-breakpoint
CREATE INDEX "council_candidates_draw_idx" ON "council_candidates" USING btree ("draw_id","status");--> statement-breakpoint
CREATE INDEX "council_draws_community_idx" ON "council_draws" USING btree ("community_id","id");