import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconEye, IconEyeOff, IconPencil } from '@tabler/icons-react';
import type { Theme } from '../../../shared/domain';
import { call } from '../../bridge';
import { useCurate } from './useCurate';

/** A theme's own actions: rename, hide from personas (or show again). */
export function ThemeMenu({ theme, onRename }: { theme: Theme; onRename: () => void }) {
  const { run } = useCurate();
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${theme.label}`} data-testid="theme-menu">
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={14} />} onClick={onRename} data-testid="theme-rename">
          Rename
        </Menu.Item>
        <Menu.Item
          leftSection={theme.hidden ? <IconEye size={14} /> : <IconEyeOff size={14} />}
          onClick={() => void run(() => call('themes:setHidden', { id: theme.id, hidden: !theme.hidden }))}
          data-testid="theme-toggle-hidden"
        >
          {theme.hidden ? 'Use for personas again' : 'Hide from personas'}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
