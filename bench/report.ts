/**
 * Prints one benchmark figure beside its target: `name: value unit (target ≤ T unit) ok|MISSED`.
 * `kind: 'min'` is for figures that must reach the target (throughput) rather than stay under it.
 */
export function report(name: string, value: number, unit: string, target: number, kind: 'max' | 'min' = 'max'): void {
  const met = kind === 'max' ? value <= target : value >= target;
  console.log(`${name}: ${value.toFixed(2)} ${unit} (target ${kind === 'max' ? '≤' : '≥'} ${target} ${unit}) ${met ? 'ok' : 'MISSED'}`);
}

/** Wall-clock milliseconds of each of `times` runs. */
export function timeIt(run: () => void, times: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}
