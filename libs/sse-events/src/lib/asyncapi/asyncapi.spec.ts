import { Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { EVENT_TYPES } from '../event-map';
import { renderContractDocs } from './contract-docs';

const ERROR = 0; // DiagnosticSeverity.Error

describe('AsyncAPI document', () => {
  const docs = renderContractDocs();

  it('parses with the official AsyncAPI parser without errors', async () => {
    const { document, diagnostics } = await new Parser().parse(docs['asyncapi.yaml']);
    expect(diagnostics.filter((d) => d.severity === ERROR).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
    expect(document).toBeDefined();
    const names = document?.allMessages().all().map((message) => message.name());
    expect(names?.sort()).toEqual([...EVENT_TYPES].sort());
    expect(document?.channels().get('job')?.address()).toBe('/sse/jobs/{jobId}');
  }, 60_000);

  it('describes payloads strictly: unknown fields are not allowed', () => {
    expect(docs['asyncapi.yaml']).toContain('additionalProperties: false');
  });

  it.each(Object.keys(docs))('docs/%s is up to date (run `npx nx run sse-events:docs`)', (name) => {
    const committed = readFileSync(join(__dirname, '../../../../../docs', name), 'utf8');
    expect(committed).toBe(docs[name as keyof typeof docs]);
  });
});
