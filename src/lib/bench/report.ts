/** Formatting for benchmark results: units people read at a glance, and Markdown tables that paste into BENCHMARKS.md. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** "12.3 s" from milliseconds; sub-second values keep two decimals, missing values read "–". */
export function formatSeconds(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  const seconds = ms / 1000;
  return `${seconds < 1 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

/** A duration for a benchmark table cell: "820 ms" below a second, else seconds as `formatSeconds` gives them, so a column of phases reads in one unit style. */
export function formatTableDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : formatSeconds(ms);
}

export function formatRatio(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export type Align = 'left' | 'right';

/** A Markdown table; numeric columns are usually right-aligned so digits line up in the rendered table. */
export function formatTable(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const widths = headers.map((header, column) => Math.max(3, header.length, ...rows.map((row) => escape(row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${widths.map((width, column) => {
      const cell = escape(cells[column] ?? '');
      return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
    }).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (align[column] === 'right' ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}
