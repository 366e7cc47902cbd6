import { useState } from 'react';
import type { JobSpec } from '../../../shared/ipc/contract';
import { errorMessage, getBridge } from '../../bridge';
import { useJob, useJobs } from '../jobs/JobsProvider';

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Starts import jobs (by path or by content) and exposes the latest one's state. */
export function useImport() {
  const { startJob } = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId);

  const start = async (spec: JobSpec) => {
    setError(null);
    try {
      setJobId(await startJob(spec));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const importPaths = (paths: string[]) => start({ kind: 'import', paths });

  /**
   * Electron can tell us where a dropped file lives, so the core reads it (and records the
   * source path). A browser cannot, so we send the bytes instead.
   */
  const importDropped = async (files: File[]) => {
    if (files.length === 0) return;
    const pathForFile = getBridge().pathForFile;
    const paths = pathForFile ? files.map((f) => pathForFile(f)) : [];
    if (paths.length > 0 && paths.every(Boolean)) return importPaths(paths);
    try {
      const contents = await Promise.all(files.map(async (f) => ({ name: f.name, dataBase64: await readAsBase64(f) })));
      await start({ kind: 'importContent', files: contents });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const clear = () => {
    setJobId(null);
    setError(null);
  };

  return { job, error, importPaths, importDropped, clear };
}
