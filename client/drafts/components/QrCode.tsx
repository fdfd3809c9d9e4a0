import { useEffect, useState } from "preact/hooks";

/** uqr's SVG, marked to draw its modules with hard edges and to stay out of the accessibility tree. */
function crisp(svg: string): string {
  return svg.replace("<svg ", '<svg shape-rendering="crispEdges" aria-hidden="true" focusable="false" ');
}

/**
 * A QR code drawn as inline SVG markup (the CSP allows no inline styles, and
 * no image fetch is needed, so printing works offline). The encoder is its
 * own chunk, loaded when a file with a number opens (the service worker
 * precaches it), not at print time. A quiet zone of 4 modules, black on white.
 */
export function QrCode({ text, label }: { text: string; label: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import("uqr").then(({ renderSVG }) => {
      if (live) setSvg(crisp(renderSVG(text, { border: 4, ecc: "M" })));
    });
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <div
      class="qr-code"
      data-qr="status-link"
      data-qr-text={text}
      data-ready={svg ? "true" : "false"}
      role="img"
      aria-label={label}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: uqr's own SVG of our own link, no user markup.
      dangerouslySetInnerHTML={{ __html: svg ?? "" }}
    />
  );
}
