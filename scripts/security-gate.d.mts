// Types for scripts/security-gate.mjs, so TypeScript tests can import it.
export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';

export interface Finding {
  check: string;
  severity: Severity | string;
  /** The tool's own rating when the scan raised it (see ESCALATED in security-scan.mjs). */
  toolSeverity?: string;
  confidence?: string;
  /** Repository-relative, forward slashes; "N/A" for app-wide findings. */
  file: string;
  line?: number;
  column?: number;
  sample?: string;
  description?: string;
}

export interface AllowlistEntry {
  check: string;
  file: string;
  reason: string;
  /** YYYY-MM-DD */
  reviewed: string;
  count?: number;
}

export type Allowlist = AllowlistEntry[] | { entries: AllowlistEntry[]; [key: string]: unknown };

export interface Evaluation {
  ok: boolean;
  findings: { finding: Finding; status: 'allowed' | 'unjustified' | 'reported'; entry?: AllowlistEntry }[];
  stale: { entry: AllowlistEntry; matched: number }[];
  problems: string[];
  counts: { findings: number; gating: number; allowed: number; unjustified: number; reported: number; stale: number; problems: number };
}

export const GATING_SEVERITIES: readonly Severity[];
export function isGating(finding: Finding): boolean;
export function entriesOf(allowlist: unknown): AllowlistEntry[];
export function validateAllowlist(allowlist: unknown): string[];
export function evaluate(findings: Finding[], allowlist: unknown): Evaluation;
export function formatReport(result: Evaluation): string[];
export function summaryLine(result: Pick<Evaluation, 'counts'>): string;
