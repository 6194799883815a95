CREATE TABLE "points_accounts" (
	"community_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"balance" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_accounts_balance_ck" CHECK ("points_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "points_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"name" text NOT NULL,
	"cost" integer NOT NULL,
	"stock" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_items_stock_ck" CHECK ("points_items"."stock" >= 0),
	CONSTRAINT "points_items_cost_ck" CHECK ("points_items"."cost" > 0)
);
--> statement-breakpoint
CREATE TABLE "points_ledger" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"person_id" integer,
	"points" integer NOT NULL,
	"kind" text NOT NULL,
	"earning" boolean NOT NULL,
	"reason" text NOT NULL,
	"report_id" integer,
	"item_id" integer,
	"reverses_id" integer,
	"by_person" integer,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "points_ledger_points_ck" CHECK ("points_ledger"."points" <> 0)
);
--> statement-breakpoint
CREATE TABLE "points_redemptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"person_id" integer,
	"item_id" integer NOT NULL,
	"cost" integer NOT NULL,
	"ledger_id" integer NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"handed_by" integer,
	"handed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_supports" (
	"id" serial PRIMARY KEY NOT NULL,
	"report_id" integer NOT NULL,
	"person_id" integer,
	"room_id" integer,
	"words" text NOT NULL,
	"file_ids" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"person_id" integer,
	"room_id" integer,
	"building_id" integer,
	"place" text,
	"place_kind" text,
	"category" text NOT NULL,
	"problem" text NOT NULL,
	"features" jsonb NOT NULL,
	"file_ids" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"taken_by" integer,
	"taken_at" timestamp with time zone,
	"closed_by" integer,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"outcome_file_ids" jsonb NOT NULL,
	"suggestion_id" integer,
	"escalated_take_at" timestamp with time zone,
	"escalated_sla_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteers" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"building_id" integer,
	"board_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "points_accounts" ADD CONSTRAINT "points_accounts_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_accounts" ADD CONSTRAINT "points_accounts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_items" ADD CONSTRAINT "points_items_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_items" ADD CONSTRAINT "points_items_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_ledger" ADD CONSTRAINT "points_ledger_by_person_people_id_fk" FOREIGN KEY ("by_person") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_item_id_points_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."points_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_ledger_id_points_ledger_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."points_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "points_redemptions" ADD CONSTRAINT "points_redemptions_handed_by_people_id_fk" FOREIGN KEY ("handed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_supports" ADD CONSTRAINT "report_supports_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_supports" ADD CONSTRAINT "report_supports_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_supports" ADD CONSTRAINT "report_supports_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_taken_by_people_id_fk" FOREIGN KEY ("taken_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_closed_by_people_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_suggestion_id_suggestions_id_fk" FOREIGN KEY ("suggestion_id") REFERENCES "public"."suggestions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteers" ADD CONSTRAINT "volunteers_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "points_accounts_pk" ON "points_accounts" USING btree ("community_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "points_items_community_name_uq" ON "points_items" USING btree ("community_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_report_uq" ON "points_ledger" USING btree ("report_id") WHERE kind = 'report';--> statement-breakpoint
CREATE UNIQUE INDEX "points_ledger_reverses_uq" ON "points_ledger" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "points_ledger_person_idx" ON "points_ledger" USING btree ("person_id","created_at");--> statement-breakpoint
CREATE INDEX "points_ledger_community_idx" ON "points_ledger" USING btree ("community_id","created_at");--> statement-breakpoint
CREATE INDEX "points_redemptions_person_idx" ON "points_redemptions" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "points_redemptions_community_idx" ON "points_redemptions" USING btree ("community_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "report_supports_report_person_uq" ON "report_supports" USING btree ("report_id","person_id");--> statement-breakpoint
CREATE INDEX "report_supports_person_idx" ON "report_supports" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "reports_open_bucket_idx" ON "reports" USING btree ("community_id","building_id","category") WHERE status in ('open', 'taken');--> statement-breakpoint
CREATE INDEX "reports_status_idx" ON "reports" USING btree ("community_id","status","created_at");--> statement-breakpoint
CREATE INDEX "reports_person_idx" ON "reports" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteers_community_person_uq" ON "volunteers" USING btree ("community_id","person_id");--> statement-breakpoint
-- the ledger is append-only: an entry is never deleted and what it says never changes; erasure
-- may only blank the people in it (and scrub names out of its reason)
CREATE FUNCTION "points_ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'points_ledger is append-only: add a reversing entry instead of deleting %', OLD."id";
  END IF;
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."community_id" IS DISTINCT FROM OLD."community_id"
     OR NEW."points" IS DISTINCT FROM OLD."points" OR NEW."kind" IS DISTINCT FROM OLD."kind"
     OR NEW."earning" IS DISTINCT FROM OLD."earning" OR NEW."report_id" IS DISTINCT FROM OLD."report_id"
     OR NEW."item_id" IS DISTINCT FROM OLD."item_id"
     OR NEW."reverses_id" IS DISTINCT FROM OLD."reverses_id" OR NEW."created_at" IS DISTINCT FROM OLD."created_at"
     OR (NEW."person_id" IS DISTINCT FROM OLD."person_id" AND NEW."person_id" IS NOT NULL)
     OR (NEW."by_person" IS DISTINCT FROM OLD."by_person" AND NEW."by_person" IS NOT NULL) THEN
    RAISE EXCEPTION 'points_ledger is append-only: entry % cannot be edited, add a reversing entry', OLD."id";
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "points_ledger_append_only" BEFORE UPDATE OR DELETE ON "points_ledger" FOR EACH ROW EXECUTE FUNCTION "points_ledger_append_only"();
