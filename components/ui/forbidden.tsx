import { Card } from "./card";

/** What a page shows to a role that may not use it (the data layer refused). */
export function Forbidden({ what }: { what: string }) {
  return (
    <Card>
      <p role="alert" data-testid="forbidden" className="text-sm">You do not have access to {what}.</p>
    </Card>
  );
}
