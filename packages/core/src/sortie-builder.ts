/**
 * A sortie built a sample at a time: one growable column per field of
 * `Sortie` (typed-array-builder.ts), for readers that produce samples in a
 * stream (the sortie CSV reader, the MAVLink telemetry assembler). The
 * caller fills the scratch sample `next` — every field, and `kgM3[k]` for
 * each species in the order given — then `commit()` appends it whole; a
 * sample is never half appended. `take` hands over the samples so far (a
 * live batch), `finish` all of them, exactly sized.
 */
import type { SpeciesSeries, Sortie } from './sortie.js';
import { float64Builder, uint8Builder, type TypedArrayBuilder } from './typed-array-builder.js';

/** A species' series without its values: what the builder is told up front. */
export type SpeciesInfo = Omit<SpeciesSeries, 'kgM3'>;

/** The sample being made; `end*` are read only when the builder has path-integrated columns. */
export interface NextSample {
  timeS: number;
  lat: number;
  lon: number;
  altAglM: number;
  windU: number;
  windV: number;
  stability: number;
  tempC: number;
  pressureHpa: number;
  endLat: number;
  endLon: number;
  endAltAglM: number;
  /** One slot per species, in the order given to the builder. */
  readonly kgM3: Float64Array;
}

interface EndColumns {
  readonly lat: TypedArrayBuilder<Float64Array>;
  readonly lon: TypedArrayBuilder<Float64Array>;
  readonly altAglM: TypedArrayBuilder<Float64Array>;
}

export class SortieBuilder {
  readonly next: NextSample;
  readonly #species: readonly SpeciesInfo[];
  readonly #timeS = float64Builder();
  readonly #lat = float64Builder();
  readonly #lon = float64Builder();
  readonly #altAglM = float64Builder();
  readonly #windU = float64Builder();
  readonly #windV = float64Builder();
  readonly #stability = uint8Builder();
  readonly #tempC = float64Builder();
  readonly #pressureHpa = float64Builder();
  readonly #end: EndColumns | undefined;
  readonly #kgM3: ReadonlyArray<TypedArrayBuilder<Float64Array>>;

  /** `pathIntegrated`: the sortie has `endLat`/`endLon`/`endAltAglM` columns (NaN in point samples). */
  constructor(species: readonly SpeciesInfo[], o: { readonly pathIntegrated?: boolean } = {}) {
    this.#species = species.map((s) => ({ key: s.key, chemical: s.chemical, molarMassGmol: s.molarMassGmol, unit: s.unit }));
    this.#kgM3 = species.map(() => float64Builder());
    this.#end = o.pathIntegrated === true ? { lat: float64Builder(), lon: float64Builder(), altAglM: float64Builder() } : undefined;
    this.next = { timeS: NaN, lat: NaN, lon: NaN, altAglM: NaN, windU: NaN, windV: NaN, stability: 0, tempC: NaN, pressureHpa: NaN, endLat: NaN, endLon: NaN, endAltAglM: NaN, kgM3: new Float64Array(species.length) };
  }

  /** Samples held (committed and not yet taken). */
  get count(): number {
    return this.#timeS.length;
  }

  /** Appends `next` as one sample. */
  commit(): void {
    const n = this.next;
    this.#timeS.push(n.timeS);
    this.#lat.push(n.lat);
    this.#lon.push(n.lon);
    this.#altAglM.push(n.altAglM);
    this.#windU.push(n.windU);
    this.#windV.push(n.windV);
    this.#stability.push(n.stability);
    this.#tempC.push(n.tempC);
    this.#pressureHpa.push(n.pressureHpa);
    const e = this.#end;
    if (e !== undefined) {
      e.lat.push(n.endLat);
      e.lon.push(n.endLon);
      e.altAglM.push(n.endAltAglM);
    }
    for (let k = 0; k < this.#kgM3.length; k++) this.#kgM3[k]!.push(n.kgM3[k]!);
  }

  /** The first `count` samples held (default all), removed from the builder. */
  take(count = this.count): Sortie {
    return this.#columns((b) => b.take(count));
  }

  /** Every sample held, exactly sized; the builder is not to be used after. */
  finish(): Sortie {
    return this.#columns((b) => b.finish());
  }

  #columns(out: <T extends Float64Array | Uint8Array>(b: TypedArrayBuilder<T>) => T): Sortie {
    const timeS = out(this.#timeS);
    const base: Sortie = {
      count: timeS.length,
      timeS,
      lat: out(this.#lat),
      lon: out(this.#lon),
      altAglM: out(this.#altAglM),
      windU: out(this.#windU),
      windV: out(this.#windV),
      stability: out(this.#stability),
      tempC: out(this.#tempC),
      pressureHpa: out(this.#pressureHpa),
      species: this.#species.map((s, k) => ({ ...s, kgM3: out(this.#kgM3[k]!) })),
    };
    const e = this.#end;
    return e === undefined ? base : { ...base, endLat: out(e.lat), endLon: out(e.lon), endAltAglM: out(e.altAglM) };
  }
}
