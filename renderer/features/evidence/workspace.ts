import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { BulletSection } from '../../../shared/domain';

/** A bullet of the persona being edited. */
export interface BulletRef {
  section: BulletSection;
  index: number;
}

export const sameBullet = (a: BulletRef | null, b: BulletRef | null) => a !== null && b !== null && a.section === b.section && a.index === b.index;

/** What the open persona editor lets the rest of the workspace do to its draft. */
export interface EditorLink {
  personaName: string;
  bullets: { ref: BulletRef; label: string; text: string; evidence: number[] }[];
  addEvidence: (ref: BulletRef, quoteId: number) => void;
  removeEvidence: (ref: BulletRef, quoteId: number) => void;
}

/** What the evidence side panel shows. */
export type Panel =
  | { kind: 'quote'; quoteId: number }
  /** A claim's quotes; with `ref`, the claim is in the open editor and its quotes can be removed. */
  | { kind: 'evidence'; title: string; ids: number[]; ref: BulletRef | null }
  /** Quote search and theme browsing, to drag or add quotes to a bullet. */
  | { kind: 'find'; ref: BulletRef | null };

export interface Workspace {
  panel: Panel | null;
  /** Every open panel, the shown one last: those under it stay mounted, so "Back" finds a search as it was left. */
  stack: Panel[];
  /** Earlier panels, so "Back" returns from a quote to the list it was opened from. */
  back: (() => void) | null;
  show: (panel: Panel) => void;
  close: () => void;
  editor: EditorLink | null;
  setEditor: (editor: EditorLink | null) => void;
  /** Unsaved edits: navigation asks before leaving them. */
  dirty: boolean;
  setDirty: (dirty: boolean) => void;
  /** Runs `action` at once, or after the researcher agreed to throw unsaved edits away. */
  guard: (action: () => void) => void;
  /** The action waiting for that answer (the shell renders the question). */
  pending: (() => void) | null;
  answer: (discard: boolean) => void;
  openTranscript: (transcriptId: number, turnId: number) => void;
  /** The last curation edit that failed, in the core's words (shown until dismissed). */
  failure: string | null;
  setFailure: (message: string | null) => void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside the study shell');
  return ws;
}

/** The workspace state, owned by the study shell. */
export function useWorkspaceState(openTranscriptAt: (transcriptId: number, turnId: number) => void): Workspace {
  const [stack, setStack] = useState<Panel[]>([]);
  const [editor, setEditor] = useState<EditorLink | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const show = useCallback((panel: Panel) => setStack((s) => (panel.kind === 'quote' ? [...s.slice(-4), panel] : [panel])), []);
  const close = useCallback(() => setStack([]), []);
  // When the editor closes, panels that served it (finding quotes for its bullets, a bullet's quotes) go with it.
  const link = useCallback((next: EditorLink | null) => {
    setEditor(next);
    if (!next) setStack((s) => s.filter((p) => p.kind === 'quote' || (p.kind === 'evidence' && p.ref === null)));
  }, []);
  const guard = useCallback(
    (action: () => void) => {
      if (dirty) setPending(() => action);
      else action();
    },
    [dirty],
  );
  const answer = useCallback(
    (discard: boolean) => {
      const action = pending;
      setPending(null);
      if (discard && action) {
        setDirty(false);
        action();
      }
    },
    [pending],
  );
  const openTranscript = useCallback(
    (transcriptId: number, turnId: number) => guard(() => openTranscriptAt(transcriptId, turnId)),
    [guard, openTranscriptAt],
  );

  return useMemo(
    () => ({
      panel: stack.at(-1) ?? null,
      stack,
      back: stack.length > 1 ? () => setStack((s) => s.slice(0, -1)) : null,
      show,
      close,
      editor,
      setEditor: link,
      dirty,
      setDirty,
      guard,
      pending,
      answer,
      openTranscript,
      failure,
      setFailure,
    }),
    [stack, show, close, editor, link, dirty, guard, pending, answer, openTranscript, failure],
  );
}
