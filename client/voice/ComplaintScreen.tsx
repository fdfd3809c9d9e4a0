/** The complaint (pengaduan) form: filled in by a citizen or a cadre, queued offline. Built in issue 14. */
export function ComplaintScreen(_props: { number: string | null }) {
  return <h1>Pengaduan</h1>;
}
