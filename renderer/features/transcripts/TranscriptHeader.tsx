import { Alert, Group, Select, Text, Title } from '@mantine/core';
import type { TranscriptDetail } from '../../../shared/domain';
import { call } from '../../bridge';
import { plural } from '../../format';
import { useAction } from '../../hooks/useAction';
import { FORMAT_LABEL, formatDate } from './format';

/** File name, what it holds, and the quick interviewer choice. */
export function TranscriptHeader({ transcript, onChanged }: { transcript: TranscriptDetail; onChanged: () => void }) {
  const { busy: saving, error: saveError, run } = useAction();

  const setInterviewer = async (speaker: string | null) => {
    if (!speaker || speaker === transcript.interviewer) return;
    await run(() => call('transcripts:setInterviewer', { id: transcript.id, speaker }), onChanged);
  };

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{transcript.fileName}</Title>
          <Text size="sm" c="dimmed" data-testid="transcript-meta">
            {FORMAT_LABEL[transcript.format]} · {plural(transcript.turnCount, 'turn')} · {plural(transcript.quoteCount, 'quote')} ·{' '}
            {formatDate(transcript.interviewDate ?? transcript.importedAt)}
          </Text>
        </div>
        <Select
          label="Interviewer"
          data-testid="interviewer-select"
          w={240}
          data={transcript.speakers.map((s) => ({ value: s.name, label: `${s.name} (${s.turnCount} turns)` }))}
          value={transcript.interviewer}
          onChange={(v) => void setInterviewer(v)}
          disabled={saving}
          allowDeselect={false}
          placeholder="Choose the interviewer"
        />
      </Group>
      {saveError && <Alert color="red">{saveError}</Alert>}
    </>
  );
}
