// The one place that reads process.env. Parsed lazily with zod so `next build` works without a database.
import { z } from "zod";
import { LATEX_DEFAULTS } from "./latex/limits";

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Where `npm start` listens: loopback by default (the demo accounts' password is printed); 0.0.0.0 to widen.
  HOST: z.string().min(1).default("127.0.0.1"),
  // The app's public origin, e.g. https://fieldwork.example.org; state-changing requests must come from it.
  // Unset: the request's own Host.
  APP_URL: z.string().url().optional(),
  // How many reverse proxies in front of the app append to X-Forwarded-For; 0 = use the socket address.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  FIELDWORK_DATA_DIR: z.string().default(".data"),
  FIELDWORK_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DEMO_PASSWORD: z.string().min(8).optional(),
  SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  SIGNIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  // Failures from one address across all emails (credential stuffing).
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  // Largest JSON request body; imports have their own limit (IMPORT_MAX_BYTES).
  API_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  // Largest body of the batch grading routes (/api/grade/batch, /api/reward/openrlhf): 256 long responses.
  GRADE_MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(16 * 1024 * 1024),
  // Requests per minute per API token and app instance (429 with Retry-After past it; bursts up to a minute's worth).
  API_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000_000).default(3000),
  LATEX_MAX_EXPAND: z.coerce.number().int().min(10).max(100000).default(LATEX_DEFAULTS.maxExpand),
  LATEX_MAX_EXPANDED_TOKENS: z.coerce.number().int().min(100).max(10_000_000).default(LATEX_DEFAULTS.maxExpandedTokens),
  LATEX_MAX_HTML_CHARS: z.coerce.number().int().min(10_000).max(1_000_000_000).default(LATEX_DEFAULTS.maxHtmlChars),
  LATEX_RENDER_MS: z.coerce.number().int().min(50).max(600_000).default(LATEX_DEFAULTS.renderMs),
  EQUIVALENCE_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  WORKER_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(65_536).default(512),
  // Worker threads that encode release files for downloads and `fieldwork export` (0: in the server's own
  // thread). Unset: one less than the cores, 2 to 4 (lib/workers/run-task.ts).
  EXPORT_THREADS: z.coerce.number().int().min(0).max(64).optional(),
  ITEM_MAX_TEXT_CHARS: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
  // Seeds an annotator may hold claimed (assigned, not yet adapted) before "claim next" refuses.
  MAX_OPEN_CLAIMS: z.coerce.number().int().min(1).max(1000).default(5),
  ITEM_MAX_TEST_CASES: z.coerce.number().int().min(1).max(10_000).default(200),
  IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
  IMPORT_MAX_ENTRIES: z.coerce.number().int().min(1).default(10_000),
  IMPORT_MAX_UNCOMPRESSED_BYTES: z.coerce.number().int().min(1024).default(500 * 1024 * 1024),
  IMPORT_MAX_EXPANSION_RATIO: z.coerce.number().int().min(2).default(100),
  IMPORT_PARSE_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  IMPORT_MEMORY_MB: z.coerce.number().int().min(32).max(65_536).default(2048),
  ARXIV_BASE_URL: z.string().url().default("https://export.arxiv.org"),
  // Unset: /usr/bin/python3 when present, else python3 on PATH (lib/sandbox/runtime.ts).
  SANDBOX_PYTHON: z.string().min(1).optional(),
  // bubblewrap or nothing; unsafe-rlimits is for a developer's own machine only (README, Python sandbox).
  SANDBOX_ISOLATION: z.enum(["bwrap", "unsafe-rlimits"]).default("bwrap"),
  SANDBOX_UID: z.coerce.number().int().min(1).max(2 ** 31 - 2).default(65534),
  SANDBOX_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  SANDBOX_WORKER_JOBS: z.coerce.number().int().min(1).default(1000),
  SANDBOX_CPU_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  SANDBOX_WALL_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  SANDBOX_MEMORY_MB: z.coerce.number().int().min(32).max(65_536).default(512),
  SANDBOX_OUTPUT_BYTES: z.coerce.number().int().min(1024).max(100_000_000).default(1_000_000),
});

export type TEnv = z.infer<typeof ZEnv>;

let cached: TEnv | undefined;

export function getEnv(): TEnv {
  if (!cached) {
    const parsed = ZEnv.safeParse(process.env);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new Error(`Invalid environment: ${where}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** For tests and the CLI, which change the environment after start-up. */
export function resetEnvCache(): void {
  cached = undefined;
}
