import { Alert, Button, Group, Paper, Select, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import type { PersonaCount } from '../../../shared/ipc/contract';
import { errorMessage } from '../../bridge';
import { useIsRunning, useJobs } from '../jobs/JobsProvider';

const COUNT_OPTIONS = [
  { value: 'auto', label: 'Automatic' },
  { value: '2', label: '2 personas' },
  { value: '3', label: '3 personas' },
  { value: '4', label: '4 personas' },
];

function toCount(value: string): PersonaCount {
  return value === '2' ? 2 : value === '3' ? 3 : value === '4' ? 4 : 'auto';
}

/** Starts a synthesis run: themes from quotes, then draft personas from themes. */
export function SynthesizeBar({ hasPersonas, hasEdits }: { hasPersonas: boolean; hasEdits: boolean }) {
  const { startJob } = useJobs();
  const running = useIsRunning('synthesize');
  const [count, setCount] = useState('auto');
  const [error, setError] = useState<string | null>(null);

  const synthesize = async () => {
    setError(null);
    try {
      await startJob({ kind: 'synthesize', personas: toCount(count) });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" align="flex-end">
        <div style={{ flex: 1, minWidth: 240 }}>
          <Text fw={600}>{hasPersonas ? 'Synthesize again' : 'Draft personas'}</Text>
          <Text size="sm" c="dimmed">
            {hasEdits
              ? 'A new run replaces the current drafts, including your edits. Export first if you want to keep them.'
              : 'Groups quotes into themes on this computer, then drafts personas whose every bullet cites quotes.'}
          </Text>
        </div>
        <Group align="flex-end" gap="sm">
          <Select
            label="Persona count"
            data-testid="persona-count"
            data={COUNT_OPTIONS}
            value={count}
            onChange={(v) => v && setCount(v)}
            allowDeselect={false}
            w={160}
          />
          <Button leftSection={<IconSparkles size={18} />} onClick={synthesize} loading={running} data-testid="synthesize-button">
            Synthesize
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert color="red" mt="sm" title="Synthesis could not start">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
