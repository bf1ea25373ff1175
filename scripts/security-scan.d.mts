// Types for scripts/security-scan.mjs, so TypeScript tests can import it.
import type { Finding } from './security-gate.mjs';

export const ALLOWLIST_FILE: string;
export const EXCLUDED_CHECKS: Record<string, string>;
export const ESCALATED: Record<string, string>;

export interface ScanResult {
  findings: Finding[];
  tool: { version: string; globalChecks: number; atomicChecks: number };
  files: number;
  electronVersion: string;
}

/** Electronegativity over `root/input` (default: the repository's src/) plus our own checks. */
export function scan(options?: { root?: string; input?: string; electronVersion?: string; csp?: boolean }): Promise<ScanResult>;
export function electronVersionOf(root?: string): string;
