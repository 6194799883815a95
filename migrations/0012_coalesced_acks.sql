ALTER TABLE "outbox" ADD COLUMN "coalesce_key" text;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "coalesce_body" text;--> statement-breakpoint
CREATE INDEX "outbox_coalesce_idx" ON "outbox" USING btree ("room_id","coalesce_key","id") WHERE status = 'pending' and coalesce_key is not null;