import { ActionIcon, Badge, Box, ColorSwatch, Group, SegmentedControl, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { SpeakerRole, TranscriptDetail } from '../../../shared/domain';
import { SPEAKER_ROLE_TITLE, SPEAKER_ROLES } from '../../../shared/vocabularies';
import { plural } from '../../format';

type Speaker = TranscriptDetail['speakers'][number];

const ROLES = SPEAKER_ROLES.map((value) => ({ value, label: SPEAKER_ROLE_TITLE[value] }));

interface Props {
  speaker: Speaker;
  color: string;
  /** Every speaker name in the transcript, to say when a rename will merge. */
  names: string[];
  busy: boolean;
  onRole: (role: SpeakerRole) => void;
  onRename: (to: string) => void;
}

/** One speaker: colour, turns, role, and a rename that merges onto an existing name. */
export function SpeakerRow({ speaker, color, names, busy, onRole, onRename }: Props) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const target = renaming?.trim() ?? '';
  const mergesInto = target !== speaker.name ? names.find((n) => n === target) : undefined;
  const submit = () => {
    if (target && target !== speaker.name) onRename(target);
    setRenaming(null);
  };

  return (
    <Stack gap={6} py="xs" data-testid="speaker-row" data-speaker={speaker.name} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="xs" wrap="nowrap">
        <ColorSwatch color={`var(--mantine-color-${speaker.role === 'participant' ? `${color}-5` : 'gray-4'})`} size={12} withShadow={false} />
        <Text size="sm" fw={600} truncate style={{ flex: 1 }} title={speaker.name}>
          {speaker.name}
        </Text>
        <Badge size="sm" variant="light" color="gray" tt="none" data-testid="speaker-turns">
          {plural(speaker.turnCount, 'turn')}
        </Badge>
        <Tooltip label="Rename" openDelay={300}>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Rename ${speaker.name}`} disabled={busy} onClick={() => setRenaming(speaker.name)}>
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {renaming !== null && (
        <Box>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Group gap={4} wrap="nowrap">
              <TextInput
                size="xs"
                style={{ flex: 1 }}
                aria-label={`New name for ${speaker.name}`}
                value={renaming}
                onChange={(e) => setRenaming(e.currentTarget.value)}
                onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)}
                maxLength={200}
                autoFocus
              />
              <ActionIcon type="submit" size="md" aria-label="Save name" disabled={!target}>
                <IconCheck size={14} />
              </ActionIcon>
              <ActionIcon variant="default" size="md" aria-label="Cancel rename" onClick={() => setRenaming(null)}>
                <IconX size={14} />
              </ActionIcon>
            </Group>
          </form>
          <Text size="xs" mt={4} c={mergesInto ? 'orange.8' : 'dimmed'} data-testid="rename-hint">
            {mergesInto
              ? `Merges ${speaker.name} into ${mergesInto}: their turns become one speaker.`
              : 'Renaming onto an existing speaker’s name merges the two.'}
          </Text>
        </Box>
      )}
      <SegmentedControl
        size="xs"
        fullWidth
        data={ROLES}
        value={speaker.role}
        onChange={(v) => v !== speaker.role && onRole(v as SpeakerRole)}
        disabled={busy}
        aria-label={`Role of ${speaker.name}`}
        color={speaker.role === 'participant' ? color : 'gray'}
        autoContrast
      />
    </Stack>
  );
}
