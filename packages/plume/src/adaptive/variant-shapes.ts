/**
 * The distinct plume shapes (stability class, vent height) among a
 * cluster's variants, ordered by class so that `binMeanPlumeShapes` can
 * share each class's sigmas: variants that differ only in detectability
 * need one plume evaluation.
 */
import type { SourceVariant } from './belief.js';

export interface VariantShapes {
  readonly shapeStability: Int32Array;
  readonly shapeHeightM: Float64Array;
  /** Shape index of each variant. */
  readonly variantShape: Int32Array;
}

export function variantShapes(variants: readonly SourceVariant[]): VariantShapes {
  const key = (v: SourceVariant): string => `${v.stability}:${v.sourceHeightM}`;
  const unique = [...new Map(variants.map((v) => [key(v), v] as const)).values()].sort((x, y) => x.stability - y.stability || x.sourceHeightM - y.sourceHeightM);
  const index = new Map(unique.map((v, i) => [key(v), i] as const));
  return {
    shapeStability: Int32Array.from(unique, (v) => v.stability),
    shapeHeightM: Float64Array.from(unique, (v) => v.sourceHeightM),
    variantShape: Int32Array.from(variants, (v) => index.get(key(v))!),
  };
}
