import { defineMessages, MessageSet, Text } from '../common/i18n/messages';
import { FileKind } from './file-kinds';
import { RefusedType } from './file-sniffer';

/** What a file of each kind is, to say what a refused file really is. */
const KIND_NOUN: Record<FileKind, Text> = {
  [FileKind.Pdf]: { vi: 'tài liệu PDF', en: 'a PDF document' },
  [FileKind.Docx]: { vi: 'văn bản Word (.docx)', en: 'a Word document (.docx)' },
  [FileKind.Pptx]: { vi: 'bài trình chiếu PowerPoint (.pptx)', en: 'a PowerPoint presentation (.pptx)' },
  [FileKind.Xlsx]: { vi: 'bảng tính Excel (.xlsx)', en: 'an Excel workbook (.xlsx)' },
  [FileKind.Mp4]: { vi: 'video MP4', en: 'an MP4 video' },
  [FileKind.Mov]: { vi: 'video MOV (QuickTime)', en: 'a MOV (QuickTime) video' },
  [FileKind.Webm]: { vi: 'video WebM', en: 'a WebM video' },
  [FileKind.Png]: { vi: 'ảnh PNG', en: 'a PNG image' },
  [FileKind.Jpeg]: { vi: 'ảnh JPEG', en: 'a JPEG image' },
  [FileKind.Gif]: { vi: 'ảnh GIF', en: 'a GIF image' },
  [FileKind.Webp]: { vi: 'ảnh WebP', en: 'a WebP image' },
};

const ACCEPTED = { vi: ' Chỉ nhận: {allowed}.', en: ' Accepted: {allowed}.' };

/** Why a file that is none of the accepted kinds is refused, by what it really is. */
const REFUSED: Record<RefusedType, Text> = {
  [RefusedType.Empty]: { vi: 'Tệp rỗng, không có dữ liệu.', en: 'The file is empty.' },
  [RefusedType.Html]: {
    vi: 'Tệp này thực chất là một trang web (HTML), có thể chứa mã độc nên không được nhận.',
    en: 'This file is really a web page (HTML), which may carry harmful code, so it is not accepted.',
  },
  [RefusedType.Svg]: {
    vi: 'Tệp này là ảnh SVG, có thể chứa mã chạy được nên không được nhận. Hãy lưu ảnh dưới dạng PNG hoặc JPEG.',
    en: 'This file is an SVG image, which may carry code that runs, so it is not accepted. Save the image as PNG or JPEG.',
  },
  [RefusedType.Xml]: {
    vi: 'Tệp này là tệp dữ liệu XML, không được nhận.',
    en: 'This file is XML data, which is not accepted.',
  },
  [RefusedType.Executable]: {
    vi: 'Tệp này là chương trình hoặc mã lệnh chạy được, không được nhận.',
    en: 'This file is a program or script, which is not accepted.',
  },
  [RefusedType.Zip]: {
    vi: 'Tệp này là tệp nén ZIP (không phải Word, PowerPoint hay Excel), không được nhận.',
    en: 'This file is a ZIP archive (not Word, PowerPoint or Excel), which is not accepted.',
  },
  [RefusedType.Ole]: {
    vi: 'Tệp này ở định dạng Office 97–2003 (.doc, .xls, .ppt), không được nhận. Hãy mở tệp và lưu lại dưới dạng .docx, .pptx hoặc .xlsx.',
    en: 'This file is in the Office 97–2003 format (.doc, .xls, .ppt), which is not accepted. Open it and save it as .docx, .pptx or .xlsx.',
  },
  [RefusedType.Archive]: {
    vi: 'Tệp này là tệp nén (RAR, 7z, gzip…), không được nhận. Hãy giải nén và tải lên từng tệp.',
    en: 'This file is a compressed archive (RAR, 7z, gzip…), which is not accepted. Extract it and upload the files one by one.',
  },
  [RefusedType.ArchiveBomb]: {
    vi: 'Tệp này khi giải nén lớn bất thường (hơn 256 MB), có thể là "bom nén", nên không được nhận.',
    en: 'This file unzips to an abnormal size (over 256 MB) and may be a "zip bomb", so it is not accepted.',
  },
  [RefusedType.Heic]: {
    vi: 'Tệp này là ảnh HEIC/AVIF của điện thoại, nhiều trình duyệt không hiển thị được. Hãy chuyển ảnh sang JPEG hoặc PNG.',
    en: 'This file is a HEIC/AVIF phone photo, which many browsers cannot show. Convert it to JPEG or PNG.',
  },
  [RefusedType.Matroska]: {
    vi: 'Tệp này là video MKV (Matroska), nhiều trình duyệt không phát được. Hãy chuyển video sang MP4 hoặc WebM.',
    en: 'This file is an MKV (Matroska) video, which many browsers cannot play. Convert it to MP4 or WebM.',
  },
  [RefusedType.Text]: {
    vi: 'Tệp này là văn bản thuần, không được nhận.',
    en: 'This file is plain text, which is not accepted.',
  },
  [RefusedType.Unknown]: {
    vi: 'Không nhận ra loại của tệp này theo nội dung của nó.',
    en: 'The kind of this file cannot be recognised from its content.',
  },
};

function generated(): MessageSet {
  const set: MessageSet = {};
  for (const [type, text] of Object.entries(REFUSED)) {
    set[`files.refused.${type}`] =
      type === RefusedType.Empty ? text : { vi: text.vi + ACCEPTED.vi, en: text.en + ACCEPTED.en };
  }
  for (const [kind, noun] of Object.entries(KIND_NOUN)) {
    set[`files.kind.${kind}`] = noun;
    set[`files.notAllowed.${kind}`] = {
      vi: `Tệp này là ${noun.vi}, không thuộc loại được nhận ở đây.${ACCEPTED.vi}`,
      en: `This file is ${noun.en}, which is not accepted here.${ACCEPTED.en}`,
    };
    set[`files.mismatch.${kind}`] = {
      vi: `Tệp có đuôi .{ext} nhưng nội dung thực chất là ${noun.vi}. Hãy chọn đúng tệp, hoặc đặt lại tên tệp cho đúng loại.`,
      en: `The file is named .{ext} but its content is ${noun.en}. Choose the right file, or rename it to match what it is.`,
    };
  }
  return set;
}

export const filesMessages = defineMessages({
  ...generated(),
  'files.upload.required': { vi: 'Vui lòng chọn tệp để tải lên.', en: 'Choose a file to upload.' },
  'files.upload.tooLarge': {
    vi: 'Tệp quá lớn (tối đa {max} MB).',
    en: 'The file is too large (at most {max} MB).',
  },
  'files.upload.invalid': {
    vi: 'Không nhận được tệp. Vui lòng chọn lại tệp và gửi lại.',
    en: 'The file did not arrive. Choose it again and resend.',
  },
  'files.tooLarge.image': {
    vi: 'Ảnh quá lớn (tối đa {max} MB).',
    en: 'The image is too large (at most {max} MB).',
  },
  'files.tooLarge.document': {
    vi: 'Tài liệu quá lớn (tối đa {max} MB).',
    en: 'The document is too large (at most {max} MB).',
  },
  'files.tooLarge.video': {
    vi: 'Video quá lớn (tối đa {max} MB).',
    en: 'The video is too large (at most {max} MB).',
  },
  'files.accepts': {
    vi: 'Nhận: {allowed}. Nội dung tệp được kiểm tra, không chỉ dựa vào tên tệp.',
    en: 'Accepted: {allowed}. The content of the file is checked, not just its name.',
  },
  'files.limits': {
    vi: 'Dung lượng tối đa: ảnh {image} MB, tài liệu {document} MB, video {video} MB.',
    en: 'Largest size: images {image} MB, documents {document} MB, video {video} MB.',
  },
  'files.size': { vi: '{size} MB', en: '{size} MB' },
});
