CREATE TABLE `highlights` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`turn_id` integer NOT NULL,
	`start_offset` integer NOT NULL,
	`end_offset` integer NOT NULL,
	`text` text NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`turn_id`) REFERENCES `turns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `highlights_turn` ON `highlights` (`turn_id`);--> statement-breakpoint
CREATE TABLE `participant_aliases` (
	`key` text PRIMARY KEY NOT NULL,
	`participant_id` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participant_aliases_participant` ON `participant_aliases` (`participant_id`);--> statement-breakpoint
CREATE TABLE `participant_profiles` (
	`participant_id` integer PRIMARY KEY NOT NULL,
	`code` text,
	`segment` text,
	`experience` text,
	`company_size` text,
	`industry` text,
	`role` text,
	`interview_date` text,
	`consent_status` text,
	`consent_date` text,
	`notes` text DEFAULT '' NOT NULL,
	`attributes` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `quote_facets` (
	`text_hash` text PRIMARY KEY NOT NULL,
	`facet` text NOT NULL,
	`confidence` real NOT NULL,
	`corrected` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quote_points` (
	`run_id` integer NOT NULL,
	`quote_id` integer NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	PRIMARY KEY(`run_id`, `quote_id`),
	FOREIGN KEY (`run_id`) REFERENCES `synthesis_runs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `persona_participants` ADD `fit` real;--> statement-breakpoint
ALTER TABLE `quotes` ADD `highlight_id` integer;--> statement-breakpoint
ALTER TABLE `themes` ADD `outlier` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `transcripts` ADD `detected` text;--> statement-breakpoint
CREATE VIRTUAL TABLE `turns_fts` USING fts5(`text`, content='turns', content_rowid='id', tokenize='unicode61 remove_diacritics 2');--> statement-breakpoint
CREATE TRIGGER `turns_fts_ai` AFTER INSERT ON `turns` BEGIN INSERT INTO `turns_fts`(rowid, `text`) VALUES (new.id, new.text); END;--> statement-breakpoint
CREATE TRIGGER `turns_fts_ad` AFTER DELETE ON `turns` BEGIN INSERT INTO `turns_fts`(`turns_fts`, rowid, `text`) VALUES ('delete', old.id, old.text); END;--> statement-breakpoint
CREATE TRIGGER `turns_fts_au` AFTER UPDATE OF `text` ON `turns` BEGIN INSERT INTO `turns_fts`(`turns_fts`, rowid, `text`) VALUES ('delete', old.id, old.text); INSERT INTO `turns_fts`(rowid, `text`) VALUES (new.id, new.text); END;--> statement-breakpoint
INSERT INTO `turns_fts`(`turns_fts`) VALUES ('rebuild');
