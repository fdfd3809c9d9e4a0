import { AppHeader } from "./components/AppHeader";
import { UpdatePrompt } from "./components/UpdatePrompt";
import { OfflineReadyNotice } from "./install/OfflineReadyNotice";
import { lazyScreen } from "./lazy-screen";
import { currentPath, matchRoute } from "./router";
import { HomeScreen } from "./screens/HomeScreen";
import { NotFoundScreen } from "./screens/NotFoundScreen";

const GuideScreen = lazyScreen(() => import("./screens/GuideScreen").then((m) => m.GuideScreen));
const DraftsScreen = lazyScreen(() => import("./screens/DraftsScreen").then((m) => m.DraftsScreen));
const DraftScreen = lazyScreen(() => import("./screens/DraftScreen").then((m) => m.DraftScreen));
const TrackingScreen = lazyScreen(() => import("./tracking/TrackingScreen").then((m) => m.TrackingScreen));
const SurveyScreen = lazyScreen(() => import("./voice/SurveyScreen").then((m) => m.SurveyScreen));
const ComplaintScreen = lazyScreen(() => import("./voice/ComplaintScreen").then((m) => m.ComplaintScreen));
const SkmScreen = lazyScreen(() => import("./skm/SkmScreen").then((m) => m.SkmScreen));
const LoginScreen = lazyScreen(() => import("./screens/LoginScreen").then((m) => m.LoginScreen));
// Operators only: its own chunk, kept out of the service worker's precache.
const ConsoleApp = lazyScreen(() => import("./console/ConsoleApp").then((m) => m.ConsoleApp));

export function App() {
  const route = matchRoute(currentPath.value);
  return (
    <>
      <AppHeader />
      <UpdatePrompt />
      <OfflineReadyNotice />
      <main id="main" class="page">
        {route.name === "home" && <HomeScreen />}
        {route.name === "guide" && <GuideScreen id={route.id} />}
        {route.name === "drafts" && <DraftsScreen />}
        {route.name === "draft" && <DraftScreen id={route.id} />}
        {route.name === "login" && <LoginScreen />}
        {route.name === "console" && <ConsoleApp />}
        {route.name === "track" && <TrackingScreen number={route.number} />}
        {route.name === "survey" && <SurveyScreen number={route.number} />}
        {route.name === "complaint" && <ComplaintScreen number={route.number} />}
        {route.name === "skm" && <SkmScreen />}
        {route.name === "not-found" && <NotFoundScreen />}
      </main>
    </>
  );
}
