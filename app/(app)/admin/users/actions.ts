"use server";
// Server actions of /admin/users. Each authenticates, and the domain functions validate and authorise.
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { actionError, type ActionState } from "@/lib/http/action-state";

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const user = await createUser(await requireUser(), {
      email: form.get("email"),
      name: form.get("name") || undefined,
      role: form.get("role"),
      password: form.get("password"),
    });
    revalidatePath("/admin/users");
    return { ok: true, message: `Created ${user.email}.` };
  } catch (error) {
    return actionError(error);
  }
}

export async function updateUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    const change = form.get("change");
    const input = change === "role" ? { role: form.get("role") } : { active: change === "activate" };
    const user = await updateUser(await requireUser(), form.get("id"), input);
    revalidatePath("/admin/users");
    return { ok: true, message: `Updated ${user.email}.` };
  } catch (error) {
    return actionError(error);
  }
}
