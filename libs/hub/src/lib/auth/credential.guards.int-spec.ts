import {
  ADMIN_TOKEN,
  inventoryUpdate,
  post,
  PUBLISHER_TOKEN,
  startHub,
  type TestHub,
} from '../../test/hub-harness';

describe('publisher and admin tokens (HUB_AUTH=on)', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.close());

  describe('publishers and admins', () => {
    it.each([
      ['no token', 401, null],
      ['the admin token', 401, ADMIN_TOKEN],
      ['a wrong token', 401, 'x'.repeat(26)],
      ['the publisher token', 202, PUBLISHER_TOKEN],
    ])('POST /events with %s -> %i', async (_label, status, credential) => {
      expect(
        (await post(hub.url, '/events', inventoryUpdate('P'), credential))
          .status,
      ).toBe(status);
    });

    it.each([
      ['no token', 401, null],
      ['the publisher token', 401, PUBLISHER_TOKEN],
      ['the admin token', 202, ADMIN_TOKEN],
    ])(
      'POST /sse/admin/broadcast with %s -> %i',
      async (_label, status, credential) => {
        const body = { message: 'hello', level: 'info' };
        expect(
          (await post(hub.url, '/sse/admin/broadcast', body, credential))
            .status,
        ).toBe(status);
      },
    );

    it('rejects a bad broadcast body naming the field', async () => {
      const response = await post(
        hub.url,
        '/sse/admin/broadcast',
        { message: 'x', level: 'loud' },
        ADMIN_TOKEN,
      );
      expect(response.status).toBe(400);
      expect(response.body['message']).toMatch(/level/);
    });
  });
});
