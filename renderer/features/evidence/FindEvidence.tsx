import { ActionIcon, Alert, Select, SegmentedControl, Skeleton, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useCoreQuery } from '../../hooks/useCoreQuery';
import { ThemeQuotesList } from '../themes/ThemeQuotesList';
import { AddToBulletMenu } from './AddToBulletMenu';
import { QuoteRow } from './QuoteRow';
import { useQuoteSearch } from './useQuoteSearch';
import { useWorkspace, type BulletRef } from './workspace';

const refKey = (r: BulletRef) => `${r.section}:${r.index}`;

/** Finds quotes to cite: by words, or by browsing a theme. Drag one onto a bullet, or add it to the bullet picked here. */
export function FindEvidence({ initial }: { initial: BulletRef | null }) {
  const ws = useWorkspace();
  const [mode, setMode] = useState<'search' | 'theme'>('search');
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const [target, setTarget] = useState<string | null>(initial ? refKey(initial) : null);
  const bullet = ws.editor?.bullets.find((b) => refKey(b.ref) === target) ?? null;
  const search = useQuoteSearch(debounced);
  const themes = useCoreQuery('themes:list', {}, { enabled: mode === 'theme' });
  const [themeId, setThemeId] = useState<string | null>(null);
  const theme = themes.data?.find((t) => String(t.id) === themeId);

  return (
    <Stack gap="sm" data-testid="find-evidence">
      {ws.editor && (
        <Select
          size="xs"
          label="Add to"
          placeholder="Pick a bullet, or drag quotes onto one"
          value={target}
          onChange={setTarget}
          clearable
          data={ws.editor.bullets.map((b) => ({ value: refKey(b.ref), label: `${b.label} ${b.ref.index + 1}: ${b.text.slice(0, 50) || '(empty)'}` }))}
          data-testid="find-target"
        />
      )}
      <SegmentedControl
        size="xs"
        value={mode}
        onChange={(v) => setMode(v === 'theme' ? 'theme' : 'search')}
        data={[
          { value: 'search', label: 'Search quotes' },
          { value: 'theme', label: 'Browse a theme' },
        ]}
      />
      {mode === 'search' ? (
        <>
          <TextInput
            leftSection={<IconSearch size={14} />}
            placeholder="Words a participant said"
            aria-label="Search quotes"
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            data-autofocus
            data-testid="find-query"
          />
          {search.error && <Alert color="red">{search.error.message}</Alert>}
          {search.loading && !search.results && <Skeleton h={80} />}
          {debounced && search.results?.length === 0 && (
            <Text size="sm" c="dimmed">
              No quote says “{debounced}”.
            </Text>
          )}
          <Stack gap={0} data-testid="find-results">
            {search.results?.map((q) => {
              const cited = bullet?.evidence.includes(q.id) ?? false;
              return (
                <QuoteRow
                  key={q.id}
                  quote={q}
                  testId="find-result"
                  onOpen={() => ws.show({ kind: 'quote', quoteId: q.id })}
                  actions={
                    !bullet ? (
                      <AddToBulletMenu quoteId={q.id} />
                    ) : (
                      <Tooltip label={cited ? 'Already cited by this bullet' : `Add to ${bullet.label} ${bullet.ref.index + 1}`} openDelay={300}>
                        <ActionIcon variant="light" aria-label="Add to the picked bullet" disabled={cited} onClick={() => ws.editor?.addEvidence(bullet.ref, q.id)} data-testid="find-add">
                          <IconPlus size={14} />
                        </ActionIcon>
                      </Tooltip>
                    )
                  }
                />
              );
            })}
          </Stack>
        </>
      ) : (
        <>
          <Select
            size="xs"
            label="Theme"
            placeholder="Pick a theme"
            searchable
            value={themeId}
            onChange={setThemeId}
            data={(themes.data ?? []).map((t) => ({ value: String(t.id), label: t.outlier ? 'Fits no theme' : `${t.label} (${t.size})` }))}
          />
          {theme && <ThemeQuotesList key={theme.id} theme={theme} themes={themes.data ?? []} curate={false} />}
        </>
      )}
    </Stack>
  );
}
