import { Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Highlight, Turn } from '../../../shared/domain';
import { splitByHighlights } from './highlightSpans';
import { TURN_TEXT_ATTR } from './selection';
import classes from './TurnItem.module.css';

/**
 * A turn's text with its highlights as <mark> runs. Nothing but the text goes inside (tags live
 * in the title), so DOM offsets map 1:1 to turn.text and selections can be turned back into them.
 */
export function TurnText({ turn, highlights, muted }: { turn: Turn; highlights: Highlight[]; muted: boolean }) {
  const spans = useMemo(() => splitByHighlights(turn.text.length, highlights), [turn.text, highlights]);
  return (
    <Text
      size="sm"
      c={muted ? 'dimmed' : undefined}
      style={{ whiteSpace: 'pre-wrap', lineHeight: 1.55 }}
      data-testid="turn-text"
      data-role={turn.role}
      data-speaker={turn.speaker}
      {...{ [TURN_TEXT_ATTR]: turn.id }}
    >
      {spans.map((span) => {
        const text = turn.text.slice(span.start, span.end);
        if (span.highlights.length === 0) return text;
        const tags = [...new Set(span.highlights.flatMap((h) => h.tags))];
        return (
          <mark
            key={span.start}
            className={classes.mark}
            data-testid="turn-highlight"
            data-highlight-ids={span.highlights.map((h) => h.id).join(' ')}
            title={tags.length > 0 ? `Highlight: ${tags.join(', ')}` : 'Highlight'}
          >
            {text}
          </mark>
        );
      })}
    </Text>
  );
}
