import { Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ParticipantRemoval } from '../../../shared/domain';
import { plural } from '../../format';
import { EvidenceLossList } from '../../components/EvidenceLossList';
import { OlderBackups } from './OlderBackups';

/** What withdrawing consent removed, and every persona claim that lost evidence with it. */
export function RemovalResult({ removal: r, onClose }: { removal: ParticipantRemoval; onClose: () => void }) {
  // Backups taken up to now hold their words (the removal has just returned).
  const [removedAt] = useState(() => Date.now());
  return (
    <Stack gap="sm" data-testid="removal-result">
      <Text size="sm">
        Removed {plural(r.turnsRemoved, 'turn')}, {plural(r.quotesRemoved, 'quote')}, {plural(r.highlightsRemoved, 'highlight')} and{' '}
        {plural(r.embeddingsRemoved, 'vector')}, and their record. The freed space was overwritten.
        {r.undoEntriesCleared > 0 && ` The undo history (${plural(r.undoEntriesCleared, 'edit')}) was cleared: it could hold their words.`}
      </Text>
      {r.transcripts.length > 0 && (
        <List size="sm" spacing={2}>
          {r.transcripts.map((t) => (
            <List.Item key={t.id}>
              {t.outcome === 'kept' ? `${t.fileName}: kept with ${plural(t.turnsLeft, 'turn')} of others` : `${t.fileName}: deleted, no other turn was left`}
            </List.Item>
          ))}
        </List>
      )}
      {r.redacted.map((x) => (
        <Text key={`${x.what}-${x.of}`} size="sm" c="dimmed">
          Redacted the {x.what} of {x.of}: it quoted or named them.
        </Text>
      ))}
      <EvidenceLossList loss={r.loss} none="No persona claim cited them." testId="removal-claims" />
      <OlderBackups removedAt={removedAt} />
      <Group justify="flex-end">
        <Button onClick={onClose} data-testid="removal-close">
          Done
        </Button>
      </Group>
    </Stack>
  );
}
