/** Screens inside /konsol; the app's router only knows that a path belongs to the console. */
export type ConsoleRoute =
  | { name: "queue" }
  | { name: "application"; id: string }
  | { name: "dashboard" }
  | { name: "guides" }
  | { name: "guide"; id: string }
  | { name: "people" }
  | { name: "audit" }
  | { name: "calendar" }
  | { name: "skm" }
  | { name: "skm-notice" }
  | { name: "complaints" }
  | { name: "complaint"; id: string }
  | { name: "privacy" }
  | { name: "not-found" };

export function matchConsoleRoute(path: string): ConsoleRoute {
  const rest = path.replace(/^\/konsol/, "").replace(/\/$/, "");
  if (rest === "" || rest === "/antrean") return { name: "queue" };
  const application = /^\/berkas\/([0-9a-f-]{36})$/.exec(rest);
  if (application?.[1]) return { name: "application", id: application[1] };
  if (rest === "/dasbor") return { name: "dashboard" };
  if (rest === "/panduan") return { name: "guides" };
  const guide = /^\/panduan\/([a-z0-9-]+)$/.exec(rest);
  if (guide?.[1]) return { name: "guide", id: guide[1] };
  // "/kader" was the screen's address when it listed only cadres; old bookmarks still land there.
  if (rest === "/akun" || rest === "/kader") return { name: "people" };
  if (rest === "/audit") return { name: "audit" };
  if (rest === "/kalender") return { name: "calendar" };
  if (rest === "/skm") return { name: "skm" };
  if (rest === "/skm/cetak") return { name: "skm-notice" };
  if (rest === "/pengaduan") return { name: "complaints" };
  const complaint = /^\/pengaduan\/([0-9a-f-]{36})$/.exec(rest);
  if (complaint?.[1]) return { name: "complaint", id: complaint[1] };
  if (rest === "/privasi") return { name: "privacy" };
  return { name: "not-found" };
}

export const consolePaths = {
  queue: "/konsol",
  application: (id: string) => `/konsol/berkas/${id}`,
  dashboard: "/konsol/dasbor",
  guides: "/konsol/panduan",
  guide: (id: string) => `/konsol/panduan/${id}`,
  people: "/konsol/akun",
  audit: "/konsol/audit",
  calendar: "/konsol/kalender",
  skm: "/konsol/skm",
  skmNotice: "/konsol/skm/cetak",
  complaints: "/konsol/pengaduan",
  complaint: (id: string) => `/konsol/pengaduan/${id}`,
  privacy: "/konsol/privasi",
};
