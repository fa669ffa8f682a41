/**
 * @nariz/formats — readers and writers for the files Nariz exchanges.
 * Sortie CSV: docs/formats/sortie-csv.md.
 */
export { parseSortieCsv, readSortieCsvBatches, readSortieCsvFile, readSortieCsvStream, type ReadSortieBatchesResult } from './sortie-csv/read.js';
export { writeSortieCsv } from './sortie-csv/write.js';
export { SORTIE_WARNING_CODES } from './sortie-csv/types.js';
export type { ReadSortieOptions, ReadSortieResult, SortieWarning, WriteSortieOptions } from './sortie-csv/types.js';
export { PRESSURE_RANGE_HPA, TEMP_RANGE_C } from './sortie-csv/rows.js';
