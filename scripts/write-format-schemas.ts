// Writes docs/formats/<format>.schema.json from the formats' JSON Schemas (tests/export/formats.test.ts fails
// when they differ): `node --conditions=react-server --import tsx scripts/write-format-schemas.ts`.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FORMATS } from "../lib/export/formats";
import { canonicalJsonPretty } from "../lib/export/model/canonical-json";

const dir = path.join(process.cwd(), "docs", "formats");
mkdirSync(dir, { recursive: true });
for (const format of Object.values(FORMATS)) {
  writeFileSync(path.join(dir, `${format.name}.schema.json`), canonicalJsonPretty(format.jsonSchema));
  console.log(`docs/formats/${format.name}.schema.json`);
}
