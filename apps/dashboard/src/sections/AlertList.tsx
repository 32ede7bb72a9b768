import { useId } from 'react';

import { formatCount } from '../lib/format';

/** How many alerts a card lists; the count says how many there are in all. */
export const ALERTS_SHOWN = 8;

interface AlertItem {
  key: string;
  name: string;
  detail: string;
}

/** A short list of stock alerts under a heading with their exact count. */
export function AlertList({ title, total, items, note }: { title: string; total: number; items: readonly AlertItem[]; note?: string }) {
  const headingId = useId();
  const shown = items.slice(0, ALERTS_SHOWN);
  return (
    <div className="alerts" aria-labelledby={headingId} role="group">
      <h4 id={headingId}>
        {title}: {formatCount(total)}
      </h4>
      {note && <p className="muted small">{note}</p>}
      {total === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="alert-list">
          {shown.map((item) => (
            <li key={item.key}>
              <strong>{item.name}</strong> {item.detail}
            </li>
          ))}
          {total > shown.length && <li className="muted">and {formatCount(total - shown.length)} more</li>}
        </ul>
      )}
    </div>
  );
}
