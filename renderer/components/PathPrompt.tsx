// Native file dialogs exist only in Electron. When `dialog:pick` answers `{ unsupported: true }`
// (the browser harness), the same flows ask for paths in this modal instead. Flows the native
// dialog has no kind for (a participant sheet) ask here directly, in every face.
import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DialogKind } from '../../shared/ipc/contract';
import { call } from '../bridge';

export interface PromptCopy {
  title: string;
  label: string;
  placeholder: string;
  multiple: boolean;
  /** Shown under the field; defaults to why the harness asks instead of opening a dialog. */
  hint?: string;
}

const HARNESS_HINT = 'File dialogs are not available in the browser harness; type the path on this machine.';

const COPY: Record<DialogKind, PromptCopy> = {
  createStudy: { title: 'Create a study', label: 'Study file path', placeholder: '/home/me/research/onboarding.grounded', multiple: false },
  openStudy: { title: 'Open a study', label: 'Study file path', placeholder: '/home/me/research/onboarding.grounded', multiple: false },
  importFiles: { title: 'Import transcripts', label: 'Paths to import, one per line', placeholder: '/home/me/interviews/p01.vtt', multiple: true },
  importFolder: { title: 'Import a folder', label: 'Paths to import, one per line', placeholder: '/home/me/interviews', multiple: true },
  exportDir: { title: 'Export personas', label: 'Output folder', placeholder: '/home/me/exports', multiple: false },
};

type Pick = (kind: DialogKind) => Promise<string[] | null>;
type Ask = (copy: PromptCopy) => Promise<string[] | null>;
const PickContext = createContext<{ pick: Pick; ask: Ask } | null>(null);

export function PathPromptProvider({ children }: { children: ReactNode }) {
  const [copy, setCopy] = useState<PromptCopy | null>(null);
  const [value, setValue] = useState('');
  const resolver = useRef<((paths: string[] | null) => void) | null>(null);

  const finish = (paths: string[] | null) => {
    resolver.current?.(paths);
    resolver.current = null;
    setCopy(null);
  };

  const ask = useCallback<Ask>((c) => {
    resolver.current?.(null);
    setValue('');
    setCopy(c);
    return new Promise((resolve) => (resolver.current = resolve));
  }, []);

  const pick = useCallback<Pick>(
    async (k) => {
      const answer = await call('dialog:pick', { kind: k });
      if (!('unsupported' in answer)) return answer.paths.length > 0 ? answer.paths : null;
      return ask(COPY[k]);
    },
    [ask],
  );
  const prompt = useMemo(() => ({ pick, ask }), [pick, ask]);

  const paths = value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const submit = () => paths.length > 0 && finish(copy?.multiple ? paths : paths.slice(0, 1));

  return (
    <PickContext.Provider value={prompt}>
      {children}
      <Modal opened={copy !== null} onClose={() => finish(null)} title={copy?.title} centered size="lg">
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
                {copy.hint ?? HARNESS_HINT}
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

function usePathPrompt() {
  const ctx = useContext(PickContext);
  if (!ctx) throw new Error('usePickPaths and useAskPaths need a PathPromptProvider');
  return ctx;
}

/** Asks the shell for paths (native dialog or the fallback modal); null when the user cancels. */
export function usePickPaths(): Pick {
  return usePathPrompt().pick;
}

/** Asks for paths in the modal, for files the native dialog has no kind for; null when cancelled. */
export function useAskPaths(): Ask {
  return usePathPrompt().ask;
}
