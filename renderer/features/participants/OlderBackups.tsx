import { Alert, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { BackupList } from '../../../shared/domain';
import { call } from '../../bridge';
import { plural } from '../../format';
import { useAction } from '../../hooks/useAction';

/**
 * After a consent withdrawal: the backups taken before it still hold the participant's words. Says
 * so, where, and offers to delete them (asked twice: a backup is also the way back from a mistake).
 */
export function OlderBackups({ removedAt }: { removedAt: number }) {
  const [list, setList] = useState<BackupList | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useAction();

  useEffect(() => {
    call('backups:list', {})
      .then(setList)
      .catch(() => setList(null)); // no backups panel in this face: say nothing
  }, []);

  const older = (list?.backups ?? []).filter((b) => Date.parse(b.takenAt) <= removedAt);
  if (!list || (older.length === 0 && !error)) {
    return list ? <Text size="sm" c="dimmed" data-testid="older-backups-none">No backup holds their words.</Text> : null;
  }
  return (
    <Alert color="yellow" title="Backups still hold their words" data-testid="older-backups">
      <Text size="sm">
        {plural(older.length, 'backup')} in {list.folder} {older.length === 1 ? 'was taken before the withdrawal and still holds' : 'were taken before the withdrawal and still hold'} their
        turns and quotes.
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group mt="xs" gap="xs">
        {confirming ? (
          <>
            <Text size="sm" fw={600}>
              Delete {plural(older.length, 'backup')}? Restoring any of them will no longer be possible.
            </Text>
            <Button
              size="xs"
              color="red"
              loading={busy}
              data-testid="older-backups-confirm"
              onClick={() => void run(async () => setList(await call('backups:delete', { paths: older.map((b) => b.path) })), () => setConfirming(false))}
            >
              Delete them
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              Keep them
            </Button>
          </>
        ) : (
          <Button size="xs" variant="outline" color="red" data-testid="older-backups-delete" onClick={() => setConfirming(true)}>
            Delete these backups…
          </Button>
        )}
      </Group>
    </Alert>
  );
}
