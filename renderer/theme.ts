import { createTheme } from '@mantine/core';

// System fonts only: the app never fetches a font, and the OS face reads as native.
const systemSans =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 6,
  fontFamily: systemSans,
  headings: { fontFamily: systemSans, fontWeight: '650' },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  defaultRadius: 'md',
  cursorType: 'pointer',
});

/** Stable colours for speakers and personas, in the order they are first seen. */
export const SPEAKER_COLORS = ['blue', 'grape', 'teal', 'orange', 'pink', 'cyan', 'lime', 'violet', 'yellow', 'red'] as const;
