import { Alert, Button, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { call, errorMessage } from '../../bridge';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { SPEAKER_COLORS } from '../../theme';
import { plural } from '../../format';
import { FORMAT_LABEL, formatDate } from './format';
import { TurnItem } from './TurnItem';

/** One transcript, turn by turn, with the interviewer choice. */
export function TranscriptView({ id, onBack }: { id: number; onBack: () => void }) {
  const { data, error, refetch } = useCoreQuery('transcripts:get', { id });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  // Colours follow the order speakers first appear, so they stay put when the interviewer changes.
  const colors = useMemo(() => {
    const map = new Map<string, string>();
    data?.speakers.forEach((s, i) => map.set(s.name, SPEAKER_COLORS[i % SPEAKER_COLORS.length] ?? 'gray'));
    return map;
  }, [data]);

  const setInterviewer = async (speaker: string | null) => {
    if (!speaker || speaker === data?.interviewer) return;
    setSaving(true);
    setSaveError(null);
    try {
      await call('transcripts:setInterviewer', { id, speaker });
      refetch();
    } catch (err) {
      setSaveError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="md" data-testid="transcript-view">
      <Group>
        <Button variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} />} onClick={onBack} px={6}>
          All transcripts
        </Button>
      </Group>
      {error && <Alert color="red" title="Could not load the transcript">{error.message}</Alert>}
      {!data && !error && <Skeleton h={240} radius="md" />}
      {data && (
        <>
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={2}>{data.fileName}</Title>
              <Text size="sm" c="dimmed" data-testid="transcript-meta">
                {FORMAT_LABEL[data.format]} · {plural(data.turnCount, 'turn')} · {plural(data.quoteCount, 'quote')} ·{' '}
                {formatDate(data.interviewDate ?? data.importedAt)}
              </Text>
            </div>
            <Select
              label="Interviewer"
              data-testid="interviewer-select"
              w={240}
              data={data.speakers.map((s) => ({ value: s.name, label: `${s.name} (${s.turnCount} turns)` }))}
              value={data.interviewer}
              onChange={(v) => void setInterviewer(v)}
              disabled={saving}
              allowDeselect={false}
              placeholder="Choose the interviewer"
            />
          </Group>
          {saveError && <Alert color="red">{saveError}</Alert>}
          <Paper withBorder radius="md" p="md">
            <Stack gap={2} data-testid="turns">
              {data.turns.map((turn) => (
                <TurnItem key={turn.id} turn={turn} color={colors.get(turn.speaker) ?? 'gray'} />
              ))}
            </Stack>
          </Paper>
        </>
      )}
    </Stack>
  );
}
