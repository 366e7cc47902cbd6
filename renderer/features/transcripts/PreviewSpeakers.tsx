import { Anchor, SegmentedControl, Table, Text, TextInput } from '@mantine/core';
import type { SpeakerPreview, SpeakerRole } from '../../../shared/domain';
import { SPEAKER_ROLE_TITLE, SPEAKER_ROLES } from '../../../shared/vocabularies';
import { effectiveRole, mergeTarget, type SpeakerDraft } from './speakerDraft';

const ROLES = SPEAKER_ROLES.map((value) => ({ value, label: SPEAKER_ROLE_TITLE[value] }));
const ROLE_COLOR: Record<SpeakerRole, string> = { interviewer: 'indigo', participant: 'teal', other: 'gray' };

interface Props {
  speakers: SpeakerPreview[];
  draft: SpeakerDraft;
  onName: (original: string, name: string) => void;
  onRole: (original: string, role: SpeakerRole) => void;
  sameAcross: ReadonlySet<string>;
}

/**
 * One file's speakers as the import will record them: name, how much they said, and role; a label
 * proposed as another label of the same speaker says so and can be kept apart; a generic label
 * ("User") says it is a person of this file only.
 */
export function PreviewSpeakers({ speakers, draft, onName, onRole, sameAcross }: Props) {
  return (
    <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm" layout="fixed" data-testid="preview-speakers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={210}>Speaker</Table.Th>
          <Table.Th w={56} ta="right">
            Turns
          </Table.Th>
          <Table.Th w={64} ta="right">
            Words
          </Table.Th>
          <Table.Th>Sample</Table.Th>
          <Table.Th w={272}>Role</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {draft.map((s) => {
          const stats = speakers.find((p) => p.name === s.original);
          const role = effectiveRole(draft, s);
          const into = mergeTarget(draft, s);
          const renamed = s.name.trim() !== s.original;
          const proposedAlias = stats?.alias && s.name.trim() === s.proposedName ? stats.alias : null;
          const keptApart = s.proposedName !== s.original && s.name.trim() === s.original;
          const hint =
            s.name.trim() === ''
              ? null
              : proposedAlias
                ? `Read as ${proposedAlias.into}: ${proposedAlias.reason}`
                : keptApart
                  ? `Kept apart from ${s.proposedName}`
                  : into
                    ? `Merges into ${into.original}: one speaker`
                    : renamed
                      ? `was ${s.original}`
                      : null;
          const generic = stats?.generic === true && role === 'participant' && !renamed;
          return (
            <Table.Tr key={s.original} data-testid="preview-speaker" data-speaker={s.original} data-role={role} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={`Name of ${s.original}`}
                  value={s.name}
                  maxLength={200}
                  onChange={(e) => onName(s.original, e.currentTarget.value)}
                  error={s.name.trim() === '' ? 'A speaker needs a name' : undefined}
                  styles={{ input: { fontWeight: renamed ? 600 : undefined } }}
                />
                {hint && (
                  <Text size="xs" mt={2} c={into && !proposedAlias ? 'orange.8' : 'dimmed'} data-testid="preview-rename-hint">
                    {hint}
                    {(proposedAlias || keptApart) && ' '}
                    {proposedAlias && (
                      <Anchor component="button" size="xs" onClick={() => onName(s.original, s.original)} data-testid="preview-keep-apart">
                        Keep apart
                      </Anchor>
                    )}
                    {keptApart && (
                      <Anchor component="button" size="xs" onClick={() => onName(s.original, s.proposedName)} data-testid="preview-merge-again">
                        Read as one again
                      </Anchor>
                    )}
                  </Text>
                )}
                {generic && (
                  <Text size="xs" mt={2} c="dimmed" data-testid="preview-generic">
                    {sameAcross.has(s.original) ? 'The same person in every file' : 'A different person in each file'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" pt={10} data-testid="preview-speaker-turns">
                {stats?.turns ?? 0}
              </Table.Td>
              <Table.Td ta="right" pt={10}>
                {stats?.words ?? 0}
              </Table.Td>
              <Table.Td pt={10}>
                <Text size="sm" fs="italic" c="dimmed" truncate="end" title={stats?.sample}>
                  {stats?.sample ? `“${stats.sample}”` : '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  fullWidth
                  data={ROLES}
                  value={role}
                  color={ROLE_COLOR[role]}
                  autoContrast
                  onChange={(v) => v !== role && onRole(s.original, v as SpeakerRole)}
                  aria-label={`Role of ${s.original}`}
                />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
