const whole = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });
const tenth = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 1 });

/** "144 KB", "1,2 MB": Indonesian digits whatever the UI language, like the app's other numbers. */
export function formatBytes(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1024) return `${whole.format(Math.ceil(kb))} KB`;
  return `${tenth.format(kb / 1024)} MB`;
}
