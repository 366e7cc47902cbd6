import { CloseButton, Kbd, TextInput } from '@mantine/core';
import { useMediaQuery, useWindowEvent } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef } from 'react';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** Focusing a box that still holds a query brings its results back. */
  onFocus: () => void;
}

/** The header's search over every transcript's turns. */
export function SearchBox({ value, onChange, onFocus }: Props) {
  const input = useRef<HTMLInputElement>(null);
  // Mantine's lg breakpoint (75em): below it the box is narrow and the placeholder one word.
  const wide = useMediaQuery('(min-width: 75em)');
  // "/" focuses the box from anywhere but a field, as in most apps with one search box.
  useWindowEvent('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (target?.closest('input, textarea, select, [contenteditable=true]')) return;
    e.preventDefault();
    input.current?.focus();
  });

  return (
    <TextInput
      ref={input}
      role="searchbox"
      aria-label="Search transcripts"
      placeholder={wide ? 'Search all transcripts' : 'Search'}
      data-testid="search-input"
      w={{ base: 170, lg: 360 }}
      style={{ flexShrink: 1, minWidth: 140 }}
      radius="xl"
      leftSection={<IconSearch size={16} />}
      rightSection={
        value ? (
          <CloseButton size="sm" aria-label="Clear search" onClick={() => onChange('')} />
        ) : (
          <Kbd size="xs" c="dimmed">
            /
          </Kbd>
        )
      }
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onFocus={onFocus}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onChange('');
      }}
    />
  );
}
