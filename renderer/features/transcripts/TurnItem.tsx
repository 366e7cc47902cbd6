import { Badge, Box, Group, Text } from '@mantine/core';
import type { Turn } from '../../../shared/domain';
import { formatTimestamp } from './format';

/** One speaker turn; the interviewer's turns are muted so participants' words stand out. */
export function TurnItem({ turn, color }: { turn: Turn; color: string }) {
  const interviewer = turn.role === 'interviewer';
  return (
    <Box
      data-testid="turn"
      data-role={turn.role}
      px="sm"
      py={8}
      style={{
        borderLeft: `3px solid var(--mantine-color-${interviewer ? 'gray-4' : `${color}-5`})`,
        background: interviewer ? 'var(--mantine-color-gray-0)' : undefined,
        borderRadius: 4,
      }}
    >
      <Group gap="xs" mb={2}>
        <Text size="sm" fw={600} c={interviewer ? 'gray.7' : `${color}.8`} data-testid="turn-speaker">
          {turn.speaker}
        </Text>
        {interviewer && (
          <Badge size="xs" variant="outline" color="gray">
            Interviewer
          </Badge>
        )}
        {turn.startMs !== null && (
          <Text size="xs" c="dimmed" ff="monospace">
            {formatTimestamp(turn.startMs)}
          </Text>
        )}
      </Group>
      <Text size="sm" c={interviewer ? 'dimmed' : undefined} style={{ whiteSpace: 'pre-wrap', lineHeight: 1.55 }}>
        {turn.text}
      </Text>
    </Box>
  );
}
