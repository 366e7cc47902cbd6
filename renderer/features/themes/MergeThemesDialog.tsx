import { Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Theme } from '../../../shared/domain';
import { call } from '../../bridge';
import { useCurate } from './useCurate';

const CUSTOM = 'custom';

/** Merges the picked themes into one; the researcher keeps one of their labels or writes a new one. */
export function MergeThemesDialog({ themes, onClose, onMerged }: { themes: Theme[]; onClose: () => void; onMerged: () => void }) {
  // The biggest theme absorbs the others, so most quotes keep the theme they had.
  const ordered = [...themes].sort((a, b) => b.size - a.size);
  const [choice, setChoice] = useState(String(ordered[0]?.id ?? CUSTOM));
  const [custom, setCustom] = useState('');
  const { run, busy } = useCurate();
  const label = choice === CUSTOM ? custom.trim() : (ordered.find((t) => String(t.id) === choice)?.label ?? '');
  const total = themes.reduce((n, t) => n + t.size, 0);

  const merge = () =>
    run(
      () => call('themes:merge', { ids: ordered.map((t) => t.id), label }),
      () => {
        onMerged();
        onClose();
      },
    );

  return (
    <Modal opened onClose={onClose} title={`Merge ${themes.length} themes`} data-testid="merge-dialog">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Their {total} quotes become one theme. Undo takes it back.
        </Text>
        <Radio.Group label="Label of the merged theme" value={choice} onChange={setChoice}>
          <Stack gap="xs" mt="xs">
            {ordered.map((t) => (
              <Radio key={t.id} value={String(t.id)} label={`${t.label} (${t.size})`} data-testid="merge-label-option" />
            ))}
            <Radio value={CUSTOM} label="A new label" data-testid="merge-label-custom" />
          </Stack>
        </Radio.Group>
        {choice === CUSTOM && (
          <TextInput aria-label="New label" placeholder="New label" value={custom} onChange={(e) => setCustom(e.currentTarget.value)} maxLength={80} autoFocus data-testid="merge-custom-label" />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void merge()} loading={busy} disabled={!label} data-testid="merge-confirm">
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
