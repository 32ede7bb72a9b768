import { useEffect, useRef } from 'react';
import uPlot from 'uplot';

import 'uplot/dist/uPlot.min.css';

interface UPlotChartProps {
  /** Says what the chart shows, for screen readers (the figures themselves are also in the text). */
  label: string;
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
}

/** A uPlot chart that follows its container's width. */
export function UPlotChart({ label, options, data, height = 220 }: UPlotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return undefined;
    const chart = new uPlot({ legend: { live: false }, ...options, width: Math.max(element.clientWidth, 200), height }, data, element);
    plot.current = chart;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) chart.setSize({ width: Math.max(Math.floor(entry.contentRect.width), 200), height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // Data changes go through setData below; only new options or height rebuild the chart.
  }, [options, height]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return <div className="chart" role="img" aria-label={label} ref={container} />;
}
