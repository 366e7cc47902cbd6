import { Alert, Button, Group, Modal, NumberInput, Paper, Select, Text } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import type { PersonaCount } from '../../../shared/ipc/contract';
import { call, errorMessage, IpcClientError } from '../../bridge';
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

const GENERIC_WARNING = 'A new run replaces the current themes and draft personas. Export first if you want to keep the current ones.';

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
  // What a new run replaces, in the core's words, asked before a run on a synthesized study.
  const [confirm, setConfirm] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  const ask = async () => {
    if (!hasPersonas) return synthesize();
    setError(null);
    setAsking(true);
    try {
      const plan = await call('synthesis:plan', {});
      if (!plan.hasSynthesis) return synthesize();
      setConfirm(plan.message);
    } catch (err) {
      if (err instanceof IpcClientError && err.code === 'not_implemented') setConfirm(GENERIC_WARNING);
      else setError(errorMessage(err));
    } finally {
      setAsking(false);
    }
  };

  const synthesize = async () => {
    setConfirm(null);
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
              ? 'A new run says first what it will replace and which of your edits it carries over.'
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
          <Button leftSection={<IconSparkles size={18} />} onClick={() => void ask()} loading={running || asking} data-testid="synthesize-button">
            Synthesize
          </Button>
        </Group>
      </Group>
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title="Synthesize again?" data-testid="resynthesis-confirm">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="resynthesis-message">
          {confirm}
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirm(null)} data-autofocus>
            Cancel
          </Button>
          <Button onClick={() => void synthesize()} data-testid="resynthesis-go">
            Synthesize again
          </Button>
        </Group>
      </Modal>
      {error && (
        <Alert color="red" mt="sm" title="Synthesis could not start">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
