import { ActionIcon, Menu, Text, Tooltip } from '@mantine/core';
import { IconPlaylistAdd } from '@tabler/icons-react';
import { useWorkspace } from './workspace';

const MAX_LABEL = 60;
const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s || '(empty bullet)');

/** The keyboard way to attach a quote: "Add to bullet…" lists the open editor's bullets. Nothing when no persona is being edited. */
export function AddToBulletMenu({ quoteId }: { quoteId: number }) {
  const { editor } = useWorkspace();
  if (!editor) return null;
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={320}>
      <Menu.Target>
        <Tooltip label="Add to bullet…" openDelay={300}>
          <ActionIcon variant="subtle" color="indigo" aria-label="Add to bullet…" data-testid="add-to-bullet">
            <IconPlaylistAdd size={16} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown mah={360} style={{ overflowY: 'auto' }}>
        <Menu.Label>Add to a bullet of {editor.personaName}</Menu.Label>
        {editor.bullets.map((b) => {
          const has = b.evidence.includes(quoteId);
          return (
            <Menu.Item
              key={`${b.ref.section}:${b.ref.index}`}
              disabled={has}
              onClick={() => editor.addEvidence(b.ref, quoteId)}
              data-testid="add-to-bullet-option"
            >
              <Text size="xs" c="dimmed">
                {b.label} {b.ref.index + 1}
                {has ? ' · already cited' : ''}
              </Text>
              <Text size="sm">{short(b.text)}</Text>
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
