import { Alert, Badge, Button, Group, Loader, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { FacetName, OutputOf } from '../../../shared/ipc/contract';
import { call, errorMessage } from '../../bridge';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { FACET_TITLE, FACETS as FACET_ORDER } from '../../../shared/vocabularies';

type PrototypesView = OutputOf<'facets:prototypes'>;
type Draft = Record<FacetName, string>;

const FACETS = FACET_ORDER.map((facet) => ({ facet, label: FACET_TITLE[facet] }));

const toDraft = (p: Record<FacetName, string[]>): Draft =>
  Object.fromEntries(FACETS.map(({ facet }) => [facet, p[facet].join('\n')])) as Draft;

/** One sentence per line; blank lines are dropped, the core checks the rest. */
const toPrototypes = (d: Draft): Record<FacetName, string[]> =>
  Object.fromEntries(
    FACETS.map(({ facet }) => [facet, d[facet].split('\n').map((s) => s.trim()).filter((s) => s.length > 0)]),
  ) as Record<FacetName, string[]>;

/** The example sentences each facet is recognised by; they steer facet suggestions on the next synthesis. */
export function PrototypesEditor({ onClose }: { onClose: () => void }) {
  const view = useCoreQuery('facets:prototypes', {});
  return (
    <Modal opened onClose={onClose} title="Facet prototypes" size={920} centered={false} closeOnClickOutside={false}>
      {view.error && <Alert color="red">{view.error.message}</Alert>}
      {!view.data && !view.error && <Loader size="sm" />}
      {view.data && <PrototypesForm initial={view.data} onClose={onClose} />}
    </Modal>
  );
}

function PrototypesForm({ initial, onClose }: { initial: PrototypesView; onClose: () => void }) {
  const [custom, setCustom] = useState(initial.custom);
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial.prototypes));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (prototypes: Record<FacetName, string[]> | null) => {
    setBusy(true);
    setError(null);
    try {
      const next = await call('facets:setPrototypes', { prototypes });
      setCustom(next.custom);
      setDraft(toDraft(next.prototypes));
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      data-testid="prototypes-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void send(toPrototypes(draft)).then((ok) => ok && onClose());
      }}
    >
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c="dimmed">
            Example sentences, one per line, that steer facet suggestions on the next synthesis.
          </Text>
          <Badge variant="light" color={custom ? 'indigo' : 'gray'} data-testid="prototypes-status">
            {custom ? 'Custom' : 'Defaults'}
          </Badge>
        </Group>
        <SimpleGrid cols={2}>
          {FACETS.map(({ facet, label }) => (
            <Textarea
              key={facet}
              label={label}
              value={draft[facet]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, [facet]: value }));
              }}
              autosize
              minRows={3}
              maxRows={8}
              data-testid={`prototypes-${facet}`}
            />
          ))}
        </SimpleGrid>
        {error && (
          <Alert color="red" title="Not saved" data-testid="prototypes-error">
            {error}
          </Alert>
        )}
        {/* Sticky at the bottom of the modal's scroll area: at 960x600 the six fields are taller than the window. */}
        <Group
          justify="space-between"
          data-modal-actions
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)', zIndex: 1 }}
        >
          <Button variant="subtle" color="gray" disabled={busy || !custom} onClick={() => void send(null)} data-testid="prototypes-restore">
            Restore defaults
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" loading={busy} data-testid="prototypes-save">
              Save
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
