import { ActionIcon, Alert, Code, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { JobFinished } from '../../../shared/domain';
import { call } from '../../bridge';

/** The files an export wrote, each revealable in the file manager. */
export function ExportResultList({ finished }: { finished: JobFinished }) {
  if (finished.status !== 'completed') {
    return (
      <Alert color={finished.status === 'failed' ? 'red' : 'gray'} title={`Export ${finished.status}`} data-testid="export-result">
        {finished.error?.message ?? 'No files were written.'}
      </Alert>
    );
  }
  const files = finished.result?.export?.files ?? [];
  return (
    <Alert color="teal" title={`Exported ${files.length} ${files.length === 1 ? 'file' : 'files'}`} data-testid="export-result">
      <Stack gap={4}>
        {files.map((file) => (
          <Group key={file} gap="xs" wrap="nowrap" data-testid="export-file">
            <Code style={{ overflowWrap: 'anywhere' }}>{file}</Code>
            <Tooltip label="Show in folder">
              <ActionIcon variant="subtle" size="sm" aria-label={`Show ${file} in folder`} onClick={() => void call('shell:showItem', { path: file })}>
                <IconExternalLink size={14} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ))}
        {files.length === 0 && <Text size="sm">No personas to export.</Text>}
      </Stack>
    </Alert>
  );
}
