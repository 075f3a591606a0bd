import { describe, expect, it } from "vitest";
import { checkFailuresTable, coverageTable, formatCell, toCsv, type PanelTable } from "./tables";

describe("panel tables", () => {
  it("writes CSV with a header, quotes what needs it and defuses spreadsheet formulas", () => {
    const table: PanelTable = {
      columns: [{ key: "reason", label: "Reason", kind: "text" }, { key: "count", label: "Rejections", kind: "int" }, { key: "share", label: "Share", kind: "percent" }],
      rows: [{ reason: 'Says "prove", not "find"', count: 3, share: 0.75 }, { reason: "=HYPERLINK(\"x\")", count: 1, share: null }, { reason: "a, b\nc", count: 1000, share: 0.25 }],
    };
    expect(toCsv(table)).toBe('Reason,Rejections,Share\r\n"Says ""prove"", not ""find""",3,0.75\r\n"\'=HYPERLINK(""x"")",1,\r\n"a, b\nc",1000,0.25\r\n');
  });

  it("formats cells for the screen and keeps raw values for the CSV", () => {
    expect([formatCell(1234, "int"), formatCell(0.5, "percent"), formatCell(30, "hours"), formatCell(2.25, "decimal"), formatCell(null, "int"), formatCell(true, "yesno")])
      .toEqual(["1,234", "50 %", "30 h", "2.3", "—", "yes"]);
    const rows = coverageTable([{ source: "s", title: null, imported: 8, adapted: 4, approved: 2 }]).rows;
    expect(rows[0].approvedShare).toBe(0.25);
  });

  it("gives check failures as shares of the runs of their kind", () => {
    const { rows } = checkFailuresTable([{ check: "latex-renders", label: "LaTeX renders", blocking: true, count: 3, atSubmit: 2, atApproval: 1 }], { atSubmit: 8, atApproval: 0 });
    expect(rows[0]).toMatchObject({ atSubmitRate: 0.25, atApprovalRate: null });
  });
});
