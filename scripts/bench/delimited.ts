// Labelled CSV/TSV files for the quality benchmarks. A hand-written RFC 4180 reader rather than a
// dependency: only the benchmarks and one test read these files, the app never does, and the
// whole grammar (quoted fields, doubled quotes, CRLF, newlines inside quotes) fits in one loop.

/** Rows of fields. Quoted fields may hold the delimiter, newlines and doubled quotes. */
export function parseDelimited(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    if (row.length > 1 || row[0] !== '') rows.push(row); // blank lines carry nothing
    row = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\n') endRow();
    else if (ch !== '\r' || text[i + 1] !== '\n') field += ch;
  }
  if (quoted) throw new Error('unterminated quoted field at the end of the file');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

export interface LabelledColumns {
  texts: string[];
  labels: string[];
}

/**
 * Two columns of a delimited file, each named by its header or by a 0-based number. Numbers mean
 * the file has no header row (every row is data); names mean the first row is the header.
 */
export function readColumns(content: string, textColumn: string, labelColumn: string, delimiter = ','): LabelledColumns {
  const rows = parseDelimited(content, delimiter);
  const byNumber = /^\d+$/.test(textColumn) && /^\d+$/.test(labelColumn);
  let textAt: number;
  let labelAt: number;
  let data: string[][];
  if (byNumber) {
    textAt = Number(textColumn);
    labelAt = Number(labelColumn);
    data = rows;
  } else {
    const header = rows[0] ?? [];
    textAt = header.indexOf(textColumn);
    labelAt = header.indexOf(labelColumn);
    if (textAt < 0 || labelAt < 0) {
      throw new Error(`columns "${textColumn}" and "${labelColumn}" must both be in the header: ${header.join(', ')}`);
    }
    data = rows.slice(1);
  }
  const texts: string[] = [];
  const labels: string[] = [];
  data.forEach((row, r) => {
    const text = row[textAt];
    const label = row[labelAt];
    if (text === undefined || label === undefined) {
      throw new Error(`row ${r + (byNumber ? 1 : 2)} has ${row.length} fields, too few for columns ${textAt} and ${labelAt}`);
    }
    texts.push(text);
    labels.push(label);
  });
  return { texts, labels };
}
