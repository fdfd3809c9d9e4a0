import "./console.css";
import { useEffect } from "preact/hooks";
import { t } from "../i18n";
import { currentPath, onLinkClick } from "../router";
import { ErrorNote } from "./components/Notice";
import { kecamatanName } from "./lookups";
import { tc } from "./messages";
import { tp } from "./privacy-messages";
import { consolePaths, matchConsoleRoute } from "./routes";
import { ApplicationScreen } from "./screens/ApplicationScreen";
import { AuditScreen } from "./screens/AuditScreen";
import { CalendarScreen } from "./screens/CalendarScreen";
import { ComplaintScreen } from "./screens/ComplaintScreen";
import { ComplaintsScreen } from "./screens/ComplaintsScreen";
import { DashboardScreen } from "./screens/DashboardScreen";
import { GuideEditorScreen } from "./screens/GuideEditorScreen";
import { GuidesScreen } from "./screens/GuidesScreen";
import { PeopleScreen } from "./screens/PeopleScreen";
import { PrivacyScreen } from "./screens/PrivacyScreen";
import { QueueScreen } from "./screens/QueueScreen";
import { SkmNoticeScreen } from "./screens/SkmNoticeScreen";
import { SkmScreen } from "./screens/SkmScreen";
import { consoleSession, loadConsoleSession } from "./session";
import { tv } from "./voice-messages";

const NAV = [
  { href: consolePaths.queue, key: "navQueue", section: ["queue", "application"] },
  { href: consolePaths.dashboard, key: "navDashboard", section: ["dashboard"] },
  { href: consolePaths.complaints, key: "navComplaints", section: ["complaints", "complaint"] },
  { href: consolePaths.skm, key: "navSkm", section: ["skm", "skm-notice"] },
  { href: consolePaths.guides, key: "navGuides", section: ["guides", "guide"] },
  { href: consolePaths.people, key: "navCadres", section: ["people"] },
  { href: consolePaths.calendar, key: "navCalendar", section: ["calendar"] },
  { href: consolePaths.audit, key: "navAudit", section: ["audit"] },
  // Admins only: the office's privacy rules (issue 15).
  { href: consolePaths.privacy, key: "navPrivacy", section: ["privacy"], adminOnly: true },
] as const;

/** The operator console: loaded only under /konsol, so cadres' phones never fetch it. */
export function ConsoleApp() {
  useEffect(() => {
    void loadConsoleSession();
  }, []);
  useEffect(() => {
    document.title = `${tc("consoleTitle")} — Masdarin`;
  });

  const session = consoleSession.value;
  if (session.state === "loading") return <p class="muted">{tc("loading")}</p>;
  if (session.state === "error") return <ErrorNote error={session.error} onRetry={() => void loadConsoleSession()} />;
  if (session.state === "anonymous" || session.user.role === "cadre") {
    return (
      <section class="card console-refused" aria-labelledby="console-refused-title">
        <h1 id="console-refused-title">{tc("consoleTitle")}</h1>
        <p>{session.state === "anonymous" ? tc("needSignIn") : tc("cadreRefused")}</p>
        <a class="button primary" href="/masuk?ke=konsol" onClick={onLinkClick}>
          {tc("signInLink")}
        </a>
      </section>
    );
  }

  const route = matchConsoleRoute(currentPath.value);
  const user = session.user;
  return (
    <div class="console">
      <div class="console-bar">
        <p class="console-who small">
          {tc("signedInAs", {
            name: user.displayName,
            role: tc(user.role === "admin" ? "roleAdmin" : "roleOperator"),
          })}
          {user.kecamatanCode ? ` · ${tc("kecamatanLabel", { name: kecamatanName(user.kecamatanCode) })}` : ""}
        </p>
        <nav class="console-nav" aria-label={tc("navLabel")}>
          {NAV.filter((item) => !("adminOnly" in item) || user.role === "admin").map((item) => (
            <a
              key={item.href}
              href={item.href}
              onClick={onLinkClick}
              aria-current={(item.section as readonly string[]).includes(route.name) ? "page" : undefined}
            >
              {item.key === "navPrivacy"
                ? tp(item.key)
                : item.key === "navComplaints" || item.key === "navSkm"
                  ? tv(item.key)
                  : tc(item.key)}
            </a>
          ))}
        </nav>
      </div>
      {route.name === "queue" && <QueueScreen />}
      {route.name === "application" && <ApplicationScreen key={route.id} id={route.id} />}
      {route.name === "dashboard" && <DashboardScreen />}
      {route.name === "guides" && <GuidesScreen />}
      {route.name === "guide" && <GuideEditorScreen key={route.id} id={route.id} />}
      {route.name === "people" && <PeopleScreen />}
      {route.name === "audit" && <AuditScreen />}
      {route.name === "calendar" && <CalendarScreen />}
      {route.name === "complaints" && <ComplaintsScreen />}
      {route.name === "complaint" && <ComplaintScreen key={route.id} id={route.id} />}
      {route.name === "skm" && <SkmScreen />}
      {route.name === "skm-notice" && <SkmNoticeScreen />}
      {route.name === "privacy" && <PrivacyScreen />}
      {route.name === "not-found" && (
        // Every page has its one h1, an unknown console address included.
        <section class="card">
          <h1>{t("notFoundTitle")}</h1>
          <a class="back-link" href={consolePaths.queue} onClick={onLinkClick}>
            ← {tc("navQueue")}
          </a>
        </section>
      )}
    </div>
  );
}
