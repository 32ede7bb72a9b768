import type { SandboxSystem } from './sandbox-system';
import { startSandboxSystems } from './sandbox-systems';

function fakeSystem(name: string, closed: string[], fail?: Error): SandboxSystem {
  return {
    name,
    start: async (argv) => {
      if (fail) throw fail;
      return { lines: [`${name} up (${argv.join(' ')})`], manifest: { endpoint: `http://${name}` }, close: async () => void closed.push(name) };
    },
  };
}

describe('startSandboxSystems', () => {
  it('keys each manifest by system name and keeps the lines in start order', async () => {
    const closed: string[] = [];
    const sandbox = await startSandboxSystems([fakeSystem('a', closed), fakeSystem('b', closed)], ['--port=0'], {});
    expect(sandbox.lines).toEqual(['a up (--port=0)', 'b up (--port=0)']);
    expect(sandbox.manifest).toEqual({ a: { endpoint: 'http://a' }, b: { endpoint: 'http://b' } });
    await sandbox.close();
    expect(closed.sort()).toEqual(['a', 'b']);
  });

  it('closes the systems already started when a later one fails, and rethrows', async () => {
    const closed: string[] = [];
    const systems = [fakeSystem('a', closed), fakeSystem('b', closed, new Error('b: port in use')), fakeSystem('c', closed)];
    await expect(startSandboxSystems(systems, [], {})).rejects.toThrow('b: port in use');
    expect(closed).toEqual(['a']);
  });
});
