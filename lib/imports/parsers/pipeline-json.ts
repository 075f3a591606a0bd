// A pipeline file split into its objects — one JSON object, a JSON array of them, or JSON Lines — each
// with the line it starts on. JSON.parse gives no positions for values and, on Node 20, none for some
// syntax errors, so a small strict scanner supplies both.

export type Doc = { value: unknown; line: number | null; document: number };
export type DocError = { line: number | null; document: number | null; message: string };

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

function columnAt(text: string, offset: number): number {
  return offset - (text.lastIndexOf("\n", offset - 1) + 1) + 1;
}

class ScanError {
  constructor(readonly at: number) {}
}

const SCAN_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Walks `text` as strict JSON: the offset of the first syntax error, and where top-level array elements start. */
export function scanJson(text: string): { errorAt: number | null; elements: number[] } {
  let i = 0;
  const elements: number[] = [];
  const fail = (at = i): never => {
    throw new ScanError(at);
  };
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  function string(): void {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < " ") fail();
      if (c === '"') return void i++;
      if (c !== "\\") i++;
      else if (text[i + 1] === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if (text[i + 1] !== undefined && '"\\/bfnrt'.includes(text[i + 1])) i += 2;
      else fail(i + 1);
    }
  }
  function container(close: "}" | "]", top: boolean): void {
    i++;
    ws();
    if (text[i] === close) return void i++;
    for (;;) {
      ws();
      if (close === "}") {
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        ws();
      } else if (top) elements.push(i);
      value(false);
      ws();
      if (text[i] === close) return void i++;
      if (text[i] !== ",") fail();
      i++;
    }
  }
  function value(top: boolean): void {
    ws();
    const c = text[i];
    if (c === "{") return container("}", false);
    if (c === "[") return container("]", top);
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) if (text.startsWith(word, i)) return void (i += word.length);
    SCAN_NUMBER.lastIndex = i;
    if (!SCAN_NUMBER.exec(text)) fail();
    i = SCAN_NUMBER.lastIndex;
  }
  try {
    value(true);
    ws();
    if (i < text.length) fail();
    return { errorAt: null, elements };
  } catch (e) {
    if (e instanceof ScanError) return { errorAt: e.at, elements };
    if (e instanceof RangeError) return { errorAt: null, elements }; // nested too deep to walk
    throw e;
  }
}

/** "not valid JSON (line 3, column 7): Expected ',' or '}' after property value", without V8's snippet. */
function syntaxError(text: string, error: unknown, withLine: boolean): { offset: number | null; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const offset = position ? Number(position[1]) : scanJson(text).errorAt;
  const reason = raw.replace(/,\s*(?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/s, "").replace(/\s+in JSON at position \d+.*$/s, "");
  if (offset === null) return { offset, message: `not valid JSON: ${reason}` };
  const where = withLine ? `line ${lineAt(text, offset)}, column ${columnAt(text, offset)}` : `column ${columnAt(text, offset)}`;
  return { offset, message: `not valid JSON (${where}): ${reason}` };
}

function wholeDocument(text: string, value: unknown): Doc[] {
  if (!Array.isArray(value)) return [{ value, line: lineAt(text, text.search(/\S/)), document: 1 }];
  const { elements } = scanJson(text);
  return value.map((v, i) => ({ value: v, line: elements[i] === undefined ? null : lineAt(text, elements[i]), document: i + 1 }));
}

type Line = { text: string; line: number; value?: unknown; error?: unknown };

function parseLines(text: string): Line[] {
  return text
    .split("\n")
    .map((t, i) => ({ text: t, line: i + 1 }))
    .filter((l) => l.text.trim())
    .map((l) => {
      try {
        return { ...l, value: JSON.parse(l.text) as unknown };
      } catch (error) {
        return { ...l, error };
      }
    });
}

// JSON Lines rather than one broken document: several lines, at least half of them objects on their own.
function looksLikeJsonLines(lines: Line[]): boolean {
  const objects = lines.filter((l) => l.value && typeof l.value === "object" && !Array.isArray(l.value)).length;
  return lines.length >= 2 && objects * 2 >= lines.length;
}

export function splitDocuments(text: string): { docs: Doc[]; errors: DocError[] } {
  if (!text.trim()) return { docs: [], errors: [{ line: null, document: null, message: "the file is empty" }] };
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch (error) {
    const lines = parseLines(text);
    if (!looksLikeJsonLines(lines)) {
      const { offset, message } = syntaxError(text, error, true);
      return { docs: [], errors: [{ line: offset === null ? null : lineAt(text, offset), document: null, message }] };
    }
    const docs: Doc[] = [];
    const errors: DocError[] = [];
    lines.forEach((l, i) => {
      if ("value" in l) docs.push({ value: l.value, line: l.line, document: i + 1 });
      else errors.push({ line: l.line, document: i + 1, message: syntaxError(l.text, l.error, false).message });
    });
    return { docs, errors };
  }
  return { docs: wholeDocument(text, whole), errors: [] };
}
