/**
 * The font stack of every label on the map. The style has no `glyphs` URL,
 * so MapLibre draws text from local fonts (TinySDF in the browser) and
 * never asks a glyph server: the stack is resolved by the browser.
 */
export const LABEL_FONT = ['sans-serif'];
