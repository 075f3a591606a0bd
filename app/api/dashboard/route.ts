// GET /api/dashboard?days|from&to&source&annotator — every dashboard panel's data for the filters, as the
// dashboard page draws it (leads and admins)
import { requireUser } from "@/lib/auth/session";
import { searchParams, withRoute } from "@/lib/http/with-route";
import { getDashboard } from "@/lib/dashboard/get-dashboard";

export const GET = withRoute(async (request) => getDashboard(await requireUser(), searchParams(request)));
