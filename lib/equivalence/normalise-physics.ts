// Physics spellings normalised before the parser: siunitx quantities (`\SI{91.2}{\GeV}`, `\qty{2.2}{\micro\second}`,
// `\si{fb^{-1}}`, `\num{1.2e-3}`), operator names written as text (`\text{diag}`, `\text{Li}_2`, `\text{Tr}`) and
// `\simeq` / `\sim` read as ≈.

/** siunitx unit macros → the unit's text. */
const SI_MACROS: Record<string, string> = {
  yotta: "Y", zetta: "Z", exa: "E", peta: "P", tera: "T", giga: "G", mega: "M", kilo: "k", hecto: "h", deca: "da", deci: "d",
  centi: "c", milli: "m", micro: "μ", nano: "n", pico: "p", femto: "f", atto: "a",
  electronvolt: "eV", eV: "eV", keV: "keV", MeV: "MeV", GeV: "GeV", TeV: "TeV", barn: "b", metre: "m", meter: "m", second: "s",
  gram: "g", kilogram: "kg", kelvin: "K", joule: "J", watt: "W", volt: "V", hertz: "Hz", tesla: "T", ampere: "A", coulomb: "C",
  fb: "fb", pb: "pb", nb: "nb", mb: "mb", fm: "fm", nm: "nm", cm: "cm", mm: "mm", km: "km", ms: "ms", us: "μs", ns: "ns", ps: "ps",
};

/** The text of a siunitx unit argument: `\giga\electronvolt` → `GeV`, `\per\second` → `/s`, `\squared` → `^2`. */
function siUnit(arg: string): string {
  return arg
    .replace(/\\per\s*/g, "/")
    .replace(/\\squared\b/g, "^2").replace(/\\cubed\b/g, "^3")
    .replace(/\\([A-Za-z]+)\s*/g, (m, name: string) => SI_MACROS[name] ?? m)
    .replace(/\s+/g, "");
}

const GROUP = String.raw`\{([^{}]*)\}`;

export function normalisePhysics(s: string): string {
  return s
    .replace(new RegExp(String.raw`\\(?:SI|qty)\s*(?:\[[^\]]*\])?\s*${GROUP}\s*${GROUP}`, "g"), (_, value: string, unit: string) => `${value}\\,\\mathrm{${siUnit(unit)}}`)
    .replace(new RegExp(String.raw`\\(?:si|unit)\s*${GROUP}`, "g"), (_, unit: string) => `\\mathrm{${siUnit(unit)}}`)
    .replace(new RegExp(String.raw`\\num\s*(?:\[[^\]]*\])?\s*${GROUP}`, "g"), (_, value: string) => value.replace(/e([+-]?\d+)/i, "\\times 10^{$1}"))
    .replace(/\\(?:text|textrm|mathrm|rm|operatorname)\s*\{\s*(diag|Li|Tr|tr)\s*\}/g, (_, name: string) => (name === "Li" ? "\\operatorname{Li}" : `\\mathrm{${name}}`))
    .replace(/\\(?:simeq|sim|cong)(?![A-Za-z])/g, "\\approx ");
}
