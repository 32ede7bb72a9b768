import type { SkuForecastEntry } from '@ops/read-api-contract';
import { useMemo } from 'react';
import type uPlot from 'uplot';

import { UPlotChart } from '../components/UPlotChart';
import { forecastColumns } from '../lib/chart-data';

const OPTIONS: Omit<uPlot.Options, 'width' | 'height'> = {
  scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
  axes: [{}, { label: 'Units per day', size: 60 }],
  series: [
    {},
    { label: 'Actual', stroke: '#1b1b1f', width: 2 },
    { label: 'Forecast', stroke: '#1f5fbf', width: 2 },
    { label: '80% low', stroke: '#6f95d1', width: 1, dash: [4, 3] },
    { label: '80% high', stroke: '#6f95d1', width: 1, dash: [4, 3] },
    { label: '95% low', stroke: '#a9bfe3', width: 1, dash: [2, 3] },
    { label: '95% high', stroke: '#a9bfe3', width: 1, dash: [2, 3] },
  ],
  bands: [
    { series: [4, 3], fill: 'rgba(31, 95, 191, 0.18)' },
    { series: [6, 5], fill: 'rgba(31, 95, 191, 0.08)' },
  ],
};

/** Daily units sold and the forecast with its 80 % and 95 % intervals, for one SKU. */
export function ForecastChart({ entry }: { entry: SkuForecastEntry }) {
  const data = useMemo(() => forecastColumns(entry.actuals, entry.points), [entry]);
  return (
    <UPlotChart
      label={`Units per day of ${entry.sku}: ${entry.actuals.length} days of actual sales, then a ${entry.points.length}-day forecast with 80% and 95% intervals`}
      options={OPTIONS}
      data={data as uPlot.AlignedData}
      height={260}
    />
  );
}
