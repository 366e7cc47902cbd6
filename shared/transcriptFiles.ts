/** File extensions Grounded reads as transcripts (the content decides the format; this only picks files). */
export const TRANSCRIPT_EXTENSIONS = ['txt', 'md', 'markdown', 'vtt', 'srt', 'docx', 'json', 'tsv', 'csv'] as const;
