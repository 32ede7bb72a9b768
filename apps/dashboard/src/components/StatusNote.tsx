import type { ReactNode } from 'react';

/**
 * An honest empty state in place of figures: "Xero not configured", "no sync yet". `state` goes to
 * `data-state` (`not_configured`, `no_data`, `empty`).
 */
export function StatusNote({ state, children }: { state: string; children: ReactNode }) {
  return (
    <p className="status-note" data-state={state}>
      {children}
    </p>
  );
}
