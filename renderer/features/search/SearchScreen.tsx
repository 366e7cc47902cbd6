import { Alert, Group, Loader, Paper, SegmentedControl, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { SearchHit } from '../../../shared/domain';
import { plural } from '../../format';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { SearchHitItem } from './SearchHitItem';

const LIMIT = 100;
const DEBOUNCE_MS = 200;

/** Every turn matching the header's query, best first; the query runs as the researcher types. */
export function SearchScreen({ query, onOpen }: { query: string; onOpen: (hit: SearchHit) => void }) {
  const [debounced] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const [who, setWho] = useState<'participants' | 'everyone'>('participants');
  const [participantId, setParticipantId] = useState<string | null>(null);
  const [transcriptId, setTranscriptId] = useState<string | null>(null);
  const people = useCoreQuery('participants:list', {});
  const transcripts = useCoreQuery('transcripts:list', {});
  const { data, error, loading } = useCoreQuery(
    'search:query',
    {
      q: debounced,
      limit: LIMIT,
      who,
      ...(participantId ? { participantId: Number(participantId) } : {}),
      ...(transcriptId ? { transcriptId: Number(transcriptId) } : {}),
    },
    { enabled: debounced.length > 0 },
  );
  const settled = debounced === query.trim() && !loading;

  return (
    <Stack gap="md" data-testid="search-screen">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Search</Title>
          <Text c="dimmed" size="sm">
            Words the participants said (or everyone, with the interviewer). The last word also matches as a prefix; put a phrase in “quotes”.
          </Text>
        </div>
        {!settled && <Loader size="sm" aria-label="Searching" />}
      </Group>
      <Group gap="sm" align="flex-end" data-testid="search-filters">
        <SegmentedControl
          aria-label="Whose turns to search"
          data-testid="search-who"
          value={who}
          onChange={(v) => setWho(v === 'everyone' ? 'everyone' : 'participants')}
          data={[
            { value: 'participants', label: 'Participants only' },
            { value: 'everyone', label: 'Everyone, with the interviewer' },
          ]}
        />
        <Select
          label="Speaker"
          placeholder="Any participant"
          data-testid="search-speaker"
          clearable
          searchable
          value={participantId}
          onChange={setParticipantId}
          data={(people.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))}
          w={220}
        />
        <Select
          label="Transcript"
          placeholder="Every transcript"
          data-testid="search-transcript"
          clearable
          searchable
          value={transcriptId}
          onChange={setTranscriptId}
          data={(transcripts.data ?? []).map((t) => ({ value: String(t.id), label: t.fileName }))}
          w={260}
        />
      </Group>
      {error && <Alert color="red" title="Search failed">{error.message}</Alert>}
      {!data && !error && <Skeleton h={160} radius="md" />}
      {data &&
        (data.hits.length > 0 ? (
          <>
            <Text size="sm" fw={500} data-testid="search-total">
              {plural(data.total, 'matching turn')}
              {data.total > data.hits.length && <Text span c="dimmed">{` · showing the best ${data.hits.length}`}</Text>}
            </Text>
            <Paper withBorder radius="md" style={{ overflow: 'hidden' }} data-testid="search-hits">
              {data.hits.map((hit) => (
                <SearchHitItem key={hit.turnId} hit={hit} onOpen={onOpen} />
              ))}
            </Paper>
          </>
        ) : (
          <Paper withBorder radius="md" p="xl" ta="center" data-testid="search-empty">
            <Text c="dimmed">No turn says “{debounced}”. Try fewer or shorter words.</Text>
          </Paper>
        ))}
    </Stack>
  );
}
