// Physical units: SI prefixes, the SI and common units, the eV family, barns, and natural units
// (ħ = c = k_B = 1) for comparing e.g. GeV⁻² with millibarn. A unit is a factor to SI and a dimension.

/** Exponents of kg, m, s, A, K, mol, cd. */
export type Dims = [number, number, number, number, number, number, number];
/** `spelled`: written as an English word (`\text{meters}`), prose as much as a unit. */
export type UnitInfo = { factor: number; dims: Dims; latex: string; spelled?: boolean };

const D = (kg = 0, m = 0, s = 0, A = 0, K = 0, mol = 0, cd = 0): Dims => [kg, m, s, A, K, mol, cd];
const EV = 1.602176634e-19;

const PREFIXES: Record<string, number> = {
  Y: 1e24, Z: 1e21, E: 1e18, P: 1e15, T: 1e12, G: 1e9, M: 1e6, k: 1e3, h: 1e2, da: 1e1,
  d: 1e-1, c: 1e-2, m: 1e-3, "\\mu": 1e-6, μ: 1e-6, µ: 1e-6, u: 1e-6, n: 1e-9, p: 1e-12, f: 1e-15, a: 1e-18, z: 1e-21, y: 1e-24,
};

type Base = { factor: number; dims: Dims; prefix: boolean };
const BASES: Record<string, Base> = {
  m: { factor: 1, dims: D(0, 1), prefix: true },
  g: { factor: 1e-3, dims: D(1), prefix: true },
  s: { factor: 1, dims: D(0, 0, 1), prefix: true },
  A: { factor: 1, dims: D(0, 0, 0, 1), prefix: true },
  K: { factor: 1, dims: D(0, 0, 0, 0, 1), prefix: true },
  mol: { factor: 1, dims: D(0, 0, 0, 0, 0, 1), prefix: true },
  cd: { factor: 1, dims: D(0, 0, 0, 0, 0, 0, 1), prefix: false },
  Hz: { factor: 1, dims: D(0, 0, -1), prefix: true },
  N: { factor: 1, dims: D(1, 1, -2), prefix: true },
  Pa: { factor: 1, dims: D(1, -1, -2), prefix: true },
  J: { factor: 1, dims: D(1, 2, -2), prefix: true },
  W: { factor: 1, dims: D(1, 2, -3), prefix: true },
  C: { factor: 1, dims: D(0, 0, 1, 1), prefix: true },
  V: { factor: 1, dims: D(1, 2, -3, -1), prefix: true },
  F: { factor: 1, dims: D(-1, -2, 4, 2), prefix: true },
  "\\Omega": { factor: 1, dims: D(1, 2, -3, -2), prefix: true },
  Ω: { factor: 1, dims: D(1, 2, -3, -2), prefix: true },
  ohm: { factor: 1, dims: D(1, 2, -3, -2), prefix: false },
  T: { factor: 1, dims: D(1, 0, -2, -1), prefix: true },
  Wb: { factor: 1, dims: D(1, 2, -2, -1), prefix: true },
  H: { factor: 1, dims: D(1, 2, -2, -2), prefix: true },
  G: { factor: 1e-4, dims: D(1, 0, -2, -1), prefix: false },
  eV: { factor: EV, dims: D(1, 2, -2), prefix: true },
  b: { factor: 1e-28, dims: D(0, 2), prefix: true },
  barn: { factor: 1e-28, dims: D(0, 2), prefix: false },
  L: { factor: 1e-3, dims: D(0, 3), prefix: true },
  bar: { factor: 1e5, dims: D(1, -1, -2), prefix: true },
  atm: { factor: 101325, dims: D(1, -1, -2), prefix: false },
  erg: { factor: 1e-7, dims: D(1, 2, -2), prefix: false },
  cal: { factor: 4.184, dims: D(1, 2, -2), prefix: true },
  Bq: { factor: 1, dims: D(0, 0, -1), prefix: true },
  Gy: { factor: 1, dims: D(0, 2, -2), prefix: true },
  Sv: { factor: 1, dims: D(0, 2, -2), prefix: true },
  min: { factor: 60, dims: D(0, 0, 1), prefix: false },
  h: { factor: 3600, dims: D(0, 0, 1), prefix: false },
  hr: { factor: 3600, dims: D(0, 0, 1), prefix: false },
  day: { factor: 86400, dims: D(0, 0, 1), prefix: false },
  yr: { factor: 3.15576e7, dims: D(0, 0, 1), prefix: true },
  "\\AA": { factor: 1e-10, dims: D(0, 1), prefix: false },
  Å: { factor: 1e-10, dims: D(0, 1), prefix: false },
  au: { factor: 1.495978707e11, dims: D(0, 1), prefix: false },
  ly: { factor: 9.4607304725808e15, dims: D(0, 1), prefix: false },
  pc: { factor: 3.0856775814913673e16, dims: D(0, 1), prefix: true },
  u: { factor: 1.66053906660e-27, dims: D(1), prefix: false },
  Da: { factor: 1.66053906660e-27, dims: D(1), prefix: true },
  c: { factor: 299792458, dims: D(0, 1, -1), prefix: false },
  rad: { factor: 1, dims: D(), prefix: true },
  sr: { factor: 1, dims: D(), prefix: false },
  deg: { factor: Math.PI / 180, dims: D(), prefix: false },
  "\\circ": { factor: Math.PI / 180, dims: D(), prefix: false },
};

const WORDS: Record<string, string> = {
  meter: "m", metre: "m", meters: "m", metres: "m", second: "s", seconds: "s", sec: "s", gram: "g", grams: "g",
  kilogram: "kg", kilograms: "kg", kilometer: "km", kilometers: "km", centimeter: "cm", centimeters: "cm",
  hour: "h", hours: "h", minute: "min", minutes: "min", joule: "J", joules: "J", newton: "N", newtons: "N",
  watt: "W", watts: "W", volt: "V", volts: "V", kelvin: "K", degree: "deg", degrees: "deg", radian: "rad", radians: "rad",
  electronvolt: "eV", electronvolts: "eV", years: "yr", year: "yr", days: "day", fermi: "fm",
};

/** Multi-letter units accepted without `\mathrm`/`\text` after a number ("35 cm", "3.2 GeV"). */
export const BARE_UNITS = new Set([
  "eV", "meV", "keV", "MeV", "GeV", "TeV", "PeV", "cm", "mm", "km", "nm", "fm", "kg", "mg", "fb", "pb", "nb", "mb", "Hz", "kHz", "MHz", "GHz",
  "ms", "ns", "ps", "fs", "mol", "kJ", "MJ", "kW", "MW", "kV", "mA", "Pa", "kPa", "atm", "min", "hr",
]);

function baseUnit(word: string): { factor: number; dims: Dims } | null {
  const w = WORDS[word] ?? word;
  if (BASES[w]) return BASES[w];
  for (const [p, f] of Object.entries(PREFIXES)) {
    if (w.length > p.length && w.startsWith(p)) {
      const b = BASES[w.slice(p.length)];
      if (b?.prefix) return { factor: b.factor * f, dims: b.dims };
    }
  }
  return null;
}

const SUPERSCRIPTS: Record<string, string> = { "⁻": "-", "¹": "1", "²": "2", "³": "3", "⁴": "4" };

/** Reads a unit expression such as `GeV`, `GeV^{-2}`, `m/s^2`, `kg\,m^2`, `\mu m`, `fb^{-1}`; null if it is not one. */
export function parseUnit(text: string): UnitInfo | null {
  let src = text.replace(/[⁻¹²³⁴]+/g, (m) => `^{${[...m].map((c) => SUPERSCRIPTS[c]).join("")}}`);
  src = src.replace(/\\(?:,|;|:|!| |cdot|times)/g, " ").replace(/\\mu\s*/g, "μ").replace(/\\Omega/g, "Ω").replace(/\\AA/g, "Å").replace(/\\circ/g, "deg");
  src = src.replace(/\\(?:mathrm|text|textrm|rm)\s*/g, "").replace(/[{}]/g, (c) => (c === "{" ? "(" : ")"));
  const re = /\s*(?:([A-Za-zμµΩÅ]+)(?:\s*\^\s*\(?\s*([-+]?\d+(?:\.\d+)?)\s*\)?|\s*\^\s*([-+]?\d))?|(\/)|(\*|·|\.))/y;
  let factor = 1;
  const dims = D();
  let denominator = false;
  let count = 0;
  let spelled = false;
  let pos = 0;
  const trimmed = src.trim();
  if (!trimmed) return null;
  while (pos < trimmed.length) {
    re.lastIndex = pos;
    const m = re.exec(trimmed);
    if (!m || m[0].length === 0) return null;
    pos = re.lastIndex;
    if (m[4]) {
      if (denominator) return null;
      denominator = true;
      continue;
    }
    if (m[5]) continue;
    const u = baseUnit(m[1]);
    if (!u) return null;
    spelled ||= m[1] in WORDS;
    const power = Number(m[2] ?? m[3] ?? 1) * (denominator ? -1 : 1);
    factor *= u.factor ** power;
    for (let k = 0; k < 7; k++) dims[k] += u.dims[k] * power;
    count++;
  }
  if (!count) return null;
  return { factor, dims, latex: `\\mathrm{${text.trim().replace(/\s+/g, "\\,")}}`, ...(spelled ? { spelled } : {}) };
}

// Natural units: 1 kg, 1 m, 1 s, 1 K in eV^(1, -1, -1, 1).
const NATURAL = [5.609588603804452e35, 5.067730716156395e6, 1.5192674478786e15, 8.617333262e-5];

/** The power of eV a dimension has in natural units, and the factor from SI to that power of eV. */
export function toNatural(dims: Dims): { power: number; factor: number; rest: number[] } {
  const [kg, m, s, , K] = dims;
  const factor = NATURAL[0] ** kg * NATURAL[1] ** m * NATURAL[2] ** s * NATURAL[3] ** K;
  return { power: kg - m - s + K, factor, rest: [dims[3], dims[5], dims[6]] };
}

export const sameDims = (a: Dims, b: Dims) => a.every((x, i) => Math.abs(x - b[i]) < 1e-12);
export const dimensionless = (a: Dims) => a.every((x) => Math.abs(x) < 1e-12);
