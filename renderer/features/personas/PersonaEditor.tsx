import { Alert, Button, Divider, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { CORE_SECTIONS, OPTIONAL_SECTIONS, type Persona, type PersonaMark } from '../../../shared/domain';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';
import { useWorkspace } from '../evidence/workspace';
import { BulletsEditor } from './BulletsEditor';
import { DefiningQuoteSelect } from './DefiningQuoteSelect';
import { MARKS, SECTION_LABEL } from './labels';
import { citedQuoteIds, toDraft, toPatch, type PersonaDraft } from './personaDraft';
import { useEditorLink } from './useEditorLink';

const MARK_OPTIONS = [{ value: 'none', label: 'No mark' }, ...MARKS.map((m) => ({ value: m.value, label: m.label }))];

/**
 * Every editable field of a persona, saved in one `personas:update`. It sits in the page (not a
 * modal) so quotes can be dragged onto its bullets from the evidence panel beside it.
 */
export function PersonaEditor({ persona, onClose, onSaved }: { persona: Persona; onClose: () => void; onSaved: () => void }) {
  const ws = useWorkspace();
  const [draft, setDraft] = useState<PersonaDraft>(() => toDraft(persona));
  const { busy: saving, error, run } = useAction();
  const cited = useMemo(() => citedQuoteIds(draft), [draft]);
  const dirty = useEditorLink(persona, draft, setDraft);
  const box = useRef<HTMLDivElement>(null);
  // The editor replaces the cards further down the page: bring it into view. (Braces: Chromium's
  // scrollIntoView now returns a promise, which React would take for a cleanup function.)
  useEffect(() => {
    void box.current?.scrollIntoView({ block: 'start' });
  }, []);
  const set = <K extends keyof PersonaDraft>(key: K, value: PersonaDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = () =>
    run(
      () => call('personas:update', { id: persona.id, patch: toPatch(draft) }),
      () => {
        ws.setDirty(false);
        onSaved();
      },
    );
  const sections = (list: readonly (typeof CORE_SECTIONS)[number][] | readonly (typeof OPTIONAL_SECTIONS)[number][]) =>
    list.map((section) => <BulletsEditor key={section} section={section} label={SECTION_LABEL[section]} bullets={draft[section]} onChange={(b) => set(section, b)} />);

  return (
    <Paper ref={box} withBorder radius="lg" p="lg" shadow="xs" style={{ scrollMarginTop: 80 }}>
      <form
        data-testid="persona-editor"
        aria-label={`Edit ${persona.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="md">
          <Group justify="space-between" wrap="wrap">
            <Title order={3}>Edit {persona.name}</Title>
            <Button variant="light" size="xs" leftSection={<IconSearch size={14} />} onClick={() => ws.show({ kind: 'find', ref: null })} data-testid="open-find-evidence">
              Find evidence
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            Drag a quote from the evidence panel onto a bullet, or use “Add to bullet…”. A bullet without a quote is marked unsupported on the card and in every export.
          </Text>
          <Group grow align="flex-start">
            <TextInput label="Name" required value={draft.name} onChange={(e) => set('name', e.currentTarget.value)} maxLength={200} data-autofocus />
            <Select
              label="Mark"
              data={MARK_OPTIONS}
              value={draft.mark ?? 'none'}
              onChange={(v) => set('mark', v === null || v === 'none' ? null : (v as PersonaMark))}
              allowDeselect={false}
              data-testid="mark-select"
            />
          </Group>
          <Textarea label="Summary" value={draft.summary} onChange={(e) => set('summary', e.currentTarget.value)} autosize minRows={2} maxRows={6} maxLength={4000} />
          <DefiningQuoteSelect ids={cited} value={draft.definingQuoteId} onChange={(id) => set('definingQuoteId', id)} />
          <Divider />
          {/* One column: the bullets need the width beside the evidence panel. */}
          <Stack gap="lg">{sections(CORE_SECTIONS)}</Stack>
          <Divider label="Optional: on the card only when filled in" labelPosition="left" />
          <Stack gap="lg">{sections(OPTIONAL_SECTIONS)}</Stack>
          {error && (
            <Alert color="red" title="Could not save">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            {dirty && (
              <Text size="sm" c="dimmed" data-testid="persona-unsaved">
                Unsaved changes
              </Text>
            )}
            <Button variant="default" onClick={() => ws.guard(onClose)} data-testid="persona-cancel">
              Cancel
            </Button>
            <Button type="submit" loading={saving} disabled={draft.name.trim().length === 0} data-testid="persona-save">
              Save persona
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
