DROP INDEX `quotes_participant`;--> statement-breakpoint
DROP INDEX `quotes_text_hash`;--> statement-breakpoint
CREATE INDEX `quotes_turn` ON `quotes` (`turn_id`);--> statement-breakpoint
CREATE INDEX `quote_points_quote` ON `quote_points` (`quote_id`);