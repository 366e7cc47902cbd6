import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { ParticipantDetail } from '../../../shared/domain';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';
import { plural } from '../../format';

interface Props {
  from: ParticipantDetail;
  all: ParticipantDetail[];
  onClose: () => void;
  onMerged: () => void;
}

/** Two records that are one person (a renamed speaker, a second round): fold one into the other. */
export function MergeDialog({ from, all, onClose, onMerged }: Props) {
  const [intoId, setIntoId] = useState<string | null>(null);
  const { busy: merging, error, run } = useAction();
  const into = all.find((p) => String(p.id) === intoId);
  const others = all.filter((p) => p.id !== from.id).map((p) => ({ value: String(p.id), label: p.profile.code ? `${p.name} (${p.profile.code})` : p.name }));

  const merge = async () => {
    if (!into) return;
    await run(() => call('participants:merge', { fromId: from.id, intoId: into.id }), onMerged);
  };

  const target = into?.name ?? 'the participant you choose';
  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>Merge {from.name} into…</Text>} centered size="md">
      <Stack gap="md" data-testid="merge-dialog">
        <Select label="Merge into" placeholder="Choose a participant" data={others} value={intoId} onChange={setIntoId} searchable data-autofocus />
        <Text size="sm">When you merge, {from.name} becomes part of {target}:</Text>
        <List size="sm" spacing={4}>
          <List.Item>
            {plural(from.quoteCount, 'quote')} and {plural(from.transcriptCount, 'transcript')} move to {target}, and so does any persona membership.
          </List.Item>
          <List.Item>
            {from.name}’s speaker labels become aliases of {target}, so later imports and re-runs follow the merge.
          </List.Item>
          <List.Item>{from.name}’s own record (segment, consent, notes…) is discarded; copy anything you need first.</List.Item>
        </List>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" disabled={!into} loading={merging} onClick={() => void merge()} data-testid="merge-confirm">
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
