// Reading a .docx in tests: it is a zip; its body, header and footer XML, and the text of their runs.
import JSZip from 'jszip';

/** The XML of word/document.xml and of the (first) header and footer of a .docx. */
export async function docxParts(bytes: Uint8Array): Promise<{ body: string; header: string; footer: string }> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string | undefined) => (path ? ((await zip.file(path)?.async('string')) ?? '') : '');
  const names = Object.keys(zip.files);
  return {
    body: await read('word/document.xml'),
    header: await read(names.find((n) => /^word\/header\d*\.xml$/.test(n))),
    footer: await read(names.find((n) => /^word\/footer\d*\.xml$/.test(n))),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of the runs of a part, joined, so that a phrase split over runs is still found. */
export function docxText(xml: string): string {
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);
}
