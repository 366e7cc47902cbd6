import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate } from '../../../electron/main/menu';

const fileMenu = (recent: string[], sent: unknown[]) =>
  menuTemplate(recent, (c, p) => sent.push([c, p]), false).find((m) => m.label === 'File')!
    .submenu as MenuItemConstructorOptions[];

describe('the File menu', () => {
  it('offers New, Open, Open Recent, Import and Export, each sending its command', () => {
    const sent: unknown[] = [];
    const items = fileMenu(['/r/a.grounded'], sent);
    for (const label of ['New Study…', 'Open Study…', 'Import Transcripts…', 'Export Personas…']) {
      const item = items.find((i) => i.label === label)!;
      (item.click as () => void)();
    }
    const recent = (items.find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[])[0]!;
    (recent.click as () => void)();
    expect(sent).toEqual([
      ['newStudy', undefined],
      ['openStudy', undefined],
      ['import', undefined],
      ['export', undefined],
      ['openRecent', '/r/a.grounded'],
    ]);
  });

  it('says so when there is no recent study', () => {
    const items = fileMenu([], []);
    const recent = items.find((i) => i.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[];
    expect(recent).toEqual([{ label: 'No recent studies', enabled: false }]);
  });
});
