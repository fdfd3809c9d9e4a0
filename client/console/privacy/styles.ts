/** The privacy screen's few layout rules (console.css is shared by every screen's owner: set here). */

/** A card's help sits apart from its first field's label. */
export const HELP = { marginBottom: "1rem" };

/** Two cards side by side when the screen is wide enough, one above the other on a phone. */
export const GRID = {
  display: "grid",
  gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 24rem), 1fr))",
  columnGap: "1rem",
};

/** What was removed: the console's "done" colours (as a closed complaint's tag). */
export const DONE = { background: "var(--green-100)", color: "var(--green-900)", borderColor: "var(--green-900)" };

/** A table's name above it at the left, as a heading would be. */
export const CAPTION = { textAlign: "left", fontWeight: 600, padding: "0.25rem 0" } as const;

/** A tracking or complaint number is read whole: never broken over two lines. */
export const NUMBER = { whiteSpace: "nowrap" } as const;
