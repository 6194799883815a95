-- the tenant key on every campaign table: added nullable, backfilled from the parent row, then NOT NULL
ALTER TABLE "ballots" ADD COLUMN "community_id" integer;--> statement-breakpoint
UPDATE "ballots" b SET "community_id" = r."community_id" FROM "rounds" r WHERE r."id" = b."round_id";--> statement-breakpoint
ALTER TABLE "ballots" ALTER COLUMN "community_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "question_choices" ADD COLUMN "community_id" integer;--> statement-breakpoint
UPDATE "question_choices" c SET "community_id" = q."community_id" FROM "questions" q WHERE q."id" = c."question_id";--> statement-breakpoint
ALTER TABLE "question_choices" ALTER COLUMN "community_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "report_supports" ADD COLUMN "community_id" integer;--> statement-breakpoint
UPDATE "report_supports" s SET "community_id" = r."community_id" FROM "reports" r WHERE r."id" = s."report_id";--> statement-breakpoint
ALTER TABLE "report_supports" ALTER COLUMN "community_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "suggestion_supports" ADD COLUMN "community_id" integer;--> statement-breakpoint
UPDATE "suggestion_supports" s SET "community_id" = g."community_id" FROM "suggestions" g WHERE g."id" = s."suggestion_id";--> statement-breakpoint
ALTER TABLE "suggestion_supports" ALTER COLUMN "community_id" SET NOT NULL;--> statement-breakpoint
-- a file belongs to the community of whatever refers to it: the records first, then the outbox rows that send it
ALTER TABLE "files" ADD COLUMN "community_id" integer;--> statement-breakpoint
UPDATE "files" f SET "community_id" = n."community_id" FROM "notices" n WHERE n."file_id" = f."id" AND f."community_id" IS NULL;--> statement-breakpoint
UPDATE "files" f SET "community_id" = s."community_id" FROM "suggestions" s WHERE (s."voice_file_id" = f."id" OR s."file_ids" @> to_jsonb(f."id")) AND f."community_id" IS NULL;--> statement-breakpoint
UPDATE "files" f SET "community_id" = s."community_id" FROM "suggestion_supports" s WHERE s."file_ids" @> to_jsonb(f."id") AND f."community_id" IS NULL;--> statement-breakpoint
UPDATE "files" f SET "community_id" = r."community_id" FROM "reports" r WHERE (r."file_ids" @> to_jsonb(f."id") OR r."outcome_file_ids" @> to_jsonb(f."id")) AND f."community_id" IS NULL;--> statement-breakpoint
UPDATE "files" f SET "community_id" = s."community_id" FROM "report_supports" s WHERE s."file_ids" @> to_jsonb(f."id") AND f."community_id" IS NULL;--> statement-breakpoint
UPDATE "files" f SET "community_id" = p."community_id" FROM "progress_updates" p WHERE p."file_ids" @> to_jsonb(f."id") AND f."community_id" IS NULL;--> statement-breakpoint
UPDATE "files" f SET "community_id" = q."community_id" FROM "question_notes" q WHERE q."file_ids" @> to_jsonb(f."id") AND f."community_id" IS NULL;--> statement-breakpoint
UPDATE "files" f SET "community_id" = coalesce(o."community_id", r."community_id") FROM "outbox" o LEFT JOIN "rooms" r ON r."id" = o."room_id" WHERE o."file_id" = f."id" AND coalesce(o."community_id", r."community_id") IS NOT NULL AND f."community_id" IS NULL;--> statement-breakpoint
-- photos in a dialog still open in a group: that group's community
UPDATE "files" f SET "community_id" = r."community_id" FROM "conversations" c JOIN "rooms" r ON c."chat_key" = 'room:' || r."id" WHERE (c."state" -> 'fileIds' @> to_jsonb(f."id") OR c."state" -> 'voice' -> 'fileId' = to_jsonb(f."id")) AND r."community_id" IS NOT NULL AND f."community_id" IS NULL;--> statement-breakpoint
-- a deployment of one community (all of them so far): whatever is left is its
UPDATE "files" SET "community_id" = (SELECT min("id") FROM "communities" HAVING count(*) = 1) WHERE "community_id" IS NULL;--> statement-breakpoint
-- with several communities, what nothing attributes is a photo of an abandoned (or private) dialog: it goes
UPDATE "outbox" SET "file_id" = NULL WHERE "file_id" IN (SELECT "id" FROM "files" WHERE "community_id" IS NULL);--> statement-breakpoint
DELETE FROM "files" WHERE "community_id" IS NULL;--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "community_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_choices" ADD CONSTRAINT "question_choices_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_supports" ADD CONSTRAINT "report_supports_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestion_supports" ADD CONSTRAINT "suggestion_supports_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;
