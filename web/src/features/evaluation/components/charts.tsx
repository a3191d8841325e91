import { Group, Text } from '@mantine/core';

export interface RadarSeries {
  label: string;
  color: string;
  values: number[];
}

/** An aspect radar (0–5) as plain SVG: one polygon per stage. */
export function RadarChart({
  labels,
  series,
  title,
}: {
  labels: string[];
  series: RadarSeries[];
  title: string;
}) {
  const size = 420;
  const c = size / 2;
  const r = 140;
  const n = labels.length;
  const pt = (k: number, v: number) => {
    const a = -Math.PI / 2 + (2 * Math.PI * k) / n;
    return [c + (r * v * Math.cos(a)) / 5, c + (r * v * Math.sin(a)) / 5] as const;
  };
  const poly = (values: number[]) => values.map((v, k) => pt(k, v).join(',')).join(' ');
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${size} ${size}`}
        width="100%"
        style={{ maxWidth: size }}
        role="img"
        aria-label={title}
      >
        {[1, 2, 3, 4, 5].map((ring) => (
          <polygon
            key={ring}
            points={poly(labels.map(() => ring))}
            fill="none"
            stroke="#cbd5e1"
            strokeWidth={0.7}
          />
        ))}
        {labels.map((label, k) => {
          const [x, y] = pt(k, 5);
          const [lx, ly] = pt(k, 5.85);
          return (
            <g key={label}>
              <line x1={c} y1={c} x2={x} y2={y} stroke="#cbd5e1" strokeWidth={0.7} />
              <text
                x={lx}
                y={ly}
                fontSize={11}
                textAnchor="middle"
                dominantBaseline="middle"
                fill="#334155"
              >
                {label}
              </text>
            </g>
          );
        })}
        {series.map((s) =>
          s.values.length === n ? (
            <polygon
              key={s.label}
              points={poly(s.values)}
              fill={s.color}
              fillOpacity={0.15}
              stroke={s.color}
              strokeWidth={2}
            >
              <title>{s.label}</title>
            </polygon>
          ) : null,
        )}
      </svg>
      <Group gap="md" justify="center">
        {series.map((s) => (
          <Group key={s.label} gap={4}>
            <span style={{ width: 12, height: 12, background: s.color, display: 'inline-block' }} />
            <Text size="xs">{s.label}</Text>
          </Group>
        ))}
      </Group>
    </figure>
  );
}

/** Index per year as SVG bars, one group per year (self, validated, external). */
export function TrendChart({
  points,
  title,
  format,
}: {
  points: { year: number; values: { label: string; color: string; value: number | null }[] }[];
  title: string;
  format: (v: number) => string;
}) {
  const h = 200;
  const groupW = 110;
  const w = Math.max(320, 50 + points.length * groupW);
  const y = (v: number) => h - 20 - (v / 5) * (h - 40);
  return (
    <svg
      viewBox={`0 0 ${w} ${h}`}
      width="100%"
      style={{ maxWidth: w }}
      role="img"
      aria-label={title}
    >
      {[0, 1, 2, 3, 4, 5].map((v) => (
        <g key={v}>
          <line x1={30} x2={w} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
          <text
            x={20}
            y={y(v)}
            fontSize={10}
            textAnchor="end"
            dominantBaseline="middle"
            fill="#64748b"
          >
            {v}
          </text>
        </g>
      ))}
      {points.map((p, k) => (
        <g key={p.year}>
          {p.values.map((s, j) =>
            s.value === null ? null : (
              <g key={s.label}>
                <rect
                  x={45 + k * groupW + j * 30}
                  y={y(s.value)}
                  width={26}
                  height={y(0) - y(s.value)}
                  fill={s.color}
                >
                  <title>{`${p.year} ${s.label}: ${format(s.value)}`}</title>
                </rect>
                <text
                  x={58 + k * groupW + j * 30}
                  y={y(s.value) - 4}
                  fontSize={9}
                  textAnchor="middle"
                  fill="#0f172a"
                >
                  {format(s.value)}
                </text>
              </g>
            ),
          )}
          <text x={45 + k * groupW + 45} y={h - 5} fontSize={11} textAnchor="middle" fill="#334155">
            {p.year}
          </text>
        </g>
      ))}
    </svg>
  );
}

export const STAGE_COLORS = { self: '#94a3b8', validated: '#1d4ed8', external: '#15803d' };
