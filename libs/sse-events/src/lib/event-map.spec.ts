import { EVENT_EXAMPLES } from './event-examples.fixture';
import { EVENT_TYPES, type EventType } from './event-map';
import { parsePayload } from './validation';

describe('event payload schemas', () => {
  it('cover exactly the event types of the design table', () => {
    expect(EVENT_TYPES).toHaveLength(21);
    expect(Object.keys(EVENT_EXAMPLES).sort()).toEqual([...EVENT_TYPES].sort());
  });

  describe.each(EVENT_TYPES)('%s', (type: EventType) => {
    const example = EVENT_EXAMPLES[type];

    it('accepts a valid payload unchanged', () => {
      expect(parsePayload(type, example.valid)).toEqual({ ok: true, value: example.valid });
    });

    it('rejects an invalid payload with an error naming the field path', () => {
      const result = parsePayload(type, example.invalid.payload);
      expect(result.ok).toBe(false);
      const expectedPrefix = example.invalid.path ? `payload.${example.invalid.path}:` : 'payload:';
      expect(!result.ok && result.error).toContain(expectedPrefix);
    });

    it('rejects an unknown field rather than passing it through', () => {
      const result = parsePayload(type, { ...(example.valid as object), sampleData: 1 });
      expect(!result.ok && result.error).toMatch(/sampleData/);
    });
  });
});
