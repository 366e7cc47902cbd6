import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import { isUnsupported, type Bullet } from '../../../shared/domain';
import { EvidenceBadge } from './EvidenceBadge';

/** A persona section (Goals, Frustrations…) with each claim's evidence count. */
export function BulletList({ title, bullets, testId }: { title: string; bullets: Bullet[]; testId: string }) {
  return (
    <Stack gap={6} data-testid={testId}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.6 }}>
        {title}
      </Text>
      {bullets.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          Nothing yet.
        </Text>
      ) : (
        <Stack component="ul" gap={6} m={0} p={0} style={{ listStyle: 'none' }}>
          {bullets.map((b, i) => (
            <Group component="li" key={i} data-testid="bullet" justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Text size="sm" style={{ lineHeight: 1.45 }} data-testid="bullet-text">
                {b.text}
              </Text>
              <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                {isUnsupported(b) && (
                  <Tooltip label="No quote backs this claim: attach evidence or remove it" withArrow>
                    <Badge size="sm" variant="filled" color="red" tt="none" fw={500} data-testid="unsupported-marker">
                      unsupported
                    </Badge>
                  </Tooltip>
                )}
                {(b.lostEvidence ?? 0) > 0 && (
                  <Tooltip label="Quotes this claim cited were deleted with their transcript" withArrow>
                    <Badge size="sm" variant="outline" color="red" tt="none" fw={500} data-testid="lost-evidence-marker">
                      {b.lostEvidence} deleted
                    </Badge>
                  </Tooltip>
                )}
                {b.thin && (
                  <Tooltip label="All the evidence comes from one participant" withArrow>
                    <Badge size="sm" variant="outline" color="orange" tt="none" fw={500} data-testid="thin-marker">
                      single source
                    </Badge>
                  </Tooltip>
                )}
                <EvidenceBadge ids={b.evidence} title={`${title}: ${b.text}`} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
