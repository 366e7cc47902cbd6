import { Alert, Badge, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { QuoteItem } from '../../components/QuoteItem';
import { useCoreQuery } from '../../hooks/useCoreQuery';

/** "3 quotes" next to a claim; click to read the quotes that back it. */
export function EvidenceBadge({ ids }: { ids: number[] }) {
  const [opened, setOpened] = useState(false);
  const quotes = useCoreQuery('quotes:list', { ids }, { enabled: opened && ids.length > 0 });
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
              {quotes.data.map((q) => (
                <QuoteItem key={q.id} quote={q} compact />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
