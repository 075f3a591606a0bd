// The result shape of server actions, and the mapping of domain errors into it (the action counterpart of withRoute).
import { ZodError } from "zod";
import { isAppError } from "../errors";

export type ActionState = { ok: boolean; message?: string; error?: string; fieldErrors?: Record<string, string> } | null;

export function actionError(error: unknown): ActionState {
  if (error instanceof ZodError) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of error.issues) fieldErrors[issue.path.join(".") || "form"] ??= issue.message;
    return { ok: false, error: Object.values(fieldErrors).join(" "), fieldErrors };
  }
  if (isAppError(error)) return { ok: false, error: error.message };
  console.error(error);
  return { ok: false, error: "Something went wrong. Nothing was changed." };
}
