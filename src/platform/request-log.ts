import { type FastifyReply, type FastifyRequest, LogController } from "fastify";

// Fastify logs each request twice, as it arrives and as it ends. One line, when it is answered,
// says everything a reader of the log needs (what was asked, the answer, how long it took), at
// half the cost.

/** One log line per request, as it is answered. */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = {
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) reply.log.error({ ...line, err: error }, "answered, with an error");
    else reply.log.info(line, "answered");
  }
}
