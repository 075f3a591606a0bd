// Matrix values: 2-D arrays of complex numbers. Sums and products of matrices and numbers (products do not
// commute), diagonal matrices, and matrices assembled from blocks (a number in a block matrix is that multiple
// of the identity, zero a block of zeros).
import Complex from "complex.js";
import { ReadError } from "./types";

export type Matrix = Complex[][];
export type Value = Complex | Matrix;

const c = (re: number, im = 0) => new Complex(re, im);
export const isMatrix = (v: Value): v is Matrix => Array.isArray(v);

export function matAdd(a: Value, b: Value): Value {
  if (!isMatrix(a) && !isMatrix(b)) return a.add(b);
  if (isMatrix(a) && isMatrix(b) && a.length === b.length && a[0].length === b[0].length) return a.map((row, i) => row.map((x, j) => x.add(b[i][j])));
  throw new ReadError("adding a matrix and a number, or matrices of different sizes");
}

export function matMul(a: Value, b: Value): Value {
  if (!isMatrix(a) && !isMatrix(b)) return a.mul(b);
  if (!isMatrix(a)) return (b as Matrix).map((row) => row.map((x) => x.mul(a)));
  if (!isMatrix(b)) return a.map((row) => row.map((x) => x.mul(b)));
  if (a[0].length !== b.length) throw new ReadError("multiplying matrices of incompatible sizes");
  return a.map((row) => b[0].map((_, j) => row.reduce((sum, x, k) => sum.add(x.mul(b[k][j])), c(0))));
}

/** A diagonal matrix (block-diagonal when the entries are matrices). */
export function diagonal(entries: Value[]): Matrix {
  const blocks = entries.map((v) => (isMatrix(v) ? v : [[v]]));
  const n = blocks.reduce((sum, b) => sum + b.length, 0);
  const out: Matrix = Array.from({ length: n }, () => Array.from({ length: n }, () => c(0)));
  let at = 0;
  for (const b of blocks) {
    if (b.some((row) => row.length !== b.length)) throw new ReadError("a diagonal block that is not square");
    b.forEach((row, i) => row.forEach((x, j) => (out[at + i][at + j] = x)));
    at += b.length;
  }
  return out;
}

/** A matrix whose entries are values: numbers, or blocks (a number in a block matrix is that multiple of 𝟙). */
export function assemble(cells: Value[][]): Matrix {
  if (!cells.flat().some(isMatrix)) return cells as Complex[][];
  const heights = cells.map((row) => row.find(isMatrix)?.length);
  const widths = cells[0].map((_, j) => (cells.map((row) => row[j]).find(isMatrix) as Matrix | undefined)?.[0]?.length);
  const square = cells.length === cells[0].length;
  const h = heights.map((x, i) => x ?? (square ? widths[i] : undefined));
  const w = widths.map((x, j) => x ?? (square ? heights[j] : undefined));
  if (h.some((x) => x === undefined) || w.some((x) => x === undefined)) throw new ReadError("a block matrix whose block sizes cannot be told");
  const rows: Matrix = [];
  cells.forEach((row, i) => {
    for (let r = 0; r < h[i]!; r++) {
      const line: Complex[] = [];
      row.forEach((cell, j) => {
        if (isMatrix(cell)) {
          if (cell.length !== h[i] || cell[r].length !== w[j]) throw new ReadError("blocks of different sizes in one row or column");
          line.push(...cell[r]);
        } else {
          if (!cell.isZero() && h[i] !== w[j]) throw new ReadError("a number in a block that is not square");
          for (let k = 0; k < w[j]!; k++) line.push(k === r ? cell : c(0));
        }
      });
      rows.push(line);
    }
  });
  return rows;
}
