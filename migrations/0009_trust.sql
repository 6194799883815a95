CREATE TABLE "app_settings" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
-- the salt of household keys: made once per deployment, never shown
INSERT INTO "app_settings" ("name", "value") VALUES ('household_salt', encode(sha256(convert_to(gen_random_uuid()::text || random()::text || clock_timestamp()::text, 'UTF8')), 'hex')) ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "bind_code_hash" text;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "bind_code_misses" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "staff_move_room_id" integer;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "staff_move_by" integer;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "staff_move_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "key" text;--> statement-breakpoint
UPDATE "households" SET "key" = encode(sha256(convert_to((SELECT "value" FROM "app_settings" WHERE "name" = 'household_salt') || ':' || "building_id" || ':' || "unit", 'UTF8')), 'hex');--> statement-breakpoint
ALTER TABLE "households" ALTER COLUMN "key" SET NOT NULL;--> statement-breakpoint
-- ballots counted per household now name the household's lasting key, not its row id
UPDATE "ballots" b SET "voter_key" = 'household:' || h."key" FROM "households" h WHERE b."voter_key" = 'household:' || h."id";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "identity_held_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "households_key_uq" ON "households" USING btree ("key");--> statement-breakpoint
-- groups that became staff by their topic alone: the oldest (present first) stays the staff group
UPDATE "rooms" r SET "kind" = 'other', "community_id" = NULL WHERE r."kind" = 'staff' AND r."id" <> (SELECT s."id" FROM "rooms" s WHERE s."kind" = 'staff' AND s."community_id" = r."community_id" ORDER BY s."present" DESC, s."id" ASC LIMIT 1);--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_one_staff_uq" ON "rooms" USING btree ("community_id") WHERE kind = 'staff';
