import { Alert, Button, Group, NumberInput, Paper, Select, Text } from '@mantine/core';
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

const THEME_MIN = 2;
const THEME_MAX = 60;

/** The 'themes' job input: 'auto', or a whole number clamped to what the core accepts. */
export function toThemes(mode: string, n: number | string): 'auto' | number {
  if (mode === 'auto') return 'auto';
  const v = Math.round(Number(n));
  return Number.isFinite(v) ? Math.min(THEME_MAX, Math.max(THEME_MIN, v)) : 'auto';
}

/** Starts a synthesis run: themes from quotes, then draft personas from themes. */
export function SynthesizeBar({ hasPersonas, hasEdits }: { hasPersonas: boolean; hasEdits: boolean }) {
  const { startJob } = useJobs();
  const running = useIsRunning('synthesize');
  const [count, setCount] = useState('auto');
  const [themeMode, setThemeMode] = useState<'auto' | 'fixed'>('auto');
  const [themeCount, setThemeCount] = useState<number | string>(8);
  const [error, setError] = useState<string | null>(null);

  const synthesize = async () => {
    setError(null);
    try {
      await startJob({ kind: 'synthesize', personas: toCount(count), themes: toThemes(themeMode, themeCount) });
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
          <Select
            label="Themes"
            data-testid="theme-mode"
            data={[
              { value: 'auto', label: 'Auto' },
              { value: 'fixed', label: 'Set number' },
            ]}
            value={themeMode}
            onChange={(v) => v && setThemeMode(v === 'fixed' ? 'fixed' : 'auto')}
            allowDeselect={false}
            w={130}
          />
          {themeMode === 'fixed' && (
            <NumberInput
              label="Theme count"
              data-testid="theme-count"
              min={THEME_MIN}
              max={THEME_MAX}
              clampBehavior="strict"
              allowDecimal={false}
              value={themeCount}
              onChange={setThemeCount}
              w={110}
            />
          )}
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
