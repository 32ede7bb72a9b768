import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderContractDocs } from '../src/lib/asyncapi/contract-docs';

const docsDir = join(__dirname, '..', '..', '..', 'docs');
for (const [name, content] of Object.entries(renderContractDocs())) {
  writeFileSync(join(docsDir, name), content);
  console.log(`wrote docs/${name}`);
}
