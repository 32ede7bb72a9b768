import { isKnownChannel, jobChannel, jobIdOf } from './channels';

describe('channels', () => {
  it.each([
    ['dashboard', true],
    ['job:fc-2026_01', true],
    ['job:', false],
    ['job:has space', false],
    ['job:../etc', false],
    ['Dashboard', false],
    ['unknown', false],
  ])('isKnownChannel(%j) is %s', (name, known) => {
    expect(isKnownChannel(name)).toBe(known);
  });

  it('round-trips a job id through its channel name', () => {
    expect(jobIdOf(jobChannel('fc-9'))).toBe('fc-9');
    expect(jobIdOf('sales')).toBeUndefined();
  });
});
