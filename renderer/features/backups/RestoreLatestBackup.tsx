import { Button, Text } from '@mantine/core';
import { parseBackupAdvice } from '../../../shared/backupAdvice';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';

/**
 * Under a damaged study's message on the start screen: restores the backup the message names and
 * opens the study (the damaged file is kept beside the backups first). Nothing when no backup is named.
 */
export function RestoreLatestBackup({ message, onRestored }: { message: string; onRestored: () => void }) {
  const action = useAction();
  const advice = parseBackupAdvice(message);
  if (!advice) return null;
  return (
    <>
      <Button mt="sm" color="red" variant="light" loading={action.busy} data-testid="restore-latest" onClick={() => void action.run(() => call('backups:restore', { path: advice.backup, study: advice.study }), onRestored)}>
        Restore the latest backup and open it
      </Button>
      {action.error && (
        <Text size="sm" mt="xs" data-testid="restore-latest-error">
          {action.error}
        </Text>
      )}
    </>
  );
}
