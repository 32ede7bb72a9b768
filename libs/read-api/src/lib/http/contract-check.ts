import { InternalServerErrorException, type Logger } from '@nestjs/common';
import { READ_RESPONSE_SCHEMAS, type ReadResource, type ReadResponse } from '@ops/read-api-contract';

/**
 * The response, checked against its contract schema before it is sent. A body that does not fit
 * is a bug: it is logged with every issue's path and message (never the figures) and answered 500.
 */
export function checked<R extends ReadResource>(resource: R, body: unknown, logger: Logger): ReadResponse<R> {
  const result = READ_RESPONSE_SCHEMAS[resource].safeParse(body);
  if (result.success) return result.data as ReadResponse<R>;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  logger.error({ message: `GET /api/${resource} built a response that breaks its contract`, issues });
  throw new InternalServerErrorException(`the ${resource} response failed its contract check (logged)`);
}
