import { Alert, Paper, Text } from '@mantine/core';
import type { SpeakerRole, TranscriptDetail } from '../../../shared/domain';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';
import { SpeakerRow } from './SpeakerRow';

interface Props {
  transcript: TranscriptDetail;
  colors: Map<string, string>;
  onChanged: () => void;
}

/** Who speaks in this transcript and as what: only participants' words become quotes. */
export function SpeakersPanel({ transcript, colors, onChanged }: Props) {
  const { busy, error, run, clearError } = useAction();
  const names = transcript.speakers.map((s) => s.name);

  const setRole = (speaker: string, role: SpeakerRole) => run(() => call('transcripts:setSpeakerRole', { id: transcript.id, speaker, role }), onChanged);
  const rename = (from: string, to: string) => run(() => call('transcripts:renameSpeaker', { id: transcript.id, from, to }), onChanged);

  return (
    <Paper withBorder radius="md" p="sm" data-testid="speakers-panel">
      <Text size="sm" fw={650}>
        Speakers
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        Only participants’ words become quotes.
      </Text>
      {error && (
        <Alert color="red" p="xs" mb="xs" withCloseButton onClose={clearError}>
          <Text size="xs">{error}</Text>
        </Alert>
      )}
      {transcript.speakers.map((s) => (
        <SpeakerRow
          key={s.name}
          speaker={s}
          color={colors.get(s.name) ?? 'gray'}
          names={names}
          busy={busy}
          onRole={(role) => void setRole(s.name, role)}
          onRename={(to) => void rename(s.name, to)}
        />
      ))}
    </Paper>
  );
}
