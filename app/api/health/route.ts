// GET /api/health — liveness, database reachability (used by `npm start` to know the server is up) and the
// Python sandbox's state: ready | starting | unavailable (with why), and its isolation. Asking starts the
// sandbox's workers when none is running; the answer never waits for them.
import { getDb } from "@/lib/db";
import { getSandboxPool } from "@/lib/sandbox/pool";

export const dynamic = "force-dynamic";

export async function GET() {
  const sandbox = getSandboxPool().status();
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ ok: true, sandbox });
  } catch {
    return Response.json({ ok: false, error: "database unreachable", sandbox }, { status: 503 });
  }
}
