import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { listUsers } from "@/lib/users/list-users";
import { CreateUserForm, UserRow } from "./users-client";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageUser();
  const users = await listUsers(actor).catch((e: unknown) => {
    if (isAppError(e) && e.code === "FORBIDDEN") return null;
    throw e;
  });
  if (!users) {
    return (
      <Card>
        <p role="alert" data-testid="forbidden" className="text-sm">You do not have access to user management.</p>
      </Card>
    );
  }
  return (
    <>
      <PageHeader title="Users" subtitle="Accounts, roles and access." />
      <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
        <Card>
          <table className="table-dense" data-testid="user-table">
            <thead>
              <tr><th>Name</th><th>Email</th><th>Role</th><th>Status</th><th /></tr>
            </thead>
            <tbody>
              {users.map((u) => <UserRow key={u.id} user={u} isSelf={u.id === actor.id} />)}
            </tbody>
          </table>
        </Card>
        <Card title="Add a user">
          <CreateUserForm />
        </Card>
      </div>
    </>
  );
}
