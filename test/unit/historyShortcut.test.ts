import { describe, expect, it } from 'vitest';
import { historyShortcut } from '../../renderer/features/history/useHistory';

const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean; alt?: boolean } = {}) => ({
  key: k,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  shiftKey: mods.shift ?? false,
  altKey: mods.alt ?? false,
});

describe('undo/redo shortcuts', () => {
  it('reads Ctrl/Cmd+Z as undo, with Shift (or Ctrl+Y) as redo', () => {
    expect(historyShortcut(key('z', { ctrl: true }))).toBe('undo');
    expect(historyShortcut(key('z', { meta: true }))).toBe('undo');
    // With Shift held the browser reports a capital Z.
    expect(historyShortcut(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(historyShortcut(key('Z', { meta: true, shift: true }))).toBe('redo');
    expect(historyShortcut(key('y', { ctrl: true }))).toBe('redo');
  });

  it('leaves other keys alone: plain z, Alt combinations, Ctrl+Shift+Y', () => {
    expect(historyShortcut(key('z'))).toBeNull();
    expect(historyShortcut(key('Z', { shift: true }))).toBeNull();
    expect(historyShortcut(key('z', { ctrl: true, alt: true }))).toBeNull();
    expect(historyShortcut(key('Y', { ctrl: true, shift: true }))).toBeNull();
    expect(historyShortcut(key('x', { ctrl: true }))).toBeNull();
  });
});
