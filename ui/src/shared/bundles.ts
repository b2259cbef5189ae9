/** Bundles (`.mcb`, any case) among files dropped on the window, in the order dropped; other files are ignored. */
export function bundlesIn(paths: string[]): string[] {
  return paths.filter((p) => p.toLowerCase().endsWith('.mcb'))
}
