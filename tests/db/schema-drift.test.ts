// The hand-written SQL migrations must produce exactly the database that prisma/schema.prisma describes:
// same tables, columns (type, nullability, default presence), enums, indexes and foreign keys.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/db";

const require = createRequire(import.meta.url);
const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf: (params: string) => string };

type DmmfField = {
  name: string; kind: string; type: string; isRequired: boolean; isList: boolean; dbName?: string | null;
  nativeType?: [string, string[]] | null; default?: unknown; relationFromFields?: string[]; relationOnDelete?: string;
};
type Dmmf = {
  datamodel: {
    enums: { name: string; values: { name: string }[] }[];
    models: { name: string; dbName: string | null; fields: DmmfField[] }[];
    indexes: { model: string; type: "id" | "unique" | "normal"; dbName?: string | null; fields: { name: string }[] }[];
  };
};

const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: readFileSync("prisma/schema.prisma", "utf8") }))) as Dmmf;

const SCALAR_TYPES: Record<string, string> = {
  Int: "integer", BigInt: "bigint", Boolean: "boolean", Float: "double precision", Json: "jsonb", Decimal: "numeric", Bytes: "bytea",
};

function expectedType(field: DmmfField): string {
  let base: string;
  if (field.kind === "enum") base = `enum:${field.type}`;
  else if (field.type === "String") base = field.nativeType?.[0] === "Uuid" ? "uuid" : "text";
  else if (field.type === "DateTime") base = field.nativeType?.[0] === "Date" ? "date" : field.nativeType?.[0] === "Timestamptz" ? "timestamptz(3)" : "timestamp(3)";
  else base = SCALAR_TYPES[field.type] ?? field.type;
  return field.isList ? `${base}[]` : base;
}

/** information_schema's element type names of arrays → the names its data_type gives plain columns */
const UDT_NAMES: Record<string, string> = { int4: "integer", int8: "bigint", float8: "double precision", bool: "boolean" };

const ON_DELETE: Record<string, string> = { Cascade: "c", Restrict: "r", SetNull: "n", NoAction: "a", SetDefault: "d" };

function expected() {
  const columns: string[] = [];
  const indexes: string[] = [];
  const foreignKeys: string[] = [];
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    for (const f of model.fields) {
      if (f.kind === "object") {
        if (f.relationFromFields?.length) {
          foreignKeys.push(`${table}.${model.name}_${f.relationFromFields.join("_")}_fkey on delete ${ON_DELETE[f.relationOnDelete ?? "NoAction"]}`);
        }
        continue;
      }
      const nullable = f.isList || !f.isRequired;
      columns.push(`${table}.${f.dbName ?? f.name} ${expectedType(f)} ${nullable ? "null" : "not null"}${f.default !== undefined ? " default" : ""}`);
    }
  }
  for (const idx of dmmf.datamodel.indexes) {
    const table = dmmf.datamodel.models.find((m) => m.name === idx.model)?.dbName ?? idx.model;
    const cols = idx.fields.map((f) => f.name);
    const suffix = idx.type === "id" ? "pkey" : idx.type === "unique" ? "key" : "idx";
    const name = idx.dbName ?? (idx.type === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${suffix}`);
    indexes.push(`${table}.${name} ${idx.type === "normal" ? "" : "unique "}(${cols.join(",")})`);
  }
  const enums = dmmf.datamodel.enums.map((e) => `${e.name}: ${e.values.map((v) => v.name).join(",")}`);
  return { columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort(), enums: enums.sort() };
}

async function actual(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const cols = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null; datetime_precision: number | null }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const typeOf = (c: (typeof cols.rows)[number]) => {
      if (c.data_type === "USER-DEFINED") return `enum:${c.udt_name}`;
      if (c.data_type === "ARRAY") return `${UDT_NAMES[c.udt_name.slice(1)] ?? c.udt_name.slice(1)}[]`;
      if (c.data_type === "timestamp with time zone") return `timestamptz(${c.datetime_precision})`;
      if (c.data_type === "timestamp without time zone") return `timestamp(${c.datetime_precision})`;
      return c.data_type;
    };
    const columns = cols.rows.map(
      (c) => `${c.table_name}.${c.column_name} ${typeOf(c)} ${c.is_nullable === "YES" ? "null" : "not null"}${c.column_default !== null ? " default" : ""}`,
    );
    const idx = await client.query<{ table: string; name: string; unique: boolean; cols: string[] }>(
      `SELECT t.relname AS table, i.relname AS name, ix.indisunique AS unique,
              array_agg(a.attname::text ORDER BY k.ord) AS cols
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
       GROUP BY t.relname, i.relname, ix.indisunique`,
    );
    const indexes = idx.rows.map((r) => `${r.table}.${r.name} ${r.unique ? "unique " : ""}(${r.cols.join(",")})`);
    const fks = await client.query<{ table: string; name: string; del: string }>(
      `SELECT t.relname AS table, c.conname AS name, c.confdeltype AS del
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE c.contype = 'f' AND n.nspname = 'public'`,
    );
    const foreignKeys = fks.rows.map((r) => `${r.table}.${r.name} on delete ${r.del}`);
    const en = await client.query<{ name: string; labels: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const enums = en.rows.map((r) => `${r.name}: ${r.labels.join(",")}`);
    return { columns: columns.sort(), indexes: indexes.sort(), foreignKeys: foreignKeys.sort(), enums: enums.sort() };
  } finally {
    await client.end();
  }
}

describe("migrations match schema.prisma", () => {
  const url = useTestDatabase();

  it("has the same tables and columns (type, nullability, default)", async () => {
    expect((await actual(url)).columns).toEqual(expected().columns);
  });

  it("has the same enums with values in order", async () => {
    expect((await actual(url)).enums).toEqual(expected().enums);
  });

  it("has the same indexes, unique constraints and primary keys", async () => {
    expect((await actual(url)).indexes).toEqual(expected().indexes);
  });

  it("has the same foreign keys with the same delete rules", async () => {
    expect((await actual(url)).foreignKeys).toEqual(expected().foreignKeys);
  });
});
