CREATE TABLE "bot_accounts" (
	"name" text PRIMARY KEY NOT NULL,
	"self_name" text,
	"logged_in_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- what is already here belongs to the account that ran so far: the one that held the send lease, else 'default'
INSERT INTO "bot_accounts" ("name", "created_at")
SELECT coalesce((SELECT "account" FROM "sender_leases" ORDER BY "expires_at" DESC LIMIT 1), 'default'), now()
WHERE EXISTS (SELECT 1 FROM "rooms") OR EXISTS (SELECT 1 FROM "bot_sessions") OR EXISTS (SELECT 1 FROM "people") OR EXISTS (SELECT 1 FROM "outbox");--> statement-breakpoint
DROP INDEX "people_puppet_id_uq";--> statement-breakpoint
DROP INDEX "rooms_puppet_id_uq";--> statement-breakpoint
DROP INDEX "outbox_due_idx";--> statement-breakpoint
ALTER TABLE "bot_sessions" ADD COLUMN "account" text;--> statement-breakpoint
UPDATE "bot_sessions" SET "account" = (SELECT "name" FROM "bot_accounts" LIMIT 1);--> statement-breakpoint
ALTER TABLE "bot_sessions" ALTER COLUMN "account" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "account" text;--> statement-breakpoint
UPDATE "outbox" SET "account" = (SELECT "name" FROM "bot_accounts" LIMIT 1);--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "account" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "account" text;--> statement-breakpoint
UPDATE "people" SET "account" = (SELECT "name" FROM "bot_accounts" LIMIT 1);--> statement-breakpoint
ALTER TABLE "people" ALTER COLUMN "account" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "rooms" ADD COLUMN "account" text;--> statement-breakpoint
UPDATE "rooms" SET "account" = (SELECT "name" FROM "bot_accounts" LIMIT 1);--> statement-breakpoint
ALTER TABLE "rooms" ALTER COLUMN "account" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bot_sessions" ADD CONSTRAINT "bot_sessions_account_bot_accounts_name_fk" FOREIGN KEY ("account") REFERENCES "public"."bot_accounts"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_account_bot_accounts_name_fk" FOREIGN KEY ("account") REFERENCES "public"."bot_accounts"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_account_bot_accounts_name_fk" FOREIGN KEY ("account") REFERENCES "public"."bot_accounts"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_account_bot_accounts_name_fk" FOREIGN KEY ("account") REFERENCES "public"."bot_accounts"("name") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "people_account_puppet_id_uq" ON "people" USING btree ("account","puppet_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_account_puppet_id_uq" ON "rooms" USING btree ("account","puppet_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_one_street_uq" ON "rooms" USING btree ("kind") WHERE kind = 'street';--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("account","status","priority","not_before") WHERE status in ('pending', 'sending');