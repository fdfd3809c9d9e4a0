import { useCallback, useEffect, useState } from "preact/hooks";
import type { AnswerValue } from "../../shared/conditions";
import { localDb, type SelfCheck } from "../db/local-db";

/**
 * The reader's answers and ticks for one guide, saved on every change so a
 * reload, a crash or an app update never loses them.
 */
export function useSelfCheck(guideId: string) {
  const [state, setState] = useState<SelfCheck>({ guideId, answers: {}, ticked: [] });

  useEffect(() => {
    let live = true;
    setState({ guideId, answers: {}, ticked: [] });
    void localDb.selfChecks.get(guideId).then((saved) => {
      if (live && saved) setState(saved);
    });
    return () => {
      live = false;
    };
  }, [guideId]);

  const update = useCallback((change: (current: SelfCheck) => SelfCheck) => {
    setState((current) => {
      const next = change(current);
      void localDb.selfChecks.put(next);
      return next;
    });
  }, []);

  return {
    answers: state.answers,
    ticked: new Set(state.ticked),
    setAnswer: (questionId: string, value: AnswerValue) =>
      update((s) => ({ ...s, answers: { ...s.answers, [questionId]: value } })),
    toggle: (requirementId: string) =>
      update((s) => ({
        ...s,
        ticked: s.ticked.includes(requirementId)
          ? s.ticked.filter((id) => id !== requirementId)
          : [...s.ticked, requirementId],
      })),
    resetAnswers: () => update((s) => ({ ...s, answers: {} })),
  };
}
