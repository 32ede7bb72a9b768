import type { ReactNode } from 'react';

export interface FigureRow {
  label: string;
  figure: ReactNode;
}

/** Label and figure pairs as a description list, so each number is read out with its name. */
export function FigureList({ rows }: { rows: readonly FigureRow[] }) {
  return (
    <dl className="figures">
      {rows.map((row) => (
        <div className="figure-row" key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.figure}</dd>
        </div>
      ))}
    </dl>
  );
}
