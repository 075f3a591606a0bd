// The located errors of an import: file, line (or document), message.
import type { RowError } from "@/lib/imports/types";

export function ImportErrors({ errors }: { errors: RowError[] }) {
  if (errors.length === 0) return null;
  return (
    <div>
      <h2 className="mb-1 text-sm font-semibold">Errors (these rows are not imported; everything else is)</h2>
      <table className="table-dense" data-testid="import-errors">
        <thead><tr><th>File</th><th>Line</th><th>Problem</th></tr></thead>
        <tbody>
          {errors.slice(0, 200).map((e, i) => (
            <tr key={i}>
              <td className="font-mono text-xs">{e.file}</td>
              <td className="font-mono text-xs">{e.line ?? ""}{e.document ? ` (doc ${e.document})` : ""}</td>
              <td className="text-sm">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.length > 200 && <p className="mt-1 text-xs text-stone-500">…and {errors.length - 200} more.</p>}
    </div>
  );
}
