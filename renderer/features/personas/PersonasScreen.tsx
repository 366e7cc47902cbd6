import { Alert, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { PersonaCard } from './PersonaCard';
import { PersonaEditor } from './PersonaEditor';
import { PrototypesEditor } from './PrototypesEditor';
import { SynthesisSummaryPanel } from './SynthesisSummaryPanel';
import { SynthesizeBar } from './SynthesizeBar';

/** Draft personas, their evidence, and the editor. */
export function PersonasScreen() {
  const { data, error, refetch } = useCoreQuery('personas:list', {});
  const [editingId, setEditingId] = useState<number | null>(null);
  const [prototypesOpen, setPrototypesOpen] = useState(false);
  const summary = useCoreQuery('synthesis:summary', {});
  const editing = data?.find((p) => p.id === editingId) ?? null;
  const coverageWarning = new Map(summary.data?.coverage.map((c) => [c.personaId, c.warning]) ?? []);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2}>Personas</Title>
          <Text c="dimmed" size="sm">
            Drafts to argue with. Every bullet cites the quotes behind it; click a count to read them.
          </Text>
        </div>
        <Button variant="default" size="xs" onClick={() => setPrototypesOpen(true)} data-testid="prototypes-button">
          Facet prototypes
        </Button>
      </Group>
      {prototypesOpen && <PrototypesEditor onClose={() => setPrototypesOpen(false)} />}
      <SynthesizeBar hasPersonas={(data?.length ?? 0) > 0} hasEdits={data?.some((p) => p.edited) ?? false} />
      {summary.data && data && data.length > 0 && <SynthesisSummaryPanel summary={summary.data} />}
      {error && <Alert color="red" title="Could not load personas">{error.message}</Alert>}
      {!data && !error && <Skeleton h={320} radius="lg" />}
      {data && data.length === 0 && (
        <Paper withBorder radius="md" p="xl" ta="center" data-testid="personas-empty">
          <Text c="dimmed">No personas yet. Synthesize to draft 2–4 personas from the imported transcripts.</Text>
        </Paper>
      )}
      {/* The editor takes the cards' place, beside the evidence panel it draws quotes from. */}
      {!editing &&
        data?.map((p) => <PersonaCard key={p.id} persona={p} coverageWarning={coverageWarning.get(p.id) ?? null} onEdit={() => setEditingId(p.id)} />)}
      {editing && (
        <PersonaEditor
          key={editing.id}
          persona={editing}
          onClose={() => setEditingId(null)}
          onSaved={() => {
            setEditingId(null);
            refetch();
          }}
        />
      )}
    </Stack>
  );
}
