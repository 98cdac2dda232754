import { Box, useMantineTheme } from '@mantine/core';

export interface RadarAxis {
  label: string;
  /** 0-100. */
  value: number;
}

/** A small SVG radar of resource dimensions (0-100 each), with each value also written at its axis. */
export function RadarChart({ axes, color = 'blue', size = 260 }: { axes: RadarAxis[]; color?: string; size?: number }) {
  const theme = useMantineTheme();
  const stroke = theme.colors[color]?.[6] ?? color;
  const c = size / 2;
  const r = size / 2 - 48;
  const point = (i: number, v: number) => {
    const angle = (Math.PI * 2 * i) / axes.length - Math.PI / 2;
    return [c + Math.cos(angle) * r * (v / 100), c + Math.sin(angle) * r * (v / 100)] as const;
  };
  const polygon = axes.map((a, i) => point(i, Math.max(0, Math.min(100, a.value))).join(',')).join(' ');
  const summary = axes.map((a) => `${a.label} ${a.value.toFixed(0)}%`).join(', ');
  return (
    <Box component="svg" viewBox={`0 0 ${size} ${size}`} w="100%" maw={size} role="img" aria-label={`Resource radar: ${summary}`}>
      {[25, 50, 75, 100].map((ring) => (
        <polygon
          key={ring}
          points={axes.map((_, i) => point(i, ring).join(',')).join(' ')}
          fill="none"
          stroke="currentColor"
          strokeOpacity={0.15}
        />
      ))}
      {axes.map((a, i) => {
        const [x, y] = point(i, 100);
        const [lx, ly] = point(i, 128);
        return (
          <g key={a.label}>
            <line x1={c} y1={c} x2={x} y2={y} stroke="currentColor" strokeOpacity={0.15} />
            <text x={lx} y={ly} fontSize={11} textAnchor="middle" dominantBaseline="middle" fill="currentColor">
              {a.label} {a.value.toFixed(0)}%
            </text>
          </g>
        );
      })}
      <polygon points={polygon} fill={stroke} fillOpacity={0.25} stroke={stroke} strokeWidth={2} />
    </Box>
  );
}
