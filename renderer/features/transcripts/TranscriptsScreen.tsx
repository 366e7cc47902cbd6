import { Alert, Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown, IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { DialogKind } from '../../../shared/ipc/contract';
import { errorMessage } from '../../bridge';
import { usePickPaths } from '../../components/PathPrompt';
import { useIsRunning } from '../jobs/JobsProvider';
import { DropZone } from './DropZone';
import { ImportPreview } from './ImportPreview';
import { ImportResults } from './ImportResults';
import { TranscriptsTable } from './TranscriptsTable';
import { useImport } from './useImport';

/** The study's transcripts, and the ways to bring more in. */
/** `importRequested` is set by File > Import Transcripts…: open the picker, then acknowledge. */
export function TranscriptsScreen({
  onOpen,
  importRequested = false,
  onImportOpened,
}: {
  onOpen: (id: number) => void;
  importRequested?: boolean;
  onImportOpened?: () => void;
}) {
  const pickPaths = usePickPaths();
  const imports = useImport();
  const importing = useIsRunning('import');
  const [pickError, setPickError] = useState<string | null>(null);

  const pickAndImport = async (kind: DialogKind) => {
    setPickError(null);
    try {
      const paths = await pickPaths(kind);
      if (paths) await imports.importPaths(paths);
    } catch (err) {
      setPickError(errorMessage(err));
    }
  };

  useEffect(() => {
    if (!importRequested) return;
    onImportOpened?.();
    void pickAndImport('importFiles');
    // Runs once per request: the flag is cleared by onImportOpened.
  }, [importRequested]);

  const error = pickError ?? imports.error;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Transcripts</Title>
          <Text c="dimmed" size="sm">
            Interviews in this study. Open one to check who the interviewer is.
          </Text>
        </div>
        <Group gap={0}>
          <Button
            leftSection={<IconFileImport size={18} />}
            onClick={() => pickAndImport('importFiles')}
            disabled={importing}
            data-testid="import-button"
            style={{ borderTopRightRadius: 0, borderBottomRightRadius: 0 }}
          >
            Import
          </Button>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button disabled={importing} px={8} aria-label="More import options" style={{ borderTopLeftRadius: 0, borderBottomLeftRadius: 0, borderLeft: '1px solid var(--mantine-color-indigo-4)' }}>
                <IconChevronDown size={16} />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => pickAndImport('importFiles')}>Import files…</Menu.Item>
              <Menu.Item onClick={() => pickAndImport('importFolder')}>Import a folder…</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {error && (
        <Alert color="red" title="Import could not start" withCloseButton onClose={() => { setPickError(null); imports.clear(); }}>
          {error}
        </Alert>
      )}
      {imports.pending && (
        <ImportPreview
          key={imports.pending.paths.join('\n')}
          pending={imports.pending}
          onConfirm={(speakers) => void imports.confirmImport(speakers)}
          onCancel={imports.cancelImport}
        />
      )}
      {imports.job && <ImportResults job={imports.job} onClose={imports.clear} />}
      <DropZone onFiles={(files) => void imports.importDropped(files)} disabled={importing} />
      <TranscriptsTable onOpen={onOpen} />
    </Stack>
  );
}
