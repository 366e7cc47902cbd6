import type { SynthesisSummary } from '../../../shared/domain';

const W = 320;
const H = 120;
const PAD = { left: 28, right: 8, top: 8, bottom: 20 };

/** Cumulative themes after each interview: a curve that flattens means later interviews add little. */
export function SaturationChart({ curve }: { curve: SynthesisSummary['saturation']['curve'] }) {
  const n = curve.length;
  const max = Math.max(1, ...curve.map((c) => c.cumulativeThemes));
  const x = (i: number) => PAD.left + (n <= 1 ? 0 : (i / (n - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const points = curve.map((c, i) => `${x(i)},${y(c.cumulativeThemes)}`).join(' ');
  const axis = 'var(--mantine-color-gray-5)';

  return (
    <svg
      data-testid="saturation-chart"
      role="img"
      aria-label={`Cumulative themes per interview: ${curve.map((c) => c.cumulativeThemes).join(', ')}`}
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      style={{ maxWidth: W }}
    >
      <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke={axis} />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke={axis} />
      <text x={PAD.left - 4} y={y(max) + 4} textAnchor="end" fontSize={10} fill={axis}>
        {max}
      </text>
      <text x={PAD.left - 4} y={y(0) + 4} textAnchor="end" fontSize={10} fill={axis}>
        0
      </text>
      <text x={(W + PAD.left) / 2} y={H - 4} textAnchor="middle" fontSize={10} fill={axis}>
        interviews, in order
      </text>
      {n > 1 && <polyline points={points} fill="none" stroke="var(--mantine-color-indigo-6)" strokeWidth={2} />}
      {curve.map((c, i) => (
        <circle key={c.transcriptId} cx={x(i)} cy={y(c.cumulativeThemes)} r={3} fill="var(--mantine-color-indigo-6)">
          <title>{`${c.fileName}: ${c.cumulativeThemes} themes so far (+${c.newThemes})`}</title>
        </circle>
      ))}
    </svg>
  );
}
