import { Alert, Button, Group, Text } from '@mantine/core';
import type { BackupEntry } from '../../../shared/domain';
import { takenAt } from './format';

/** Says what a restore replaces, and that it can be undone, before it happens. */
export function RestoreConfirm({ backup, busy, onConfirm, onCancel }: { backup: BackupEntry; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Alert color="orange" title={`Restore the backup of ${takenAt(backup.takenAt)}?`} data-testid="restore-confirm">
      <Text size="sm">
        The study as it is now is replaced by this copy: transcripts imported, themes and personas synthesized, and every edit made
        since {takenAt(backup.takenAt)} are gone from the study. The study is closed and opened again.
      </Text>
      <Text size="sm" mt="xs">
        Before that, the current state is saved as a new backup, so you can undo the restore by restoring that backup.
      </Text>
      <Group mt="sm">
        <Button color="orange" loading={busy} onClick={onConfirm} data-testid="restore-confirm-button">
          Restore this backup
        </Button>
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </Group>
    </Alert>
  );
}
