import { describe, expect, it } from "vitest";
import { ComplaintNote } from "../../shared/api/complaints";
import { SurveySubmission } from "../../shared/api/skm";
import { SKM_ELEMENT_IDS, SKM_QUESTIONNAIRE } from "../../shared/skm/questionnaire";

/**
 * Free text as people paste it into a complaint, an answer or a survey's
 * suggestion: Windows line ends and tabs are normalised, never a reason to
 * turn a queued report away; other control characters are refused.
 */
const survey = (suggestion: string) => ({
  id: crypto.randomUUID(),
  questionnaire: SKM_QUESTIONNAIRE.id,
  channel: "citizen-phone",
  answers: Object.fromEntries(SKM_ELEMENT_IDS.map((id) => [id, 3])),
  suggestion,
  answeredAt: new Date().toISOString(),
});

describe("multi-line text in complaints and surveys", () => {
  it("turns CRLF and CR into LF and tabs into spaces, and trims", () => {
    const note = ComplaintNote.parse({ version: 1, text: "  Loket 3:\r\n\tpetugas\rpergi\t " });
    expect(note.text).toBe("Loket 3:\n petugas\npergi");
    expect(SurveySubmission.parse(survey("Antre\r\nlama\tsekali")).suggestion).toBe("Antre\nlama sekali");
  });

  it("refuses NUL, escape and other control characters", () => {
    for (const bad of ["a\u0000b", "a\u001bb", "a\u0007b", "a\u007fb"]) {
      expect(ComplaintNote.safeParse({ version: 1, text: bad }).success).toBe(false);
      expect(SurveySubmission.safeParse(survey(bad)).success).toBe(false);
    }
  });

  it("keeps the length limits after normalising; an empty suggestion is allowed, an empty note is not", () => {
    expect(ComplaintNote.safeParse({ version: 1, text: " \r\n\t " }).success).toBe(false);
    expect(SurveySubmission.parse(survey(" \r\n ")).suggestion).toBe("");
    expect(SurveySubmission.safeParse(survey("a".repeat(1001))).success).toBe(false);
    expect(SurveySubmission.safeParse(survey(`${"a".repeat(1000)}\r\n`)).success).toBe(true);
  });
});
