import { EventHistory } from './event-history';

const frame = (text: string) => Buffer.from(text);

describe('EventHistory', () => {
  it('replays the later events of the wanted channels in order, broadcasts included', () => {
    const history = new EventHistory(10);
    history.push('a', ['sales'], frame('A'));
    history.push('b', ['inventory'], frame('B'));
    history.push('c', ['*'], frame('C'));
    history.push('d', ['sales', 'dashboard'], frame('D'));
    const result = history.replayAfter('a', ['sales']);
    expect(result).toEqual({
      kind: 'replay',
      frames: [frame('C'), frame('D')],
    });
  });

  it('returns an empty replay for the newest id', () => {
    const history = new EventHistory(2);
    history.push('a', ['sales'], frame('A'));
    expect(history.replayAfter('a', ['sales'])).toEqual({
      kind: 'replay',
      frames: [],
    });
  });

  it('reports a gap for ids that fell out of the ring or were never seen', () => {
    const history = new EventHistory(2);
    history.push('a', ['sales'], frame('A'));
    history.push('b', ['sales'], frame('B'));
    history.push('c', ['sales'], frame('C'));
    expect(history.replayAfter('a', ['sales'])).toEqual({
      kind: 'gap',
      oldestAvailableId: 'b',
    });
    expect(history.replayAfter('zzz', ['sales'])).toEqual({
      kind: 'gap',
      oldestAvailableId: 'b',
    });
    expect(history.replayAfter('b', ['sales'])).toEqual({
      kind: 'replay',
      frames: [frame('C')],
    });
  });

  it('keeps nothing with capacity 0', () => {
    const history = new EventHistory(0);
    history.push('a', ['sales'], frame('A'));
    expect(history.replayAfter('a', ['sales'])).toEqual({
      kind: 'gap',
      oldestAvailableId: undefined,
    });
  });
});
