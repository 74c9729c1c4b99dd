import { describe, expect, it } from 'vitest';
import { decodeText, sniffFile } from '../../../engine/import/decode.js';
import { parseDelimited } from '../../../engine/import/delimited.js';
import { readHtmlTable } from '../../../engine/import/html-table.js';
import { problemOf } from '../../results.js';

/** The punctuation Windows-874 adds to TIS-620 that these tests use. */
const WINDOWS_874_EXTRA: Record<string, number> = { '€': 0x80, '…': 0x85, '“': 0x93, '”': 0x94, '–': 0x96, '\u00A0': 0xa0 };

/** Encodes text as Windows-874 (TIS-620 plus a little punctuation): ASCII as is, Thai U+0E01–U+0E5B to 0xA1–0xFB. */
function windows874(text: string): Uint8Array {
  return Uint8Array.from([...text], (character) => {
    const code = character.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x0e01 && code <= 0x0e5b) return code - 0x0e01 + 0xa1;
    const extra = WINDOWS_874_EXTRA[character];
    if (extra === undefined) throw new Error(`not in Windows-874: ${character}`);
    return extra;
  });
}

/** Encodes text as UTF-16 in the given byte order, with its byte order mark unless told otherwise. */
function utf16(text: string, order: 'le' | 'be', bom = true): Uint8Array {
  const units = [...(bom ? '\uFEFF' : ''), ...text].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]));
  return Uint8Array.from(units.flatMap((unit) => (order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff])));
}

/** Encodes text as UTF-8, with a byte order mark when asked. */
function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
}

/** Encodes text as Latin-1 (ISO-8859-1): one byte per character below U+0100. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text], (character) => character.charCodeAt(0));
}


const THAI_CSV = 'จังหวัด,จำนวนหมู่บ้าน,ร้อยละ\r\nเชียงใหม่,๙๕,“ผ่าน”\r\n';

describe('sniffFile', () => {
  describe('when the bytes start with a zip header', () => {
    it('says xlsx', () => {
      expect(sniffFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toBe('xlsx');
    });
  });
  describe('when the bytes start with the OLE2 compound file header of Excel 97–2003', () => {
    it('says xls-binary', () => {
      expect(sniffFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]))).toBe('xls-binary');
    });
  });
  describe('when the bytes only begin like a magic number', () => {
    it('says text for PK without 03 04 and for a cut-off OLE2 header', () => {
      expect(sniffFile(utf8('PK,code\n1,2'))).toBe('text');
      expect(sniffFile(Uint8Array.from([0xd0, 0xcf, 0x11]))).toBe('text');
    });
  });
  describe('when the text is an HTML page with a table (an ".xls" exported by a government system)', () => {
    it('says html, after a byte order mark and white space, in UTF-8, UTF-16 and Windows-874', () => {
      expect(sniffFile(utf8('\uFEFF \r\n\t<html><body><TABLE><tr><td>1</td></tr></TABLE></body></html>'))).toBe('html');
      expect(sniffFile(utf16('<table><tr><td>เชียงใหม่</td></tr></table>', 'le'))).toBe('html');
      expect(sniffFile(windows874('<html><head><title>รายงาน</title></head><body><table><tr><td>เชียงใหม่</td></tr></table></body></html>'))).toBe('html');
    });
    it('says html for a page that starts with a doctype and names <html>', () => {
      expect(sniffFile(utf8('<!DOCTYPE html>\n<HTML lang="th"><body>ไม่มีตาราง</body></HTML>'))).toBe('html');
    });
  });
  describe('when the text starts with < but has neither <table nor <html', () => {
    it('says text', () => {
      expect(sniffFile(utf8('<?xml version="1.0"?><rows><row id="1"/></rows>'))).toBe('text');
      expect(sniffFile(utf8('<tablet>,1\n'))).toBe('text');
    });
  });
  describe('when the text mentions <table> but does not start with <', () => {
    it('says text', () => {
      expect(sniffFile(utf8('id,note\n1,"<table> in a cell"\n'))).toBe('text');
    });
  });
  describe('when there are no bytes, or only a byte order mark and white space', () => {
    it('says empty', () => {
      expect(sniffFile(new Uint8Array())).toBe('empty');
      expect(sniffFile(utf8(' \r\n\t', true))).toBe('empty');
      expect(sniffFile(utf16('\n', 'be'))).toBe('empty');
    });
  });
  describe('when the bytes cannot be decoded as text', () => {
    it('says text, leaving the refusal to decodeText', () => {
      expect(sniffFile(latin1('Café,1\n'))).toBe('text');
    });
  });
});

describe('decodeText', () => {
  describe('when the bytes are UTF-8 without a byte order mark', () => {
    it('returns the Thai text as written', () => {
      expect(decodeText(utf8(THAI_CSV))).toEqual({ text: THAI_CSV, encoding: 'utf-8' });
    });
  });
  describe('when the bytes are UTF-8 with a byte order mark (Excel "CSV UTF-8")', () => {
    it('returns the text without the mark', () => {
      expect(decodeText(utf8(THAI_CSV, true))).toEqual({ text: THAI_CSV, encoding: 'utf-8-bom' });
    });
  });
  describe('when the bytes are UTF-16 with a byte order mark', () => {
    it('reads little-endian and big-endian, Thai and a character outside the BMP included', () => {
      const text = `${THAI_CSV}𝟙,😀\n`;
      expect(decodeText(utf16(text, 'le'))).toEqual({ text, encoding: 'utf-16le' });
      expect(decodeText(utf16(text, 'be'))).toEqual({ text, encoding: 'utf-16be' });
    });
  });
  describe('when UTF-16 with a byte order mark has an odd number of bytes', () => {
    it('refuses it, naming UTF-16', () => {
      const bytes = utf16('ก,1', 'le');
      const problem = problemOf(decodeText(bytes.subarray(0, bytes.length - 1)));
      expect(problem.code).toBe('UNKNOWN_ENCODING');
      expect(problem.message.en).toContain('UTF-16 (little-endian)');
      expect(problem.message.th).toContain('UTF-16 (little-endian)');
    });
  });
  describe('when ASCII text is UTF-16 without a byte order mark', () => {
    it('refuses it for its NUL characters instead of reading "i\\0d\\0"', () => {
      const problem = problemOf(decodeText(utf16('id,score\n1,2\n', 'le', false)));
      expect(problem.code).toBe('UNKNOWN_ENCODING');
      expect(problem.message.en).toContain('NUL');
      expect(problem.message.en).toContain('UTF-16 without a byte order mark');
      expect(problem.message.th).toContain('UTF-16 ที่ไม่มีเครื่องหมายลำดับไบต์');
    });
  });
  describe('when the bytes start with a UTF-32 byte order mark', () => {
    it('refuses them as UTF-32 rather than reading them as UTF-16', () => {
      const problem = problemOf(decodeText(Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00])));
      expect(problem.message.en).toContain('UTF-32');
    });
  });
  describe('when the bytes are Thai in Windows-874 (TIS-620), as older Thai Excel saves "CSV"', () => {
    it('decodes them as windows-874, curly quotes included', () => {
      expect(decodeText(windows874(THAI_CSV))).toEqual({ text: THAI_CSV, encoding: 'windows-874' });
    });
    it('decodes every Thai character from ก to ๛', () => {
      const all = Array.from({ length: 0x5b }, (_, i) => String.fromCharCode(0x0e01 + i))
        .filter((c) => !/[\u0E3B-\u0E3E]/.test(c))
        .join('');
      const text = `ก${all}`;
      expect(decodeText(windows874(text))).toEqual({ text, encoding: 'windows-874' });
    });
  });
  describe('when a byte order mark says UTF-8 but a byte is not UTF-8', () => {
    it('refuses, naming the byte and its place', () => {
      const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0xa1]);
      const problem = problemOf(decodeText(bytes));
      expect(problem.message.en).toContain('byte order mark');
      expect(problem.message.en).toContain('byte 6 of the file is 0xA1');
      expect(problem.message.th).toContain('ไบต์ที่ 6 ของไฟล์คือ 0xA1');
    });
  });
  describe('when the bytes are Latin-1 with an accent after a Latin letter', () => {
    it('refuses "Café" (é would be a Thai tone mark after a Latin letter) with how to save as CSV UTF-8', () => {
      const problem = problemOf(decodeText(latin1('name,city\nCafé,Paris\n')));
      expect(problem.code).toBe('UNKNOWN_ENCODING');
      expect(problem.message.en).toContain('not UTF-8 (byte 14 of the file is 0xE9)');
      expect(problem.message.en).toContain('not Thai Windows-874');
      expect(problem.message.en).toContain('perhaps Latin-1 or a binary file');
      expect(problem.message.en).toContain('File › Save As › CSV UTF-8 (Comma delimited)');
      expect(problem.message.th).toContain('ไม่ใช่ภาษาไทยแบบ Windows-874');
      expect(problem.message.th).toContain('ไฟล์ › บันทึกเป็น › CSV UTF-8 (Comma delimited)');
    });
    it('refuses "São Paulo" (ã would be a Thai vowel wedged inside a Latin word)', () => {
      expect(problemOf(decodeText(latin1('São Paulo,1\n'))).code).toBe('UNKNOWN_ENCODING');
    });
    it('refuses "Müller" (ü is a byte Windows-874 does not define)', () => {
      expect(problemOf(decodeText(latin1('Müller,1\n'))).code).toBe('UNKNOWN_ENCODING');
    });
  });
  describe('when Thai bytes are mixed with bytes Windows-874 does not define', () => {
    it('refuses them', () => {
      expect(problemOf(decodeText(Uint8Array.from([...windows874('เชียงใหม่,'), 0x81, 0x8d]))).code).toBe('UNKNOWN_ENCODING');
    });
  });
  describe('when the bytes are a binary file', () => {
    it('refuses a PNG header', () => {
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
      expect(problemOf(decodeText(png)).message.en).toContain('perhaps Latin-1 or a binary file');
    });
    it('refuses NUL bytes even when every byte is ASCII', () => {
      expect(problemOf(decodeText(Uint8Array.from([0x61, 0x00, 0x62]))).message.en).toContain('binary file');
    });
  });
});

describe('parseDelimited', () => {
  describe('when the text is comma separated', () => {
    it('returns the cells exactly as written: no trimming, quotes unwrapped, doubled quotes undoubled, empties kept', () => {
      expect(parseDelimited(' a , b ,\n"x, y","say ""ก""",\u00A012\u00A0\n')).toEqual({
        records: [
          [' a ', ' b ', ''],
          ['x, y', 'say "ก"', '\u00A012\u00A0'],
        ],
        delimiter: ',',
        lines: [1, 2],
      });
    });
  });
  describe('when the first line has more semicolons than commas (Excel with a European list separator)', () => {
    it('splits on semicolons and leaves commas in the cells', () => {
      const parsed = parseDelimited('จังหวัด;คะแนน\nเชียงใหม่;4,5\n');
      expect(parsed).toMatchObject({ delimiter: ';', records: [['จังหวัด', 'คะแนน'], ['เชียงใหม่', '4,5']] });
    });
  });
  describe('when the first line is tab separated', () => {
    it('splits on tabs', () => {
      expect(parseDelimited('a\tb,c\td\n1\t2,5\t3')).toMatchObject({ delimiter: '\t', records: [['a', 'b,c', 'd'], ['1', '2,5', '3']] });
    });
  });
  describe('when the delimiters of the first line tie', () => {
    it('chooses the comma when it is among the most common', () => {
      expect(parseDelimited('a;b,c\n1;2,3')).toMatchObject({ delimiter: ',', records: [['a;b', 'c'], ['1;2', '3']] });
      expect(parseDelimited('a;b,c\td\n')).toMatchObject({ delimiter: ',', records: [['a;b', 'c\td']] });
    });
    it('chooses the semicolon over the tab when the comma is not', () => {
      expect(parseDelimited('a;b\tc\n')).toMatchObject({ delimiter: ';', records: [['a', 'b\tc']] });
    });
  });
  describe('when the first line has no delimiter at all', () => {
    it('reads one column split on commas', () => {
      expect(parseDelimited('คะแนน\n1\n')).toMatchObject({ delimiter: ',', records: [['คะแนน'], ['1']] });
    });
  });
  describe('when the first line has delimiters inside quotes', () => {
    it('counts only those outside quotes', () => {
      expect(parseDelimited('"a,b,c";d;e\n1;2;3')).toMatchObject({ delimiter: ';', records: [['a,b,c', 'd', 'e'], ['1', '2', '3']] });
    });
  });
  describe('when the text starts with blank lines', () => {
    it('detects the delimiter from the first line that is not blank and skips the blank lines', () => {
      expect(parseDelimited('\n  \r\na\tb\n1\t2')).toMatchObject({ delimiter: '\t', records: [['  '], ['a', 'b'], ['1', '2']], lines: [2, 3, 4] });
    });
  });
  describe('when lines end in CRLF, LF and CR alike', () => {
    it('splits on each and counts lines from 1', () => {
      expect(parseDelimited('a,b\r\n1,2\n3,4\r5,6')).toEqual({
        records: [
          ['a', 'b'],
          ['1', '2'],
          ['3', '4'],
          ['5', '6'],
        ],
        delimiter: ',',
        lines: [1, 2, 3, 4],
      });
    });
  });
  describe('when a quoted cell spans lines', () => {
    it('keeps its line breaks and gives each record the line it starts on', () => {
      expect(parseDelimited('a,b\n"line one\r\nline two\nthree",x\n\ny,z\n')).toEqual({
        records: [
          ['a', 'b'],
          ['line one\r\nline two\nthree', 'x'],
          ['y', 'z'],
        ],
        delimiter: ',',
        lines: [1, 2, 6],
      });
    });
  });
  describe('when rows have different numbers of cells', () => {
    it('keeps every row as it is', () => {
      expect(parseDelimited('a,b,c\n1\n1,2,3,4\n')).toMatchObject({ records: [['a', 'b', 'c'], ['1'], ['1', '2', '3', '4']] });
    });
  });
  describe('when the text starts with a byte order mark', () => {
    it('leaves it out of the first cell', () => {
      expect(parseDelimited('\uFEFFid,x\n1,2')).toMatchObject({ records: [['id', 'x'], ['1', '2']] });
    });
  });
  describe('when a quote is never closed', () => {
    it('names the line the quote opened on, not the last line', () => {
      const problem = problemOf(parseDelimited('a,b\n1,"open\n2,3\n4,5\n'));
      expect(problem.code).toBe('UNCLOSED_QUOTE');
      expect(problem.line).toBe(2);
      expect(problem.message.en).toContain('opened on line 2');
      expect(problem.message.th).toContain('บรรทัดที่ 2');
    });
    it('skips closed and doubled quotes before it', () => {
      const problem = problemOf(parseDelimited('"a ""q""\nb",c\r\nd,e\r"f'));
      expect(problem).toMatchObject({ code: 'UNCLOSED_QUOTE', line: 4 });
    });
  });
  describe('when a quote stands inside a cell that does not start with one', () => {
    it('refuses the line rather than guess where the cell ends', () => {
      const problem = problemOf(parseDelimited('a,b\n5" จอ,1\n'));
      expect(problem).toMatchObject({ code: 'BAD_QUOTE', line: 2 });
      expect(problem.message.en).toContain('Line 2');
      expect(problem.message.th).toContain('บรรทัดที่ 2');
    });
  });
  describe('when text follows a closing quote', () => {
    it('refuses the line', () => {
      const problem = problemOf(parseDelimited('x,y\n1,2\n"a"b,c\n'));
      expect(problem).toMatchObject({ code: 'BAD_QUOTE', line: 3 });
      expect(problem.message.en).toContain('follows the quote');
    });
  });
});

describe('readHtmlTable', () => {
  describe('when the page is an Excel-style HTML export', () => {
    it('reads the cells of <th> and <td>, tags stripped and HTML white space collapsed', () => {
      const page = `<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"><style>td { mso-number-format:"\\@"; }</style></head>
<body><table border=1>
  <thead><tr><th>จังหวัด</th><th class=xl65>จำนวน<br style='mso-data-placement:same-cell'>หมู่บ้าน</th></tr></thead>
  <tbody>
  <tr><td>  <b>เชียงใหม่</b>
  </td><td x:num="1234">1,234</td></tr>
  <tr><td><span lang=TH>ลำพูน</span></td><td>๙๕</td></tr>
  </tbody></table></body></html>`;
      expect(readHtmlTable(page)).toEqual({
        rows: [
          ['จังหวัด', 'จำนวน หมู่บ้าน'],
          ['เชียงใหม่', '1,234'],
          ['ลำพูน', '๙๕'],
        ],
      });
    });
  });
  describe('when cells hold character references', () => {
    it('decodes the named and numeric ones, keeps NBSP as U+00A0, and leaves unknown names as written', () => {
      const page = '<table><tr><td>A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39; &apos;f&apos;</td><td>&#3648;&#x0E0A;&#X0e35;ยง&nbsp;1</td><td>&copy; &#0; &#x110000; &amp</td></tr></table>';
      expect(readHtmlTable(page)).toEqual({ rows: [['A & B <c> "d" \'e\' \'f\'', 'เชียง\u00A01', '&copy; \uFFFD \uFFFD &amp']] });
    });
    it('does not collapse an encoded NBSP at the end of a cell', () => {
      expect(readHtmlTable('<table><tr><td> 12&nbsp; </td></tr></table>')).toEqual({ rows: [['12\u00A0']] });
    });
  });
  describe('when a cell spans columns', () => {
    it('repeats an empty cell for each further column', () => {
      const page = '<table><tr><th colspan="3">ผลการดำเนินงาน</th><th>หมายเหตุ</th></tr><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>';
      expect(readHtmlTable(page)).toEqual({
        rows: [
          ['ผลการดำเนินงาน', '', '', 'หมายเหตุ'],
          ['1', '2', '3', '4'],
        ],
      });
    });
    it('reads colspan 0, negative or not a number as 1, and caps it at 1,000 as HTML does', () => {
      const page = '<table><tr><td colspan=0>a</td><td colspan="-2">b</td><td colspan=x>c</td><td colspan=" 2px">d</td></tr><tr><td colspan=99999999>e</td></tr></table>';
      const result = readHtmlTable(page) as { rows: string[][] };
      expect(result.rows[0]).toEqual(['a', 'b', 'c', 'd', '']);
      expect(result.rows[1]).toHaveLength(1000);
      expect(result.rows[1]![0]).toBe('e');
    });
  });
  describe('when a cell spans rows', () => {
    it('keeps the cells below in their columns with an empty cell where the span covers them', () => {
      const page = `<table>
        <tr><th rowspan=2>อำเภอ</th><th colspan=2 rowspan="1">หมู่บ้าน</th><th rowspan=3>หมายเหตุ</th></tr>
        <tr><th>ทั้งหมด</th><th>ผ่าน</th></tr>
        <tr><td>เมือง</td><td>10</td><td>8</td></tr>
        <tr><td>สารภี</td><td>5</td><td>5</td><td>ครบ</td></tr>
      </table>`;
      expect(readHtmlTable(page)).toEqual({
        rows: [
          ['อำเภอ', 'หมู่บ้าน', '', 'หมายเหตุ'],
          ['', 'ทั้งหมด', 'ผ่าน'],
          ['เมือง', '10', '8'],
          ['สารภี', '5', '5', 'ครบ'],
        ],
      });
    });
  });
  describe('when the page has several tables', () => {
    it('reads the one with the most rows', () => {
      const page = '<table><tr><td>หัวรายงาน</td></tr></table><table><tr><td>a</td></tr><tr><td>b</td></tr><tr><td>c</td></tr></table><table><tr><td>x</td></tr><tr><td>y</td></tr></table>';
      expect(readHtmlTable(page)).toEqual({ rows: [['a'], ['b'], ['c']] });
    });
    it('reads the first of those with equally many rows', () => {
      expect(readHtmlTable('<table><tr><td>first</td></tr></table><table><tr><td>second</td></tr></table>')).toEqual({ rows: [['first']] });
    });
    it('reads a data table nested in a layout table as a table of its own, not as text of the outer cell', () => {
      const page = '<table><tr><td>เมนู<table><tr><th>id</th></tr><tr><td>1</td></tr><tr><td>2</td></tr></table>ท้าย</td><td>ขวา</td></tr></table>';
      expect(readHtmlTable(page)).toEqual({ rows: [['id'], ['1'], ['2']] });
    });
  });
  describe('when table-like text sits in comments, scripts, styles or attribute values', () => {
    it('ignores it', () => {
      const page = `<!-- <table><tr><td>comment</td></tr><tr><td>2</td></tr></table> -->
        <script>var s = "<table><tr><td>script</td></tr><tr><td>2</td></tr></table>";</script>
        <style>/* <table><tr><td>style</td></tr></table> */</style>
        <table><tr><td title="<td>a>b</td>" data-x='>'>real</td></tr></table>`;
      expect(readHtmlTable(page)).toEqual({ rows: [['real']] });
    });
  });
  describe('when a cell holds a < that starts no tag', () => {
    it('keeps it as text', () => {
      expect(readHtmlTable('<table><tr><td>1 < 2 <= 3<4</td></tr></table>')).toEqual({ rows: [['1 < 2 <= 3<4']] });
    });
  });
  describe('when rows and cells are left unclosed, as HTML allows', () => {
    it('closes them at the next row, cell or table end', () => {
      expect(readHtmlTable('<TABLE><TR><TD>a<TD>b<TR><TD>c</TABLE>')).toEqual({ rows: [['a', 'b'], ['c']] });
    });
  });
  describe('when the page has no table', () => {
    it('says so in Thai and English', () => {
      const problem = problemOf(readHtmlTable('<html><body><p>ไม่พบข้อมูล</p></body></html>'));
      expect(problem.code).toBe('NO_TABLE');
      expect(problem.message.th).toContain('หน้าเว็บนี้ไม่มีตาราง');
      expect(problem.message.en).toContain('The page has no table');
    });
    it('says so when the only tables have no rows', () => {
      expect(problemOf(readHtmlTable('<table></table><table><caption>ว่าง</caption></table>')).code).toBe('NO_TABLE');
    });
  });
});
