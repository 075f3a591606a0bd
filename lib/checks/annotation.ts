// Python type annotations read into one canonical spelling, so the code's and the spec's sides compare
// equal however they are written: `Tuple[float,str]`, `typing.Tuple[float, str]` and `tuple[float, str]`
// all read as `tuple[float, str]`. Pure.

type Annotation = { name: string; args: Annotation[] | null };

const ALIASES: Record<string, string> = { Tuple: "tuple", List: "list", Dict: "dict" };
const MODULE_PREFIX = /^(typing|builtins|typing_extensions)\./;

function tokens(text: string): string[] | null {
  const out: string[] = [];
  const re = /\s*(?:([A-Za-z_][\w.]*)|([[\],])|(\.\.\.))/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) out.push(m[1] ?? m[2] ?? m[3]);
  if (re.lastIndex < text.trimEnd().length || text.slice(re.lastIndex).trim()) return null;
  return out;
}

function parse(list: string[]): Annotation | null {
  let i = 0;
  const one = (): Annotation | null => {
    const head = list[i++];
    if (!head || head === "[" || head === "]" || head === ",") return null;
    const bare = head.replace(MODULE_PREFIX, "");
    const name = ALIASES[bare] ?? bare;
    if (list[i] !== "[") return { name, args: null };
    i++;
    const args: Annotation[] = [];
    for (;;) {
      const arg = one();
      if (!arg) return null;
      args.push(arg);
      if (list[i] === ",") i++;
      else if (list[i] === "]") {
        i++;
        return { name, args };
      } else return null;
    }
  };
  const result = one();
  return result && i === list.length ? result : null;
}

function print(a: Annotation): string {
  return a.args ? `${a.name}[${a.args.map(print).join(", ")}]` : a.name;
}

/** The canonical spelling of an annotation; text that is not a plain type expression keeps its own (spaces dropped). */
export function normaliseAnnotation(text: string): string {
  const unquoted = text.trim().replace(/^(['"])(.*)\1$/s, "$2");
  const list = tokens(unquoted);
  const parsed = list && parse(list);
  return parsed ? print(parsed) : unquoted.replace(/\s+/g, "");
}

/** Whether two annotations name the same type. */
export function sameAnnotation(a: string, b: string): boolean {
  return normaliseAnnotation(a) === normaliseAnnotation(b);
}
