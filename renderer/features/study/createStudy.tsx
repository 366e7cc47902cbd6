import { Button, Group, Modal, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { call, IpcClientError } from '../../bridge';

/**
 * Creates a study; when its folder does not exist the core refuses (code 'no_folder') and the
 * researcher is asked before the folders are made. Resolves false when they decline.
 */
export async function createStudyAsking(path: string, ask: (message: string) => Promise<boolean>): Promise<boolean> {
  try {
    await call('study:create', { path });
    return true;
  } catch (err) {
    if (!(err instanceof IpcClientError) || err.code !== 'no_folder') throw err;
    if (!(await ask(err.message))) return false;
    await call('study:create', { path, createFolders: true });
    return true;
  }
}

/** A yes/no question about creating missing folders, as a promise, and the dialog that asks it. */
export function useAskCreateFolders(): { ask: (message: string) => Promise<boolean>; dialog: ReactNode } {
  const [message, setMessage] = useState<string | null>(null);
  const resolver = useRef<((yes: boolean) => void) | null>(null);
  const ask = useCallback(
    (text: string) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setMessage(text);
      }),
    [],
  );
  const answer = (yes: boolean) => {
    resolver.current?.(yes);
    resolver.current = null;
    setMessage(null);
  };
  const dialog = (
    <Modal opened={message !== null} onClose={() => answer(false)} title="Create the folder?" data-testid="create-folders-dialog">
      <Text size="sm">{message}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => answer(false)}>
          Cancel
        </Button>
        <Button onClick={() => answer(true)} data-testid="create-folders-confirm">
          Create folders
        </Button>
      </Group>
    </Modal>
  );
  return { ask, dialog };
}
