// Bundles an entry of the extension in memory, the way esbuild.mjs does, for the tests that check
// what a bundle holds (its metafile and text).
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export async function bundleInMemory(
  entry: string,
  options: { platform: esbuild.Platform; external: string[]; define?: Record<string, string> },
): Promise<{ metafile: esbuild.Metafile; text: string }> {
  const result = await esbuild.build({
    absWorkingDir: join(__dirname, '..', '..'),
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...options,
  });
  return { metafile: result.metafile, text: result.outputFiles[0]!.text };
}
