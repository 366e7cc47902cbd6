import { Alert, Group, Stack, Switch, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import type { FilePreview } from '../../../shared/domain';
import { plural } from '../../format';

export interface GenericLabel {
  label: string;
  /** Files in which the label is proposed as a participant. */
  files: number;
}

/** Generic participant labels ("User", "Speaker 2") over the files to import, most files first. */
export function genericLabelsOf(files: FilePreview[]): GenericLabel[] {
  const counts = new Map<string, number>();
  for (const f of files) {
    if (!f.ok) continue;
    for (const s of f.speakers) if (s.generic && s.proposedRole === 'participant' && !s.alias) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  }
  return [...counts].map(([label, n]) => ({ label, files: n })).sort((a, b) => b.files - a.files || a.label.localeCompare(b.label));
}

interface Props {
  labels: GenericLabel[];
  sameAcross: ReadonlySet<string>;
  onToggle: (label: string) => void;
}

/**
 * Says what Grounded does with generic labels: "User" in each file is a different person, named
 * after the file ("creativity_0000 (User)"). The researcher can say a label is one person in every
 * file instead (a panel whose transcripts all say "Guest" for the same guest).
 */
export function PreviewGeneric({ labels, sameAcross, onToggle }: Props) {
  return (
    <Alert variant="light" color="teal" p="xs" icon={<IconUsers size={16} />} data-testid="preview-generic-labels">
      <Stack gap={4}>
        <Text size="sm">
          Generic speaker labels name a role, not a person: each file’s speaker is a different participant, named after the file, like
          “interview-3 (User)”.
        </Text>
        {labels.map(({ label, files }) => {
          const same = sameAcross.has(label);
          return (
            <Group key={label} gap="sm" data-testid="preview-generic-label" data-label={label} data-same={same ? 'true' : 'false'}>
              <Text size="sm" fw={600} miw={120}>
                {label}
              </Text>
              <Text size="sm" c="dimmed" miw={220}>
                {same ? `one participant across ${plural(files, 'file')}` : `${plural(files, 'participant')}, one per file`}
              </Text>
              <Switch size="xs" checked={same} onChange={() => onToggle(label)} label="Same person in every file" aria-label={`${label} is the same person in every file`} />
            </Group>
          );
        })}
      </Stack>
    </Alert>
  );
}
