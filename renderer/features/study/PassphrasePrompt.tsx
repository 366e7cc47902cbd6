import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { call, IpcClientError } from '../../bridge';

/** Asks for the passphrase of the study at `path`; `problem` says why it asks again. Null: cancelled. */
export type AskPassphrase = (path: string, problem: string | null) => Promise<string | null>;

/**
 * Opens a study; an encrypted one (code 'encrypted') asks for its passphrase, a wrong one
 * (code 'wrong_passphrase') says so and asks again. The passphrase goes to the core with the
 * open call and is kept nowhere here: not in the recent list, settings, storage or logs.
 * Resolves false when the researcher cancels.
 */
export async function openStudyAsking(path: string, ask: AskPassphrase): Promise<boolean> {
  let passphrase: string | undefined;
  for (;;) {
    try {
      await call('study:open', passphrase === undefined ? { path } : { path, passphrase });
      return true;
    } catch (err) {
      if (!(err instanceof IpcClientError) || (err.code !== 'encrypted' && err.code !== 'wrong_passphrase')) throw err;
      const problem = err.code === 'wrong_passphrase' ? 'That passphrase does not open this study. Check it and try again.' : null;
      const answer = await ask(path, problem);
      if (answer === null) return false;
      passphrase = answer;
    }
  }
}

interface Asking {
  path: string;
  problem: string | null;
}

/** The passphrase question as a promise, and the dialog that asks it. */
export function usePassphrasePrompt(): { ask: AskPassphrase; dialog: ReactNode } {
  const [asking, setAsking] = useState<Asking | null>(null);
  const [value, setValue] = useState('');
  const resolver = useRef<((answer: string | null) => void) | null>(null);
  const ask = useCallback<AskPassphrase>(
    (path, problem) =>
      new Promise((resolve) => {
        resolver.current = resolve;
        setAsking({ path, problem });
      }),
    [],
  );
  const answer = (text: string | null) => {
    resolver.current?.(text);
    resolver.current = null;
    // The typed passphrase leaves this component's state as soon as it is handed over.
    setValue('');
    setAsking(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value) answer(value);
  };
  const dialog = (
    <Modal opened={asking !== null} onClose={() => answer(null)} title="This study is encrypted" data-testid="passphrase-dialog">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            Type the passphrase of {asking?.path}. It opens the study and is not saved anywhere; without it the study cannot be opened.
          </Text>
          <PasswordInput
            label="Passphrase"
            leftSection={<IconLock size={16} />}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={asking?.problem ?? undefined}
            autoComplete="off"
            data-autofocus
            data-testid="passphrase-input"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => answer(null)}>
              Cancel
            </Button>
            <Button type="submit" disabled={!value} data-testid="passphrase-submit">
              Open
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
  return { ask, dialog };
}
