import { ActionIcon, Button, Menu, Tooltip } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import type { Theme } from '../../../shared/domain';
import { call } from '../../bridge';
import { useCurate } from './useCurate';

export const themeName = (t: Theme) => (t.outlier ? 'Fits no theme' : t.label);

/** "Move to theme…": the picked quotes leave this theme for another (undoable). */
export function MoveQuotesMenu({ theme, themes, quoteIds, asButton, onDone }: { theme: Theme; themes: Theme[]; quoteIds: number[]; asButton?: boolean; onDone?: () => void }) {
  const { run, busy } = useCurate();
  const targets = themes.filter((t) => t.id !== theme.id);
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={260}>
      <Menu.Target>
        {asButton ? (
          <Button size="compact-xs" variant="light" leftSection={<IconArrowsExchange size={12} />} loading={busy} data-testid="move-picked">
            Move to…
          </Button>
        ) : (
          <Tooltip label="Move to theme…" openDelay={300}>
            <ActionIcon variant="subtle" color="gray" aria-label="Move to theme…" data-testid="move-quote">
              <IconArrowsExchange size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Menu.Target>
      <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
        <Menu.Label>Move {quoteIds.length === 1 ? 'this quote' : `${quoteIds.length} quotes`} to</Menu.Label>
        {targets.map((t) => (
          <Menu.Item key={t.id} onClick={() => run(() => themesMove(theme.id, t.id, quoteIds), onDone)} data-testid="move-target">
            {themeName(t)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

const themesMove = (fromId: number, toId: number, quoteIds: number[]) => call('themes:moveQuotes', { fromId, toId, quoteIds });
