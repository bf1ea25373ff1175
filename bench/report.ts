/** Prints one benchmark figure beside its target: `name: value unit (target ≤ T unit) ok|MISSED`. */
export function report(name: string, value: number, unit: string, target: number): void {
  const verdict = value <= target ? 'ok' : 'MISSED';
  console.log(`${name}: ${value.toFixed(2)} ${unit} (target ≤ ${target} ${unit}) ${verdict}`);
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
