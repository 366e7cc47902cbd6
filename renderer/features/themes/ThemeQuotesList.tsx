import { Alert, Checkbox, Group, Select, Skeleton, Stack, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { FACET_LABELS, type FacetLabel, type Theme } from '../../../shared/domain';
import { plural } from '../../format';
import { AddToBulletMenu } from '../evidence/AddToBulletMenu';
import { QuoteRow } from '../evidence/QuoteRow';
import { useWorkspace } from '../evidence/workspace';
import { FACET_NAME } from '../personas/FacetSelect';
import { MoveQuotesMenu } from './MoveQuotesMenu';
import { QuoteSelectionBar } from './QuoteSelectionBar';
import { useThemeQuotes } from './useThemeQuotes';

const ROW_ESTIMATE = 76;
const MAX_HEIGHT = 460;

const isFacet = (v: string | null): v is FacetLabel => v !== null && (FACET_LABELS as readonly string[]).includes(v);

/**
 * Every quote of a theme, in a virtual list filled a page at a time, filtered by participant and
 * facet. Quotes are picked to split or move (`curate`), dragged onto a theme or a bullet, and
 * opened in the evidence panel.
 */
export function ThemeQuotesList({ theme, themes, curate = true }: { theme: Theme; themes: Theme[]; curate?: boolean }) {
  const ws = useWorkspace();
  const [participant, setParticipant] = useState<string | null>(null);
  const [facet, setFacet] = useState<string | null>(null);
  const filters = { ...(participant ? { participantId: Number(participant) } : {}), ...(isFacet(facet) ? { facet } : {}) };
  const { meta, error, quoteAt, ensure } = useThemeQuotes(theme.id, filters);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  const total = meta?.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_ESTIMATE, overscan: 6 });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    for (const item of items) if (!quoteAt(item.index)) ensure(item.index);
  });
  // A changed theme (quotes moved out, a split) leaves picks that no longer belong here.
  useEffect(() => setPicked(new Set()), [theme.size, theme.id]);

  const toggle = (id: number) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Stack gap="xs" data-testid="theme-quote-list" data-theme-id={theme.id}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <Select
          size="xs"
          label="Participant"
          placeholder="Everyone"
          clearable
          searchable
          value={participant}
          onChange={setParticipant}
          data={(meta?.participants ?? []).map((p) => ({ value: String(p.id), label: `${p.name} (${p.count})` }))}
          w={170}
          data-testid="theme-filter-participant"
        />
        <Select
          size="xs"
          label="Facet"
          placeholder="Any facet"
          clearable
          value={facet}
          onChange={setFacet}
          data={(meta?.facets ?? []).map((f) => ({ value: f.facet, label: `${FACET_NAME[f.facet]} (${f.count})` }))}
          w={160}
          data-testid="theme-filter-facet"
        />
        <Text size="xs" c="dimmed" pb={6} data-testid="theme-quote-total">
          {meta ? plural(total, 'quote') : ''}
        </Text>
      </Group>
      {curate && picked.size > 0 && <QuoteSelectionBar theme={theme} themes={themes} picked={[...picked]} onDone={() => setPicked(new Set())} />}
      {error && <Alert color="red" title="Could not load the quotes">{error}</Alert>}
      {!meta && !error && <Skeleton h={120} />}
      {meta && total === 0 && (
        <Text size="sm" c="dimmed">
          No quote matches these filters.
        </Text>
      )}
      <div ref={scroller} style={{ height: meta ? Math.min(MAX_HEIGHT, virtualizer.getTotalSize()) : 0, overflowY: 'auto' }} data-testid="theme-quote-scroller">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const q = quoteAt(item.index);
            return (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
                {q ? (
                  <QuoteRow
                    quote={q}
                    fromThemeId={theme.id}
                    testId="quote"
                    active={ws.panel?.kind === 'quote' && ws.panel.quoteId === q.id}
                    onOpen={() => ws.show({ kind: 'quote', quoteId: q.id })}
                    leading={
                      curate ? <Checkbox mt={4} size="xs" aria-label={`Pick quote from ${q.participantName}`} checked={picked.has(q.id)} onChange={() => toggle(q.id)} data-testid="quote-pick" /> : undefined
                    }
                    meta={q.facet ? ` · ${FACET_NAME[q.facet]}` : undefined}
                    actions={
                      <>
                        <AddToBulletMenu quoteId={q.id} />
                        {curate && <MoveQuotesMenu theme={theme} themes={themes} quoteIds={[q.id]} />}
                      </>
                    }
                  />
                ) : (
                  <Skeleton h={ROW_ESTIMATE - 12} my={6} />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </Stack>
  );
}
