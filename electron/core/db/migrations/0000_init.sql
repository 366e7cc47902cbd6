CREATE TABLE `embeddings` (
	`model_id` text NOT NULL,
	`text_hash` text NOT NULL,
	`dim` integer NOT NULL,
	`vector` blob NOT NULL,
	PRIMARY KEY(`model_id`, `text_hash`)
);
--> statement-breakpoint
CREATE TABLE `participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_key` ON `participants` (`key`);--> statement-breakpoint
CREATE TABLE `persona_participants` (
	`persona_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	PRIMARY KEY(`persona_id`, `participant_id`),
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `personas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`idx` integer NOT NULL,
	`name` text NOT NULL,
	`mark` text,
	`summary` text DEFAULT '' NOT NULL,
	`defining_quote_id` integer,
	`sections` text NOT NULL,
	`theme_ids` text DEFAULT '[]' NOT NULL,
	`edited` integer DEFAULT false NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `synthesis_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`defining_quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `personas_run` ON `personas` (`run_id`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transcript_id` integer NOT NULL,
	`turn_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`text` text NOT NULL,
	`text_hash` text NOT NULL,
	`start_offset` integer NOT NULL,
	`end_offset` integer NOT NULL,
	FOREIGN KEY (`transcript_id`) REFERENCES `transcripts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`turn_id`) REFERENCES `turns`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quotes_transcript` ON `quotes` (`transcript_id`);--> statement-breakpoint
CREATE INDEX `quotes_participant` ON `quotes` (`participant_id`);--> statement-breakpoint
CREATE INDEX `quotes_text_hash` ON `quotes` (`text_hash`);--> statement-breakpoint
CREATE TABLE `speakers` (
	`transcript_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`participant_id` integer,
	PRIMARY KEY(`transcript_id`, `name`),
	FOREIGN KEY (`transcript_id`) REFERENCES `transcripts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `speakers_participant` ON `speakers` (`participant_id`);--> statement-breakpoint
CREATE TABLE `study_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `synthesis_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`model_id` text NOT NULL,
	`model_hash` text NOT NULL,
	`seed` integer NOT NULL,
	`params` text NOT NULL,
	`chosen_k` integer NOT NULL,
	`scores` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `theme_quotes` (
	`theme_id` integer NOT NULL,
	`quote_id` integer NOT NULL,
	`rank` integer NOT NULL,
	`similarity` real,
	PRIMARY KEY(`theme_id`, `quote_id`),
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `theme_quotes_quote` ON `theme_quotes` (`quote_id`);--> statement-breakpoint
CREATE TABLE `themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`idx` integer NOT NULL,
	`label` text NOT NULL,
	`keywords` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `synthesis_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `themes_run` ON `themes` (`run_id`);--> statement-breakpoint
CREATE TABLE `transcripts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`source_path` text NOT NULL,
	`format` text NOT NULL,
	`content_hash` text NOT NULL,
	`interview_date` text,
	`imported_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `transcripts_content_hash` ON `transcripts` (`content_hash`);--> statement-breakpoint
CREATE TABLE `turns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transcript_id` integer NOT NULL,
	`idx` integer NOT NULL,
	`speaker` text NOT NULL,
	`text` text NOT NULL,
	`start_ms` integer,
	FOREIGN KEY (`transcript_id`) REFERENCES `transcripts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `turns_transcript_idx` ON `turns` (`transcript_id`,`idx`);