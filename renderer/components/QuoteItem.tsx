import { Box, Text } from '@mantine/core';
import type { Quote } from '../../shared/domain';

/** A verbatim quote with its speaker, the unit of evidence throughout the app. */
export function QuoteItem({ quote, compact }: { quote: Quote; compact?: boolean }) {
  return (
    <Box
      component="figure"
      m={0}
      pl="sm"
      py={compact ? 2 : 4}
      data-testid="quote"
      style={{ borderLeft: '3px solid var(--mantine-color-indigo-2)' }}
    >
      <Text component="blockquote" m={0} size="sm" style={{ lineHeight: 1.5 }}>
        “{quote.text}”
      </Text>
      <Text component="figcaption" size="xs" c="dimmed" mt={2}>
        — {quote.participantName}
      </Text>
    </Box>
  );
}
