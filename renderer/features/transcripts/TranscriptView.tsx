import { Alert, Box, Button, Group, Paper, Skeleton, Stack } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import type { Highlight } from '../../../shared/domain';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { SPEAKER_COLORS } from '../../theme';
import { DeleteTranscriptDialog } from './DeleteTranscriptDialog';
import { HighlightPopover } from './HighlightPopover';
import { HighlightsPanel } from './HighlightsPanel';
import { SpeakersPanel } from './SpeakersPanel';
import { TranscriptHeader } from './TranscriptHeader';
import { TurnItem } from './TurnItem';
import { useFocusTurn } from './useFocusTurn';
import { useTurnSelection } from './useTurnSelection';

const NO_HIGHLIGHTS: Highlight[] = [];

function byTurnId(highlights: readonly Highlight[]): Map<number, Highlight[]> {
  const map = new Map<number, Highlight[]>();
  for (const h of highlights) map.set(h.turnId, [...(map.get(h.turnId) ?? []), h]);
  return map;
}

interface Props {
  id: number;
  /** A turn to scroll to and light up on arrival, e.g. a search hit. */
  focus?: { turnId: number; nonce: number } | null;
  onBack: () => void;
}

/** One transcript, turn by turn, with its speakers' roles and the researcher's highlights. */
export function TranscriptView({ id, focus = null, onBack }: Props) {
  const { data, error, refetch } = useCoreQuery('transcripts:get', { id });
  const marks = useCoreQuery('highlights:list', { transcriptId: id });
  const turnsBox = useRef<HTMLDivElement>(null);
  const { selection, clear } = useTurnSelection(turnsBox);
  const { flashId, scrollTo } = useFocusTurn(focus, data !== undefined);
  const [deleting, setDeleting] = useState<'asking' | 'deleted' | null>(null);

  // Colours follow the order speakers first appear, so they stay put when roles change.
  const colors = useMemo(() => {
    const map = new Map<string, string>();
    data?.speakers.forEach((s, i) => map.set(s.name, SPEAKER_COLORS[i % SPEAKER_COLORS.length] ?? 'gray'));
    return map;
  }, [data]);
  const turnsById = useMemo(() => new Map(data?.turns.map((t) => [t.id, t])), [data]);
  const byTurn = useMemo(() => byTurnId(marks.data ?? NO_HIGHLIGHTS), [marks.data]);
  const tagsInUse = useMemo(() => [...new Set(marks.data?.flatMap((h) => h.tags))].sort(), [marks.data]);

  const changed = () => {
    refetch();
    marks.refetch();
  };

  return (
    <Stack gap="md" data-testid="transcript-view">
      <Group justify="space-between">
        <Button variant="subtle" color="gray" leftSection={<IconArrowLeft size={16} />} onClick={onBack} px={6}>
          All transcripts
        </Button>
        {data && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setDeleting('asking')} data-testid="transcript-delete">
            Delete transcript…
          </Button>
        )}
      </Group>
      {/* Once deleted, the report stays until read; closing it returns to the list. */}
      <DeleteTranscriptDialog
        transcript={deleting && data ? data : null}
        onDeleted={() => setDeleting('deleted')}
        onClose={() => (deleting === 'deleted' ? onBack() : setDeleting(null))}
      />
      {error && deleting !== 'deleted' && <Alert color="red" title="Could not load the transcript">{error.message}</Alert>}
      {!data && !error && <Skeleton h={240} radius="md" />}
      {data && (
        <>
          <TranscriptHeader transcript={data} onChanged={changed} />
          <Group align="flex-start" gap="md" wrap="nowrap">
            <Paper withBorder radius="md" p="md" style={{ flex: 1, minWidth: 0 }}>
              <Box ref={turnsBox} pos="relative">
                <Stack gap={2} data-testid="turns">
                  {data.turns.map((turn) => (
                    <TurnItem key={turn.id} turn={turn} color={colors.get(turn.speaker) ?? 'gray'} highlights={byTurn.get(turn.id) ?? NO_HIGHLIGHTS} flash={flashId === turn.id} />
                  ))}
                </Stack>
                {selection && (
                  <HighlightPopover
                    key={`${selection.turnId}:${selection.start}:${selection.end}`}
                    selection={selection}
                    suggestions={tagsInUse}
                    onClose={clear}
                    onSaved={() => {
                      clear();
                      changed();
                    }}
                  />
                )}
              </Box>
            </Paper>
            <Stack gap="md" w={300} style={{ flexShrink: 0, position: 'sticky', top: 80, maxHeight: 'calc(100vh - 96px)', overflowY: 'auto' }}>
              <SpeakersPanel transcript={data} colors={colors} onChanged={changed} />
              <HighlightsPanel highlights={marks.data ?? NO_HIGHLIGHTS} turns={turnsById} onJump={scrollTo} onChanged={changed} />
            </Stack>
          </Group>
        </>
      )}
    </Stack>
  );
}
