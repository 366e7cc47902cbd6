import { Alert, Badge, Box, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { FACET_NAME } from '../personas/FacetSelect';
import { SECTION_LABEL } from '../personas/labels';
import { AddToBulletMenu } from './AddToBulletMenu';
import { startQuoteDrag } from './dnd';
import { TranscriptExcerpt } from './TranscriptExcerpt';
import { useWorkspace } from './workspace';

/** One quote as evidence: who said it, the question it answers, its themes, the claims citing it, and the way to its turn. */
export function QuoteContextView({ quoteId }: { quoteId: number }) {
  const ws = useWorkspace();
  const { data, error } = useCoreQuery('quotes:context', { id: quoteId });

  if (error) return <Alert color="red" title="Could not load this quote">{error.message}</Alert>;
  if (!data) return <Skeleton h={200} radius="md" />;
  const { quote, participant, transcript, question, facet, themes, citedBy } = data;

  return (
    <Stack gap="md" data-testid="quote-context" data-quote-id={quote.id}>
      {question && (
        <Box data-testid="quote-question">
          <Text size="xs" c="dimmed" fw={600}>
            {question.speaker} asked
          </Text>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {question.text}
          </Text>
        </Box>
      )}
      <Box
        component="figure"
        m={0}
        px="md"
        py="sm"
        draggable
        onDragStart={(e) => startQuoteDrag(e, { quoteId: quote.id }, quote.text)}
        style={{ background: 'var(--mantine-color-indigo-light)', borderLeft: '4px solid var(--mantine-color-indigo-4)', borderRadius: 8, cursor: 'grab' }}
      >
        <Text component="blockquote" m={0} size="md" style={{ lineHeight: 1.5 }} data-testid="quote-context-text">
          “{quote.text}”
        </Text>
        <Text component="figcaption" size="sm" mt={6} data-testid="quote-speaker">
          — {participant.name}
          {participant.code ? ` (${participant.code})` : ''}
          <Text span c="dimmed" size="xs">
            {' '}
            in {transcript.fileName}
          </Text>
        </Text>
      </Box>
      <Group gap="xs">
        <Button
          size="xs"
          leftSection={<IconFileText size={14} />}
          onClick={() => ws.openTranscript(transcript.id, quote.turnId)}
          data-testid="open-in-transcript"
        >
          Open in transcript
        </Button>
        <AddToBulletMenu quoteId={quote.id} />
        {facet && (
          <Badge variant="light" color="gray" tt="none">
            {FACET_NAME[facet]}
          </Badge>
        )}
      </Group>
      <Section title="Themes" empty="In no theme." testId="quote-themes">
        {themes.length > 0 && (
          <Group gap={6}>
            {themes.map((t) => (
              <Badge key={t.id} variant="light" color="indigo" tt="none" fw={500}>
                {t.label}
              </Badge>
            ))}
          </Group>
        )}
      </Section>
      <Section title="Cited by" empty="No persona claim cites it." testId="quote-cited-by">
        {citedBy.length > 0 && (
          <Stack gap={6}>
            {citedBy.map((c) => (
              <Box key={`${c.personaId}:${c.section}:${c.index}`} data-testid="cited-by">
                <Text size="xs" c="dimmed">
                  {c.personaName} · {SECTION_LABEL[c.section]}
                </Text>
                <Text size="sm">{c.text}</Text>
              </Box>
            ))}
          </Stack>
        )}
      </Section>
      <Section title="In the transcript" empty="" testId="quote-excerpt">
        <TranscriptExcerpt quote={quote} />
      </Section>
    </Stack>
  );
}

function Section({ title, empty, testId, children }: { title: string; empty: string; testId: string; children: ReactNode }) {
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.6 }}>
        {title}
      </Text>
      {children || (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
    </Stack>
  );
}
