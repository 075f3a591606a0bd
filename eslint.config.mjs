import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // `_name` marks a parameter that is part of a signature but not used yet (e.g. a hook for a later issue).
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_" }] } },
  { ignores: ["node_modules/**", ".next/**", ".data/**", ".scratch/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
];

export default config;
