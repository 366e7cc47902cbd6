import { ActionIcon, Alert, Button, Group, Modal, PasswordInput, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { StudyInfo } from '../../../shared/domain';
import { call, errorMessage } from '../../bridge';

type Action = 'encrypt' | 'decrypt' | 'rekey';
const MIN = 8;

/**
 * The study's encryption, from the header's lock: encrypt it with a passphrase, change the
 * passphrase, or remove the encryption. Passphrases live in this dialog's state while typed and
 * are cleared when it closes; the core keeps none of them.
 */
export function EncryptionSettings({ study }: { study: StudyInfo }) {
  const encrypted = study.encrypted === true;
  const [open, setOpen] = useState(false);
  const [action, setAction] = useState<Action>(encrypted ? 'rekey' : 'encrypt');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reset = () => {
    setCurrent('');
    setNext('');
    setAgain('');
    setError(null);
  };
  const close = () => {
    if (busy) return;
    reset();
    setOpen(false);
  };
  const needsNew = action !== 'decrypt';
  const problem = needsNew && next.length > 0 && [...next].length < MIN ? `At least ${MIN} characters` : needsNew && again && again !== next ? 'The two passphrases differ' : null;
  const ready = (action === 'encrypt' || current.length > 0) && (!needsNew || (next.length > 0 && next === again && !problem));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await call('study:encryption', { action, passphrase: action === 'encrypt' ? undefined : current, newPassphrase: needsNew ? next : undefined });
      reset();
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Tooltip label={encrypted ? 'Encrypted with a passphrase' : 'Not encrypted'}>
        <ActionIcon
          variant="subtle"
          color={encrypted ? 'teal' : 'gray'}
          aria-label={encrypted ? 'Encryption: encrypted' : 'Encryption: not encrypted'}
          onClick={() => {
            setAction(encrypted ? 'rekey' : 'encrypt');
            setOpen(true);
          }}
          data-testid="encryption-button"
        >
          {encrypted ? <IconLock size={18} /> : <IconLockOpen size={18} />}
        </ActionIcon>
      </Tooltip>
      <Modal opened={open} onClose={close} title={encrypted ? 'This study is encrypted' : 'Encrypt this study'} data-testid="encryption-dialog">
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap="sm">
            {encrypted && (
              <SegmentedControl
                value={action}
                onChange={(v) => setAction(v as Action)}
                data={[
                  { value: 'rekey', label: 'Change passphrase' },
                  { value: 'decrypt', label: 'Remove encryption' },
                ]}
              />
            )}
            <Text size="sm">
              {action === 'decrypt'
                ? 'The study becomes a plain file: anyone with a copy of it can read the transcripts.'
                : 'The study file and its log are encrypted; opening it needs the passphrase. If the passphrase is lost, nothing can open the study: keep it somewhere safe.'}
            </Text>
            {action !== 'encrypt' && (
              <PasswordInput label="Current passphrase" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} autoComplete="off" data-testid="encryption-current" />
            )}
            {needsNew && (
              <>
                <PasswordInput label="New passphrase" value={next} onChange={(e) => setNext(e.currentTarget.value)} autoComplete="off" data-testid="encryption-new" />
                <PasswordInput label="The same passphrase again" value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={problem ?? undefined} autoComplete="off" data-testid="encryption-again" />
              </>
            )}
            {error && (
              <Alert color="red" data-testid="encryption-error">
                {error}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                Cancel
              </Button>
              <Button type="submit" loading={busy} disabled={!ready} color={action === 'decrypt' ? 'red' : undefined} data-testid="encryption-submit">
                {action === 'encrypt' ? 'Encrypt' : action === 'decrypt' ? 'Remove encryption' : 'Change passphrase'}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
