/** One picture, drawn in whichever format is asked for: SVG and HTML are drawn from the DOT text. */
import { FluxError } from '../runtime/engine/errors.js';
import { htmlPage } from './html-page.js';
import { dotToSvg } from './svg.js';

export type PictureFormat = 'mermaid' | 'dot' | 'svg' | 'html';

export const PICTURE_FORMATS: readonly PictureFormat[] = ['mermaid', 'dot', 'svg', 'html'];

/** Each format is written only when asked for, so a Mermaid picture never loads Graphviz. */
export interface Picture {
  title: string;
  mermaid(): string;
  dot(): string;
}

export async function draw(picture: Picture, format: PictureFormat): Promise<string> {
  switch (format) {
    case 'mermaid':
      return picture.mermaid();
    case 'dot':
      return picture.dot();
    case 'svg':
      return dotToSvg(picture.dot());
    case 'html':
      return htmlPage(picture.title, await dotToSvg(picture.dot()));
    default:
      // Reached from untyped callers (a CLI flag, a query string) only.
      throw new FluxError(
        'UNKNOWN_FORMAT',
        `picture format '${String(format satisfies never)}' is unknown; use one of ${PICTURE_FORMATS.join(', ')}`,
      );
  }
}
