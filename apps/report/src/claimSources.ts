import { claims as calibrationClaims } from '@lslab/calibration/claims';
import type { Claim } from '@lslab/core';
import { claims as coreClaims } from '@lslab/core/claims';
import { claims as marginsClaims } from '@lslab/margins/claims';
import { claims as stabilityClaims } from '@lslab/stability/claims';

/** A package's claims, as the report runs them. */
export interface ClaimSource {
  /** The package the claims come from, e.g. `'@lslab/core'`. */
  package: string;
  /** Its claims, in catalogue order. */
  claims: readonly Claim[];
}

/**
 * Every package whose claims the report runs. To add a package, import its
 * `claims` list from its `/claims` subpath and add one entry here.
 *
 * @example
 * claimSources.map((s) => s.package); // ['@lslab/core', '@lslab/calibration', '@lslab/margins', '@lslab/stability']
 */
export const claimSources: readonly ClaimSource[] = [
  { package: '@lslab/core', claims: coreClaims },
  { package: '@lslab/calibration', claims: calibrationClaims },
  { package: '@lslab/margins', claims: marginsClaims },
  { package: '@lslab/stability', claims: stabilityClaims },
];
