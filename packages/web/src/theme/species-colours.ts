/** One colour per species (by its position in the sortie), shared by the map's detections and the plot's series. */
export const SPECIES_COLOURS: readonly string[] = ['#4fc3f7', '#ffb74d', '#ce93d8', '#81c784', '#f48fb1', '#fff176', '#a1887f', '#90a4ae'];

export function speciesColour(index: number): string {
  return SPECIES_COLOURS[((index % SPECIES_COLOURS.length) + SPECIES_COLOURS.length) % SPECIES_COLOURS.length]!;
}
