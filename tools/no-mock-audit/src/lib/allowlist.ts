import { existsSync, readFileSync } from 'node:fs';

import type { Finding, RuleId } from './rules';

export interface AllowEntry {
  file: string;
  rule: RuleId;
  /** The exact offending text (`Math.random`, an identifier); omitted means any text for that rule in the file. */
  text?: string;
  /** Why this is not business data. Required. */
  reason: string;
}

const RULES: RuleId[] = ['math-random', 'faker-import', 'mock-identifier'];

/**
 * Reads the allowlist. Every entry must name a file and a known rule and give a written reason
 * of at least a few words; anything else is a configuration error, not a silent pass.
 */
export function loadAllowlist(path: string): AllowEntry[] {
  if (!existsSync(path)) return [];
  const raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${path}: expected a JSON array of entries`);
  return raw.map((entry: Partial<AllowEntry>, index) => {
    const where = `${path}[${index}]`;
    if (typeof entry.file !== 'string' || !entry.file) throw new Error(`${where}: "file" is required`);
    if (!RULES.includes(entry.rule as RuleId)) throw new Error(`${where}: "rule" must be one of ${RULES.join(', ')}`);
    if (typeof entry.reason !== 'string' || entry.reason.trim().split(/\s+/).length < 4) {
      throw new Error(`${where}: "reason" must explain in words why ${entry.file} may use ${entry.rule}`);
    }
    return entry as AllowEntry;
  });
}

export function isAllowed(allowlist: AllowEntry[], file: string, finding: Finding): AllowEntry | undefined {
  return allowlist.find(
    (entry) => entry.file === file && entry.rule === finding.rule && (entry.text === undefined || entry.text === finding.text),
  );
}
