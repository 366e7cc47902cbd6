import { Badge, Box, Group, Text } from '@mantine/core';
import { memo } from 'react';
import type { Highlight, Turn } from '../../../shared/domain';
import { formatTimestamp } from './format';
import classes from './TurnItem.module.css';
import { TurnText } from './TurnText';

interface Props {
  turn: Turn;
  color: string;
  highlights: Highlight[];
  /** Briefly lit up after a jump to this turn. */
  flash: boolean;
}

/** One speaker turn; the interviewer's (and others') turns are muted so participants' words stand out. */
export const TurnItem = memo(function TurnItem({ turn, color, highlights, flash }: Props) {
  const muted = turn.role !== 'participant';
  return (
    <div id={`turn-${turn.id}`} data-testid={`turn-${turn.id}`} data-focused={flash || undefined} style={{ scrollMarginTop: 96 }}>
      <Box
        data-testid="turn"
        data-role={turn.role}
        px="sm"
        py={8}
        className={flash ? classes.flash : undefined}
        style={{
          borderLeft: `3px solid var(--mantine-color-${muted ? 'gray-4' : `${color}-5`})`,
          background: muted ? 'light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-6))' : undefined,
          borderRadius: 4,
        }}
      >
        <Group gap="xs" mb={2}>
          <Text size="sm" fw={600} c={muted ? 'dimmed' : `var(--mantine-color-${color}-text)`} data-testid="turn-speaker">
            {turn.speaker}
          </Text>
          {muted && (
            <Badge size="xs" variant="outline" color="gray">
              {turn.role === 'interviewer' ? 'Interviewer' : 'Other'}
            </Badge>
          )}
          {turn.startMs !== null && (
            <Text size="xs" c="dimmed" ff="monospace" data-testid="turn-time">
              {formatTimestamp(turn.startMs)}
            </Text>
          )}
        </Group>
        <TurnText turn={turn} highlights={highlights} muted={muted} />
      </Box>
    </div>
  );
});
