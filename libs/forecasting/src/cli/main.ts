import { readFileSync } from 'node:fs';

import { parseArgs, runForecastCommand } from '../lib/cli/forecast-command';

runForecastCommand(parseArgs(process.argv.slice(2)), {
  readFile: (path) => readFileSync(path, 'utf8'),
  writeLine: (line) => process.stdout.write(`${line}\n`),
}).catch((error: Error) => {
  process.stderr.write(`forecast: ${error.message}\n`);
  process.exitCode = 1;
});
