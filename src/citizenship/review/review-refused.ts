import { HttpStatus } from '@nestjs/common';
import { FormError } from '../../common/errors/form-error';
import { MessageRef } from '../../common/i18n/messages';

/** Why a review step was refused; each has a message `review.refused.<reason>` (and `review.skipped.<reason>` for bulk). */
export type RefusalReason =
  | 'notFound'
  | 'notSubmitted'
  | 'answersReturned'
  | 'answerNotFound'
  | 'notConfirmed'
  | 'notEligible'
  | 'alreadyRecognised'
  | 'notRecognised'
  | 'noBranch'
  | 'branchEnded';

/**
 * A step the application's status does not allow (409), with a message in the caller's language: a
 * FormError, so a form page shows it above the form and the API answers it as `message`.
 */
export class ReviewRefused extends FormError {
  constructor(readonly reason: RefusalReason) {
    const ref: MessageRef = { key: `review.refused.${reason}` };
    super({ status: ref }, ref);
  }

  override getStatus(): number {
    return HttpStatus.CONFLICT;
  }
}
