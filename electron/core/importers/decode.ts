// Bytes -> text, refusing what is not a transcript before any parsing starts.
// The encoding rule is ordered from certain to guessed: a BOM, UTF-16 by its NUL pattern,
// strict UTF-8, and only then a statistical detector (chardet) over the legacy 8-bit and CJK
// encodings, decoded by iconv-lite. The detector is trusted only where Western text cannot be
// mistaken for it (Cyrillic, Greek, Hebrew, Arabic, CJK, or Central European by a wide margin):
// everything else is Windows-1252, a superset of Latin-1 for text, so a short French transcript
// never turns into Latin-2.
import { analyse } from 'chardet';
import iconv from 'iconv-lite';
import { ImportError } from './errors';

/** Largest transcript accepted, in bytes ("50 MB" as file managers count it). Hours of talk are
 * well under 1 MB; anything near this is a media file or a whole export, not one interview. */
export const MAX_TRANSCRIPT_BYTES = 50_000_000;

const MAX_CONTROL_SHARE = 0.02;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export function decodeTranscriptBytes(file: string, bytes: Uint8Array): string {
  if (bytes.length > MAX_TRANSCRIPT_BYTES) {
    throw new ImportError(
      'too_large',
      file,
      `file is ${formatMb(bytes.length)}, over the ${formatMb(MAX_TRANSCRIPT_BYTES)} limit for one transcript; split it into smaller files`,
    );
  }
  if (bytes.length === 0) throw new ImportError('empty', file, 'file is empty (0 bytes)');

  const magic = knownBinaryFormat(bytes);
  if (magic) {
    throw new ImportError(
      'binary',
      file,
      `looks like a binary file, not a transcript text (it starts like ${magic}); export the transcript as plain text (.txt), Markdown (.md) or WebVTT (.vtt)`,
    );
  }

  const { encoding, offset } = chooseEncoding(bytes);
  if (encoding === 'utf-8' && offset === 0 && bytes.includes(0)) {
    throw new ImportError('binary', file, 'looks like a binary file, not a transcript text (found NUL bytes)');
  }
  const text = decode(file, bytes.subarray(offset), encoding);
  checkControlCharacters(file, text);
  return stripControlCharacters(text);
}

/**
 * Text without the invisible controls a few stray bytes leave (an editor's NUL padding, ESC
 * sequences, C1 codes): they would reach the CLI's output and the search highlighter, whose hit
 * markers are control characters. A page or line-tabulation break becomes a line break; tab, line
 * feed and carriage return stay (the parsers read lines).
 */
export function stripControlCharacters(text: string): string {
  return text.replace(/[\u000b\u000c]/g, '\n').replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '');
}

function chooseEncoding(bytes: Uint8Array): { encoding: Encoding; offset: number } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', offset: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', offset: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', offset: 2 };
  return { encoding: bomlessUtf16(bytes) ?? 'utf-8', offset: 0 };
}

/** UTF-16 saved without a BOM: text in Latin script has a zero in every other byte. */
function bomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.02) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.02) return 'utf-16be';
  return null;
}

function decode(file: string, bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      // Not valid UTF-8: an old Windows or Mac export, or a CJK legacy encoding.
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), legacyEncoding(bytes));
    }
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ImportError(
      'unreadable',
      file,
      `is marked as ${encoding.toUpperCase()} text but its bytes are not valid ${encoding.toUpperCase()}; re-save it as UTF-8`,
    );
  }
  if (text.includes('\0')) {
    throw new ImportError('binary', file, 'looks like a binary file, not a transcript text (found NUL characters)');
  }
  return text;
}

/** Encodings whose text cannot pass for Western European, so chardet's guess is safe to take. */
const DISTINCT_SCRIPT = new Set([
  'windows-1251', 'KOI8-R', 'ISO-8859-5', // Cyrillic
  'windows-1253', 'ISO-8859-7', // Greek
  'windows-1255', 'ISO-8859-8', // Hebrew
  'windows-1256', 'ISO-8859-6', // Arabic
  'Shift_JIS', 'EUC-JP', 'EUC-KR', 'GB18030', 'Big5', // CJK, multi-byte
]);
const CENTRAL_EUROPEAN = new Set(['windows-1250', 'ISO-8859-2']);
const WESTERN = new Set(['windows-1252', 'ISO-8859-1', 'ISO-8859-15']);
/** Central European must beat the best Western guess by this factor: they share most letters. */
const CENTRAL_MARGIN = 1.5;
/** chardet costs 1-5 ms per KB; 16 KB of a transcript is thousands of words, plenty to tell scripts apart. */
const SAMPLE_BYTES = 16 * 1024;

/**
 * The legacy encoding of bytes that are not UTF-8. Latin-1 is decoded as Windows-1252: they agree
 * on every printable character, and 0x80-0x9F in a real Latin-1 file are not text anyway.
 */
export function legacyEncoding(bytes: Uint8Array): string {
  const guesses = analyse(bytes.subarray(0, SAMPLE_BYTES));
  const top = guesses[0];
  if (!top || top.confidence < 10 || !iconv.encodingExists(top.name)) return 'windows-1252';
  if (DISTINCT_SCRIPT.has(top.name)) return top.name;
  if (CENTRAL_EUROPEAN.has(top.name)) {
    const western = Math.max(0, ...guesses.filter((g) => WESTERN.has(g.name)).map((g) => g.confidence));
    if (top.confidence >= western * CENTRAL_MARGIN) return top.name;
  }
  return 'windows-1252';
}

// C0 controls other than tab, line feed, vertical tab, form feed and carriage return; DEL and
// the C1 range; the replacement character a broken decoder leaves behind.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffd]/g;

function checkControlCharacters(file: string, text: string): void {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return;
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > text.length * MAX_CONTROL_SHARE) {
    throw new ImportError(
      'binary',
      file,
      `looks like a binary file, not a transcript text (${controls} of ${text.length} characters are control characters)`,
    );
  }
}

const SIGNATURES: { bytes: number[]; at?: number; name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive or a Word .docx document' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Word .doc document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'a RIFF (WAV/AVI) media file' },
  { bytes: [0x49, 0x44, 0x33], name: 'an MP3 audio file' },
  { bytes: [0x66, 0x74, 0x79, 0x70], at: 4, name: 'an MP4/M4A media file' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], name: 'a WebM/MKV media file' },
  { bytes: [0x4f, 0x67, 0x67, 0x53], name: 'an Ogg media file' },
];

function knownBinaryFormat(bytes: Uint8Array): string | null {
  for (const sig of SIGNATURES) {
    const at = sig.at ?? 0;
    if (bytes.length >= at + sig.bytes.length && sig.bytes.every((b, i) => bytes[at + i] === b)) {
      return sig.name;
    }
  }
  return null;
}

function formatMb(n: number): string {
  const mb = n / 1e6;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
