import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rawAll, rawGet } from "../../server/db/raw";
import { ApiError } from "../../shared/api/errors";
import { UserResponse } from "../../shared/api/users";
import { file, request, type World, world } from "./complaints-fixtures";

/**
 * The complaint-handler grant (PATCH /api/users/:id { handlesComplaints }):
 * only admins give or withdraw it, only to operators and admins; it is
 * audited and takes effect on the account's next request.
 */

let w: World;
beforeEach(async () => {
  w = await world();
});
afterEach(() => w.env.cleanup());

const patch = (user: World["cadre"] | null, id: string, body: unknown) =>
  request(w, "PATCH", `/api/users/${id}`, user, body);

async function code(response: Response, status: number, expected: string) {
  expect(response.status, await response.clone().text()).toBe(status);
  expect(ApiError.parse(await response.json()).error.code).toBe(expected);
}

/** The stored grant as 0 or 1 (SQLite's integer; PostgreSQL's boolean read as one). */
const granted = async (id: string) => {
  const row = await rawGet<{ h: number | boolean }>(
    w.env.db,
    sql`SELECT handles_complaints AS h FROM users WHERE id = ${id}`,
  );
  return row === undefined ? undefined : Number(row.h);
};

describe("granting complaint handling", () => {
  it("lets an admin grant it to an operator, audited, effective at once", async () => {
    const { id } = await file(w);
    await code(await request(w, "GET", `/api/console/complaints/${id}`, w.operator), 403, "complaint_handler_required");
    const response = await patch(w.admin, w.operator.id, { handlesComplaints: true });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(UserResponse.parse(await response.json()).user.handlesComplaints).toBe(true);
    expect(await granted(w.operator.id)).toBe(1);
    expect((await request(w, "GET", `/api/console/complaints/${id}`, w.operator)).status).toBe(200);
    const audit = await rawAll(
      w.env.db,
      sql`SELECT action, target_type AS "targetType", kecamatan_code AS "kecamatanCode", before, after
        FROM audit_log WHERE target_id = ${w.operator.id}`,
    );
    expect(audit).toEqual([
      {
        action: "user.grant-complaints",
        targetType: "user",
        kecamatanCode: "31.75.07",
        before: JSON.stringify({ handlesComplaints: false }),
        after: JSON.stringify({ handlesComplaints: true }),
      },
    ]);
    // Withdrawn: the queue closes again.
    expect((await patch(w.admin, w.operator.id, { handlesComplaints: false })).status).toBe(200);
    expect(await granted(w.operator.id)).toBe(0);
    await code(await request(w, "GET", "/api/console/complaints", w.operator), 403, "complaint_handler_required");
  });

  it("lets an admin grant it to another admin", async () => {
    expect((await patch(w.admin, w.admin.id, { handlesComplaints: true })).status).toBe(200);
    expect(await granted(w.admin.id)).toBe(1);
  });

  it("refuses a grant by an operator (even a handler), whoever is named", async () => {
    for (const target of [w.operator, w.cadre, w.handler]) {
      await code(await patch(w.handler, target.id, { handlesComplaints: true }), 403, "forbidden");
      await code(await patch(w.operator, target.id, { handlesComplaints: false }), 403, "forbidden");
    }
    expect(await granted(w.operator.id)).toBe(0);
    expect(await granted(w.handler.id)).toBe(1);
  });

  it("refuses a grant to a cadre, and writes nothing of the same request", async () => {
    const response = await patch(w.admin, w.cadre.id, { handlesComplaints: true, displayName: "Kader Baru" });
    await code(response, 400, "role_not_allowed");
    expect(await granted(w.cadre.id)).toBe(0);
    const name = await rawGet(w.env.db, sql`SELECT display_name AS n FROM users WHERE id = ${w.cadre.id}`);
    expect(name).toEqual({ n: w.cadre.username });
    const audit = await rawGet(w.env.db, sql`SELECT count(*) AS n FROM audit_log WHERE target_id = ${w.cadre.id}`);
    expect(audit).toEqual({ n: 0 });
  });

  it("refuses cadres and people signed out, and a grant that is not a boolean", async () => {
    await code(await patch(null, w.operator.id, { handlesComplaints: true }), 401, "session_required");
    await code(await patch(w.cadre, w.operator.id, { handlesComplaints: true }), 403, "forbidden");
    await code(await patch(w.admin, w.operator.id, { handlesComplaints: "yes" }), 400, "invalid_body");
  });

  it("changes the name and the grant together", async () => {
    const response = await patch(w.admin, w.operator.id, { displayName: "Petugas Pengaduan", handlesComplaints: true });
    expect(response.status).toBe(200);
    expect(UserResponse.parse(await response.json()).user).toMatchObject({
      displayName: "Petugas Pengaduan",
      handlesComplaints: true,
    });
    const actions = (
      await rawAll<{ action: string }>(
        w.env.db,
        sql`SELECT action FROM audit_log WHERE target_id = ${w.operator.id} ORDER BY id`,
      )
    ).map((row) => row.action);
    expect(actions).toEqual(["user.update", "user.grant-complaints"]);
  });
});
