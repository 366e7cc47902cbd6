import { Alert, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPencil } from '@tabler/icons-react';
import { shownSections, type Persona } from '../../../shared/domain';
import { BulletList } from './BulletList';
import { markInfo, SECTION_LABEL } from './labels';
import { PersonaAvatar } from './PersonaAvatar';

/** A draft persona as the team will read it, every claim with its evidence. */
export function PersonaCard({
  persona,
  coverageWarning = null,
  onEdit,
}: {
  persona: Persona;
  /** Set when too few interviews back this persona to trust it. */
  coverageWarning?: string | null;
  onEdit: () => void;
}) {
  const mark = markInfo(persona.mark);
  const names = persona.participants.map((p) => p.name);

  return (
    <Paper withBorder radius="lg" p="lg" shadow="xs" data-testid="persona-card" aria-label={`Persona ${persona.name}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <PersonaAvatar persona={persona} size={64} />
            <div style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Title order={3} data-testid="persona-name">
                  {persona.name}
                </Title>
                {mark && (
                  <Badge color={mark.color} variant="light" data-testid="persona-mark">
                    {mark.label}
                  </Badge>
                )}
                {persona.edited && (
                  <Badge color="gray" variant="outline" size="sm">
                    Edited
                  </Badge>
                )}
              </Group>
              <Tooltip label={names.join(', ') || 'No participants'} disabled={names.length === 0} multiline maw={320}>
                <Text size="sm" c="dimmed">
                  Grounded in {names.length} {names.length === 1 ? 'participant' : 'participants'}
                </Text>
              </Tooltip>
            </div>
          </Group>
          <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={onEdit} aria-label={`Edit ${persona.name}`}>
            Edit
          </Button>
        </Group>

        {coverageWarning && (
          <Alert color="yellow" variant="light" py={6} icon={<IconAlertTriangle size={16} />} data-testid="coverage-warning">
            <Text size="sm">{coverageWarning}</Text>
          </Alert>
        )}

        {persona.participants.length > 0 && (
          <Group gap={6} data-testid="persona-participants" aria-label="Participants and how well they fit">
            {persona.participants.map((p) => (
              <Badge key={p.id} variant="outline" color="gray" tt="none" fw={500} data-testid="persona-participant">
                {p.name}
                {p.fit != null && (
                  <Text span size="xs" c="dimmed" ml={4} data-testid="participant-fit">
                    {Math.round(p.fit * 100)}% fit
                  </Text>
                )}
              </Badge>
            ))}
          </Group>
        )}

        {persona.summary && (
          <Text size="sm" data-testid="persona-summary" style={{ lineHeight: 1.55 }}>
            {persona.summary}
          </Text>
        )}

        {persona.definingQuote && (
          <Box
            component="blockquote"
            m={0}
            px="md"
            py="sm"
            data-testid="persona-defining-quote"
            style={{ background: 'var(--mantine-color-indigo-light)', borderLeft: '4px solid var(--mantine-color-indigo-4)', borderRadius: 8 }}
          >
            <Text size="md" fs="italic" style={{ lineHeight: 1.5 }}>
              “{persona.definingQuote.text}”
            </Text>
          </Box>
        )}

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" verticalSpacing="md">
          {shownSections(persona).map((section) => (
            <BulletList key={section} title={SECTION_LABEL[section]} bullets={persona[section]} testId={`persona-${section}`} />
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
