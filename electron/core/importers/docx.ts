// Word documents (.docx): Teams and Otter transcripts, Google Meet transcripts saved from Docs,
// and plain "Name: text" documents. mammoth reads the text; the text detectors take it from there.
// A damaged zip is told apart from a zip that is not a Word document, so the message says which.
import mammoth from 'mammoth';
import { MAX_TRANSCRIPT_BYTES } from './decode';
import { ImportError } from './errors';

/** A document.xml larger than this, unpacked, is a zip bomb or a book, not one interview. */
const MAX_UNPACKED_BYTES = 8 * MAX_TRANSCRIPT_BYTES;
const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const MAX_DEFLATE_RATIO = 1032;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function docxText(file: string, bytes: Uint8Array): Promise<string> {
  const entries = centralDirectory(file, bytes);
  if (entries.has('mimetype') && !entries.has('word/document.xml')) {
    throw new ImportError('unknown_format', file, 'looks like an OpenDocument or other office file, not a Word .docx; save it as .docx or plain text (.txt)');
  }
  const document = entries.get('word/document.xml');
  if (document === undefined) {
    throw new ImportError('unknown_format', file, 'is a ZIP archive but not a Word document (it has no word/document.xml); unzip it and import the transcripts inside');
  }
  if (document > MAX_UNPACKED_BYTES) {
    throw new ImportError('too_large', file, `its text unpacks to over ${MAX_UNPACKED_BYTES / 1e6} MB; split the document into smaller files`);
  }
  let html: string;
  try {
    // HTML rather than mammoth's raw text, which drops line breaks ("problem.Last year").
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: NO_IMAGES, ignoreEmptyParagraphs: false },
    ));
  } catch (err) {
    throw new ImportError('corrupt', file, `this Word document is damaged and cannot be read (${reason(err)}); open it in Word and save it again`);
  }
  const value = htmlToText(html);
  if (value.length > MAX_TRANSCRIPT_BYTES) {
    throw new ImportError('too_large', file, `the document holds ${(value.length / 1e6).toFixed(1)} MB of text, over the ${MAX_TRANSCRIPT_BYTES / 1e6} MB limit for one transcript; split it into smaller files`);
  }
  return value;
}

/**
 * Names and unpacked sizes of the zip's entries, read from its central directory. A zip cut short
 * (a half-finished download, a sync conflict) has lost that directory, which sits at the end.
 */
function centralDirectory(file: string, bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (what: string): ImportError =>
    new ImportError('corrupt', file, `this Word document (.docx) is damaged or incomplete: ${what}; download or copy it again, or open it in Word and save it again`);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('its end is missing (the file was cut short)');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset + size > eocd) throw damaged('its table of contents points past the end of the file');
  const entries = new Map<string, number>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_ENTRY) throw damaged('its table of contents is broken');
    const packed = view.getUint32(at + 20, true);
    const unpacked = view.getUint32(at + 24, true);
    // Deflate packs at most ~1032:1; a larger claim is a damaged size field (or a crafted bomb).
    if (unpacked > packed * MAX_DEFLATE_RATIO + 1024) throw damaged('its table of contents is broken');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > eocd) throw damaged('its table of contents is broken');
    entries.set(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)), unpacked);
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Images are never read: a transcript's photos would only cost time and memory. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** mammoth's HTML back to text: a paragraph (or table cell) per block, <br> a line break. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<\/(?:p|h[1-6]|li|td|th|tr|table|ul|ol)>/g, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => HTML_ENTITIES[name] ?? '');
}

function reason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s+/g, ' ').slice(0, 120);
}
