import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  CALENDAR_PROBLEMS,
  type CalendarChangeResponse,
  type CalendarIssue,
  type CalendarView,
  checkCalendarDay,
  checkCalendarSetting,
  dateProblem,
} from "../../../shared/api/calendar";
import { actorOf } from "../../console/scope";
import type { Db } from "../../db/open";
import { readJson } from "../../http/body";
import type { AppEnv } from "../../http/env";
import { apiError, requestLocale } from "../../http/errors";
import {
  addCalendarDay,
  type CalendarChange,
  calendarView,
  changeCalendarDay,
  removeCalendarDay,
  setCalendarSettings,
} from "../../service-time/calendar-admin";
import type { ConsoleOptions } from "./index";

/** A day is four short texts; the settings a boolean and a number. */
const BODY_MAX_BYTES = 4 * 1024;

/**
 * /api/console/calendar: the work calendar. Operators and admins read it
 * (their deadlines follow it); only admins change it, since one change moves
 * the deadline of every running file in every kecamatan.
 */
export function calendarRoutes(db: Db, options: ConsoleOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  function refused(c: Context<AppEnv>, issues: CalendarIssue[], status: 400 | 409 = 400): Response {
    return apiError(c, status, "calendar_day_invalid", { field: issues[0]?.path[0], issues });
  }

  function answer(c: Context<AppEnv>, result: CalendarChange, created = false): Response {
    if (result.ok) {
      const body: CalendarChangeResponse = { calendar: result.calendar, clocksMoved: result.clocksMoved };
      return c.json(body, created ? 201 : 200);
    }
    if (result.code === "date_taken") {
      const code = "date_taken" as const;
      return refused(c, [{ path: ["date"], code, message: CALENDAR_PROBLEMS[code][requestLocale(c)] }], 409);
    }
    return apiError(c, 404, "calendar_day_not_found");
  }

  /** The :date of the address, or a refusal naming it. */
  function dateOf(c: Context<AppEnv>): { ok: true; date: string } | { ok: false; response: Response } {
    const date = c.req.param("date") ?? "";
    const problem = dateProblem(date);
    if (!problem) return { ok: true, date };
    const message = CALENDAR_PROBLEMS[problem][requestLocale(c)];
    return { ok: false, response: refused(c, [{ path: ["date"], code: problem, message }]) };
  }

  routes.get("/", async (c) => c.json((await calendarView(db, options.now())) satisfies CalendarView));

  // Every change below is the admin's.
  routes.use("*", async (c, next) => {
    if (c.req.method !== "GET" && actorOf(c).role !== "admin") return apiError(c, 403, "forbidden");
    await next();
  });

  routes.post("/days", async (c) => {
    const body = await readJson(c, z.unknown(), BODY_MAX_BYTES);
    if (!body.ok) return body.response;
    const day = checkCalendarDay(body.value, requestLocale(c));
    if (!day.ok) return refused(c, day.issues);
    return answer(c, await addCalendarDay(db, actorOf(c), day.value, options.now()), true);
  });

  routes.put("/days/:date", async (c) => {
    const date = dateOf(c);
    if (!date.ok) return date.response;
    const body = await readJson(c, z.unknown(), BODY_MAX_BYTES);
    if (!body.ok) return body.response;
    const day = checkCalendarDay(body.value, requestLocale(c), date.date);
    if (!day.ok) return refused(c, day.issues);
    const { kind, name, source } = day.value;
    return answer(c, await changeCalendarDay(db, actorOf(c), date.date, { kind, name, source }, options.now()));
  });

  routes.delete("/days/:date", async (c) => {
    const date = dateOf(c);
    if (!date.ok) return date.response;
    return answer(c, await removeCalendarDay(db, actorOf(c), date.date, options.now()));
  });

  routes.put("/settings", async (c) => {
    const body = await readJson(c, z.unknown(), BODY_MAX_BYTES);
    if (!body.ok) return body.response;
    const setting = checkCalendarSetting(body.value, requestLocale(c));
    if (!setting.ok) return refused(c, setting.issues);
    return answer(c, await setCalendarSettings(db, actorOf(c), setting.value, options.now()));
  });

  return routes;
}
