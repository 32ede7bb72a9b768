import { findViolations } from './rules';

describe('findViolations', () => {
  it.each([
    ['const x = Math.random();', ['math-random:Math.random']],
    ["const r = Math['random']();", ['math-random:Math.random']],
    ["const { faker } = require('@faker-js/faker');", ['mock-identifier:faker', 'faker-import:@faker-js/faker']],
    ["const chance = await import('chance');", ['faker-import:chance']],
    ["export * from 'faker/locale/en';", ['faker-import:faker/locale/en']],
    ['const MOCK_ORDERS = [];', ['mock-identifier:MOCK_ORDERS']],
    ['function getSampleRevenue() { return 1; }', ['mock-identifier:getSampleRevenue']],
    ['const o = { fakeTotal: 3 };', ['mock-identifier:fakeTotal']],
    ['const random = crypto.randomInt(10); // Math.random is banned', []],
    ["const text = 'mock data is banned';", []],
  ])('%s', (source, expected) => {
    expect(findViolations('x.ts', source).map((f) => `${f.rule}:${f.text}`)).toEqual(expected);
  });
});
