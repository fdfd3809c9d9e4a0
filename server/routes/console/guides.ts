import { type Context, Hono } from "hono";
import {
  type GuideAdminDetail,
  type GuideAdminSummary,
  ImportCatalogueRequest,
  PublishGuideRequest,
  SaveGuideDraftRequest,
} from "../../../shared/api/console";
import { type Guide, Slug } from "../../../shared/guide";
import { jakartaDate } from "../../../shared/jakarta-time";
import { actorOf } from "../../console/scope";
import type { Db } from "../../db/open";
import {
  discardGuideDraft,
  guideDetail,
  listGuideSummaries,
  publishGuideDraft,
  saveGuideDraft,
  setGuideWithdrawn,
} from "../../guides/editor";
import { checkImport, importCatalogue } from "../../guides/import";
import { listGuides } from "../../guides/repository";
import { readJson } from "../../http/body";
import type { AppEnv } from "../../http/env";
import { apiError } from "../../http/errors";
import type { ConsoleOptions } from "./index";

/** A draft may be up to ~256 KB; the envelope ({"draft": …}) gets a little room on top. */
const DRAFT_MAX_BYTES = 256 * 1024 + 1024;
const PUBLISH_MAX_BYTES = 8 * 1024;
const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * /api/console/guides: editing and publishing the catalogue.
 *
 * Rights: guides are server-wide, so operators and admins alike may edit,
 * publish, withdraw and restore a guide (one at a time, each audited with
 * its content). Importing a whole catalogue replaces many guides in one go,
 * so only admins may do it.
 */
export function guidesRoutes(db: Db, options: ConsoleOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  /** The :id of the path if it is a guide id, else undefined (answered as 400 invalid_guide_id). */
  function guideIdOf(c: Context<AppEnv>): string | undefined {
    const id = c.req.param("id") ?? "";
    return Slug.safeParse(id).success ? id : undefined;
  }

  routes.get("/", async (c) => {
    const body: { guides: GuideAdminSummary[] } = { guides: await listGuideSummaries(db) };
    return c.json(body);
  });

  // Before /:id, which would otherwise take "export" for a guide id.
  routes.get("/export", async (c) => {
    const now = options.now();
    const body: { exportedAt: string; guides: Guide[] } = {
      exportedAt: now.toISOString(),
      guides: (await listGuides(db)).map((stored) => stored.guide),
    };
    c.header("Content-Disposition", `attachment; filename="masdarin-katalog-${jakartaDate(now)}.json"`);
    return c.json(body);
  });

  routes.post("/import", async (c) => {
    const actor = actorOf(c);
    if (actor.role !== "admin") return apiError(c, 403, "forbidden");
    const body = await readJson(c, ImportCatalogueRequest, IMPORT_MAX_BYTES);
    if (!body.ok) return body.response;
    const check = checkImport(body.value.guides);
    if (!check.ok) return apiError(c, 400, "guide_invalid", { issues: check.issues, totalIssues: check.totalIssues });
    return c.json(await importCatalogue(db, actor, check.guides, body.value.changeNote, options.now()));
  });

  routes.get("/:id", async (c) => {
    const id = guideIdOf(c);
    if (!id) return apiError(c, 400, "invalid_guide_id");
    const detail = await guideDetail(db, id);
    if (!detail) return apiError(c, 404, "guide_not_found", { id });
    return c.json(detail satisfies GuideAdminDetail);
  });

  routes.put("/:id/draft", async (c) => {
    const id = guideIdOf(c);
    if (!id) return apiError(c, 400, "invalid_guide_id");
    const body = await readJson(c, SaveGuideDraftRequest, DRAFT_MAX_BYTES);
    if (!body.ok) return body.response;
    const { draft } = body.value;
    if (draft.id !== undefined && draft.id !== id) {
      return apiError(c, 400, "invalid_body", {
        issues: [{ path: ["draft", "id"], message: "The draft's id must be the guide's id in the address" }],
      });
    }
    return c.json((await saveGuideDraft(db, actorOf(c), id, draft, options.now())) satisfies GuideAdminDetail);
  });

  routes.delete("/:id/draft", async (c) => {
    const id = guideIdOf(c);
    if (!id) return apiError(c, 400, "invalid_guide_id");
    if (!(await discardGuideDraft(db, actorOf(c), id, options.now()))) return apiError(c, 404, "guide_draft_not_found");
    return c.body(null, 204);
  });

  routes.post("/:id/publish", async (c) => {
    const id = guideIdOf(c);
    if (!id) return apiError(c, 400, "invalid_guide_id");
    const body = await readJson(c, PublishGuideRequest, PUBLISH_MAX_BYTES);
    if (!body.ok) return body.response;
    const result = await publishGuideDraft(db, actorOf(c), id, body.value, options.now());
    if (result.ok) return c.json(result.detail satisfies GuideAdminDetail);
    if (result.code === "guide_draft_not_found") return apiError(c, 404, "guide_draft_not_found");
    if (result.code === "version_conflict") {
      return apiError(c, 409, "version_conflict", { currentVersion: result.currentVersion });
    }
    return apiError(c, 400, "guide_invalid", { issues: result.issues });
  });

  for (const [action, withdrawn] of [
    ["withdraw", true],
    ["restore", false],
  ] as const) {
    routes.post(`/:id/${action}`, async (c) => {
      const id = guideIdOf(c);
      if (!id) return apiError(c, 400, "invalid_guide_id");
      const result = await setGuideWithdrawn(db, actorOf(c), id, withdrawn, options.now());
      if (!result.ok) return apiError(c, 404, "guide_not_found", { id });
      return c.json(result.detail satisfies GuideAdminDetail);
    });
  }

  return routes;
}
