/**
 * `npm run soak`: at least 10,000 seeded sync schedules (tests/helpers/sync-schedules.ts) against the
 * real app over a real SQLite file and the real sync engine, split over worker threads (one per core).
 * Prints the lost and doubled counts and the seed of every failing schedule; exits 1 on any failure.
 *
 *   npm run soak                          10,000 schedules from seed 1
 *   npm run soak -- --count 50000         more
 *   npm run soak -- --from 20000          another range
 *   npm run soak -- --seed 1234           replay one schedule, printing its commands and problems
 *   npm run soak -- --interleave          racing edits land anywhere in the round's first 40 turns
 */
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { createWorld, generateSchedule, runSchedule, type ScheduleResult } from "../helpers/sync-schedules";

interface Job {
  interleave: boolean;
  from: number;
  count: number;
  step: number;
  offset: number;
}

function option(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : undefined;
  if (value !== undefined && !Number.isSafeInteger(value)) throw new Error(`--${name} takes a whole number`);
  return value;
}

/** A worker runs every `step`-th seed from `from + offset`, reporting each result. */
async function work(job: Job): Promise<void> {
  const world = await createWorld();
  for (let i = job.offset; i < job.count; i += job.step) {
    const seed = job.from + i;
    const commands = generateSchedule(seed, { interleave: job.interleave });
    // A schedule that throws is a failure with its seed, not the end of the run.
    const result = await runSchedule(world, seed, commands).catch(
      (error: unknown): ScheduleResult => ({ seed, lost: 0, doubled: 0, problems: [`threw: ${String(error)}`] }),
    );
    parentPort?.postMessage(result);
  }
  await world.env.cleanup();
}

/** A worker does not inherit tsx's loader (Node 20): it loads this file through tsx's API. */
const BOOTSTRAP = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;

async function replay(seed: number, interleave: boolean): Promise<void> {
  const commands = generateSchedule(seed, { interleave });
  console.log(`seed ${seed}: ${commands.length} commands`);
  for (const command of commands) console.log(" ", JSON.stringify(command));
  const world = await createWorld();
  const result = await runSchedule(world, seed, commands);
  await world.env.cleanup();
  console.log(`lost ${result.lost}, doubled ${result.doubled}`);
  for (const problem of result.problems) console.log(`  ${problem}`);
  process.exit(result.lost + result.doubled > 0 ? 1 : 0);
}

async function main(): Promise<void> {
  const interleave = process.argv.includes("--interleave");
  const seed = option("seed");
  if (seed !== undefined) return replay(seed, interleave);
  const count = option("count") ?? 10_000;
  const from = option("from") ?? 1;
  const workers = option("workers") ?? Math.max(1, Math.min(2, availableParallelism()));
  const started = performance.now();
  let done = 0;
  let lost = 0;
  let doubled = 0;
  const failures: ScheduleResult[] = [];
  await Promise.all(
    Array.from({ length: workers }, (_, offset) => {
      const worker = new Worker(BOOTSTRAP, {
        eval: true,
        workerData: { interleave, from, count, step: workers, offset } satisfies Job,
      });
      worker.on("message", (result: ScheduleResult) => {
        done++;
        lost += result.lost;
        doubled += result.doubled;
        if (result.lost + result.doubled > 0 || result.problems.length > 0) {
          failures.push(result);
          console.log(`FAIL seed ${result.seed}: ${result.problems.join("; ")}`);
        }
        if (done % 500 === 0) {
          const seconds = (performance.now() - started) / 1000;
          console.log(`${done}/${count} schedules, ${seconds.toFixed(0)} s, lost ${lost}, doubled ${doubled}`);
        }
      });
      return new Promise<void>((resolve, reject) => {
        worker.once("error", reject);
        worker.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `soak: ${done} schedules (seeds ${from}–${from + count - 1}) on ${workers} workers in ${seconds.toFixed(0)} s: ` +
      `lost ${lost}, doubled ${doubled}, failing schedules ${failures.length}`,
  );
  if (failures.length > 0) {
    console.log(`failing seeds: ${failures.map((f) => f.seed).join(", ")}`);
    console.log(`replay one: npm run soak -- --seed ${failures[0]?.seed}${interleave ? " --interleave" : ""}`);
    process.exit(1);
  }
  if (done !== count) {
    console.log(`only ${done} of ${count} schedules ran`);
    process.exit(1);
  }
}

if (isMainThread) await main();
else await work(workerData as Job);
