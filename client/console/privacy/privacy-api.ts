import type { PrivacySettings, RetentionReport } from "../../../shared/api/retention";
import { api } from "../api";

const BASE = "/api/console/privacy";

export const loadPrivacySettings = () => api<PrivacySettings>("GET", `${BASE}/settings`);
export const savePrivacySettings = (settings: PrivacySettings) =>
  api<PrivacySettings>("PUT", `${BASE}/settings`, settings);
export const loadRetentionDryRun = () => api<RetentionReport>("GET", `${BASE}/retention`);
export const runRetentionNow = () => api<RetentionReport>("POST", `${BASE}/retention/run`, {});
