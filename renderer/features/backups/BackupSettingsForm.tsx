import { Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';

/** Where the backups go and how many are kept; saved per study. */
export function BackupSettingsForm({ folder, keep, defaultFolder, onSaved }: { folder: string; keep: number; defaultFolder: string; onSaved: () => void }) {
  const [draftFolder, setDraftFolder] = useState(folder);
  const [draftKeep, setDraftKeep] = useState<number>(keep);
  const action = useAction();
  useEffect(() => {
    setDraftFolder(folder);
    setDraftKeep(keep);
  }, [folder, keep]);
  const changed = draftFolder.trim() !== folder || draftKeep !== keep;

  const save = (useDefault: boolean) =>
    void action.run(
      () =>
        call('backups:setSettings', {
          folder: useDefault || draftFolder.trim() === defaultFolder ? null : draftFolder.trim(),
          keep: draftKeep,
        }),
      onSaved,
    );

  return (
    <Stack gap="xs" data-testid="backup-settings">
      <Text fw={600} size="sm">
        Settings
      </Text>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          label="Backup folder"
          description="On the same protected disk as the study, or an encrypted drive."
          value={draftFolder}
          onChange={(e) => setDraftFolder(e.currentTarget.value)}
          style={{ flex: 1 }}
          data-testid="backup-folder"
        />
        <NumberInput label="Keep the newest" description="Older copies are deleted." min={1} max={100} value={draftKeep} onChange={(v) => setDraftKeep(typeof v === 'number' ? v : keep)} w={140} data-testid="backup-keep" />
      </Group>
      {action.error && <Text c="red" size="sm">{action.error}</Text>}
      <Group>
        <Button variant="light" disabled={!changed || !draftFolder.trim()} loading={action.busy} onClick={() => save(false)} data-testid="backup-settings-save">
          Save settings
        </Button>
        {folder !== defaultFolder && (
          <Button variant="subtle" onClick={() => save(true)} disabled={action.busy}>
            Use the folder beside the study
          </Button>
        )}
      </Group>
    </Stack>
  );
}
