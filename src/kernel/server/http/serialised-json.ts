/**
 * Read models that are served often and change rarely (a worklist, a page of a list) are kept as their JSON bytes:
 * the response schema is applied and the text encoded once, when the bytes are made, and every later request sends
 * the same buffer.
 */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The UTF-8 JSON of a value after its response schema has checked and shaped it (as the route's serialiser would). */
export function serialiseWith<S extends z.ZodType>(schema: S, value: z.input<S>): Buffer {
  return Buffer.from(JSON.stringify(schema.parse(value)));
}

/** Send JSON bytes made by `serialiseWith`; Fastify passes a buffer through unchanged. */
export function sendSerialised(reply: FastifyReply<any, any, any, any, any>, body: Buffer) {
  return reply.header('content-type', JSON_CONTENT_TYPE).send(body);
}
