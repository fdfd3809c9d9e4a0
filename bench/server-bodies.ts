/**
 * Push bodies for the server benchmark: 10 putDraft mutations of ~1.4 KB each,
 * every one a new draft under fresh ids, so each request does the real work of
 * a phone's push (a new application per mutation) rather than being answered
 * as a duplicate. Built by splicing ids into one serialised draft: the load
 * generator shares the machine with the server, so it must stay cheap.
 */
import { v7 as uuidv7 } from "uuid";
import { readyDraft } from "../tests/helpers/drafts";

export const MUTATIONS_PER_PUSH = 10;

/** The serialised ready draft after its `id` field: `"guideId":...}`. */
let draftTail: string | undefined;

function tail(): string {
  if (draftTail === undefined) {
    const { id: _id, ...rest } = readyDraft();
    draftTail = JSON.stringify(rest).slice(1);
  }
  return draftTail;
}

/**
 * The JSON body of one push from `clientId`: seqs `firstSeq` to
 * `firstSeq + count - 1`, each a putDraft of a draft never seen before.
 */
export function pushBody(clientId: string, firstSeq = 1, count = MUTATIONS_PER_PUSH): string {
  const rest = tail();
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(
      `{"seq":${firstSeq + i},"mutationId":"${uuidv7()}","name":"putDraft","args":{"draft":{"id":"${uuidv7()}",${rest}},"baseVersion":0}`,
    );
  }
  return `{"clientId":"${clientId}","mutations":[${parts.join(",")}]}`;
}

/** A push body from a client never seen before (seqs 1–10): what each closed-loop request sends. */
export function freshPushBody(): string {
  return pushBody(uuidv7());
}
