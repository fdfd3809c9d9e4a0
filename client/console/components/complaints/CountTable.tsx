import { formatNumber } from "../../../format";
import { tv } from "../../voice-messages";
import { TableScroll } from "../TableScroll";

/** A two-column table of labelled counts, under its own heading. */
export function CountTable({
  id,
  title,
  column,
  rows,
}: {
  id: string;
  title: string;
  column: string;
  rows: { label: string; count: number }[];
}) {
  return (
    <div class="count-table">
      <h3 id={`${id}-title`}>{title}</h3>
      <TableScroll labelledBy={`${id}-title`}>
        <table class="console-table" data-testid={`table-${id}`}>
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col">{tv("dashCount")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{formatNumber(row.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}
