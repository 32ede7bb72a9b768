import { formatCount, formatMoney, formatQuantity, formatRatio } from '../lib/format';

interface FigureProps {
  /**
   * The `data-figure` key (see lib/figure-key). Only a scalar field of an API entry has one, so that every
   * `[data-figure][data-value]` on the page names a value the API gives under that key; a value inside a map
   * (`byStatus`, `revenueByCurrency`) is shown without it.
   */
  figure?: string;
}

/** A money figure: `data-value` is the API's decimal string exactly, the text is formatted in its currency. */
export function MoneyFigure({ figure, amount, currency }: FigureProps & { amount: string; currency: string }) {
  return (
    <span className="figure" data-figure={figure} data-value={figure && amount} data-currency={currency}>
      {formatMoney(amount, currency)}
    </span>
  );
}

/** A count (orders, units, jobs): `data-value` is the integer as the API gave it. */
export function CountFigure({ figure, value }: FigureProps & { value: number }) {
  return (
    <span className="figure" data-figure={figure} data-value={figure && String(value)}>
      {formatCount(value)}
    </span>
  );
}

/** A ratio (current, quick): `data-value` is the API's value as given. */
export function RatioFigure({ figure, value }: FigureProps & { value: number | string }) {
  return (
    <span className="figure" data-figure={figure} data-value={figure && String(value)}>
      {formatRatio(value)}
    </span>
  );
}

/**
 * A figure the API could not compute honestly: no `data-value` (there is none), `data-state="unavailable"`,
 * and the API's reason as text instead of a number.
 */
export function UnavailableFigure({ figure, reason }: Required<FigureProps> & { reason: string | null | undefined }) {
  return (
    <span className="figure figure-unavailable" data-figure={figure} data-state="unavailable">
      not available{reason ? `: ${reason}` : ''}
    </span>
  );
}

/** A quantity given as a decimal string (Unleashed allows fractional units): `data-value` is the string as given. */
export function QuantityFigure({ figure, value }: FigureProps & { value: string }) {
  return (
    <span className="figure" data-figure={figure} data-value={figure && value}>
      {formatQuantity(value)}
    </span>
  );
}
