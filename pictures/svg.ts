/** DOT to SVG with Graphviz compiled to WebAssembly (`@viz-js/viz`): no `dot` binary to install. */
import { instance } from '@viz-js/viz';
import { FluxError } from '../runtime/engine/errors.js';

type Viz = Awaited<ReturnType<typeof instance>>;

// Compiling the WebAssembly module takes tens of milliseconds, so it happens once per process; a
// failed start is forgotten so that the next picture tries again.
let viz: Promise<Viz> | undefined;

function graphviz(): Promise<Viz> {
  viz ??= instance().catch((error: unknown) => {
    viz = undefined;
    throw error;
  });
  return viz;
}

/** The SVG document Graphviz draws for `dot`; a DOT text it refuses is a `PICTURE_FAILED` error. */
export async function dotToSvg(dot: string): Promise<string> {
  const renderer = await graphviz();
  try {
    return renderer.renderString(dot, { format: 'svg' });
  } catch (cause) {
    throw new FluxError(
      'PICTURE_FAILED',
      `Graphviz could not draw the picture: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}
