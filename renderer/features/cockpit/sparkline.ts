/**
 * A tile's small trend line as SVG polyline points: the figures in order,
 * spread over `width` and fitted to `height` between their own low and high
 * (a flat series draws a middle line). Gaps (null) split the line.
 */

/** Polyline point lists, one per unbroken run of figures, in a `width` × `height` box (y down). */
export function sparklineRuns(values: readonly (number | null)[], width: number, height: number): string[] {
  const known = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (known.length === 0) return [];
  const low = Math.min(...known);
  const high = Math.max(...known);
  const stepX = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (value: number) => (high === low ? height / 2 : height - ((value - low) / (high - low)) * height);
  const runs: string[] = [];
  let run: string[] = [];
  values.forEach((value, index) => {
    if (value === null || !Number.isFinite(value)) {
      if (run.length) runs.push(run.join(' '));
      run = [];
      return;
    }
    run.push(`${(index * stepX).toFixed(1)},${y(value).toFixed(1)}`);
  });
  if (run.length) runs.push(run.join(' '));
  return runs;
}

const HOUR_MS = 3_600_000;

/**
 * How many of `cityTimesMs` (city-clock instants) fall in each hour of the
 * city's day from its start up to the hour holding `cityNowMs`: a tile's
 * "per hour today" line. Hours are counted from the day's start, so a
 * 25-hour autumn day has 25.
 */
export function countPerHour(cityTimesMs: Iterable<number>, dayStartMs: number, cityNowMs: number): number[] {
  const hours = Math.max(1, Math.floor((cityNowMs - dayStartMs) / HOUR_MS) + 1);
  const counts = new Array<number>(hours).fill(0);
  for (const ms of cityTimesMs) {
    if (ms < dayStartMs || ms > cityNowMs) continue;
    const hour = Math.floor((ms - dayStartMs) / HOUR_MS);
    if (hour < hours) counts[hour]!++;
  }
  return counts;
}
