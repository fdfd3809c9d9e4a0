import type { RetentionReport } from "../../../shared/api/retention";
import { statusLabel } from "../../../shared/review/statuses";
import { formatNumber } from "../../format";
import { locale } from "../../i18n";
import { TableScroll } from "../components/TableScroll";
import { tp } from "../privacy-messages";
import { CAPTION, NUMBER } from "./styles";
import { formatMoment, formatSize } from "./words";

/** Rows shown of a long list: the totals above count them all. */
export const SHOWN_ROWS = 200;

/** The files and complaints of a retention report: numbers, service, dates and photos; never a name. */
export function RetentionTables({ report }: { report: RetentionReport }) {
  const files = report.files.slice(0, SHOWN_ROWS);
  const complaints = report.complaints.slice(0, SHOWN_ROWS);
  return (
    <>
      {files.length > 0 && (
        <TableScroll labelledBy="privacy-files-caption">
          <table class="console-table" data-testid="privacy-files">
            <caption id="privacy-files-caption" style={CAPTION}>
              {tp("filesCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{tp("colTracking")}</th>
                <th scope="col">{tp("colService")}</th>
                <th scope="col">{tp("colStatus")}</th>
                <th scope="col">{tp("colDecided")}</th>
                <th scope="col">{tp("colPhotos")}</th>
                <th scope="col">{tp("colSize")}</th>
              </tr>
            </thead>
            <tbody>
              {files.map((file, index) => (
                <tr key={file.trackingNumber ?? index}>
                  <td class="mono" style={NUMBER}>
                    {file.trackingNumber ?? tp("noTracking")}
                  </td>
                  <td>{file.serviceTitle}</td>
                  <td>{statusLabel(file.status, locale.value)}</td>
                  <td>{formatMoment(file.decidedAt)}</td>
                  <td>{formatNumber(file.photos)}</td>
                  <td>{formatSize(file.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.files.length > files.length && (
            <p class="small muted">
              {tp("moreRows", { shown: formatNumber(files.length), total: formatNumber(report.files.length) })}
            </p>
          )}
        </TableScroll>
      )}
      {complaints.length > 0 && (
        <TableScroll labelledBy="privacy-complaints-caption">
          <table class="console-table" data-testid="privacy-complaints">
            <caption id="privacy-complaints-caption" style={CAPTION}>
              {tp("complaintsCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{tp("colNumber")}</th>
                <th scope="col">{tp("colClosed")}</th>
              </tr>
            </thead>
            <tbody>
              {complaints.map((complaint) => (
                <tr key={complaint.number}>
                  <td class="mono" style={NUMBER}>
                    {complaint.number}
                  </td>
                  <td>{formatMoment(complaint.closedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.complaints.length > complaints.length && (
            <p class="small muted">
              {tp("moreRows", {
                shown: formatNumber(complaints.length),
                total: formatNumber(report.complaints.length),
              })}
            </p>
          )}
        </TableScroll>
      )}
    </>
  );
}
