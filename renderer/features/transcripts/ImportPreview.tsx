import { Box, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { FilePreview, SpeakerChoices } from '../../../shared/domain';
import { plural } from '../../format';
import { PreviewFile } from './PreviewFile';
import { PreviewGeneric, genericLabelsOf } from './PreviewGeneric';
import { choicesOf, draftOf, hasBlankName, withName, withRole, type SpeakerDraft } from './speakerDraft';
import type { PendingImport } from './useImport';

/** Above this many files each one starts as a summary line, opened on demand. */
const COLLAPSE_OVER = 30;
/** Files rendered at a time in a large batch; the rest behind "Show more". */
const PAGE = 100;

interface Props {
  pending: PendingImport;
  onConfirm: (speakers: Record<string, SpeakerChoices>) => void;
  onCancel: () => void;
}

/** 0: to import, 1: already in the study, 2: could not be read. */
const rank = (f: FilePreview) => (!f.ok ? 2 : f.duplicateOf ? 1 : 0);

/** What an import by path will bring in, checked (and corrected) before anything is written. */
export function ImportPreview({ pending, onConfirm, onCancel }: Props) {
  // Only files the researcher touched get a draft; the rest import as proposed.
  const [drafts, setDrafts] = useState<Record<string, SpeakerDraft>>({});
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [shown, setShown] = useState(PAGE);
  // Generic labels ("User") the researcher says are one person in every file; and, per file,
  // labels read as text ("Initial Steps:") that are speakers after all.
  const [sameAcross, setSameAcross] = useState<ReadonlySet<string>>(() => new Set());
  const [asSpeakers, setAsSpeakers] = useState<Record<string, string[]>>({});
  // Files to import first, where the decisions are; then what will be skipped, and why.
  const files = useMemo(() => [...(pending.files ?? [])].sort((a, b) => rank(a) - rank(b)), [pending.files]);
  const importable = files.filter((f) => rank(f) === 0);
  const duplicates = files.filter((f) => rank(f) === 1).length;
  const failed = files.length - importable.length - duplicates;
  const byPath = useMemo(() => new Map(files.map((f) => [f.path, f])), [files]);
  const collapsible = files.length > COLLAPSE_OVER;
  const blank = Object.values(drafts).some(hasBlankName);
  const generic = useMemo(() => genericLabelsOf(importable), [importable]);

  const draftFor = (path: string): SpeakerDraft | null => {
    const file = byPath.get(path);
    return file?.ok && !file.duplicateOf ? (drafts[path] ?? draftOf(file.speakers)) : null;
  };
  const edit = (path: string, change: (d: SpeakerDraft) => SpeakerDraft) => {
    const draft = draftFor(path);
    if (draft) setDrafts((ds) => ({ ...ds, [path]: change(draft) }));
  };
  const toggle = (path: string) =>
    setExpanded((ex) => {
      const next = new Set(ex);
      if (!next.delete(path)) next.add(path);
      return next;
    });

  const confirm = () => {
    const speakers: Record<string, SpeakerChoices> = {};
    for (const f of importable) {
      if (!f.ok) continue;
      const draft = drafts[f.path];
      const choices: SpeakerChoices = (draft && choicesOf(draft)) ?? {};
      const shared = f.speakers.filter((sp) => sp.generic && sameAcross.has(sp.name)).map((sp) => sp.name);
      if (shared.length > 0) choices.sameAcrossFiles = shared;
      const read = asSpeakers[f.path] ?? [];
      if (read.length > 0) choices.readAsSpeakers = read;
      if (Object.keys(choices).length > 0) speakers[f.path] = choices;
    }
    onConfirm(speakers);
  };
  const toggleAsSpeaker = (path: string, label: string) =>
    setAsSpeakers((all) => {
      const now = all[path] ?? [];
      return { ...all, [path]: now.includes(label) ? now.filter((l) => l !== label) : [...now, label] };
    });

  return (
    <Modal opened onClose={onCancel} title={<Text fw={650}>Import preview</Text>} size="min(1120px, 94vw)" centered>
      <Stack gap="sm" data-testid="import-preview">
        {pending.files === null ? (
          <Group gap="xs" py="xl" justify="center" data-testid="import-preview-loading">
            <Loader size="sm" />
            <Text c="dimmed">Reading {plural(pending.paths.length, 'path')}…</Text>
          </Group>
        ) : (
          <>
            <div>
              <Text size="sm" fw={600} data-testid="import-preview-counts">
                {[
                  `${plural(files.length, 'file')}: ${importable.length} to import`,
                  duplicates > 0 && `${duplicates} already imported`,
                  failed > 0 && `${failed} could not be read`,
                ]
                  .filter(Boolean)
                  .join(', ')}
              </Text>
              <Text size="sm" c="dimmed">
                Check who the interviewer is: only participants’ words become quotes. Renaming a speaker onto another speaker’s name merges the two.
              </Text>
            </div>
            {generic.length > 0 && (
              <PreviewGeneric
                labels={generic}
                sameAcross={sameAcross}
                onToggle={(label) =>
                  setSameAcross((now) => {
                    const next = new Set(now);
                    if (!next.delete(label)) next.add(label);
                    return next;
                  })
                }
              />
            )}
            {files.slice(0, collapsible ? shown : files.length).map((f) => (
              <PreviewFile
                key={f.path}
                file={f}
                draft={draftFor(f.path)}
                expanded={collapsible ? expanded.has(f.path) : undefined}
                onToggle={collapsible ? () => toggle(f.path) : undefined}
                onName={(original, name) => edit(f.path, (d) => withName(d, original, name))}
                onRole={(original, role) => edit(f.path, (d) => withRole(d, original, role))}
                sameAcross={sameAcross}
                asSpeakers={asSpeakers[f.path] ?? []}
                onAsSpeaker={(label) => toggleAsSpeaker(f.path, label)}
              />
            ))}
            {collapsible && shown < files.length && (
              <Button variant="subtle" onClick={() => setShown((n) => n + PAGE)}>
                Show {Math.min(PAGE, files.length - shown)} more of {files.length - shown}
              </Button>
            )}
          </>
        )}
        <Box pos="sticky" bottom={0} bg="var(--mantine-color-body)" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)', zIndex: 1 }}>
          <Group justify="flex-end">
            {blank && (
              <Text size="sm" c="red" mr="auto">
                Every speaker needs a name.
              </Text>
            )}
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button onClick={confirm} disabled={importable.length === 0 || blank} data-testid="import-preview-confirm">
              Import {plural(importable.length, 'file')}
            </Button>
          </Group>
        </Box>
      </Stack>
    </Modal>
  );
}
