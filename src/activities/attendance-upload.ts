import { FileUploadInterceptor } from '../files/file-upload';
import { ATTENDANCE_UPLOAD_DIR } from './attendance-imports.service';

/**
 * Receives one attendance sheet (field "file") into the attendance directory, with the roster's
 * wording for a file too large or a broken upload. Put it above @FormView so that FormView renders
 * those errors.
 */
export const AttendanceUploadInterceptor = FileUploadInterceptor({
  field: 'file',
  dir: ATTENDANCE_UPLOAD_DIR,
  messages: { tooLarge: 'roster.upload.tooLarge', invalid: 'roster.upload.invalid' },
});
