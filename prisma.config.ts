// Prisma CLI configuration (Prisma 7 keeps the URL out of schema.prisma).
// The app and the CLI resolve the database in lib/db/resolve-database.ts; this file is only read by the
// `prisma` command itself (e.g. `prisma migrate deploy` on a machine that has Prisma's schema engine).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/fieldwork" },
});
