import { Alert, Button, Divider, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { CORE_SECTIONS, OPTIONAL_SECTIONS, type Persona, type PersonaMark } from '../../../shared/domain';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';
import { BulletsEditor } from './BulletsEditor';
import { DefiningQuoteSelect } from './DefiningQuoteSelect';
import { MARKS, SECTION_LABEL } from './labels';
import { citedQuoteIds, toDraft, toPatch, type PersonaDraft } from './personaDraft';

const MARK_OPTIONS = [{ value: 'none', label: 'No mark' }, ...MARKS.map((m) => ({ value: m.value, label: m.label }))];

/** Every editable field of a persona; saved in one `personas:update`. */
export function PersonaEditor({ persona, onClose, onSaved }: { persona: Persona; onClose: () => void; onSaved: () => void }) {
  const [draft, setDraft] = useState<PersonaDraft>(() => toDraft(persona));
  const { busy: saving, error, run } = useAction();
  const cited = useMemo(() => citedQuoteIds(draft), [draft]);
  const set = <K extends keyof PersonaDraft>(key: K, value: PersonaDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = () => run(() => call('personas:update', { id: persona.id, patch: toPatch(draft) }), onSaved);

  return (
    <Modal opened onClose={onClose} title={`Edit ${persona.name}`} size={920} centered={false} closeOnClickOutside={false}>
      <form
        data-testid="persona-editor"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="md">
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
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
            {CORE_SECTIONS.map((section) => (
              <BulletsEditor key={section} section={section} label={SECTION_LABEL[section]} bullets={draft[section]} onChange={(b) => set(section, b)} />
            ))}
          </SimpleGrid>
          <Divider label="Optional: on the card only when filled in" labelPosition="left" />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="lg">
            {OPTIONAL_SECTIONS.map((section) => (
              <BulletsEditor key={section} section={section} label={SECTION_LABEL[section]} bullets={draft[section]} onChange={(b) => set(section, b)} />
            ))}
          </SimpleGrid>
          {error && (
            <Alert color="red" title="Could not save">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving} disabled={draft.name.trim().length === 0} data-testid="persona-save">
              Save persona
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
