import { ActionIcon, Alert, Badge, Group, Paper, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Highlight, Turn } from '../../../shared/domain';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';
import { formatTimestamp } from './format';

interface Props {
  highlights: Highlight[];
  turns: Map<number, Turn>;
  onJump: (turnId: number) => void;
  onChanged: () => void;
}

/** The researcher's highlights in this transcript, in reading order; each one is a quote. */
export function HighlightsPanel({ highlights, turns, onJump, onChanged }: Props) {
  // Which highlight's button shows the spinner; busy and error come from useAction.
  const [deleting, setDeleting] = useState<number | null>(null);
  const { error, run } = useAction();

  const remove = async (id: number) => {
    setDeleting(id);
    await run(() => call('highlights:delete', { id }), onChanged);
    setDeleting(null);
  };

  return (
    <Paper withBorder radius="md" p="sm" data-testid="highlights-panel">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={650}>
          Highlights
        </Text>
        <Badge size="sm" variant="light" color="yellow" circle={highlights.length < 10}>
          {highlights.length}
        </Badge>
      </Group>
      {error && (
        <Alert color="red" p="xs" mb="xs">
          <Text size="xs">{error}</Text>
        </Alert>
      )}
      {highlights.length === 0 ? (
        <Text size="xs" c="dimmed" data-testid="highlights-empty">
          Select words in a participant’s turn to highlight them as a quote.
        </Text>
      ) : (
        <Stack gap={0}>
          {highlights.map((h) => {
            const turn = turns.get(h.turnId);
            return (
              <Group key={h.id} gap={4} align="flex-start" wrap="nowrap" py={6} data-testid="highlight-item" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                <UnstyledButton style={{ flex: 1, minWidth: 0 }} onClick={() => onJump(h.turnId)} title="Show in the transcript">
                  <Text size="xs" c="dimmed">
                    {turn?.speaker ?? 'Unknown speaker'}
                    {turn?.startMs != null && ` · ${formatTimestamp(turn.startMs)}`}
                    {h.quoteId === null && ' · not a quote'}
                  </Text>
                  <Text size="sm" lineClamp={3} data-testid="highlight-text" style={{ borderLeft: '3px solid var(--mantine-color-yellow-5)', paddingLeft: 6 }}>
                    {h.text}
                  </Text>
                  {h.tags.length > 0 && (
                    <Group gap={4} mt={4}>
                      {h.tags.map((tag) => (
                        <Badge key={tag} size="xs" variant="light" color="yellow" tt="none" data-testid="highlight-tag">
                          {tag}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </UnstyledButton>
                <Tooltip label="Delete highlight" openDelay={300}>
                  <ActionIcon variant="subtle" color="red" size="sm" aria-label="Delete highlight" loading={deleting === h.id} onClick={() => void remove(h.id)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
