import { Alert, Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronRight, IconCopy, IconFileText } from '@tabler/icons-react';
import type { FilePreview, SpeakerRole } from '../../../shared/domain';
import { plural } from '../../format';
import { PreviewSpeakers } from './PreviewSpeakers';
import { PreviewTextLabels } from './PreviewTextLabels';
import { choicesOf, effectiveRole, type SpeakerDraft } from './speakerDraft';
import { fileName } from './format';

interface Props {
  file: FilePreview;
  /** Null for a file that will not be imported (unreadable, or a duplicate). */
  draft: SpeakerDraft | null;
  /** Undefined when the file is always shown in full (a small batch). */
  expanded?: boolean;
  onToggle?: () => void;
  onName: (original: string, name: string) => void;
  onRole: (original: string, role: SpeakerRole) => void;
  /** Generic labels the researcher says are one person in every file. */
  sameAcross: ReadonlySet<string>;
  /** Labels read as text that the researcher says are speakers. */
  asSpeakers: string[];
  onAsSpeaker: (label: string) => void;
}

/** What the researcher needs to say yes to one file: the source detected, the speakers, and any problem. */
export function PreviewFile({ file, draft, expanded, onToggle, onName, onRole, sameAcross, asSpeakers, onAsSpeaker }: Props) {
  const open = expanded ?? true;
  const status = !file.ok ? 'error' : file.duplicateOf ? 'duplicate' : 'ok';
  const name = fileName(file.path);

  const summary = !file.ok
    ? 'could not be read'
    : [plural(file.turns, 'turn'), plural(speakerCount(file, draft), 'speaker'), interviewerOf(draft)].filter(Boolean).join(' · ');
  const changed = draft !== null && choicesOf(draft) !== null;

  const heading = (
    <Group gap="xs" wrap="nowrap">
      {onToggle && (open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />)}
      <IconFileText size={16} color="var(--mantine-color-gray-6)" style={{ flex: 'none' }} />
      <Text fw={600} size="sm" truncate title={file.path} style={{ minWidth: 0 }}>
        {name}
      </Text>
      {file.ok && (
        <Badge variant="light" color="indigo" size="sm" tt="none" style={{ flex: 'none' }} data-testid="preview-detected">
          {file.detected}
        </Badge>
      )}
      <Text size="sm" c="dimmed" truncate style={{ flex: 1, minWidth: 0 }} data-testid="preview-summary">
        {summary}
      </Text>
      {status === 'duplicate' && <Badge color="yellow" variant="light" size="sm" style={{ flex: 'none' }}>skipped: duplicate</Badge>}
      {status === 'error' && <Badge color="red" variant="light" size="sm" style={{ flex: 'none' }}>skipped: failed</Badge>}
      {changed && <Badge color="indigo" variant="outline" size="sm" style={{ flex: 'none' }}>edited</Badge>}
    </Group>
  );

  return (
    <Paper withBorder radius="md" p="sm" data-testid="preview-file" data-file={name} data-status={status}>
      <Stack gap="xs">
        {onToggle ? (
          <UnstyledButton onClick={onToggle} aria-expanded={open} aria-label={`${open ? 'Collapse' : 'Expand'} ${name}`}>
            {heading}
          </UnstyledButton>
        ) : (
          heading
        )}
        {open && !file.ok && (
          <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="preview-error">
            <Text size="sm">{file.message}</Text>
            <Text size="xs" c="dimmed">It will be reported again in the import results and skipped.</Text>
          </Alert>
        )}
        {open && file.ok && file.duplicateOf && (
          <Alert color="yellow" variant="light" p="xs" icon={<IconCopy size={16} />} data-testid="preview-duplicate">
            <Text size="sm">Already imported as {file.duplicateOf} — will be skipped.</Text>
          </Alert>
        )}
        {open && file.ok && draft && <PreviewSpeakers speakers={file.speakers} draft={draft} onName={onName} onRole={onRole} sameAcross={sameAcross} />}
        {open && file.ok && draft && file.textLabels.length > 0 && <PreviewTextLabels labels={file.textLabels} asSpeakers={asSpeakers} onToggle={onAsSpeaker} />}
      </Stack>
    </Paper>
  );
}

function interviewerOf(draft: SpeakerDraft | null): string | null {
  const interviewer = draft?.find((s) => effectiveRole(draft, s) === 'interviewer');
  return interviewer ? `interviewer: ${interviewer.name.trim() || interviewer.original}` : draft ? 'no interviewer' : null;
}

/** Speakers as the import will record them: two labels read as one speaker count once. */
function speakerCount(file: Extract<FilePreview, { ok: true }>, draft: SpeakerDraft | null): number {
  return draft ? new Set(draft.map((s) => s.name.trim() || s.original)).size : new Set(file.speakers.map((s) => s.alias?.into ?? s.name)).size;
}
