import { loadSandboxOptions } from './sandbox.config';

describe('loadSandboxOptions', () => {
  it('reads arguments before the environment', () => {
    const options = loadSandboxOptions(['--port=0', '--shops=a.myshopify.com:GBP:10,b.myshopify.com:USD', '--orders=7'], { SHOPIFY_SANDBOX_PORT: '9999' });
    expect(options).toEqual({
      port: 0,
      rateLimits: 'realistic',
      shops: [
        { domain: 'a.myshopify.com', currency: 'GBP', orders: 10 },
        { domain: 'b.myshopify.com', currency: 'USD', orders: 7 },
      ],
    });
  });

  it('names the bad option', () => {
    expect(() => loadSandboxOptions([], { SHOPIFY_SANDBOX_PORT: 'abc' })).toThrow(/port/);
    expect(() => loadSandboxOptions(['--shops=a.myshopify.com:XYZ'], {})).toThrow(/currency must be one of/);
  });
});

describe('loadSandboxOptions currencies', () => {
  it('accepts JPY and BHD shops with orders and seed', () => {
    const options = loadSandboxOptions(['--shops=jp.myshopify.com:JPY:300:5,bh.myshopify.com:BHD:40'], {});
    expect(options.shops).toEqual([
      { domain: 'jp.myshopify.com', currency: 'JPY', orders: 300, seed: 5 },
      { domain: 'bh.myshopify.com', currency: 'BHD', orders: 40 },
    ]);
  });
});
