import { NotFoundException } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { samples } from '../../test/support/sample-files';
import { FormError } from '../common/errors/form-error';
import { UnitOfWork } from '../database/unit-of-work';
import { StoredFile } from './entities/stored-file.entity';
import { DOCUMENT_KINDS, FileKind, IMAGE_KINDS, LEARNING_FILE_KINDS } from './file-kinds';
import { TempUpload } from './file-upload';
import { FilesRepository, NewStoredFile } from './files.repository';
import { contentDisposition, downloadName, FILES_DIR, FilesService } from './files.service';

const MB = 1024 * 1024;

describe(FilesService.name, () => {
  let dir: string;
  let n = 0;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hoctap-files-'));
    mkdirSync(join(dir, 'tmp'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function setup(maxFileBytes = 50 * MB) {
    const rows: StoredFile[] = [];
    const files = {
      insert: jest.fn(async (data: NewStoredFile) => {
        const row = { ...data, id: rows.length + 1 } as StoredFile;
        rows.push(row);
        return row;
      }),
      delete: jest.fn(async () => undefined),
    };
    // A transaction that keeps its rows only when the work succeeds.
    const unitOfWork = {
      run: jest.fn(async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
        const before = rows.length;
        try {
          return await work({} as EntityManager);
        } catch (error) {
          rows.splice(before);
          throw error;
        }
      }),
    };
    const sut = new FilesService(files as unknown as FilesRepository, unitOfWork as unknown as UnitOfWork, {
      dir,
      maxFileBytes,
      importFileRetentionDays: 7,
    });
    return { sut, files, rows };
  }

  /** A file as FileUploadInterceptor leaves it: under tmp/ with a random name. */
  function received(bytes: Buffer, originalName: string): TempUpload {
    const storedName = `tmp/${n++}.upload`;
    writeFileSync(join(dir, storedName), bytes);
    return {
      storedName,
      path: join(dir, storedName),
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      originalName,
    };
  }

  const kept = () => (existsSync(join(dir, FILES_DIR)) ? readdirSync(join(dir, FILES_DIR)) : []);
  const waiting = () => readdirSync(join(dir, 'tmp'));

  async function refusal(promise: Promise<unknown>): Promise<FormError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FormError);
    return error as FormError;
  }

  const lesson = { ownerType: 'LESSON', ownerId: 7, allowed: LEARNING_FILE_KINDS, uploadedBy: 3 };

  it('keeps a PDF under a random name with a row saying what it is', async () => {
    const { sut, rows } = setup();
    const upload = received(samples.pdf(), 'Giáo trình an toàn lao động.pdf');
    const file = await sut.store(upload, lesson);
    expect(file).toMatchObject({
      ownerType: 'LESSON',
      ownerId: 7,
      originalName: 'Giáo trình an toàn lao động.pdf',
      kind: FileKind.Pdf,
      mime: 'application/pdf',
      sizeBytes: upload.size,
      sha256: upload.sha256,
      uploadedBy: 3,
    });
    expect(file.storedName).toMatch(/^files\/[0-9a-f-]{36}\.pdf$/);
    expect(rows).toHaveLength(1);
    expect(kept()).toEqual([file.storedName.slice(FILES_DIR.length + 1)]);
    expect(waiting()).toEqual([]);
  });

  it.each([
    ['a PNG named .pdf', samples.png(), 'bai-giang.pdf', 'files.mismatch.PNG', { ext: 'pdf' }],
    ['a PDF named .docx', samples.pdf(), 'bai-giang.docx', 'files.mismatch.PDF', { ext: 'docx' }],
    ['a Word file named .PPTX', samples.docx(), 'slide.PPTX', 'files.mismatch.DOCX', { ext: 'pptx' }],
  ])(
    'refuses %s, saying what the file really is, and keeps nothing',
    async (_l, bytes, name, key, params) => {
      const { sut, files } = setup();
      const error = await refusal(sut.store(received(bytes, name), lesson));
      expect(error.fieldErrors).toEqual({ file: { key, params } });
      expect(files.insert).not.toHaveBeenCalled();
      expect(kept()).toEqual([]);
      expect(waiting()).toEqual([]);
    },
  );

  it.each([
    ['an HTML page', samples.html(), 'bai-hoc.html', 'files.refused.HTML'],
    ['an SVG image', samples.svg(), 'logo.svg', 'files.refused.SVG'],
    ['a program', samples.exe(), 'setup.exe', 'files.refused.EXECUTABLE'],
    ['an Office 97–2003 document', samples.doc(), 'cu.doc', 'files.refused.OLE'],
    ['a plain ZIP', samples.zip(), 'anh.zip', 'files.refused.ZIP'],
  ])('refuses %s whatever it is called', async (_l, bytes, name, key) => {
    const { sut, files } = setup();
    for (const claimed of [name, 'tai-lieu.pdf']) {
      const error = await refusal(sut.store(received(bytes, claimed), lesson));
      expect(error.fieldErrors.file).toEqual({ key, params: { allowed: expect.stringContaining('.pdf') } });
    }
    expect(files.insert).not.toHaveBeenCalled();
    expect(kept()).toEqual([]);
    expect(waiting()).toEqual([]);
  });

  it('refuses a kind the field does not take, naming it', async () => {
    const { sut } = setup();
    const error = await refusal(
      sut.store(received(samples.pdf(), 'bia.pdf'), { ...lesson, allowed: IMAGE_KINDS, field: 'cover' }),
    );
    expect(error.fieldErrors).toEqual({
      cover: { key: 'files.notAllowed.PDF', params: { allowed: '.png, .jpg, .gif, .webp' } },
    });
  });

  it('holds each kind to its own size limit: an image one byte over 5 MB is refused', async () => {
    const { sut } = setup();
    const atLimit = received(samples.png(5 * MB), 'anh.png');
    expect(atLimit.size).toBe(5 * MB);
    await expect(sut.store(atLimit, lesson)).resolves.toMatchObject({ kind: FileKind.Png });
    const over = received(samples.png(5 * MB + 1), 'anh.png');
    expect(over.size).toBe(5 * MB + 1);
    const error = await refusal(sut.store(over, lesson));
    expect(error.fieldErrors.file).toEqual({ key: 'files.tooLarge.image', params: { max: 5 } });
    expect(kept()).toHaveLength(1);
  });

  it('never allows more than UPLOAD_MAX_MB, whatever the kind', async () => {
    const { sut } = setup(1 * MB);
    expect(sut.sizeLimit(FileKind.Pdf)).toBe(MB);
    expect(sut.sizeLimit(FileKind.Png)).toBe(MB);
    expect(sut.sizeLimit(FileKind.Mp4)).toBe(MB);
    const { sut: roomy } = setup(2048 * MB);
    expect(roomy.sizeLimit(FileKind.Pdf)).toBe(50 * MB);
    expect(roomy.sizeLimit(FileKind.Mp4)).toBe(2048 * MB);
  });

  it('accepts a file without an extension by its content', async () => {
    const { sut } = setup();
    const file = await sut.store(received(samples.docx(), 'bien-ban'), {
      ...lesson,
      allowed: DOCUMENT_KINDS,
    });
    expect(file.kind).toBe(FileKind.Docx);
    expect(downloadName(file)).toBe('bien-ban.docx');
  });

  it('keeps neither row nor file when linking the file to its owner fails', async () => {
    const { sut, rows } = setup();
    const upload = received(samples.pdf(), 'a.pdf');
    await expect(
      sut.store(upload, lesson, async () => {
        throw new Error('lesson gone');
      }),
    ).rejects.toThrow('lesson gone');
    expect(rows).toEqual([]);
    expect(kept()).toEqual([]);
    expect(waiting()).toEqual([]);
  });

  it('asks for a file when none was sent', async () => {
    const { sut } = setup();
    const error = await refusal(sut.store(undefined, { ...lesson, field: 'cover' }));
    expect(error.fieldErrors).toEqual({ cover: { key: 'files.upload.required' } });
  });

  it('sweeps temporary uploads a stopped process left behind, but not those in flight', async () => {
    const { sut } = setup();
    const old = received(samples.pdf(), 'a.pdf');
    const fresh = received(samples.pdf(), 'b.pdf');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old.path, twoDaysAgo, twoDaysAgo);
    await sut.onModuleInit();
    expect(waiting()).toEqual([fresh.storedName.slice('tmp/'.length)]);
  });

  it('sweeps roster and attendance uploads a crashed request left half-received, keeping the imported files', async () => {
    // The roster and attendance forms receive into their own directories; those files hold CCCD numbers.
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    const place = (name: string, old: boolean) => {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), '001195001111');
      if (old) utimesSync(join(dir, name), twoHoursAgo, twoHoursAgo);
    };
    place('roster/a.upload', true);
    place('attendance/b.upload', true);
    place('roster/c.upload', false);
    place('roster/d.xlsx', true);
    place('files/e.pdf', true);
    await setup().sut.onModuleInit();
    expect(readdirSync(join(dir, 'roster')).sort()).toEqual(['c.upload', 'd.xlsx']);
    expect(readdirSync(join(dir, 'attendance'))).toEqual([]);
    expect(readdirSync(join(dir, 'files'))).toEqual(['e.pdf']);
  });

  it('never resolves a stored name outside the upload directory', () => {
    const { sut } = setup();
    expect(sut.absolutePath('files/a.pdf')).toBe(join(dir, 'files', 'a.pdf'));
    expect(() => sut.absolutePath('../secrets.json')).toThrow(NotFoundException);
    expect(() => sut.absolutePath('/etc/passwd')).toThrow(NotFoundException);
  });

  it('names downloads in ASCII and, for browsers that read it, in Vietnamese (RFC 5987)', () => {
    expect(contentDisposition('Giáo trình (bản 2).pdf')).toBe(
      `attachment; filename="Giao trinh _ban 2_.pdf"; filename*=UTF-8''Gi%C3%A1o%20tr%C3%ACnh%20%28b%E1%BA%A3n%202%29.pdf`,
    );
    expect(contentDisposition('Đường "x".png', true)).toMatch(/^inline; filename="Duong _x_.png"/);
  });
});
