/**
 * The firm shock's drift correction (docs/model.md, "Capacity, shocks and land"): with the
 * stationary AR(1) shock e_a = rho e_(a-1) + eta, eta ~ N(0, s_eta^2), V(a) is the variance of
 * the sum of a firm's first a shocks and j(a) = (V(a) - V(a-1)) / 2, so that E[exp(sum of e - j)]
 * = 1 at every age: mean capacity does not drift with sigma.
 */

/** V(a) = v (a + 2 rho (a (1 - rho) - (1 - rho^a)) / (1 - rho)^2), v = s_eta^2 / (1 - rho^2); a quarters. */
export function shockSumVariance(rho: number, sEta: number, a: number, rhoPowA: number): number {
  const v = (sEta * sEta) / (1 - rho * rho);
  if (rho === 0) return v * a;
  const om = 1 - rho;
  return v * (a + (2 * rho * (a * om - (1 - rhoPowA))) / (om * om));
}

/** j(a) for a = 0..n-1 (j(0) = 0), in closed form, tabled once per run. */
export function shockTable(rho: number, sEta: number, n: number): Float64Array {
  const j = new Float64Array(Math.max(1, n));
  let prev = 0;
  let rhoPow = 1;
  for (let a = 1; a < n; a++) {
    rhoPow *= rho;
    const v = shockSumVariance(rho, sEta, a, rhoPow);
    j[a] = (v - prev) / 2;
    prev = v;
  }
  return j;
}
