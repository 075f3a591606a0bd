// A small table of counts (by topic, source, difficulty…), largest first.
export function CountTable({ title, counts, testId }: { title: string; counts: Record<string, number>; testId?: string }) {
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return (
    <table className="table-dense" data-testid={testId}>
      <thead><tr><th>{title}</th><th className="text-right">items</th></tr></thead>
      <tbody>
        {rows.length === 0 ? <tr><td colSpan={2} className="text-stone-500">none</td></tr> : rows.map(([k, n]) => (
          <tr key={k}><td className="text-xs">{k}</td><td className="text-right tabular-nums">{n.toLocaleString("en")}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
