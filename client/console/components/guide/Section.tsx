import type { ComponentChildren } from "preact";
import { type ConsoleMessageKey, tc } from "../../messages";

/** The editor's sections, in page order: the nav and the sections read from this one list. */
export const SECTIONS = [
  { id: "sec-info", title: "secInfo" },
  { id: "sec-fee-time", title: "secFeeTime" },
  { id: "sec-submission", title: "secSubmission" },
  { id: "sec-questions", title: "secQuestions" },
  { id: "sec-requirements", title: "secRequirements" },
  { id: "sec-eligibility", title: "secEligibility" },
  { id: "sec-legal", title: "secLegal" },
  { id: "sec-publish", title: "secPublish" },
] as const satisfies readonly { id: string; title: ConsoleMessageKey }[];

export type SectionId = (typeof SECTIONS)[number]["id"];

export function Section({ id, children }: { id: SectionId; children: ComponentChildren }) {
  const section = SECTIONS.find((s) => s.id === id);
  return (
    <section class="card editor-section" id={id} aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`}>{section ? tc(section.title) : id}</h2>
      {children}
    </section>
  );
}

/** Jump links to each section; sticky beside the form on a PC, a wrapping row on a phone. */
export function EditorNav() {
  return (
    <nav class="editor-nav" aria-label={tc("editorNav")}>
      <ol>
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{tc(section.title)}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
