import { ProgressTracker } from './forecast-progress';

describe('ProgressTracker', () => {
  it('reports each stage start and end and every 2 % of the job between, never going back', () => {
    const tracker = new ProgressTracker();
    const reports = [];
    for (let i = 0; i <= 100; i++) reports.push(tracker.update('loading_history', i, 100));
    for (let i = 0; i <= 100; i++) reports.push(tracker.update('fitting', i, 100));
    for (let i = 0; i <= 100; i++) reports.push(tracker.update('backtesting', i, 100));
    for (let i = 0; i <= 4; i++) reports.push(tracker.update('saving', i, 4));
    const sent = reports.filter((r) => r !== null);
    expect(sent[0]).toEqual({ stage: 'loading_history', progress: 0, done: 0, total: 100 });
    expect(sent[sent.length - 1]).toEqual({ stage: 'saving', progress: 1, done: 4, total: 4 });
    for (let i = 1; i < sent.length; i++) {
      expect(sent[i].progress).toBeGreaterThanOrEqual(sent[i - 1].progress);
      expect(sent[i].progress - sent[i - 1].progress).toBeLessThanOrEqual(0.05);
    }
    // loading 10 % in 2 % steps: 0, 0.02 ... 0.1; far fewer reports than updates.
    expect(sent.filter((r) => r.stage === 'loading_history').map((r) => r.progress)).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(sent.length).toBeLessThan(70);
  });

  it('treats an empty stage as done at once', () => {
    const tracker = new ProgressTracker();
    expect(tracker.update('fitting', 0, 0)).toEqual({ stage: 'fitting', progress: 0.55, done: 0, total: 0 });
    expect(tracker.update('fitting', 0, 0)).toBeNull();
  });
});
