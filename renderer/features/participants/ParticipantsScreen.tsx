import { Alert, Button, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { ParticipantDetail } from '../../../shared/domain';
import type { OutputOf } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../../bridge';
import { useAskPaths, type PromptCopy } from '../../components/PathPrompt';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { MergeDialog } from './MergeDialog';
import { ParticipantEditor } from './ParticipantEditor';
import { ParticipantsTable } from './ParticipantsTable';
import { RemoveParticipantDialog } from './RemoveParticipantDialog';
import { SheetResult } from './SheetResult';

// The native dialog has no kind for a CSV, so the sheet path is asked for in every face.
const SHEET_PROMPT: PromptCopy = {
  title: 'Import a participant sheet',
  label: 'Participant sheet (CSV) path',
  placeholder: '/home/me/research/participants.csv',
  multiple: false,
  hint: 'A CSV with a header row and a “Participant ID”, “Code” or “Name” column. Known columns (segment, experience, consent…) fill the records; any other column becomes a custom attribute.',
};

type Dialog = { kind: 'edit' | 'merge'; id: number } | null;

/** Who was interviewed: their records, merges of duplicates, and the recruitment sheet. */
export function ParticipantsScreen() {
  const { data, error, refetch } = useCoreQuery('participants:details', {});
  const askPaths = useAskPaths();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [filter, setFilter] = useState('');
  const [importing, setImporting] = useState(false);
  const [sheet, setSheet] = useState<OutputOf<'participants:importSheet'> | null>(null);
  const [sheetError, setSheetError] = useState<string | null>(null);
  const open = data?.find((p) => p.id === dialog?.id) ?? null;
  // Held apart from `dialog`: the removed participant leaves `data`, and the dialog then shows what was removed.
  const [removing, setRemoving] = useState<ParticipantDetail | null>(null);

  const needle = filter.trim().toLowerCase();
  const shown = data?.filter((p) =>
    [p.name, p.profile.code, p.profile.segment, p.profile.industry, p.profile.role, ...p.aliases].some((v) => v?.toLowerCase().includes(needle)),
  );

  const importSheet = async () => {
    const path = (await askPaths(SHEET_PROMPT))?.[0];
    if (!path) return;
    setImporting(true);
    setSheetError(null);
    setSheet(null);
    try {
      setSheet(await call('participants:importSheet', { path }));
      refetch();
    } catch (err) {
      setSheetError(errorMessage(err));
    } finally {
      setImporting(false);
    }
  };

  const done = () => {
    setDialog(null);
    refetch();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Participants</Title>
          <Text c="dimmed" size="sm">
            Everyone who speaks as a participant. Record who they are, or import your recruitment sheet.
          </Text>
        </div>
        <Button leftSection={<IconFileSpreadsheet size={18} />} onClick={() => void importSheet()} loading={importing} data-testid="sheet-import-button">
          Import sheet…
        </Button>
      </Group>
      {sheetError && (
        <Alert color="red" title="Could not import the sheet" withCloseButton onClose={() => setSheetError(null)} data-testid="sheet-error-alert">
          {sheetError}
        </Alert>
      )}
      {sheet && <SheetResult result={sheet} onClose={() => setSheet(null)} />}
      {error && <Alert color="red" title="Could not load participants">{error.message}</Alert>}
      {!data && !error && <Skeleton h={200} radius="md" />}
      {data && data.length === 0 && (
        <Paper withBorder radius="md" p="xl" ta="center" data-testid="participants-empty">
          <Text c="dimmed">No participants yet. Import transcripts; every speaker who is not the interviewer becomes one.</Text>
        </Paper>
      )}
      {data && data.length > 0 && shown && (
        <>
          <TextInput
            w={280}
            size="sm"
            leftSection={<IconSearch size={14} />}
            placeholder="Filter by name, code, segment…"
            aria-label="Filter participants"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
          />
          <ParticipantsTable
            participants={shown}
            onEdit={(p) => setDialog({ kind: 'edit', id: p.id })}
            onMerge={(p) => setDialog({ kind: 'merge', id: p.id })}
            onRemove={setRemoving}
          />
        </>
      )}
      {open && data && dialog?.kind === 'edit' && <ParticipantEditor key={open.id} participant={open} all={data} onClose={() => setDialog(null)} onSaved={done} />}
      {removing && <RemoveParticipantDialog key={removing.id} participant={removing} onClose={() => setRemoving(null)} onRemoved={refetch} />}
      {open && data && dialog?.kind === 'merge' && <MergeDialog key={open.id} from={open} all={data} onClose={() => setDialog(null)} onMerged={done} />}
    </Stack>
  );
}
