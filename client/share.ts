export type ShareOutcome = "shared" | "copied" | "cancelled" | "failed";

/**
 * Web Share where the phone has it (WhatsApp is one tap away there);
 * otherwise the text goes to the clipboard for pasting.
 */
export async function shareText(title: string, text: string): Promise<ShareOutcome> {
  if (navigator.share) {
    try {
      await navigator.share({ title, text });
      return "shared";
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return "cancelled";
    }
  }
  try {
    await navigator.clipboard.writeText(text);
    return "copied";
  } catch {
    return "failed";
  }
}
