import type { WorkingCapitalPoint } from '@ops/read-api-contract';
import { useMemo } from 'react';
import type uPlot from 'uplot';

import { UPlotChart } from '../components/UPlotChart';
import { workingCapitalColumns } from '../lib/chart-data';
import { formatMoney, formatMoneyWhole } from '../lib/format';

/** Working capital, current assets and current liabilities of one tenant at each stored sync. */
export function WorkingCapitalChart({ history, currency, tenant }: { history: readonly WorkingCapitalPoint[]; currency: string; tenant: string }) {
  const data = useMemo(() => workingCapitalColumns(history), [history]);
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(() => {
    const money = (_u: uPlot, value: number | null) => (value === null ? '–' : formatMoney(value.toFixed(2), currency));
    return {
      scales: { x: { time: true } },
      axes: [{}, { values: (_u, ticks) => ticks.map((t) => formatMoneyWhole(t, currency)), size: 90 }],
      series: [
        {},
        { label: 'Working capital', stroke: '#1f5fbf', width: 2, value: money },
        { label: 'Current assets', stroke: '#1c7c45', width: 1.5, value: money },
        { label: 'Current liabilities', stroke: '#b3261e', width: 1.5, dash: [6, 4], value: money },
      ],
    };
  }, [currency]);
  if (data[0].length < 2) {
    return <p className="muted">The history chart appears once two readings are stored ({data[0].length} so far; one per sync).</p>;
  }
  return (
    <UPlotChart
      label={`Working capital history of ${tenant}: ${data[0].length} readings, working capital, current assets and current liabilities in ${currency}`}
      options={options}
      data={data as uPlot.AlignedData}
    />
  );
}
