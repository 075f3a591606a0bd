// PATCH /api/users/[id] — change role, name or active flag (admins only)
import { requireUser } from "@/lib/auth/session";
import { readJson, withRoute } from "@/lib/http/with-route";
import { updateUser } from "@/lib/users/update-user";

type Context = { params: Promise<{ id: string }> };

export const PATCH = withRoute(async (request, { params }: Context) => {
  const { id } = await params;
  return { user: await updateUser(await requireUser(), id, await readJson(request)) };
});
