import { AppShell } from "@/components/shell/app-shell";
import { requirePageUser } from "@/lib/auth/session";
import { getBadges } from "@/lib/review/get-badges";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  return <AppShell user={user} badges={await getBadges(user)}>{children}</AppShell>;
}
