import { ActionIcon, Group, TextInput } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Theme } from '../../../shared/domain';
import { call } from '../../bridge';
import { useCurate } from './useCurate';

/** The theme's label, edited in place: Enter saves, Escape leaves it as it was. */
export function RenameTheme({ theme, onDone }: { theme: Theme; onDone: () => void }) {
  const [label, setLabel] = useState(theme.label);
  const { run, busy } = useCurate();
  const save = () => {
    const next = label.trim();
    if (!next || next === theme.label) return onDone();
    void run(() => call('themes:rename', { id: theme.id, label: next }), onDone);
  };

  return (
    <form
      style={{ flex: 1, padding: '10px 12px' }}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Group gap={4} wrap="nowrap">
        <TextInput
          aria-label={`New label for ${theme.label}`}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Escape' && onDone()}
          maxLength={80}
          autoFocus
          disabled={busy}
          style={{ flex: 1 }}
          data-testid="theme-rename-input"
        />
        <ActionIcon type="submit" variant="light" aria-label="Save label" loading={busy} data-testid="theme-rename-save">
          <IconCheck size={16} />
        </ActionIcon>
        <ActionIcon variant="subtle" color="gray" aria-label="Cancel rename" onClick={onDone}>
          <IconX size={16} />
        </ActionIcon>
      </Group>
    </form>
  );
}
