import type { AuditResult } from './audit';

const RULE_TEXT = {
  'math-random': 'random number on a production path',
  'faker-import': 'import of a fake-data library',
  'mock-identifier': 'identifier naming mock/fake/sample/fallback data',
} as const;

/** The human report: evidence as `file:line:col`, then a per-project summary table. */
export function formatReport(result: AuditResult): string {
  const lines: string[] = [];
  if (result.violations.length > 0) {
    lines.push('Violations (no invented data may reach the dashboard):');
    for (const v of result.violations) {
      lines.push(`  ${v.file}:${v.line}:${v.column}  ${v.rule}  ${v.text}  (${RULE_TEXT[v.rule]})`);
    }
    lines.push('');
  }
  if (result.allowed.length > 0) {
    lines.push('Allowed by tools/no-mock-audit/allowlist.json:');
    for (const a of result.allowed) lines.push(`  ${a.file}:${a.line}:${a.column}  ${a.rule}  ${a.text}  - ${a.reason}`);
    lines.push('');
  }
  for (const entry of result.unusedAllowEntries) {
    lines.push(`warning: allowlist entry for ${entry.file} (${entry.rule}) matches nothing; delete it`);
  }
  const width = Math.max(7, ...result.projects.map((p) => p.project.length));
  lines.push(`${'project'.padEnd(width)}  files  violations  allowed`);
  lines.push(`${'-'.repeat(width)}  -----  ----------  -------`);
  for (const p of result.projects) {
    lines.push(`${p.project.padEnd(width)}  ${String(p.files).padStart(5)}  ${String(p.violations).padStart(10)}  ${String(p.allowed).padStart(7)}`);
  }
  const files = result.projects.reduce((sum, p) => sum + p.files, 0);
  lines.push('');
  lines.push(
    result.violations.length === 0
      ? `no-mock audit passed: ${files} production files in ${result.projects.length} projects, 0 violations`
      : `no-mock audit FAILED: ${result.violations.length} violation(s) in ${files} production files`,
  );
  return lines.join('\n');
}
