import { writeFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";

/**
 * Main-thread tasks from a Chromium trace, by their THREAD CPU time (`tdur`),
 * not their wall time: on a busy shared machine a task's wall time includes
 * the time the renderer waited for a core, which says nothing about the page.
 * Chrome's CPU throttling suspends the thread between slices, and a suspended
 * thread spends no CPU, so `tdur` is the task's own CPU whatever the throttle
 * (checked by the "thread CPU is the same at 1x and 4x" test that uses this).
 */

export interface TracedTask {
  /** Start, ms after the first paint (negative: it was running when the page painted). */
  start: number;
  /** Thread CPU time, ms. */
  cpu: number;
  /** Wall time, ms (logged only). */
  wall: number;
  /** The walk's phase it ran in (markPhase), "first paint" before any mark. */
  phase: string;
  /** What ran: the innermost named event covering most of the task, for the log. */
  what: string;
}

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "loading",
  "toplevel",
  "v8.execute",
  "blink.user_timing",
];

/** Marks a phase of the walk: tasks from here on are counted under `name` (a user-timing mark in the trace). */
export function markPhase(page: Page, name: string): Promise<void> {
  return page.evaluate((phase) => void performance.mark(`phase:${phase}`), name);
}

const TASK_NAMES = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);
/** Inner events worth naming in a failure message (the biggest one inside a task). */
const DETAIL_NAMES = new Set([
  "FunctionCall",
  "EvaluateScript",
  "v8.compile",
  "ParseHTML",
  "Layout",
  "UpdateLayoutTree",
  "Paint",
  "TimerFire",
  "FireAnimationFrame",
  "EventDispatch",
  "ResourceReceivedData",
  "ParseAuthorStyleSheet",
  "v8.callFunction",
  "V8.ParseOnBackground",
  "MajorGC",
  "MinorGC",
  "v8.run",
]);

export async function traced(browser: Browser, page: Page, walk: () => Promise<void>): Promise<TracedTask[]> {
  // TRACE_PROFILE=1 adds V8's sampling profiler, to see which functions a long task ran.
  const profiler = process.env.TRACE_PROFILE ? ["disabled-by-default-v8.cpu_profiler"] : [];
  await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, ...profiler] });
  try {
    await walk();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const trace = await browser.stopTracing();
  // TRACE_OUT=dir keeps each trace, to open in the DevTools performance panel.
  if (process.env.TRACE_OUT) writeFileSync(`${process.env.TRACE_OUT}/trace-${Date.now()}.json`, trace);
  return tasksAfterFirstPaint(JSON.parse(trace.toString("utf8")) as { traceEvents: TraceEvent[] });
}

/**
 * The renderer main thread is the one that painted the page first (its
 * `firstPaint` mark, from the page's own frame); every complete RunTask
 * on it that ends after that paint is a task that could block the screen.
 */
export function tasksAfterFirstPaint({ traceEvents }: { traceEvents: TraceEvent[] }): TracedTask[] {
  const mainThreads = new Set(
    traceEvents
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const paints = traceEvents
    .filter((e) => e.name === "firstPaint" && mainThreads.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  const paint = paints.at(-1);
  if (!paint) throw new Error("no firstPaint on a renderer main thread in the trace");
  const onMain = traceEvents.filter((e) => e.pid === paint.pid && e.tid === paint.tid && e.ph === "X");
  const tasks = onMain.filter((e) => TASK_NAMES.has(e.name) && e.dur !== undefined).sort((a, b) => a.ts - b.ts);
  // A ThreadControllerImpl::RunTask and a RunTask may wrap the same task: keep the outermost.
  const outer: TraceEvent[] = [];
  for (const task of tasks) {
    const last = outer.at(-1);
    if (last && task.ts < last.ts + (last.dur ?? 0)) continue;
    outer.push(task);
  }
  const phases = traceEvents
    .filter((e) => e.name.startsWith("phase:") && e.pid === paint.pid)
    .map((e) => ({ ts: e.ts, name: e.name.slice("phase:".length) }))
    .sort((a, b) => a.ts - b.ts);
  const phaseAt = (ts: number) => phases.filter((mark) => mark.ts <= ts).at(-1)?.name ?? "first paint";
  const details = onMain.filter((e) => DETAIL_NAMES.has(e.name));
  return outer
    .filter((task) => task.ts + (task.dur ?? 0) > paint.ts)
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const inner = details
        .filter((e) => e.ts >= task.ts && e.ts < end)
        .sort((a, b) => (b.tdur ?? b.dur ?? 0) - (a.tdur ?? a.dur ?? 0))[0];
      const data = inner?.args?.data as { url?: string; functionName?: string } | undefined;
      const where = data?.functionName || data?.url?.split("/").at(-1) || "";
      return {
        start: (task.ts - paint.ts) / 1000,
        phase: phaseAt(task.ts),
        cpu: (task.tdur ?? task.dur ?? 0) / 1000,
        wall: (task.dur ?? 0) / 1000,
        what: inner ? `${inner.name}${where ? ` ${where}` : ""}` : task.name,
      };
    });
}

/** The longest task's CPU per phase, in the order the phases came. */
export function longestByPhase(tasks: TracedTask[]): Record<string, number> {
  const byPhase: Record<string, number> = {};
  for (const task of tasks) byPhase[task.phase] = Math.max(byPhase[task.phase] ?? 0, Math.round(task.cpu * 10) / 10);
  return byPhase;
}

export function describeTasks(tasks: TracedTask[], budget: number): string {
  const longest = tasks.reduce((max, task) => (task.cpu > max.cpu ? task : max), { cpu: 0 } as TracedTask);
  const over = tasks.filter((task) => task.cpu > budget);
  return `${tasks.length} tasks after first paint; longest ${longest.cpu.toFixed(1)} ms CPU (${longest.what ?? "-"}); ${over.length} over ${budget} ms CPU`;
}
