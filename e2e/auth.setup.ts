// Sign in once per role through the real form and keep the session for the other tests.
import { test as setup } from "@playwright/test";
import { expectSignedIn, signIn, storageStateFor, USERS, type DemoRole } from "./support";

for (const role of ["admin", "lead", "annotator", "annotator2"] as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, USERS[role]);
    await expectSignedIn(page);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
