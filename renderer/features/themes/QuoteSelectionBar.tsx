import { Button, Group, Paper, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowFork } from '@tabler/icons-react';
import { useState } from 'react';
import type { Theme } from '../../../shared/domain';
import { call } from '../../bridge';
import { MoveQuotesMenu } from './MoveQuotesMenu';
import { useCurate } from './useCurate';

/** What to do with the quotes picked in a theme's list: split them into a new theme, or move them to another. */
export function QuoteSelectionBar({ theme, themes, picked, onDone }: { theme: Theme; themes: Theme[]; picked: number[]; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [label, setLabel] = useState('');
  const { run, busy } = useCurate();
  const split = () =>
    run(
      () => call('themes:split', { id: theme.id, quoteIds: picked, label: label.trim() }),
      () => {
        setOpened(false);
        setLabel('');
        onDone();
      },
    );

  return (
    <Paper withBorder radius="sm" px="sm" py={6} bg="var(--mantine-color-indigo-light)" data-testid="quote-selection-bar">
      <Group gap="sm" justify="space-between">
        <Text size="sm" fw={500}>
          {picked.length} picked
        </Text>
        <Group gap="xs">
          <Popover opened={opened} onChange={setOpened} position="bottom-end" withinPortal trapFocus shadow="md">
            <Popover.Target>
              <Button size="compact-xs" leftSection={<IconArrowFork size={12} />} onClick={() => setOpened((o) => !o)} data-testid="split-picked">
                Split into new theme
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (label.trim()) void split();
                }}
              >
                <Stack gap="xs" w={260}>
                  <TextInput label="New theme's label" value={label} onChange={(e) => setLabel(e.currentTarget.value)} maxLength={80} data-autofocus data-testid="split-label" />
                  <Button type="submit" size="xs" disabled={!label.trim()} loading={busy} data-testid="split-confirm">
                    Split {picked.length} {picked.length === 1 ? 'quote' : 'quotes'} out
                  </Button>
                </Stack>
              </form>
            </Popover.Dropdown>
          </Popover>
          <MoveQuotesMenu theme={theme} themes={themes} quoteIds={picked} asButton onDone={onDone} />
          <Button size="compact-xs" variant="subtle" color="gray" onClick={onDone}>
            Clear
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
