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
  // Filled buttons, badges and segmented controls pick black or white text by the colour behind it.
  // 0.179 is where black and white have equal contrast on a colour; Mantine's default 0.3 picks white
  // text at 3.1:1 on teal-7.
  autoContrast: true,
  luminanceThreshold: 0.179,
  components: {
    // Mantine's close buttons are icons with no name; a screen reader would announce "button".
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
    // A NavLink without href renders an <a> that Tab skips; a button is reachable and says what it is.
    NavLink: NavLink.extend({ defaultProps: { component: 'button' } }),
  },
});

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** `hex` darkened (mixed with black) until it has `ratio` contrast on white. */
export function darkEnoughOnWhite(hex: string, ratio: number): string {
  for (let k = 1; k > 0; k -= 0.02) {
    const mixed = `#${[1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * k).toString(16).padStart(2, '0')).join('')}`;
    if (1.05 / (luminance(mixed) + 0.05) >= ratio) return mixed;
  }
  return '#000000';
}

/**
 * Contrast (axe-core, WCAG AA 4.5:1 for text) in both colour schemes. Mantine's dimmed text (gray-6
 * on white, 3.3:1; dark-2 on dark-7, 4.0:1) and its coloured text (shade 6 on a 10% tint of itself,
 * about 3.9:1; orange-9 on white is still 4.3:1, yellow-9 3.0:1) are too faint for small text. In
 * light colours, text, outline and light-variant colours are each palette's shade 9 darkened until it
 * reaches 6:1 on white (so 4.5:1 on its own tints and on the hover tint, shade 1); in dark colours
 * they take shade 2-3.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = { '--mantine-color-dimmed': '#5c636a' };
  const dark: Record<string, string> = { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' };
  for (const [color, shades] of Object.entries(DEFAULT_THEME.colors)) {
    const ink = darkEnoughOnWhite(shades[9], 6);
    light[`--mantine-color-${color}-light-color`] = ink;
    light[`--mantine-color-${color}-text`] = ink;
    light[`--mantine-color-${color}-outline`] = ink;
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
