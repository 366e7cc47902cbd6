import { ActionIcon, Badge, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowMerge, IconDots, IconPencil, IconUserX } from '@tabler/icons-react';
import type { ParticipantDetail } from '../../../shared/domain';
import { plural } from '../../format';
import { formatDate } from '../transcripts/format';
import { CONSENT_COLOR, CONSENT_LABEL, EXPERIENCE_COLOR, EXPERIENCE_LABEL } from './labels';

interface Props {
  participant: ParticipantDetail;
  canMerge: boolean;
  onEdit: () => void;
  onMerge: () => void;
  /** Consent withdrawn: erase everything of theirs (asks first). */
  onRemove: () => void;
}

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

/** One participant's record; clicking the row opens the editor. */
export function ParticipantRow({ participant: p, canMerge, onEdit, onMerge, onRemove }: Props) {
  const { profile } = p;
  const attributes = Object.keys(profile.attributes).length;
  const work = [profile.industry, profile.companySize && `size ${profile.companySize}`].filter(Boolean).join(' · ');
  return (
    <Table.Tr data-testid="participant-row" data-participant={p.name} style={{ cursor: 'pointer' }} onClick={onEdit}>
      <Table.Td>
        <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {p.name}
        </Text>
        {(profile.code || p.aliases.length > 0) && (
          <Text size="xs" c="dimmed">
            {profile.code && (
              <Text span inherit ff="monospace" c="dimmed" data-testid="participant-code">
                {profile.code}
              </Text>
            )}
            {profile.code && p.aliases.length > 0 && ' · '}
            {p.aliases.length > 0 && <span data-testid="participant-aliases">also {p.aliases.join(', ')}</span>}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="participant-segment">{profile.segment ?? dash}</Table.Td>
      <Table.Td data-testid="participant-experience" miw={100}>
        {profile.experience ? (
          <Badge size="sm" variant="light" color={EXPERIENCE_COLOR[profile.experience]} tt="none">
            {EXPERIENCE_LABEL[profile.experience]}
          </Badge>
        ) : (
          dash
        )}
      </Table.Td>
      <Table.Td>
        {profile.role ?? (work ? null : dash)}
        {work && (
          <Text size="xs" c="dimmed">
            {work}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="participant-interviewed">
        {profile.interviewDate ? (
          formatDate(profile.interviewDate)
        ) : p.transcriptDates ? (
          <Tooltip label="From the transcripts' dates; the record has no interview date" openDelay={300}>
            <Text span size="sm" c="dimmed" data-testid="participant-interviewed-from-transcripts">
              {p.transcriptDates.first === p.transcriptDates.last
                ? formatDate(p.transcriptDates.first)
                : `${formatDate(p.transcriptDates.first)} – ${formatDate(p.transcriptDates.last)}`}
            </Text>
          </Tooltip>
        ) : (
          dash
        )}
      </Table.Td>
      <Table.Td data-testid="participant-consent" miw={110}>
        {profile.consentStatus ? (
          <Tooltip label={profile.consentDate ? `Since ${formatDate(profile.consentDate)}` : 'No consent date'} openDelay={300}>
            <Badge size="sm" variant="dot" color={CONSENT_COLOR[profile.consentStatus]} tt="none">
              {CONSENT_LABEL[profile.consentStatus]}
            </Badge>
          </Tooltip>
        ) : (
          dash
        )}
      </Table.Td>
      <Table.Td ta="right">{p.transcriptCount}</Table.Td>
      <Table.Td ta="right" data-testid="participant-quotes">
        {p.quoteCount}
      </Table.Td>
      <Table.Td maw={200}>
        {profile.notes ? (
          <Text size="xs" lineClamp={2} title={profile.notes}>
            {profile.notes}
          </Text>
        ) : (
          attributes === 0 && dash
        )}
        {attributes > 0 && (
          <Text size="xs" c="dimmed" title={Object.entries(profile.attributes).map(([k, v]) => `${k}: ${v}`).join('\n')}>
            {plural(attributes, 'attribute')}
          </Text>
        )}
      </Table.Td>
      <Table.Td onClick={(e) => e.stopPropagation()}>
        <Group gap={2} wrap="nowrap">
          <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${p.name}`} onClick={onEdit}>
            <IconPencil size={16} />
          </ActionIcon>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${p.name}`}>
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconArrowMerge size={14} />} onClick={onMerge} disabled={!canMerge}>
                Merge into…
              </Menu.Item>
              <Menu.Item leftSection={<IconUserX size={14} />} color="red" onClick={onRemove} data-testid="participant-remove">
                Remove participant (consent withdrawn)…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
