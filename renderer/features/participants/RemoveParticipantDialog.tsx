import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { BULLET_SECTIONS, type ParticipantDetail, type ParticipantRemoval } from '../../../shared/domain';
import { call, errorMessage } from '../../bridge';
import { plural } from '../../format';
import { RemovalResult } from './RemovalResult';

interface Props {
  participant: ParticipantDetail;
  onClose: () => void;
  /** After the removal ran: the list of participants changed. */
  onRemoved: () => void;
}

interface Impact {
  turns: number;
  transcripts: number;
  quotes: number;
  claims: number;
  definingQuotes: number;
}

const key = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** What the removal will take, counted from the core before anything is removed. */
async function countImpact(p: ParticipantDetail): Promise<Impact> {
  const labels = new Set([key(p.name), ...p.aliases]);
  const transcripts = (await call('transcripts:list', {})).filter((t) => t.participants.some((n) => labels.has(key(n))));
  let turns = 0;
  for (const t of transcripts) turns += (await call('transcripts:get', { id: t.id })).turns.filter((turn) => labels.has(key(turn.speaker))).length;
  const quoteIds = new Set((await call('quotes:list', { participantId: p.id })).map((q) => q.id));
  const personas = await call('personas:list', {});
  const claims = personas.flatMap((persona) => BULLET_SECTIONS.flatMap((s) => persona[s])).filter((b) => b.evidence.some((id) => quoteIds.has(id))).length;
  const definingQuotes = personas.filter((persona) => persona.definingQuote && quoteIds.has(persona.definingQuote.id)).length;
  return { turns, transcripts: transcripts.length, quotes: quoteIds.size, claims, definingQuotes };
}

/**
 * Consent withdrawn: says exactly what will be erased before anything is, then what the erasure
 * did, above all which persona claims lost their evidence and need the researcher's eye.
 */
export function RemoveParticipantDialog({ participant: p, onClose, onRemoved }: Props) {
  const [impact, setImpact] = useState<Impact | null>(null);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ParticipantRemoval | null>(null);

  useEffect(() => {
    let live = true;
    countImpact(p).then(
      (i) => live && setImpact(i),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [p]);

  const remove = async () => {
    setRemoving(true);
    setError(null);
    try {
      setResult(await call('participants:remove', { id: p.id }));
      onRemoved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setRemoving(false);
    }
  };

  const title = result ? `Removed ${p.name}` : `Remove ${p.name} (consent withdrawn)`;
  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>{title}</Text>} centered size="lg">
      {result ? (
        <RemovalResult removal={result} onClose={onClose} />
      ) : (
        <Stack gap="md" data-testid="remove-dialog">
          <Text size="sm">
            Use this when {p.name}
            {p.profile.code ? ` (${p.profile.code})` : ''} withdraws consent. It cannot be undone; take a backup first if you may need their words.
          </Text>
          {!impact && !error && (
            <Group gap="xs">
              <Loader size="xs" />
              <Text size="sm" c="dimmed">
                Counting what will be removed…
              </Text>
            </Group>
          )}
          {impact && (
            <List size="sm" spacing={4} data-testid="remove-impact">
              <List.Item>
                Their {plural(impact.turns, 'turn')} in {plural(impact.transcripts, 'transcript')} and their {plural(impact.quotes, 'quote')} are erased, with
                their highlights, search entries and vectors. The interviewer’s turns stay; a transcript with no other turn is deleted.
              </List.Item>
              <List.Item>Their record (code, segment, consent, notes, attributes) and speaker aliases are erased.</List.Item>
              <List.Item>
                {impact.claims === 0
                  ? 'No persona claim cites them.'
                  : `${plural(impact.claims, 'persona claim')} cite their quotes and will lose that evidence.`}
                {impact.definingQuotes > 0 && ` ${plural(impact.definingQuotes, 'persona')} will lose their defining quote.`}
              </List.Item>
              <List.Item>The freed space in the study file is overwritten, so nothing of theirs lingers on disk.</List.Item>
            </List>
          )}
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button color="red" disabled={!impact} loading={removing} onClick={() => void remove()} data-testid="remove-confirm">
              Remove {p.name}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
