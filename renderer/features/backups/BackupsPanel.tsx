// The open study's backups: when they are taken and where, the copies with their dates and sizes,
// Back up now, and Restore (after a confirmation that says what is replaced and how to undo it).
import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupEntry } from '../../../shared/domain';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { BackupSettingsForm } from './BackupSettingsForm';
import { RestoreConfirm } from './RestoreConfirm';
import { fileSize, takenAt } from './format';

export function BackupsPanel() {
  const list = useCoreQuery('backups:list', {});
  const action = useAction();
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const value = list.data;

  const backUpNow = () =>
    void action.run(async () => {
      const b = await call('backups:now', {});
      setNotice(`Backed up at ${takenAt(b.takenAt)} (${fileSize(b.bytes)}).`);
    }, list.refetch);

  const restore = (b: BackupEntry) =>
    void action.run(async () => {
      const r = await call('backups:restore', { path: b.path });
      setConfirming(null);
      setNotice(
        `Restored the backup of ${takenAt(b.takenAt)}.` +
          (r.savedAs ? ` The state it replaced was saved as the backup of ${takenAt(r.savedAs.takenAt)}: restore that one to undo.` : ''),
      );
    }, list.refetch);

  return (
    <Stack gap="md" data-testid="backups-panel">
      <Text size="sm">
        Grounded backs this study up before each synthesis and once a day while it is open, and keeps the newest{' '}
        {value?.keep ?? '…'} copies in <Text span ff="monospace" size="sm">{value?.folder ?? '…'}</Text>.
      </Text>
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {value?.problem && (
        <Alert color="orange" title="The latest automatic backup failed" data-testid="backups-problem">
          <Text size="sm">{value.problem}</Text>
          <Text size="sm" mt={4}>
            Grounded tries again within the hour. If the folder cannot be written, choose another below.
          </Text>
        </Alert>
      )}
      {action.error && (
        <Alert color="red" withCloseButton onClose={action.clearError} data-testid="backups-error">
          {action.error}
        </Alert>
      )}
      {notice && (
        <Alert color="teal" withCloseButton onClose={() => setNotice(null)} data-testid="backups-notice">
          {notice}
        </Alert>
      )}
      <Group>
        <Button onClick={backUpNow} loading={action.busy && !confirming} data-testid="backups-now">
          Back up now
        </Button>
      </Group>
      {confirming && <RestoreConfirm backup={confirming} busy={action.busy} onConfirm={() => restore(confirming)} onCancel={() => setConfirming(null)} />}
      {value && value.backups.length === 0 && <Text c="dimmed" size="sm">No backups yet.</Text>}
      {value && value.backups.length > 0 && (
        <Table striped data-testid="backups-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Size</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {value.backups.map((b) => (
              <Table.Tr key={b.path} data-testid="backup-row">
                <Table.Td title={b.path}>{takenAt(b.takenAt)}</Table.Td>
                <Table.Td>{fileSize(b.bytes)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setConfirming(b)} disabled={action.busy} data-testid="backup-restore">
                    Restore…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {value && <BackupSettingsForm folder={value.folder} keep={value.keep} defaultFolder={value.defaultFolder} onSaved={list.refetch} />}
    </Stack>
  );
}
