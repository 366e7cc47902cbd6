// Tracks every job the renderer has heard of, keyed by id, so a feature that starts a job can
// read its progress and outcome even when `jobs:finished` arrives before `jobs:start` resolves.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { JobKind, JobFinished, JobProgress } from '../../../shared/domain';
import type { JobSpec } from '../../../shared/ipc/contract';
import { call } from '../../bridge';
import { useBridgeEvent } from '../../hooks/useBridgeEvent';

export interface JobState {
  jobId: string;
  kind: JobKind;
  startedAt: number;
  progress: JobProgress | null;
  finished: JobFinished | null;
}

interface JobsContextValue {
  jobs: Record<string, JobState>;
  /** The job shown in the global panel: the newest one, running or finished and not dismissed. */
  currentId: string | null;
  startJob: (spec: JobSpec) => Promise<string>;
  cancelJob: (jobId: string) => Promise<void>;
  dismiss: (jobId: string) => void;
  /** Dismisses every finished job: their outcome belonged to the study that was open (called when another opens or it closes). */
  dismissFinished: () => void;
}

const JobsContext = createContext<JobsContextValue | null>(null);

const kindOf = (spec: JobSpec): JobKind => (spec.kind === 'importContent' ? 'import' : spec.kind);

function upsert(jobs: Record<string, JobState>, jobId: string, kind: JobKind, patch: Partial<JobState>) {
  const prev = jobs[jobId] ?? { jobId, kind, startedAt: Date.now(), progress: null, finished: null };
  return { ...jobs, [jobId]: { ...prev, ...patch } };
}

export function JobsProvider({ children }: { children: ReactNode }) {
  const [jobs, setJobs] = useState<Record<string, JobState>>({});
  const [dismissed, setDismissed] = useState<Set<string>>(() => new Set());

  useBridgeEvent('jobs:progress', (p) => setJobs((js) => (js[p.jobId]?.finished ? js : upsert(js, p.jobId, p.kind, { progress: p }))));
  useBridgeEvent('jobs:finished', (f) => setJobs((js) => upsert(js, f.jobId, f.kind, { finished: f })));

  const startJob = useCallback(async (spec: JobSpec) => {
    const { jobId } = await call('jobs:start', spec);
    setJobs((js) => upsert(js, jobId, kindOf(spec), {}));
    return jobId;
  }, []);

  const cancelJob = useCallback(async (jobId: string) => {
    await call('jobs:cancel', { jobId });
  }, []);

  const dismiss = useCallback((jobId: string) => setDismissed((d) => new Set(d).add(jobId)), []);
  const jobsNow = useRef(jobs);
  jobsNow.current = jobs;
  const dismissFinished = useCallback(() => {
    const finished = Object.values(jobsNow.current).filter((j) => j.finished).map((j) => j.jobId);
    if (finished.length > 0) setDismissed((d) => new Set([...d, ...finished]));
  }, []);

  const value = useMemo<JobsContextValue>(() => {
    const visible = Object.values(jobs)
      .filter((j) => !dismissed.has(j.jobId))
      .sort((a, b) => b.startedAt - a.startedAt);
    const running = visible.find((j) => !j.finished);
    return { jobs, currentId: (running ?? visible[0])?.jobId ?? null, startJob, cancelJob, dismiss, dismissFinished };
  }, [jobs, dismissed, startJob, cancelJob, dismiss, dismissFinished]);

  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}

export function useJobs(): JobsContextValue {
  const ctx = useContext(JobsContext);
  if (!ctx) throw new Error('useJobs needs a JobsProvider');
  return ctx;
}

/** The live state of one job, or null before it is known. */
export function useJob(jobId: string | null): JobState | null {
  const { jobs } = useJobs();
  return jobId ? (jobs[jobId] ?? null) : null;
}

/** True while any job of this kind is running; used to disable buttons that would start another. */
export function useIsRunning(kind: JobKind): boolean {
  const { jobs } = useJobs();
  return Object.values(jobs).some((j) => j.kind === kind && !j.finished);
}
