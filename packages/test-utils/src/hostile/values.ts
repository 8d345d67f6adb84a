// The catalogue of hostile values: the same list in every argument position,
// plus values derived from the valid baseline of that position (a matrix with
// one NaN, a label array with 1.5, an options object with a misspelt key).

/** A hostile value and the words that describe it in a failure message. */
export interface Hostile {
  readonly label: string;
  readonly value: unknown;
}

const h = (label: string, value: unknown): Hostile => ({ label, value });

/** Numbers at the ends of the double range and where domains usually end. */
export const HOSTILE_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  1e308,
  -1e308,
  5e-324,
  -1,
  1.5,
  2 ** 31,
  1e15,
];

function show(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** Made fresh for each call, so that a function that mutates its input cannot poison the next. */
export function genericHostile(): Hostile[] {
  return [
    ...HOSTILE_NUMBERS.map((x) => h(show(x), x)),
    h("'1'", '1'),
    h("''", ''),
    h('null', null),
    h('undefined', undefined),
    h('true', true),
    h('Symbol()', Symbol('hostile')),
    h('a Buffer', Buffer.from('a,b\n1,2\n')),
    h('a function', () => 1),
    h('[]', []),
    h('[[]]', [[]]),
    h('ragged [[1, 2], [3]]', [[1, 2], [3]]),
    h('nested [[0.5, 0.5]]', [[0.5, 0.5]]),
    h('[NaN]', [Number.NaN]),
    h('{}', {}),
    h('an empty Float64Array', new Float64Array(0)),
    h('0 × 0 matrix', { rows: 0, cols: 0, data: new Float64Array(0) }),
    h('0 × 3 matrix', { rows: 0, cols: 3, data: new Float64Array(0) }),
    h('2 × 2 matrix with 3 values', { rows: 2, cols: 2, data: new Float64Array(3) }),
    h('1.5 × 2 matrix', { rows: 1.5, cols: 2, data: new Float64Array(3) }),
    h('-1 × 2 matrix', { rows: -1, cols: 2, data: new Float64Array(0) }),
  ];
}

/** A Matrix-shaped value: rows, cols and a data array. */
export function isMatrixLike(
  v: unknown,
): v is { rows: number; cols: number; data: ArrayLike<number> } {
  return (
    v !== null &&
    typeof v === 'object' &&
    'rows' in v &&
    'cols' in v &&
    'data' in v &&
    typeof (v as { rows: unknown }).rows === 'number'
  );
}

function isNumberArray(v: unknown): v is ArrayLike<number> {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return true;
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const p = Object.getPrototypeOf(v);
  return p === Object.prototype || p === null;
}

const POISON = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  1e308,
  -1e308,
  5e-324,
  -0,
];

/** Values derived from a valid baseline: the same shape with one bad entry, or a near miss. */
export function derivedHostile(v: unknown, depth = 0): Hostile[] {
  const out: Hostile[] = [];
  if (isMatrixLike(v)) {
    const { rows, cols, data } = v;
    const copy = (f: (d: Float64Array) => void) => {
      const d = Float64Array.from(data);
      f(d);
      return { ...v, rows, cols, data: d };
    };
    for (const x of POISON) {
      if (data.length === 0) break;
      out.push(
        h(
          `matrix with [0][0] = ${show(x)}`,
          copy((d) => (d[0] = x)),
        ),
      );
      out.push(
        h(
          `matrix with last = ${show(x)}`,
          copy((d) => (d[d.length - 1] = x)),
        ),
      );
    }
    out.push(h('matrix with 0 rows', { ...v, rows: 0, data: new Float64Array(0) }));
    out.push(h('matrix with 0 columns', { ...v, cols: 0, data: new Float64Array(0) }));
    out.push(h('matrix with one row too many', { ...v, rows: rows + 1 }));
    out.push(h('matrix with data as a plain array', { ...v, data: Array.from(data) }));
    out.push(h('matrix with data of strings', { ...v, data: Array.from(data, String) }));
    const nested: number[][] = [];
    for (let i = 0; i < rows; i++) nested.push(Array.from(data).slice(i * cols, (i + 1) * cols));
    out.push(h('the matrix as a plain nested array', nested));
    out.push(h('matrix in Float32', { ...v, data: Float32Array.from(data) }));
  } else if (isNumberArray(v)) {
    const base = Array.from(v);
    const typed = ArrayBuffer.isView(v);
    const make = (a: number[]) => (typed ? new (v.constructor as Float64ArrayConstructor)(a) : a);
    const ints = base.every((x) => Number.isInteger(x));
    const bad = ints ? [...POISON, 1.5, -1, 1e9, 2 ** 53] : POISON;
    for (const x of bad) {
      // integer typed arrays cannot hold these; pass a plain array in their place
      out.push(h(`array with [0] = ${show(x)}`, [x, ...base.slice(1)]));
    }
    out.push(h('array one entry short', make(base.slice(1))));
    out.push(h('array one entry long', make([...base, base[0]])));
    out.push(h('empty array', make([])));
    out.push(h('array of strings', base.map(String)));
    out.push(
      h(
        'array nested one level deeper',
        base.map((x) => [x]),
      ),
    );
  } else if (Array.isArray(v)) {
    if (v.length > 0) {
      for (const [label, x] of [
        ['null', null],
        ['undefined', undefined],
        ['42', 42],
        ["'x'", 'x'],
        ['NaN', Number.NaN],
      ] as const) {
        out.push(h(`array with [0] = ${label}`, [x, ...v.slice(1)]));
      }
      if (depth === 0) {
        for (const d of derivedHostile(v[0], depth + 1)) {
          out.push(h(`array with [0] = ${d.label}`, [d.value, ...v.slice(1)]));
        }
      }
    }
  } else if (isPlainObject(v) && depth === 0) {
    const keys = Object.keys(v);
    out.push(h('object with an unknown key', { ...v, bogusOption: 1 }));
    if (keys.length > 0) {
      const k = keys[0];
      const { [k]: val, ...rest } = v;
      out.push(h(`object with ${k} misspelt`, { ...rest, [`${k}s`]: val }));
    }
    for (const k of keys) {
      const { [k]: _drop, ...rest } = v;
      out.push(h(`object without ${k}`, rest));
      const vals = [
        ...HOSTILE_NUMBERS.map((x) => h(show(x), x)),
        h("'1'", '1'),
        h('null', null),
        h('Symbol()', Symbol('hostile')),
        h('[]', []),
        h('{}', {}),
        ...derivedHostile(v[k], depth + 1),
      ];
      for (const x of vals) out.push(h(`object with ${k} = ${x.label}`, { ...v, [k]: x.value }));
    }
  } else if (typeof v === 'string' && v.length > 0) {
    out.push(h('the string cut in half', v.slice(0, Math.floor(v.length / 2))));
    out.push(h('the string with a NUL', `${v}\u0000`));
    out.push(h('the string with a stray quote', `${v}"`));
  }
  return out;
}
