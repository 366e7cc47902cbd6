import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import type { Theme } from '../../../shared/domain';
import { QuoteItem } from '../../components/QuoteItem';

/**
 * One theme: key-phrase label, its clearest central quote, keywords, size and reach; its top quotes when expanded. The outlier bucket
 * (quotes that fit no theme) is shown muted, so nobody reads it as a theme of its own.
 */
export function ThemeItem({ theme }: { theme: Theme }) {
  const label = theme.outlier ? 'Fits no theme' : theme.label;
  return (
    <Accordion.Item
      value={String(theme.id)}
      data-testid={theme.outlier ? 'theme-outlier' : 'theme'}
      bg={theme.outlier ? 'gray.0' : 'white'}
      style={theme.outlier ? { borderStyle: 'dashed' } : undefined}
    >
      <Accordion.Control aria-label={`Theme: ${label}`}>
        <Group justify="space-between" wrap="nowrap" pr="sm">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} data-testid="theme-label" c={theme.outlier ? 'dimmed' : undefined}>
              {label}
            </Text>
            {theme.outlier ? (
              <Text size="xs" c="dimmed">
                Quotes too far from every theme to belong to one.
              </Text>
            ) : (
              theme.description && (
                <Text size="sm" c="dimmed" fs="italic" lineClamp={2} data-testid="theme-description">
                  “{theme.description}”
                </Text>
              )
            )}
            <Group gap={6} mt={6}>
              {theme.keywords.slice(0, 6).map((k) => (
                <Badge key={k} size="sm" variant="light" color={theme.outlier ? 'gray' : 'indigo'} tt="none" fw={500}>
                  {k}
                </Badge>
              ))}
            </Group>
          </div>
          <Group gap="lg" wrap="nowrap">
            <Stat value={theme.size} label={theme.size === 1 ? 'quote' : 'quotes'} />
            <Stat value={theme.participantCount} label={theme.participantCount === 1 ? 'participant' : 'participants'} />
            <Stat value={theme.transcriptCount} label={theme.transcriptCount === 1 ? 'transcript' : 'transcripts'} />
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
