import { Body, Controller, Get, Param, ParseIntPipe, Post, Render, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../../common/access/access.decorators';
import { Actor } from '../../../common/access/actor';
import { FormView } from '../../../common/forms/form-view';
import { AppRequest, flash } from '../../../common/http/request';
import { translate } from '../../../common/i18n/i18n';
import { formatDate } from '../../../common/views/view-helpers';
import { BATCH_ROLES, BatchEvaluationService } from './batch-evaluation.service';
import { StartBatchDto } from './dto/batch.dto';

const PATH = '/citizenship/evaluation';

/** Starting a batch evaluation for a year and a scope, and following it with a progress bar. */
@ApiExcludeController()
@Controller('citizenship/evaluation')
export class BatchEvaluationController {
  constructor(private readonly batches: BatchEvaluationService) {}

  @Get()
  @Roles(...BATCH_ROLES)
  @Render('citizenship/evaluation/start')
  page(@Req() req: AppRequest) {
    return this.formContext(req);
  }

  @Post()
  @Roles(...BATCH_ROLES)
  @FormView('citizenship/evaluation/start', { context: BatchEvaluationController.prototype.formContext })
  async start(@CurrentActor() actor: Actor, @Body() dto: StartBatchDto, @Req() req: AppRequest) {
    const { runId, joined } = await this.batches.start(actor, dto);
    if (joined) {
      flash(req, 'info', 'citizenship.batch.joined');
      return { url: PATH };
    }
    return { url: `${PATH}/runs/${runId}` };
  }

  @Get('runs/:id')
  @Roles(...BATCH_ROLES)
  @Render('citizenship/evaluation/run')
  async run(@CurrentActor() actor: Actor, @Param('id', ParseIntPipe) id: number, @Req() req: AppRequest) {
    const run = await this.batches.run(actor, id);
    const result = run.result ?? {};
    const scope = result.scope ? translate(req.locale, `citizenship.batch.kind.${result.scope}`) : '';
    return {
      title: translate(req.locale, 'citizenship.batch.runTitle'),
      run,
      completed: run.status === 'COMPLETED',
      failed: run.status === 'FAILED',
      summaryText: result.year
        ? translate(req.locale, 'citizenship.batch.summary', { year: result.year, scope })
        : null,
      result,
    };
  }

  async formContext(req: AppRequest) {
    const choices = await this.batches.choices(req.user!);
    return {
      title: translate(req.locale, 'citizenship.batch.title'),
      years: choices.years.map((y) => ({ value: y, label: String(y) })),
      kinds: choices.kinds.map((k) => ({
        value: k,
        label: translate(req.locale, `citizenship.batch.kind.${k}`),
      })),
      enterprises: choices.enterprises.map((e) => ({ value: e.id, label: e.name })),
      units: choices.units.map((u) => ({
        value: u.id,
        label: `${'– '.repeat(u.depth)}${
          u.inForce || !u.validTo
            ? u.name
            : translate(req.locale, 'citizenship.batch.unitLapsed', {
                name: u.name,
                date: formatDate(u.validTo),
              })
        }`,
      })),
      values: { year: choices.years[0], kind: choices.kinds[0] },
    };
  }
}
