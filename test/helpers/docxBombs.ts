// Hostile Word documents, made at run time so no big file is ever committed: a document.xml of
// `xmlBytes` repeated paragraphs, deflated as a stream (the archive is ~1/1000 of that), with
// honest or lying sizes in the zip's tables. The XML is never held in memory whole.
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface BombOptions {
  /** Bytes of document.xml once unpacked. */
  xmlBytes: number;
  /** The unpacked size written in the zip's tables; by default the true one. */
  declaredBytes?: number;
  /** zlib level: 1 (default) packs ~170:1 and is fast, 9 packs ~1000:1 like a crafted bomb. */
  level?: number;
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>`;
const TAIL = '</w:body></w:document>';
const PARAGRAPH = '<w:p><w:r><w:t>Alex: yes.</w:t></w:r></w:p><w:p><w:r><w:t>Sam: no.</w:t></w:r></w:p>';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

interface Packed {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

function small(name: string, text: string): Packed {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw, { level: 9 }), crc: crc32(raw), size: raw.length };
}

/** document.xml of about `bytes` bytes (whole paragraphs), deflated chunk by chunk. */
async function bigDocument(bytes: number, level: number): Promise<Packed> {
  const chunk = Buffer.from(PARAGRAPH.repeat(Math.max(1, Math.floor(1_000_000 / PARAGRAPH.length))));
  const head = Buffer.from(HEAD);
  const tail = Buffer.from(TAIL);
  const deflate = createDeflateRaw({ level });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!deflate.write(b)) await once(deflate, 'drain');
  };
  await write(head);
  const body = Math.max(0, bytes - head.length - tail.length);
  let done = 0;
  for (; done + chunk.length <= body; done += chunk.length) await write(chunk);
  const rest = Math.floor((body - done) / PARAGRAPH.length) * PARAGRAPH.length;
  if (rest > 0) await write(chunk.subarray(0, rest));
  await write(tail);
  deflate.end();
  await once(deflate, 'end');
  return { name: 'word/document.xml', data: Buffer.concat(out), crc, size };
}

/** A minimal zip: deflated entries, a central directory, sizes as given. */
function zip(entries: Packed[], declared: Map<string, number>): Buffer {
  const parts: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const size = declared.get(e.name) ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, e.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...centrals, end]);
}

/** A .docx whose document.xml unpacks to `xmlBytes` (and says it unpacks to `declaredBytes`). */
export async function docxBomb({ xmlBytes, declaredBytes, level = 1 }: BombOptions): Promise<Buffer> {
  const doc = await bigDocument(xmlBytes, level);
  const declared = new Map(declaredBytes === undefined ? [] : [['word/document.xml', declaredBytes]]);
  return zip([small('[Content_Types].xml', CONTENT_TYPES), small('_rels/.rels', RELS), doc], declared);
}
