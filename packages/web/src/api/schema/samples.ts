/** GET /api/sorties/:id/samples: decimated columns for display, concentrations in kg/m³. */
import { arrayOf, fields, num, recordOf } from './read.js';

export interface SampleColumns {
  readonly from: number;
  /** Samples in the window before decimation. */
  readonly count: number;
  /** Every `step`-th sample was kept. */
  readonly step: number;
  readonly timeS: Float64Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly altAglM: Float64Array;
  readonly windUMps: Float64Array;
  readonly windVMps: Float64Array;
  /** Per species key: concentration, kg/m³. */
  readonly speciesKgM3: ReadonlyMap<string, Float64Array>;
}

const column = arrayOf(num);

export function readSamples(v: unknown): SampleColumns {
  const f = fields(v, 'samples');
  const timeS = Float64Array.from(f.get('time_s', column));
  const n = timeS.length;
  const same = (key: string): Float64Array => {
    const c = Float64Array.from(f.get(key, column));
    if (c.length !== n) throw new Error(`samples.${key}: ${c.length} values for ${n} times`);
    return c;
  };
  const species = f.get(
    'species',
    recordOf((s, p) => {
      const sf = fields(s, p);
      const unit = sf.str('unit');
      if (unit !== 'kg/m3') throw new Error(`${p}.unit: expected kg/m3, got ${unit}`);
      return Float64Array.from(sf.get('values', column));
    }),
  );
  const speciesKgM3 = new Map<string, Float64Array>();
  for (const [key, values] of Object.entries(species)) {
    if (values.length !== n) throw new Error(`samples.species.${key}: ${values.length} values for ${n} times`);
    speciesKgM3.set(key, values);
  }
  return {
    from: f.int('from'),
    count: f.int('count'),
    step: f.int('step'),
    timeS,
    lat: same('lat'),
    lon: same('lon'),
    altAglM: same('alt_agl_m'),
    windUMps: same('wind_u_mps'),
    windVMps: same('wind_v_mps'),
    speciesKgM3,
  };
}
