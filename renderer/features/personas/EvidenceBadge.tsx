import { Alert, Badge, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { QuoteFacet } from '../../../shared/domain';
import { QuoteItem } from '../../components/QuoteItem';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { FacetSelect } from './FacetSelect';

/** "3 quotes" next to a claim; click to read the quotes that back it. */
export function EvidenceBadge({ ids }: { ids: number[] }) {
  const [opened, setOpened] = useState(false);
  const quotes = useCoreQuery('quotes:list', { ids }, { enabled: opened && ids.length > 0 });
  const facets = useCoreQuery('quotes:facets', { ids }, { enabled: opened && ids.length > 0 });
  // Corrections made here, shown at once without waiting for a refetch.
  const [saved, setSaved] = useState<Record<number, QuoteFacet>>({});
  const facetOf = (quoteId: number) => saved[quoteId] ?? facets.data?.find((f) => f.quoteId === quoteId);
  const count = ids.length;

  return (
    <Popover opened={opened} onChange={setOpened} width={420} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened((o) => !o)}
          aria-label={`Show ${count} evidence ${count === 1 ? 'quote' : 'quotes'}`}
          data-testid="evidence-badge"
          style={{ flexShrink: 0 }}
        >
          <Badge size="sm" tt="none" fw={600} variant={count === 0 ? 'outline' : 'light'} color={count === 0 ? 'red' : 'indigo'} style={{ cursor: 'pointer', whiteSpace: 'nowrap' }}>
            {count} {count === 1 ? 'quote' : 'quotes'}
          </Badge>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown data-testid="evidence-quotes">
        {count === 0 && <Text size="sm">No quotes back this claim yet.</Text>}
        {count > 0 && quotes.error && <Alert color="red">{quotes.error.message}</Alert>}
        {count > 0 && !quotes.data && !quotes.error && <Loader size="sm" />}
        {quotes.data && (
          <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
            <Stack gap="sm">
              {quotes.data.map((q) => {
                const facet = facetOf(q.id);
                return (
                  <div key={q.id} data-testid="evidence-quote" data-quote-id={q.id}>
                    {q.question && (
                      <Text size="xs" c="dimmed" mb={2} lineClamp={3} title={q.question} data-testid="evidence-question">
                        Q: {q.question}
                      </Text>
                    )}
                    <QuoteItem quote={q} compact />
                    {facet && <FacetSelect facet={facet} onSaved={(f) => setSaved((prev) => ({ ...prev, [f.quoteId]: f }))} />}
                  </div>
                );
              })}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
