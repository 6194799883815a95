ALTER TABLE "reports" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "voice_file_id" integer;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "heard_by" integer;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "heard_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "latitude" double precision;--> statement-breakpoint
ALTER TABLE "suggestions" ADD COLUMN "longitude" double precision;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_voice_file_id_files_id_fk" FOREIGN KEY ("voice_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suggestions" ADD CONSTRAINT "suggestions_heard_by_people_id_fk" FOREIGN KEY ("heard_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;