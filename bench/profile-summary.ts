/**
 * Where a .cpuprofile's time went: self time grouped by where the code lives
 * (drizzle, better-sqlite3's native calls, zod, hono, the app's own folders,
 * node internals), then the heaviest functions.
 * `npx tsx bench/profile-summary.ts <file.cpuprofile> [top=25]`
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function groupOf(url: string, name: string): string {
  if (!url)
    return name === "(garbage collector)" ? "gc" : name.startsWith("(") ? name : "native (sqlite, crypto, zlib...)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith("node:")) return "node internals";
  const own = /\/(server|shared)\/([^/]+)/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

export function summarise(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  let total = 0;
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, micros] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)" || functionName === "(program)") continue;
    total += micros;
    const group = groupOf(url, functionName);
    groups.set(group, (groups.get(group) ?? 0) + micros);
    const key = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
  }
  const pct = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)} %`;
  const lines = [`${file}: ${(total / 1000).toFixed(0)} ms of samples (idle excluded)`, "by where the code lives:"];
  for (const [group, micros] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 15))
    lines.push(`  ${pct(micros)}  ${group}`);
  lines.push("heaviest functions (self time):");
  for (const [name, micros] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(micros)}  ${name}`);
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) throw new Error("usage: npx tsx bench/profile-summary.ts <file.cpuprofile> [top]");
  console.log(summarise(file, Number(top) || 25));
}
