import { Group, Text, UnstyledButton } from '@mantine/core';
import { IconClock, IconFileText } from '@tabler/icons-react';
import type { SearchHit } from '../../../shared/domain';
import { formatTimestamp } from '../transcripts/format';
import { HitPassage } from './HitPassage';
import classes from './SearchHitItem.module.css';

/** One matching turn; clicking opens its transcript at that turn. */
export function SearchHitItem({ hit, onOpen }: { hit: SearchHit; onOpen: (hit: SearchHit) => void }) {
  return (
    <UnstyledButton className={classes.hit} onClick={() => onOpen(hit)} data-testid="search-hit" data-turn-id={hit.turnId}>
      <Group gap="xs" mb={4} wrap="nowrap">
        <IconFileText size={14} color="var(--mantine-color-gray-6)" style={{ flexShrink: 0 }} />
        <Text size="xs" fw={600} truncate data-testid="search-hit-file">
          {hit.fileName}
        </Text>
        <Text size="xs" c="dimmed">
          ·
        </Text>
        <Text size="xs" fw={600} c="var(--mantine-color-indigo-text)" truncate data-testid="search-hit-speaker">
          {hit.speaker}
        </Text>
        <Group gap={4} wrap="nowrap" c="dimmed">
          <IconClock size={12} />
          <Text size="xs" ff="monospace">
            {hit.startMs !== null ? formatTimestamp(hit.startMs) : `turn ${hit.turnIndex + 1}`}
          </Text>
        </Group>
      </Group>
      <HitPassage segments={hit.segments} />
    </UnstyledButton>
  );
}
