-- Repairs references left dangling by re-deriving a transcript's quotes before quote ids were
-- stable (a highlight renumbered every quote of its transcript), and records what it repaired in
-- study_meta (read by `grounded info`). Counts first, then each repair.
INSERT INTO `study_meta` (`key`, `value`)
SELECT 'repair:0003_stable_evidence', json_object(
  'themeLinks', (SELECT count(*) FROM `theme_quotes` WHERE `quote_id` NOT IN (SELECT `id` FROM `quotes`)),
  'themeLinksToThemes', (SELECT count(*) FROM `theme_quotes` WHERE `theme_id` NOT IN (SELECT `id` FROM `themes`)),
  'mapPoints', (SELECT count(*) FROM `quote_points` WHERE `quote_id` NOT IN (SELECT `id` FROM `quotes`)),
  'definingQuotes', (SELECT count(*) FROM `personas` WHERE `defining_quote_id` IS NOT NULL AND `defining_quote_id` NOT IN (SELECT `id` FROM `quotes`)),
  'personaEvidence', (SELECT count(*) FROM `personas` p, json_each(p.`sections`) s, json_each(s.value) b, json_each(b.value, '$.evidence') e
                       WHERE e.value NOT IN (SELECT `id` FROM `quotes`)),
  'bullets', (SELECT count(*) FROM `personas` p, json_each(p.`sections`) s, json_each(s.value) b
               WHERE EXISTS (SELECT 1 FROM json_each(b.value, '$.evidence') e WHERE e.value NOT IN (SELECT `id` FROM `quotes`))),
  'personaThemes', (SELECT count(*) FROM `personas` p, json_each(p.`theme_ids`) t WHERE t.value NOT IN (SELECT `id` FROM `themes`)),
  'personaParticipants', (SELECT count(*) FROM `persona_participants` WHERE `participant_id` NOT IN (SELECT `id` FROM `participants`)),
  'highlightQuotes', (SELECT count(*) FROM `quotes` WHERE `highlight_id` IS NOT NULL AND `highlight_id` NOT IN (SELECT `id` FROM `highlights`))
) WHERE true
ON CONFLICT (`key`) DO UPDATE SET `value` = excluded.`value`;
--> statement-breakpoint
DELETE FROM `theme_quotes` WHERE `quote_id` NOT IN (SELECT `id` FROM `quotes`) OR `theme_id` NOT IN (SELECT `id` FROM `themes`);
--> statement-breakpoint
DELETE FROM `quote_points` WHERE `quote_id` NOT IN (SELECT `id` FROM `quotes`);
--> statement-breakpoint
UPDATE `personas` SET `defining_quote_id` = NULL WHERE `defining_quote_id` IS NOT NULL AND `defining_quote_id` NOT IN (SELECT `id` FROM `quotes`);
--> statement-breakpoint
DELETE FROM `persona_participants` WHERE `participant_id` NOT IN (SELECT `id` FROM `participants`);
--> statement-breakpoint
UPDATE `quotes` SET `highlight_id` = NULL WHERE `highlight_id` IS NOT NULL AND `highlight_id` NOT IN (SELECT `id` FROM `highlights`);
--> statement-breakpoint
UPDATE `personas` SET `theme_ids` = (
  SELECT json_group_array(t.value ORDER BY t.key) FROM json_each(`personas`.`theme_ids`) t WHERE t.value IN (SELECT `id` FROM `themes`)
) WHERE EXISTS (SELECT 1 FROM json_each(`personas`.`theme_ids`) t WHERE t.value NOT IN (SELECT `id` FROM `themes`));
--> statement-breakpoint
-- Each bullet keeps the quotes that exist; one that lost any counts them in lostEvidence, which
-- the card and every export show (and "unsupported" when none is left).
UPDATE `personas` SET `sections` = (
  SELECT json_group_object(s.key, json((
    SELECT json_group_array(json(CASE
      WHEN NOT EXISTS (SELECT 1 FROM json_each(b.value, '$.evidence') e WHERE e.value NOT IN (SELECT `id` FROM `quotes`)) THEN b.value
      ELSE json_set(b.value,
        '$.evidence', json((SELECT json_group_array(e.value ORDER BY e.key) FROM json_each(b.value, '$.evidence') e WHERE e.value IN (SELECT `id` FROM `quotes`))),
        '$.lostEvidence', coalesce(json_extract(b.value, '$.lostEvidence'), 0)
          + (SELECT count(*) FROM json_each(b.value, '$.evidence') e WHERE e.value NOT IN (SELECT `id` FROM `quotes`)))
    END) ORDER BY b.key)
    FROM json_each(s.value) b
  )) ORDER BY s.id)
  FROM json_each(`personas`.`sections`) s
) WHERE EXISTS (
  SELECT 1 FROM json_each(`personas`.`sections`) s, json_each(s.value) b, json_each(b.value, '$.evidence') e
   WHERE e.value NOT IN (SELECT `id` FROM `quotes`)
);
