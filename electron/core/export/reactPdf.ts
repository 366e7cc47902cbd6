// react-pdf v4 is ESM-only, and one of its own packages (@react-pdf/hyphenate) exports its files
// under the "import" condition alone. Loaded with a static import from CommonJS-compiled code
// (tsx running our CJS package, or a bundler that resolves it as `require`), resolution fails
// with ERR_PACKAGE_PATH_NOT_EXPORTED. A dynamic import() is an ESM load in every host (Electron
// main bundle, vitest, tsx), and it keeps react-pdf off the start-up path until someone exports.
// Everything in export/ gets react-pdf from here; elsewhere only `import type` is allowed.
import type * as ReactPdfModule from '@react-pdf/renderer';

export type ReactPdf = typeof ReactPdfModule;

let loading: Promise<ReactPdf> | undefined;

export function loadReactPdf(): Promise<ReactPdf> {
  loading ??= import('@react-pdf/renderer');
  return loading;
}
