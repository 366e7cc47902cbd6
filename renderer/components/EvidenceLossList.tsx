import { List, Text } from '@mantine/core';
import type { EvidenceLoss } from '../../shared/domain';
import { SECTION_LABEL } from '../features/personas/labels';
import { plural } from '../format';

/** What a removal did to the synthesis: every persona claim that lost evidence, by persona and section. */
export function EvidenceLossList({
  loss,
  none = 'No persona claim cited these quotes.',
  testId,
}: {
  loss: EvidenceLoss;
  /** Said when no claim lost evidence. */
  none?: string;
  testId?: string;
}) {
  return (
    <>
      <Text size="sm" fw={600} data-testid="lost-claims-count">
        {loss.claims.length === 0 ? none : `${plural(loss.claims.length, 'persona claim')} lost evidence:`}
      </Text>
      {loss.claims.length > 0 && (
        <List size="sm" spacing={4} data-testid={testId}>
          {loss.claims.map((c) => (
            <List.Item key={`${c.personaId}-${c.section}-${c.index}`} data-testid="lost-claim">
              <Text span size="sm" fw={500}>
                {c.personaName} · {SECTION_LABEL[c.section]} {c.index + 1}:
              </Text>{' '}
              {c.text}{' '}
              <Text span size="sm" c={c.unsupported ? 'red' : 'dimmed'}>
                (lost {plural(c.lost, 'quote')}
                {c.unsupported ? ', now unsupported' : ''})
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {loss.definingQuotesCleared > 0 && (
        <Text size="sm">{plural(loss.definingQuotesCleared, 'persona')} lost their defining quote; pick another on the Personas screen.</Text>
      )}
      {loss.themeLinksRemoved > 0 && <Text size="sm">{plural(loss.themeLinksRemoved, 'quote')} left their themes.</Text>}
    </>
  );
}
