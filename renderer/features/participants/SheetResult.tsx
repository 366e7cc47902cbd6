import { Alert, List, Stack, Text } from '@mantine/core';
import type { OutputOf } from '../../../shared/ipc/contract';
import { plural } from '../../format';

type Result = OutputOf<'participants:importSheet'>;

/** What a sheet import changed, and the rows it could not use. */
export function SheetResult({ result, onClose }: { result: Result; onClose: () => void }) {
  const problems = result.unmatched.length + result.errors.length;
  return (
    <Alert
      data-testid="sheet-result"
      variant="light"
      color={problems > 0 ? 'orange' : 'teal'}
      title={<span data-testid="sheet-updated">{`Sheet imported: ${plural(result.updated, 'participant')} updated`}</span>}
      withCloseButton
      closeButtonLabel="Dismiss sheet results"
      onClose={onClose}
    >
      <Stack gap="xs">
        {result.unmatched.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {plural(result.unmatched.length, 'row')} matched no participant
            </Text>
            <List size="sm" spacing={2}>
              {result.unmatched.map((u) => (
                <List.Item key={u.row} data-testid="sheet-unmatched">
                  Row {u.row}: {u.key ? `“${u.key}”` : 'no participant id'}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {result.errors.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {plural(result.errors.length, 'cell')} could not be used and were left as they were; the rest of each row was applied
            </Text>
            <List size="sm" spacing={2}>
              {result.errors.map((e) => (
                <List.Item key={e} data-testid="sheet-error">
                  {e}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {problems > 0 && (
          <Text size="xs" c="dimmed">
            Rows count from the first row under the header. Fix those cells and import the sheet again; matched rows are simply updated again.
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
