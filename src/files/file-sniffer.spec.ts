import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samples, zip } from '../../test/support/sample-files';
import { FileKind } from './file-kinds';
import { RefusedType, sniffFileKind } from './file-sniffer';

describe(sniffFileKind.name, () => {
  let dir: string;
  let n = 0;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hoctap-sniff-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes the bytes under the given (misleading or not) name and sniffs them. */
  const sniff = (bytes: Buffer, name = 'file.bin') => {
    const path = join(dir, `${n++}-${name}`);
    writeFileSync(path, bytes);
    return sniffFileKind(path);
  };

  it.each([
    ['a PDF', samples.pdf(), FileKind.Pdf],
    ['a Word document', samples.docx(), FileKind.Docx],
    ['a Word document written with data descriptors', samples.docx({ descriptors: true }), FileKind.Docx],
    ['a PowerPoint presentation', samples.pptx(), FileKind.Pptx],
    ['an Excel workbook', samples.xlsx(), FileKind.Xlsx],
    ['an MP4 video', samples.mp4(), FileKind.Mp4],
    ['an MP4 with brand mp42', samples.mp4('mp42'), FileKind.Mp4],
    ['a QuickTime video', samples.mov(), FileKind.Mov],
    ['a WebM video', samples.webm(), FileKind.Webm],
    ['a PNG image', samples.png(), FileKind.Png],
    ['a JPEG image', samples.jpeg(), FileKind.Jpeg],
    ['a GIF image', samples.gif(), FileKind.Gif],
    ['a WebP image', samples.webp(), FileKind.Webp],
  ])('recognises %s by its bytes', async (_label, bytes, kind) => {
    expect(await sniff(bytes)).toEqual({ kind });
  });

  it.each([
    ['lesson-video.webm', FileKind.Webm],
    ['lesson-video.mp4', FileKind.Mp4],
  ])('recognises the real video %s (made by ffmpeg) by its bytes', async (name, kind) => {
    expect(await sniffFileKind(join(__dirname, '../../test/fixtures', name))).toEqual({ kind });
  });

  it('recognises an Excel workbook written by ExcelJS', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Danh sách').addRow(['Họ và tên', 'Ngày sinh']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await sniff(bytes, 'danh-sach.xlsx')).toEqual({ kind: FileKind.Xlsx });
  });

  it('reads the entries from the first local headers when the central directory is missing', async () => {
    const docx = samples.docx();
    const truncated = docx.subarray(0, docx.length - 200);
    expect(await sniff(truncated, 'cut.docx')).toEqual({ kind: FileKind.Docx });
  });

  it.each([
    ['an HTML page', samples.html(), RefusedType.Html],
    ['an HTML fragment', samples.htmlFragment(), RefusedType.Html],
    ['an SVG with a script', samples.svg(), RefusedType.Svg],
    ['a Windows program', samples.exe(), RefusedType.Executable],
    ['a Linux program', samples.elf(), RefusedType.Executable],
    ['a shell script', samples.shellScript(), RefusedType.Executable],
    ['a plain ZIP', samples.zip(), RefusedType.Zip],
    ['an MKV video', samples.webm('matroska'), RefusedType.Matroska],
    ['an EBML file of another kind', samples.webm('xyz'), RefusedType.Unknown],
    ['a truncated EBML header', samples.webm().subarray(0, 4), RefusedType.Unknown],
    ['an OpenDocument file', samples.odt(), RefusedType.Zip],
    ['an Office 97–2003 document', samples.doc(), RefusedType.Ole],
    ['a RAR archive', samples.rar(), RefusedType.Archive],
    ['a HEIC phone photo', samples.heic(), RefusedType.Heic],
    ['plain text', samples.text(), RefusedType.Text],
    ['an empty file', Buffer.alloc(0), RefusedType.Empty],
    ['random bytes', Buffer.from([0x00, 0x13, 0x37, 0x00, 0xff, 0x10]), RefusedType.Unknown],
  ])('refuses %s, naming what it is', async (_label, bytes, refused) => {
    expect(await sniff(bytes)).toEqual({ kind: null, refused });
  });

  it('goes by the bytes, not the name', async () => {
    expect(await sniff(samples.png(), 'giao-trinh.pdf')).toEqual({ kind: FileKind.Png });
    expect(await sniff(samples.pdf(), 'bai-giang.docx')).toEqual({ kind: FileKind.Pdf });
    expect(await sniff(samples.html(), 'anh.png')).toEqual({ kind: null, refused: RefusedType.Html });
    expect(await sniff(samples.svg(), 'logo.png')).toEqual({ kind: null, refused: RefusedType.Svg });
    expect(await sniff(samples.exe(), 'video.mp4')).toEqual({ kind: null, refused: RefusedType.Executable });
  });

  it('does not take a ZIP naming word/ but lacking [Content_Types].xml for a Word file', async () => {
    const fake = zip({ 'word/document.xml': '<w:document/>' });
    expect(await sniff(fake, 'fake.docx')).toEqual({ kind: null, refused: RefusedType.Zip });
  });
});
