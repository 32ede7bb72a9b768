import { changesToAnnounce, diffInventory } from './inventory-diff';
import { inventoryUpdateEvents } from './inventory-events';

describe('diffInventory', () => {
  // Shaped like FBA getInventorySummaries rows after mapping (sellerSku, fulfillableQuantity).
  const previous = [
    { sku: 'WID-BLUE-01', location: 'FBA-UK', quantity: 40 },
    { sku: 'WID-RED-02', location: 'FBA-UK', quantity: 12 },
    { sku: 'WID-BLUE-01', location: 'FBA-DE', quantity: 7 },
    { sku: 'WID-OLD-09', location: 'FBA-UK', quantity: 3 },
  ];

  it('reports only the SKU/locations whose quantity changed, and new ones', () => {
    const next = [
      { sku: 'WID-BLUE-01', location: 'FBA-UK', quantity: 36 },
      { sku: 'WID-RED-02', location: 'FBA-UK', quantity: 12 },
      { sku: 'WID-BLUE-01', location: 'FBA-DE', quantity: 0 },
      { sku: 'WID-NEW-10', location: 'FBA-UK', quantity: 120 },
    ];
    expect(diffInventory(previous, next)).toEqual([
      { sku: 'WID-BLUE-01', location: 'FBA-UK', quantity: 36, previousQuantity: 40 },
      { sku: 'WID-BLUE-01', location: 'FBA-DE', quantity: 0, previousQuantity: 7 },
      { sku: 'WID-NEW-10', location: 'FBA-UK', quantity: 120, previousQuantity: null },
    ]);
  });

  it('reports nothing for an identical snapshot, and never invents a zero for a SKU no longer listed', () => {
    expect(diffInventory(previous, previous)).toEqual([]);
    expect(diffInventory(previous, previous.slice(0, 3))).toEqual([]);
  });

  it('treats the first snapshot as all new', () => {
    expect(diffInventory([], previous.slice(0, 1))).toEqual([{ ...previous[0], previousQuantity: null }]);
  });

  it('refuses an ambiguous snapshot', () => {
    expect(() => diffInventory([], [previous[0], previous[0]])).toThrow('twice');
  });
});

describe('inventoryUpdateEvents', () => {
  it('emits inventory:update only for what changed, on the inventory channel', () => {
    const source = { system: 'amazon', account: 'A1F83G8C2ARO7P', environment: 'sandbox' } as const;
    const changes = diffInventory(
      [{ sku: 'WID-BLUE-01', location: 'FBA-UK', quantity: 40 }, { sku: 'WID-RED-02', location: 'FBA-UK', quantity: 5 }],
      [{ sku: 'WID-BLUE-01', location: 'FBA-UK', quantity: 36 }, { sku: 'WID-RED-02', location: 'FBA-UK', quantity: 5 }],
    );
    const events = inventoryUpdateEvents(source, changes);
    expect(events.map((e) => [e.type, e.channels, e.payload])).toEqual([
      ['inventory:update', ['inventory'], { sku: 'WID-BLUE-01', location: 'FBA-UK', quantity: 36, previousQuantity: 40, source: 'amazon' }],
    ]);
  });
});

describe('changesToAnnounce', () => {
  const first = [{ sku: 'WID-BLUE-01', location: 'FBA-UK', quantity: 40 }];

  it("announces nothing for an account's first snapshot: it is the baseline", () => {
    expect(changesToAnnounce([], diffInventory([], first))).toEqual([]);
  });

  it('announces every change after it, a newly listed SKU with previousQuantity null', () => {
    const next = [{ sku: 'WID-BLUE-01', location: 'FBA-UK', quantity: 38 }, { sku: 'WID-NEW-09', location: 'FBA-UK', quantity: 12 }];
    expect(changesToAnnounce(first, diffInventory(first, next))).toEqual([
      { sku: 'WID-BLUE-01', location: 'FBA-UK', quantity: 38, previousQuantity: 40 },
      { sku: 'WID-NEW-09', location: 'FBA-UK', quantity: 12, previousQuantity: null },
    ]);
  });
});
