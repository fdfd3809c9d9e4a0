import { seedCatalogue } from "../server/seed/catalogue";
import { Draft } from "../shared/draft";
import { Guide } from "../shared/guide";
import { precheck } from "../shared/precheck";
import { createRegionIndex } from "../shared/regions";

/**
 * Pre-check latency: one `precheck` call on realistic drafts of the seeded
 * guides (complete, half-done, wrong NIK, expired letter, unanswered
 * questions), with the real region index. The phone runs it on every edit;
 * the server runs it again at submit.
 */

const CALLS = 5_000;
const WARMUP = 500;
const TODAY = "2026-02-15";
const AT = "2026-02-10T08:00:00.000Z";
const ID = "0190f5a4-7b1c-7cc3-9a2e-3f4b5c6d7e8f";

type Variant = "complete" | "half-done" | "wrong-identity" | "expired-letter" | "unanswered";
const VARIANTS: Variant[] = ["complete", "half-done", "wrong-identity", "expired-letter", "unanswered"];

function draftFor(guide: Guide, variant: Variant): Draft {
  const answers: Record<string, boolean | string> = {};
  if (variant !== "unanswered") {
    guide.questions.forEach((q, i) => {
      answers[q.id] = q.kind === "yes-no" ? i % 2 === 0 : (q.options[i % q.options.length]?.value ?? "");
    });
  }
  const documents: Record<string, unknown> = {};
  const data: Record<string, string> = {};
  guide.requirements.forEach((r, i) => {
    if (variant === "half-done" && i % 2 === 1) return;
    if (r.kind === "data") {
      if (!r.field) data[r.id] = "Jl. Pemuda No. 12, RT 003/RW 007; usaha warung kelontong";
      return;
    }
    const mime = r.acceptance.formats?.includes("pdf") ? "application/pdf" : "image/jpeg";
    const pages = Array.from({ length: r.minPages ?? 1 }, (_, n) => ({
      blobId: `${r.id}-${n}`,
      mime,
      bytes: 180_000,
      width: 1600,
      height: 1200,
      addedAt: AT,
    }));
    documents[r.id] = {
      pages,
      issuedOn: variant === "expired-letter" ? "2025-12-01" : "2026-02-09",
      ...(r.kind === "statement" ? { signedOn: "2026-02-09" } : {}),
      ...(r.allPagesWithEntries ? { pagesWithEntries: pages.length } : {}),
    };
  });
  return Draft.parse({
    id: ID,
    guideId: guide.id,
    guideVersion: guide.version,
    applicant: {
      fullName: "Siti Aminah",
      nik: variant === "wrong-identity" ? "3171014203900001" : "3171015203900001",
      kk: "3171011501200003",
      birthDate: "1990-03-12",
      sex: "female",
      phone: variant === "wrong-identity" ? "0812" : "081234567890",
      address: { street: "Jl. Cideng Timur No. 3", rt: "003", rw: "007", villageCode: "31.71.01.1002" },
    },
    answers,
    data,
    documents,
    officeAreaCode: "31.71.01.1002",
    createdAt: AT,
    updatedAt: AT,
  });
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

const round = (ms: number) => Math.round(ms * 10_000) / 10_000;

export async function benchPrecheck(): Promise<Record<string, unknown>> {
  const regions = createRegionIndex();
  // The cadre's own kelurahan, as the server passes it: residency is checked on every guide that restricts it.
  const context = { today: TODAY, regions, homeOffice: "31.71.01.1002" };
  const guides = seedCatalogue.map((input) => Guide.parse(input));
  const work = guides.flatMap((guide) => VARIANTS.map((variant) => ({ guide, draft: draftFor(guide, variant) })));

  const verdicts: Record<string, number> = { ready: 0, "not-ready": 0 };
  for (let i = 0; i < WARMUP; i++) {
    const item = work[i % work.length];
    if (item) precheck(item.guide, item.draft, context);
  }
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const item = work[i % work.length];
    if (!item) continue;
    const start = performance.now();
    const result = precheck(item.guide, item.draft, context);
    times.push(performance.now() - start);
    verdicts[result.verdict] = (verdicts[result.verdict] ?? 0) + 1;
  }
  times.sort((a, b) => a - b);
  return {
    calls: CALLS,
    guides: guides.length,
    draftsPerGuide: VARIANTS.length,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    p99Ms: round(percentile(times, 99)),
    maxMs: round(times[times.length - 1] ?? 0),
    totalMs: round(times.reduce((sum, t) => sum + t, 0)),
    verdicts,
  };
}

const invokedDirectly =
  typeof process !== "undefined" &&
  process.argv[1] !== undefined &&
  import.meta.url === new URL(`file://${process.argv[1]}`).href;

if (invokedDirectly) console.log(await benchPrecheck());
