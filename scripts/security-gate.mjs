// The decision half of the security scan, free of Electronegativity so it can be unit tested:
// compares findings against the reviewed allow-list (security/electronegativity-allowlist.json).
//
// - A finding is { check, severity, confidence, file, line, column, sample, description }, with
//   `file` relative to the repository root (forward slashes) or "N/A" for app-wide findings.
// - An allow-list entry { check, file, reason, reviewed, count? } justifies `count` findings
//   (default 1) of that check in that file, wherever they are in it: unrelated edits that move
//   lines do not break it, but a second finding of the same check in the same file needs its own
//   review (raise `count` once you have looked at it).
// - HIGH and MEDIUM findings must be justified; LOW and INFORMATIONAL ones are only printed.
// - An entry that justifies fewer findings than its `count` is stale and fails the gate: remove it
//   or lower its count, so the list never vouches for code that is gone.

export const GATING_SEVERITIES = Object.freeze(['HIGH', 'MEDIUM']);
const SEVERITY_ORDER = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MIN_REASON_LENGTH = 20;

export function isGating(finding) {
  return GATING_SEVERITIES.includes(finding.severity);
}

/** The allow-list's entries: accepts the file's `{ entries: [...] }` form or a bare array. */
export function entriesOf(allowlist) {
  if (Array.isArray(allowlist)) return allowlist;
  if (allowlist && Array.isArray(allowlist.entries)) return allowlist.entries;
  throw new TypeError('The allow-list must be an array of entries or an object with an "entries" array.');
}

/** Problems with the allow-list itself, one message each; an empty array when it is well formed. */
export function validateAllowlist(allowlist) {
  const problems = [];
  let entries;
  try {
    entries = entriesOf(allowlist);
  } catch (error) {
    return [error.message];
  }
  const seen = new Set();
  entries.forEach((entry, index) => {
    const where = `allow-list entry ${index + 1}`;
    if (!entry || typeof entry !== 'object') return void problems.push(`${where}: not an object`);
    if (typeof entry.check !== 'string' || entry.check === '') problems.push(`${where}: "check" is missing`);
    if (typeof entry.file !== 'string' || entry.file === '') problems.push(`${where}: "file" is missing`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().length < MIN_REASON_LENGTH)
      problems.push(`${where} (${entry.check}): "reason" must say why this is safe here (${MIN_REASON_LENGTH}+ characters)`);
    if (typeof entry.reviewed !== 'string' || !DATE.test(entry.reviewed) || Number.isNaN(Date.parse(entry.reviewed)))
      problems.push(`${where} (${entry.check}): "reviewed" must be a date, YYYY-MM-DD`);
    if (entry.count !== undefined && !(Number.isInteger(entry.count) && entry.count >= 1))
      problems.push(`${where} (${entry.check}): "count" must be a whole number of at least 1`);
    const key = `${entry.check}\u0000${entry.file}`;
    if (seen.has(key)) problems.push(`${where}: a second entry for ${entry.check} in ${entry.file}; use "count" instead`);
    seen.add(key);
  });
  return problems;
}

/**
 * Matches findings to allow-list entries.
 * Returns { ok, findings: [{ finding, status: 'allowed' | 'unjustified' | 'reported', entry? }],
 * stale: [{ entry, matched }], problems: [string], counts }.
 */
export function evaluate(findings, allowlist) {
  const problems = validateAllowlist(allowlist);
  const entries = problems.length === 0 ? entriesOf(allowlist) : [];
  const used = entries.map(() => 0);
  // Gating findings claim allow-list entries first, so a LOW one cannot use up an entry's count.
  const ordered = [...findings].sort((a, b) => rank(a) - rank(b));
  const results = ordered.map((finding) => {
    const index = entries.findIndex(
      (entry, i) => entry.check === finding.check && entry.file === finding.file && used[i] < (entry.count ?? 1),
    );
    if (index !== -1) {
      used[index] += 1;
      return { finding, status: 'allowed', entry: entries[index] };
    }
    return { finding, status: isGating(finding) ? 'unjustified' : 'reported' };
  });
  const stale = entries.map((entry, i) => ({ entry, matched: used[i] })).filter(({ entry, matched }) => matched < (entry.count ?? 1));
  const counts = {
    findings: findings.length,
    gating: findings.filter(isGating).length,
    allowed: results.filter((r) => r.status === 'allowed').length,
    unjustified: results.filter((r) => r.status === 'unjustified').length,
    reported: results.filter((r) => r.status === 'reported').length,
    stale: stale.length,
    problems: problems.length,
  };
  return { ok: counts.unjustified === 0 && stale.length === 0 && problems.length === 0, findings: results, stale, problems, counts };
}

function rank(finding) {
  const index = SEVERITY_ORDER.indexOf(finding.severity);
  return index === -1 ? SEVERITY_ORDER.length : index;
}

function locate(finding) {
  if (finding.file === 'N/A') return 'app-wide';
  return finding.line ? `${finding.file}:${finding.line}:${finding.column ?? 0}` : finding.file;
}

/** The report as lines of text, ending with the summary line. */
export function formatReport(result) {
  const lines = [];
  for (const { finding, status, entry } of result.findings) {
    const label = { allowed: 'allowed    ', unjustified: 'UNJUSTIFIED', reported: 'reported   ' }[status];
    const raised = finding.toolSeverity ? ` (tool said ${finding.toolSeverity})` : '';
    lines.push(`${label} ${finding.severity}/${finding.confidence ?? '?'}${raised} ${finding.check} at ${locate(finding)}`);
    if (finding.sample) lines.push(`            | ${finding.sample}`);
    if (status === 'allowed') lines.push(`            reviewed ${entry.reviewed}: ${entry.reason}`);
    if (status === 'unjustified' && finding.description) lines.push(`            ${finding.description}`);
  }
  for (const { entry, matched } of result.stale) {
    lines.push(
      `STALE       allow-list entry ${entry.check} in ${entry.file} justifies ${entry.count ?? 1} finding(s) but matched ${matched}: remove it or lower its count`,
    );
  }
  for (const problem of result.problems) lines.push(`INVALID     ${problem}`);
  if (result.counts.unjustified > 0) {
    lines.push(
      'Fix the code, or review each UNJUSTIFIED finding and add { "check", "file", "reason", "reviewed" } for it to ' +
        'security/electronegativity-allowlist.json, with a reason specific to that code.',
    );
  }
  lines.push(summaryLine(result));
  return lines;
}

export function summaryLine({ counts }) {
  const extra = [];
  if (counts.stale) extra.push(`${counts.stale} stale allow-list entries`);
  if (counts.problems) extra.push(`${counts.problems} allow-list problems`);
  return (
    `security scan: ${counts.findings} findings (${counts.gating} HIGH/MEDIUM), ${counts.allowed} allowed, ` +
    `${counts.unjustified} unjustified${extra.length ? `, ${extra.join(', ')}` : ''}`
  );
}
