// Creating a study in a folder that does not exist asks first: the core refuses with code
// 'no_folder' and creates nothing until the call says createFolders (the researcher agreed).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreHost } from '../../electron/core/host/inProcess';
import { useTmpDir } from '../helpers/tmp';

const tmp = useTmpDir();

describe('study:create in a folder that does not exist', () => {
  it('creates no folder until the researcher agrees, then creates folders and study', async () => {
    const dir = tmp();
    const host = await createCoreHost({ settingsDir: join(dir, 'settings') });
    const h = host.core.handlers();
    const missing = join(dir, 'typo', 'nested');
    const path = join(missing, 'study.grounded');
    await expect(Promise.resolve().then(() => h['study:create']({ path }))).rejects.toMatchObject({
      code: 'no_folder',
      message: `The folder ${missing} does not exist. Create it and the study in it?`,
    });
    expect(existsSync(join(dir, 'typo'))).toBe(false);
    const info = await h['study:create']({ path, createFolders: true });
    expect(info.path).toBe(path);
    expect(existsSync(path)).toBe(true);
    // In a folder that exists nothing is asked.
    await h['study:close']({});
    expect((await h['study:create']({ path: join(dir, 'second.grounded') })).path).toBe(join(dir, 'second.grounded'));
  });
});
