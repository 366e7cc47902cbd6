import { Box, Skeleton, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Quote } from '../../../shared/domain';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { AddToBulletMenu } from './AddToBulletMenu';
import { QuoteRow } from './QuoteRow';
import { useWorkspace } from './workspace';

const AROUND = 2;

/**
 * The quote's place in its transcript: the turns just before and after, and the quotes cut from
 * them, which drag onto a bullet like any other quote (the transcript as a source of evidence).
 */
export function TranscriptExcerpt({ quote }: { quote: Quote }) {
  const ws = useWorkspace();
  const transcript = useCoreQuery('transcripts:get', { id: quote.transcriptId });
  const quotes = useCoreQuery('quotes:list', { participantId: quote.participantId });
  const byTurn = useMemo(() => {
    const map = new Map<number, Quote[]>();
    for (const q of quotes.data ?? []) if (q.transcriptId === quote.transcriptId) map.set(q.turnId, [...(map.get(q.turnId) ?? []), q]);
    return map;
  }, [quotes.data, quote.transcriptId]);
  if (!transcript.data) return <Skeleton h={80} />;
  const at = transcript.data.turns.findIndex((t) => t.id === quote.turnId);
  const turns = at < 0 ? [] : transcript.data.turns.slice(Math.max(0, at - AROUND), at + AROUND + 1);

  return (
    <Stack gap="xs" data-testid="transcript-excerpt">
      {turns.map((turn) => {
        const cut = byTurn.get(turn.id) ?? [];
        return (
          <Box key={turn.id} pl="xs" style={{ borderLeft: `2px solid var(--mantine-color-${turn.id === quote.turnId ? 'indigo-5' : 'default-border'})` }}>
            <Text size="xs" fw={600} c={turn.role === 'participant' ? undefined : 'dimmed'}>
              {turn.speaker}
            </Text>
            {cut.length === 0 ? (
              <Text size="xs" c="dimmed" lineClamp={3}>
                {turn.text}
              </Text>
            ) : (
              cut.map((q) => (
                <QuoteRow
                  key={q.id}
                  quote={q}
                  testId="excerpt-quote"
                  active={q.id === quote.id}
                  onOpen={() => ws.show({ kind: 'quote', quoteId: q.id })}
                  actions={<AddToBulletMenu quoteId={q.id} />}
                />
              ))
            )}
          </Box>
        );
      })}
    </Stack>
  );
}
