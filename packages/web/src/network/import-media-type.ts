/** The media type the server reads a network import by, from the file's name (it also accepts the name's extension). */
export function importMediaType(name: string): string {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'txt' ? 'text/csv' : ext === 'graphml' ? 'application/graphml+xml' : ext === 'gexf' ? 'application/gexf+xml' : 'application/octet-stream';
}
