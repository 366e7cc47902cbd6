import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers only point down (lint rule)', () => {
  it.each([
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['shared/x.ts', "import { Core } from '../electron/core/service';\nexport const a = Core;\n"],
    ['renderer/features/x/y.ts', "import { Core } from '../../../electron/core/service';\nexport const a = Core;\n"],
    ['renderer/features/x/y.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/core/x.ts', "import { registerIpc } from '../main/ipc';\nexport const a = registerIpc;\n"],
  ])('%s may not import upward: %s', async (file, source) => {
    expect(await importErrors(file, source)).not.toEqual([]);
  });

  it.each([
    ['renderer/features/x/y.ts', "import { contract } from '../../../shared/ipc/contract';\nexport const a = contract;\n"],
    ['electron/core/x.ts', "import { contract } from '../../shared/ipc/contract';\nexport const a = contract;\n"],
    ['electron/main/x.ts', "import { Core } from '../core/service';\nexport const a = Core;\n"],
  ])('%s may import downward', async (file, source) => {
    expect(await importErrors(file, source)).toEqual([]);
  });
});
