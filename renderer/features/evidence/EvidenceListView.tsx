import { ActionIcon, Alert, Button, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { QuoteFacet } from '../../../shared/domain';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { FacetSelect } from '../personas/FacetSelect';
import { QuoteRow } from './QuoteRow';
import { sameBullet, useWorkspace, type BulletRef } from './workspace';

/** A claim's quotes. When the claim is in the open editor, each can be removed and more can be found. */
export function EvidenceListView({ ids: cardIds, bullet }: { ids: number[]; bullet: BulletRef | null }) {
  const ws = useWorkspace();
  const live = bullet && ws.editor ? ws.editor.bullets.find((b) => sameBullet(b.ref, bullet)) : undefined;
  const ids = live?.evidence ?? cardIds;
  // Fetch the claim's quotes as first opened, so removing one does not reload the list; removed ones are filtered out.
  const [fetched] = useState(ids);
  const all = [...new Set([...fetched, ...ids])];
  const quotes = useCoreQuery('quotes:list', { ids: all }, { enabled: all.length > 0 });
  const facets = useCoreQuery('quotes:facets', { ids: all }, { enabled: all.length > 0 });
  const [saved, setSaved] = useState<Record<number, QuoteFacet>>({});
  const facetOf = (quoteId: number) => saved[quoteId] ?? facets.data?.find((f) => f.quoteId === quoteId);
  const shown = (quotes.data ?? []).filter((q) => ids.includes(q.id));

  return (
    <Stack gap="sm" data-testid="evidence-quotes">
      {live && (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" c={ids.length === 0 ? 'red' : 'dimmed'} data-testid="evidence-count">
            {ids.length === 0 ? 'Unsupported: no quote backs this claim yet.' : `${ids.length} ${ids.length === 1 ? 'quote backs' : 'quotes back'} this claim.`}
          </Text>
          <Button size="compact-xs" variant="light" leftSection={<IconSearch size={12} />} onClick={() => ws.show({ kind: 'find', ref: bullet })}>
            Find quotes
          </Button>
        </Group>
      )}
      {!live && ids.length === 0 && <Text size="sm">No quotes back this claim yet.</Text>}
      {quotes.error && <Alert color="red">{quotes.error.message}</Alert>}
      {ids.length > 0 && !quotes.data && !quotes.error && <Skeleton h={120} />}
      {shown.map((q) => {
        const facet = facetOf(q.id);
        return (
          <div key={q.id} data-testid="evidence-quote" data-quote-id={q.id}>
            <QuoteRow
              quote={q}
              testId="quote"
              onOpen={() => ws.show({ kind: 'quote', quoteId: q.id })}
              actions={
                live && bullet ? (
                  <Tooltip label="Remove from this claim" openDelay={300}>
                    <ActionIcon variant="subtle" color="red" aria-label="Remove quote from this claim" data-testid="evidence-remove" onClick={() => ws.editor?.removeEvidence(bullet, q.id)}>
                      <IconX size={16} />
                    </ActionIcon>
                  </Tooltip>
                ) : undefined
              }
            />
            {facet && <FacetSelect facet={facet} onSaved={(f) => setSaved((prev) => ({ ...prev, [f.quoteId]: f }))} />}
          </div>
        );
      })}
    </Stack>
  );
}
