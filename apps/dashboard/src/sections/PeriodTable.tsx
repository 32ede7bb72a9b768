import type { ReactNode } from 'react';

import type { SalesPeriod } from '../lib/figure-key';

const PERIOD_LABELS: Readonly<Record<SalesPeriod, string>> = { today: 'Today', last7Days: 'Last 7 days', last30Days: 'Last 30 days' };

interface PeriodRow {
  period: SalesPeriod;
  orders: ReactNode;
  revenue: ReactNode;
  netRevenue: ReactNode;
}

/** Orders, revenue and net revenue for today, the last 7 and the last 30 days. */
export function PeriodTable({ caption, periods }: { caption: string; periods: readonly PeriodRow[] }) {
  return (
    <div className="table-scroll">
      <table className="period-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Orders</th>
            <th scope="col">Revenue</th>
            <th scope="col">Net revenue</th>
          </tr>
        </thead>
        <tbody>
          {periods.map((row) => (
            <tr key={row.period}>
              <th scope="row">{PERIOD_LABELS[row.period]}</th>
              <td>{row.orders}</td>
              <td>{row.revenue}</td>
              <td>{row.netRevenue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
