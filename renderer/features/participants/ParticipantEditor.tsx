import { Alert, Autocomplete, Badge, Button, Divider, Drawer, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { CONSENT_STATUSES, EXPERIENCE_LEVELS, type ConsentStatus, type ExperienceLevel, type ParticipantDetail } from '../../../shared/domain';
import { PSEUDONYM_ATTRIBUTE } from '../../../shared/pseudonym';
import { call } from '../../bridge';
import { useAction } from '../../hooks/useAction';
import { plural } from '../../format';
import { AttributesEditor } from './AttributesEditor';
import { CONSENT_LABEL, EXPERIENCE_LABEL } from './labels';
import { duplicateKeys, fieldErrors, toDraft, toPatch, type ProfileDraft } from './profileDraft';

const EXPERIENCE_OPTIONS = EXPERIENCE_LEVELS.map((v) => ({ value: v, label: EXPERIENCE_LABEL[v] }));
const CONSENT_OPTIONS = CONSENT_STATUSES.map((v) => ({ value: v, label: CONSENT_LABEL[v] }));
const DATE_HINT = 'Expected a date as YYYY-MM-DD';

interface Props {
  participant: ParticipantDetail;
  /** Everyone, to suggest segment, industry and the like already in use. */
  all: ParticipantDetail[];
  onClose: () => void;
  onSaved: () => void;
}

/** Every field of a participant's record, saved in one `participants:update` of what changed. */
export function ParticipantEditor({ participant, all, onClose, onSaved }: Props) {
  const [draft, setDraft] = useState<ProfileDraft>(() => toDraft(participant));
  const { busy: saving, error, run } = useAction();
  const errors = useMemo(() => (error ? fieldErrors(error) : {}), [error]);
  const set = <K extends keyof ProfileDraft>(key: K, value: ProfileDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const used = (f: 'segment' | 'companySize' | 'industry' | 'role') => [...new Set(all.map((p) => p.profile[f]).filter((v): v is string => !!v))].sort();
  const text = (f: 'code' | 'interviewDate' | 'consentDate') => ({ value: draft[f], error: errors[f], onChange: (e: { currentTarget: { value: string } }) => set(f, e.currentTarget.value) });
  const suggest = (f: 'segment' | 'companySize' | 'industry' | 'role') => ({ data: used(f), value: draft[f], error: errors[f], onChange: (v: string) => set(f, v), maxLength: 500 });

  const save = () => run(() => call('participants:update', { id: participant.id, patch: toPatch(draft, participant) }), onSaved);

  return (
    <Drawer opened onClose={onClose} position="right" size={520} title={<Text fw={650}>Edit {participant.name}</Text>} closeOnClickOutside={false}>
      <form
        data-testid="participant-editor"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Text size="xs" c="dimmed">
            {plural(participant.transcriptCount, 'transcript')} · {plural(participant.quoteCount, 'quote')}
            {participant.aliases.length > 0 && ` · also speaks as ${participant.aliases.join(', ')}`}
          </Text>
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
            <TextInput label="Name" withAsterisk value={draft.name} error={errors.name && 'A participant needs a name'} onChange={(e) => set('name', e.currentTarget.value)} maxLength={200} data-autofocus />
            <TextInput label="Code" description="Pseudonymous id, e.g. P07" maxLength={500} {...text('code')} />
            <Autocomplete label="Segment" {...suggest('segment')} />
            <Select
              label="Experience"
              data={EXPERIENCE_OPTIONS}
              value={draft.experience}
              onChange={(v) => set('experience', v as ExperienceLevel | null)}
              placeholder="Not recorded"
              clearable
              error={errors.experience}
            />
            <Autocomplete label="Company size" {...suggest('companySize')} />
            <Autocomplete label="Industry" {...suggest('industry')} />
            <Autocomplete label="Role" {...suggest('role')} />
            <TextInput label="Interview date" type="date" {...text('interviewDate')} error={errors.interviewDate && DATE_HINT} />
            <Select
              label="Consent"
              data={CONSENT_OPTIONS}
              value={draft.consentStatus}
              onChange={(v) => set('consentStatus', v as ConsentStatus | null)}
              placeholder="Not recorded"
              clearable
              error={errors.consentStatus}
            />
            <TextInput label="Consent date" type="date" {...text('consentDate')} error={errors.consentDate && DATE_HINT} />
          </SimpleGrid>
          <Textarea label="Notes" autosize minRows={3} maxRows={10} maxLength={20000} value={draft.notes} error={errors.notes} onChange={(e) => set('notes', e.currentTarget.value)} />
          <Divider />
          <AttributesEditor rows={draft.attributes} onChange={(rows) => set('attributes', rows)} error={errors.attributes} />
          <Text size="xs" c="dimmed">
            An attribute named “{PSEUDONYM_ATTRIBUTE}” is the name they get in pseudonymised exports (else their code, else P01, P02…).
          </Text>
          {participant.aliases.length > 0 && (
            <Group gap={6}>
              <Text size="sm" fw={500}>
                Aliases
              </Text>
              {participant.aliases.map((a) => (
                <Badge key={a} variant="outline" color="gray" tt="none">
                  {a}
                </Badge>
              ))}
            </Group>
          )}
          {error && (
            <Alert color="red" title="Could not save" data-testid="participant-error">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {Object.keys(errors).length > 0 ? 'Check the fields marked in red.' : error.replace(/^participants:update: /, '')}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving} disabled={duplicateKeys(draft.attributes).length > 0} data-testid="participant-save">
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
