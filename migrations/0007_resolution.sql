ALTER TABLE "rounds" ADD COLUMN "ref_round_id" integer;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "pass_percent" integer;