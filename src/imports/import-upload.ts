import { FileUploadInterceptor } from '../files/file-upload';

/** Where uploaded sheets live, under the upload directory (older rosters: roster/, attendance/). */
export const IMPORT_UPLOAD_DIR = 'imports';

/**
 * Receives one sheet (field "file") into the imports directory, within the configured size; limits
 * and broken uploads become form errors. Put it above @FormView so that FormView renders them.
 */
export const ImportUploadInterceptor = FileUploadInterceptor({
  field: 'file',
  dir: IMPORT_UPLOAD_DIR,
  messages: { tooLarge: 'import.upload.tooLarge', invalid: 'import.upload.invalid' },
});
