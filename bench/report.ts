/**
 * The one output format of every benchmark: `BENCH <name> <value> <unit>`.
 */
export function report(name: string, value: number, unit: string): void {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bench name ${JSON.stringify(name)} must be snake_case`);
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
  process.stdout.write(`BENCH ${name} ${shown} ${unit}\n`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
