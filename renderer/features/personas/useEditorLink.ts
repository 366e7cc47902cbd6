import { useEffect, useMemo, type Dispatch, type SetStateAction } from 'react';
import { BULLET_SECTIONS } from '../../../shared/domain';
import { useWorkspace, type BulletRef, type EditorLink } from '../evidence/workspace';
import { SECTION_LABEL } from './labels';
import { toDraft, toPatch, type PersonaDraft } from './personaDraft';
import type { Persona } from '../../../shared/domain';

function withEvidence(draft: PersonaDraft, ref: BulletRef, change: (evidence: number[]) => number[]): PersonaDraft {
  return { ...draft, [ref.section]: draft[ref.section].map((b, i) => (i === ref.index ? { ...b, evidence: change(b.evidence) } : b)) };
}

/**
 * Lends the draft to the workspace while the editor is open: the evidence panel lists its bullets
 * ("Add to bullet…", remove buttons), and navigation asks before unsaved edits are thrown away.
 */
export function useEditorLink(persona: Persona, draft: PersonaDraft, setDraft: Dispatch<SetStateAction<PersonaDraft>>): boolean {
  const { setEditor, setDirty } = useWorkspace();
  const original = useMemo(() => JSON.stringify(toPatch(toDraft(persona))), [persona]);
  const dirty = JSON.stringify(toPatch(draft)) !== original;

  useEffect(() => {
    const link: EditorLink = {
      personaName: draft.name || persona.name,
      bullets: BULLET_SECTIONS.flatMap((section) =>
        draft[section].map((b, index) => ({ ref: { section, index }, label: SECTION_LABEL[section], text: b.text, evidence: b.evidence })),
      ),
      addEvidence: (ref, quoteId) => setDraft((d) => withEvidence(d, ref, (ev) => (ev.includes(quoteId) ? ev : [...ev, quoteId]))),
      removeEvidence: (ref, quoteId) => setDraft((d) => withEvidence(d, ref, (ev) => ev.filter((id) => id !== quoteId))),
    };
    setEditor(link);
  }, [draft, persona.name, setDraft, setEditor]);
  useEffect(() => () => setEditor(null), [setEditor]);

  useEffect(() => {
    setDirty(dirty);
    if (!dirty) return;
    // Closing the window (or reloading the harness page) with unsaved edits asks too.
    const onBeforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);
  return dirty;
}
