import { Mark, Text } from '@mantine/core';
import type { SearchHit } from '../../../shared/domain';

/** The matching passage as the core split it: matched words in <mark>, everything else plain text. */
export function HitPassage({ segments }: { segments: SearchHit['segments'] }) {
  return (
    <Text size="sm" style={{ lineHeight: 1.55 }} data-testid="search-passage">
      {segments.map((s, i) =>
        s.hit ? (
          <Mark key={i} color="yellow" px={1} style={{ borderRadius: 2 }}>
            {s.text}
          </Mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </Text>
  );
}
