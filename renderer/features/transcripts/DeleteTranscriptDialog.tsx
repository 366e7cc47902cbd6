import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { EvidenceLoss, TranscriptSummary } from '../../../shared/domain';
import { call } from '../../bridge';
import { EvidenceLossList } from '../../components/EvidenceLossList';
import { plural } from '../../format';
import { useAction } from '../../hooks/useAction';

type Target = Pick<TranscriptSummary, 'id' | 'fileName' | 'turnCount' | 'quoteCount'>;

/**
 * Deleting a transcript: first what goes (its turns, quotes and highlights; the persona claims
 * citing them lose those quotes), then, once it has run, every claim that lost evidence.
 */
export function DeleteTranscriptDialog({ transcript, onClose, onDeleted }: { transcript: Target | null; onClose: () => void; onDeleted?: () => void }) {
  const { busy, error, run, clearError } = useAction();
  const [loss, setLoss] = useState<EvidenceLoss | null>(null);
  const close = () => {
    setLoss(null);
    clearError();
    onClose();
  };
  const remove = (t: Target) =>
    run(async () => {
      setLoss(await call('transcripts:delete', { id: t.id }));
      onDeleted?.();
    });

  return (
    <Modal opened={transcript !== null} onClose={close} title={loss ? `Deleted ${transcript?.fileName}` : `Delete ${transcript?.fileName}?`} size="lg">
      {transcript && !loss && (
        <Stack gap="sm" data-testid="delete-transcript-dialog">
          <Text size="sm" data-testid="delete-transcript-what">
            This removes {plural(transcript.turnCount, 'turn')} and {plural(transcript.quoteCount, 'quote')} from the study, with the highlights made in
            it. Persona claims that cite these quotes lose them; each one is listed once it is done. Undo cannot bring a transcript back: import the file
            again to restore it.
          </Text>
          {error && (
            <Alert color="red" title="Could not delete">
              {error}
            </Alert>
          )}
          <Group justify="flex-end" data-modal-actions>
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={busy} onClick={() => void remove(transcript)} data-testid="delete-transcript-confirm">
              Delete transcript
            </Button>
          </Group>
        </Stack>
      )}
      {loss && (
        <Stack gap="sm" data-testid="delete-transcript-report">
          <EvidenceLossList loss={loss} />
          <Group justify="flex-end" data-modal-actions>
            <Button onClick={close} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
