import { useRef, useState } from 'react';
import type { FilePreview, SpeakerChoices } from '../../../shared/domain';
import type { JobSpec } from '../../../shared/ipc/contract';
import { call, errorMessage, getBridge } from '../../bridge';
import { useJob, useJobs } from '../jobs/JobsProvider';

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** Paths the researcher chose, and what the core found in them; `files` is null while it reads. */
export interface PendingImport {
  paths: string[];
  files: FilePreview[] | null;
}

/**
 * Starts import jobs and exposes the latest one's state. By path, the core previews the files
 * first and the job starts only once the researcher confirms; by content (a browser drop) it
 * starts at once, as there is no path to preview.
 */
export function useImport() {
  const { startJob } = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId);
  const [pending, setPending] = useState<PendingImport | null>(null);
  // A preview answered after the researcher cancelled it, or after a newer one, is dropped.
  const previewSeq = useRef(0);

  const start = async (spec: JobSpec) => {
    setError(null);
    try {
      setJobId(await startJob(spec));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const importPaths = async (paths: string[]) => {
    const seq = ++previewSeq.current;
    setError(null);
    setPending({ paths, files: null });
    try {
      const { files } = await call('transcripts:preview', { paths });
      if (seq === previewSeq.current) setPending({ paths, files });
    } catch (err) {
      if (seq !== previewSeq.current) return;
      setPending(null);
      setError(errorMessage(err));
    }
  };

  /** Imports what was previewed; failed and duplicate files are reported by the job and skipped. */
  const confirmImport = async (speakers: Record<string, SpeakerChoices>) => {
    if (!pending) return;
    previewSeq.current++;
    setPending(null);
    await start({ kind: 'import', paths: pending.paths, ...(Object.keys(speakers).length > 0 && { speakers }) });
  };

  const cancelImport = () => {
    previewSeq.current++;
    setPending(null);
  };

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

  return { job, error, pending, importPaths, confirmImport, cancelImport, importDropped, clear };
}
