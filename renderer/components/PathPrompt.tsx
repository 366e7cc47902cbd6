// Native file dialogs exist only in Electron. When `dialog:pick` answers `{ unsupported: true }`
// (the browser harness), the same flows ask for paths in this modal instead.
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import type { DialogKind } from '../../shared/ipc/contract';
import { call } from '../bridge';

interface PromptCopy {
  title: string;
  label: string;
  placeholder: string;
  multiple: boolean;
}

const COPY: Record<DialogKind, PromptCopy> = {
  createStudy: { title: 'Create a study', label: 'Study file path', placeholder: '/home/me/research/onboarding.grounded', multiple: false },
  openStudy: { title: 'Open a study', label: 'Study file path', placeholder: '/home/me/research/onboarding.grounded', multiple: false },
  importFiles: { title: 'Import transcripts', label: 'Paths to import, one per line', placeholder: '/home/me/interviews/p01.vtt', multiple: true },
  importFolder: { title: 'Import a folder', label: 'Paths to import, one per line', placeholder: '/home/me/interviews', multiple: true },
  exportDir: { title: 'Export personas', label: 'Output folder', placeholder: '/home/me/exports', multiple: false },
};

type Pick = (kind: DialogKind) => Promise<string[] | null>;
const PickContext = createContext<Pick | null>(null);

export function PathPromptProvider({ children }: { children: ReactNode }) {
  const [kind, setKind] = useState<DialogKind | null>(null);
  const [value, setValue] = useState('');
  const resolver = useRef<((paths: string[] | null) => void) | null>(null);

  const finish = (paths: string[] | null) => {
    resolver.current?.(paths);
    resolver.current = null;
    setKind(null);
  };

  const pick = useCallback<Pick>(async (k) => {
    const answer = await call('dialog:pick', { kind: k });
    if (!('unsupported' in answer)) return answer.paths.length > 0 ? answer.paths : null;
    resolver.current?.(null);
    setValue('');
    setKind(k);
    return new Promise((resolve) => (resolver.current = resolve));
  }, []);

  const copy = kind ? COPY[kind] : null;
  const paths = value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const submit = () => paths.length > 0 && finish(copy?.multiple ? paths : paths.slice(0, 1));

  return (
    <PickContext.Provider value={pick}>
      {children}
      <Modal opened={kind !== null} onClose={() => finish(null)} title={copy?.title} centered size="lg">
        {copy && (
          <form
            data-testid="path-prompt"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack>
              {copy.multiple ? (
                <Textarea label={copy.label} placeholder={copy.placeholder} autosize minRows={3} maxRows={10} value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus />
              ) : (
                <TextInput label={copy.label} placeholder={copy.placeholder} value={value} onChange={(e) => setValue(e.currentTarget.value)} data-autofocus />
              )}
              <Text size="xs" c="dimmed">
                File dialogs are not available in the browser harness; type the path on this machine.
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => finish(null)}>
                  Cancel
                </Button>
                <Button type="submit" disabled={paths.length === 0} data-testid="path-prompt-submit">
                  Continue
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </PickContext.Provider>
  );
}

/** Asks the shell for paths (native dialog or the fallback modal); null when the user cancels. */
export function usePickPaths(): Pick {
  const pick = useContext(PickContext);
  if (!pick) throw new Error('usePickPaths needs a PathPromptProvider');
  return pick;
}
