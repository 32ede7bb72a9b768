import { join, resolve } from 'node:path';

import { runAudit } from './lib/audit';
import { formatReport } from './lib/report';

/** `npm run audit:mock [-- <root>]`: exit 0 when clean, 1 on a violation, 2 on a configuration error. */
function main(): number {
  const root = resolve(process.argv[2] ?? process.cwd());
  const allowlist = join(root, 'tools', 'no-mock-audit', 'allowlist.json');
  try {
    const result = runAudit(root, allowlist);
    console.log(formatReport(result));
    return result.violations.length === 0 ? 0 : 1;
  } catch (error) {
    console.error(`no-mock audit could not run: ${(error as Error).message}`);
    return 2;
  }
}

process.exitCode = main();
