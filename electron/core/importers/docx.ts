// Word documents (.docx): Teams and Otter transcripts, Google Meet transcripts saved from Docs,
// and plain "Name: text" documents. mammoth reads the text; the text detectors take it from there.
// A damaged zip is told apart from a zip that is not a Word document, so the message says which.
//
// A .docx is a zip, and a zip can lie: a 1.5 MB file whose document.xml inflates to 390 MB once
// took 4.7 GB of heap inside mammoth and killed the app. So before mammoth sees the file, every
// XML part it may read is inflated here, against a running limit, and thrown away: the sizes the
// zip declares must be the sizes that come out, the parts together stay under MAX_XML_BYTES, and
// no large part may pack tighter than real Word XML does. Only then does mammoth unpack them again.
import { crc32, inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { MAX_TRANSCRIPT_BYTES, stripControlCharacters } from './decode';
import { ImportError } from './errors';

/**
 * All XML parts of one document, unpacked, together. mammoth is slow and greedy on big XML: a 19 MB
 * document.xml of real paragraphs (66,000 turns) peaked at 1.4 GB and took 80 s, 15 MB of one
 * repeated paragraph 130 s, a 60 MB one 3.7 GB. 10 MB of Word XML is some 2 MB of text, 35,000
 * turns: fifty hours of talk, far past any one interview (a two-hour one is ~0.3 MB).
 */
export const MAX_XML_BYTES = 10_000_000;
/** Word XML packs 5-20:1 (real paragraphs measured 8.5:1), repeated styles rarely past 60:1;
 * deflate itself stops near 1032:1. A part over RATIO_FLOOR packed tighter than this is a bomb. */
export const MAX_RATIO = 100;
const RATIO_FLOOR = 1_000_000;
/** A transcript document has a few dozen parts; thousands are a crafted archive. */
const MAX_ENTRIES = 5000;
const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function docxText(file: string, bytes: Uint8Array): Promise<string> {
  const entries = centralDirectory(file, bytes);
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && !names.has('word/document.xml')) {
    throw new ImportError('unknown_format', file, 'looks like an OpenDocument or other office file, not a Word .docx; save it as .docx or plain text (.txt)');
  }
  if (!names.has('word/document.xml')) {
    throw new ImportError('unknown_format', file, 'is a ZIP archive but not a Word document (it has no word/document.xml); unzip it and import the transcripts inside');
  }
  checkXmlParts(file, bytes, entries);
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
  const value = stripControlCharacters(htmlToText(html));
  if (value.length > MAX_TRANSCRIPT_BYTES) {
    throw new ImportError('too_large', file, `the document holds ${(value.length / 1e6).toFixed(1)} MB of text, over the ${MAX_TRANSCRIPT_BYTES / 1e6} MB limit for one transcript; split it into smaller files`);
  }
  return value;
}

interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  packed: number;
  unpacked: number;
  localOffset: number;
}

const damaged = (file: string, what: string): ImportError =>
  new ImportError('corrupt', file, `this Word document (.docx) is damaged or incomplete: ${what}; download or copy it again, or open it in Word and save it again`);
const tooLarge = (file: string): ImportError =>
  new ImportError('too_large', file, `its text unpacks to over ${MAX_XML_BYTES / 1e6} MB of Word XML, far more than one interview holds; split the document into smaller files`);
const bomb = (file: string): ImportError =>
  new ImportError('corrupt', file, 'this Word document (.docx) is not a real document: its parts unpack to far more than their packed size, as a zip bomb does; open it in Word and save it again');

/** The parts mammoth parses: XML and relationships. Images and embedded files are never unpacked. */
const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

/**
 * Inflates every XML part, counting: none may unpack past what its header declares, and all of
 * them together not past MAX_XML_BYTES. Memory stays under the declared size of the largest part.
 */
function checkXmlParts(file: string, bytes: Uint8Array, entries: ZipEntry[]): void {
  const parts = entries.filter((e) => isXmlPart(e.name));
  const declared = parts.reduce((n, e) => n + e.unpacked, 0);
  if (declared > MAX_XML_BYTES) throw tooLarge(file);
  for (const e of parts) {
    if (e.unpacked > RATIO_FLOOR && e.unpacked > e.packed * MAX_RATIO) throw bomb(file);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of parts) {
    if (e.localOffset + 30 > bytes.length || view.getUint32(e.localOffset, true) !== LOCAL_ENTRY) throw damaged(file, 'a part is missing');
    const start = e.localOffset + 30 + view.getUint16(e.localOffset + 26, true) + view.getUint16(e.localOffset + 28, true);
    if (start + e.packed > bytes.length) throw damaged(file, 'a part is cut short');
    const data = bytes.subarray(start, start + e.packed);
    let out: Buffer;
    if (e.method === 0) out = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    else if (e.method === 8) {
      try {
        // One byte over the declared size is enough to catch a lie; the limit stops zlib there.
        out = inflateRawSync(data, { maxOutputLength: e.unpacked + 1 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw damaged(file, 'a part is larger than its table of contents says');
        throw damaged(file, 'a part cannot be unpacked');
      }
    } else throw damaged(file, `a part is packed with an unsupported method (${e.method})`);
    if (out.length !== e.unpacked) throw damaged(file, 'a part is larger or smaller than its table of contents says');
    if (crc32(out) !== e.crc) throw damaged(file, 'a part fails its checksum');
  }
}

/**
 * The zip's entries, read from its central directory. A zip cut short (a half-finished download,
 * a sync conflict) has lost that directory, which sits at the end.
 */
function centralDirectory(file: string, bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(file, 'its end is missing (the file was cut short)');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 (0xffff entries, 4 GB offsets) is for archives no transcript document comes near.
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES) throw tooLarge(file);
  if (offset + size > eocd) throw damaged(file, 'its table of contents points past the end of the file');
  const entries: ZipEntry[] = [];
  const broken = () => damaged(file, 'its table of contents is broken');
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_ENTRY) throw broken();
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > eocd) throw broken();
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      packed: view.getUint32(at + 20, true),
      unpacked: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if (entry.unpacked === 0xffffffff || entry.packed === 0xffffffff) throw tooLarge(file);
    entries.push(entry);
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
