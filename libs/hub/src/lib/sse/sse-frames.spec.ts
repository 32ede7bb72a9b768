import {
  encodeConnected,
  encodeEvent,
  encodeReplayGap,
  encodeRetry,
  HEARTBEAT_FRAME,
  STREAM_HEAD,
} from './sse-frames';

describe('sse frames', () => {
  it('encodes an event with id, event and one data line, ending in a blank line', () => {
    expect(encodeEvent('sales', '{"a":1}', 'e-1').toString()).toBe(
      'id: e-1\nevent: sales\ndata: {"a":1}\n\n',
    );
  });

  it('omits the id line when no id is given', () => {
    expect(encodeEvent('x', '{}').toString()).toBe('event: x\ndata: {}\n\n');
  });

  it('refuses values that would break framing', () => {
    expect(() => encodeEvent('x\ny', '{}')).toThrow(/event/);
    expect(() => encodeEvent('x', '{}', 'a\rb')).toThrow(/id/);
    expect(() => encodeEvent('x', 'a\nb')).toThrow(/data/);
  });

  it('encodes retry, connected and replay_gap', () => {
    expect(encodeRetry(2500).toString()).toBe('retry: 2500\n\n');
    expect(encodeConnected('c1', ['sales']).toString()).toBe(
      'event: connected\ndata: {"clientId":"c1","channels":["sales"]}\n\n',
    );
    expect(encodeReplayGap('old', undefined).toString()).toBe(
      'event: replay_gap\ndata: {"lastEventId":"old","oldestAvailableId":null}\n\n',
    );
  });

  it('sends anti-buffering headers and a comment heartbeat', () => {
    const head = STREAM_HEAD.toString();
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toContain('Content-Type: text/event-stream');
    expect(head).toContain('Cache-Control: no-cache, no-transform');
    expect(head).toContain('X-Accel-Buffering: no');
    expect(head.endsWith('\r\n\r\n')).toBe(true);
    expect(HEARTBEAT_FRAME.toString().startsWith(':')).toBe(true);
  });
});
