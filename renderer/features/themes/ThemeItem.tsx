import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import type { Theme } from '../../../shared/domain';
import { QuoteItem } from '../../components/QuoteItem';

/** One theme: label, keywords, size and reach; its top quotes when expanded. */
export function ThemeItem({ theme }: { theme: Theme }) {
  return (
    <Accordion.Item value={String(theme.id)} data-testid="theme" bg="white">
      <Accordion.Control aria-label={`Theme: ${theme.label}`}>
        <Group justify="space-between" wrap="nowrap" pr="sm">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} data-testid="theme-label">
              {theme.label}
            </Text>
            <Group gap={6} mt={6}>
              {theme.keywords.slice(0, 6).map((k) => (
                <Badge key={k} size="sm" variant="light" color="indigo" tt="none" fw={500}>
                  {k}
                </Badge>
              ))}
            </Group>
          </div>
          <Group gap="lg" wrap="nowrap">
            <Stat value={theme.size} label={theme.size === 1 ? 'quote' : 'quotes'} />
            <Stat value={theme.participantCount} label={theme.participantCount === 1 ? 'participant' : 'participants'} />
          </Group>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm" data-testid="theme-quotes">
          {theme.topQuotes.length === 0 ? (
            <Text size="sm" c="dimmed">
              No quotes.
            </Text>
          ) : (
            theme.topQuotes.map((q) => <QuoteItem key={q.id} quote={q} />)
          )}
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}

function Stat({ value, label }: { value: number; label: string }) {
  return (
    <Stack gap={0} align="flex-end">
      <Text fw={600} size="lg" lh={1.1}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
