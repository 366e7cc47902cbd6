import { createTheme, DEFAULT_THEME, Modal, NavLink, type CSSVariablesResolver } from '@mantine/core';

// System fonts only: the app never fetches a font, and the OS face reads as native.
const systemSans =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  // White on indigo-6 is 4.3:1, under WCAG AA's 4.5:1 for button labels; indigo-7 is 5.0:1, indigo-8 5.7:1.
  primaryShade: { light: 7, dark: 8 },
  fontFamily: systemSans,
  headings: { fontFamily: systemSans, fontWeight: '650' },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Mantine's close buttons are icons with no name; a screen reader would announce "button".
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A NavLink without href renders an <a> that Tab skips; a button is reachable and says what it is.
    NavLink: NavLink.extend({ defaultProps: { component: 'button' } }),
  },
});

/**
 * Contrast (axe-core, WCAG AA 4.5:1 for text) in both colour schemes: Mantine's dimmed text (gray-6
 * on white, 3.3:1; dark-2 on dark-7, 4.0:1) and its light variants (shade 6 on a 10% tint, about
 * 3.9:1; shade 8 on an active nav link's tint is still 4.46:1) are too faint for small text, so
 * they take shade 9 (light) or 2 (dark).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = { '--mantine-color-dimmed': '#5c636a' };
  const dark: Record<string, string> = { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' };
  for (const color of Object.keys(DEFAULT_THEME.colors)) {
    light[`--mantine-color-${color}-light-color`] = `var(--mantine-color-${color}-9)`;
    light[`--mantine-color-${color}-text`] = `var(--mantine-color-${color}-8)`;
    light[`--mantine-color-${color}-light-hover`] = `var(--mantine-color-${color}-1)`;
    dark[`--mantine-color-${color}-light-color`] = `var(--mantine-color-${color}-2)`;
    dark[`--mantine-color-${color}-text`] = `var(--mantine-color-${color}-3)`;
  }
  return { variables: {}, light, dark };
};

/** The app's background behind cards: a light grey, or the darkest dark. */
export const APP_BACKGROUND = 'light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))';

/** Stable colours for speakers and personas, in the order they are first seen. */
export const SPEAKER_COLORS = ['blue', 'grape', 'teal', 'orange', 'pink', 'cyan', 'lime', 'violet', 'yellow', 'red'] as const;
