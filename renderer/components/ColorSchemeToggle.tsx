import { ActionIcon, Tooltip, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconDeviceDesktop, IconMoon, IconSun } from '@tabler/icons-react';

const NEXT: Record<MantineColorScheme, MantineColorScheme> = { auto: 'light', light: 'dark', dark: 'auto' };
const LABEL: Record<MantineColorScheme, string> = {
  auto: 'Colours follow the system',
  light: 'Light colours',
  dark: 'Dark colours',
};

/**
 * Light, dark, or following the system (the default). Mantine keeps the choice in this machine's
 * local storage; nothing leaves it.
 */
export function ColorSchemeToggle() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const next = NEXT[colorScheme];
  const Icon = colorScheme === 'auto' ? IconDeviceDesktop : colorScheme === 'dark' ? IconMoon : IconSun;
  return (
    <Tooltip label={`${LABEL[colorScheme]}; click for ${LABEL[next].toLowerCase()}`} openDelay={300}>
      <ActionIcon
        variant="subtle"
        color="gray"
        size="lg"
        aria-label={`${LABEL[colorScheme]} (switch to ${LABEL[next].toLowerCase()})`}
        data-testid="color-scheme-toggle"
        data-scheme={colorScheme}
        onClick={() => setColorScheme(next)}
      >
        <Icon size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
