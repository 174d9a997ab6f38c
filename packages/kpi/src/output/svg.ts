/** Escapes text for HTML and SVG. @internal */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const fmt = (x: number) => String(Math.round(x * 100) / 100);

/** One bar of a bar chart. @internal */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly max: number;
  readonly tone?: 'good' | 'warn' | 'bad' | undefined;
}

const TONES = { good: '#2e7d32', warn: '#f9a825', bad: '#c62828' } as const;

function tone(bar: Bar): string {
  if (bar.tone) return TONES[bar.tone];
  const r = bar.max > 0 ? bar.value / bar.max : 1;
  return r >= 0.999 ? TONES.good : r >= 0.6 ? TONES.warn : TONES.bad;
}

/** A horizontal bar chart: grey track = max, coloured bar = value. @internal */
export function barChart(id: string, title: string, bars: readonly Bar[], marker?: number): string {
  const labelW = 220;
  const trackW = 420;
  const rowH = 26;
  const top = 30;
  const width = labelW + trackW + 90;
  const height = top + bars.length * rowH + 10;
  const scaleMax = Math.max(1e-9, ...bars.map((b) => Math.max(b.max, b.value)));
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${esc(id)}" role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<text x="0" y="18" font-size="14" font-weight="bold" fill="#222">${esc(title)}</text>`,
  ];
  bars.forEach((bar, i) => {
    const y = top + i * rowH;
    const trackLen = (bar.max / scaleMax) * trackW;
    const len = (Math.max(0, bar.value) / scaleMax) * trackW;
    parts.push(
      `<text x="${labelW - 8}" y="${y + 15}" font-size="12" text-anchor="end" fill="#333">${esc(bar.label)}</text>`,
      `<rect x="${labelW}" y="${y + 3}" width="${fmt(trackLen)}" height="16" fill="#e0e0e0"/>`,
      `<rect x="${labelW}" y="${y + 3}" width="${fmt(len)}" height="16" fill="${tone(bar)}"><title>${esc(bar.label)}: ${fmt(bar.value)} / ${fmt(bar.max)}</title></rect>`,
      `<text x="${labelW + trackW + 6}" y="${y + 15}" font-size="12" fill="#333">${fmt(bar.value)} / ${fmt(bar.max)}</text>`,
    );
  });
  if (marker !== undefined) {
    const x = labelW + (marker / scaleMax) * trackW;
    parts.push(
      `<line x1="${fmt(x)}" y1="${top - 4}" x2="${fmt(x)}" y2="${height - 6}" stroke="#555" stroke-dasharray="4 3"/>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/** A line chart of totals over periods with a dashed pass line. @internal */
export function lineChart(
  id: string,
  title: string,
  points: readonly { label: string; value: number }[],
  max: number,
  passMark: number,
): string {
  const width = 640;
  const height = 240;
  const left = 40;
  const right = 20;
  const top = 30;
  const bottom = 40;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (Math.max(0, Math.min(max, v)) / max) * plotH;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${esc(id)}" role="img" aria-label="${esc(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<text x="0" y="18" font-size="14" font-weight="bold" fill="#222">${esc(title)}</text>`,
    `<rect x="${left}" y="${top}" width="${plotW}" height="${plotH}" fill="#fafafa" stroke="#ccc"/>`,
    `<line x1="${left}" y1="${fmt(y(passMark))}" x2="${left + plotW}" y2="${fmt(y(passMark))}" stroke="#c62828" stroke-dasharray="5 4"/>`,
    `<text x="${left - 4}" y="${fmt(y(passMark) + 4)}" font-size="10" text-anchor="end" fill="#c62828">${fmt(passMark)}</text>`,
    `<text x="${left - 4}" y="${top + 4}" font-size="10" text-anchor="end" fill="#555">${fmt(max)}</text>`,
  ];
  if (points.length > 0) {
    parts.push(
      `<polyline fill="none" stroke="#1565c0" stroke-width="2.5" points="${points.map((p, i) => `${fmt(x(i))},${fmt(y(p.value))}`).join(' ')}"/>`,
    );
  }
  points.forEach((p, i) => {
    parts.push(
      `<circle cx="${fmt(x(i))}" cy="${fmt(y(p.value))}" r="4" fill="#1565c0"><title>${esc(p.label)}: ${fmt(p.value)}</title></circle>`,
      `<text x="${fmt(x(i))}" y="${fmt(y(p.value) - 8)}" font-size="11" text-anchor="middle" fill="#1565c0">${fmt(p.value)}</text>`,
      `<text x="${fmt(x(i))}" y="${height - bottom + 16}" font-size="11" text-anchor="middle" fill="#333">${esc(p.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
