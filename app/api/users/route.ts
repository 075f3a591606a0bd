// GET /api/users — list users; POST /api/users — create a user (admins only)
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";

export const GET = withRoute(async () => ({ users: await listUsers(await requireUser()) }));

export const POST = withRoute(async (request) => {
  const user = await createUser(await requireUser(), await readJson(request));
  return Response.json({ user }, { status: 201 });
});
