import { Alert, Code, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useCoreQuery } from '../../hooks/useCoreQuery';

/** Renders `backticked` spans of the core's reason as code, since reasons name commands to run. */
function WithCode({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, i) => (i % 2 === 1 ? <Code key={i}>{part}</Code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}

/** Explains, when the on-device model is missing, why themes and personas are unavailable. */
export function ModelBanner() {
  const { data } = useCoreQuery('app:status', {});
  if (!data || data.model.available) return null;
  return (
    <Alert
      data-testid="model-banner"
      color="yellow"
      variant="light"
      radius="md"
      icon={<IconAlertTriangle size={18} />}
      title="The on-device model is not available"
      styles={{ title: { color: 'var(--mantine-color-yellow-9)' } }}
    >
      <Text size="sm" data-testid="model-reason">
        <WithCode text={data.model.reason ?? 'No reason given.'} />
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        Model: {data.model.modelId}
      </Text>
    </Alert>
  );
}
