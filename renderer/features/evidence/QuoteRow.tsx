import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Quote } from '../../../shared/domain';
import { startQuoteDrag } from './dnd';

interface Props {
  quote: Pick<Quote, 'id' | 'text' | 'participantName'>;
  /** The theme it is listed in: dropping it on another theme moves it there. */
  fromThemeId?: number;
  onOpen: () => void;
  /** Left of the text (e.g. a selection checkbox). */
  leading?: ReactNode;
  /** Right of the text (menus, add buttons). */
  actions?: ReactNode;
  /** After the speaker, inline (e.g. a facet). */
  meta?: ReactNode;
  testId?: string;
  /** Shown in the evidence panel right now. */
  active?: boolean;
}

/** A quote that can be dragged onto a bullet or a theme; clicking it opens its evidence panel. */
export function QuoteRow({ quote, fromThemeId, onOpen, leading, actions, meta, testId = 'quote-row', active = false }: Props) {
  return (
    <Group
      gap="xs"
      wrap="nowrap"
      align="flex-start"
      draggable
      onDragStart={(e) => startQuoteDrag(e, { quoteId: quote.id, ...(fromThemeId !== undefined ? { fromThemeId } : {}) }, quote.text)}
      data-testid={testId}
      data-quote-id={quote.id}
      data-active={active || undefined}
      style={{ cursor: 'grab', borderRadius: 6, background: active ? 'var(--mantine-color-indigo-light)' : undefined }}
      py={6}
      px={4}
    >
      {leading}
      <Box
        role="button"
        tabIndex={0}
        pl="sm"
        onClick={onOpen}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen();
          }
        }}
        title="Open its evidence"
        style={{ flex: 1, minWidth: 0, borderLeft: '3px solid var(--mantine-color-indigo-2)', cursor: 'pointer' }}
      >
        <Box component="figure" m={0}>
          <Text component="blockquote" m={0} size="sm" style={{ lineHeight: 1.45 }} data-testid="quote-text">
            “{quote.text}”
          </Text>
          <Text component="figcaption" size="xs" c="dimmed" mt={2}>
            — {quote.participantName}
            {meta}
          </Text>
        </Box>
      </Box>
      {actions && (
        <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
          {actions}
        </Group>
      )}
    </Group>
  );
}
