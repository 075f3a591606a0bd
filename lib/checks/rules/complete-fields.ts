// Every field an item needs before review is filled in (the list lives in lib/items/required-fields.ts,
// which the editor uses to mark the same fields before any check has run).
import { missingFields } from "../../items/required-fields";
import { fail, pass, type Check } from "../types";

export const completeFields: Check = {
  id: "complete-fields",
  title: "Complete fields",
  blocking: true,
  run: ({ fields }) => {
    const missing = missingFields(fields);
    return missing.length ? missing.map((m) => fail(m.message, { field: m.field })) : [pass("Every field is filled in.")];
  },
};
