import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type AllowEntry, isAllowed, loadAllowlist } from './allowlist';
import { type Finding, findViolations } from './rules';
import { listProductionSources, projectOf } from './source-files';

export interface Violation extends Finding {
  file: string;
  project: string;
}

export interface ProjectSummary {
  project: string;
  files: number;
  violations: number;
  allowed: number;
}

export interface AuditResult {
  violations: Violation[];
  allowed: (Violation & { reason: string })[];
  projects: ProjectSummary[];
  /** Allowlist entries that matched nothing: stale, and worth deleting. */
  unusedAllowEntries: AllowEntry[];
}

/** Scans the production sources of `apps/` and `libs/` under `root` against the allowlist file. */
export function runAudit(root: string, allowlistPath: string): AuditResult {
  const allowlist = loadAllowlist(allowlistPath);
  const used = new Set<AllowEntry>();
  const projects = new Map<string, ProjectSummary>();
  const projectCache = new Map<string, string>();
  const result: AuditResult = { violations: [], allowed: [], projects: [], unusedAllowEntries: [] };

  for (const file of listProductionSources(root)) {
    const project = projectOf(root, file, projectCache);
    const summary = projects.get(project) ?? { project, files: 0, violations: 0, allowed: 0 };
    projects.set(project, summary);
    summary.files += 1;
    for (const finding of findViolations(file, readFileSync(join(root, file), 'utf8'))) {
      const violation = { ...finding, file, project };
      const entry = isAllowed(allowlist, file, finding);
      if (entry) {
        used.add(entry);
        summary.allowed += 1;
        result.allowed.push({ ...violation, reason: entry.reason });
      } else {
        summary.violations += 1;
        result.violations.push(violation);
      }
    }
  }
  result.projects = [...projects.values()].sort((a, b) => a.project.localeCompare(b.project));
  result.unusedAllowEntries = allowlist.filter((entry) => !used.has(entry));
  return result;
}
