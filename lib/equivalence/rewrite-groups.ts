// Token rewrites of grouping before the parser: the differential of an integral moved after its integrand
// (`\int_0^1 dx\, f(x)`, `\int \frac{dk\,k^2}{…}`), and square brackets without a comma read as parentheses.
import { groupEnd, isLetterCommand, readArg, skipSpaces, GREEK } from "./tokens";

/**
 * `\int_0^1 dx\, f(x)` → `\int_0^1 (f(x))\, dx`: the parser wants the differential last. The integrand runs to
 * the end of the enclosing group, or to a `+`, `-`, `=` or `,` at its own level. Innermost integrals first.
 */
export function moveDifferentials(tokens: string[]): string[] {
  const out = [...tokens];
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "\\int") continue;
    let j = i + 1;
    for (let k = 0; k < 2; k++) {
      j = skipSpaces(out, j);
      if (out[j] !== "_" && out[j] !== "^") break;
      const arg = readArg(out, j + 1);
      if (!arg) break;
      j = arg.next;
    }
    j = skipSpaces(out, j);
    const isVariable = (v: string | undefined) => !!v && (/^[A-Za-z]$/.test(v) || (isLetterCommand(v) && GREEK.has(v.slice(1))));
    if (out[j] === "\\frac" && out[j + 1] === "{") {
      // `\int_0^\infty \frac{dk\, k^2}{(k^2+m^2)^2}`: the differential leaves the numerator for the end of the fraction.
      const num = skipSpaces(out, j + 2);
      const numEnd = groupEnd(out, j + 1);
      const denEnd = out[numEnd] === "{" ? groupEnd(out, numEnd) : -1;
      if (out[num] === "d" && isVariable(out[num + 1]) && numEnd > 0 && denEnd > 0) {
        const variable = out[num + 1];
        const rest = out.slice(num + 2, numEnd - 1).some((x) => x !== " ");
        out.splice(denEnd, 0, " ", "d", variable, " ");
        out.splice(num, 2, ...(rest ? [] : ["1"]));
      }
      continue;
    }
    const variable = out[j + 1];
    if (out[j] !== "d" || !isVariable(variable)) continue;
    let end = j + 2;
    let depth = 0;
    for (; end < out.length; end++) {
      const t = out[end];
      if (t === "{" || t === "(" || t === "[") depth++;
      else if (t === "}" || t === ")" || t === "]") { if (depth === 0) break; depth--; }
      else if (depth === 0 && /^(?:[+=,-]|\\approx|\\le|\\ge|<|>)$/.test(t) && out.slice(j + 2, end).some((x) => x !== " ")) break;
    }
    // The integrand in parentheses, so that `\ln\frac{a}{b}` does not take the differential as a factor.
    out.splice(end, 0, ")", " ", "d", variable, " ");
    out.splice(j, 2, "(");
  }
  return out;
}

/**
 * `\left[(p\cdot k)(p'\cdot k') + …\right]`, `[xA + (1-x)B]^2`: square brackets with no comma inside group a value,
 * as parentheses do (the parser would read an index or a list). With a comma they stay: `[0, 1]`, `[a, b)`.
 */
export function bracketsAsGroups(tokens: string[]): string[] {
  const out = [...tokens];
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== "[" || /^\\(?:sqrt|SI|qty|num)$/.test(out[i - 1] ?? "")) continue;
    let depth = 0;
    let comma = false;
    let close = -1;
    for (let j = i + 1; j < out.length; j++) {
      const t = out[j];
      if (t === "[" || t === "(" || t === "{" || t === "\\{") depth++;
      else if (t === ")" || t === "}" || t === "\\}" || (t === "]" && depth > 0)) { if (depth === 0) break; depth--; }
      else if (t === "]") { close = j; break; }
      else if (depth === 0 && (t === "," || t === ";")) comma = true;
    }
    if (close > 0 && !comma) {
      out[i] = "(";
      out[close] = ")";
    }
  }
  return out;
}
