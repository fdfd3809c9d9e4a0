import "uplot/dist/uPlot.min.css";
import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";

/**
 * A bar chart drawn by uPlot on a canvas. uPlot sets its few styles through
 * the CSSOM (element.style), which the CSP's style-src 'self' allows; its
 * stylesheet is a bundled file. The numbers are also in a table next to it,
 * so the chart is decoration for screen readers (aria-hidden, with a label).
 */
export function BarChart({ labels, values, label }: { labels: string[]; values: number[]; label: string }) {
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const width = () => Math.max(260, Math.min(element.clientWidth || 320, 900));
    const bars = uPlot.paths.bars?.({ size: [0.6, 80] });
    const chart = new uPlot(
      {
        width: width(),
        height: 220,
        legend: { show: false },
        // Room on the right for the last slanted label on a phone.
        padding: [8, 56, 0, 0],
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, labels.length - 0.5] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
        },
        axes: [
          {
            values: (_u, splits) => splits.map((split) => labels[split] ?? ""),
            splits: () => labels.map((_, index) => index),
            gap: 4,
            // On a phone the labels do not fit side by side: slant them steeply enough that
            // two-word statuses ("Diterima kantor", "Perlu diperbaiki") clear their neighbours.
            rotate: (u) => (u.width < 640 ? -60 : 0),
            size: (u) => (u.width < 640 ? 116 : 40),
          },
          // Counts: whole-number ticks only.
          { size: 40, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] },
        ],
        series: [{}, { label, fill: "#0b5d4b", stroke: "#083d32", width: 1, paths: bars, points: { show: false } }],
      },
      [labels.map((_, index) => index), values],
      element,
    );
    const observer = new ResizeObserver(() => chart.setSize({ width: width(), height: 220 }));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [labels.join("|"), values.join("|"), label]);

  return <div ref={holder} class="bar-chart" role="img" aria-label={label} data-testid="dashboard-chart" />;
}
